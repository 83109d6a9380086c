"""Keys in use change nothing of the lockdown: the keys that would close or leave the kiosk
do nothing on any screen (Escape on the start screen neither leaves nor begins), and the
staff's chord still asks for the PIN."""

# mypy: disable-error-code="comparison-overlap"
# (a key changes the visit's screen after mypy narrowed it.)

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest

from conftest import views
from kiosk.core.session import Screen
from test_lockdown import KEY_SWEEP, full_screen  # noqa: F401 - the fixture, shared
from test_staff_mode import Staffed, staffed, station  # noqa: F401 - the fixtures, shared

if TYPE_CHECKING:
    from kiosk.ui.application import Kiosk
    from kiosk.ui.window import KioskWindow

CHORD = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
)


def press(window: KioskWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    QTest.keyClick(window.focusWidget() or window, key, modifiers)
    QCoreApplication.processEvents()


def sweep(kiosk: Kiosk) -> None:
    """Every closing key, at the focused control: the kiosk stays where it was."""
    window = kiosk.window
    screen, focused = kiosk.session.screen, window.keypad.focused()
    for key, modifiers in KEY_SWEEP:
        press(window, key, modifiers)
        assert window.isVisible() and window.isFullScreen(), (screen, key)
        assert kiosk.session.screen is screen, (screen, key)
        assert window.keypad.focused() is focused, (screen, key)


def test_closing_keys_do_nothing_in_keypad_mode_on_any_screen(full_screen: Kiosk) -> None:  # noqa: F811
    kiosk = full_screen
    window, session = kiosk.window, kiosk.session
    sweep(kiosk)  # the start screen: Escape neither leaves nor begins a visit
    assert session.screen is Screen.ATTRACT
    press(window, Qt.Key.Key_8, Qt.KeyboardModifier.KeypadModifier)
    assert session.screen is Screen.HOME and kiosk.controller.keypad.active
    sweep(kiosk)
    for screen in (Screen.STATEMENT, Screen.TIMELINE, Screen.FIGURES):
        tile = views(window).home.tiles[screen]
        while window.keypad.focused() is not tile:
            press(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        press(window, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        assert session.screen is screen
        sweep(kiosk)
        press(window, Qt.Key.Key_7, Qt.KeyboardModifier.KeypadModifier)  # Home
    # The visitor's settings panel, opened by keys, keeps them too.
    while window.keypad.focused() is not window.nav.access_button:
        press(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
    press(window, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier)
    assert window.access_panel.isVisible()
    sweep(kiosk)
    assert window.access_panel.isVisible()


def test_the_staff_chord_still_asks_for_the_pin_in_keypad_mode(staffed: Staffed) -> None:  # noqa: F811
    kiosk, mode = staffed
    window = kiosk.window
    press(window, Qt.Key.Key_8, Qt.KeyboardModifier.KeypadModifier)
    assert kiosk.session.screen is Screen.HOME and kiosk.controller.keypad.active
    press(window, Qt.Key.Key_K, CHORD)
    assert mode.pin_pad.isVisible()
    # The visitor's keys leave the staff's pad alone: Back does not go back beneath it.
    press(window, Qt.Key.Key_1, Qt.KeyboardModifier.KeypadModifier)
    assert kiosk.session.screen is Screen.HOME and mode.pin_pad.isVisible()


def test_keys_never_press_a_visitor_control_beneath_the_staffs_pad(staffed: Staffed) -> None:  # noqa: F811
    kiosk, mode = staffed
    window = kiosk.window
    press(window, Qt.Key.Key_8, Qt.KeyboardModifier.KeypadModifier)
    press(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
    beneath = window.keypad.focused()
    assert beneath is views(window).home.tiles[Screen.TIMELINE]
    press(window, Qt.Key.Key_K, CHORD)
    assert mode.pin_pad.isVisible()
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Space):
        press(window, key, Qt.KeyboardModifier.NoModifier)
    assert kiosk.session.screen is Screen.HOME and mode.pin_pad.isVisible()


def test_keys_the_station_left_unmapped_press_nothing(full_screen: Kiosk) -> None:  # noqa: F811
    kiosk = full_screen
    window = kiosk.window
    # Space and Return no longer select: keypad 5 alone does.
    assert window.keypad.use_setting({"activate": ["Num+5"]}) == []
    press(window, Qt.Key.Key_8, Qt.KeyboardModifier.KeypadModifier)
    assert kiosk.session.screen is Screen.HOME
    press(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
    # Qt's own handling of Space (a focused push button clicks) must not act instead.
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Select):
        press(window, key, Qt.KeyboardModifier.NoModifier)
    assert kiosk.session.screen is Screen.HOME
    press(window, Qt.Key.Key_5, Qt.KeyboardModifier.KeypadModifier)
    assert kiosk.session.screen is Screen.TIMELINE
