"""The station's audio settings, read from the ``audio`` section of the station file.

No Qt: the station's reader calls ``read_audio_settings`` with the section's plain values.
A bad value falls back to its default and is reported, as the station's other harmless
settings do; audio is never a security setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

# Percent of full scale: loud enough in closed headphones, not a shock in open ones.
DEFAULT_VOLUME = 70
VOLUME_STEP = 10
KNOWN_KEYS = ("audio_output_device", "speech", "default_volume")


class AudioSettings(NamedTuple):
    # Part of the output's name (as `pactl list short sinks` or the desktop shows it), any
    # case; empty: the session's default output.
    output_device: str = ""
    # Synthetic speech (espeak-ng) for texts with no recording; off: those texts are skipped.
    speech: bool = True
    default_volume: int = DEFAULT_VOLUME


def read_audio_settings(section: Mapping[str, object]) -> tuple[AudioSettings, list[str]]:
    """The settings in ``section`` and one sentence for each value that was not usable."""
    problems: list[str] = []
    defaults = AudioSettings()
    for key in section:
        if key not in KNOWN_KEYS:
            problems.append(f"audio: unknown setting {key!r} (known: {', '.join(KNOWN_KEYS)})")

    device = section.get("audio_output_device", defaults.output_device)
    if not isinstance(device, str):
        problems.append("audio_output_device: expected text (part of the output's name)")
        device = defaults.output_device

    speech = section.get("speech", defaults.speech)
    if not isinstance(speech, bool):
        problems.append("speech: expected true or false; synthetic speech stays on")
        speech = defaults.speech

    volume = section.get("default_volume", defaults.default_volume)
    if isinstance(volume, bool) or not isinstance(volume, int) or not 0 <= volume <= 100:
        problems.append(f"default_volume: expected a whole number 0-100; using {DEFAULT_VOLUME}")
        volume = defaults.default_volume

    return AudioSettings(device.strip(), speech, volume), problems
