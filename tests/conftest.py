"""Test set-up: Qt offscreen, the kiosk's own application object, helpers for real input;
and what every test gets: a station of its own (``data_dir``), loggers as it found them
(``logging_restored``), and kiosks closed after it with leaked windows named (``make_kiosk``)."""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

# Before any Qt import: tests need no display.  The offscreen screen is made as large as a
# 4K panel so every window under test lies on it (Qt looks up touch targets by screen).
_SCREEN = Path(__file__).resolve().parent / "fixtures" / "offscreen-screen.json"
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
# Tests never read or write the developer's own station configuration or content store.
_PRIVATE = Path(tempfile.mkdtemp(prefix="kiosk-tests-"))
os.environ["KIOSK_CONFIG"] = str(_PRIVATE / "station.yaml")
os.environ["KIOSK_DATA_DIR"] = str(_PRIVATE / "data")
# The studio remembers the staff's key and target here, never in the developer's own config.
os.environ["KIOSK_STUDIO_SETTINGS"] = str(_PRIVATE / "studio.json")

from collections.abc import Iterator

import pytest

from kiosk.content.loader import load_exhibit
from kiosk.content.model import Exhibit
from kiosk.paths import default_content_dir

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

try:
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
    from PySide6.QtGui import QPointingDevice
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.ui.application import Kiosk, build_kiosk, create_application
    from kiosk.ui.window import KioskWindow, Screens
except ModuleNotFoundError as absent:
    # scripts/test_without_qt.sh runs the content, pack and analytics tests where PySide6 is
    # not installed, to prove those tools need no Qt; only the Qt-free fixtures work there.
    # Any other missing module (or a PySide6 that fails to load) is still an error.
    if absent.name not in ("PySide6", "shiboken6"):  # shiboken6 comes with PySide6
        raise

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def qapp() -> Iterator[QApplication]:
    """The kiosk's application, with its bundled fonts, shared by every Qt test."""
    yield create_application(["kiosk-tests"])


@pytest.fixture(scope="session")
def exhibit() -> Exhibit:
    return load_exhibit(default_content_dir())


@pytest.fixture(scope="session")
def touch_device() -> QPointingDevice:
    return QTest.createTouchDevice()


class Finger:
    """Drives real touch events through Qt's input pipeline, as a touch screen would."""

    def __init__(self, device: QPointingDevice) -> None:
        self.device = device

    def _window_point(self, widget: QWidget, point: QPoint | None) -> tuple[QWidget, QPoint]:
        local = point if point is not None else widget.rect().center()
        window = widget.window()
        return window, widget.mapTo(window, local)

    def tap(self, widget: QWidget, point: QPoint | None = None) -> None:
        window, at = self._window_point(widget, point)
        QTest.touchEvent(window, self.device).press(0, at, window).commit()
        QTest.touchEvent(window, self.device).release(0, at, window).commit()

    def drag(self, widget: QWidget, start: QPoint, end: QPoint, steps: int = 8) -> None:
        """Press, move in even steps, lift: a swipe or a flick depending on distance."""
        window, begin = self._window_point(widget, start)
        _, finish = self._window_point(widget, end)
        QTest.touchEvent(window, self.device).press(0, begin, window).commit()
        for step in range(1, steps + 1):
            at = begin + (finish - begin) * step / steps
            # A finger takes time to move, and Qt's gestures measure speed on their own
            # clock: moves are paced one display frame apart, as a touch screen reports them.
            QTest.qWait(16)
            QTest.touchEvent(window, self.device).move(0, at, window).commit()
        QTest.touchEvent(window, self.device).release(0, finish, window).commit()


@pytest.fixture
def finger(touch_device: QPointingDevice) -> Finger:
    return Finger(touch_device)


