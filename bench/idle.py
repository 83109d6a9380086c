"""What the kiosk costs at rest: CPU and memory on each screen, under Xvfb, against Chromium.

    .venv/bin/python bench/idle.py [--sizes 1920x1080,3840x2160] [--screens attract,home,...]
                                   [--seconds 30] [--settle 8] [--repeat 3] [--json FILE]

For each size an Xvfb screen of exactly that size is started (software rendering, as on a
fanless box without a GPU driver).  On it, one subject at a time:

- the kiosk, full screen (``kiosk run``, the real runner with its heartbeat, health writer,
  hot reload and pack watching), brought to one screen and left alone: the start screen
  (``attract``, where the light breathes) and ``home``, ``statement``, ``timeline`` and
  ``figures``.  It is steered by this file's own child mode (``--child SCREEN``), which runs
  the ``kiosk`` command unchanged and, once every screen is built, opens the screen asked for
  through the visit's own session (as ``kiosk.render`` does); the idle timeout is set to an
  hour so no visit ends during the measurement;
- Chromium (``/usr/bin/chromium``, not headless: a real window on the same X screen, no GPU)
  showing a local page with the same glow in CSS: the same colours and geometry, a
  ``radial-gradient`` whose opacity breathes with ``animation: 16s ease-in-out infinite
  alternate``.  Skipped with a note when Chromium is not installed.

After ``--settle`` seconds, the CPU time (user + sys, from ``/proc/PID/stat``) of every
process in the subject's process group is read, again ``--seconds`` later, and the difference
is given as a percentage of one core; the X server's own CPU over the same window is reported
beside it (it does the blits to the framebuffer, for either subject).  Memory is the summed
proportional set size (``/proc/PID/smaps_rollup``) of the group at the end.  Each measurement
is repeated ``--repeat`` times, alternating subjects, and the median is reported with the load
average (1 minute) at each start: other work on the machine makes every figure noisier.

The last line is ``idle_cpu_1080p=X idle_cpu_4k=Y``: the start screen's median CPU (percent of
one core) at 1920x1080 and 3840x2160.  A measurement, not a test: it exits 0 when every subject
was measured, else 1.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from proctree import group_members, pss_sum_kib

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

BENCH = Path(__file__).resolve().parent
REPO_ROOT = BENCH.parent
CHROMIUM = Path("/usr/bin/chromium")
SCREENS = ("attract", "home", "statement", "timeline", "figures")
TICKS = os.sysconf("SC_CLK_TCK")
TARGETS = {"1920x1080": 1.0, "3840x2160": 3.0}  # the start screen, percent of one core (issue 20)
# The other screens must not paint at rest; a few clock ticks in 30 s are the runner's own
# timers (the full-screen guard, the health report), not the screen.
REST_NOISE_PERCENT = 0.25
READY_TIMEOUT_S = 120.0


# -- the child: the kiosk command, steered to one screen ---------------------------------------


def child(screen: str, kiosk_args: list[str]) -> int:
    """Run ``kiosk`` as the command line would, and open ``screen`` once all are built."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    from kiosk.cli import main as kiosk_main  # noqa: PLC0415
    from kiosk.core.session import Screen  # noqa: PLC0415
    from kiosk.ui import runner  # noqa: PLC0415

    build = runner.__dict__["build_kiosk"]

    def build_and_steer(*args: object, **kwargs: object) -> object:
        kiosk = build(*args, **kwargs)
        session, window = kiosk.session, kiosk.window

        def steer() -> None:
            if screen != "attract":
                session.go_home()
                if screen != "home":
                    session.open(Screen(screen))
            print("at-rest", flush=True)
            if os.environ.get("IDLE_LIST_TIMERS"):
                QTimer.singleShot(3000, list_timers)

        def list_timers() -> None:
            """Every timer still running at rest, with its owner, to stderr."""
            from PySide6.QtWidgets import QApplication  # noqa: PLC0415

            owners = [QApplication.instance(), window, *QApplication.topLevelWidgets()]
            seen = set()
            for owner in owners:
                for timer in [*owner.findChildren(QTimer)]:
                    if timer.isActive() and id(timer) not in seen:
                        seen.add(id(timer))
                        parent = timer.parent()
                        name = type(parent).__name__ if parent is not None else "-"
                        print(f"timer {name} every {timer.interval()} ms", file=sys.stderr)

        window.screens_ready.connect(lambda: QTimer.singleShot(500, steer))
        return kiosk

    runner.__dict__["build_kiosk"] = build_and_steer  # the runner's own name for it
    return int(kiosk_main(["run", *kiosk_args]) or 0)


