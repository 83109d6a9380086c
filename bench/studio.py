"""The exhibit studio against the kiosk it edits for: opening, and a keystroke's way to the
live preview.

1. Start to first frame.  ``kiosk studio DIR`` on a copy of the bundled exhibit against the
   kiosk's own start (``kiosk run --windowed --size 1920x1080``, as bench/startup.py starts
   it), each a fresh process, alternating in the same rounds after one warm-up each, timed
   from just before it is spawned until it prints its marker (bench/startup.py's harness).
   The kiosk prints ``first-frame`` itself; the studio has no such switch, so it is started
   by a few lines given to ``python -c`` (STUDIO_CHILD) that run the same ``kiosk.cli.main``
   with an application-wide watch: the marker is printed once the first paint of the studio
   window's widgets is over (the turn of the event loop after it).  A third subject, for
   information, runs on until the studio's live preview shows its first picture.
   Target (issue 17): the studio's median under 2x the kiosk's.

2. Keystroke to preview.  In this process (Qt offscreen): the content folder opened as the
   studio opens it (``ContentDocument.open``), a ``PreviewPane`` showing the moment being
   edited at 1920x1080; then, 20 times, a moment's caption changed (``document.set``), the
   texts read back into an exhibit with every finding (``document.read``), handed to the pane
   (``show_exhibit``) and the clock stopped at its ``rendered`` signal.  The pane's own pause
   for typing (its debounce) is inside the time, as it is inside what staff see.  Done for
   a generated exhibit of 1,000 moments (bench/exhibit_gen.py) and, as the baseline in the
   same run, the bundled exhibit (4 moments).  Each caption is the moment's own with one to
   three words dropped from its end, so every version is valid content.
   Target: p95 within about half a second of the change (<= 500 ms); the ratio to the
   bundled exhibit is reported with it.

    .venv/bin/python bench/studio.py [--repeat N] [--keystrokes N] [--moments N] [--json FILE]

A measurement, not a test: it exits 0 whenever the measurement succeeded.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import exhibit_gen
import startup
from arguments import positive_int

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.editing.document import ContentDocument
    from kiosk.ui.studio.preview_pane import PreviewPane
    from kiosk.ui.studio.window import StudioWindow

REPO_ROOT = Path(__file__).resolve().parents[1]
CONTENT = REPO_ROOT / "content"
OPEN_TARGET = 2.0  # studio first frame / kiosk first frame: under this (issue 17)
KEYSTROKE_TARGET_MS = 500.0  # "updated within about half a second of typing" (issue 17)
DEFAULT_REPEAT = 7
DEFAULT_KEYSTROKES = 20
WARM_UP_KEYSTROKES = 2
DEFAULT_MOMENTS = 1000
PREVIEW_SIZE = (1920, 1080)
RENDER_TIMEOUT_S = 120.0

# Runs `kiosk studio DIR` (the same kiosk.cli.main the command runs) and prints `first-frame`
# once the studio window's first paint is over; with "preview" also `preview` once the live
# preview shows its first picture, and exits there.  The application is made first (the
# studio's own create_application() then returns it) so the watch is on it from the start.
STUDIO_CHILD = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from kiosk.ui.application import create_application

folder, until = sys.argv[1], sys.argv[2]
app = create_application()


def framed(window):
    print("first-frame", flush=True)
    if until == "first-frame":
        app.exit(0)
        return
    from kiosk.ui.studio.preview_pane import PreviewPane

    pane = window.findChild(PreviewPane)

    def shown():
        print("preview", flush=True)
        app.exit(0)

    if pane is None:
        print("no PreviewPane in the studio window", file=sys.stderr, flush=True)
        app.exit(3)
    elif not pane.picture().isNull():
        shown()
    else:
        pane.rendered.connect(shown)


class Watch(QObject):
    seen = False

    def eventFilter(self, watched, event):
        if (
            not self.seen
            and event.type() == QEvent.Type.Paint
            and watched.isWidgetType()
            and type(watched.window()).__name__ == "StudioWindow"
        ):
            self.seen = True
            window = watched.window()
            QTimer.singleShot(0, lambda: framed(window))
        return False


watch = Watch()
app.installEventFilter(watch)
from kiosk.cli import main

raise SystemExit(main(["studio", folder]))
"""


