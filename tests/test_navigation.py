"""A visitor finds their way with touches alone: start, choose, go back, go home."""

# mypy: disable-error-code="comparison-overlap"
# (a tap changes the visit's screen after mypy narrowed it: `is Screen.HOME` after `is
# Screen.ATTRACT` is the point of these tests.)

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from conftest import Finger, click, views
from kiosk.core.session import Screen
from kiosk.render import screen_states
from kiosk.ui.application import build_kiosk
from paint_counter import PaintCounter

if TYPE_CHECKING:
    from PySide6.QtGui import QPointingDevice
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk


def test_a_touch_on_the_start_screen_opens_home(kiosk: Kiosk, finger: Finger) -> None:
    assert kiosk.session.screen is Screen.ATTRACT
    assert not kiosk.window.nav.isVisible()
    finger.tap(kiosk.window.attract)
    assert kiosk.session.screen is Screen.HOME
    assert kiosk.window.stack.currentWidget() is kiosk.window.screens[Screen.HOME]
    assert kiosk.window.nav.isVisible()


@pytest.mark.parametrize("choice", [Screen.STATEMENT, Screen.TIMELINE, Screen.FIGURES])
def test_tapping_a_home_tile_opens_its_screen(kiosk: Kiosk, finger: Finger, choice: Screen) -> None:
    finger.tap(kiosk.window.attract)
    home = views(kiosk.window).home
    finger.tap(home.tiles[choice])
    assert kiosk.session.screen is choice
    assert kiosk.window.stack.currentWidget() is kiosk.window.screens[choice]


def test_back_and_home_buttons(kiosk: Kiosk, finger: Finger) -> None:
    window = kiosk.window
    finger.tap(window.attract)
    finger.tap(views(window).home.tiles[Screen.TIMELINE])
    finger.tap(window.nav.back_button)
    assert kiosk.session.screen is Screen.HOME
    click(views(window).home.tiles[Screen.FIGURES])  # a mouse works as well
    assert kiosk.session.screen is Screen.FIGURES
    click(window.nav.home_button)
    assert kiosk.session.screen is Screen.HOME
    finger.tap(window.nav.back_button)
    assert kiosk.session.screen is Screen.ATTRACT
    assert not window.nav.isVisible()


def test_transitions_fade_calmly_and_finish(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit, finger: Finger
) -> None:
    kiosk = make_kiosk(exhibit, reduced_motion=False)
    try:
        finger.tap(kiosk.window.attract)
        assert kiosk.window.fade.is_running()
        qtbot.waitUntil(lambda: not kiosk.window.fade.isVisible(), timeout=30_000)
        assert kiosk.session.screen is Screen.HOME
    finally:
        kiosk.close()


def test_a_fade_blends_two_snapshots_without_repainting_the_screen_beneath(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit, finger: Finger
) -> None:
    """Each fade frame is two blits: at 4K, repainting the new screen under a translucent
    overlay cost 15-17 ms a frame (bench/frames.py)."""
    kiosk = make_kiosk(exhibit, reduced_motion=False)
    try:
        window = kiosk.window
        window.build_remaining_screens()
        home = views(window).home
        counter = PaintCounter()
        painted = [home, *home.findChildren(QWidget)]
        for widget in painted:
            widget.installEventFilter(counter)
        start_screen = window.grab().toImage()
        finger.tap(window.attract)  # to the home screen, fading
        assert kiosk.session.screen is Screen.HOME and window.fade.is_running()
        # What the visitor sees is the overlay's frames.  Its first frame shows the old screen
        # alone; the tick after it renders the new screen once into the fade (an overlay
        # paint too, drawing nothing); from the frame after that, nothing beneath paints.
        frames = PaintCounter()
        window.fade.installEventFilter(frames)
        qtbot.waitUntil(lambda: frames.paints >= 3, timeout=30_000)
        counter.paints = 0
        seen = frames.paints
        qtbot.waitUntil(lambda: frames.paints >= seen + 5, timeout=30_000)
        assert counter.paints == 0
        # Mid-fade the window shows neither screen alone but a blend of both.
        middle = window.grab().toImage()
        qtbot.waitUntil(lambda: not window.fade.isVisible(), timeout=30_000)
        assert middle not in (start_screen, window.grab().toImage())
        for widget in painted:
            widget.removeEventFilter(counter)
        window.fade.removeEventFilter(frames)
    finally:
        kiosk.close()


def test_reduced_motion_switches_without_animation(kiosk: Kiosk, finger: Finger) -> None:
    assert not kiosk.window.attract.ambient.is_animating()
    finger.tap(kiosk.window.attract)
    assert not kiosk.window.fade.isVisible()


def test_the_start_screen_light_moves_unless_motion_is_reduced(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit
) -> None:
    kiosk = make_kiosk(exhibit, reduced_motion=False)
    try:
        assert kiosk.window.attract.ambient.is_animating()
    finally:
        kiosk.close()


def test_every_target_looks_pressed_while_pressed(
    kiosk: Kiosk, touch_device: QPointingDevice
) -> None:
    checked = set()
    for name, action in screen_states(kiosk):
        action()
        window = kiosk.window
        buttons = [
            button
            for button in window.findChildren(QAbstractButton)
            if button.isVisibleTo(window) and button.isEnabled()
        ]
        for button in buttons:
            released = button.grab().toImage()
            button.setDown(True)  # what a finger resting on it does
            pressed = button.grab().toImage()
            button.setDown(False)
            assert pressed != released, f"{name}: {button.objectName()} shows no press"
            checked.add(button.objectName())
    assert {"BackButton", "HomeButton", "ContinueButton", "NextMoment", "Year-1991"} <= checked
    assert {"Tile-statement", "Year-1990"} <= checked


def test_a_real_touch_presses_a_button(
    kiosk: Kiosk, finger: Finger, touch_device: QPointingDevice
) -> None:
    finger.tap(kiosk.window.attract)
    tile = views(kiosk.window).home.tiles[Screen.FIGURES]
    window = tile.window()
    at = tile.mapTo(window, tile.rect().center())
    QTest.touchEvent(window, touch_device).press(0, at, window).commit()
    assert tile.isDown()
    QTest.touchEvent(window, touch_device).release(0, at, window).commit()
    assert kiosk.session.screen is Screen.FIGURES


def test_the_first_frame_waits_for_nothing_but_the_start_screen(
    qtbot: QtBot, qapp: QApplication, exhibit: Exhibit
) -> None:
    """The navigation bar, the layers and the other screens are built right after the first
    frame (bench/startup.py: 1.54x -> 1.42x the bare window), and are all there by then."""
    kiosk = build_kiosk(qapp, exhibit, reduced_motion=True)  # shown below, after the spy
    window = kiosk.window
    built_at_first_frame: list[set[str]] = []

    def first_frame() -> None:
        built_at_first_frame.append(
            {type(widget).__name__ for widget in window.findChildren(QWidget)}
        )

    window.first_frame_shown.connect(first_frame)
    try:
        window.resize(1920, 1080)
        with qtbot.waitSignal(window.screens_ready, timeout=30_000):
            window.show()
        (names,) = built_at_first_frame
        assert "AttractScreen" in names
        assert not names & {
            "NavigationBar",
            "IdleOverlay",
            "AccessPanel",
            "FadeOverlay",
            "HomeScreen",
        }
        assert set(window.screens) == set(Screen)
        assert window.nav.parent() is window and not window.nav.isVisible()  # on the start screen
        assert window.idle_overlay.geometry() == window.rect()
    finally:
        kiosk.close()
