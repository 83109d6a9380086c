"""Listening to the exhibit: the Listen control reads the screen shown (the statement from
where the visitor is, the moment's parts, the figures, the title), staff's recording in the
visitor's language first and speech where there is none; pause, resume, next and previous
by keys; captions mark the part read; the reset silences and brings the station's volume
back; the countdown doubles while audio plays; self-voicing names the controls the keys
reach, in az, en and ru.  The narrator plays through stand-ins (no sound)."""
# mypy: disable-error-code="comparison-overlap"
# (a key changes what the desk reads after mypy narrowed it.)

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtTest import QTest

from conftest import views
from kiosk.audio.narrator import NarratorState
from kiosk.audio.settings import AudioSettings
from kiosk.core.listening import ReadingState
from kiosk.core.session import Screen
from kiosk.ui.listen.captions import READING_PROPERTY, bar_of
from kiosk.ui.listen.desk import HELP, QUESTION, VOLUME, Kind
from kiosk.ui.translations import ENDONYMS
from listen_support import Ears, listening, make_trilingual, trilingual

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import Finger, KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk
    from kiosk.ui.window import KioskWindow

NUM = Qt.KeyboardModifier.KeypadModifier
NO = Qt.KeyboardModifier.NoModifier


def press(window: KioskWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier = NUM) -> None:
    QTest.keyClick(window.focusWidget() or window, key, modifiers)


def queue(kiosk: Kiosk) -> list[tuple[str, str, Path | None]]:
    return [(i.text, i.language, i.recording) for i in kiosk.window.listen.queue]


def en(value: object) -> str:
    return value.values["en"]  # type: ignore[attr-defined, no-any-return]


def sounding(ears: Ears) -> bool:
    return ears.player.sounding()


@pytest.fixture
def tri(make_kiosk: KioskFactory, exhibit: Exhibit) -> Kiosk:
    return make_trilingual(make_kiosk, exhibit)


def test_listen_is_in_the_bar_of_every_screen_but_the_start_and_nothing_sounds_unasked(
    tri: Kiosk, finger: Finger
) -> None:
    window, session = tri.window, tri.session
    ears = listening(tri)
    assert not window.nav.isVisible()
    finger.tap(window.attract)
    for screen in (Screen.HOME, Screen.STATEMENT, Screen.TIMELINE, Screen.FIGURES):
        session.go_home()
        session.open(screen)
        button = window.nav.listen_button
        assert button.isVisible(), screen
        assert button.accessibleName() == "Listen"
    assert ears.spoken() == [] and ears.player.played == []
    assert window.listen.narrator.state is NarratorState.IDLE


def test_building_the_kiosk_and_its_listen_control_loads_no_qt_multimedia() -> None:
    code = (
        "import sys\n"
        "from kiosk.content.loader import load_exhibit\n"
        "from kiosk.paths import default_content_dir\n"
        "from kiosk.ui.application import build_kiosk, create_application\n"
        "app = create_application(['t'])\n"
        "kiosk = build_kiosk(app, load_exhibit(default_content_dir()))\n"
        "kiosk.window.resize(1280, 800); kiosk.window.show()\n"
        "kiosk.window.build_remaining_screens(); app.processEvents()\n"
        "assert kiosk.window.listen.button.isVisibleTo(kiosk.window.nav)\n"
        "print(sorted(m for m in sys.modules if 'Multimedia' in m\n"
        "             or m in ('kiosk.audio.player', 'kiosk.audio.speech')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("language", "text", "recording"),
    [
        ("en", "Title EN", None),
        ("az", "Başlıq AZ", None),
        ("ru", "Заголовок RU", "audio/title-ru.opus"),
    ],
)
def test_home_reads_the_exhibits_title_in_the_visitors_language(
    tri: Kiosk, qtbot: QtBot, finger: Finger, language: str, text: str, recording: str | None
) -> None:
    ears = listening(tri)
    tri.controller.begin_in(language)
    finger.tap(tri.window.nav.listen_button)
    root = tri.controller.exhibit.root
    path = root / recording if recording else None
    assert queue(tri) == [(text, language, path)]
    if path is not None:
        assert ears.player.played == [path] and ears.spoken() == []
    else:
        qtbot.waitUntil(lambda: ears.player.played == [Path("speech/1.wav")])
        assert ears.spoken() == [(text, language)]
    assert views(tri.window).home.title.property(READING_PROPERTY) is True


