"""A display mounted on its side or upside down: the interface turns inside the application,
and every touch lands on what the visitor sees there."""

# mypy: disable-error-code="comparison-overlap"
# (a tap changes the visit's screen after mypy narrowed it: `is Screen.HOME` after `is
# Screen.ATTRACT` is the point of these tests.)

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from conftest import views
from kiosk.core.session import Screen
from kiosk.ui.application import build_kiosk
from kiosk.ui.rotation import RotatedHost

if TYPE_CHECKING:
    from PySide6.QtGui import QPointingDevice
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk


class TurnedFinger:
    """Touches the physical screen where a widget of the turned interface appears."""

    def __init__(self, host: RotatedHost, device: QPointingDevice) -> None:
        self.host, self.device = host, device

    def on_screen(self, widget: QWidget, point: QPoint | None = None) -> QPoint:
        local = point if point is not None else widget.rect().center()
        in_content = QPointF(widget.mapTo(self.host.content, local))
        return self.host.mapFromScene(self.host.proxy.mapToScene(in_content))

    def tap(self, widget: QWidget) -> None:
        at = self.on_screen(widget)
        QTest.touchEvent(self.host, self.device).press(0, at, self.host).commit()
        QTest.touchEvent(self.host, self.device).release(0, at, self.host).commit()

    def drag(self, widget: QWidget, start: QPoint, end: QPoint) -> None:
        begin, finish = self.on_screen(widget, start), self.on_screen(widget, end)
        QTest.touchEvent(self.host, self.device).press(0, begin, self.host).commit()
        for step in range(1, 9):
            QTest.qWait(16)  # paced like a finger, as in conftest.Finger
            at = begin + (finish - begin) * step / 8
            QTest.touchEvent(self.host, self.device).move(0, at, self.host).commit()
        QTest.touchEvent(self.host, self.device).release(0, finish, self.host).commit()


Turned = tuple["Kiosk", RotatedHost, TurnedFinger]


@pytest.fixture(params=[0, 90, 180, 270])
def turned(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    qapp: QApplication,
    exhibit: Exhibit,
    touch_device: QPointingDevice,
) -> Iterator[Turned]:
    kiosk = build_kiosk(qapp, exhibit, reduced_motion=True)
    host = RotatedHost(kiosk.window, request.param)
    host.resize(*((1080, 1920) if request.param in (0, 180) else (1920, 1080)))
    host.show()
    qtbot.waitExposed(host)
    qtbot.waitUntil(lambda: len(kiosk.window.screens) == 5)
    yield kiosk, host, TurnedFinger(host, touch_device)
    kiosk.close()
    host.close()
    host.deleteLater()


def test_the_interface_keeps_its_own_orientation(turned: Turned) -> None:
    kiosk, _, _ = turned
    # A portrait interface, whichever way the panel hangs.
    assert (kiosk.window.width(), kiosk.window.height()) == (1080, 1920)


def test_taps_reach_what_the_visitor_sees(turned: Turned) -> None:
    kiosk, _, finger = turned
    finger.tap(kiosk.window.attract)
    assert kiosk.session.screen is Screen.HOME
    finger.tap(views(kiosk.window).home.tiles[Screen.TIMELINE])
    assert kiosk.session.screen is Screen.TIMELINE
    timeline = views(kiosk.window).timeline
    finger.tap(timeline.rail.buttons[2])
    assert kiosk.session.timeline_index == 2
    finger.tap(kiosk.window.nav.home_button)
    assert kiosk.session.screen is Screen.HOME


def test_a_swipe_follows_the_turned_interface(turned: Turned) -> None:
    kiosk, _, finger = turned
    kiosk.session.go_home()
    kiosk.session.open(Screen.TIMELINE)
    card = views(kiosk.window).timeline.card
    y = card.height() // 2
    # Leftwards in the interface's own terms, whatever direction that is on the glass.
    finger.drag(card, QPoint(card.width() * 4 // 5, y), QPoint(card.width() // 5, y))
    assert kiosk.session.timeline_index == 1
