"""The narrator's queue and states with real Qt signals, a stand-in player and speech
engine (no sound): recordings first, speech where none, skips when speech is off, pause,
resume, next, previous, stop, volume and the reset at the end of a visit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.audio.narrator import SKIPPED_NO_SPEECH, NarrationItem, Narrator, NarratorState
from kiosk.audio.settings import AudioSettings
from listen_support import StandInPlayer

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

TIMEOUT = 10_000  # ms; a hang guard only


class StandInSpeech(QObject):
    """Answers from the event loop, as espeak-ng's process does; ``hold`` keeps answers
    back until ``release``."""

    ready = Signal(int, str)
    failed = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self.number = 0
        self.asked: list[tuple[str, str]] = []
        self.hold = False
        self.held: list[tuple[int, str]] = []
        self.refuse: set[str] = set()

    def request(self, text: str, language: str) -> int:
        self.number += 1
        number = self.number
        self.asked.append((text, language))
        wav = f"/speech/{language}/{text}.wav"
        if text in self.refuse:
            QTimer.singleShot(0, lambda: self.failed.emit(number, "no voice"))
        elif self.hold:
            self.held.append((number, wav))
        else:
            QTimer.singleShot(0, lambda: self.ready.emit(number, wav))
        return number

    def cancel(self) -> None:
        self.held.clear()

    def release(self) -> None:
        for number, wav in self.held:
            self.ready.emit(number, wav)
        self.held.clear()


class Rig:
    def __init__(self, settings: AudioSettings, device_present: bool = True) -> None:
        self.player = StandInPlayer(device_present)
        self.speech = StandInSpeech()
        self.narrator = Narrator(
            settings,
            player_factory=lambda _settings, _parent: self.player,
            speech_factory=lambda _parent: self.speech,
        )
        self.current: list[int] = []
        self.skipped: list[tuple[int, str]] = []
        self.failures: list[str] = []
        self.finished = 0
        self.narrator.current_item_changed.connect(self.current.append)
        self.narrator.item_skipped.connect(lambda index, why: self.skipped.append((index, why)))
        self.narrator.failed.connect(self.failures.append)
        self.narrator.finished.connect(self._count_finished)

    def state(self) -> NarratorState:
        return self.narrator.state  # a call: mypy keeps no narrowed state between steps

    def _count_finished(self) -> None:
        self.finished += 1


@pytest.fixture
def rig(qapp: object) -> Rig:
    return Rig(AudioSettings(default_volume=60))


RECORDED = Path("/content/audio/statement-1.en.ogg")
ITEMS = (
    NarrationItem("First paragraph.", "en", RECORDED),
    NarrationItem("Ikinci abzas.", "az"),
    NarrationItem("Третий абзац.", "ru"),
)


def spoken(item: NarrationItem) -> Path:
    """Where the stand-in speech engine puts an item's words."""
    return Path(f"/speech/{item.language}/{item.text}.wav")


def test_nothing_sounds_until_asked(rig: Rig) -> None:
    assert rig.state() is NarratorState.IDLE
    rig.narrator.resume()
    rig.narrator.next()
    rig.narrator.previous()
    assert rig.player.played == []
    assert rig.speech.asked == []
    assert rig.current == []


def test_reads_recordings_first_then_speech_by_language_then_finishes(
    rig: Rig, qtbot: QtBot
) -> None:
    rig.narrator.play(ITEMS)
    assert rig.player.played == [RECORDED]
    assert rig.speech.asked == []  # a recorded text is never synthesised
    assert rig.current == [0]
    assert rig.state() is NarratorState.PLAYING

    rig.player.end()
    qtbot.waitUntil(lambda: rig.player.playing == spoken(ITEMS[1]))
    assert rig.speech.asked == [("Ikinci abzas.", "az")]
    assert rig.current == [0, 1]

    rig.player.end()
    qtbot.waitUntil(lambda: rig.player.playing == spoken(ITEMS[2]))
    with qtbot.waitSignal(rig.narrator.finished, timeout=TIMEOUT):
        rig.player.end()
    assert rig.current == [0, 1, 2]
    assert rig.state() is NarratorState.IDLE
    assert rig.narrator.index == -1
    assert rig.failures == []


def test_speech_off_skips_texts_without_recording_with_a_signal(qapp: object) -> None:
    rig = Rig(AudioSettings(speech=False))
    rig.narrator.play(ITEMS[1:] + ITEMS[:1])  # two without recordings, then the recorded
    assert rig.skipped == [(0, SKIPPED_NO_SPEECH), (1, SKIPPED_NO_SPEECH)]
    assert rig.current == [2]
    assert rig.player.played == [RECORDED]
    assert rig.speech.asked == []
    rig.player.end()
    assert rig.finished == 1


def test_speech_off_and_nothing_recorded_finishes_at_once(qapp: object) -> None:
    rig = Rig(AudioSettings(speech=False))
    rig.narrator.play(ITEMS[1:])
    assert [index for index, _why in rig.skipped] == [0, 1]
    assert rig.finished == 1
    assert rig.current == []
    assert rig.state() is NarratorState.IDLE


