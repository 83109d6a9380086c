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

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QAudio, QAudioDevice, QAudioOutput, QMediaDevices, QMediaPlayer

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
    output is not there: no sound at all rather than sound from the wrong loudspeaker."""

    ended = Signal()
    failed = Signal(str)

    def __init__(self, device_hint: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device_hint = device_hint
        self._output = QAudioOutput(self)
        self._media = QMediaPlayer(self)
        self._media.setAudioOutput(self._output)
        self._media.mediaStatusChanged.connect(self._on_status)
        self._media.errorOccurred.connect(self._on_error)
        self._source: Path | None = None
        quiet_ffmpeg()  # the player above loaded Qt's FFmpeg plugin

    def play(self, path: Path) -> bool:
        # Looked up at every start: headphones plugged in after the kiosk started are found.
        device = find_output(self.device_hint)
        if device is None:
            return False
        if device != self._output.device():
            self._output.setDevice(device)
        self._source = path
        self._media.setSource(QUrl.fromLocalFile(str(path)))
        self._media.play()
        return True

    def pause(self) -> None:
        self._media.pause()

    def resume(self) -> None:
        if self._source is not None:
            self._media.play()

    def stop(self) -> None:
        self._source = None
        self._media.stop()
        # An empty source lets go of the file and of the output's stream at once.
        self._media.setSource(QUrl())

    def set_volume(self, percent: int) -> None:
        self._output.setVolume(linear_volume(percent))

    def is_playing(self) -> bool:
        return self._media.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def device_description(self) -> str:
        return self._output.device().description()

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia and self._source is not None:
            self._source = None
            self.ended.emit()

    def _on_error(self, _error: QMediaPlayer.Error, message: str) -> None:
        if self._source is None:
            return  # an error of a source already let go of
        name = self._source.name
        self._source = None
        self._media.stop()
        self.failed.emit(f"{name}: {message or 'cannot be played'}")
