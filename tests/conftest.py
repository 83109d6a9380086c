"""Test set-up: Qt offscreen, the kiosk's own application object, helpers for real input."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Before any Qt import: tests need no display.  The offscreen screen is made as large as a
# 4K panel so every window under test lies on it (Qt looks up touch targets by screen).
_SCREEN = Path(__file__).resolve().parent / "fixtures" / "offscreen-screen.json"
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
# Tests never read or write the developer's own station configuration or content store.
_PRIVATE = Path(tempfile.mkdtemp(prefix="kiosk-tests-"))
os.environ["KIOSK_CONFIG"] = str(_PRIVATE / "station.yaml")
os.environ["KIOSK_DATA_DIR"] = str(_PRIVATE / "data")

from collections.abc import Iterator

import pytest

from kiosk.content.loader import load_exhibit
from kiosk.content.model import Exhibit
from kiosk.paths import default_content_dir

try:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QPointingDevice
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.ui.application import build_kiosk, create_application
except ModuleNotFoundError as absent:
    # scripts/test_without_qt.sh runs the content, pack and analytics tests where PySide6 is
    # not installed, to prove those tools need no Qt; only the Qt-free fixtures work there.
    # Any other missing module (or a PySide6 that fails to load) is still an error.
    if absent.name != "PySide6":
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


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def make_kiosk(qtbot, exhibit: Exhibit, size: tuple[int, int] = (1920, 1080), **kwargs):  # type: ignore[no-untyped-def]
    kiosk = build_kiosk(QApplication.instance(), exhibit, **kwargs)  # type: ignore[arg-type]
    window = kiosk.window
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: len(window.screens) == 5)
    return kiosk


@pytest.fixture
def kiosk(qtbot, exhibit: Exhibit):  # type: ignore[no-untyped-def]
    """A kiosk window on the bundled exhibit, without transitions so states settle at once."""
    built = make_kiosk(qtbot, exhibit, reduced_motion=True)
    yield built
    built.close()