# -- looking the same: frames before and after, side by side ------------------------------------

FRAME_PHASES_MS = (0, 1000, 2000, 4000, 6000, 8000, 10000, 12000, 14000)


def write_frames(folder: Path, width: int, height: int) -> list[tuple[int, int]]:
    """The start screen's light at several moments of a breath, painted as the light was before
    (the glow at the breath's exact opacity, the old ten-frames-a-second widget's paint) and as
    the widget paints it now, side by side with their difference (times 32) in one PNG each.
    Returns (moment, largest difference of any channel of any pixel) for each moment."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO_ROOT / "src"))
    from PySide6.QtCore import QPoint  # noqa: PLC0415
    from PySide6.QtGui import QColor, QImage, QPainter  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QWidget  # noqa: PLC0415

    from kiosk.content.loader import read_exhibit  # noqa: PLC0415
    from kiosk.ui.widgets import breath  # noqa: PLC0415
    from kiosk.ui.widgets.ambient import AmbientLight, paint_glow  # noqa: PLC0415

    app = QApplication.instance() or QApplication([])
    exhibit, _ = read_exhibit(REPO_ROOT / "content")
    assert exhibit is not None, "the bundled content does not load"
    colours = exhibit.settings.colours
    now = [0.0]
    host = QWidget()
    host.resize(width, height)
    host.setStyleSheet(f"background: {colours.background};")
    light = AmbientLight(colours.accent, host, background=colours.background, clock=lambda: now[0])
    light.setGeometry(0, 0, width, height)
    host.show()
    app.processEvents()
    light.set_moving(True)
    glow_rect = light.glow_rect()
    glow = paint_glow(glow_rect.size(), QColor(colours.accent))
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    for moment in FRAME_PHASES_MS:
        now[0] = float(moment)
        light._levels = light._levels_at(float(moment))  # that moment's step
        after = host.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        before = QImage(width, height, QImage.Format.Format_RGB32)
        before.fill(QColor(colours.background))
        painter = QPainter(before)
        painter.setOpacity(breath.opacity(moment))
        painter.drawPixmap(glow_rect.topLeft(), glow)
        painter.end()
        largest, diff = difference(before, after)
        sheet = QImage(width * 3, height, QImage.Format.Format_RGB32)
        painter = QPainter(sheet)
        painter.drawImage(QPoint(0, 0), before)
        painter.drawImage(QPoint(width, 0), after)
        painter.drawImage(QPoint(2 * width, 0), diff)
        painter.end()
        sheet.save(str(folder / f"breath-{width}x{height}-{moment:05d}ms.png"))
        results.append((moment, largest))
    host.close()
    return results


def difference(before: QImage, after: QImage) -> tuple[int, QImage]:
    """The largest channel difference between two same-sized RGB32 images, and a picture of
    the differences magnified 32 times."""
    from PySide6.QtGui import QImage  # noqa: PLC0415

    width, height = before.width(), before.height()
    a = bytes(before.constBits())[: width * height * 4]
    b = bytes(after.constBits())[: width * height * 4]
    out = bytearray(len(a))
    largest = 0
    for index in range(0, len(a), 4):
        for channel in range(3):
            delta = abs(a[index + channel] - b[index + channel])
            if delta:
                largest = max(largest, delta)
                out[index + channel] = min(255, delta * 32)
        out[index + 3] = 255
    diff = QImage(bytes(out), width, height, width * 4, QImage.Format.Format_RGB32).copy()
    return largest, diff


# -- measuring ---------------------------------------------------------------------------------


def cpu_ticks(pids: list[int]) -> int:
    """User + system CPU ticks of these processes (and of their reaped children)."""
    total = 0
    for pid in pids:
        try:
            text = Path(f"/proc/{pid}/stat").read_bytes()
        except OSError:
            continue
        fields = text[text.rfind(b")") + 2 :].split()
        # utime, stime, cutime, cstime are fields 14-17 (1-based), 12-15 after the name.
        total += sum(int(value) for value in fields[11:15])
    return total


def load1() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


@dataclass
class Sample:
    subject: str
    size: str
    cpu_percent: float
    xvfb_cpu_percent: float
    pss_mib: float
    processes: int
    load1: float


@dataclass
class Summary:
    subject: str
    size: str
    cpu_percent: float
    xvfb_cpu_percent: float
    pss_mib: float
    load1: list[float] = field(default_factory=list)
    runs: list[float] = field(default_factory=list)


class Xvfb:
    def __init__(self, width: int, height: int) -> None:
        self.display = self._free_display()
        self.proc = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        socket = Path(f"/tmp/.X11-unix/X{self.display[1:]}")
        deadline = time.monotonic() + 20
        while not socket.exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Xvfb {self.display} did not start")
            time.sleep(0.05)

    @staticmethod
    def _free_display() -> str:
        for number in range(140, 400):
            if (
                not Path(f"/tmp/.X{number}-lock").exists()
                and not Path(f"/tmp/.X11-unix/X{number}").exists()
            ):
                return f":{number}"
        raise RuntimeError("no free X display number")

    def close(self) -> None:
        self.proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(10)
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def glow_page(folder: Path, width: int, height: int) -> Path:
    """The start screen's light in CSS: the kiosk's colours and glow geometry."""
    sys.path.insert(0, str(REPO_ROOT / "src"))
    from kiosk.content.loader import read_exhibit  # noqa: PLC0415

    exhibit, _ = read_exhibit(REPO_ROOT / "content")
    assert exhibit is not None, "the bundled content does not load"
    colours = exhibit.settings.colours
    radius = min(width, height) * 0.55
    left, top = width / 2 - radius, height * 0.42 - radius
    accent = colours.accent.lstrip("#")
    r, g, b = (int(accent[i : i + 2], 16) for i in (0, 2, 4))
    page = folder / "glow.html"
    page.write_text(
        f"""<!doctype html><html><head><meta charset="utf-8"><style>
