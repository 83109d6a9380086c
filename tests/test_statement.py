"""The Statement reads in full, scrolls under a finger, and shows where the reader is."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScroller

from conftest import Finger
from kiosk.core.session import Screen


def open_statement(kiosk, finger: Finger):  # type: ignore[no-untyped-def]
    finger.tap(kiosk.window.attract)
    finger.tap(kiosk.window.screens[Screen.HOME].tiles[Screen.STATEMENT])
    return kiosk.window.screens[Screen.STATEMENT]


def test_statement_shows_title_issuer_date_and_every_paragraph(kiosk, finger: Finger) -> None:
    statement = open_statement(kiosk, finger)
    content = kiosk.window.exhibit.statement
    assert statement.kicker.text() == "STATEMENT"
    assert "Ministry of Foreign Affairs of the Republic of Azerbaijan" in statement.meta.text()
    assert "20 January 2026" in statement.meta.text()
    assert [label.text() for label in statement.paragraphs] == [
        paragraph.values["en"] for paragraph in content.paragraphs
    ]


def test_line_length_is_readable(kiosk, finger: Finger) -> None:
    statement = open_statement(kiosk, finger)
    label = statement.paragraphs[1]
    per_line = label.fontMetrics().averageCharWidth()
    characters = label.contentsRect().width() / per_line
    assert 55 <= characters <= 75


def test_a_finger_flick_scrolls_and_moves_the_indicator(qtbot, kiosk, finger: Finger) -> None:
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
    qtbot.waitUntil(lambda: QScroller.State.Scrolling in states, timeout=3000)
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=10000)
    assert states[:2] == [QScroller.State.Pressed, QScroller.State.Dragging]
    assert bar.value() > viewport.height() // 4
    assert statement.indicator.fraction_shown()[0] > start_fraction


def test_the_end_of_the_statement_can_be_reached(kiosk, finger: Finger) -> None:
    statement = open_statement(kiosk, finger)
    statement.scroll_to_end()
    last = statement.paragraphs[-1]
    viewport = statement.scroll_area.viewport()
    bottom_of_last = last.mapTo(viewport, last.rect().bottomLeft()).y()
    assert 0 < bottom_of_last <= viewport.height()