def open_subjects(folder: Path) -> tuple[startup.Subject, startup.Subject, startup.Subject]:
    """The kiosk to its first frame (as bench/startup.py), the studio to its first frame, and
    the studio on until its preview's first picture."""
    kiosk, _baseline, _ready = startup.subjects()
    studio_argv = [sys.executable, "-c", STUDIO_CHILD, str(folder)]
    studio = startup.Subject("studio", [*studio_argv, "first-frame"])
    preview = startup.Subject("studio-preview", [*studio_argv, "preview"], marker=b"preview")
    return kiosk, studio, preview


def studio_env(private: Path) -> dict[str, str]:
    """bench/startup.py's child environment, and the studio's own settings and recovery
    copies in the run's folder too (platformdirs reads the XDG variables)."""
    env = startup.child_env(private)
    for variable, name in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "share"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        env[variable] = str(private / name)
    return env


def measure_open(repeat: int, timeout_s: float, work: Path) -> dict[str, list[startup.Sample]]:
    """Part 1: one warm-up start of each subject, then ``repeat`` alternating rounds."""
    folder = work / "exhibit"
    shutil.copytree(CONTENT, folder)
    private = work / "private"
    private.mkdir()
    env = studio_env(private)  # made before any clock starts
    subjects = open_subjects(folder)
    for subject in subjects:
        startup.measure(subject, timeout_s, env)
    samples: dict[str, list[startup.Sample]] = {subject.name: [] for subject in subjects}
    for round_number in range(1, repeat + 1):
        for subject in subjects:
            sample = startup.measure(subject, timeout_s, env)
            samples[subject.name].append(sample)
            print(
                f"  {subject.name:<15} {round_number}/{repeat}: {sample.seconds * 1000:7.1f} ms, "
                f"{startup.mib(sample.peak_rss_kib):6.1f} MiB",
                file=sys.stderr,
                flush=True,
            )
    return samples


# -- part 2: keystroke to preview ---------------------------------------------------------


@dataclass
class Keystrokes:
    """The timings of one exhibit's keystrokes, in milliseconds."""

    label: str
    moments: int
    total: list[float] = field(default_factory=list)  # set -> read -> rendered
    set: list[float] = field(default_factory=list)  # ContentDocument.set
    read: list[float] = field(default_factory=list)  # ContentDocument.read
    preview: list[float] = field(default_factory=list)  # show_exhibit -> rendered
    render: list[float] = field(default_factory=list)  # the pane's render alone
    open_ms: float = 0.0  # ContentDocument.open + read + the first picture


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile of a non-empty list (as bench/frames.py)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def prepare_qt(private: Path) -> None:
    """Qt offscreen on a 4K screen, and a station, settings and data of the run's own."""
    screen = REPO_ROOT / "tests" / "fixtures" / "offscreen-screen.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    os.environ.update(studio_env(private))


def quiet_offscreen() -> None:
    """Leave out the one message Qt's offscreen platform prints for every window."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler  # noqa: PLC0415

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def caption_address(index: int, language: str) -> tuple[str | int, ...]:
    return ("timeline.yaml", "moments", index, "caption", language)


def measure_keystrokes(folder: Path, label: str, keystrokes: int) -> Keystrokes:
    """Part 2 for one content folder: open it, then time ``keystrokes`` caption changes."""
    from PySide6.QtCore import QEvent, QObject  # noqa: PLC0415

    from kiosk.editing.document import ContentDocument  # noqa: PLC0415
    from kiosk.ui.application import create_application  # noqa: PLC0415
    from kiosk.ui.studio.preview_pane import PreviewPane  # noqa: PLC0415

    create_application()
    quiet_offscreen()
    started = time.perf_counter()
    document = ContentDocument.open(folder)
    exhibit, issues = document.read()
    if exhibit is None:
        raise RuntimeError(f"{folder} does not read: {[str(issue) for issue in issues[:3]]}")
    index = len(exhibit.timeline) // 2
    moment = exhibit.timeline[index]
    language = exhibit.settings.default_language
    pane = PreviewPane()
    pane.resize(960, 640)
    pane.set_size(PREVIEW_SIZE)
    pane.show()
    pane.show_exhibit(exhibit)
    pane.show_state(f"timeline-{moment.id}")
    wait_rendered(pane)
    result = Keystrokes(label, len(exhibit.timeline))
    result.open_ms = (time.perf_counter() - started) * 1000

    class FireTime(QObject):
        """When the pane's timer fires (a filter sees the timer event before its slot)."""

        at = 0.0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Timer:
                self.at = time.perf_counter()
            return False

    fire = FireTime()
    pane._timer.installEventFilter(fire)  # the debounce timer: private, read here only
    words = moment.caption.values[language].split()
    for number in range(WARM_UP_KEYSTROKES + keystrokes):
        text = " ".join(words[: max(3, len(words) - 1 - number % 3)])
        timings = keystroke(document, pane, caption_address(index, language), text)
        shown = shown_caption(pane)
        if shown != text:
            raise RuntimeError(f"the preview shows {shown!r}, not the caption typed {text!r}")
        if number < WARM_UP_KEYSTROKES:
            continue
        set_s, read_s, preview_s, total_s, rendered_at = timings
        result.set.append(set_s * 1000)
        result.read.append(read_s * 1000)
        result.preview.append(preview_s * 1000)
        result.total.append(total_s * 1000)
        result.render.append((rendered_at - fire.at) * 1000)
    pane.release()
    pane.close()
    pane.deleteLater()
    return result


