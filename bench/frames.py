"""Frame times of the kiosk's transitions, taps and flick scrolling, on the CPU, at 1080p and 4K.

The kiosk is built as the tests build it (``create_application`` and ``build_kiosk`` on the
bundled exhibit, motion on) and driven through its real widgets with real touch events
(``QTest.touchEvent``: press and lift on a button's centre, or a fast finger drag on the
statement), in the same process.  Both window sizes are built once and alternate, round by
round; a window not being driven is hidden, so its start screen's light does not run.

What a "frame" is here: Qt widgets repaint when their top-level window receives an
``UpdateRequest`` event; handling it paints every dirty widget into the window's backing
store and flushes it.  An event filter on the window handles that event itself, between two
clock readings, so each frame's time is exactly the time the GUI thread spends producing it
(wall clock; the thread's CPU time is kept too, as it is less disturbed by other load).

Honest limits:
- Qt's ``offscreen`` platform with a 3840x2160 screen (tests/fixtures/offscreen-screen.json)
  and software rasterisation: the backing store is a QImage in memory.  A real display adds
  the copy to the screen (X11 shared memory, a Wayland buffer, or a GPU upload) and vsync
  waiting; neither is measured.  These are the CPU's costs of drawing, a lower bound of what
  a visitor sees, and a fair comparison between sizes and versions.
- The fade starts with a copy of the window's last painted frame (its backing store; see
  ``kiosk.ui.widgets.fade.last_frame``), taken inside the tap's own event handling, not in a
  frame: it is counted in the tap-to-paint response.
- Animation frames come from Qt's animation timer (about 60 per second); a frame that takes
  longer than the interval makes the animation skip ahead rather than slow down, so the
  number of frames per transition is reported too (a 300 ms fade has about 18).

    .venv/bin/python bench/frames.py [--repeat N] [--json FILE]

Targets (from the project's issue): transition frames p95 <= 8 ms at 1920x1080 and
<= 16 ms at 3840x2160; tap to painted response p95 <= 33 ms (issue 20: two frames at
60 Hz).  Flick-scroll frames are judged against the same frame budgets (issue 20: <= 16 ms
at 4K).  A measurement,
not a test: it exits 0 whenever the measurement succeeded.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SCREEN_CONFIG = REPO_ROOT / "tests" / "fixtures" / "offscreen-screen.json"
# Before anything imports Qt: offscreen, on a 4K screen so both window sizes lie on it (Qt
# looks gesture targets up by screen position).  The station's own files are not touched.
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_CONFIG}"
_PRIVATE = Path(tempfile.mkdtemp(prefix="kiosk-bench-frames-"))
atexit.register(shutil.rmtree, _PRIVATE, ignore_errors=True)
os.environ["KIOSK_CONFIG"] = str(_PRIVATE / "station.yaml")
os.environ["KIOSK_DATA_DIR"] = str(_PRIVATE / "data")

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import asdict, dataclass, field  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QPoint  # noqa: E402
from PySide6.QtGui import QPointingDevice  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QScroller, QWidget  # noqa: E402

from arguments import positive_int  # noqa: E402
from kiosk.content.loader import load_exhibit  # noqa: E402
from kiosk.core.session import Screen  # noqa: E402
from kiosk.paths import default_content_dir  # noqa: E402
from kiosk.ui.application import Kiosk, build_kiosk, create_application  # noqa: E402

SIZES = ((1920, 1080), (3840, 2160))
FRAME_TARGET_MS = {(1920, 1080): 8.0, (3840, 2160): 16.0}
TAP_TARGET_MS = 33.0  # issue 20: two frames at 60 Hz (was 50)
DEFAULT_REPEAT = 5
SETTLE_TIMEOUT_MS = 10_000
FINGER_FRAME_MS = 16  # a touch screen reports a moving finger about once per display frame
FLICK_MOVES = 5


@dataclass(frozen=True)
class Frame:
    """One repaint of the window: when it started (perf_counter s), wall and CPU ms."""

    start: float
    end: float
    wall_ms: float
    cpu_ms: float
    kind: str  # transition, flick, or other (the light, a button's pressed look...)


@dataclass
class Run:
    """What one round at one size measured."""

    transition_ms: list[float] = field(default_factory=list)
    transition_cpu_ms: list[float] = field(default_factory=list)
    frames_per_transition: list[int] = field(default_factory=list)
    tap_ms: dict[str, float] = field(default_factory=dict)
    flick_ms: list[float] = field(default_factory=list)
    flick_cpu_ms: list[float] = field(default_factory=list)


class FrameClock(QObject):
    """Times every repaint of one top-level window by handling its UpdateRequest itself."""

    def __init__(self, window: QWidget, is_transition: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window = window
        self.is_transition = is_transition
        self.frames: list[Frame] = []
        self.phase = "other"
        self._inside = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window or event.type() != QEvent.Type.UpdateRequest or self._inside:
            return False
        kind = "transition" if self.is_transition() else self.phase
        self._inside = True
        cpu = time.thread_time()
        start = time.perf_counter()
        try:
            self.window.event(event)  # paints every dirty widget and flushes: one frame
        finally:
            end = time.perf_counter()
            cpu_ms = (time.thread_time() - cpu) * 1000
            self._inside = False
        self.frames.append(Frame(start, end, (end - start) * 1000, cpu_ms, kind))
        return True  # handled here; Qt must not handle it a second time


class Driver:
    """One kiosk window at one size, driven by touch."""

    def __init__(self, app: QApplication, size: tuple[int, int], device: QPointingDevice):
        self.app, self.size, self.device = app, size, device
        exhibit = load_exhibit(default_content_dir())
        self.kiosk: Kiosk = build_kiosk(app, exhibit, reduced_motion=False)
        self.window = self.kiosk.window
        self.window.resize(*size)
        self.clock = FrameClock(self.window, self.fading)
        self.changes: list[float] = []  # when the visit last changed screen or moment
        session = self.kiosk.session
        # Connected after the window's own slots, so these run once the change is made.
        session.screen_changed.connect(lambda _: self.changes.append(time.perf_counter()))
        session.timeline_index_changed.connect(lambda _: self.changes.append(time.perf_counter()))

    # -- state ----------------------------------------------------------------------------

    def fading(self) -> bool:
        timeline = self.window.screens.get(Screen.TIMELINE)
        card_fade = timeline is not None and timeline.fade.isVisible()  # type: ignore[attr-defined]
        return self.window.fade.isVisible() or card_fade

    def show(self) -> None:
        self.window.show()
        if not QTest.qWaitForWindowExposed(self.window):
            raise RuntimeError(f"the {self.label()} window was never exposed")
        self._wait(lambda: len(self.window.screens) == 5, "the other screens to be built")
        self._wait(lambda: not self.fading(), "a fade to end")

    def hide(self) -> None:
        self.kiosk.session.reset()
        self._wait(lambda: not self.fading(), "the return to the start screen")
        self.window.hide()
        QApplication.processEvents()

    def label(self) -> str:
        return f"{self.size[0]}x{self.size[1]}"

    def _wait(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.perf_counter() + SETTLE_TIMEOUT_MS / 1000
        while not condition():
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{self.label()}: waited too long for {what}")
            QTest.qWait(5)

    # -- input ----------------------------------------------------------------------------

    def _at(self, widget: QWidget, point: QPoint | None = None) -> QPoint:
        local = point if point is not None else widget.rect().center()
        return widget.mapTo(self.window, local)

    def tap(self, widget: QWidget) -> float:
        """Touch down and lift on ``widget``; ms until the resulting change was painted.

        The clock starts before the touch goes down (with no hold: a start screen reacts to
        the touch, buttons to the lift) and stops at the end of the first frame that began
        after the visit changed screen or moment, i.e. the first frame showing the response.
        The fade that follows is then waited out (its frames are timed as transition frames).
        """
        at, window = self._at(widget), self.window
        self.changes.clear()
        started = time.perf_counter()
        QTest.touchEvent(window, self.device).press(0, at, window).commit()
        QTest.touchEvent(window, self.device).release(0, at, window).commit()
        self._wait(lambda: bool(self.changes), "the tap to change the screen")
        changed = self.changes[0]
        self._wait(
            lambda: any(frame.start >= changed for frame in self.clock.frames),
            "the response to be painted",
        )
        painted = next(frame.end for frame in self.clock.frames if frame.start >= changed)
        self._wait(lambda: not self.fading(), "the transition to end")
        return (painted - started) * 1000

    def flick(self, start: QPoint, end: QPoint) -> None:
        """A fast finger drag on the statement; returns once the kinetic scroll has stopped."""
        viewport = self.statement().scroll_area.viewport()  # type: ignore[attr-defined]
        scroller = QScroller.scroller(viewport)
        begin, finish, window = self._at(viewport, start), self._at(viewport, end), self.window
        self.clock.phase = "flick"
        try:
            QTest.touchEvent(window, self.device).press(0, begin, window).commit()
            for step in range(1, FLICK_MOVES + 1):
                QTest.qWait(FINGER_FRAME_MS)
                at = begin + (finish - begin) * step / FLICK_MOVES
                QTest.touchEvent(window, self.device).move(0, at, window).commit()
            QTest.touchEvent(window, self.device).release(0, finish, window).commit()
            self._wait(lambda: scroller.state() == QScroller.State.Inactive, "the scroll to stop")
            QTest.qWait(50)  # the last frame after the scroller stopped
        finally:
            self.clock.phase = "other"

    def statement(self) -> QWidget:
        return self.window.screens[Screen.STATEMENT]

    # -- one round --------------------------------------------------------------------------

    def round(self) -> Run:
        """Start screen, the three choices and back, a flick each way, two moments."""
        self.show()
        self.clock.frames.clear()
        window, run = self.window, Run()
        home = window.screens[Screen.HOME]
        tiles = home.tiles  # type: ignore[attr-defined]
        timeline = window.screens[Screen.TIMELINE]
        nav = window.nav
        run.tap_ms["start > home"] = self.tap(window.attract)
        run.tap_ms["home > statement"] = self.tap(tiles[Screen.STATEMENT])
        viewport = self.statement().scroll_area.viewport()  # type: ignore[attr-defined]
        x, height = viewport.width() // 2, viewport.height()
        low, high = QPoint(x, height * 4 // 5), QPoint(x, height // 5)
        self.flick(low, high)  # finger up: the text scrolls on towards the end
        self.flick(high, low)  # and back
        run.tap_ms["statement > home"] = self.tap(nav.home_button)
        run.tap_ms["home > timeline"] = self.tap(tiles[Screen.TIMELINE])
        run.tap_ms["next moment"] = self.tap(timeline.next_button)  # type: ignore[attr-defined]
        run.tap_ms["next moment 2"] = self.tap(timeline.next_button)  # type: ignore[attr-defined]
        run.tap_ms["timeline > home (back)"] = self.tap(nav.back_button)
        run.tap_ms["home > figures"] = self.tap(tiles[Screen.FIGURES])
        run.tap_ms["figures > home"] = self.tap(nav.home_button)
        self.hide()
        self._collect(run)
        return run

    def _collect(self, run: Run) -> None:
        in_transition = False
        for frame in self.clock.frames:
            if frame.kind == "transition":
                run.transition_ms.append(frame.wall_ms)
                run.transition_cpu_ms.append(frame.cpu_ms)
                if not in_transition:
                    run.frames_per_transition.append(0)
                run.frames_per_transition[-1] += 1
            elif frame.kind == "flick":
                run.flick_ms.append(frame.wall_ms)
                run.flick_cpu_ms.append(frame.cpu_ms)
            in_transition = frame.kind == "transition"


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "max": max(values),
    }


def judge(value: float, target: float) -> str:
    return "PASS" if round(value, 1) <= target else "FAIL"


def report(runs: dict[str, list[Run]]) -> tuple[str, dict[str, object]]:
    """The table and the JSON-ready results: pooled percentiles, spread of per-round p95."""
    lines = [
        f"{'size':<11}{'measure':<20}{'n':>6}{'p50':>8}{'p95':>8}{'max':>8}"
        f"{'p95 range':>16}{'CPU p95':>9}{'target':>9}  verdict",
        f"{'':<11}{'':<20}{'':>6}{'(ms)':>8}{'(ms)':>8}{'(ms)':>8}{'(rounds, ms)':>16}"
        f"{'(ms)':>9}{'(p95)':>9}",
    ]
    results: dict[str, object] = {}
    notes: list[str] = []
    for label, size_runs in runs.items():
        size = tuple(int(part) for part in label.split("x"))
        frame_target = FRAME_TARGET_MS[size]  # type: ignore[index]
        measures = {
            "transition frames": (
                [r.transition_ms for r in size_runs],
                [r.transition_cpu_ms for r in size_runs],
                frame_target,
            ),
            "tap to painted": (
                [list(r.tap_ms.values()) for r in size_runs],
                None,
                TAP_TARGET_MS,
            ),
            "flick frames": (
                [r.flick_ms for r in size_runs],
                [r.flick_cpu_ms for r in size_runs],
                frame_target,
            ),
        }
        size_results: dict[str, object] = {}
        for name, (per_round, per_round_cpu, target) in measures.items():
            pooled = [value for values in per_round for value in values]
            stats = summary(pooled)
            round_p95 = [percentile(values, 95) for values in per_round if values]
            cpu_p95 = (
                percentile([v for values in per_round_cpu for v in values], 95)
                if per_round_cpu
                else None
            )
            verdict = judge(stats["p95"], target)
            cpu_text = f"{cpu_p95:>9.2f}" if cpu_p95 is not None else f"{'-':>9}"
            lines.append(
                f"{label:<11}{name:<20}{stats['n']:>6}{stats['p50']:>8.2f}{stats['p95']:>8.2f}"
                f"{stats['max']:>8.2f}{min(round_p95):>8.2f}-{max(round_p95):<7.2f}"
                f"{cpu_text}{target:>9.1f}  {verdict}"
            )
            size_results[name.replace(" ", "_")] = {
                **stats,
                "round_p95_min": min(round_p95),
                "round_p95_max": max(round_p95),
                "cpu_p95": cpu_p95,
                "target_p95": target,
                "verdict": verdict,
            }
        per_transition = [n for r in size_runs for n in r.frames_per_transition]
        size_results["frames_per_transition_median"] = statistics.median(per_transition)
        taps: dict[str, list[float]] = {}
        for r in size_runs:
            for tap, ms in r.tap_ms.items():
                taps.setdefault(tap, []).append(ms)
        tap_medians = {tap: statistics.median(v) for tap, v in taps.items()}
        size_results["tap_median_ms"] = tap_medians
        size_results["rounds"] = [asdict(r) for r in size_runs]
        results[label] = size_results
        taps_text = ", ".join(f"{tap} {ms:.0f}" for tap, ms in tap_medians.items())
        notes.append(
            f"{label}: {statistics.median(per_transition):g} frames per transition "
            f"(median); tap medians (ms): {taps_text}"
        )
    lines += notes
    lines.append(
        "offscreen platform, software raster: CPU drawing into memory only (no display "
        "upload, no vsync); wall clock, CPU = the GUI thread's CPU time"
    )
    return "\n".join(lines), results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Transition, tap and flick frame times of the kiosk at 1080p and 4K (CPU)."
    )
    parser.add_argument("--repeat", type=positive_int, default=DEFAULT_REPEAT, metavar="N")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers here")
    args = parser.parse_args(argv)

    app = create_application(["kiosk-bench-frames"])
    device = QTest.createTouchDevice()
    drivers = [Driver(app, size, device) for size in SIZES]
    for driver in drivers:  # warm-up: glyph caches, icons, the light's pixmap, the snapshots
        driver.round()
    runs: dict[str, list[Run]] = {driver.label(): [] for driver in drivers}
    for round_number in range(1, args.repeat + 1):
        for driver in drivers:
            run = driver.round()
            runs[driver.label()].append(run)
            print(
                f"  {driver.label()} {round_number}/{args.repeat}: transition p95 "
                f"{percentile(run.transition_ms, 95):.2f} ms, tap p95 "
                f"{percentile(list(run.tap_ms.values()), 95):.1f} ms, flick p95 "
                f"{percentile(run.flick_ms, 95):.2f} ms",
                file=sys.stderr,
                flush=True,
            )
    table, results = report(runs)
    print(table)
    if args.json is not None:
        payload = {"repeat": args.repeat, "sizes": results}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    for driver in drivers:
        driver.kiosk.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
