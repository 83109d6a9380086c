"""The PIN lockout outlives the kiosk: a restart, even kill -9, gives no fresh guesses; a
removed record is noticed; clock steps neither unlock nor lock for good; staff entry and
failures are logged, never the digits."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import Finger
from kiosk.core.reloader import ContentReloader
from kiosk.paths import data_dir
from kiosk.security import (
    FIRST_LOCK_S,
    PIN_RECORD,
    PinGate,
    PinRecord,
    hash_pin,
)
from kiosk.station_config import StaffSettings, StationConfig
from kiosk.ui.application import Kiosk
from kiosk.ui.staff.mode import StaffMode
from test_staff_mode import enter_pin, settle, tap_in_panel

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit

REPO = Path(__file__).resolve().parents[1]
PIN = "2468"
HASH = hash_pin(PIN)


class Clocks:
    """A monotonic clock and a wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.mono = 1000.0
        self.wall = 1_800_000_000.0

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += seconds

    def gate(self, record: PinRecord) -> PinGate:
        """A kiosk starting: a new process, its monotonic clock starts anew."""
        self.mono = 5.0
        return PinGate(HASH, clock=lambda: self.mono, record=record, wall_clock=lambda: self.wall)


def fail(gate: PinGate, times: int) -> None:
    for _ in range(times):
        assert not gate.attempt("0000")


def test_a_restart_keeps_the_lockout(tmp_path: Path) -> None:
    clocks, record = Clocks(), PinRecord(tmp_path / PIN_RECORD)
    fail(clocks.gate(record), 5)
    restarted = clocks.gate(PinRecord(tmp_path / PIN_RECORD))
    assert restarted.seconds_locked() == pytest.approx(FIRST_LOCK_S)
    assert not restarted.attempt(PIN)  # the right PIN waits too
    clocks.advance(FIRST_LOCK_S)
    assert not restarted.attempt("0000")  # the sixth in a row: locked twice as long
    again = clocks.gate(PinRecord(tmp_path / PIN_RECORD))
    assert again.seconds_locked() == pytest.approx(2 * FIRST_LOCK_S)
    clocks.advance(2 * FIRST_LOCK_S)
    assert again.attempt(PIN)
    assert clocks.gate(PinRecord(tmp_path / PIN_RECORD)).failures == 0


def test_failures_below_the_limit_are_kept_too(tmp_path: Path) -> None:
    clocks = Clocks()
    fail(clocks.gate(PinRecord(tmp_path / PIN_RECORD)), 4)
    restarted = clocks.gate(PinRecord(tmp_path / PIN_RECORD))
    assert restarted.seconds_locked() == 0
    fail(restarted, 1)  # the fifth, across the restart
    assert restarted.seconds_locked() == pytest.approx(FIRST_LOCK_S)


def test_kill_9_after_five_wrong_pins_keeps_the_lockout(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os, signal, time
        from pathlib import Path
        from kiosk.security import PinGate, PinRecord
        record = PinRecord(Path({str(tmp_path / PIN_RECORD)!r}))
        gate = PinGate({HASH!r}, clock=time.monotonic, record=record)
        for _ in range(5):
            gate.attempt("0000")
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], check=False, capture_output=True, timeout=120
    )
    assert done.returncode == -9, done.stderr
    gate = PinGate(HASH, clock=lambda: 0.0, record=PinRecord(tmp_path / PIN_RECORD))
    assert 0 < gate.seconds_locked() <= FIRST_LOCK_S
    assert not gate.attempt(PIN)