def test_the_statement_from_the_top_recordings_first_speech_where_none(
    tri: Kiosk, qtbot: QtBot, finger: Finger
) -> None:
    ears = listening(tri)
    exhibit = tri.controller.exhibit
    statement, root = exhibit.statement, exhibit.root
    tri.controller.begin_in("az")
    tri.session.open(Screen.STATEMENT)
    finger.tap(tri.window.nav.listen_button)
    expected_top = [
        (en(statement.heading), "en", None),  # not in az: read in English, as shown
        (en(statement.subtitle), "en", None),
        (en(statement.issuer), "en", None),
        (en(statement.date_text), "en", None),
        ("AZ paraqraf 1", "az", root / "audio/p1-az.flac"),
        ("AZ paraqraf 2", "az", None),
        (en(statement.paragraphs[2]), "en", None),
    ]
    assert queue(tri)[:7] == expected_top
    assert len(queue(tri)) == 4 + len(statement.paragraphs)
    # The four parts before the first paragraph are spoken, one after another.
    for number in range(1, 5):
        qtbot.waitUntil(lambda n=number: len(ears.player.played) == n)  # type: ignore[misc]
        ears.player.end()
    assert ears.player.played[-1] == root / "audio/p1-az.flac"  # the recording, no speech
    assert [language for _text, language in ears.spoken()] == ["en"] * 4
    ears.player.end()
    qtbot.waitUntil(lambda: ears.spoken()[-1] == ("AZ paraqraf 2", "az"))


def test_the_statement_is_read_from_the_first_paragraph_in_sight(
    tri: Kiosk, finger: Finger
) -> None:
    listening(tri)
    finger.tap(tri.window.attract)
    tri.session.open(Screen.STATEMENT)
    statement = views(tri.window).statement
    page = statement.scroll_area.widget()
    assert page is not None
    bar = statement.scroll_area.verticalScrollBar()
    target = 3
    while target > 0:
        top = statement.paragraphs[target].mapTo(page, QPoint(0, 0)).y() + 1
        if top <= bar.maximum():
            break
        target -= 1
    assert target >= 1, "the statement does not scroll at this size"
    bar.setValue(top)
    finger.tap(tri.window.nav.listen_button)
    paragraphs = tri.controller.exhibit.statement.paragraphs
    assert queue(tri)[0][0] == en(paragraphs[target])
    assert len(queue(tri)) == len(paragraphs) - target
    assert tri.window.listen.captions.marked == [statement.paragraphs[target]]


def test_the_moment_is_read_part_by_part_or_whole_from_a_recording_and_steps_by_keys(
    tri: Kiosk, qtbot: QtBot
) -> None:
    window, session = tri.window, tri.session
    ears = listening(tri)
    exhibit = tri.controller.exhibit
    press(window, Qt.Key.Key_Space, NO)  # begins the visit
    session.open(Screen.TIMELINE)
    press(window, Qt.Key.Key_0)  # Listen
    first = exhibit.timeline[0]
    assert queue(tri) == [
        (en(first.date_text), "en", None),
        (en(first.title), "en", None),
        (en(first.caption), "en", None),
        (en(first.source), "en", None),
    ]
    timeline = views(window).timeline
    assert window.listen.captions.marked == [timeline.date]
    qtbot.waitUntil(lambda: sounding(ears))
    ears.player.end()
    qtbot.waitUntil(lambda: window.listen.captions.marked == [timeline.title])
    # Stepping the timeline while it is read reads the next moment: one recording, whole.
    press(window, Qt.Key.Key_6)
    second = exhibit.timeline[1]
    whole = ". ".join(en(getattr(second, p)) for p in ("date_text", "title", "caption", "source"))
    assert queue(tri) == [(whole, "en", exhibit.root / "audio/m2-en.ogg")]
    assert ears.player.playing == exhibit.root / "audio/m2-en.ogg"
    assert window.listen.captions.marked == [
        timeline.date,
        timeline.title,
        timeline.caption,
        timeline.source,
    ]


