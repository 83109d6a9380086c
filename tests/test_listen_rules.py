"""The listening rules without a window (QtCore only): Listen's action from the reading's
state, a request for sound remembered until the reset, and the idle countdown's length while
audio sounds (WCAG 2.2.1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.core.idle import IdleWatcher
from kiosk.core.listening import ListenAction, ListeningRules, ReadingState, readings_for
from kiosk.core.session import Screen

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from kiosk.content.model import Exhibit


def test_listen_starts_pauses_and_resumes_and_the_reset_forgets_the_request(
    qapp: object,
) -> None:
    rules = ListeningRules(IdleWatcher(60, 20))
    assert not rules.asked
    assert rules.listen_action() is ListenAction.START
    assert rules.asked
    rules.report(ReadingState.PLAYING, sounding=True)
    assert rules.listen_action() is ListenAction.PAUSE
    rules.report(ReadingState.PAUSED, sounding=False)
    assert rules.listen_action() is ListenAction.RESUME
    rules.reset()
    assert not rules.asked and rules.reading is ReadingState.NONE


def test_the_countdown_is_twice_as_long_when_it_starts_while_audio_sounds(
    qapp: object, qtbot: QtBot
) -> None:
    idle = IdleWatcher(0.05, 1.0)
    rules = ListeningRules(idle)
    idle.start()
    with qtbot.waitSignal(idle.warning_started, timeout=5000) as plain:
        pass
    assert plain.args == [1]
    rules.report(ReadingState.PLAYING, sounding=True)
    idle.poke()
    with qtbot.waitSignal(idle.warning_started, timeout=5000) as doubled:
        pass
    assert doubled.args == [2]
    rules.report(ReadingState.NONE, sounding=False)
    idle.poke()
    with qtbot.waitSignal(idle.warning_started, timeout=5000) as again:
        pass
    assert again.args == [1]
    idle.stop()


def test_nothing_is_read_on_the_start_screen(exhibit: Exhibit) -> None:
    assert readings_for(exhibit, Screen.ATTRACT, "en") == []
    home = readings_for(exhibit, Screen.HOME, "az")
    assert [(r.language, r.mark) for r in home] == [("en", "title")]  # shown in English