def test_pause_and_resume(rig: Rig) -> None:
    states: list[NarratorState] = []
    rig.narrator.state_changed.connect(states.append)
    rig.narrator.play(ITEMS)
    rig.narrator.pause()
    assert rig.player.paused
    assert rig.state() is NarratorState.PAUSED
    rig.narrator.pause()  # twice is once
    rig.narrator.resume()
    assert rig.player.sounding()
    assert rig.player.played == [RECORDED]  # resumed, not started again
    assert states == [NarratorState.PLAYING, NarratorState.PAUSED, NarratorState.PLAYING]


def test_paused_while_speech_is_made_stays_silent_until_resumed(rig: Rig, qtbot: QtBot) -> None:
    rig.speech.hold = True
    rig.narrator.play(ITEMS, start=1)
    rig.narrator.pause()
    rig.speech.release()
    assert rig.player.played == []  # made while paused: not started
    rig.narrator.resume()
    assert rig.player.played == [spoken(ITEMS[1])]
    assert rig.player.sounding()


def test_next_and_previous(rig: Rig, qtbot: QtBot) -> None:
    rig.narrator.play(ITEMS)
    rig.narrator.next()
    qtbot.waitUntil(lambda: rig.player.playing is not None)
    assert rig.narrator.index == 1
    rig.narrator.previous()
    assert rig.narrator.index == 0
    assert rig.player.playing == RECORDED
    rig.narrator.previous()  # the first again, from its beginning
    assert rig.narrator.index == 0
    assert rig.player.played == [RECORDED, spoken(ITEMS[1]), RECORDED, RECORDED]
    rig.narrator.next()
    rig.narrator.next()
    with qtbot.waitSignal(rig.narrator.finished, timeout=TIMEOUT):
        rig.narrator.next()  # past the last: the end
    assert rig.state() is NarratorState.IDLE


def test_next_while_paused_plays_the_next_item(rig: Rig, qtbot: QtBot) -> None:
    rig.narrator.play(ITEMS)
    rig.narrator.pause()
    rig.narrator.next()
    assert rig.state() is NarratorState.PLAYING
    qtbot.waitUntil(lambda: rig.player.playing == spoken(ITEMS[1]))
    assert rig.player.sounding()


def test_stop_is_immediate_and_late_speech_is_ignored(rig: Rig, qtbot: QtBot) -> None:
    rig.speech.hold = True
    rig.narrator.play(ITEMS, start=1)
    rig.narrator.stop()
    assert rig.state() is NarratorState.IDLE
    assert rig.player.playing is None
    # An answer for the stopped request (a process that finished as it was killed).
    rig.speech.ready.emit(rig.speech.number, "/speech/late.wav")
    assert rig.player.played == []
    assert rig.finished == 0  # stop is not the end of the queue


def test_a_new_queue_replaces_the_old_and_announces_its_first_item(rig: Rig) -> None:
    rig.narrator.play(ITEMS)
    rig.narrator.play(ITEMS[:1])
    assert rig.current == [0, 0]
    rig.player.end()
    assert rig.finished == 1


def test_an_unplayable_recording_is_reported_and_its_words_are_spoken(
    rig: Rig, qtbot: QtBot
) -> None:
    rig.narrator.play(ITEMS[:1])
    rig.player.failed.emit("statement-1.en.ogg: not an audio file")
    assert rig.failures == ["statement-1.en.ogg: not an audio file"]
    qtbot.waitUntil(lambda: rig.player.playing == spoken(ITEMS[0]))
    assert rig.narrator.index == 0


def test_failed_speech_is_reported_and_the_next_item_follows(rig: Rig, qtbot: QtBot) -> None:
    rig.speech.refuse = {"Ikinci abzas."}
    rig.narrator.play(ITEMS, start=1)
    qtbot.waitUntil(lambda: rig.narrator.index == 2)
    assert rig.failures == ["speech: no voice"]
    qtbot.waitUntil(lambda: rig.player.playing == spoken(ITEMS[2]))


def test_no_output_device_plays_nothing_and_says_so(qapp: object) -> None:
    rig = Rig(AudioSettings(output_device="USB Headphones"), device_present=False)
    rig.narrator.play(ITEMS)
    assert rig.failures == ["no sound output named 'USB Headphones'; nothing is played"]
    assert rig.state() is NarratorState.IDLE


def test_volume_steps_are_bounded_and_reset_returns_the_station_default(rig: Rig) -> None:
    heard: list[int] = []
    rig.narrator.volume_changed.connect(heard.append)
    assert rig.narrator.volume == 60
    for _ in range(6):
        rig.narrator.louder()
    assert rig.narrator.volume == 100
    rig.narrator.play(ITEMS)
    assert rig.player.volume == 100  # the player starts at the visitor's volume
    rig.narrator.softer()
    assert rig.player.volume == 90
    rig.narrator.reset()
    assert rig.narrator.volume == 60
    assert rig.player.volume == 60
    assert rig.state() is NarratorState.IDLE
    assert rig.player.playing is None
    assert heard == [70, 80, 90, 100, 90, 60]
    for _ in range(12):
        rig.narrator.softer()
    assert rig.narrator.volume == 0


def test_a_narrator_loads_no_qt_multimedia_until_it_plays() -> None:
    """The first frame's budget: importing and building the narrator costs no audio library."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "import kiosk.audio.narrator as n\n"
        "app = QCoreApplication([])\n"
        "narrator = n.Narrator()\n"
        "narrator.louder(); narrator.reset()\n"
        "print(sorted(m for m in sys.modules if 'Multimedia' in m or m == 'kiosk.audio.player'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"
