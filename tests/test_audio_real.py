"""Real sound: the narrator and the player through a sound server's null sink, recorded from
its monitor with parec, the level measured.  Heard while playing; silent after pause and
after stop; each accepted format played to its end; the self-test's audio check.

Needs a PulseAudio or PipeWire (pipewire-pulse) server and pulseaudio-utils: .ci/run starts
one (scripts/sound-server.sh), and these tests fail in CI without it.  Elsewhere they skip
with the reason.  Each test loads a null sink of its own and unloads it afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kiosk.audio.narrator import NarrationItem, Narrator, NarratorState
from kiosk.audio.samples import pcm_rms, write_tone
from kiosk.audio.settings import AudioSettings
from kiosk.audio.speech import espeak_program

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

TIMEOUT = 30_000  # ms; a hang guard only
RATE = 16_000  # recorded: mono, 16-bit
SECOND = RATE * 2  # bytes
LOUD = 0.02  # of full scale; the tone at the default volume records at about 0.1
SILENT = 0.001  # a null sink's monitor records exact zeros when nothing plays
# Sound already on its way through the server when pause or stop returns (parec's and the
# sink's latency, 20 ms each here) is not held against them.
IN_FLIGHT = int(0.15 * SECOND)
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "audio"


def unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: .ci/run provides it")
    pytest.skip(reason)


def pactl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=30, check=False)


@pytest.fixture
def sink(qapp: object, qtbot: QtBot) -> Iterator[str]:
    """A null sink of this test's own on the running sound server; its name."""
    if shutil.which("pactl") is None or shutil.which("parec") is None:
        unavailable("pactl and parec are not installed (apt-get install pulseaudio-utils)")
    if pactl("info").returncode != 0:
        unavailable("no sound server (start one: scripts/sound-server.sh start DIR)")
    name = f"kiosk_test_{os.getpid()}"
    loaded = pactl(
        "load-module",
        "module-null-sink",
        f"sink_name={name}",
        f"sink_properties=device.description=KioskTest{os.getpid()}",
    )
    assert loaded.returncode == 0, loaded.stderr
    try:
        from kiosk.audio.player import find_output  # noqa: PLC0415

        # Qt hears of the new sink from the server's events.
        qtbot.waitUntil(lambda: find_output(name) is not None, timeout=TIMEOUT)
        yield name
    finally:
        pactl("unload-module", loaded.stdout.strip())