def test_a_removed_record_is_logged_and_locks(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.staff")
    clocks, path = Clocks(), tmp_path / PIN_RECORD
    fail(clocks.gate(PinRecord(path)), 2)
    path.unlink()
    restarted = clocks.gate(PinRecord(path))
    assert "missing after failed PINs" in caplog.text
    assert restarted.seconds_locked() == pytest.approx(FIRST_LOCK_S)  # fail closed


def test_a_broken_record_is_logged_and_locks(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.staff")
    path = tmp_path / PIN_RECORD
    for broken in ("{not json", '{"failures": 0, "locked_until": NaN, "written": 1}'):
        path.write_text(broken, encoding="utf-8")
        restarted = Clocks().gate(PinRecord(path))
        assert "unreadable" in caplog.text
        assert restarted.seconds_locked() == pytest.approx(FIRST_LOCK_S)


def test_no_record_and_no_marker_is_a_fresh_station(tmp_path: Path) -> None:
    gate = Clocks().gate(PinRecord(tmp_path / PIN_RECORD))
    assert gate.failures == 0 and gate.seconds_locked() == 0
    assert gate.attempt(PIN)


def test_the_clock_going_back_serves_the_whole_lock_not_more(tmp_path: Path) -> None:
    clocks = Clocks()
    fail(clocks.gate(PinRecord(tmp_path / PIN_RECORD)), 5)
    clocks.advance(10)
    clocks.wall -= 3600  # NTP steps the clock back an hour, then the kiosk restarts
    restarted = clocks.gate(PinRecord(tmp_path / PIN_RECORD))
    assert restarted.seconds_locked() == pytest.approx(FIRST_LOCK_S)
    clocks.wall -= 10 * 365 * 86400  # a dead RTC: years back
    assert clocks.gate(PinRecord(tmp_path / PIN_RECORD)).seconds_locked() <= FIRST_LOCK_S


def test_the_wall_clock_jumping_during_a_run_changes_nothing(tmp_path: Path) -> None:
    clocks = Clocks()
    gate = clocks.gate(PinRecord(tmp_path / PIN_RECORD))
    fail(gate, 5)
    clocks.wall += 86400  # within a run, the monotonic clock alone counts
    assert gate.seconds_locked() == pytest.approx(FIRST_LOCK_S)


def test_an_unwritable_data_folder_still_locks_in_memory(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.staff")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    gate = Clocks().gate(PinRecord(blocker / "data" / PIN_RECORD))
    fail(gate, 5)
    assert gate.seconds_locked() == pytest.approx(FIRST_LOCK_S)
    assert caplog.text.count("cannot keep failed PINs") == 1


# -- the kiosk itself ----------------------------------------------------------------------------


@pytest.fixture
def station() -> StationConfig:
    return StationConfig(staff=StaffSettings(pin_hash=HASH, hold_seconds=0.3))


def start_staff_mode(
    make_kiosk: KioskFactory, exhibit: Exhibit, station: StationConfig
) -> tuple[Kiosk, StaffMode]:
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    reloader = ContentReloader(REPO / "content", kiosk.window)
    return kiosk, StaffMode(
        kiosk.window, kiosk.controller, station, [], reloader, follow_store=True
    )


def test_a_restarted_kiosk_is_still_locked(
    make_kiosk: KioskFactory,
    exhibit: Exhibit,
    station: StationConfig,
    finger: Finger,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.staff")
    kiosk, mode = start_staff_mode(make_kiosk, exhibit, station)
    mode.ask_for_pin()
    for _ in range(5):
        enter_pin(finger, mode, "0000")
    assert mode.pin_pad.message.text().startswith("Too many wrong PINs")
    kiosk.close()  # the kiosk stops
    assert (data_dir() / PIN_RECORD).exists()
    _, mode = start_staff_mode(make_kiosk, exhibit, station)  # the kiosk started again
    mode.ask_for_pin()
    assert mode.pin_pad.message.text().startswith("Too many wrong PINs")
    enter_pin(finger, mode, PIN)
    assert not mode.is_open
    assert "0000" not in caplog.text and PIN not in caplog.text


def test_staff_entry_and_actions_are_logged_without_digits(
    qtbot: QtBot,
    make_kiosk: KioskFactory,
    exhibit: Exhibit,
    station: StationConfig,
    finger: Finger,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.staff")
    _, mode = start_staff_mode(make_kiosk, exhibit, station)
    mode.ask_for_pin()
    enter_pin(finger, mode, "1357")
    enter_pin(finger, mode, PIN)
    assert mode.is_open
    settle(qtbot, mode)  # the panel's readings are in: its buttons stay where they are
    tap_in_panel(finger, mode, mode.panel.station_buttons["test-pattern"])
    assert mode.test_pattern.isVisible()
    finger.tap(mode.test_pattern.close_button)
    for _ in range(2):  # put up, then taken down
        tap_in_panel(finger, mode, mode.panel.station_buttons["out-of-order"])
    # The check runs to its end: the window does not close under it.
    with qtbot.waitSignal(mode.reloader.reported, timeout=60_000):
        tap_in_panel(finger, mode, mode.panel.check_button)
    tap_in_panel(finger, mode, mode.panel.lock_button)
    assert not mode.is_open
    text = caplog.text
    for expected in (
        "wrong PIN (1 in a row)",
        "entry with the right PIN",
        "staff: panel opened",
        "staff: test pattern shown",
        "staff: out of order notice put up",
        "staff: out of order notice taken down",
        "staff: content check asked for",
        "staff: panel locked",
    ):
        assert expected in text, expected
    assert "1357" not in text and PIN not in text


def test_an_unusable_data_folder_is_no_lockout(tmp_path: Path) -> None:
    """KIOSK_DATA_DIR=/dev/null/x: nothing can have been stored there; staff can enter."""
    gate = Clocks().gate(PinRecord(Path("/dev/null/x") / PIN_RECORD))
    assert gate.seconds_locked() == 0 and gate.attempt(PIN)
