"""Soak: a seeded monkey touches every screen of the real kiosk and presses its keypad keys
(Listen / Pause, Louder, Softer, Help, next and previous part among them, so touches land
while audio plays) for 5,000 events, with a short idle timeout and new content every 250
events published to a content channel the kiosk follows (served on 127.0.0.1, polled every
second: installs, and 304s in between), and the kiosk must come back to its start screen
each time as it was: no exception, no Qt warning, as many widgets and QObjects as after the
warm-up, no espeak-ng child left, the narrator silent, memory within a guard of 20 MB.  The real
narrator plays: to the sound server when one answers (CI starts one), else it finds no sound
output; both must pass.  The monkey and its checks are bench/soak.py's, which runs the same
for as long as asked (``--events 100000``): the 5,000-event run is that script in a process
of its own, the planted defects that show the soak can fail run in this one.

A failure names the seed and the event; ``KIOSK_SOAK_SEED`` runs another seed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QObject, qWarning
from PySide6.QtGui import QPointingDevice

from kiosk.content.model import Exhibit
from kiosk.packs.keys import trusted_keys_dir
from kiosk.paths import default_content_dir
from script_modules import load_script

if TYPE_CHECKING:
    from conftest import KioskFactory
    from kiosk.ui.application import Kiosk


BENCH = Path(__file__).resolve().parents[1] / "bench"


def _load(name: str) -> ModuleType:
    return load_script(BENCH / f"{name}.py")


_load("soak_channel")  # soak.py imports it (bench/ is not on the path here)
soak = _load("soak")

# Minutes of monkey: `scripts/test.sh -m "not slow"` skips it; CI runs it.
pytestmark = pytest.mark.slow

EVENTS = 5_000
HANG_S = 20 * 60  # about 2.5 minutes in CI: only a hang takes this long
# A guard against leaks large enough to be bugs (a screen's drawing kept per visit, a
# picture per new content: tens to hundreds of MB here), not the +5 MB target: over 5,000
# events the memory held at rest swings by several MB from one reading to the next (the
# same code and seed: -0.3, +1.0, +1.8 MB here, +7.4 MB once in CI), so the +5 MB target
# is measured where a trend shows, in bench/soak.py's 100,000-event run (bench/RESULTS.md).
# Leaked widgets and QObjects are caught exactly, at every return to the start screen.
MEMORY_GUARD_MB = 20
SEED = int(os.environ.get("KIOSK_SOAK_SEED", "20260120"))


def run_soak(
    make_kiosk: KioskFactory,
    exhibit: Exhibit,
    device: QPointingDevice,
    tmp_path: Path,
    events: int,
    *,
    seed: int = SEED,
    plant: Callable[[Kiosk, Any], None] | None = None,
    memory_limit_mb: float = MEMORY_GUARD_MB,
) -> Any:
    """The soak in this process, on a kiosk built as every test builds it: 1920x1080, motion
    as the content says (fades and the moving light included)."""
    kiosk = make_kiosk(exhibit)
    folders = [default_content_dir(), soak.edited_exhibit(tmp_path, default_content_dir())]
    run = soak.Soak(
        kiosk,
        device,
        folders,
        seed=seed,
        reload_every=250,
        channel=tmp_path / "channel",
        memory_limit=int(memory_limit_mb * 1024 * 1024),
    )
    if plant is not None:
        plant(kiosk, run)
    try:
        return run.run(events)
    finally:
        run.close()
        kiosk.close()


def test_a_monkey_on_every_screen_leaves_no_trace(tmp_path: Path) -> None:
    """In a process of its own, as ``kiosk run`` is: the memory a process holds is only the
    kiosk's there.  In this one it also holds what 1,600 earlier tests left and the malloc
    arenas their threads made before the soak could limit them (kiosk.ops.malloc_arenas):
    CI read +6.5 MB (limit 5) in a 1.8 GB test process; the same seed in its own process
    read -0.3 MB (96 MB held)."""
    summary_file = tmp_path / "summary.json"
    command = [
        sys.executable,
        str(BENCH / "soak.py"),
        f"--events={EVENTS}",
        f"--seed={SEED}",
        "--reload-every=250",
        "--progress-every=0",
        f"--summary={summary_file}",
        f"--memory-limit={MEMORY_GUARD_MB}",
    ]
    # The environment as the tests have it (a sound server where CI started one); soak.py
    # gives itself a private station file and data folder.
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=HANG_S, check=False, cwd=tmp_path
    )
    output = done.stdout + done.stderr
    print(output)
    assert done.returncode == 0, output
    summary = json.loads(summary_file.read_text(encoding="utf-8"))
    assert summary["seed"] == SEED and summary["events"] == EVENTS
    assert summary["unvisited"] == []
    assert summary["problems"] == 0
    # Back at the start often, each time checked, with new content many times over.
    assert summary["returns"] >= 25 and summary["checks"] >= summary["returns"]
    assert summary["reloads_applied"] >= 10
    assert summary["widget_range"] == [0, 0] and summary["object_range"] == [0, 0]
    assert summary["sounds"] >= soak.WARMUP_SOUNDS  # the keys did ask for sound
    # New content came through the channel: polled every second, nothing new (304) most
    # times, a new sequence installed and shown after most of the publications.
    assert summary["published"] >= 15
    assert summary["polls"] >= 30 and summary["served"].get("304", 0) >= 10
    assert summary["installs"] >= 10 and summary["channel_rounds"].get("refused", 0) == 0
    assert summary["growth"] is not None and summary["growth"] <= MEMORY_GUARD_MB * 1024 * 1024
    kinds = summary["actions"]
    assert all(kinds.get(kind, 0) > 0 for kind in soak.ACTIONS), kinds


# -- the soak can fail: planted defects ----------------------------------------------------


def test_a_leak_fails_the_soak_with_its_seed_and_event(
    make_kiosk: KioskFactory, exhibit: Exhibit, touch_device: QPointingDevice, tmp_path: Path
) -> None:
    def plant(kiosk: Kiosk, run: Any) -> None:
        def leak(name: str) -> None:
            if run.warm and name == "home":  # a slow leak, showing after the warm-up
                QObject(kiosk.window)  # one more child of the window every visit

        kiosk.session.screen_changed.connect(leak)

    with pytest.raises(soak.SoakError) as failure:
        run_soak(make_kiosk, exhibit, touch_device, tmp_path, 2_000, seed=7, plant=plant)
    message = str(failure.value)
    assert message.startswith("seed 7, soak event ")
    assert "back on the start screen" in message and "more: {'QObject': " in message
    assert "bench/soak.py --seed 7 --events" in message


def test_memory_kept_on_every_visit_fails_the_soak(
    make_kiosk: KioskFactory, exhibit: Exhibit, touch_device: QPointingDevice, tmp_path: Path
) -> None:
    kept: list[bytearray] = []

    def plant(kiosk: Kiosk, run: Any) -> None:
        def hoard(name: str) -> None:
            if run.warm and name == "home":  # 256 KB kept on every visit after the warm-up
                kept.append(bytearray(b"x" * 256 * 1024))

        kiosk.session.screen_changed.connect(hoard)

    with pytest.raises(soak.SoakError) as failure:
        run_soak(make_kiosk, exhibit, touch_device, tmp_path, 2_000, seed=11, plant=plant)
    message = str(failure.value)
    assert message.startswith("seed 11, end of soak event 2000: memory grew by ")
    assert f"(limit {MEMORY_GUARD_MB} MB)" in message
    assert len(kept) * 256 * 1024 > MEMORY_GUARD_MB * 1024 * 1024  # the plant did keep it


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_fails_the_soak_at_once(
    make_kiosk: KioskFactory, exhibit: Exhibit, touch_device: QPointingDevice, tmp_path: Path
) -> None:
    def plant(kiosk: Kiosk, run: Any) -> None:
        def broken(name: str) -> None:
            if name == "figures":
                raise RuntimeError("planted: the figures screen broke")

        kiosk.session.screen_changed.connect(broken)

    with pytest.raises(soak.SoakError) as failure:
        run_soak(make_kiosk, exhibit, touch_device, tmp_path, 2_000, seed=8, plant=plant)
    message = str(failure.value)
    assert message.startswith("seed 8, ")
    assert "RuntimeError: planted: the figures screen broke" in message
    assert "in broken" in message  # with its traceback


def test_a_channel_round_refused_fails_the_soak_at_once(
    make_kiosk: KioskFactory, exhibit: Exhibit, touch_device: QPointingDevice, tmp_path: Path
) -> None:
    def plant(kiosk: Kiosk, run: Any) -> None:
        shutil.rmtree(trusted_keys_dir())  # the station no longer trusts the publisher

    with pytest.raises(soak.SoakError) as failure:
        run_soak(make_kiosk, exhibit, touch_device, tmp_path, 2_000, seed=10, plant=plant)
    message = str(failure.value)
    assert message.startswith("seed 10, warm-up event ")
    assert "channel round refused: " in message and "no trusted keys" in message


@pytest.mark.qt_log_ignore("planted:")
def test_a_qt_warning_fails_the_soak_at_once(
    make_kiosk: KioskFactory, exhibit: Exhibit, touch_device: QPointingDevice, tmp_path: Path
) -> None:
    def plant(kiosk: Kiosk, run: Any) -> None:
        kiosk.window.access_panel.chosen.connect(lambda _access: qWarning("planted: a warning"))

    with pytest.raises(soak.SoakError) as failure:
        run_soak(make_kiosk, exhibit, touch_device, tmp_path, 2_000, seed=9, plant=plant)
    assert "Qt warning: QtWarningMsg: planted: a warning" in str(failure.value)