def keystroke(
    document: ContentDocument, pane: PreviewPane, address: tuple[str | int, ...], text: str
) -> tuple[float, float, float, float, float]:
    """One change: (set, read, show_exhibit to rendered, all, when rendered) in seconds."""
    started = time.perf_counter()
    document.set(address, text)
    was_set = time.perf_counter()
    exhibit, issues = document.read()
    was_read = time.perf_counter()
    if exhibit is None:
        raise RuntimeError(f"the changed caption does not read: {[str(i) for i in issues[:3]]}")
    pane.show_exhibit(exhibit)
    wait_rendered(pane)
    rendered = time.perf_counter()
    return (
        was_set - started,
        was_read - was_set,
        rendered - was_read,
        rendered - started,
        rendered,
    )


def wait_rendered(pane: PreviewPane) -> None:
    """Run the event loop until the pane's next picture (a hang is an error, not a number)."""
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415

    loop = QEventLoop()
    guard = QTimer(singleShot=True, interval=round(RENDER_TIMEOUT_S * 1000))
    guard.timeout.connect(lambda: loop.exit(1))
    pane.rendered.connect(loop.quit)
    guard.start()
    try:
        if loop.exec() != 0:
            raise RuntimeError(f"no picture within {RENDER_TIMEOUT_S:g} s")
    finally:
        pane.rendered.disconnect(loop.quit)
        guard.stop()


def wait_until(condition: Callable[[], bool]) -> None:
    """Run the event loop until ``condition`` holds (a hang is an error, not a number)."""
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop  # noqa: PLC0415

    deadline = QDeadlineTimer(round(RENDER_TIMEOUT_S * 1000))
    while not condition():
        if deadline.hasExpired():
            raise RuntimeError(f"still waiting after {RENDER_TIMEOUT_S:g} s")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def shown_caption(pane: PreviewPane) -> str:
    kiosk = pane.kiosk
    assert kiosk is not None and kiosk.window.built is not None
    return kiosk.window.built.timeline.caption.text()


# -- part 3: the same in the studio window, as staff see it --------------------------------


@dataclass
class InWindow:
    """Keys typed in the studio window's caption field, to the preview's picture (ms)."""

    label: str
    moments: int
    total: list[float] = field(default_factory=list)  # key press -> PreviewPane.rendered
    stall: list[float] = field(default_factory=list)  # the GUI thread's longest busy spell