class Recorder:
    """parec on the sink's monitor, into a file read by byte offsets."""

    def __init__(self, sink: str, path: Path, qtbot: QtBot) -> None:
        self.path = path
        self.qtbot = qtbot
        with path.open("wb") as out:
            self.process = subprocess.Popen(
                [
                    "parec",
                    f"--device={sink}.monitor",
                    "--raw",
                    "--format=s16le",
                    f"--rate={RATE}",
                    "--channels=1",
                    "--latency-msec=20",
                ],
                stdout=out,
            )
        qtbot.waitUntil(lambda: self.size() > 0, timeout=TIMEOUT)

    def size(self) -> int:
        return self.path.stat().st_size // 2 * 2

    def level(self, start: int, end: int) -> float:
        with self.path.open("rb") as source:
            source.seek(start)
            return pcm_rms(source.read(end - start))

    def next_level(self, seconds: float, skip: int = 0) -> float:
        """The level of the next ``seconds`` recorded (after ``skip`` bytes)."""
        start = self.size() + skip
        end = start + int(seconds * SECOND) // 2 * 2
        self.qtbot.waitUntil(lambda: self.size() >= end, timeout=TIMEOUT)
        return self.level(start, end)

    def heard(self) -> bool:
        """The newest 50 ms recorded has sound in it."""
        end = self.size()
        return self.level(max(0, end - SECOND // 20), end) > LOUD

    def wait_for_sound(self) -> None:
        self.qtbot.waitUntil(self.heard, timeout=TIMEOUT)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def recorder(sink: str, tmp_path: Path, qtbot: QtBot) -> Iterator[Recorder]:
    recording = Recorder(sink, tmp_path / "monitor.raw", qtbot)
    yield recording
    recording.close()


@pytest.fixture
def speech_available() -> None:
    if espeak_program() is None:
        unavailable("espeak-ng is not installed (apt-get install espeak-ng)")


def test_listening_is_heard_and_pause_and_stop_silence_it(
    sink: str, recorder: Recorder, qtbot: QtBot, tmp_path: Path, speech_available: None
) -> None:
    assert recorder.next_level(0.3) < SILENT  # nothing sounds unless asked
    narrator = Narrator(AudioSettings(output_device=sink))
    long_tone = write_tone(tmp_path / "moment.wav", 20.0)
    items = [
        NarrationItem("A recorded moment.", "en", long_tone),
        NarrationItem("Xoş gəlmisiniz, bu sərgi xatirəyə həsr olunub.", "az"),
    ]
    narrator.play(items)
    recorder.wait_for_sound()
    assert recorder.next_level(0.5) > LOUD

    narrator.pause()
    assert narrator.state is NarratorState.PAUSED
    assert recorder.next_level(0.5, skip=IN_FLIGHT) < SILENT

    narrator.resume()
    recorder.wait_for_sound()
    assert recorder.next_level(0.3) > LOUD

    with qtbot.waitSignal(narrator.current_item_changed, timeout=TIMEOUT) as changed:
        narrator.next()  # to the text with no recording: espeak-ng speaks it
    assert changed.args == [1]
    recorder.wait_for_sound()

    narrator.stop()
    assert narrator.state.value == NarratorState.IDLE.value  # (mypy narrowed .state above)
    assert recorder.next_level(0.5, skip=IN_FLIGHT) < SILENT


def test_a_queue_of_recordings_plays_through_to_finished(
    sink: str, recorder: Recorder, qtbot: QtBot
) -> None:
    narrator = Narrator(AudioSettings(output_device=sink))
    items = [
        NarrationItem("Opus", "en", FIXTURES / "tone.opus"),
        NarrationItem("FLAC", "en", FIXTURES / "tone.flac"),
        NarrationItem("Vorbis", "en", FIXTURES / "tone.ogg"),
    ]
    read: list[int] = []
    narrator.current_item_changed.connect(read.append)
    start = recorder.size()
    with qtbot.waitSignal(narrator.finished, timeout=TIMEOUT):
        narrator.play(items)
    assert read == [0, 1, 2]
    assert recorder.level(start, recorder.size()) > LOUD / 4
    assert narrator.state is NarratorState.IDLE


def test_reset_silences_and_the_station_volume_returns(
    sink: str, recorder: Recorder, tmp_path: Path
) -> None:
    narrator = Narrator(AudioSettings(output_device=sink, default_volume=50))
    narrator.play([NarrationItem("A moment.", "en", write_tone(tmp_path / "t.wav", 20.0))])
    recorder.wait_for_sound()
    at_default = recorder.next_level(0.5)
    for _ in range(5):
        narrator.louder()
    louder = recorder.next_level(0.5, skip=IN_FLIGHT)
    assert louder > at_default * 1.5  # a visitor hears the step
    narrator.reset()
    assert narrator.volume == 50
    assert recorder.next_level(0.5, skip=IN_FLIGHT) < SILENT
    narrator.play([NarrationItem("Again.", "en", write_tone(tmp_path / "t2.wav", 20.0))])
    recorder.wait_for_sound()
    again = recorder.next_level(0.5)
    assert again == pytest.approx(at_default, rel=0.2)  # the next visitor's volume
    narrator.stop()


@pytest.mark.parametrize("name", ["tone.ogg", "tone.opus", "tone.flac", "tone.wav"])
def test_each_accepted_format_plays_to_its_end(
    sink: str, recorder: Recorder, qtbot: QtBot, name: str
) -> None:
    from kiosk.audio.player import Player  # noqa: PLC0415

    player = Player(sink)
    failures: list[str] = []
    player.failed.connect(failures.append)
    start = recorder.size()
    with qtbot.waitSignal(player.ended, timeout=TIMEOUT):
        assert player.play(FIXTURES / name)
    end = start + SECOND // 2  # the 0.4 s tone lies within half a second of its start
    qtbot.waitUntil(lambda: recorder.size() >= end, timeout=TIMEOUT)
    assert recorder.level(start, end) > LOUD / 4
    assert failures == []


# FFmpeg's own words reach Qt's log as a warning; the kiosk logs them, the test expects them.
@pytest.mark.qt_log_ignore("Could not open media")
def test_a_file_that_is_not_audio_fails_with_its_name(sink: str, qtbot: QtBot) -> None:
    from kiosk.audio.player import Player  # noqa: PLC0415

    player = Player(sink)
    with qtbot.waitSignal(player.failed, timeout=TIMEOUT) as failed:
        assert player.play(FIXTURES / "not-audio.ogg")
    assert failed.args[0].startswith("not-audio.ogg: ")


def test_an_output_that_is_not_there_plays_nothing(sink: str) -> None:
    from kiosk.audio.player import Player  # noqa: PLC0415

    assert not Player("no such headphones").play(FIXTURES / "tone.wav")


def test_self_check_plays_to_the_default_output(sink: str, speech_available: None) -> None:
    from kiosk.audio.selfcheck import check_audio  # noqa: PLC0415

    problems: list[str] = []
    fact = check_audio(problems.append)
    assert problems == []
    assert fact.startswith("audio: played to '")
    assert fact.endswith("', speech (az, en, ru) ok")


def test_self_check_without_a_sound_server_is_no_failure(speech_available: None) -> None:
    """A build machine or a package's install check has no sound server: reported, not
    failed (Qt's two complaints about it are expected there)."""
    code = (
        "from PySide6.QtCore import QCoreApplication, qInstallMessageHandler\n"
        "seen = []\n"
        "qInstallMessageHandler(lambda kind, context, message: seen.append(message))\n"
        "app = QCoreApplication([])\n"
        "from kiosk.audio.selfcheck import check_audio\n"
        "problems = []\n"
        "print(check_audio(problems.append))\n"
        "print(problems)\n"
        "print([m for m in seen if not m.startswith('Using Qt multimedia with FFmpeg')])\n"
    )
    env = {**os.environ, "PULSE_SERVER": "unix:/nonexistent/native"}
    env.pop("XDG_RUNTIME_DIR", None)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "audio: decoder and speech (az, en, ru) ok, no sound output",
        "[]",
        "[]",
    ]
