"""A visitor who cannot see the screen, with a keypad and headphones: a keyboard-only visit
through a real sound server's null sink, recorded from its monitor.  Help begins the visit
and is heard; a language is chosen; the statement is heard and Pause silences it; the
timeline is heard and stepped; the figures are heard; Home; the idle reset leaves silence.

Needs a sound server, pulseaudio-utils and espeak-ng, as tests/test_audio_real.py: they
skip elsewhere and fail in CI (.ci/run starts the server, scripts/sound-server.sh)."""
# mypy: disable-error-code="comparison-overlap"
# (a key changes the visit's screen after mypy narrowed it.)

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from conftest import views
from kiosk.audio.narrator import NarratorState
from kiosk.audio.settings import AudioSettings
from kiosk.core.listening import ReadingState
from kiosk.core.session import Screen
from kiosk.ui.translations import ENDONYMS
from test_audio_real import (  # noqa: F401 - the fixtures, shared
    IN_FLIGHT,
    SILENT,
    Recorder,
    recorder,
    sink,
    speech_available,
)
from test_keypad import PointerWatch, no_pointer  # noqa: F401 - the fixture, shared

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.window import KioskWindow

NUM = Qt.KeyboardModifier.KeypadModifier
NO = Qt.KeyboardModifier.NoModifier


def key(window: KioskWindow, qtbot: QtBot, pressed: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A key as a keypad sends it, with the event loop running between two keys."""
    QTest.keyClick(window.focusWidget() or window, pressed, modifiers)
    qtbot.waitUntil(lambda: not window.listen.voicing.held)


def tab_to(window: KioskWindow, qtbot: QtBot, name: str) -> None:
    for _ in range(30):
        focused = window.keypad.focused()
        if focused is not None and focused.accessibleName() == name:
            return
        key(window, qtbot, Qt.Key.Key_Tab, NO)
    raise AssertionError(f"{name} is not reached by Tab")


def test_a_keypad_and_headphones_visit_is_heard_and_silent_after_the_reset(
    make_kiosk: KioskFactory,
    exhibit: Exhibit,
    qtbot: QtBot,
    sink: str,  # noqa: F811
    recorder: Recorder,  # noqa: F811
    speech_available: None,  # noqa: F811
    no_pointer: PointerWatch,  # noqa: F811
) -> None:
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    window, session = kiosk.window, kiosk.session
    window.build_remaining_screens()
    window.listen.use_settings(AudioSettings(sink, True, 70))
    listen = window.listen
    assert recorder.next_level(0.3) < SILENT  # nothing sounds by itself

    # Help begins the visit and says what the keys do.
    key(window, qtbot, Qt.Key.Key_F1, NO)
    assert session.screen is Screen.HOME
    recorder.wait_for_sound()

    # A language, by keys; its name is heard as the focus reaches it.
    tab_to(window, qtbot, ENDONYMS["az"])
    key(window, qtbot, Qt.Key.Key_5, NUM)
    assert session.language == "az"

    # The statement, heard; Pause silences it.
    key(window, qtbot, Qt.Key.Key_7, NUM)  # Home
    tab_to(window, qtbot, views(window).home.tiles[Screen.STATEMENT].accessibleName())
    key(window, qtbot, Qt.Key.Key_5, NUM)
    assert session.screen is Screen.STATEMENT
    key(window, qtbot, Qt.Key.Key_0, NUM)  # Listen
    assert listen.reading_state() is ReadingState.PLAYING
    assert listen.captions.marked == [views(window).statement.kicker]
    recorder.wait_for_sound()
    key(window, qtbot, Qt.Key.Key_0, NUM)  # Pause
    assert listen.reading_state() is ReadingState.PAUSED
    assert recorder.next_level(0.5, skip=IN_FLIGHT) < SILENT

    # The timeline, heard, and stepped: the next moment is read.
    key(window, qtbot, Qt.Key.Key_7, NUM)
    tab_to(window, qtbot, views(window).home.tiles[Screen.TIMELINE].accessibleName())
    key(window, qtbot, Qt.Key.Key_5, NUM)
    assert session.screen is Screen.TIMELINE
    key(window, qtbot, Qt.Key.Key_0, NUM)
    recorder.wait_for_sound()
    key(window, qtbot, Qt.Key.Key_6, NUM)  # the later moment
    assert session.timeline_index == 1
    second = kiosk.controller.exhibit.timeline[1]
    assert listen.queue[0].text == second.date_text.text("az", "en")
    recorder.wait_for_sound()

    # The figures, heard with their labels.
    key(window, qtbot, Qt.Key.Key_7, NUM)
    tab_to(window, qtbot, views(window).home.tiles[Screen.FIGURES].accessibleName())
    key(window, qtbot, Qt.Key.Key_5, NUM)
    assert session.screen is Screen.FIGURES
    key(window, qtbot, Qt.Key.Key_0, NUM)
    first = kiosk.controller.exhibit.figures[0]
    assert listen.queue[0].text.startswith(str(first.value))
    recorder.wait_for_sound()
    key(window, qtbot, Qt.Key.Key_Plus, NUM)  # louder, for this visit only
    assert listen.narrator.volume == 80

    # Home, then the visitor walks away: the reset leaves silence and the station's volume.
    key(window, qtbot, Qt.Key.Key_7, NUM)
    assert session.screen is Screen.HOME
    kiosk.controller.set_idle_override(0.5, 0.5)
    with qtbot.waitSignal(session.reset_done, timeout=30_000):
        pass
    assert session.screen is Screen.ATTRACT
    assert listen.narrator.state is NarratorState.IDLE and listen.narrator.volume == 70
    assert recorder.next_level(0.5, skip=IN_FLIGHT) < SILENT
