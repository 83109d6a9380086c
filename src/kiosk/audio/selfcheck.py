"""The self-test's audio check: the decoder loads, espeak-ng speaks each language, and, when
the machine has a sound output, a tone and an utterance play to it to their end.

A machine with no sound server (a build machine, a package's install check) is not a
failure: it is reported as "no sound output", and the station's own self-test, run in its
session, plays.  Qt's two complaints about the missing server are expected there, so they
are taken out of the self-test's failures; any other Qt message still counts.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEventLoop,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    QUrl,
    SignalInstance,
    qInstallMessageHandler,
)

from kiosk.audio.samples import wav_rms, write_tone
from kiosk.audio.speech import VOICES, SpeechEngine

GUARD_MS = 30_000  # a hang guard: a tone and a short utterance take about a second
QUIET = 0.01  # speech quieter than this (of full scale) is no speech
CHECK_WORDS = {"az": "Salam", "en": "Hello", "ru": "Здравствуйте"}
NO_SERVER = ("PulseAudioService: pa_context_connect() failed", "No audio device detected")


def _wait(done: list[SignalInstance], until: Callable[[], bool] | None = None) -> bool:
    """Run the event loop until one of ``done`` is emitted (and ``until`` holds, when given);
    False when the guard ran out first."""
    loop = QEventLoop()
    reached: list[bool] = []

    def check(*_args: object) -> None:
        if until is None or until():
            reached.append(True)
            loop.quit()

    for signal in done:
        signal.connect(check)
    QTimer.singleShot(GUARD_MS, loop, loop.quit)
    if until is None or not until():
        loop.exec()
    else:
        reached.append(True)
    for signal in done:
        signal.disconnect(check)
    return bool(reached)


def check_audio(fail: Callable[[str], None]) -> str:
    """The fact for the summary; each problem goes to ``fail``."""
    from PySide6.QtMultimedia import QMediaPlayer  # noqa: PLC0415

    from kiosk.audio.player import Player, find_output, quiet_ffmpeg  # noqa: PLC0415

    previous = None
    server_missing: list[str] = []

    def on_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message in NO_SERVER:
            server_missing.append(message)
        elif previous is not None:
            previous(kind, context, message)

    previous = qInstallMessageHandler(on_message)
    holder = QObject()
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-audio-check-") as folder:
            tone = write_tone(Path(folder) / "tone.wav", 0.3)

            # The decoder (Qt's FFmpeg plugin) loads, with or without a sound output.
            media = QMediaPlayer(holder)
            quiet_ffmpeg()  # loaded with the player; no file descriptions on stderr
            media.setSource(QUrl.fromLocalFile(str(tone)))
            settled = (
                QMediaPlayer.MediaStatus.LoadedMedia,
                QMediaPlayer.MediaStatus.InvalidMedia,
            )
            _wait([media.mediaStatusChanged], lambda: media.mediaStatus() in settled)
            if media.mediaStatus() != QMediaPlayer.MediaStatus.LoadedMedia:
                fail(f"audio: the decoder did not load a WAV tone ({media.errorString()})")
                return "audio failed"

            spoken = _speak_each_language(fail, Path(folder), holder)
            if spoken is None:
                return "audio failed"

            output = find_output("")
            if output is None:
                return f"audio: decoder and speech ({', '.join(VOICES)}) ok, no sound output"
            player = Player(parent=holder)
            for path in (tone, spoken):
                if not player.play(path):
                    fail("audio: the sound output went away during the check")
                    return "audio failed"
                failures: list[str] = []
                player.failed.connect(failures.append)
                if not _wait([player.ended, player.failed]) or failures:
                    fail(f"audio: {path.name} did not play to its end {failures or ''}")
                    return "audio failed"
            return (
                f"audio: played to '{player.device_description()}', speech ({', '.join(VOICES)}) ok"
            )
    finally:
        holder.deleteLater()
        qInstallMessageHandler(previous)


def _speak_each_language(fail: Callable[[str], None], folder: Path, parent: QObject) -> Path | None:
    """espeak-ng says a word in each language; the last utterance, or None."""
    engine = SpeechEngine(folder / "speech", parent)
    engine.cache_dir.mkdir()
    made: Path | None = None
    for language, word in CHECK_WORDS.items():
        answers: list[tuple[str, str]] = []
        engine.ready.connect(lambda _n, wav, answers=answers: answers.append(("ready", wav)))
        engine.failed.connect(lambda _n, why, answers=answers: answers.append(("failed", why)))
        engine.request(word, language)
        if not _wait([engine.ready, engine.failed]):
            fail(f"audio: espeak-ng did not answer for {language}")
            return None
        kind, said = answers[0]
        if kind == "failed":
            fail(f"audio: speech in {language}: {said}")
            return None
        if wav_rms(Path(said)) < QUIET:
            fail(f"audio: speech in {language} is silent")
            return None
        made = Path(said)
        engine.ready.disconnect()
        engine.failed.disconnect()
    return made
