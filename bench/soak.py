"""Soak: a seeded monkey touches every screen of the real kiosk window, for a long time.

    .venv/bin/python bench/soak.py --events 100000 [--seed N] [--reload-every N]

The monkey sends real touch events through Qt's input pipeline (``QTest.touchEvent`` with a
touch device): taps, swipes, flicks, long presses and touches of two to four fingers, half of
them on a visible button that nothing covers (so it reaches every screen), half anywhere; and
the numeric keypad's keys, the sound keys most (Listen / Pause, Louder, Softer, Help, next and
previous part), one at a time or in quick runs, so that touches also land while the real
narrator reads (to the sound server when one answers, else finding no sound output).  Now
and then it rests, so the short idle timeout shows "Still there?" and, unless answered, ends
the visit; every ``--reload-every`` events the kiosk is switched between the bundled exhibit
and an edited copy of it.  By default that comes through a content channel the kiosk follows
(``soak_channel.py``): a local HTTP server, polled every second, between publications
answering 304; each switch publishes the other signed pack as a new sequence, which the
kiosk downloads, verifies and installs into its content store, and the store follower hands
to the hot-reload path (``ContentReloader`` validates in a child process, ``LiveContent``
applies the new content on the start screen).  ``--no-channel`` switches the reloader
between the two folders instead.

It passes when, for the whole run:

- no exception reached ``sys.excepthook`` (where PySide sends exceptions raised in slots and
  event handlers), and no Qt warning was logged (``qInstallMessageHandler``);
- after every return to the start screen, once deferred deletions are processed, the number
  of widgets (``QApplication.allWidgets()``) and of the window's QObjects equals the
  baseline taken after a warm-up that visited every screen and applied both exhibits (one
  baseline per exhibit and interface language: the edited copy offers fewer languages and
  moments, so fewer buttons, and Back from Home keeps the visitor's language, whose
  translator is one more object);
- the memory the process holds grew by at most 5 MB from the end of the warm-up to the end
  of the run: the resident set from ``/proc/self/statm`` less its file-backed pages (shared
  library code and fonts, which the kernel drops and reloads at will), read on the start
  screen after ``QPixmapCache.clear()``, ``gc.collect()`` and glibc's ``malloc_trim(0)``
  (which returns freed heap pages to the system): memory held, not what a bounded cache or
  the allocator keeps for later (see ``resident_memory``);
- back on the start screen, no espeak-ng child is left and the narrator is silent;
- every screen was seen: start, home, statement, timeline, figures, the visitor's settings
  panel and the idle warning, and a reading aloud; the warm-up also lasts until
  ``WARMUP_SOUNDS`` parts were read (the audio stack's own warm-up is not growth);
- with the channel: no round was refused or failed, and after the warm-up polls found
  nothing new (304), new sequences were installed, and new content was shown.

The event loop runs through ``pump`` (``QEventLoop.exec``), never ``QTest.qWait``: see there.

A failure names the seed and the event, to run again with ``--seed``; the idle timers and the
validator's child process run on the real clock, so a replay takes the same choices only
while the timing agrees.  ``tests/test_soak.py`` runs the same monkey for 5,000 events in CI.
Exit code 0 when every criterion holds, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
import types
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, NamedTuple

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    QPoint,
    QRect,
    Qt,
    QTimer,
    QtMsgType,
    SignalInstance,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QImage, QPixmapCache, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.audio.narrator import NarratorState
from kiosk.audio.speech import PROGRAM as SPEECH_PROGRAM
from kiosk.content.loader import load_exhibit
from kiosk.core.reloader import ContentReloader
from kiosk.core.session import Screen
from kiosk.ops.malloc_arenas import limit_malloc_arenas
from kiosk.paths import default_content_dir
from kiosk.ui.application import Kiosk, build_kiosk, create_application
from kiosk.ui.listen.desk import Kind
from kiosk.ui.live_content import LiveContent
from kiosk.ui.pictures import PictureLoader
from kiosk.ui.screens.statement import StatementScreen
from kiosk.ui.screens.timeline import TimelineScreen
from kiosk.ui.widgets.fade import FadeOverlay
from soak_channel import ChannelRotation

REPO = Path(__file__).resolve().parents[1]
# The tests' offscreen screen (3840x2160): Qt finds touch targets by screen position, so the
# window must lie on a screen.
SCREEN_CONFIG = REPO / "tests" / "fixtures" / "offscreen-screen.json"

PLACES = (
    "attract",
    "home",
    "statement",
    "timeline",
    "figures",
    "access panel",
    "idle warning",
    "listening",  # a reading or an announcement under way (with or without a sound output)
    "sound made",  # the narrator made its player: a file was played (or found no output)
)
# How often each kind of input comes; "rest" lets the idle timeout run out.
ACTIONS = {
    "tap": 56.0,
    "swipe": 10.0,
    "flick": 10.0,
    "long press": 2.0,
    "fingers": 12.0,
    "key": 10.0,
    "pause": 1.5,
    "rest": 1.0,
}
# The numeric keypad's keys (kiosk.ui.keypad.key_map's default), the sound keys more often
# than the rest: Listen / Pause, Louder, Softer, Help, next and previous part.
KEYS = (
    *((Qt.Key.Key_0,) * 6),
    *((Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Period) * 2),
    Qt.Key.Key_Asterisk,
    Qt.Key.Key_Slash,
    Qt.Key.Key_8,
    Qt.Key.Key_2,
    Qt.Key.Key_4,
    Qt.Key.Key_6,
    Qt.Key.Key_5,
    Qt.Key.Key_9,
    Qt.Key.Key_3,
    Qt.Key.Key_7,
    Qt.Key.Key_1,
)
# Moves of a drag come this many milliseconds apart (Qt's gestures time them on their own
# clock); mostly as fast as events can go, so a run of thousands of drags stays short.
PACES_MS = (0, 0, 0, 0, 4, 16)
IDLE_TIMEOUT_S = 0.1
IDLE_WARNING_S = 0.2
MEMORY_GROWTH_LIMIT = 5 * 1024 * 1024
# The end's memory: the least of this many readings at rest, with this many inputs between.
END_READINGS = 3
END_EVENTS = 100
WARMUP_LIMIT = 8000  # events; the warm-up must have seen everything by then
# Parts read aloud (espeak-ng's speech played, or found no output) before the warm-up ends.
# The audio stack warms up over its first few hundred sounds (Qt's FFmpeg decoder and audio
# threads, the sound server's buffers): a Narrator alone held 8.5 MB more after its first
# 300 requests, then 0.4 MB more over the next 2,100.  A warm-up that had heard a few
# sounds read that as growth (+6.4 MB in the next 2,500 events, +0.9 MB from 7,500 to 10,000).
WARMUP_SOUNDS = 300
SETTLE_MS = 30_000  # the longest wait for a validation or for the end of a visit
# Qt's offscreen platform says so for every window it cannot decorate (pyproject.toml
# ignores the same two in the tests); they say nothing about the kiosk.
IGNORED_QT_MESSAGES = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise()",
)
TITLE = "  en: 20 January - National Mourning Day"


class SoakError(AssertionError):
    """A criterion broke; the message names the seed and the event."""


# -- small tools ---------------------------------------------------------------------------


# The event loops the soak runs, with their timers, made once and used again.  A fresh
# QEventLoop per wait leaks in PySide6 6.11 (measured: about 55 bytes of Python memory per
# call, both ``QTimer.singleShot(ms, loop.quit)`` with ms > 0 and a new QTimer connected to
# a new loop's quit), and the soak waits hundreds of thousands of times: its own leak, not
# the kiosk's, counted as the kiosk's growth.  One loop per nesting depth.
class _Loops:
    made: ClassVar[list[tuple[QEventLoop, QTimer]]] = []
    depth: ClassVar[int] = 0


@contextmanager
def _event_loop() -> Iterator[tuple[QEventLoop, QTimer]]:
    """A loop and a single-shot timer that quits it, for this nesting depth."""
    if len(_Loops.made) <= _Loops.depth:
        loop = QEventLoop()
        timer = QTimer(singleShot=True)
        timer.timeout.connect(loop.quit)
        _Loops.made.append((loop, timer))
    loop, timer = _Loops.made[_Loops.depth]
    _Loops.depth += 1
    try:
        yield loop, timer
    finally:
        timer.stop()
        _Loops.depth -= 1


def wait_for(signal: SignalInstance, timeout_ms: int) -> bool:
    """Run the event loop until ``signal`` is emitted (True) or the time is up (False)."""
    fired: list[bool] = []
    with _event_loop() as (loop, timer):

        def done(*_: object) -> None:
            fired.append(True)
            loop.quit()

        signal.connect(done)
        timer.start(timeout_ms)
        loop.exec()
        signal.disconnect(done)
    return bool(fired)


def pump(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds with Python's lock released.

    ``QEventLoop.exec`` lets go of the lock, as the kiosk's own loop does; ``QTest.qWait``
    keeps it, and Qt Multimedia's playback threads, when they end, wait for it (they tell
    the ``QAudioOutput``, a Python object) while the loop waits for them: a deadlock that
    hung the soak once the monkey pressed Listen."""
    with _event_loop() as (loop, timer):
        timer.start(ms)
        loop.exec()


