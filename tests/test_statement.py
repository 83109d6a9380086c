"""The Statement reads in full, scrolls under a finger, and shows where the reader is."""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextLayout
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScroller

from conftest import Finger, views
from kiosk.core.session import Screen

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk
    from kiosk.ui.screens.statement import StatementScreen


def open_statement(kiosk: Kiosk, finger: Finger) -> StatementScreen:
    finger.tap(kiosk.window.attract)
    finger.tap(views(kiosk.window).home.tiles[Screen.STATEMENT])
    return views(kiosk.window).statement


def test_statement_shows_title_issuer_date_and_every_paragraph(
    kiosk: Kiosk, finger: Finger
) -> None:
    statement = open_statement(kiosk, finger)
    content = kiosk.window.exhibit.statement
    assert statement.kicker.text() == "STATEMENT"
    assert "Ministry of Foreign Affairs of the Republic of Azerbaijan" in statement.meta.text()
    assert "20 January 2026" in statement.meta.text()
    assert [label.text() for label in statement.paragraphs] == [
        paragraph.values["en"] for paragraph in content.paragraphs
    ]


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160), (1080, 1920), (1280, 800)])
def test_lines_hold_about_60_to_75_characters(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit, finger: Finger, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(exhibit, size=size, reduced_motion=True)
    statement = open_statement(kiosk, finger)
    lengths = []
    for label in statement.paragraphs:
        layout = QTextLayout(label.text(), label.font())
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(label.contentsRect().width())
            lengths.append(line.textLength())
        layout.endLayout()
    full_lines = sorted(lengths)[
        : -len(statement.paragraphs)
    ]  # each paragraph's last line is short
    assert max(lengths) <= 75, lengths
    # "About 60 to 75": a portrait screen 1080 pixels wide allows a little less.
    assert statistics.median(full_lines) >= 57, lengths


def test_a_mouse_drag_scrolls_too(qtbot: QtBot, kiosk: Kiosk, finger: Finger) -> None:
    statement = open_statement(kiosk, finger)
    viewport = statement.scroll_area.viewport()
    bar = statement.scroll_area.verticalScrollBar()
    x, low, high = viewport.width() // 2, viewport.height() * 4 // 5, viewport.height() // 5
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(x, low))
    for step in range(1, 9):
        # A hand takes time to move: Qt's mouse gesture measures it on its own clock, so
        # the moves are paced one display frame apart, as a real mouse reports them.
        QTest.qWait(16)
        QTest.mouseMove(viewport, QPoint(x, low - step * (low - high) // 8))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(x, high))
    qtbot.waitUntil(lambda: bar.value() > viewport.height() // 4, timeout=30_000)


def test_a_finger_flick_scrolls_and_moves_the_indicator(
    qtbot: QtBot, kiosk: Kiosk, finger: Finger
) -> None:
    statement = open_statement(kiosk, finger)
    bar = statement.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    start_fraction = statement.indicator.fraction_shown()[0]
    viewport = statement.scroll_area.viewport()
    bottom = QPoint(viewport.width() // 2, viewport.height() * 4 // 5)
    top = QPoint(viewport.width() // 2, viewport.height() // 5)
    scroller = QScroller.scroller(viewport)
    states: list[QScroller.State] = []
    scroller.stateChanged.connect(states.append)
    finger.drag(viewport, bottom, top)
    # Kinetic: after the finger lifts the text glides on by itself, then comes to rest.
    qtbot.waitUntil(lambda: QScroller.State.Scrolling in states, timeout=30_000)
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=30_000)
    assert states[:2] == [QScroller.State.Pressed, QScroller.State.Dragging]
    assert bar.value() > viewport.height() // 4
    assert statement.indicator.fraction_shown()[0] > start_fraction


def test_the_end_of_the_statement_can_be_reached(kiosk: Kiosk, finger: Finger) -> None:
    statement = open_statement(kiosk, finger)
    statement.scroll_to_end()
    last = statement.paragraphs[-1]
    viewport = statement.scroll_area.viewport()
    bottom_of_last = last.mapTo(viewport, last.rect().bottomLeft()).y()
    assert 0 < bottom_of_last <= viewport.height()


def test_new_content_keeps_touch_scrolling_without_new_gesture_types(
    qtbot: QtBot, kiosk: Kiosk, exhibit: Exhibit, finger: Finger
) -> None:
    """Found by the 100,000-event soak: each new Statement screen grabbed touch scrolling
    anew, and every grab made a gesture type that Qt and PySide keep for good (about 12 KB
    a reload).  The scroll area now passes from one Statement screen to the next."""
    window = kiosk.window
    area = views(window).statement.scroll_area
    gesture_types = len(Qt.GestureType._value2member_map_)
    for _ in range(3):
        kiosk.controller.offer(exhibit)  # as hot reload does on the start screen
    statement = views(window).statement
    assert statement.scroll_area is area and area.parent() is statement
    assert len(Qt.GestureType._value2member_map_) == gesture_types
    # Touch scrolling still works on the new screen, and it starts at the top.
    statement = open_statement(kiosk, finger)
    bar = statement.scroll_area.verticalScrollBar()
    assert bar.value() == 0 and statement.scroll_area.isVisible()
    viewport = statement.scroll_area.viewport()
    finger.drag(
        viewport,
        QPoint(viewport.width() // 2, viewport.height() * 4 // 5),
        QPoint(viewport.width() // 2, viewport.height() // 5),
    )
    qtbot.waitUntil(lambda: bar.value() > viewport.height() // 4, timeout=30_000)
    assert statement.indicator.fraction_shown()[0] > 0