def views(window: KioskWindow) -> Screens:
    """The window's screens, each with its own type (built right after the first frame)."""
    assert window.built is not None, "the screens are not built yet"
    return window.built


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def show_kiosk(
    qtbot: QtBot,
    exhibit: Exhibit,
    size: tuple[int, int] = (1920, 1080),
    *,
    reduced_motion: bool | None = None,
    languages: tuple[str, ...] | None = None,
) -> Kiosk:
    """A kiosk window on ``exhibit``, shown at ``size`` with its five screens built.  The
    caller closes it; tests take the ``make_kiosk`` fixture instead, which does."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kiosk = build_kiosk(app, exhibit, reduced_motion=reduced_motion, languages=languages)
    window = kiosk.window
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: len(window.screens) == 5)
    return kiosk


# follow-up: issue 16 - the staff, PIN and ambient tests still call the plain function (by
# this name) and close their kiosks themselves; they move to the fixture below next.
make_kiosk = show_kiosk


class KioskFactory(Protocol):
    def __call__(
        self,
        exhibit: Exhibit,
        size: tuple[int, int] = (1920, 1080),
        *,
        reduced_motion: bool | None = None,
        languages: tuple[str, ...] | None = None,
    ) -> Kiosk: ...


def _describe(widget: QWidget) -> str:
    name = type(widget).__name__
    if widget.objectName():
        name += f" {widget.objectName()!r}"
    if widget.windowTitle():
        name += f" titled {widget.windowTitle()!r}"
    return name


def settle_deletions() -> None:
    """Run the deleteLater()s that are due, as the event loop would between two frames."""
    for _ in range(3):  # a deletion may post another (a parent's children, a layer's host)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def fail_on_leaks(before: set[QWidget]) -> None:
    """Fail naming the top-level widgets that were not there ``before`` (each is closed and
    deleted first, so one test's leak does not fail the tests after it)."""
    leaked = [
        widget
        for widget in QApplication.topLevelWidgets()
        if widget not in before and shiboken6.isValid(widget)
    ]
    if leaked:
        names = ", ".join(map(_describe, leaked))
        for widget in leaked:
            widget.close()
            widget.deleteLater()
        settle_deletions()
        pytest.fail(f"top-level widgets left after the test: {names}", pytrace=False)


@pytest.fixture(name="make_kiosk")
def kiosk_factory(qapp: QApplication, qtbot: QtBot) -> Iterator[KioskFactory]:
    """Builds shown kiosks; closes and deletes every one after the test, then fails the
    test naming any top-level widget it left behind (a leak grows with every visit)."""
    before = set(QApplication.topLevelWidgets())
    built: list[Kiosk] = []

    def make(
        exhibit: Exhibit,
        size: tuple[int, int] = (1920, 1080),
        *,
        reduced_motion: bool | None = None,
        languages: tuple[str, ...] | None = None,
    ) -> Kiosk:
        kiosk = show_kiosk(qtbot, exhibit, size, reduced_motion=reduced_motion, languages=languages)
        built.append(kiosk)
        return kiosk

    yield make
    for kiosk in built:
        if shiboken6.isValid(kiosk.window):  # a test may have closed it already
            kiosk.close()
    settle_deletions()
    fail_on_leaks(before)


@pytest.fixture
def kiosk(make_kiosk: KioskFactory, exhibit: Exhibit) -> Kiosk:
    """A kiosk window on the bundled exhibit, without transitions so states settle at once."""
    return make_kiosk(exhibit, reduced_motion=True)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test is its own station: a fresh data folder (``KIOSK_DATA_DIR``, not created),
    ``tmp_path/station.yaml`` as the station configuration (absent unless the test writes
    it), and no trusted keys from the environment.  Child processes inherit all three.
    Module- and session-scoped fixtures run before this one and set their own folder."""
    data = tmp_path / "station"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "station.yaml"))
    monkeypatch.delenv("KIOSK_TRUSTED_KEYS", raising=False)
    return data


def _kiosk_handlers() -> dict[logging.Logger, set[logging.Handler]]:
    """The handlers on every logger, except pytest's own (added and removed per phase)."""
    loggers = [logging.getLogger()]
    loggers += [
        logger
        for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    return {
        logger: {h for h in logger.handlers if not type(h).__module__.startswith("_pytest")}
        for logger in loggers
    }


@contextlib.contextmanager
def restored_logging() -> Iterator[None]:
    """Handlers added inside (``configure_logging``: the log files, the terminal) are closed
    and removed on the way out, with the root level, so no later test writes to a closed or
    deleted file; faulthandler stops writing to a crash log made inside."""
    handlers, level = _kiosk_handlers(), logging.getLogger().level
    tracing = faulthandler.is_enabled()
    try:
        yield
    finally:
        added = False
        for logger, now in _kiosk_handlers().items():
            for handler in now - handlers.get(logger, set()):
                logger.removeHandler(handler)
                handler.close()
                added = True
        logging.getLogger().setLevel(level)
        if added:
            faulthandler.disable()
            if tracing:  # pytest's own tracebacks on a hang, as before the test
                faulthandler.enable(file=sys.__stderr__ or sys.stderr)


@pytest.fixture(autouse=True)
def logging_restored() -> Iterator[None]:
    """Every test leaves the loggers as it found them."""
    with restored_logging():
        yield
