"""Clock jumps: NTP stepping the clock back an hour or forward, and a time-zone change.

Opening hours follow the wall clock of the moment (in the zone set now); the visitor's
idle time and a visit's length follow the monotonic clock and ignore the steps; hourly
analytics land in the hour the clock says, in UTC, so a zone change moves nothing and no
count is lost.
"""

from __future__ import annotations

import datetime
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.analytics.recorder import VisitRecorder
from kiosk.core.idle import IdleWatcher
from kiosk.core.session import Screen, VisitSession
from kiosk.ui.display_sleep import DisplaySleep

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit

UTC = datetime.UTC
OPEN_10 = datetime.datetime(2026, 11, 24, 10, 0)  # a Tuesday, 10:00 local time
HOURS = {"daily": "09:00-18:00"}


class WallClock:
    """A wall clock the test steps like NTP; ``monotonic`` moves only forward."""

    def __init__(self, start: datetime.datetime) -> None:
        self.now = start
        self.seconds = 100.0

    def __call__(self) -> datetime.datetime:
        return self.now

    def monotonic(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.now += datetime.timedelta(seconds=seconds)
        self.seconds += seconds

    def step(self, hours: float) -> None:
        self.now += datetime.timedelta(hours=hours)


@pytest.fixture
def zone() -> Iterator[None]:
    """Leaves the process's time zone as it found it."""
    before = os.environ.get("TZ")
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_opening_hours_follow_the_clock_back_and_forward(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit
) -> None:
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    clock = WallClock(OPEN_10)
    sleep = DisplaySleep(kiosk.window, HOURS, clock=clock, controller=kiosk.controller)
    assert not sleep.asleep
    clock.step(-1.5)  # NTP: it was really 08:30, before opening
    sleep.check()
    assert sleep.asleep
    clock.step(+1)  # 09:30
    sleep.check()
    assert not sleep.asleep
    clock.step(+9)  # a clock set far ahead: 18:30, closed
    sleep.check()
    assert sleep.asleep
    clock.step(-9)  # and corrected
    sleep.check()
    assert not sleep.asleep


def test_a_time_zone_change_is_followed_without_a_restart(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit, zone: None
) -> None:
    """``timedatectl set-timezone`` while the kiosk runs: the hours are the new zone's.  A
    running process keeps the zone it started with unless it reads it again."""
    os.environ["TZ"] = "UTC"
    time.tzset()
    hour = datetime.datetime.now(UTC).hour
    # Open for three hours either side of now in UTC; twelve hours on, it is closed.
    hours = {"daily": f"{(hour - 3) % 24:02d}:00-{(hour + 3) % 24:02d}:00"}
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    sleep = DisplaySleep(kiosk.window, hours, controller=kiosk.controller)  # the real clock
    assert not sleep.asleep
    os.environ["TZ"] = "Etc/GMT-12"  # UTC+12: the system's zone changed, not ours
    sleep.check()
    assert sleep.asleep
    os.environ["TZ"] = "UTC"
    sleep.check()
    assert not sleep.asleep


def test_idle_time_ignores_the_wall_clock(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The countdown runs on Qt's monotonic timers: the wall clock stepping an hour back
    (or on) neither stretches nor cuts the visitor's time."""
    watcher = IdleWatcher(timeout_s=0.05, warning_s=3)
    shown: list[int] = []
    watcher.warning_started.connect(shown.append)
    watcher.start()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    real, before = time.time(), watcher.seconds_left()
    # Compared with the reading just before, not with fixed bounds: a busy machine may
    # have used up some of the countdown already, but a wall-clock jump would move it by
    # an hour or a day.
    monkeypatch.setattr(time, "time", lambda: real - 3600)
    assert before - 1 <= watcher.seconds_left() <= before
    monkeypatch.setattr(time, "time", lambda: real + 86_400)
    assert before - 1 <= watcher.seconds_left() <= before
    with qtbot.waitSignal(watcher.expired, timeout=10_000):
        pass


def test_hourly_counts_follow_the_clock_and_lose_nothing(
    qapp: QApplication, tmp_path: Path
) -> None:
    clock = WallClock(datetime.datetime(2026, 11, 24, 10, 59, 50, tzinfo=UTC))
    session = VisitSession("en", 4)
    recorder = VisitRecorder(
        session,
        path=tmp_path / "analytics.sqlite3",
        clock=clock.monotonic,
        wall_clock=clock,
    )
    try:
        session.go_home()  # a visit begins at 10:59:50
        clock.advance(20)  # 11:00:10
        session.open(Screen.STATEMENT)
        clock.step(-1)  # NTP steps back an hour: 10:00:10
        clock.advance(100)
        session.reset()  # the visit lasted 120 s, whatever the wall clock did
        clock.step(+3)  # and forward, past a few hours
        session.go_home()
        session.reset()
        assert recorder.store is not None
        rows = recorder.store.rows()
    finally:
        recorder.close()
    by_hour: dict[str, int] = {}
    for hour, kind, _key, count in rows:
        if kind == "visit":
            by_hour[hour] = by_hour.get(hour, 0) + count
    assert by_hour == {"2026-11-24T10:00Z": 1, "2026-11-24T13:00Z": 1}
    lengths = {key: count for _hour, kind, key, count in rows if kind == "time"}
    assert lengths == {"2-5m": 1, "<30s": 1}


def test_hourly_buckets_are_utc_whatever_the_zone(
    qapp: QApplication, tmp_path: Path, zone: None
) -> None:
    session = VisitSession("en", 4)
    recorder = VisitRecorder(session, path=tmp_path / "analytics.sqlite3")
    try:
        os.environ["TZ"] = "Asia/Baku"
        time.tzset()
        session.go_home()
        session.reset()
        os.environ["TZ"] = "America/New_York"
        time.tzset()
        session.go_home()
        session.reset()
        assert recorder.store is not None
        hours = {hour for hour, kind, _key, _count in recorder.store.rows() if kind == "visit"}
    finally:
        recorder.close()
    now = datetime.datetime.now(UTC)
    expected = {
        moment.strftime("%Y-%m-%dT%H:00Z") for moment in (now, now - datetime.timedelta(minutes=1))
    }
    assert hours <= expected and len(hours) == 1
