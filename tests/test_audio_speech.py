"""espeak-ng through ``SpeechEngine``: a real utterance per language, as a WAV with sound in
it; the same text gives the same file; failures and cancelled requests; and the station's
audio settings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kiosk.audio.samples import pcm_rms, wav_rms, write_tone
from kiosk.audio.settings import DEFAULT_VOLUME, AudioSettings, read_audio_settings
from kiosk.audio.speech import SpeechEngine, espeak_program

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

TIMEOUT = 30_000  # ms; a hang guard only
QUIET = 0.01


@pytest.fixture
def engine(qapp: object, tmp_path: Path) -> SpeechEngine:
    if espeak_program() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("espeak-ng is missing: .ci/run installs it")
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")
    return SpeechEngine(tmp_path)


@pytest.mark.parametrize(
    ("language", "text"),
    [("az", "Xoş gəlmisiniz, ölkəmizin tarixi"), ("en", "Welcome"), ("ru", "Добро пожаловать")],
)
def test_each_language_is_spoken_into_a_wav_with_sound(
    engine: SpeechEngine, qtbot: QtBot, language: str, text: str
) -> None:
    with qtbot.waitSignal(engine.ready, timeout=TIMEOUT) as ready:
        engine.request(text, language)
    wav = Path(ready.args[1])
    assert wav.parent == engine.cache_dir
    assert wav_rms(wav) > QUIET


def test_the_same_text_gives_the_same_file_from_the_cache(
    engine: SpeechEngine, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(engine.ready, timeout=TIMEOUT) as first:
        engine.request("-- not an option", "en")  # read from stdin: never an option
    made = Path(first.args[1])
    stamp = made.stat().st_mtime_ns
    with qtbot.waitSignal(engine.ready, timeout=TIMEOUT) as second:
        number = engine.request("-- not an option", "en")
    assert second.args == [number, str(made)]
    assert made.stat().st_mtime_ns == stamp  # not made again
    assert wav_rms(made) > QUIET


def test_an_unknown_voice_fails_with_espeaks_words(engine: SpeechEngine, qtbot: QtBot) -> None:
    with qtbot.waitSignal(engine.failed, timeout=TIMEOUT) as failed:
        number = engine.request("hello", "xx")
    assert failed.args[0] == number
    assert "voice does not exist" in failed.args[1]
    assert list(engine.cache_dir.iterdir()) == []  # no half file left


def test_a_cancelled_request_sends_nothing(engine: SpeechEngine, qtbot: QtBot) -> None:
    answers: list[tuple[object, ...]] = []
    engine.ready.connect(lambda *args: answers.append(args))
    engine.failed.connect(lambda *args: answers.append(args))
    engine.request("A long paragraph that is cancelled before it is spoken. " * 20, "en")
    engine.cancel()
    # A later request is answered, and only it: the cancelled one never is.
    with qtbot.waitSignal(engine.ready, timeout=TIMEOUT) as ready:
        later = engine.request("Next", "en")
    assert [args[0] for args in answers] == [later]
    assert ready.args[0] == later


def test_tone_and_levels(tmp_path: Path) -> None:
    tone = write_tone(tmp_path / "tone.wav", 0.2)
    assert 0.34 < wav_rms(tone) < 0.36  # a sine at half of full scale: 0.5 / sqrt(2)
    assert pcm_rms(bytes(4000)) == 0.0
    assert pcm_rms(b"") == 0.0


def test_station_audio_settings_and_their_fallbacks() -> None:
    assert read_audio_settings({}) == (AudioSettings("", True, DEFAULT_VOLUME), [])
    settings, problems = read_audio_settings(
        {"audio_output_device": " Headphones ", "speech": False, "default_volume": 40}
    )
    assert settings == AudioSettings("Headphones", False, 40)
    assert problems == []
    settings, problems = read_audio_settings(
        {"audio_output_device": 3, "speech": "no", "default_volume": 140, "volume": 1}
    )
    assert settings == AudioSettings()
    assert problems == [
        "audio: unknown setting 'volume' (known: audio_output_device, speech, default_volume)",
        "audio_output_device: expected text (part of the output's name)",
        "speech: expected true or false; synthetic speech stays on",
        f"default_volume: expected a whole number 0-100; using {DEFAULT_VOLUME}",
    ]
    assert read_audio_settings({"default_volume": True})[0].default_volume == DEFAULT_VOLUME
