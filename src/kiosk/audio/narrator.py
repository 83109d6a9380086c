"""``Narrator``: reads a queue of texts aloud, a recording where staff made one, espeak-ng's
speech where not (unless the station turned speech off).

The views ask (``play``, ``pause``, ``resume``, ``stop``, ``next``, ``previous``, ``louder``,
``softer``, ``reset``) and follow the signals: ``current_item_changed(index)`` marks the text
being read (captions), ``item_skipped(index, reason)``, ``failed(message)``, ``finished``
(the queue was read to its end; ``stop`` and ``reset`` do not send it), ``state_changed`` and
``volume_changed(percent)``.  Nothing sounds unless ``play`` is called.

The player and the speech engine are made on the first ``play``: Qt Multimedia is not
loaded before a visitor asks to listen.  Tests hand in their own through the factories.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance

from kiosk.audio.settings import VOLUME_STEP, AudioSettings

if TYPE_CHECKING:
    from kiosk.audio.speech import SpeechEngine


class NarrationItem(NamedTuple):
    text: str
    language: str
    recording: Path | None = None


class NarratorState(enum.Enum):
    IDLE = "idle"
    PLAYING = "playing"  # sounding, or its speech being made
    PAUSED = "paused"


class PlayerLike(Protocol):
    ended: SignalInstance
    failed: SignalInstance

    def play(self, path: Path) -> bool: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def stop(self) -> None: ...
    def set_volume(self, percent: int) -> None: ...


class SpeechLike(Protocol):
    ready: SignalInstance
    failed: SignalInstance

    def request(self, text: str, language: str) -> int: ...
    def cancel(self) -> None: ...


SKIPPED_NO_SPEECH = "no recording, and synthetic speech is off at this station"


def _real_player(settings: AudioSettings, parent: QObject) -> PlayerLike:
    from kiosk.audio.player import Player  # noqa: PLC0415 - Qt Multimedia on first use

    return Player(settings.output_device, parent)


def _real_speech(parent: QObject) -> SpeechEngine:
    from kiosk.audio.speech import SpeechEngine  # noqa: PLC0415

    return SpeechEngine(parent=parent)


class Narrator(QObject):
    current_item_changed = Signal(int)
    item_skipped = Signal(int, str)
    finished = Signal()
    failed = Signal(str)
    state_changed = Signal(object)  # NarratorState
    volume_changed = Signal(int)

    def __init__(
        self,
        settings: AudioSettings | None = None,
        *,
        player_factory: Callable[[AudioSettings, QObject], PlayerLike] = _real_player,
        speech_factory: Callable[[QObject], SpeechLike] = _real_speech,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or AudioSettings()
        self._player_factory = player_factory
        self._speech_factory = speech_factory
        self._player: PlayerLike | None = None
        self._speech: SpeechLike | None = None
        self._items: tuple[NarrationItem, ...] = ()
        self._index = -1
        self._state = NarratorState.IDLE
        self._volume = self.settings.default_volume
        self._speech_request = 0  # the speech being made for the current item, if any
        self._ready: Path | None = None  # speech made while paused, not yet started
        self._speaking = False  # the current item is being spoken, not played from a file

    # What the views read.

    @property
    def state(self) -> NarratorState:
        return self._state

    @property
    def index(self) -> int:
        """The item being read, or -1."""
        return self._index

    @property
    def volume(self) -> int:
        return self._volume

    # What the views ask.

    def play(self, items: Sequence[NarrationItem], start: int = 0) -> None:
        """Read ``items`` from ``start`` on, in place of whatever was being read."""
        self._halt()
        self._items = tuple(items)
        self._index = -1  # a new queue: its first item is announced even at the same index
        self._start(max(0, start))

    def pause(self) -> None:
        if self._state is NarratorState.PLAYING:
            if self._player is not None:
                self._player.pause()
            self._set_state(NarratorState.PAUSED)

    def resume(self) -> None:
        if self._state is not NarratorState.PAUSED:
            return
        self._set_state(NarratorState.PLAYING)
        ready, self._ready = self._ready, None
        if ready is not None:
            self._play_file(ready)
        elif self._speech_request == 0 and self._player is not None:
            self._player.resume()

    def stop(self) -> None:
        """Silence now; the queue is forgotten."""
        self._halt()
        self._items = ()
        self._set_index(-1)
        self._set_state(NarratorState.IDLE)

    def next(self) -> None:
        if self._state is not NarratorState.IDLE:
            self._halt()
            self._start(self._index + 1)

    def previous(self) -> None:
        """The item before (the first item again from its beginning)."""
        if self._state is not NarratorState.IDLE:
            self._halt()
            self._start(max(0, self._index - 1))

    def louder(self) -> None:
        self._set_volume(self._volume + VOLUME_STEP)

    def softer(self) -> None:
        self._set_volume(self._volume - VOLUME_STEP)

    def reset(self) -> None:
        """The end of a visit: silence, and the station's volume for the next visitor."""
        self.stop()
        self._set_volume(self.settings.default_volume)

    # The queue.

    def _start(self, index: int) -> None:
        """Play the first playable item from ``index`` on, or finish."""
        while index < len(self._items):
            item = self._items[index]
            if item.recording is not None or self.settings.speech:
                break
            self.item_skipped.emit(index, SKIPPED_NO_SPEECH)
            index += 1
        else:
            self._finish()
            return
        self._set_index(index)
        self._set_state(NarratorState.PLAYING)
        if item.recording is not None:
            self._speaking = False
            self._play_file(item.recording)
        else:
            self._speak(item)

    def _speak(self, item: NarrationItem) -> None:
        self._speaking = True
        speech = self._ensure_speech()
        self._speech_request = speech.request(item.text, item.language)

    def _play_file(self, path: Path) -> None:
        player = self._ensure_player()
        if not player.play(path):
            hint = self.settings.output_device
            where = f"no sound output named {hint!r}" if hint else "no sound output"
            self.stop()
            self.failed.emit(f"{where}; nothing is played")

    def _finish(self) -> None:
        self._items = ()
        self._set_index(-1)
        self._set_state(NarratorState.IDLE)
        self.finished.emit()

    def _halt(self) -> None:
        self._ready = None
        self._speech_request = 0
        if self._speech is not None:
            self._speech.cancel()
        if self._player is not None:
            self._player.stop()

    # Answers from the player and the speech engine.

    def _on_ended(self) -> None:
        if self._state is NarratorState.PLAYING:
            self._start(self._index + 1)

    def _on_player_failed(self, message: str) -> None:
        if self._state is NarratorState.IDLE:
            return
        self.failed.emit(message)
        item = self._items[self._index]
        if not self._speaking and self.settings.speech:
            self._speak(item)  # a recording that cannot be played: its words still can
        else:
            self._halt()
            self._start(self._index + 1)

    def _on_speech_ready(self, request: int, wav: str) -> None:
        if request != self._speech_request or self._state is NarratorState.IDLE:
            return
        self._speech_request = 0
        if self._state is NarratorState.PAUSED:
            self._ready = Path(wav)
        else:
            self._play_file(Path(wav))

    def _on_speech_failed(self, request: int, message: str) -> None:
        if request != self._speech_request or self._state is NarratorState.IDLE:
            return
        self._speech_request = 0
        self.failed.emit(f"speech: {message}")
        self._start(self._index + 1)

    # Parts made on first use.

    def _ensure_player(self) -> PlayerLike:
        if self._player is None:
            self._player = self._player_factory(self.settings, self)
            self._player.set_volume(self._volume)
            self._player.ended.connect(self._on_ended)
            self._player.failed.connect(self._on_player_failed)
        return self._player

    def _ensure_speech(self) -> SpeechLike:
        if self._speech is None:
            self._speech = self._speech_factory(self)
            self._speech.ready.connect(self._on_speech_ready)
            self._speech.failed.connect(self._on_speech_failed)
        return self._speech

    def _set_volume(self, percent: int) -> None:
        percent = max(0, min(100, percent))
        if percent == self._volume:
            return
        self._volume = percent
        if self._player is not None:
            self._player.set_volume(percent)
        self.volume_changed.emit(percent)

    def _set_index(self, index: int) -> None:
        if index != self._index:
            self._index = index
            if index >= 0:
                self.current_item_changed.emit(index)

    def _set_state(self, state: NarratorState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)
