"""After a simulated day of visits, nothing the kiosk has written says anything about any
visitor: no identifiers, no free text, no times finer than the hour, no names of people or
machines."""

from __future__ import annotations

import datetime
import faulthandler
import getpass
import json
import socket
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kiosk.analytics.recorder import VisitRecorder
from kiosk.analytics.store import ACCESS_KEYS, DURATION_KEYS, SCREENS
from kiosk.core.session import Access, Screen
from kiosk.logs import configure_logging
from kiosk.ops.health import HEALTH_FILE, LastError, count_start, report, visits_last_hour
from kiosk.ops.metrics import prometheus_text
from kiosk.ops.notify import Notifier
from kiosk.ui.health_writer import HealthWriter, qt_versions
from kiosk.ui.heartbeat import Heartbeat

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk

HEALTH_KEYS = {
    "kiosk_version", "versions", "uptime_s", "starts", "content_version", "visits_last_hour",
    "memory_mib", "last_error", "last_error_at", "written_at", "problems",
}  # fmt: skip


def simulate_day(kiosk: Kiosk, recorder_clock: list[float], wall: list[datetime.datetime]) -> None:
    session = kiosk.session
    for visit in range(120):
        wall[0] = datetime.datetime(2026, 1, 20, 9, tzinfo=datetime.UTC) + datetime.timedelta(
            minutes=4 * visit
        )
        session.go_home()
        session.set_language(("az", "en", "ru")[visit % 3])
        for screen in (Screen.STATEMENT, Screen.TIMELINE, Screen.FIGURES)[: 1 + visit % 3]:
            session.open(screen)
        if visit % 5 == 0:
            session.set_access(Access(text_step=2, high_contrast=True))
        recorder_clock[0] += 30 + 7 * (visit % 40)
        if visit % 4 == 0:
            kiosk.idle.expired.emit()  # walked away
        session.reset()


def test_nothing_personal_is_written(
    make_kiosk: KioskFactory,
    qtbot: QtBot,
    exhibit: Exhibit,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data, logs = tmp_path / "data", tmp_path / "logs"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    monkeypatch.setenv("KIOSK_LOG_DIR", str(logs))
    files = configure_logging(to_files=True)
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    try:
        clock, wall = [0.0], [datetime.datetime(2026, 1, 20, 9, tzinfo=datetime.UTC)]
        recorder = VisitRecorder(
            kiosk.session, kiosk.idle, clock=lambda: clock[0], wall_clock=lambda: wall[0]
        )
        Heartbeat(Notifier(environ={}), kiosk.window).first_frame_shown()
        errors = LastError()
        starts = count_start(data)
        writer = HealthWriter(
            data / HEALTH_FILE,
            lambda: report(
                started=0.0,
                content_version="factory",
                visits=visits_last_hour(recorder.store, wall[0]),
                starts=starts,
                last_error=errors,
                versions=qt_versions(),
            ),
        )
        simulate_day(kiosk, clock, wall)
        qtbot.wait(0)  # let the recorder's queued language counts arrive
        writer.write_now()
        recorder.close()
    finally:
        kiosk.close()
        faulthandler.disable()  # before its crash log closes; the handlers go after the test
        if files is not None:
            files.crash.close()

    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert {path.name for path in written} >= {"analytics.sqlite3", HEALTH_FILE, "kiosk.log"}
    private = {socket.gethostname(), getpass.getuser()} - {"root", ""}
    for path in written:
        content = path.read_bytes()
        for word in private:
            assert word.encode() not in content, f"{path.name} names {word!r}"

    health = json.loads((data / HEALTH_FILE).read_text(encoding="utf-8"))
    assert set(health) == HEALTH_KEYS
    # What monitoring can scrape says nothing a visitor is doing now (only hourly totals
    # may describe visits): no current screen, in either form.
    metrics = prometheus_text(health)
    for screen in SCREENS:
        assert screen not in json.dumps(health) and f'"{screen}"' not in metrics
    assert "screen" not in metrics

    with sqlite3.connect(data / "analytics.sqlite3") as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        allowed = {"": None, **dict.fromkeys(SCREENS), **dict.fromkeys(ACCESS_KEYS)}
        allowed |= dict.fromkeys(DURATION_KEYS) | dict.fromkeys(("az", "en", "ru"))
        rows = db.execute("SELECT hour, kind, key, count FROM counts").fetchall()
        assert set(tables) <= {"counts", "meta"}
    assert rows, "the day was counted"
    visits = sum(count for _, kind, _, count in rows if kind == "visit")
    assert visits == 120
    for hour, _kind, key, _count in rows:
        assert hour.endswith(":00Z") and len(hour) == len("2026-01-20T09:00Z")  # the hour only
        assert key in allowed