def wait_until(condition: Callable[[], bool], timeout_ms: int) -> bool:
    """Run the event loop until ``condition()`` holds (True) or the time is up (False)."""
    clock = QElapsedTimer()
    clock.start()
    while not condition():
        if clock.hasExpired(timeout_ms):
            return False
        pump(5)
    return True


def child_programs() -> list[str]:
    """The names of this process's child processes (Linux; elsewhere none)."""
    names = []
    for listing in Path("/proc/self/task").glob("*/children"):
        with contextlib.suppress(OSError):
            for pid in listing.read_text().split():
                with contextlib.suppress(OSError):
                    names.append(Path(f"/proc/{pid}/comm").read_text().strip())
    return names


# Qt's FFmpeg backend names its playback threads so ("QFFmpeg::AudioRenderer", cut to 15).
PLAYBACK_THREADS = "QFFmpeg::"


def thread_names() -> list[str]:
    """The names of this process's threads (Linux; elsewhere none)."""
    names = []
    for comm in Path("/proc/self/task").glob("*/comm"):
        with contextlib.suppress(OSError):  # ended meanwhile
            names.append(comm.read_text().strip())
    return names


def flush_deletions() -> None:
    """Run what is posted, then delete what ``deleteLater()`` marked, until nothing is left."""
    for _ in range(4):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class Memory(NamedTuple):
    held: int  # anonymous resident memory: heap, pixmaps, Python objects
    resident: int  # all of the resident set, mapped files included


def resident_memory() -> Memory | None:
    """What the process holds now (None where /proc is missing).

    First Qt's pixmap cache is emptied (styles and icons keep up to 10 MB of recent drawings
    there, fuller or emptier depending on what was drawn last: bounded by design, and noise
    of that size), garbage is collected and glibc is asked to give freed heap pages back
    (``malloc_trim(0)``).  ``held`` leaves out the file-backed pages of the resident set
    (statm's resident minus shared: the code of Qt, Python and the fonts), which are clean and
    which the kernel drops and reads again as it likes; in the container this was measured in
    it dropped 22 MB of them in the middle of a run.
    """
    statm = Path("/proc/self/statm")
    if not statm.exists():
        return None
    QPixmapCache.clear()
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    fields = statm.read_text().split()
    page = os.sysconf("SC_PAGE_SIZE")
    resident, shared = int(fields[1]) * page, int(fields[2]) * page
    return Memory(resident - shared, resident)


def megabytes(size: int | None) -> str:
    return "n/a" if size is None else f"{size / 1024 / 1024:.1f} MB"


def memory_text(memory: Memory | None) -> str:
    if memory is None:
        return "n/a"
    return f"{megabytes(memory.held)} (resident {megabytes(memory.resident)})"


