"""``Player``: one sound file at a time to the station's chosen output (Qt Multimedia).

Qt's FFmpeg backend decodes OGG Vorbis and Opus, FLAC and WAV in this process and hands the
samples to PulseAudio or PipeWire (whichever the session runs).  This is the only module
that imports Qt Multimedia; it is imported when a visitor first asks to listen.
"""

from __future__ import annotations

import ctypes
import os
import re
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudio, QAudioDevice, QAudioOutput, QMediaDevices, QMediaPlayer

from kiosk.audio.server import sound_server_answers

# FFmpeg's own log level: errors only.  Left at its default (information), FFmpeg writes a
# description of every file it opens to stderr, past Qt's log (which only takes them with
# QT_FFMPEG_DEBUG set): noise in the journal and in the self-test's report of failures.
AV_LOG_ERROR = 16
_AVUTIL = re.compile(r"\s(/\S*/libavutil\.so\.\d+)$")


def quiet_ffmpeg() -> bool:
    """Turn FFmpeg's stderr down to errors, once Qt's FFmpeg plugin has loaded FFmpeg.

    The library is found among those already loaded (Linux: /proc/self/maps), never loaded
    by us: it must be the one the plugin uses.  Elsewhere nothing is done (False)."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return False
    for line in maps.splitlines():
        found = _AVUTIL.search(line)
        if found:
            try:
                library = ctypes.CDLL(found.group(1), mode=os.RTLD_NOLOAD)
            except OSError:
                return False
            library.av_log_set_level(AV_LOG_ERROR)
            return True
    return False


def find_output(hint: str) -> QAudioDevice | None:
    """The output whose name or id contains ``hint`` (any case); with no hint, the session's
    default output.  None when there is no such output (or no output at all)."""
    if not hint:
        default = QMediaDevices.defaultAudioOutput()
        return None if default.isNull() else default
    wanted = hint.casefold()
    for device in QMediaDevices.audioOutputs():
        ident = bytes(device.id().data()).decode("utf-8", "replace")
        if wanted in device.description().casefold() or wanted in ident.casefold():
            return device
    return None


def output_names() -> list[str]:
    """What staff may name in ``audio_output_device``."""
    return [device.description() for device in QMediaDevices.audioOutputs()]


def linear_volume(percent: int) -> float:
    """A step of the visitor's volume is a step heard, not a step of amplitude."""
    share = max(0, min(100, percent)) / 100
    return float(
        QAudio.convertVolume(
            share, QAudio.VolumeScale.LogarithmicVolumeScale, QAudio.VolumeScale.LinearVolumeScale
        )
    )


class Player(QObject):
    """Plays one file; ``ended`` when it played to its end, ``failed(message)`` when it
    cannot be opened or decoded.  ``play`` answers False (and plays nothing) when the chosen
    output is not there: no sound at all rather than sound from the wrong loudspeaker.

    Qt Multimedia's objects are made on the first ``play`` that finds a sound server
    (kiosk.audio.server): without one, nothing of Qt Multimedia is asked (it would log a
    warning at every look-up).

    Two habits of Qt 6.11's FFmpeg backend shape the rest:

    - A new source while the last is still being opened cancels the opening, and Qt logs a
      warning for it ("Could not open media. ... Immediate exit requested").  A visitor who
      presses Listen, Pause and Next quickly does that all the time; the new file waits for
      the last to be opened instead (milliseconds) and only the newest waiting one is opened.
    - Its playback threads, when they end, tell the ``QAudioOutput`` (a Python object here),
      which needs Python's lock.  ``stop`` therefore lets go through ``setSource`` alone,
      which PySide calls with the lock released (``QMediaPlayer.stop`` keeps it, and a
      thread ending meanwhile waits for it: a deadlock).
    """

    ended = Signal()
    failed = Signal(str)

    def __init__(self, device_hint: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device_hint = device_hint
        self._output: QAudioOutput | None = None
        self._media: QMediaPlayer | None = None
        self._volume = 1.0
        self._source: Path | None = None  # what the narrator asked to hear
        self._opened: Path | None = None  # what the media player was given last
        self._waiting: Path | None = None  # to open once the opening under way settles
        self._paused = False

    def _ensure_media(self) -> tuple[QMediaPlayer, QAudioOutput]:
        if self._media is None or self._output is None:
            self._output = QAudioOutput(self)
            self._output.setVolume(self._volume)
            self._media = QMediaPlayer(self)
            self._media.setAudioOutput(self._output)
            self._media.mediaStatusChanged.connect(self._on_status)
            self._media.errorOccurred.connect(self._on_error)
            quiet_ffmpeg()  # the player above loaded Qt's FFmpeg plugin
        return self._media, self._output

    def _opening(self) -> bool:
        return (
            self._media is not None
            and self._media.mediaStatus() == QMediaPlayer.MediaStatus.LoadingMedia
        )

    def play(self, path: Path) -> bool:
        if not sound_server_answers():
            return False
        media, output = self._ensure_media()
        # Looked up at every start: headphones plugged in after the kiosk started are found.
        device = find_output(self.device_hint)
        if device is None:
            return False
        if device != output.device():
            output.setDevice(device)
        self._source, self._paused = path, False
        if self._opening():
            media.pause()  # the file being opened is not to be heard
            self._waiting = path
        else:
            self._open(path)
        return True

    def _open(self, path: Path) -> None:
        media, _output = self._ensure_media()
        self._waiting, self._opened = None, path
        media.setSource(QUrl.fromLocalFile(str(path)))
        if not self._paused:
            media.play()

    def pause(self) -> None:
        self._paused = True
        if self._media is not None:
            self._media.pause()

    def resume(self) -> None:
        self._paused = False
        if self._media is not None and self._source is not None and self._waiting is None:
            self._media.play()

    def stop(self) -> None:
        self._source = self._waiting = None
        if self._media is None:
            return
        if self._opening():
            self._media.pause()  # let go once it is opened (see _on_status)
        else:
            self._let_go()

    def _let_go(self) -> None:
        # An empty source stops, and lets go of the file and of the output's stream at once.
        self._opened = None
        if self._media is not None and not self._media.source().isEmpty():
            self._media.setSource(QUrl())

    def set_volume(self, percent: int) -> None:
        self._volume = linear_volume(percent)
        if self._output is not None:
            self._output.setVolume(self._volume)

    def is_playing(self) -> bool:
        return (
            self._media is not None
            and self._media.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        )

    def device_description(self) -> str:
        return "" if self._output is None else self._output.device().description()

    def _current(self) -> bool:
        """The media player holds what the narrator asked for (not a file let go of)."""
        return self._source is not None and self._waiting is None and self._opened == self._source

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadingMedia:
            return
        if self._waiting is not None or (self._source is None and self._opened is not None):
            # The opening settled: now the newest file, or nothing.  From the event loop, not
            # inside the media player's own signal.
            QTimer.singleShot(0, self, self._settled)
            return
        if status == QMediaPlayer.MediaStatus.EndOfMedia and self._current():
            self._source = self._opened = None
            self.ended.emit()

    def _settled(self) -> None:
        if self._opening():
            return  # another opening began meanwhile; its status comes
        if self._waiting is not None:
            self._open(self._waiting)
        elif self._source is None:
            self._let_go()

    def _on_error(self, _error: QMediaPlayer.Error, message: str) -> None:
        if not self._current() or self._source is None:
            return  # an error of a source already let go of
        name = self._source.name
        self._source = None
        self._let_go()
        self.failed.emit(f"{name}: {message or 'cannot be played'}")
