"""When a visitor walks away: a "Still there?" countdown, then back to the start, clean."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QPoint

from conftest import Finger, views
from kiosk.core.idle import IdleWatcher
from kiosk.core.session import Screen

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk


@pytest.fixture
def quick_exhibit(exhibit: Exhibit) -> Exhibit:
    settings = exhibit.settings._replace(idle_timeout_s=0.3, idle_warning_s=1.5)
    return exhibit._replace(settings=settings)


@pytest.fixture
def quick_kiosk(make_kiosk: KioskFactory, quick_exhibit: Exhibit) -> Kiosk:
    return make_kiosk(quick_exhibit, reduced_motion=True)


def test_the_start_screen_never_times_out(quick_kiosk: Kiosk) -> None:
    assert not quick_kiosk.idle.running


def test_warning_appears_counts_down_and_a_touch_dismisses_it(
    qtbot: QtBot, quick_kiosk: Kiosk, finger: Finger
) -> None:
    window = quick_kiosk.window
    finger.tap(window.attract)
    finger.tap(views(window).home.tiles[Screen.FIGURES])
    with qtbot.waitSignal(quick_kiosk.idle.warning_started, timeout=3000):
        pass
    assert window.idle_overlay.isVisible()
    assert window.idle_overlay.countdown.seconds() == 2  # 1.5 s rounds up, as a person reads it
    with qtbot.waitSignal(quick_kiosk.idle.countdown, timeout=3000):
        pass
    finger.tap(window.idle_overlay, QPoint(10, 10))
    qtbot.waitUntil(lambda: not window.idle_overlay.isVisible())
    assert quick_kiosk.session.screen is Screen.FIGURES  # the touch did not navigate


def test_the_continue_button_keeps_the_visit(
    qtbot: QtBot, quick_kiosk: Kiosk, finger: Finger
) -> None:
    window = quick_kiosk.window
    finger.tap(window.attract)
    with qtbot.waitSignal(quick_kiosk.idle.warning_started, timeout=3000):
        pass
    finger.tap(window.idle_overlay.continue_button)
    qtbot.waitUntil(lambda: not window.idle_overlay.isVisible())
    assert quick_kiosk.session.screen is Screen.HOME
    assert quick_kiosk.idle.running


def test_at_zero_everything_resets_for_the_next_visitor(
    qtbot: QtBot, quick_kiosk: Kiosk, finger: Finger
) -> None:
    window, session = quick_kiosk.window, quick_kiosk.session
    finger.tap(window.attract)
    finger.tap(views(window).home.tiles[Screen.STATEMENT])
    statement = views(window).statement
    statement.scroll_to_end()
    session.set_language("az")  # as the language switch will
    finger.tap(window.nav.back_button)
    finger.tap(views(window).home.tiles[Screen.TIMELINE])
    timeline = views(window).timeline
    finger.tap(timeline.rail.buttons[2])
    assert session.timeline_index == 2
    with qtbot.waitSignal(quick_kiosk.idle.expired, timeout=5000):
        pass
    assert session.screen is Screen.ATTRACT
    assert window.stack.currentWidget() is window.attract
    assert not window.idle_overlay.isVisible()
    assert not window.nav.isVisible()
    assert session.language == "en"
    assert session.timeline_index == 0
    assert timeline.date.text() == "20 January 1990"
    assert statement.scroll_area.verticalScrollBar().value() == 0
    assert not session.can_go_back()
    assert not quick_kiosk.idle.running


def test_back_at_the_start_screen_the_visit_still_ends_when_they_walk_away(
    qtbot: QtBot, quick_kiosk: Kiosk, finger: Finger
) -> None:
    # A visitor who goes Back to the start screen and leaves must not hand their language,
    # text size or place to the next visitor: the start screen times out too, then.
    window, session = quick_kiosk.window, quick_kiosk.session
    finger.tap(window.attract)
    session.set_language("az")  # as the language switch will
    window.open_access_panel()
    finger.tap(window.access_panel.sizes.button(2))
    finger.tap(window.access_panel.done)
    assert session.access.text_step == 2
    finger.tap(window.nav.back_button)
    assert session.screen is Screen.ATTRACT
    assert session.language == "az" and session.access.text_step == 2  # kept while here
    with qtbot.waitSignal(quick_kiosk.idle.warning_started, timeout=3000):
        pass
    assert window.idle_overlay.isVisible()  # the same warning as on every other screen,
    worded_for_the_start = QCoreApplication.translate(
        "IdleOverlay",
        "Touch anywhere to keep your choices. "
        "Otherwise the exhibit starts afresh for the next visitor.",
    )
    assert window.idle_overlay.message.text() == worded_for_the_start != ""
    with qtbot.waitSignal(session.reset_done, timeout=5000):
        pass
    assert session.language == "en"
    assert session.access.text_step == 0
    assert not session.visiting
    assert not quick_kiosk.idle.running  # a fresh start screen waits for ever again
    assert not window.idle_overlay.isVisible()


def test_a_setting_changed_on_the_start_screen_is_forgotten_too(
    qtbot: QtBot, quick_kiosk: Kiosk, finger: Finger
) -> None:
    window, session = quick_kiosk.window, quick_kiosk.session
    assert not quick_kiosk.idle.running
    finger.tap(window.attract.access_button)
    finger.tap(window.access_panel.contrast)
    finger.tap(window.access_panel.done)
    assert session.access.high_contrast
    assert session.screen is Screen.ATTRACT
    assert quick_kiosk.idle.running
    with qtbot.waitSignal(session.reset_done, timeout=5000):
        pass
    assert not session.access.high_contrast
    assert not quick_kiosk.idle.running


def test_input_restarts_the_idle_time(qtbot: QtBot) -> None:
    watcher = IdleWatcher(timeout_s=0.2, warning_s=0.2)
    warnings: list[int] = []
    watcher.warning_started.connect(warnings.append)
    watcher.start()
    for _ in range(3):  # keep poking before the timeout: no warning may come
        with qtbot.assertNotEmitted(watcher.warning_started, wait=100):
            watcher.poke()
    assert warnings == []
    with qtbot.waitSignal(watcher.expired, timeout=2000):
        pass
    assert warnings == [1]
    assert not watcher.running


def test_a_stopped_watcher_stays_quiet(qtbot: QtBot) -> None:
    watcher = IdleWatcher(timeout_s=0.05, warning_s=0.05)
    watcher.start()
    watcher.stop()
    with qtbot.assertNotEmitted(watcher.warning_started, wait=200):
        pass


def test_the_countdown_shows_each_second_once(qtbot: QtBot) -> None:
    watcher = IdleWatcher(timeout_s=0.05, warning_s=3)
    shown: list[int] = []
    watcher.warning_started.connect(shown.append)
    watcher.countdown.connect(shown.append)
    watcher.start()
    with qtbot.waitSignal(watcher.expired, timeout=10_000):
        pass
    assert shown[0] == 3
    assert shown == sorted(set(shown), reverse=True)  # never the same number twice
    assert shown[-1] in (1, 0)


def test_new_content_ends_a_visit_waiting_on_the_start_screen(
    qtbot: QtBot, quick_kiosk: Kiosk, quick_exhibit: Exhibit, finger: Finger
) -> None:
    # Found by the 100,000-event soak: new content is applied on the start screen at once,
    # also while a visitor who came Back is asked "Still there?"; the visit ends there.
    window, session = quick_kiosk.window, quick_kiosk.session
    finger.tap(window.attract)
    session.set_language("az")
    finger.tap(window.nav.back_button)
    with qtbot.waitSignal(quick_kiosk.idle.warning_started, timeout=3000):
        pass
    with qtbot.waitSignal(session.reset_done, timeout=3000):
        quick_kiosk.controller.offer(quick_exhibit)  # as hot reload does
    assert session.language == "en" and not session.visiting
    assert not quick_kiosk.idle.running
    qtbot.waitUntil(lambda: not window.idle_overlay.isVisible())
    assert window.stack.currentWidget() is window.attract