def open_in_window(folder: Path) -> tuple[StudioWindow, QWidget, tuple[str | int, ...], int]:
    """The studio window on ``folder``, shown, with the middle moment's caption field
    focused as choosing a finding focuses it: (window, field, its address, moments)."""
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtTest import QTest  # noqa: PLC0415

    from kiosk.editing.document import ContentDocument  # noqa: PLC0415
    from kiosk.ui.application import create_application  # noqa: PLC0415
    from kiosk.ui.studio.window import StudioWindow  # noqa: PLC0415

    create_application()
    quiet_offscreen()
    window = StudioWindow(ContentDocument.open(folder))
    window.resize(1366, 768)
    window.show()
    exhibit = window.document.read()[0]
    assert exhibit is not None
    address = caption_address(len(exhibit.timeline) // 2, exhibit.settings.default_language)
    window.activateWindow()  # keys are sent to the field itself, active or not
    window.go_to(address)
    wait_rendered(window.preview)  # the first picture, of the moment chosen

    def in_form() -> bool:
        focused = window.focusWidget()  # the window's own, whether or not it is active
        return focused is not None and window.form.isAncestorOf(focused)

    wait_until(in_form)
    editor = window.focusWidget()
    assert editor is not None
    QTest.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    return window, editor, address, len(exhibit.timeline)


def measure_in_window(
    folder: Path, label: str, keystrokes: int, debounce: int | None = None
) -> InWindow:
    """Part 3 (information): ``kiosk studio``'s window on ``folder``, the middle moment's
    caption field focused as choosing a finding focuses it, then alternately a space typed
    at its end and taken back (both leave valid content); each timed from the key to the
    preview's next picture, with the longest spell the GUI thread could not answer a key
    (a 1 ms timer's largest gap) in that time."""
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: PLC0415
    from PySide6.QtTest import QTest  # noqa: PLC0415

    window, editor, address, moments = open_in_window(folder)
    pane = window.preview
    if debounce is not None:  # as the window would make it: PreviewPane(debounce_ms=...)
        pane.debounce_ms = debounce
    result = InWindow(label, moments)
    clock = QElapsedTimer()
    ticks: list[int] = []
    ticker = QTimer(interval=1)
    ticker.timeout.connect(lambda: ticks.append(clock.elapsed()))
    for number in range(WARM_UP_KEYSTROKES + keystrokes):
        key = Qt.Key.Key_Space if number % 2 == 0 else Qt.Key.Key_Backspace
        clock.start()
        ticks.clear()
        ticks.append(0)
        ticker.start()
        started = time.perf_counter()
        QTest.keyClick(editor, key)
        wait_rendered(pane)
        elapsed = time.perf_counter() - started
        ticker.stop()
        ticks.append(clock.elapsed())
        typed = str(window.document.get(address)).strip()
        if shown_caption(pane).strip() != typed:
            raise RuntimeError(f"the preview shows {shown_caption(pane)!r}, not {typed!r}")
        if number < WARM_UP_KEYSTROKES:
            continue
        result.total.append(elapsed * 1000)
        result.stall.append(float(max(b - a for a, b in itertools.pairwise(ticks))))
    if not window.save():  # File > Save: nothing left unsaved, so closing asks nothing
        raise RuntimeError("the studio did not save")
    window.close()
    window.deleteLater()
    return result


# -- report -------------------------------------------------------------------------------


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def open_report(samples: dict[str, list[startup.Sample]]) -> tuple[list[str], dict[str, object]]:
    lines = [
        f"{'subject':<16}{'time median':>13}{'min':>9}{'max':>9}{'RSS median':>13}",
        f"{'':<16}{'(ms)':>13}{'(ms)':>9}{'(ms)':>9}{'(MiB)':>13}",
    ]
    report: dict[str, object] = {}
    for name, runs in samples.items():
        time_ms, rss = startup.time_ms_stats(runs), startup.rss_mib_stats(runs)
        lines.append(
            f"{name:<16}{time_ms.median:>13.1f}{time_ms.min:>9.1f}{time_ms.max:>9.1f}"
            f"{rss.median:>13.1f}"
        )
        report[name] = {
            "time_ms": asdict(time_ms),
            "peak_rss_mib": asdict(rss),
            "samples": [asdict(sample) for sample in runs],
        }
    kiosk = startup.time_ms_stats(samples["kiosk"]).median
    ratio = startup.time_ms_stats(samples["studio"]).median / kiosk
    preview = startup.time_ms_stats(samples["studio-preview"]).median / kiosk
    memory = (
        startup.rss_mib_stats(samples["studio"]).median
        / startup.rss_mib_stats(samples["kiosk"]).median
    )
    lines.append(
        f"studio / kiosk, first frame: {ratio:.2f}x (target < {OPEN_TARGET:.1f}: "
        f"{verdict(round(ratio, 2) < OPEN_TARGET)}); memory {memory:.2f}x (information)"
    )
    lines.append(f"studio with its first preview picture / kiosk: {preview:.2f}x (information)")
    report["open_ratio"] = ratio
    report["open_target"] = OPEN_TARGET
    report["open_memory_ratio"] = memory
    report["preview_ratio"] = preview
    return lines, report


def keystroke_report(runs: list[Keystrokes]) -> tuple[list[str], dict[str, object]]:
    lines = [
        f"{'exhibit':<22}{'n':>4}{'p50':>8}{'p95':>8}{'set p95':>9}{'read p95':>10}"
        f"{'render p95':>12}{'open':>8}",
        f"{'':<22}{'':>4}{'(ms)':>8}{'(ms)':>8}{'(ms)':>9}{'(ms)':>10}{'(ms)':>12}{'(ms)':>8}",
    ]
    report: dict[str, object] = {}
    for run in runs:
        lines.append(
            f"{run.label:<22}{len(run.total):>4}{percentile(run.total, 50):>8.1f}"
            f"{percentile(run.total, 95):>8.1f}{percentile(run.set, 95):>9.1f}"
            f"{percentile(run.read, 95):>10.1f}{percentile(run.render, 95):>12.1f}"
            f"{run.open_ms:>8.0f}"
        )
        report[run.label] = {
            "moments": run.moments,
            "p50_ms": percentile(run.total, 50),
            "p95_ms": percentile(run.total, 95),
            "open_ms": run.open_ms,
            "samples_ms": {
                "total": run.total,
                "set": run.set,
                "read": run.read,
                "preview": run.preview,
                "render": run.render,
            },
        }
    baseline, large = runs[0], runs[-1]
    p95 = percentile(large.total, 95)
    for name, values in (
        ("keystroke to picture", (large.total, baseline.total)),
        ("read", (large.read, baseline.read)),
        ("render", (large.render, baseline.render)),
    ):
        big, small = values
        lines.append(
            f"{name}, {large.moments} / {baseline.moments} moments: p50 "
            f"{percentile(big, 50) / percentile(small, 50):.2f}x, p95 "
            f"{percentile(big, 95) / percentile(small, 95):.2f}x"
        )
    lines.append(
        f"keystroke to picture p95 with {large.moments} moments: {p95:.0f} ms (target <= "
        f"{KEYSTROKE_TARGET_MS:.0f}: {verdict(round(p95) <= KEYSTROKE_TARGET_MS)}); the pane "
        f"waits {debounce_ms()} ms for typing to pause, inside that time"
    )
    report["keystroke_p95_ms"] = p95
    report["keystroke_target_ms"] = KEYSTROKE_TARGET_MS
    report["ratio_p50"] = percentile(large.total, 50) / percentile(baseline.total, 50)
    report["ratio_p95"] = p95 / percentile(baseline.total, 95)
    return lines, report


def in_window_report(runs: list[InWindow]) -> tuple[list[str], dict[str, object]]:
    lines = [
        "in the studio window (information): key in the caption field -> preview's picture",
        f"{'exhibit':<32}{'n':>4}{'p50':>8}{'p95':>8}{'GUI busy p95':>14}{'max':>8}",
        f"{'':<32}{'':>4}{'(ms)':>8}{'(ms)':>8}{'(ms)':>14}{'(ms)':>8}",
    ]
    report: dict[str, object] = {}
    for run in runs:
        lines.append(
            f"{run.label:<32}{len(run.total):>4}{percentile(run.total, 50):>8.1f}"
            f"{percentile(run.total, 95):>8.1f}{percentile(run.stall, 95):>14.1f}"
            f"{max(run.stall):>8.1f}"
        )
        report[run.label] = {
            "moments": run.moments,
            "p50_ms": percentile(run.total, 50),
            "p95_ms": percentile(run.total, 95),
            "gui_busy_p95_ms": percentile(run.stall, 95),
            "samples_ms": {"total": run.total, "gui_busy": run.stall},
        }
    for baseline, large in zip(runs[0::2], runs[1::2], strict=True):
        lines.append(
            f"in the window, {large.label} / {baseline.label}: p50 "
            f"{percentile(large.total, 50) / percentile(baseline.total, 50):.2f}x, p95 "
            f"{percentile(large.total, 95) / percentile(baseline.total, 95):.2f}x"
        )
    return lines, report


def debounce_ms() -> int:
    from kiosk.ui.studio.preview_pane import DEBOUNCE_MS  # noqa: PLC0415

    return DEBOUNCE_MS


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="The studio's start to first frame against the kiosk's, and a "
        "keystroke's way to the live preview with many moments."
    )
    parser.add_argument(
        "--repeat",
        type=positive_int,
        default=DEFAULT_REPEAT,
        metavar="N",
        help=f"timed starts of each subject (default {DEFAULT_REPEAT})",
    )
    parser.add_argument(
        "--keystrokes",
        type=positive_int,
        default=DEFAULT_KEYSTROKES,
        metavar="N",
        help=f"timed caption changes per exhibit (default {DEFAULT_KEYSTROKES})",
    )
    parser.add_argument(
        "--moments",
        type=positive_int,
        default=DEFAULT_MOMENTS,
        metavar="N",
        help=f"moments of the generated exhibit (default {DEFAULT_MOMENTS})",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=startup.DEFAULT_TIMEOUT_S,
        metavar="SECONDS",
        help=f"kill a start that takes longer (default {startup.DEFAULT_TIMEOUT_S:g})",
    )
    parser.add_argument(
        "--only",
        choices=("open", "keystrokes", "window"),
        help="run one of the three parts (default: all)",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers here")
    return parser.parse_args(argv)


def keystrokes_part(work: Path, args: argparse.Namespace) -> tuple[list[str], dict[str, object]]:
    """Part 2: the bundled exhibit, then the generated one."""
    work.mkdir()
    prepare_qt(work / "private")
    bundled = work / "bundled"
    shutil.copytree(CONTENT, bundled)
    generated = exhibit_gen.generate(work / "generated", args.moments, 0)
    runs = [
        measure_keystrokes(bundled, "bundled (4 moments)", args.keystrokes),
        measure_keystrokes(generated.folder, f"generated ({generated.moments})", args.keystrokes),
    ]
    return keystroke_report(runs)


def window_part(work: Path, args: argparse.Namespace) -> tuple[list[str], dict[str, object]]:
    """Part 3: both exhibits with the pane's pause as the window makes it, then at 0."""
    work.mkdir()
    prepare_qt(work / "private")
    bundled = work / "bundled"
    shutil.copytree(CONTENT, bundled)
    generated = exhibit_gen.generate(work / "generated", args.moments, 0)
    label = f"generated ({generated.moments})"
    runs = [
        measure_in_window(bundled, "bundled (4 moments)", args.keystrokes),
        measure_in_window(generated.folder, label, args.keystrokes),
        measure_in_window(bundled, "bundled, pane's pause 0", args.keystrokes, 0),
        measure_in_window(generated.folder, f"{label}, pause 0", args.keystrokes, 0),
    ]
    return in_window_report(runs)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    load_before = os.getloadavg()
    report: dict[str, object] = {
        "python": sys.version.split()[0],
        "repeat": args.repeat,
        "load_before": load_before,
    }

    def done(lines: list[str], key: str, numbers: dict[str, object]) -> None:
        """Each part's table as soon as it is measured (a later part's failure keeps it)."""
        report[key] = numbers
        report["load_after"] = os.getloadavg()
        print("\n".join(lines) + "\n", flush=True)
        if args.json is not None:
            args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-studio-") as temporary:
        work = Path(temporary)
        if args.only in (None, "open"):
            try:
                samples = measure_open(args.repeat, args.timeout, work / "open")
            except startup.BenchmarkError as error:
                print(f"studio.py: {error}", file=sys.stderr)
                return 1
            open_lines, open_numbers = open_report(samples)
            done(open_lines, "open", open_numbers)
        if args.only in (None, "keystrokes"):
            key_lines, key_numbers = keystrokes_part(work / "keys", args)
            done(key_lines, "keystrokes", key_numbers)
        if args.only in (None, "window"):
            window_lines, window_numbers = window_part(work / "window", args)
            done(window_lines, "in_window", window_numbers)
    print(
        "load average (1, 5, 15 min) before: "
        + " ".join(f"{value:.2f}" for value in load_before)
        + "; after: "
        + " ".join(f"{value:.2f}" for value in os.getloadavg())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
