"""Shared by the listening tests: a stand-in player and speech engine (no sound, real Qt
signals), a kiosk whose narrator uses them, and an exhibit in three languages with a few
recordings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.audio.narrator import Narrator
from kiosk.audio.settings import AudioSettings
from kiosk.content.issues import Location
from kiosk.content.model import Exhibit, LocalizedText, Narration, Recording

if TYPE_CHECKING:
    from conftest import KioskFactory
    from kiosk.ui.application import Kiosk


class StandInPlayer(QObject):
    """Records what it was asked; a test says when a file ends (``end``).  Without
    ``device_present`` nothing plays, as with the station's output unplugged."""

    ended = Signal()
    failed = Signal(str)

    def __init__(self, device_present: bool = True) -> None:
        super().__init__()
        self.device_present = device_present
        self.playing: Path | None = None
        self.paused = False
        self.played: list[Path] = []
        self.volume: int | None = None

    def play(self, path: Path) -> bool:
        if not self.device_present:
            return False
        self.playing, self.paused = path, False
        self.played.append(path)
        return True

    def pause(self) -> None:
        self.paused = True

    def resume(self) -> None:
        self.paused = False

    def stop(self) -> None:
        self.playing, self.paused = None, False

    def set_volume(self, percent: int) -> None:
        self.volume = percent

    def sounding(self) -> bool:
        return self.playing is not None and not self.paused

    def end(self) -> None:
        self.playing = None
        self.ended.emit()


class StandInSpeech(QObject):
    """Answers from the event loop, as espeak-ng's process does, with a made-up WAV path
    that names the words (``speech/<n>.wav``)."""

    ready = Signal(int, str)
    failed = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self.number = 0
        self.asked: list[tuple[str, str]] = []

    def request(self, text: str, language: str) -> int:
        self.number += 1
        number = self.number
        self.asked.append((text, language))
        QTimer.singleShot(0, self, lambda: self._answer(number))
        return number

    def _answer(self, number: int) -> None:
        if number == self.number:
            self.ready.emit(number, f"speech/{number}.wav")

    def cancel(self) -> None:
        self.number += 1


class Ears:
    """The stand-ins a kiosk's narrator plays through."""

    def __init__(self) -> None:
        self.player = StandInPlayer()
        self.speech = StandInSpeech()

    def spoken(self) -> list[tuple[str, str]]:
        return list(self.speech.asked)


def listening(kiosk: Kiosk, settings: AudioSettings | None = None) -> Ears:
    """Give the kiosk's Listen a narrator with stand-ins; returns them."""
    ears = Ears()
    kiosk.window.build_remaining_screens()
    narrator = Narrator(
        settings or AudioSettings(),
        player_factory=lambda _settings, _parent: ears.player,
        speech_factory=lambda _parent: ears.speech,
        parent=kiosk.window.listen,
    )
    kiosk.window.listen.use_narrator(narrator)
    return ears


def _text(en: str, az: str | None = None, ru: str | None = None) -> LocalizedText:
    values = {"en": en}
    if az is not None:
        values["az"] = az
    if ru is not None:
        values["ru"] = ru
    return LocalizedText(values, Location("test"))


def trilingual(exhibit: Exhibit) -> Exhibit:
    """The bundled exhibit with its title, first two paragraphs, first moment and first
    figure in az and ru, and recordings: paragraph 1 in en and az, moment 2 whole in en,
    the first figure in en."""
    settings = exhibit.settings._replace(
        title=_text("Title EN", "Başlıq AZ", "Заголовок RU"), languages=("en", "az", "ru")
    )
    statement = exhibit.statement
    paragraphs = list(statement.paragraphs)
    for index in (0, 1):
        en = paragraphs[index].values["en"]
        paragraphs[index] = _text(en, f"AZ paraqraf {index + 1}", f"RU абзац {index + 1}")
    statement = statement._replace(paragraphs=tuple(paragraphs))
    timeline = list(exhibit.timeline)
    first = timeline[0]
    timeline[0] = first._replace(
        title=_text(first.title.values["en"], "AZ an", "RU момент"),
    )
    figures = list(exhibit.figures)
    figures[0] = figures[0]._replace(
        label=_text(figures[0].label.values["en"], "AZ həlak olan", "RU погибших")
    )
    where = Location("narration.yaml")

    def recording(key: str, language: str, path: str) -> Recording:
        return Recording(key, language, path, where, where)

    narration = Narration(
        (
            recording("statement.paragraph.1", "en", "audio/p1-en.ogg"),
            recording("statement.paragraph.1", "az", "audio/p1-az.flac"),
            recording(f"moment.{timeline[1].id}", "en", "audio/m2-en.ogg"),
            recording(f"figure.{figures[0].id}", "en", "audio/f1-en.wav"),
            recording("exhibit.title", "ru", "audio/title-ru.opus"),
        )
    )
    return exhibit._replace(
        settings=settings,
        statement=statement,
        timeline=tuple(timeline),
        figures=tuple(figures),
        narration=narration,
    )


def make_trilingual(make_kiosk: KioskFactory, exhibit: Exhibit, **kwargs: object) -> Kiosk:
    return make_kiosk(trilingual(exhibit), reduced_motion=True, **kwargs)  # type: ignore[arg-type]