def test_the_figures_are_read_with_their_labels_and_their_source_once(tri: Kiosk) -> None:
    listening(tri)
    exhibit = tri.controller.exhibit
    tri.controller.begin_in("ru")
    tri.session.open(Screen.FIGURES)
    tri.window.listen.listen()
    killed, injured, missing = exhibit.figures
    assert queue(tri) == [
        (f"{killed.value} RU погибших", "ru", None),
        (f"{injured.value} {en(injured.label)}", "en", None),
        (f"{missing.value} {en(missing.label)}", "en", None),
        (en(injured.source), "en", None),  # the three share one sentence: read once
    ]
    tri.session.set_language("en")  # a new language ends the reading
    assert tri.window.listen.narrator.state is NarratorState.IDLE
    tri.window.listen.listen()
    assert queue(tri)[0] == (
        f"{killed.value} {en(killed.label)}",
        "en",
        exhibit.root / "audio/f1-en.wav",
    )
    # The recorded figure reads its source itself; the others' (shared) source comes once.
    assert [item[2] for item in queue(tri)[1:]] == [None, None, None]
    assert queue(tri)[-1] == (en(injured.source), "en", None)


def test_pause_resume_next_and_previous_by_keys(tri: Kiosk, qtbot: QtBot) -> None:
    window, session = tri.window, tri.session
    ears = listening(tri)
    press(window, Qt.Key.Key_Space, NO)
    session.open(Screen.STATEMENT)
    listen = window.listen
    statement = views(window).statement
    press(window, Qt.Key.Key_0)  # Listen
    qtbot.waitUntil(lambda: sounding(ears))
    assert listen.reading_state() is ReadingState.PLAYING
    assert window.nav.listen_button.accessibleName() == "Pause"
    assert listen.voicing.spoken == []  # the focus the key placed was not said over it
    press(window, Qt.Key.Key_0)  # Pause
    assert ears.player.paused and listen.reading_state() is ReadingState.PAUSED
    assert window.nav.listen_button.accessibleName() == "Listen"
    press(window, Qt.Key.Key_0)  # resume
    assert sounding(ears) and listen.reading_state() is ReadingState.PLAYING
    press(window, Qt.Key.Key_Asterisk)  # the next part
    assert listen.narrator.index == 1
    assert listen.captions.marked == [statement.subtitle]
    press(window, Qt.Key.Key_Asterisk)
    press(window, Qt.Key.Key_Slash)  # the previous part
    assert listen.narrator.index == 1
    assert session.screen is Screen.STATEMENT
    press(window, Qt.Key.Key_7)  # Home: leaving the screen ends its reading
    assert listen.narrator.state is not NarratorState.PAUSED
    assert listen.kind is not Kind.READING and listen.captions.marked == []


def test_the_idle_reset_silences_and_the_station_volume_returns(
    tri: Kiosk, qtbot: QtBot, finger: Finger
) -> None:
    ears = listening(tri, AudioSettings(default_volume=60))
    window = tri.window
    finger.tap(window.attract)
    tri.session.open(Screen.STATEMENT)
    finger.tap(window.nav.listen_button)
    qtbot.waitUntil(lambda: sounding(ears))
    for _ in range(3):
        window.listen.narrator.louder()
    assert ears.player.volume == 90
    tri.controller.set_idle_override(0.2, 0.3)
    with qtbot.waitSignal(tri.session.reset_done, timeout=10_000):
        pass
    assert not sounding(ears) and ears.player.playing is None
    assert window.listen.narrator.state is NarratorState.IDLE
    assert window.listen.narrator.volume == 60 and ears.player.volume == 60
    assert window.listen.captions.marked == []
    assert not tri.controller.listening.asked  # the next visitor asked for nothing