def descendants(root: QObject) -> list[QObject]:
    """Every QObject under ``root``.  Walked through children(): findChildren(QObject) would
    itself leave Python wrappers behind for the objects Qt makes and deletes on its own
    (PySide6 6.11; see kiosk.ui.lockdown.lock_widgets), and the count would count itself."""
    found: list[QObject] = []
    pending = list(root.children())
    while pending:
        item = pending.pop()
        found.append(item)
        pending.extend(item.children())
    return found


def object_census(window: QWidget) -> tuple[int, int, Counter[str]]:
    """Widgets in the application, QObjects in the window, and the window's QObjects by class."""
    objects = descendants(window)
    kinds = Counter(type(item).__name__ for item in objects)
    return len(QApplication.allWidgets()), len(objects), kinds


def edited_exhibit(target: Path, source: Path) -> Path:
    """A copy of the exhibit with another title, two of its three languages, one moment
    fewer and a picture on a moment: new content of another shape, as staff might make."""
    folder = target / "edited-content"
    shutil.copytree(source, folder)
    exhibit = folder / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    for old, new in (
        (TITLE, f"{TITLE} (revised)"),
        ("languages: [az, en, ru]", "languages: [en, ru]"),
        ('accent: "#D98A76"', 'accent: "#E09A86"'),
    ):
        if old not in text:
            raise ValueError(f"{exhibit} no longer contains {old!r}")
        text = text.replace(old, new, 1)
    exhibit.write_text(text, encoding="utf-8")
    timeline = folder / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    last = text.rindex('\n  - id: "')
    text = text[: last + 1].replace(
        "    year: 1991\n", "    year: 1991\n    image: pictures/light.jpg\n"
    )
    timeline.write_text(text, encoding="utf-8")
    picture = QImage(2400, 1350, QImage.Format.Format_RGB32)
    picture.fill(QColor("#5A4A40"))
    (folder / "pictures").mkdir()
    if not picture.save(str(folder / "pictures" / "light.jpg")):
        raise OSError("cannot write the test picture")
    return folder


# -- problems reported by Python and by Qt -------------------------------------------------


@dataclass
class Problems:
    exceptions: list[str] = field(default_factory=list)
    qt_warnings: list[str] = field(default_factory=list)

    def count(self) -> int:
        return len(self.exceptions) + len(self.qt_warnings)

    def describe(self) -> str:
        return "\n".join(
            [f"exception: {text}" for text in self.exceptions]
            + [f"Qt warning: {text}" for text in self.qt_warnings]
        )


@contextmanager
def recording(problems: Problems) -> Iterator[None]:
    """Exceptions from slots and event handlers, and Qt's warnings, go into ``problems``
    (and on to the handlers that were there before: pytest-qt's, in the tests)."""
    previous_hook = sys.excepthook

    def hook(
        kind: type[BaseException], value: BaseException, trace: types.TracebackType | None
    ) -> None:
        problems.exceptions.append("".join(traceback.format_exception(kind, value, trace)).rstrip())
        previous_hook(kind, value, trace)

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        ignored = any(message.startswith(text) for text in IGNORED_QT_MESSAGES)
        if kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) and not ignored:
            problems.qt_warnings.append(f"{kind.name}: {message}")
        if previous_handler is not None:
            previous_handler(kind, context, message)
        elif not ignored:
            print(message, file=sys.stderr)

    sys.excepthook = hook
    previous_handler = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous_handler)
        sys.excepthook = previous_hook


# -- touches -------------------------------------------------------------------------------


class Touches:
    """Touch points sent to the window through Qt's input pipeline, as a touch screen does."""

    def __init__(self, window: QWidget, device: QPointingDevice) -> None:
        self.window = window
        self.device = device
        self.down: dict[int, QPoint] = {}

    def _send(self) -> QTest.QTouchEventSequence:
        return QTest.touchEvent(self.window, self.device)

    def press(self, points: dict[int, QPoint]) -> None:
        sequence = self._send()
        for touch, at in points.items():
            sequence.press(touch, at, self.window)
        for touch in self.down.keys() - points.keys():
            sequence.stationary(touch)
        sequence.commit()
        self.down.update(points)

    def move(self, points: dict[int, QPoint]) -> None:
        sequence = self._send()
        for touch in self.down:
            if touch in points:
                sequence.move(touch, points[touch], self.window)
            else:
                sequence.stationary(touch)
        sequence.commit()
        self.down.update(points)

    def release(self, touches: Sequence[int]) -> None:
        sequence = self._send()
        for touch in self.down:
            if touch in touches:
                sequence.release(touch, self.down[touch], self.window)
            else:
                sequence.stationary(touch)
        sequence.commit()
        for touch in touches:
            del self.down[touch]


# -- content changes -----------------------------------------------------------------------


class ContentRotation:
    """Switches the kiosk between content folders the way a new content version arrives:
    the reloader validates the folder in a child process and the window takes it on the
    start screen."""

    def __init__(self, kiosk: Kiosk, folders: Sequence[Path]) -> None:
        self.folders = list(folders)
        self.reloader = ContentReloader(self.folders[0], kiosk.window)
        self.shown = self.folders[0]  # the kiosk starts with the first folder's exhibit
        self.requested = 0
        self.applied = 0
        self.refusals: list[str] = []
        self._next = 1
        self._checking = False
        self._ready: Path | None = None
        self.reloader.checking.connect(self._on_checking)
        self.reloader.content_ready.connect(self._on_ready)
        self.reloader.content_refused.connect(self._on_refused)
        # After the reloader's signals are watched: on the start screen new content is
        # applied within content_ready, and which folder it came from must be known by then.
        self.live = LiveContent(kiosk.controller, self.reloader, parent=kiosk.window)
        self.live.applied.connect(self._on_applied)

    def _on_checking(self) -> None:
        self._checking = True

    def _on_ready(self, _exhibit: object) -> None:
        self._checking = False
        self._ready = self.reloader.folder

    def _on_refused(self, issues: list[object]) -> None:
        self._checking = False
        self.refusals.append("; ".join(str(issue) for issue in issues))

    def _on_applied(self) -> None:
        if self._ready is not None:
            self.shown = self._ready
        self.applied += 1

    def switch(self) -> None:
        folder = self.folders[self._next % len(self.folders)]
        self._next += 1
        self.requested += 1
        self.reloader.retarget(folder)

    def checking(self) -> bool:
        return self._checking


