"""The station's audio settings: the output device, speech on or off and the volume each
visit starts at; mistakes named at file:line:col with the default kept; the runner hands
them to the narrator as the audio engine takes them.  Qt-free but for that hand-over."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.audio.settings import DEFAULT_VOLUME, AudioSettings
from kiosk.station import load_station_config
from kiosk.station_config import StationConfig


def audio_settings(config: StationConfig) -> AudioSettings:
    """The runner's hand-over (Qt: skipped where the staff's tools run without it)."""
    pytest.importorskip("PySide6")
    from kiosk.ui.runner import audio_settings as hand_over  # noqa: PLC0415

    return hand_over(config)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_without_audio_settings_the_defaults_are_the_audio_engines(tmp_path: Path) -> None:
    config, issues = load_station_config(tmp_path / "missing.yaml", environ={})
    assert issues == []
    assert audio_settings(config) == AudioSettings()
    assert config.default_volume == DEFAULT_VOLUME


def test_the_audio_settings_are_read_and_reach_the_narrator(tmp_path: Path) -> None:
    path = write(
        tmp_path / "station.yaml",
        'audio_output_device: "analog-stereo"\nspeech: false\ndefault_volume: 55\n',
    )
    config, issues = load_station_config(path, environ={})
    assert issues == []
    assert (config.audio_output_device, config.speech, config.default_volume) == (
        "analog-stereo",
        False,
        55,
    )
    assert audio_settings(config) == AudioSettings("analog-stereo", False, 55)
    assert config.trust_problems == ()  # audio keys are known: trust stays certain


def test_audio_mistakes_are_named_where_they_are_and_the_default_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path / "station.yaml",
        "analytics: false\nspeech: maybe\ndefault_volume: 150\n",
    )
    config, issues = load_station_config(path, environ={})
    assert (config.speech, config.default_volume) == (True, 70)
    assert config.analytics is False  # the good sections still apply
    where = [f"{issue.location.line}:{issue.location.column}" for issue in issues]
    assert where == ["2:9", "3:17"]
    assert all(str(issue).startswith(str(path)) for issue in issues)
    assert config.trust_problems == ()


def test_the_environment_chooses_the_output(tmp_path: Path) -> None:
    path = write(tmp_path / "station.yaml", "audio_output_device: speakers\n")
    config, _issues = load_station_config(path, environ={"KIOSK_AUDIO_OUTPUT": "usb"})
    assert config.audio_output_device == "usb"
    assert StationConfig().audio_output_device == ""