def test_the_countdown_doubles_while_audio_plays_and_the_question_is_spoken(
    tri: Kiosk, qtbot: QtBot, finger: Finger
) -> None:
    ears = listening(tri)
    window, idle = tri.window, tri.idle
    tri.controller.set_idle_override(0.2, 2)
    finger.tap(window.attract)
    tri.session.open(Screen.STATEMENT)
    with qtbot.waitSignal(idle.warning_started, timeout=10_000) as quiet:
        pass
    assert quiet.args == [2]
    assert ears.spoken() == []  # no audio asked: the question is shown only
    finger.tap(window.idle_overlay.continue_button)
    qtbot.waitUntil(lambda: not window.idle_overlay.isVisible())
    finger.tap(window.nav.listen_button)
    qtbot.waitUntil(lambda: sounding(ears))
    ears.player.end()
    qtbot.waitUntil(lambda: window.listen.narrator.index == 1 and sounding(ears))
    with qtbot.waitSignal(idle.warning_started, timeout=10_000) as listening_now:
        pass
    assert listening_now.args == [4]  # twice as long while audio plays
    assert window.idle_overlay.countdown.seconds() == 4
    assert ears.spoken()[-1] == (QUESTION, "en")
    assert window.listen.kind is Kind.ANNOUNCEMENT
    QTest.keyClick(window, Qt.Key.Key_Space)  # any key answers it
    qtbot.waitUntil(lambda: not window.idle_overlay.isVisible())
    # The reading goes on from the part it was on.
    assert window.listen.kind is Kind.READING and window.listen.narrator.index == 1


def test_the_caption_mark_follows_the_part_being_read(tri: Kiosk, finger: Finger) -> None:
    listening(tri)
    window = tri.window
    finger.tap(window.attract)
    tri.session.open(Screen.STATEMENT)
    statement = views(window).statement
    page = statement.scroll_area.widget()
    assert page is not None
    first_top = statement.paragraphs[0].mapTo(page, QPoint(0, 0)).y()
    statement.scroll_area.verticalScrollBar().setValue(first_top + 1)
    finger.tap(window.nav.listen_button)
    first, second = statement.paragraphs[0], statement.paragraphs[1]
    listen = window.listen

    def marked(label: object) -> bool:
        return label in listen.captions.marked

    assert marked(first) and not marked(second)
    assert first.font().weight() >= QFont.Weight.Bold
    assert second.font().weight() < QFont.Weight.Bold
    bar = bar_of(first)
    assert bar is not None and bar.isVisible()
    assert bar.width() >= 3 and bar.height() == first.height()
    assert bar.geometry().right() < first.geometry().left()  # beside the text, never over it
    # Its pixels: the text's colour, drawn in the margin before the paragraph.
    QCoreApplication.processEvents()
    picture = window.grab().toImage()
    centre = bar.mapTo(window, bar.rect().center())
    text = QColor(tri.controller.colours().text)
    assert picture.pixelColor(centre).name() == text.name()
    listen.narrator.next()
    assert marked(second) and not marked(first)
    assert first.font().weight() < QFont.Weight.Bold
    assert bar_of(second) is not None
    listen.narrator.stop()
    assert listen.captions.marked == [] and bar_of(second) is None


@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_in_keypad_mode_the_focused_controls_names_are_spoken_in_the_visitors_language(
    make_kiosk: KioskFactory, exhibit: Exhibit, qtbot: QtBot, language: str
) -> None:
    kiosk = make_kiosk(trilingual(exhibit), reduced_motion=True)
    window = kiosk.window
    ears = listening(kiosk)
    press(window, Qt.Key.Key_Space, NO)  # begins; nothing asked for sound yet
    kiosk.controller.begin_in(language)
    press(window, Qt.Key.Key_Tab, NO)
    assert ears.spoken() == []  # keys alone are not a request for sound
    press(window, Qt.Key.Key_F1, NO)  # Help
    help_words = QCoreApplication.translate("ListenDesk", HELP)
    voice = language if help_words != HELP or language == "en" else "en"
    qtbot.waitUntil(lambda: ears.spoken() == [(help_words, voice)])
    # Keys come from the event loop, which runs between two presses: as it does here.
    qtbot.waitUntil(lambda: not window.listen.voicing.held)
    names: list[str] = []
    for _ in range(4):
        press(window, Qt.Key.Key_Tab, NO)
        focused = window.keypad.focused()
        assert focused is not None
        names.append(focused.accessibleName())
        own = {endonym: code for code, endonym in ENDONYMS.items()}
        assert ears.spoken()[-1] == (names[-1], own.get(names[-1], language))
    home = views(window).home
    english = {"Statement", "Timeline", "Figures"}
    if language != "en":
        assert home.tiles[Screen.TIMELINE].accessibleName() not in english
    assert window.listen.voicing.spoken[-4:] == names


