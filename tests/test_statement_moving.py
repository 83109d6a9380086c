"""While a finger moves the Statement, a picture of its page covers the viewport: it shows
exactly the text the page would, its lines are not drawn again each frame, it follows the
text's language, and the live page is back when the text comes to rest."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QScroller, QWidget

from conftest import Finger, make_kiosk
from kiosk.core.session import Screen
from paint_counter import PaintCounter

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk
    from kiosk.ui.screens.statement import StatementScreen


def open_statement(kiosk: Kiosk, finger: Finger) -> StatementScreen:
    finger.tap(kiosk.window.attract)
    assert kiosk.window.built is not None
    finger.tap(kiosk.window.built.home.tiles[Screen.STATEMENT])
    assert kiosk.session.screen is Screen.STATEMENT
    return kiosk.window.built.statement


@contextmanager
def finger_down(
    window: QWidget, device: QPointingDevice, start: QPoint, end: QPoint
) -> Iterator[None]:
    """A finger pressed at ``start`` and moved to ``end`` in paced steps, held there while
    the block runs, then lifted."""
    QTest.touchEvent(window, device).press(0, start, window).commit()
    for step in range(1, 9):
        QTest.qWait(16)  # paced like a touch screen's reports (Qt's gesture clocks them)
        QTest.touchEvent(window, device).move(0, start + (end - start) * step / 8, window).commit()
    try:
        yield
    finally:
        QTest.touchEvent(window, device).release(0, end, window).commit()


def _alike(one: QImage, other: QImage) -> bool:
    """The same picture to the eye: equal sizes, and no colour channel of any pixel more
    than 24 of 255 apart (antialiased edges may differ by a shade between renderings)."""
    if one.size() != other.size():
        return False
    a = one.convertToFormat(QImage.Format.Format_RGB32)
    b = other.convertToFormat(QImage.Format.Format_RGB32)
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            p, q = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            if (
                max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue()))
                > 24
            ):
                return False
    return True


def _drag_points(statement: StatementScreen) -> tuple[QWidget, QPoint, QPoint]:
    viewport = statement.scroll_area.viewport()
    window = viewport.window()
    x = viewport.width() // 2
    start = viewport.mapTo(window, QPoint(x, viewport.height() * 4 // 5))
    end = viewport.mapTo(window, QPoint(x, viewport.height() * 2 // 5))
    return window, start, end


def _live_and_covered(statement: StatementScreen) -> tuple[QImage, QImage]:
    """The viewport as the moving picture shows it, and as the live page draws it."""
    viewport = statement.scroll_area.viewport()
    window = viewport.window()
    place = QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size())
    covered = window.grab(place).toImage()  # the window's background included, as shown
    statement.moving.hide()
    live = window.grab(place).toImage()
    statement.moving.show()
    return covered, live


def test_a_moving_statement_shows_its_picture_and_does_not_draw_its_lines_again(
    qtbot: QtBot, exhibit: Exhibit, finger: Finger, touch_device: QPointingDevice
) -> None:
    kiosk = make_kiosk(qtbot, exhibit, reduced_motion=True)
    try:
        statement = open_statement(kiosk, finger)
        bar = statement.scroll_area.verticalScrollBar()
        window, start, end = _drag_points(statement)
        counter = PaintCounter()
        lines = statement.findChildren(QLabel)
        for label in lines:
            label.installEventFilter(counter)
        scroller = QScroller.scroller(statement.scroll_area.viewport())
        with finger_down(window, touch_device, start, end):
            qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Dragging, timeout=30_000)
            qtbot.waitUntil(lambda: bar.value() > 0, timeout=30_000)
            assert statement.moving.isVisible()
            counter.paints = 0
            moved_to = bar.value()
            QTest.qWait(16)
            QTest.touchEvent(window, touch_device).move(0, end - QPoint(0, 40), window).commit()
            qtbot.waitUntil(lambda: bar.value() != moved_to, timeout=30_000)
            window.repaint()  # the frame after the move, painted now
            assert counter.paints == 0  # the text moved as a picture
            covered, live = _live_and_covered(statement)
            assert _alike(covered, live)
        for label in lines:
            label.removeEventFilter(counter)
        qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=30_000)
        assert not statement.moving.isVisible()  # at rest, the live page
        assert bar.value() > 0
    finally:
        kiosk.close()


def test_the_picture_follows_the_language_of_the_text(
    qtbot: QtBot, exhibit: Exhibit, finger: Finger, touch_device: QPointingDevice
) -> None:
    kiosk = make_kiosk(qtbot, exhibit, reduced_motion=True)
    try:
        statement = open_statement(kiosk, finger)
        scroller = QScroller.scroller(statement.scroll_area.viewport())
        window, start, end = _drag_points(statement)
        with finger_down(window, touch_device, start, end):
            qtbot.waitUntil(statement.moving.isVisible, timeout=30_000)
            first, _ = _live_and_covered(statement)
        qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=30_000)
        other = next(code for code in kiosk.controller.offered_languages() if code != "en")
        kiosk.session.set_language(other)
        statement.scroll_area.verticalScrollBar().setValue(0)
        with finger_down(window, touch_device, start, end):
            qtbot.waitUntil(statement.moving.isVisible, timeout=30_000)
            covered, live = _live_and_covered(statement)
            assert _alike(covered, live)
            assert not _alike(covered, first)  # not the English picture kept from before
        qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=30_000)
    finally:
        kiosk.close()
