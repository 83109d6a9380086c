"""A visitor who cannot see the screen gets through the exhibit with keys alone: any key
begins, Tab and the arrows move in reading order, Enter and Space press, the statement
scrolls by line and by screen, the timeline steps by moment, Home and Back, and the idle
reset meets the next visitor at the start.  No touch or mouse event in the walk."""

# mypy: disable-error-code="comparison-overlap"
# (a key changes the visit's screen after mypy narrowed it.)

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from conftest import views
from kiosk.content.loader import load_exhibit
from kiosk.core.keypad import KeyIntent
from kiosk.core.kiosk import KioskEvent
from kiosk.core.session import Screen
from kiosk.ui.keypad.key_map import DEFAULT_KEYS, parse_key
from kiosk.ui.translations import ENDONYMS
from test_rotation import Turned, turned  # noqa: F401 - the fixture, shared

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk
    from kiosk.ui.window import KioskWindow

REPO = Path(__file__).resolve().parents[1]
NO = Qt.KeyboardModifier.NoModifier
NUM = Qt.KeyboardModifier.KeypadModifier
POINTER_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
    }
)


class PointerWatch(QObject):
    """Counts every mouse and touch event anywhere in the application."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[QEvent.Type] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in POINTER_EVENTS:
            self.seen.append(event.type())
        return False


@pytest.fixture
def no_pointer(qapp: QApplication) -> Iterator[PointerWatch]:
    watch = PointerWatch()
    qapp.installEventFilter(watch)
    yield watch
    qapp.removeEventFilter(watch)
    assert watch.seen == [], "the walk must use keys only"


def press(window: KioskWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO) -> None:
    """A real key press and release, sent where a keyboard's would go: the focused control
    (the window when nothing has the focus)."""
    QTest.keyClick(window.focusWidget() or window, key, modifiers)


def focused_name(window: KioskWindow) -> str:
    widget = window.keypad.focused()
    assert widget is not None, "no control has the focus"
    return widget.accessibleName()


def tab_walk(window: KioskWindow) -> list[str]:
    """The names met pressing Tab from the focused control until it comes round again."""
    first = window.keypad.focused()
    assert first is not None
    names = [first.accessibleName()]
    for _ in range(40):
        press(window, Qt.Key.Key_Tab)
        if window.keypad.focused() is first:
            return names
        names.append(focused_name(window))
    raise AssertionError(f"Tab never came back to {names[0]}: {names}")


def tab_to(window: KioskWindow, target: QWidget) -> None:
    for _ in range(40):
        if window.keypad.focused() is target:
            return
        press(window, Qt.Key.Key_Tab)
    raise AssertionError(f"{target.accessibleName()} is not reached by Tab")


def bar_names(kiosk: Kiosk) -> list[str]:
    languages = [ENDONYMS[code] for code in kiosk.controller.offered_languages()]
    return ["Back", "Listen", *languages, "Text size, contrast and motion", "Home"]


def test_the_default_keypad_mapping_names_real_keys_for_every_intent() -> None:
    assert set(DEFAULT_KEYS) == set(KeyIntent)
    bindings = [parse_key(name) for names in DEFAULT_KEYS.values() for name in names]
    assert None not in bindings
    assert len(bindings) == len(set(bindings)), "a key asks for one thing only"


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_8, NUM),
        (Qt.Key.Key_5, NUM),
        (Qt.Key.Key_Tab, NO),
        (Qt.Key.Key_Right, NO),
        (Qt.Key.Key_Return, NO),
        (Qt.Key.Key_Space, NO),
        (Qt.Key.Key_0, NUM),
        (Qt.Key.Key_Up, NUM),  # the keypad with Num Lock off
    ],
)
def test_any_navigation_key_on_the_start_screen_begins_the_visit(
    kiosk: Kiosk, no_pointer: PointerWatch, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    window = kiosk.window
    assert kiosk.session.screen is Screen.ATTRACT
    press(window, key, modifiers)
    assert kiosk.session.screen is Screen.HOME
    assert kiosk.controller.keypad.active
    assert focused_name(window) == "Statement"
    assert window.keypad.ring.isVisible()


def test_loudness_keys_alone_do_not_begin_a_visit(kiosk: Kiosk) -> None:
    told: list[KioskEvent] = []
    kiosk.controller.happened.connect(told.append)
    press(kiosk.window, Qt.Key.Key_Plus, NUM)
    press(kiosk.window, Qt.Key.Key_Minus, NUM)
    assert kiosk.session.screen is Screen.ATTRACT
    assert told == [KioskEvent.LOUDER_ASKED, KioskEvent.SOFTER_ASKED]


def test_a_keyboard_only_walk_through_every_screen_and_back(
    qtbot: QtBot, kiosk: Kiosk, exhibit: Exhibit, no_pointer: PointerWatch
) -> None:
    window, session = kiosk.window, kiosk.session
    screens = views(window)
    spoken: list[str] = []  # what self-voicing will say as the focus moves
    kiosk.controller.keypad.focus_named.connect(spoken.append)
    # Start: any key begins; the focus is on the first of the three choices.
    press(window, Qt.Key.Key_8, NUM)
    assert session.screen is Screen.HOME and focused_name(window) == "Statement"
    home_order = ["Statement", "Timeline", "Figures", *bar_names(kiosk)]
    assert [control.accessibleName() for control in window.keypad.order()] == home_order
    assert tab_walk(window) == home_order  # the focus order is the reading order
    assert spoken == [*home_order, "Statement"]
    press(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused_name(window) == "Home"  # Shift+Tab goes back round
    press(window, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # as X11 sends it
    press(window, Qt.Key.Key_Up)
    assert focused_name(window) == home_order[-3]
    press(window, Qt.Key.Key_Down, NUM)
    press(window, Qt.Key.Key_Down)
    assert focused_name(window) == "Home"
    press(window, Qt.Key.Key_Right)  # on round to the first
    assert focused_name(window) == "Statement"

    # Choose a language in the bar.
    tab_to(window, window.nav.languages.buttons["ru"])
    press(window, Qt.Key.Key_Return)
    assert session.language == "ru"
    assert window.keypad.focused() is window.nav.languages.buttons["ru"]
    assert window.nav.back_button.accessibleName() == "Назад"

    # The statement: open it, scroll by line and by screen, back.
    tab_to(window, screens.home.tiles[Screen.STATEMENT])
    press(window, Qt.Key.Key_Space)
    assert session.screen is Screen.STATEMENT
    statement = screens.statement
    assert window.keypad.focused() is statement.scroll_area
    bar = statement.scroll_area.verticalScrollBar()
    line = statement.paragraphs[0].fontMetrics().lineSpacing()
    page = statement.scroll_area.viewport().height() - line
    assert bar.value() == 0
    press(window, Qt.Key.Key_Down)
    press(window, Qt.Key.Key_2, NUM)
    assert bar.value() == 2 * line
    press(window, Qt.Key.Key_PageDown)
    assert bar.value() == 2 * line + page
    press(window, Qt.Key.Key_9, NUM)  # page up
    press(window, Qt.Key.Key_Up)
    assert bar.value() == line
    assert session.screen is Screen.STATEMENT  # scrolling never moves the focus away
    assert window.keypad.focused() is statement.scroll_area
    press(window, Qt.Key.Key_1, NUM)  # Back
    assert session.screen is Screen.HOME
    assert window.keypad.focused() is screens.home.tiles[Screen.STATEMENT]

    # The timeline: left and right step between moments.
    press(window, Qt.Key.Key_Right)
    assert window.keypad.focused() is screens.home.tiles[Screen.TIMELINE]
    press(window, Qt.Key.Key_Enter, NUM)
    assert session.screen is Screen.TIMELINE and session.timeline_index == 0
    timeline = screens.timeline
    assert window.keypad.focused() is timeline.next_button  # Previous is off at the first
    press(window, Qt.Key.Key_Right)
    press(window, Qt.Key.Key_6, NUM)
    assert session.timeline_index == 2
    press(window, Qt.Key.Key_Left)
    assert session.timeline_index == 1
    assert timeline.title.text() == exhibit.timeline[1].title.text("ru", "en")
    last = exhibit.timeline[-1].year
    year = timeline.rail.buttons[-1]
    tab_to(window, year)
    assert year.accessibleName() == str(last)
    press(window, Qt.Key.Key_Space)
    assert session.timeline_index == len(exhibit.timeline) - 1

    # The figures, then Home.
    press(window, Qt.Key.Key_7, NUM)  # Home
    assert session.screen is Screen.HOME
    tab_to(window, screens.home.tiles[Screen.FIGURES])
    press(window, Qt.Key.Key_Return)
    assert session.screen is Screen.FIGURES
    assert window.keypad.focused() is window.nav.back_button
    press(window, Qt.Key.Key_Home)
    assert session.screen is Screen.HOME

    # Walking away: the idle reset meets the next visitor at the start, as a toucher.
    kiosk.idle.set_durations(0.05, 0.05)
    press(window, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: session.screen is Screen.ATTRACT, timeout=10_000)
    assert session.language == exhibit.settings.default_language
    assert not kiosk.controller.keypad.active
    assert not window.keypad.ring.isVisible()
    press(window, Qt.Key.Key_Space)  # and the next keypad visitor begins again
    assert session.screen is Screen.HOME and focused_name(window) == "Statement"


def visitor_buttons(root: QWidget) -> set[QWidget]:
    """Every button a visitor can see and use under ``root``, found without the keypad."""
    found: set[QWidget] = set()
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.isEnabled():
            found.add(button)
    return found


@pytest.mark.parametrize("screen", [Screen.HOME, Screen.STATEMENT, Screen.TIMELINE, Screen.FIGURES])
def test_every_control_is_reached_by_tab_and_pressed_by_enter_or_space(
    kiosk: Kiosk, screen: Screen, no_pointer: PointerWatch
) -> None:
    window, session = kiosk.window, kiosk.session
    press(window, Qt.Key.Key_Space)  # begins the visit
    if screen is not Screen.HOME:
        tab_to(window, views(window).home.tiles[screen])
        press(window, Qt.Key.Key_Return)
    assert session.screen is screen
    order = window.keypad.order()
    expected = visitor_buttons(window.current_view()) | visitor_buttons(window.nav)
    if screen is Screen.STATEMENT:
        expected.add(views(window).statement.scroll_area)
    assert set(order) == expected
    for index, control in enumerate(order):
        if not isinstance(control, QAbstractButton):
            continue
        # Back on the screen under test, the focus on this control, then the key.
        if session.screen is not screen:
            session.go_home()
            if screen is not Screen.HOME:
                session.open(screen)
        window.close_layers()
        tab_to(window, control)
        clicks: list[str] = []

        def clicked(
            _checked: bool = False, name: str = control.accessibleName(), seen: list[str] = clicks
        ) -> None:
            seen.append(name)

        control.clicked.connect(clicked)
        press(window, Qt.Key.Key_Space if index % 2 else Qt.Key.Key_Return)
        assert len(clicks) == 1, control.accessibleName()
        control.clicked.disconnect(clicked)


def test_the_visitors_settings_panel_by_keys(kiosk: Kiosk, no_pointer: PointerWatch) -> None:
    window, session = kiosk.window, kiosk.session
    press(window, Qt.Key.Key_Space)
    tab_to(window, window.nav.access_button)
    press(window, Qt.Key.Key_Return)
    panel = window.access_panel
    assert panel.isVisible()
    names = [control.accessibleName() for control in window.keypad.order()]
    assert names == [
        "Standard text",
        "Large text",
        "Largest text",
        "High contrast",
        "Less motion",
        "Done",
    ]
    assert focused_name(window) == "Standard text"
    press(window, Qt.Key.Key_Down)
    press(window, Qt.Key.Key_Down)
    press(window, Qt.Key.Key_Space)
    assert session.access.text_step == 2
    tab_to(window, panel.contrast)
    press(window, Qt.Key.Key_Return)
    assert session.access.high_contrast
    tab_to(window, panel.done)
    press(window, Qt.Key.Key_Return)
    assert not panel.isVisible()
    assert window.keypad.focused() is window.nav.access_button  # back where it was opened
    # Back closes the panel too, and goes nowhere else.
    press(window, Qt.Key.Key_Return)
    assert panel.isVisible()
    press(window, Qt.Key.Key_Backspace)
    assert not panel.isVisible() and session.screen is Screen.HOME


def test_listen_louder_softer_and_help_are_told_to_the_audio(kiosk: Kiosk) -> None:
    told: list[KioskEvent] = []
    press(kiosk.window, Qt.Key.Key_Space)
    kiosk.controller.happened.connect(told.append)
    for key in (Qt.Key.Key_0, Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Period):
        press(kiosk.window, key, NUM)
    assert told == [
        KioskEvent.LISTEN_ASKED,
        KioskEvent.LOUDER_ASKED,
        KioskEvent.SOFTER_ASKED,
        KioskEvent.HELP_ASKED,
    ]
    assert kiosk.session.screen is Screen.HOME


def test_a_key_answers_still_there_and_does_nothing_else(qtbot: QtBot, kiosk: Kiosk) -> None:
    window, session = kiosk.window, kiosk.session
    press(window, Qt.Key.Key_Space)
    tab_to(window, views(window).home.tiles[Screen.TIMELINE])
    press(window, Qt.Key.Key_Return)
    kiosk.idle.set_durations(0.05, 30)
    kiosk.idle.poke()
    qtbot.waitUntil(window.idle_overlay.isVisible, timeout=10_000)
    press(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: not window.idle_overlay.isVisible(), timeout=5_000)
    assert session.screen is Screen.TIMELINE and session.timeline_index == 0
    kiosk.idle.set_durations(600, 30)


def test_keys_are_ignored_by_a_window_they_were_not_sent_to(kiosk: Kiosk, qtbot: QtBot) -> None:
    other = QWidget()
    qtbot.addWidget(other)
    QTest.keyClick(other, Qt.Key.Key_Space)
    QCoreApplication.processEvents()
    assert kiosk.session.screen is Screen.ATTRACT


def test_keys_work_on_a_turned_screen(turned: Turned) -> None:  # noqa: F811
    kiosk, host, finger = turned
    window = kiosk.window
    QTest.keyClick(host, Qt.Key.Key_Space)  # where a keyboard's key goes: the top window
    assert kiosk.session.screen is Screen.HOME
    assert focused_name(window) == "Statement" and window.keypad.ring.isVisible()
    QTest.keyClick(host.focusWidget() or host, Qt.Key.Key_Tab)
    assert focused_name(window) == "Timeline"
    QTest.keyClick(host.focusWidget() or host, Qt.Key.Key_Return)
    assert kiosk.session.screen is Screen.TIMELINE
    finger.tap(views(window).timeline.title)
    assert not kiosk.controller.keypad.active and not window.keypad.ring.isVisible()


def held(window: KioskWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO) -> None:
    """The repeats a held key sends after its first press."""
    target = window.focusWidget() or window
    for _ in range(3):
        event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers, "", True)
        QApplication.sendEvent(target, event)


def test_a_held_key_moves_and_scrolls_on_but_presses_and_goes_back_once(kiosk: Kiosk) -> None:
    window, session = kiosk.window, kiosk.session
    press(window, Qt.Key.Key_Space)
    tab_to(window, views(window).home.tiles[Screen.STATEMENT])
    press(window, Qt.Key.Key_Return)
    held(window, Qt.Key.Key_Return)  # still held after opening the statement
    assert session.screen is Screen.STATEMENT
    bar = views(window).statement.scroll_area.verticalScrollBar()
    held(window, Qt.Key.Key_Down)
    assert bar.value() == 3 * views(window).statement.paragraphs[0].fontMetrics().lineSpacing()
    press(window, Qt.Key.Key_Backspace)
    held(window, Qt.Key.Key_Backspace)
    assert session.screen is Screen.HOME  # not on to the start screen


def test_keys_go_on_after_new_content_replaced_the_screens(
    kiosk: Kiosk, exhibit: Exhibit, no_pointer: PointerWatch
) -> None:
    window, session = kiosk.window, kiosk.session
    press(window, Qt.Key.Key_Space)
    tab_to(window, views(window).home.tiles[Screen.TIMELINE])
    kiosk.controller.apply(exhibit)  # new content: every view built anew, the visit over
    assert session.screen is Screen.ATTRACT
    press(window, Qt.Key.Key_Space)
    assert session.screen is Screen.HOME
    assert window.keypad.focused() is views(window).home.tiles[Screen.STATEMENT]
    press(window, Qt.Key.Key_Right)
    press(window, Qt.Key.Key_Return)
    assert session.screen is Screen.TIMELINE


def test_the_focus_stays_on_the_year_chosen_on_a_long_timeline(
    make_kiosk: KioskFactory, tmp_path: Path
) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from exhibit_gen import generate  # noqa: PLC0415 - the benchmark's own generator
    finally:
        sys.path.remove(str(REPO / "bench"))
    kiosk = make_kiosk(load_exhibit(generate(tmp_path / "long", moments=40, images=0).folder))
    window, session = kiosk.window, kiosk.session
    press(window, Qt.Key.Key_Space)
    tab_to(window, views(window).home.tiles[Screen.TIMELINE])
    press(window, Qt.Key.Key_Return)
    rail = views(window).timeline.rail
    for _ in range(3):
        last = rail.buttons[-1]
        year = last.accessibleName()
        tab_to(window, last)
        press(window, Qt.Key.Key_Return)
        assert rail.years[session.timeline_index] == int(year)
        assert focused_name(window) == year  # the rail moved on; the focus went with it
        assert window.keypad.focused() is rail.button_for(session.timeline_index)