def test_louder_with_nothing_playing_is_heard_at_the_new_volume(tri: Kiosk, qtbot: QtBot) -> None:
    ears = listening(tri)
    window = tri.window
    press(window, Qt.Key.Key_Space, NO)
    press(window, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: ears.player.playing is not None)
    assert ears.spoken() == [(QCoreApplication.translate("ListenDesk", VOLUME), "en")]
    assert ears.player.volume == 80


def test_the_listen_key_after_a_touch_is_not_cut_short_by_the_focus_it_shows(
    tri: Kiosk, qtbot: QtBot, finger: Finger
) -> None:
    window = tri.window
    ears = listening(tri)
    finger.tap(window.attract)
    tri.session.open(Screen.STATEMENT)
    assert window.keypad.focused() is None  # a touch visitor: no focus yet
    press(window, Qt.Key.Key_0)  # the first key: Listen (it shows the focus too)
    assert window.keypad.focused() is not None
    qtbot.waitUntil(lambda: sounding(ears))
    assert window.listen.kind is Kind.READING and window.listen.voicing.spoken == []
    assert ears.spoken()[0] == (en(tri.controller.exhibit.statement.heading), "en")
    # The next key that moves the focus is spoken: audio was asked for.
    qtbot.waitUntil(lambda: not window.listen.voicing.held)
    press(window, Qt.Key.Key_Tab, NO)
    focused = window.keypad.focused()
    assert focused is not None
    assert window.listen.voicing.spoken == [focused.accessibleName()]


def test_loudness_keys_on_the_start_screen_leave_the_next_visitors_volume(
    tri: Kiosk, qtbot: QtBot
) -> None:
    window = tri.window
    ears = listening(tri)
    press(window, Qt.Key.Key_Plus)
    press(window, Qt.Key.Key_Plus)
    assert tri.session.screen is Screen.ATTRACT
    assert window.listen.narrator.volume == 70
    assert ears.spoken() == [] and not tri.controller.listening.asked


def test_a_languages_own_name_is_spoken_in_its_own_voice(tri: Kiosk, qtbot: QtBot) -> None:
    window = tri.window
    ears = listening(tri)
    press(window, Qt.Key.Key_Space, NO)
    tri.controller.begin_in("az")
    press(window, Qt.Key.Key_F1, NO)  # audio asked
    qtbot.waitUntil(lambda: not window.listen.voicing.held)
    for _ in range(30):
        press(window, Qt.Key.Key_Tab, NO)
        focused = window.keypad.focused()
        if focused is not None and focused.accessibleName() == "Русский":
            break
    assert ears.spoken()[-1] == ("Русский", "ru")
    press(window, Qt.Key.Key_Tab, NO)
    press(window, Qt.Key.Key_Tab, NO)  # past the languages, to Aa: the visitor's own voice
    focused = window.keypad.focused()
    assert focused is not None
    assert ears.spoken()[-1] == (focused.accessibleName(), "az")


def test_a_step_on_the_timeline_says_where_it_went_once_sound_was_asked(
    tri: Kiosk, qtbot: QtBot
) -> None:
    window, session = tri.window, tri.session
    ears = listening(tri)
    press(window, Qt.Key.Key_Space, NO)
    session.open(Screen.TIMELINE)
    press(window, Qt.Key.Key_6)
    assert ears.spoken() == []  # keys alone: silence
    press(window, Qt.Key.Key_Period)  # Help: sound asked
    qtbot.waitUntil(lambda: not window.listen.voicing.held)
    press(window, Qt.Key.Key_6)
    moment = tri.controller.exhibit.timeline[session.timeline_index]
    assert session.timeline_index == 2
    assert ears.spoken()[-1] == (f"{en(moment.date_text)}. {en(moment.title)}", "en")
