"""The timeline answers swipes and taps on its years, one moment at a time."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from conftest import REPO, Finger, views
from kiosk.content.loader import load_exhibit
from kiosk.core.session import Screen
from kiosk.ui.widgets.year_rail import MAX_STOPS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.ui.application import Kiosk
    from kiosk.ui.screens.timeline import TimelineScreen


def open_timeline(kiosk: Kiosk, finger: Finger) -> TimelineScreen:
    finger.tap(kiosk.window.attract)
    finger.tap(views(kiosk.window).home.tiles[Screen.TIMELINE])
    return views(kiosk.window).timeline


def swipe(finger: Finger, card: QWidget, direction: int) -> None:
    """direction -1 moves the finger leftwards (to the next moment)."""
    y = card.height() // 2
    left, right = QPoint(card.width() // 5, y), QPoint(card.width() * 4 // 5, y)
    start, end = (right, left) if direction < 0 else (left, right)
    finger.drag(card, start, end)


def test_swiping_left_and_right_walks_the_moments(kiosk: Kiosk, finger: Finger) -> None:
    timeline = open_timeline(kiosk, finger)
    years = [moment.year for moment in kiosk.window.exhibit.timeline]
    assert years == [1990, 1991, 2020, 2023]
    assert timeline.date.text() == "20 January 1990"
    for expected in (1, 2, 3, 3):  # the last swipe past the end stays on 2023
        swipe(finger, timeline.card, -1)
        assert kiosk.session.timeline_index == expected
    assert timeline.date.text() == "2023"
    assert timeline.rail.buttons[3].isChecked()
    swipe(finger, timeline.card, +1)
    assert kiosk.session.timeline_index == 2
    assert timeline.title.text() == "The 44-day Patriotic War"


def test_a_short_or_vertical_drag_is_not_a_swipe(kiosk: Kiosk, finger: Finger) -> None:
    timeline = open_timeline(kiosk, finger)
    card = timeline.card
    centre = card.rect().center()
    finger.drag(card, centre, centre + QPoint(-10, 0))
    finger.drag(card, centre, centre + QPoint(-40, 300))
    assert kiosk.session.timeline_index == 0


def test_tapping_a_year_shows_its_moment_with_its_source(kiosk: Kiosk, finger: Finger) -> None:
    timeline = open_timeline(kiosk, finger)
    finger.tap(timeline.rail.buttons[1])
    assert kiosk.session.timeline_index == 1
    moment = kiosk.window.exhibit.timeline[1]
    assert timeline.title.text() == moment.title.values["en"]
    assert timeline.source.text() == moment.source.values["en"]
    assert "1991" in timeline.source.text()
    assert timeline.source.isVisible()


def test_arrow_buttons_step_and_disable_at_the_ends(kiosk: Kiosk, finger: Finger) -> None:
    timeline = open_timeline(kiosk, finger)
    assert not timeline.previous_button.isEnabled()
    finger.tap(timeline.next_button)
    assert kiosk.session.timeline_index == 1
    finger.tap(timeline.previous_button)
    assert kiosk.session.timeline_index == 0


def test_mouse_drag_swipes_too(qtbot: QtBot, kiosk: Kiosk, finger: Finger) -> None:
    timeline = open_timeline(kiosk, finger)
    card = timeline.card
    y = card.height() // 2
    QTest.mousePress(card, Qt.MouseButton.LeftButton, pos=QPoint(card.width() * 4 // 5, y))
    QTest.mouseMove(card, QPoint(card.width() // 2, y))
    QTest.mouseRelease(card, Qt.MouseButton.LeftButton, pos=QPoint(card.width() // 5, y))
    assert kiosk.session.timeline_index == 1


def test_a_long_timeline_keeps_a_short_rail_that_follows_the_visitor(
    make_kiosk: KioskFactory, qtbot: QtBot, tmp_path: Path, finger: Finger
) -> None:
    """Found by bench/scale.py: 1,000 moments made 1,000 year buttons, a rail wider than any
    screen, and opening the timeline took seconds."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from exhibit_gen import generate  # noqa: PLC0415 - the benchmark's own generator
    finally:
        sys.path.remove(str(REPO / "bench"))
    folder = generate(tmp_path / "long", moments=300, images=0).folder
    kiosk = make_kiosk(load_exhibit(folder))
    kiosk.session.go_home()
    kiosk.session.open(Screen.TIMELINE)
    timeline = views(kiosk.window).timeline
    rail = timeline.rail
    assert len(rail.buttons) == MAX_STOPS
    assert kiosk.window.size().toTuple() == (1920, 1080)
    assert rail.geometry().right() < kiosk.window.width()
    # Tapping the last year shown moves the window of years along with the visitor.
    for _ in range(3):
        target = max(0, timeline.index - MAX_STOPS // 2) + MAX_STOPS - 1
        finger.tap(rail.buttons[-1])
        assert timeline.index == target
        current = rail.button_for(timeline.index)
        assert current is not None and current.isChecked()
        assert current is rail.buttons[MAX_STOPS // 2]  # in the middle again
    kiosk.session.set_timeline_index(299)
    assert rail.buttons[-1].isChecked()
    assert rail.buttons[-1].objectName() == f"Year-{rail.years[299]}"