# -- the monkey ----------------------------------------------------------------------------


class Monkey:
    """Random touches, half on a visible button nothing covers, half anywhere."""

    def __init__(
        self,
        kiosk: Kiosk,
        device: QPointingDevice,
        rng: random.Random,
        fail: Callable[[str], SoakError],
    ) -> None:
        self.kiosk = kiosk
        self.fail = fail
        self.window = kiosk.window
        self.rng = rng
        self.touches = Touches(kiosk.window, device)
        self._actions = list(ACTIONS)
        self._weights = list(ACTIONS.values())
        self.done: Counter[str] = Counter()

    # where to touch

    def buttons_on_top(self) -> list[QAbstractButton]:
        """Buttons a visitor could press now: shown, enabled, not under a layer."""
        window = self.window
        found = []
        for button in window.findChildren(QAbstractButton):
            if not (button.isVisible() and button.isEnabled()):
                continue
            hit = window.childAt(button.mapTo(window, button.rect().center()))
            if hit is not None and (hit is button or button.isAncestorOf(hit)):
                found.append(button)
        return found

    def _inside(self, widget: QWidget) -> QPoint:
        rect = widget.rect()
        margin_x, margin_y = rect.width() // 6, rect.height() // 6
        local = QPoint(
            self.rng.randint(margin_x, max(margin_x, rect.width() - 1 - margin_x)),
            self.rng.randint(margin_y, max(margin_y, rect.height() - 1 - margin_y)),
        )
        return widget.mapTo(self.window, local)

    def _anywhere(self) -> QPoint:
        return QPoint(
            self.rng.randrange(self.window.width()), self.rng.randrange(self.window.height())
        )

    def point(self) -> QPoint:
        panel = self.window.access_panel
        if panel.isVisible() and self.rng.random() < 0.3:  # a visitor is done with it soon
            return self._inside(panel.done)
        if self.rng.random() < 0.5:
            buttons = self.buttons_on_top()
            if buttons:
                return self._inside(self.rng.choice(buttons))
        return self._anywhere()

    def _surface(self) -> QWidget | None:
        """What a finger drags on this screen: the Statement's text or the moment's card."""
        view = self.window.screens.get(self.kiosk.session.screen)
        if isinstance(view, StatementScreen):
            return view.scroll_area.viewport()
        if isinstance(view, TimelineScreen):
            return view.card
        return None

    def _drag_start(self) -> QPoint:
        surface = self._surface()
        if surface is not None and surface.isVisible() and self.rng.random() < 0.6:
            return self._inside(surface)
        return self.point()

    def _clamp(self, point: QPoint) -> QPoint:
        bounds = QRect(0, 0, self.window.width(), self.window.height())
        return QPoint(
            min(max(point.x(), bounds.left()), bounds.right()),
            min(max(point.y(), bounds.top()), bounds.bottom()),
        )

    # what to do

    def act(self) -> str:
        kind = self.rng.choices(self._actions, self._weights)[0]
        getattr(self, "_" + kind.replace(" ", "_"))()
        self.done[kind] += 1
        return kind

    def _frame(self, pace_ms: int) -> None:
        if pace_ms:
            pump(pace_ms)  # fingers take time to move; Qt's gestures time them
        else:
            QCoreApplication.processEvents()

    def _tap(self) -> None:
        at = self.point()
        self.touches.press({0: at})
        if self.rng.random() < 0.3:  # a finger seldom lands perfectly still
            at = self._clamp(at + QPoint(self.rng.randint(-6, 6), self.rng.randint(-6, 6)))
            self.touches.move({0: at})
        self.touches.release([0])

    def _drag(self, start: QPoint, end: QPoint, steps: int, pace_ms: int) -> None:
        self.touches.press({0: start})
        for step in range(1, steps + 1):
            self._frame(pace_ms)
            self.touches.move({0: start + (end - start) * step / steps})
        self.touches.release([0])

    def _swipe(self) -> None:
        start = self._drag_start()
        width, height = self.window.width(), self.window.height()
        dx = self.rng.choice((-1, 1)) * self.rng.randint(width // 12, width * 2 // 3)
        end = self._clamp(start + QPoint(dx, self.rng.randint(-height // 20, height // 20)))
        self._drag(start, end, self.rng.randint(3, 6), self.rng.choice(PACES_MS))

    def _flick(self) -> None:
        start = self._drag_start()
        distance = self.rng.randint(80, 600)
        if self.rng.random() < 0.7:  # mostly up or down, as a reader flicks
            delta = QPoint(self.rng.randint(-30, 30), self.rng.choice((-1, 1)) * distance)
        else:
            delta = QPoint(self.rng.choice((-1, 1)) * distance, self.rng.randint(-30, 30))
        self._drag(
            start, self._clamp(start + delta), self.rng.randint(2, 4), self.rng.choice((0, 4))
        )

    def _long_press(self) -> None:
        at = self.point()
        self.touches.press({0: at})
        # Mostly brief; sometimes longer than the idle timeout, so the question comes up
        # under a resting finger.
        hold = self.rng.randint(20, 60) if self.rng.random() < 0.8 else self.rng.randint(110, 250)
        reports = self.rng.random() < 0.5  # some screens repeat a resting point, some do not
        clock = QElapsedTimer()
        clock.start()
        while not clock.hasExpired(hold):
            pump(min(40, max(1, hold - clock.elapsed())))
            if reports:
                self.touches.move({0: at})
        self.touches.release([0])

    def _fingers(self) -> None:
        count = self.rng.randint(2, 4)
        touches = {touch: self.point() for touch in range(count)}
        if self.rng.random() < 0.5:
            self.touches.press(touches)
        else:  # one after another, as a hand lands
            for touch, at in touches.items():
                self.touches.press({touch: at})
        for _ in range(self.rng.randint(0, 3)):  # a pinch, a spread, a wobble
            scale = self.rng.uniform(0.7, 1.3)
            centre = sum((at for at in touches.values()), QPoint()) / count
            touches = {
                touch: self._clamp(centre + (at - centre) * scale) for touch, at in touches.items()
            }
            self._frame(self.rng.choice(PACES_MS))
            self.touches.move(touches)
        order = list(touches)
        self.rng.shuffle(order)
        if self.rng.random() < 0.5:
            self.touches.release(order)
        else:
            for touch in order:
                self.touches.release([touch])

    def _key(self) -> None:
        """Keypad keys, one or a quick run of them (Listen, Pause, Listen... as fast as
        events go), to whatever has the focus, as the keypad's own keys arrive."""
        session = self.kiosk.session
        for pressed in range(1 if self.rng.random() < 0.7 else self.rng.randint(2, 12)):
            if pressed and session.screen is Screen.ATTRACT:
                break  # back at the start: it is checked before anything else happens
            target = self.window.focusWidget() or self.window
            QTest.keyClick(target, self.rng.choice(KEYS), Qt.KeyboardModifier.KeypadModifier)
            if self.rng.random() < 0.3:
                QCoreApplication.processEvents()

    def _pause(self) -> None:
        pump(self.rng.randint(10, 40))  # animations and fades move on

    def _rest(self) -> None:
        """The visitor stops touching: "Still there?" comes, and is answered or not."""
        idle = self.kiosk.idle
        if not idle.running:  # on the start screen nothing times out
            self._pause()
            return
        if not idle.warning_active and not wait_for(idle.warning_started, SETTLE_MS):
            raise self.fail("the idle warning did not come")
        if self.rng.random() < 0.4:
            self.rng.choice((self._tap, self._tap, self._swipe, self._fingers))()
        # The visit ends by the countdown, or sooner when the warning is on the start screen
        # (a visitor came Back) and new content arrives: it is applied there at once, and
        # that resets the visit too.  Either way the session resets.
        elif not wait_for(self.kiosk.session.reset_done, SETTLE_MS):
            raise self.fail("the visit did not end after the idle warning")


# -- the run -------------------------------------------------------------------------------


@dataclass
class Census:
    widgets: int
    objects: int
    kinds: Counter[str]


@dataclass
class Summary:
    seed: int
    memory_limit: int = MEMORY_GROWTH_LIMIT  # bytes of growth after the warm-up allowed
    events: int = 0
    warmup_events: int = 0
    seconds: float = 0.0
    visits: Counter[str] = field(default_factory=Counter)
    actions: Counter[str] = field(default_factory=Counter)
    returns: int = 0
    checks: int = 0
    reloads_requested: int = 0
    reloads_applied: int = 0
    baselines: dict[str, Census] = field(default_factory=dict)
    widget_range: tuple[int, int] = (0, 0)  # least and most, minus the baseline
    object_range: tuple[int, int] = (0, 0)
    memory_warmup: Memory | None = None
    memory_end: Memory | None = None
    held_max: int | None = None
    # (event, memory held) at every 20th check after the warm-up: a leak shows as a trend,
    # the allocator's and the caches' ups and downs do not.
    readings: list[tuple[int, int]] = field(default_factory=list)
    problems: int = 0
    sounds: int = 0  # parts read aloud (warm-up included)
    # After the warm-up: channel rounds by result, sequences published, the server's
    # answers by status (304: a poll that found nothing new).  None: no channel followed.
    channel_rounds: Counter[str] | None = None
    published: int = 0
    served: Counter[int] = field(default_factory=Counter)

    @property
    def polls(self) -> int:
        return sum((self.channel_rounds or Counter()).values())

    @property
    def installs(self) -> int:
        return (self.channel_rounds or Counter())["installed"]

    def channel_line(self) -> str:
        if self.channel_rounds is None:
            return "channel: not followed (content switched between folders)"
        results = ", ".join(f"{kind} {n}" for kind, n in self.channel_rounds.most_common())
        refused = self.polls - sum(
            n for kind, n in self.channel_rounds.items() if kind in ("installed", "up-to-date")
        )
        return (
            f"channel: {self.polls} polls ({results or 'none'}), {self.installs} installs, "
            f"{refused} refused or failed; {self.published} sequences published; server "
            + ", ".join(f"{status} x{n}" for status, n in sorted(self.served.items()))
        )

    @property
    def growth(self) -> int | None:
        if self.memory_warmup is None or self.memory_end is None:
            return None
        return self.memory_end.held - self.memory_warmup.held

    def trend(self) -> float | None:
        """Least-squares slope of the memory held, in bytes per 10,000 events."""
        if len(self.readings) < 3:
            return None
        xs = [float(x) for x, _ in self.readings]
        ys = [float(y) for _, y in self.readings]
        mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
        spread = sum((x - mean_x) ** 2 for x in xs)
        if spread == 0:
            return None
        slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
        return slope * 10_000

    def unvisited(self) -> list[str]:
        return [place for place in PLACES if not self.visits[place]]

    def facts(self) -> dict[str, object]:
        """What a caller in another process checks (``--summary``), as JSON-ready values."""
        return {
            "seed": self.seed,
            "events": self.events,
            "unvisited": self.unvisited(),
            "actions": dict(self.actions),
            "returns": self.returns,
            "checks": self.checks,
            "reloads_applied": self.reloads_applied,
            "widget_range": list(self.widget_range),
            "object_range": list(self.object_range),
            "growth": self.growth,
            "problems": self.problems,
            "sounds": self.sounds,
            "channel_rounds": None if self.channel_rounds is None else dict(self.channel_rounds),
            "published": self.published,
            "polls": self.polls,
            "installs": self.installs,
            "served": {str(status): n for status, n in self.served.items()},
        }

    def lines(self) -> list[str]:
        baselines = ", ".join(
            f"{name}: {census.widgets} widgets / {census.objects} objects"
            for name, census in self.baselines.items()
        )
        growth = self.growth
        return [
            f"seed {self.seed}: {self.events} events (+{self.warmup_events} warm-up) "
            f"in {self.seconds:.1f} s ({self.events / max(self.seconds, 1e-9):.0f}/s)",
            "inputs: " + ", ".join(f"{kind} {n}" for kind, n in self.actions.most_common()),
            "screens (events seen on): "
            + ", ".join(f"{place} {self.visits[place]}" for place in PLACES),
            f"returns to the start screen: {self.returns}, checked: {self.checks}; "
            f"content reloads requested {self.reloads_requested}, "
            f"applied {self.reloads_applied}",
            f"baseline {baselines}",
            f"widgets vs baseline: {self.widget_range[0]:+d} .. {self.widget_range[1]:+d}; "
            f"window QObjects vs baseline: {self.object_range[0]:+d} .. "
            f"{self.object_range[1]:+d}",
            f"memory held after warm-up {memory_text(self.memory_warmup)}, at the end "
            f"{memory_text(self.memory_end)}, most checked {megabytes(self.held_max)}, growth "
            + ("n/a" if growth is None else f"{growth / 1024 / 1024:+.2f} MB")
            + f" (limit {self.memory_limit // 1024 // 1024} MB)",
            "memory trend: "
            + (
                "n/a"
                if (trend := self.trend()) is None
                else f"{trend / 1024 / 1024:+.2f} MB per 10,000 events "
                f"(least squares over {len(self.readings)} readings)"
            ),
            f"parts read aloud: {self.sounds}",
            self.channel_line(),
            f"exceptions and Qt warnings: {self.problems}",
        ]


class Soak:
    """Runs the monkey on a kiosk and checks it after every return to the start screen."""

    def __init__(
        self,
        kiosk: Kiosk,
        device: QPointingDevice,
        folders: Sequence[Path],
        *,
        seed: int,
        reload_every: int = 250,
        progress_every: int = 0,
        report: Callable[[str], None] = print,
        channel: Path | None = None,
        memory_limit: int = MEMORY_GROWTH_LIMIT,
    ) -> None:
        """``channel``: a work folder; new content then comes through a channel the kiosk
        follows (``soak_channel.ChannelRotation``), else the reloader is switched between
        ``folders``.  ``memory_limit``: bytes the memory held may grow after the warm-up."""
        self.kiosk = kiosk
        self.seed = seed
        self.rng = random.Random(seed)
        self.monkey = Monkey(kiosk, device, self.rng, self.fail)
        self.content: ContentRotation | ChannelRotation = ContentRotation(kiosk, folders)
        self.channel: ChannelRotation | None = None
        if channel is not None:
            self.channel = ChannelRotation(kiosk, self.content, channel, wait_until=wait_until)
            self.content = self.channel
        self.reload_every = reload_every
        self.progress_every = progress_every
        self.report = report
        self.problems = Problems()
        self.summary = Summary(seed, memory_limit)
        self.stage = "warm-up"
        self.index = 0
        self._returned = False
        self.warm = False
        self._size = kiosk.window.size()
        self.last_memory: Memory | None = None
        kiosk.controller.set_idle_override(IDLE_TIMEOUT_S, IDLE_WARNING_S)
        kiosk.session.screen_changed.connect(self._on_screen)
        # The question may come and go within one input (answered, or timed out while the
        # monkey waits): seen when it shows.
        kiosk.idle.warning_started.connect(self._on_warning)
        kiosk.window.listen.narrator.current_item_changed.connect(self._on_sound)

    def _on_sound(self, _index: int) -> None:
        self.summary.sounds += 1

    def _on_screen(self, name: str) -> None:
        if name == Screen.ATTRACT.value:
            self._returned = True

    def close(self) -> None:
        """Let a validation still running finish: its process must not outlive the window;
        nor the channel's round and server."""
        wait_until(lambda: not self.content.checking(), SETTLE_MS)
        if self.channel is not None:
            self.channel.close()

    def _on_warning(self, _seconds: int) -> None:
        if self.kiosk.window.idle_overlay.isVisible():
            self.summary.visits["idle warning"] += 1

    def fail(self, message: str) -> SoakError:
        where = f"seed {self.seed}, {self.stage} event {self.index}"
        return SoakError(
            f"{where}: {message}\n(run again: bench/soak.py --seed {self.seed} "
            f"--events {self.index + 1} --reload-every {self.reload_every}"
            + ("" if self.channel else " --no-channel")
            + ")"
        )

    # -- checks

    def _look(self) -> None:
        if self.problems.count():
            raise self.fail(self.problems.describe())
        if self.content.refusals:
            raise self.fail("content refused: " + self.content.refusals[0])
        if self.channel is not None and self.channel.problems:
            raise self.fail("channel round " + self.channel.problems[0])
        window, session = self.kiosk.window, self.kiosk.session
        if window.size() != self._size:
            raise self.fail(
                f"the window changed its own size from {self._size.toTuple()} to "
                f"{window.size().toTuple()} on {session.screen} (text {session.access})"
            )
        if window.stack.currentWidget() is not window.screens[session.screen]:
            raise self.fail(f"the session is on {session.screen} but another screen shows")
        if window.nav.isVisible() == (session.screen is Screen.ATTRACT):
            raise self.fail(f"the navigation bar is wrong on {session.screen}")
        places = self.summary.visits
        places[session.screen.value] += 1
        if window.access_panel.isVisible():
            places["access panel"] += 1
        if window.idle_overlay.isVisible():
            places["idle warning"] += 1
        listen = window.listen
        if listen.kind is not Kind.NONE:
            places["listening"] += 1
        if listen.narrator._player is not None:  # made on the first file played, then kept
            places["sound made"] += 1

    def _settle(self) -> None:
        """Let a validation in flight finish and pending content apply.  Content from the
        channel arrives on its own time: the store follower may start the next validation
        while the events are flushed, so until none is running afterwards."""
        for _ in range(10):
            if not wait_until(lambda: not self.content.checking(), SETTLE_MS):
                raise self.fail("a content validation did not finish")
            flush_deletions()
            if not self.content.checking():
                return
        raise self.fail("content validations kept starting")

    def _check_at_rest(self) -> None:
        """Back on the start screen: nothing of the visit may be left."""
        self._settle()
        if self.kiosk.session.screen is not Screen.ATTRACT:
            return  # new content or a touch began the next visit already
        idle, visiting = self.kiosk.idle, self.kiosk.session.visiting
        if not visiting and (idle.running or self.kiosk.window.idle_overlay.isVisible()):
            raise self.fail("the visit's idle countdown outlived it")
        if visiting and not idle.running:
            # Came Back to the start screen: the visit must still end when they walk away.
            raise self.fail("a visit left on the start screen would never time out")
        children = child_programs()
        if SPEECH_PROGRAM in children:
            raise self.fail(f"the visit ended with {SPEECH_PROGRAM} still running: {children}")
        if self.kiosk.window.listen.narrator.state is not NarratorState.IDLE:
            raise self.fail("the visit ended with the narrator still reading")
        if not self.warm:
            return
        census = Census(*object_census(self.kiosk.window))
        # Back from Home reaches the start screen without a reset: the visitor's language
        # stays, and a language other than English holds its translator.
        key = f"{self.content.shown.name} in {self.kiosk.session.language}"
        baseline = self.summary.baselines.setdefault(key, census)
        self.summary.checks += 1
        if (census.widgets, census.objects) != (baseline.widgets, baseline.objects):
            grown = census.kinds - baseline.kinds
            shrunk = baseline.kinds - census.kinds
            raise self.fail(
                f"back on the start screen ({key}) with {census.widgets} widgets and "
                f"{census.objects} window objects; the baseline is {baseline.widgets} and "
                f"{baseline.objects} (more: {dict(grown)}, fewer: {dict(shrunk)})"
            )
        low_w, high_w = self.summary.widget_range
        low_o, high_o = self.summary.object_range
        dw, do = census.widgets - baseline.widgets, census.objects - baseline.objects
        self.summary.widget_range = (min(low_w, dw), max(high_w, dw))
        self.summary.object_range = (min(low_o, do), max(high_o, do))
        if self.summary.checks % 20 == 1:
            memory = self._note_memory()
            if memory is not None and self.stage == "soak":
                self.summary.readings.append((self.index, memory.held))

    def _quiet(self) -> bool:
        """No transition running (the window's holds snapshots of the whole window, 8 MB
        each at 1920x1080, the timeline's of its card), no picture being decoded, and Qt
        Multimedia's playback threads ended (a player let go of its file stops them a moment
        later; their buffers, up to 10 MB, go with them)."""
        window = self.kiosk.window
        fades = window.findChildren(FadeOverlay)
        loaders = window.findChildren(PictureLoader)
        return (
            not any(fade.is_running() for fade in fades)
            and all(loader.is_idle() for loader in loaders)
            and not any(name.startswith(PLAYBACK_THREADS) for name in thread_names())
        )

    def _note_memory(self) -> Memory | None:
        """Memory, read in the same state each time: on the start screen, quiet (see
        ``_quiet``), and the start screen painted (its light, 5 MB, is drawn once per size
        and colour).  The fades' spare frames (two whole-window images, 17.8 MB at 1920x1080,
        kept for 30 s after the last fade) are given back first, as the pixmap cache is: a
        bounded cache held or not depending on when the last fade ran, never growth.  No
        channel round runs meanwhile (its download and install buffers come and go)."""
        if self.channel is None:
            return self._read_memory()
        with self.channel.held():
            return self._read_memory()

    def _read_memory(self) -> Memory | None:
        window = self.kiosk.window
        if not wait_until(self._quiet, SETTLE_MS):
            raise self.fail("a transition or a picture's decoding did not finish")
        for fade in window.findChildren(FadeOverlay):
            fade._drop_spares()  # what its 30 s release timer does
        window.repaint()
        flush_deletions()
        memory = resident_memory()
        if memory is not None:
            self.summary.held_max = max(self.summary.held_max or 0, memory.held)
            self.last_memory = memory
        return memory

    def _lowest_memory_at_rest(self) -> Memory | None:
        """The least of END_READINGS readings at rest, END_EVENTS more inputs before each
        further one.  With a sound server the audio stack's buffers (up to 14 MB) come and
        go from one rest to the next: one reading at the end failed a clean run 1 in 3
        (+6.3 MB, against +2.3 and +3.0); a leak stays in every reading."""
        lowest = self._note_memory()
        for _ in range(END_READINGS - 1):
            for _ in range(END_EVENTS):
                self._step()
            self._go_to_rest()
            memory = self._note_memory()
            if memory is not None and (lowest is None or memory.held < lowest.held):
                lowest = memory
        return lowest

    def _go_to_rest(self) -> None:
        """Wait for the visit to time out (the kiosk's own way back to the start)."""
        session = self.kiosk.session
        if session.screen is not Screen.ATTRACT and not wait_until(
            lambda: session.screen is Screen.ATTRACT, SETTLE_MS
        ):
            raise self.fail("the visit did not time out")
        self._settle()
        self._returned = False
        self._check_at_rest()
        self._look()

    # -- steps

    def _step(self) -> None:
        self.monkey.act()
        self._look()
        if self._returned:
            self._returned = False
            if self.warm:
                self.summary.returns += 1
            self._check_at_rest()
            self._look()

    def _warm_up(self) -> None:
        """Until every screen has been seen and both contents applied once (lazily built
        parts, the icon font, translators, caches exist from then on)."""
        self.stage = "warm-up"
        every = max(1, min(self.reload_every, 50))
        index = 0
        while (
            self.summary.unvisited()
            or self.content.applied < len(self.content.folders)
            or self.summary.sounds < WARMUP_SOUNDS
        ):
            if index >= WARMUP_LIMIT:
                raise self.fail(f"the warm-up never reached {self.summary.unvisited()}")
            self.index = index
            self._step()
            index += 1
            if index % every == 0:
                self.content.switch()
        self.summary.warmup_events = index
        self.index = index
        self._go_to_rest()
        self.summary.visits.clear()
        self.warm = True
        self.summary.memory_warmup = self._note_memory()

    def run(self, events: int) -> Summary:
        """Warm up, then ``events`` inputs; raises ``SoakError`` at the first broken
        criterion (``self.summary`` then says how far it went)."""
        summary = self.summary
        started = time.perf_counter()
        reloads = (0, 0)
        channel = self.channel
        rounds: Counter[str] = Counter()
        served: Counter[int] = Counter()
        published = 0
        try:
            with recording(self.problems):
                self._warm_up()
                self.stage = "soak"
                self.monkey.done.clear()
                reloads = self.content.requested, self.content.applied
                if channel is not None:
                    rounds, served = Counter(channel.outcomes), Counter(channel.server.answers)
                    published = channel.published
                for index in range(events):
                    self.index = index
                    self._step()
                    if (index + 1) % self.reload_every == 0:
                        self.content.switch()
                    if self.progress_every and (index + 1) % self.progress_every == 0:
                        summary.events = index + 1
                        self._progress(started)
                self.index = events
                self.stage = "end of soak"
                self._go_to_rest()
                summary.memory_end = self._lowest_memory_at_rest()
        finally:
            summary.events = self.index if self.stage != "warm-up" else 0
            summary.seconds = time.perf_counter() - started
            summary.actions = Counter(self.monkey.done)
            summary.reloads_requested = self.content.requested - reloads[0]
            summary.reloads_applied = self.content.applied - reloads[1]
            summary.problems = self.problems.count()
            if channel is not None:
                summary.channel_rounds = channel.outcomes - rounds
                summary.served = channel.server.answers - served
                summary.published = channel.published - published
        missing = summary.unvisited()
        if missing:
            raise self.fail(f"never seen: {', '.join(missing)}")
        if channel is not None and not (
            summary.installs and summary.reloads_applied and summary.served[304]
        ):
            # The channel's rounds must have run, found nothing new between publications,
            # brought new content when there was some, and had it shown.
            raise self.fail(
                f"after the warm-up the channel was polled {summary.polls} times "
                f"({summary.served[304]} found nothing new), installed {summary.installs}, "
                f"and {summary.reloads_applied} new contents were shown"
            )
        growth = summary.growth
        if growth is not None and growth > summary.memory_limit:
            raise self.fail(
                f"memory grew by {growth / 1024 / 1024:.1f} MB after the warm-up "
                f"(limit {summary.memory_limit // 1024 // 1024} MB)\n" + "\n".join(summary.lines())
            )
        return summary

    def _progress(self, started: float) -> None:
        summary = self.summary
        elapsed = time.perf_counter() - started
        self.report(
            f"{summary.events} events, {elapsed:.0f} s, returns {summary.returns}, "
            f"widgets {summary.widget_range}, objects {summary.object_range}, "
            f"memory held last checked {memory_text(self.last_memory)}, "
            f"after warm-up {memory_text(summary.memory_warmup)}"
        )


# -- the command ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=None, help="default: a random one")
    parser.add_argument("--reload-every", type=int, default=250, metavar="N")
    parser.add_argument("--progress-every", type=int, default=5000, metavar="N")
    parser.add_argument(
        "--no-channel",
        action="store_true",
        help="switch the reloader between folders instead of publishing to a channel",
    )
    parser.add_argument(
        "--memory-limit",
        type=float,
        default=MEMORY_GROWTH_LIMIT / 1024 / 1024,
        metavar="MB",
        help="growth of the memory held allowed after the warm-up (default: %(default)s)",
    )
    parser.add_argument(
        "--summary",
        type=Path,
        metavar="FILE",
        help="also write the run's figures to FILE as JSON, passed or failed (tests read it)",
    )
    options = parser.parse_args(argv)
    seed = options.seed if options.seed is not None else random.SystemRandom().randrange(2**32)

    private = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_CONFIG}"
    # Never the station's own configuration or content store.
    os.environ["KIOSK_CONFIG"] = str(private / "station.yaml")
    os.environ["KIOSK_DATA_DIR"] = str(private / "data")
    warnings.simplefilter("error")  # as in the tests: a Python warning is a failure

    print(
        f"soak: seed {seed}, {options.events} events, content reload every {options.reload_every}"
        + (" (folders)" if options.no_channel else " (through a channel)"),
        flush=True,
    )
    startup = Problems()
    with recording(startup):
        app = create_application(["kiosk-soak"])
        bundled = default_content_dir()
        folders = [bundled, edited_exhibit(private, bundled)]
        device = QTest.createTouchDevice()
        # As tests/conftest.py's make_kiosk builds it: the real window at 1920x1080.
        kiosk = build_kiosk(app, load_exhibit(bundled))
        window = kiosk.window
        window.resize(1920, 1080)
        window.show()
        up = QTest.qWaitForWindowExposed(window) and wait_until(
            lambda: len(window.screens) == 5, SETTLE_MS
        )
        # As kiosk run does right after its first frame (kiosk.ui.runner).
        limit_malloc_arenas()
    try:
        if not up or startup.count():
            print(f"soak: the kiosk did not come up cleanly\n{startup.describe()}", flush=True)
            return 1
        soak = Soak(
            kiosk,
            device,
            folders,
            seed=seed,
            reload_every=options.reload_every,
            progress_every=options.progress_every,
            report=lambda line: print(line, flush=True),
            channel=None if options.no_channel else private / "channel",
            memory_limit=int(options.memory_limit * 1024 * 1024),
        )
        try:
            summary = soak.run(options.events)
        except SoakError as failure:
            print(f"soak: FAILED: {failure}", flush=True)
            for line in soak.summary.lines():
                print(f"  {line}")
            return 1
        finally:
            soak.close()
            if options.summary is not None:
                options.summary.write_text(json.dumps(soak.summary.facts()), encoding="utf-8")
        print("soak: passed", flush=True)
        for line in summary.lines():
            print(f"  {line}", flush=True)
        return 0
    finally:
        kiosk.close()
        flush_deletions()
        shutil.rmtree(private, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