html, body {{ margin: 0; width: 100%; height: 100%; overflow: hidden;
  background: {colours.background}; }}
.glow {{ position: absolute; left: {left:.0f}px; top: {top:.0f}px;
  width: {2 * radius:.0f}px; height: {2 * radius:.0f}px;
  background: radial-gradient(circle closest-side, rgba({r},{g},{b},0.18), rgba(0,0,0,0));
  animation: breathe 16s ease-in-out infinite alternate; }}
@keyframes breathe {{ from {{ opacity: 0.55; }} to {{ opacity: 1; }} }}
</style></head><body><div class="glow"></div></body></html>
""",
        encoding="utf-8",
    )
    return page


def measure(  # noqa: PLR0917 - one subject's whole measurement
    argv: list[str],
    env: dict[str, str],
    xvfb: Xvfb,
    settle_s: float,
    seconds: float,
    wait_line: str | None,
) -> tuple[float, float, float, int]:
    """Start a subject, let it settle, and measure it: CPU %, X server CPU %, PSS MiB, procs."""
    errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed below, after the subject
    proc = subprocess.Popen(
        argv,
        env=env,
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=errors,
        start_new_session=True,
        text=True,
    )
    try:
        if wait_line is not None:
            assert proc.stdout is not None
            deadline = time.monotonic() + READY_TIMEOUT_S
            for line in proc.stdout:
                if line.strip() == wait_line:
                    break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{argv[1]}: no {wait_line!r} line")
            else:
                errors.seek(0)
                tail = errors.read().decode(errors="replace")[-600:]
                raise RuntimeError(f"{' '.join(argv[:3])}: exited ({proc.wait()}): {tail}")
        time.sleep(settle_s)
        if proc.poll() is not None:
            raise RuntimeError(f"{' '.join(argv[:3])}: exited ({proc.returncode})")
        members = group_members(proc.pid)
        xvfb_pids = [xvfb.proc.pid]
        started = time.monotonic()
        before, x_before = cpu_ticks(members), cpu_ticks(xvfb_pids)
        time.sleep(seconds)
        # Processes started during the window count from zero: the new list is a superset.
        members = group_members(proc.pid)
        after, x_after = cpu_ticks(members), cpu_ticks(xvfb_pids)
        elapsed = time.monotonic() - started
        pss = pss_sum_kib(proc.pid) / 1024
        scale = 100 / (TICKS * elapsed)
        return (after - before) * scale, (x_after - x_before) * scale, pss, len(members)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        errors.close()


def kiosk_subject(
    screen: str, scratch: Path, source: Path
) -> tuple[list[str], dict[str, str], str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="xcb",
        KIOSK_DATA_DIR=str(scratch / f"data-{screen}"),
        KIOSK_CONFIG=str(scratch / "no-station.yaml"),  # absent: the defaults
        KIOSK_IDLE_TIMEOUT="3600",
        PYTHONPATH=str(source),
    )
    argv = [sys.executable, str(Path(__file__)), "--child", screen, "--", "--content"]
    # The factory content beside that source (a snapshot's own), else this checkout's.
    content = source.parent / "content"
    argv.append(str(content if content.is_dir() else REPO_ROOT / "content"))
    return argv, env, "at-rest"


def chromium_subject(page: Path, width: int, height: int) -> tuple[list[str], dict[str, str]]:
    profile = tempfile.mkdtemp(prefix="kiosk-idle-chromium-")
    argv = [
        str(CHROMIUM),
        "--kiosk",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
        "--window-position=0,0",
        page.as_uri(),
    ]
    return argv, dict(os.environ)


def summarise(samples: list[Sample]) -> list[Summary]:
    keys: dict[tuple[str, str], list[Sample]] = {}
    for sample in samples:
        keys.setdefault((sample.subject, sample.size), []).append(sample)
    return [
        Summary(
            subject=subject,
            size=size,
            cpu_percent=round(statistics.median(s.cpu_percent for s in runs), 2),
            xvfb_cpu_percent=round(statistics.median(s.xvfb_cpu_percent for s in runs), 2),
            pss_mib=round(statistics.median(s.pss_mib for s in runs), 1),
            load1=[s.load1 for s in runs],
            runs=[round(s.cpu_percent, 2) for s in runs],
        )
        for (subject, size), runs in keys.items()
    ]


def frames_main(folder: Path, sizes: list[str]) -> int:
    """``--frames DIR [WxH ...]``: the before/after PNGs, and the largest difference."""
    worst = 0
    for size in sizes or ["960x540"]:
        width, height = (int(part) for part in size.split("x"))
        for moment, largest in write_frames(folder, width, height):
            print(f"{size} at {moment / 1000:4.1f} s: largest difference {largest} level(s)")
            worst = max(worst, largest)
    print(f"frames in {folder}; largest difference anywhere: {worst} level(s)")
    return 0


def parse_options(arguments: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="CPU and memory at rest, against Chromium.")
    parser.add_argument("--sizes", default="1920x1080,3840x2160", metavar="WxH,...")
    parser.add_argument("--screens", default=",".join(SCREENS), metavar="NAME,...")
    parser.add_argument("--seconds", type=float, default=30.0, help="measurement window")
    parser.add_argument("--settle", type=float, default=8.0, help="wait before measuring")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-chromium", action="store_true")
    parser.add_argument("--json", type=Path, metavar="FILE")
    parser.add_argument(
        "--before",
        type=Path,
        metavar="DIR",
        help="also measure the start screen of the kiosk in this source folder (an older "
        "version, e.g. from git archive), as 'attract-before', in the same run",
    )
    parser.add_argument(
        "--source",
        type=Path,
        default=REPO_ROOT / "src",
        metavar="DIR",
        help="the kiosk's source folder to measure (default this checkout's)",
    )
    return parser.parse_args(arguments)


@dataclass
class XScreen:
    """One X screen of one size, and what is measured on it."""

    size: str
    xvfb: Xvfb
    scratch: Path
    page: Path | None


def measure_subject(subject: str, on: XScreen, options: argparse.Namespace) -> Sample:
    width, height = (int(part) for part in on.size.split("x"))
    load = load1()
    wait: str | None
    if subject == "chromium":
        assert on.page is not None
        command, env = chromium_subject(on.page, width, height)
        wait = None
    elif subject == "attract-before":
        command, env, wait = kiosk_subject("attract", on.scratch, options.before)
    else:
        command, env, wait = kiosk_subject(subject, on.scratch, options.source)
    env["DISPLAY"] = on.xvfb.display
    cpu, x_cpu, pss, count = measure(command, env, on.xvfb, options.settle, options.seconds, wait)
    return Sample(subject, on.size, cpu, x_cpu, pss, count, load)


def print_report(options: argparse.Namespace, samples: list[Sample], notes: list[str]) -> None:
    summaries = summarise(samples)
    print()
    print(f"{'size':>9} {'subject':<14} {'cpu %':>7} {'Xvfb %':>7} {'PSS MiB':>8}  load (1 min)")
    for row in summaries:
        loads = ", ".join(f"{value:.2f}" for value in row.load1)
        print(
            f"{row.size:>9} {row.subject:<14} {row.cpu_percent:7.2f} "
            f"{row.xvfb_cpu_percent:7.2f} {row.pss_mib:8.1f}  {loads}"
        )
    for note in notes:
        print(f"note: {note}")
    if options.json is not None:
        report = {
            "seconds": options.seconds,
            "settle": options.settle,
            "repeat": options.repeat,
            "notes": notes,
            "samples": [asdict(sample) for sample in samples],
            "summary": [asdict(row) for row in summaries],
        }
        options.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    attract = {row.size: row.cpu_percent for row in summaries if row.subject == "attract"}
    for size, cpu in attract.items():
        target = TARGETS.get(size)
        if target is not None:
            verdict = "PASS" if cpu <= target else "FAIL"
            print(f"start screen {size}: {cpu:.2f}% of one core, target <= {target}%: {verdict}")
    for row in summaries:
        if row.subject in SCREENS[1:]:
            quiet = row.cpu_percent < REST_NOISE_PERCENT and row.xvfb_cpu_percent == 0
            print(
                f"{row.subject} {row.size} at rest: {row.cpu_percent:.2f}%, X server "
                f"{row.xvfb_cpu_percent:.2f}%; target: nothing painted (X server 0%) and below "
                f"{REST_NOISE_PERCENT}% (the runner's own polling): {'PASS' if quiet else 'FAIL'}"
            )
    hd, uhd = attract.get("1920x1080"), attract.get("3840x2160")
    print(
        f"idle_cpu_1080p={'n/a' if hd is None else f'{hd:.2f}'} "
        f"idle_cpu_4k={'n/a' if uhd is None else f'{uhd:.2f}'}"
    )


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["--child"]:
        rest = arguments[3:] if arguments[2:3] == ["--"] else arguments[2:]
        return child(arguments[1], rest)
    if arguments[:1] == ["--frames"]:
        return frames_main(Path(arguments[1]), arguments[2:])
    options = parse_options(arguments)
    if shutil.which("Xvfb") is None:
        print("idle: Xvfb is not installed (apt-get install xvfb)", file=sys.stderr)
        return 1
    chromium = CHROMIUM.is_file() and not options.no_chromium
    notes = []
    if not chromium:
        why = "--no-chromium" if options.no_chromium else f"{CHROMIUM} is not installed"
        notes.append(f"Chromium not measured: {why}")
    subjects = [name for name in options.screens.split(",") if name]
    if options.before is not None:
        subjects.insert(1, "attract-before")
    if chromium:
        subjects.append("chromium")
    samples: list[Sample] = []
    failures = 0
    for size in options.sizes.split(","):
        width, height = (int(part) for part in size.split("x"))
        with tempfile.TemporaryDirectory(prefix="kiosk-idle-") as scratch_name:
            scratch = Path(scratch_name)
            xvfb = Xvfb(width, height)
            try:
                page = glow_page(scratch, width, height) if chromium else None
                on = XScreen(size, xvfb, scratch, page)
                for round_ in range(options.repeat):
                    for subject in subjects:
                        try:
                            sample = measure_subject(subject, on, options)
                        except (RuntimeError, OSError) as error:
                            failures += 1
                            print(f"idle: {subject} {size}: {error}", file=sys.stderr)
                            continue
                        samples.append(sample)
                        print(
                            f"{size:>9} {subject:<14} round {round_ + 1}: "
                            f"cpu {sample.cpu_percent:6.2f}% "
                            f"Xvfb {sample.xvfb_cpu_percent:6.2f}%  PSS {sample.pss_mib:6.1f} MiB "
                            f"({sample.processes} processes)  load {sample.load1:.2f}",
                            flush=True,
                        )
            finally:
                xvfb.close()
    print_report(options, samples, notes)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
