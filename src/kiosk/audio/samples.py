"""Sound as numbers, no Qt and no numpy: a test tone to play, and the level of what was
heard.  The self-test and the real-audio tests use both."""

from __future__ import annotations

import math
import sys
import wave
from array import array
from pathlib import Path

FULL_SCALE = 32768


def write_tone(path: Path, seconds: float, hertz: float = 440.0, rate: int = 22050) -> Path:
    """A mono 16-bit sine at half of full scale."""
    count = int(seconds * rate)
    samples = array(
        "h", (int(FULL_SCALE / 2 * math.sin(2 * math.pi * hertz * n / rate)) for n in range(count))
    )
    if sys.byteorder == "big":
        samples.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


def pcm_rms(data: bytes) -> float:
    """The root mean square of signed 16-bit little-endian samples, 0.0 (silence) to 1.0."""
    samples = array("h")
    samples.frombytes(data[: len(data) - len(data) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    if not samples:
        return 0.0
    return math.sqrt(sum(value * value for value in samples) / len(samples)) / FULL_SCALE


def wav_rms(path: Path) -> float:
    """The level of a 16-bit WAV file (espeak-ng's output, a recording)."""
    with wave.open(str(path), "rb") as source:
        if source.getsampwidth() != 2:  # 16-bit only
            raise ValueError(f"{path.name}: not 16-bit PCM")
        return pcm_rms(source.readframes(source.getnframes()))
