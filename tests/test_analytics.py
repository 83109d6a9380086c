"""Analytics store and staff commands: hourly totals from a fake clock, the allow-list,
retention, the exact CSV, a damaged file set aside, and exit codes without tracebacks."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.analytics.cli import add_analytics_commands, run_analytics_command
from kiosk.analytics.store import (
    AnalyticsError,
    AnalyticsStore,
    default_db_path,
    duration_bucket,
    now_utc,
)

START = datetime(2025, 3, 14, 9, 15, 30, tzinfo=UTC)


class FakeClock:
    """Wall-clock time that moves only when a test says so."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "analytics.sqlite3"


@pytest.fixture
def store(db_path: Path, clock: FakeClock) -> Iterator[AnalyticsStore]:
    opened = AnalyticsStore(db_path, clock)
    yield opened
    opened.close()


def all_bytes(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file())


# -- counting ----------------------------------------------------------------------------------


def test_counts_fall_into_utc_hour_buckets_across_hours_and_days(
    store: AnalyticsStore, clock: FakeClock
) -> None:
    store.count("visit")  # 09:15:30
    clock.now = START.replace(minute=59, second=59, microsecond=999_999)
    store.count("visit")
    clock.now = START.replace(minute=0, second=0) + timedelta(hours=1)  # 10:00:00 exactly
    store.count("visit")
    clock.now = datetime(2025, 3, 14, 23, 59, 59, tzinfo=UTC)
    store.count("visit")
    clock.now = datetime(2025, 3, 15, 0, 0, 1, tzinfo=UTC)  # the next day
    store.count("visit")
    # Any zone is stored as UTC: 13:30 in Baku (UTC+4) is 09:30Z.
    clock.now = datetime(2025, 3, 14, 13, 30, tzinfo=timezone(timedelta(hours=4)))
    store.count("visit")
    assert store.rows() == [
        ("2025-03-14T09:00Z", "visit", "", 3),
        ("2025-03-14T10:00Z", "visit", "", 1),
        ("2025-03-14T23:00Z", "visit", "", 1),
        ("2025-03-15T00:00Z", "visit", "", 1),
    ]


def test_the_file_is_in_wal_mode_with_a_schema_version(
    store: AnalyticsStore, db_path: Path
) -> None:
    store.count("visit")
    with sqlite3.connect(db_path) as other:
        assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert other.execute("SELECT name, value FROM meta").fetchall() == [("schema_version", "1")]
    other.close()


def test_a_count_is_one_row_per_hour_that_grows(store: AnalyticsStore, db_path: Path) -> None:
    for _ in range(3):
        store.count("screen", "home")
    store.count("screen", "timeline")
    assert store.rows() == [
        ("2025-03-14T09:00Z", "screen", "home", 3),
        ("2025-03-14T09:00Z", "screen", "timeline", 1),
    ]


REFUSED = [
    ("screen", "gallery"),
    ("screen", "Home"),
    ("screen", "home "),
    ("screen", "home'); DROP TABLE counts; --"),
    ("language", "english"),
    ("language", "EN"),
    ("language", "en-GB"),
    ("language", "e"),
    ("language", "en\n"),
    ("language", "ру"),
    ("language", "en' OR '1'='1"),
    ("access", "bigger-text"),
    ("access", "text-3"),
    ("visit", "Jane Doe, 10.0.0.7"),
    ("idle-reset", "kiosk-7"),
    ("time", "3m"),
    ("time", "17.5"),
    ("note", "lovely exhibit, thank you"),
    ("visit' --", ""),
    ("", ""),
]


@pytest.mark.parametrize(("kind", "key"), REFUSED)
def test_anything_off_the_allow_list_is_refused_and_nothing_is_written(
    store: AnalyticsStore, db_path: Path, kind: str, key: str
) -> None:
    with pytest.raises(ValueError, match="not an") as refused:
        store.count(kind, key)
    assert store.rows() == []
    probe = (key or kind).strip()
    if len(probe) >= 4:
        assert probe not in str(refused.value)  # not even the log could receive it
        assert probe.encode() not in all_bytes(db_path.parent)


def test_keys_that_are_not_text_are_refused(store: AnalyticsStore) -> None:
    for key in (5, None, b"home"):
        with pytest.raises(ValueError):
            store.count("screen", key)  # type: ignore[arg-type]
    assert store.rows() == []


@pytest.mark.parametrize(
    ("seconds", "bucket"),
    [
        (0, "<30s"),
        (29.999, "<30s"),
        (30, "30s-2m"),
        (119.9, "30s-2m"),
        (120, "2-5m"),
        (299.9, "2-5m"),
        (300, "5-15m"),
        (899.9, "5-15m"),
        (900, ">15m"),
        (86_400, ">15m"),
    ],
)
def test_visit_lengths_fall_into_coarse_buckets(seconds: float, bucket: str) -> None:
    assert duration_bucket(seconds) == bucket


def test_a_visits_length_is_stored_as_its_bucket_only(store: AnalyticsStore) -> None:
    store.visit_ended(47.25)
    store.visit_ended(61)
    assert store.rows() == [("2025-03-14T09:00Z", "time", "30s-2m", 2)]
    for impossible in (-1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            store.visit_ended(impossible)
    assert store.rows() == [("2025-03-14T09:00Z", "time", "30s-2m", 2)]


# -- reading -----------------------------------------------------------------------------------


def test_totals_by_hour_and_by_day_include_the_quiet_ones(
    store: AnalyticsStore, clock: FakeClock
) -> None:
    store.count("visit")  # 14 March 09:xx
    clock.advance(hours=2)
    store.count("visit")
    store.count("visit")
    clock.advance(days=2)  # 16 March 11:15:30
    store.count("visit")
    store.count("screen", "home")  # not a visit: left out of the totals
    assert store.totals_by_hour(clock.now - timedelta(hours=2, minutes=30)) == [
        ("2025-03-16T08:00Z", 0),
        ("2025-03-16T09:00Z", 0),
        ("2025-03-16T10:00Z", 0),
        ("2025-03-16T11:00Z", 1),
    ]
    hours = store.totals_by_hour(START)
    assert hours[0] == ("2025-03-14T09:00Z", 1) and hours[2] == ("2025-03-14T11:00Z", 2)
    assert len(hours) == 51 and sum(count for _, count in hours) == 4
    assert store.totals_by_hour(clock.now + timedelta(hours=1)) == []
    assert store.totals_by_day(4) == [
        ("2025-03-13", 0),
        ("2025-03-14", 3),
        ("2025-03-15", 0),
        ("2025-03-16", 1),
    ]
    with pytest.raises(ValueError):
        store.totals_by_day(0)


def test_the_summary_covers_today_and_the_last_seven_days(
    store: AnalyticsStore, clock: FakeClock
) -> None:
    clock.now = datetime(2025, 3, 6, 12, tzinfo=UTC)  # eight days before: left out
    for kind, key in [("visit", ""), ("screen", "figures"), ("language", "de")]:
        store.count(kind, key)
    clock.now = datetime(2025, 3, 8, 0, 5, tzinfo=UTC)  # the seventh day back: counted
    store.count("visit")
    store.count("screen", "timeline")
    clock.now = datetime(2025, 3, 14, 18, tzinfo=UTC)
    for kind, key in [
        ("visit", ""),
        ("visit", ""),
        ("screen", "home"),
        ("screen", "home"),
        ("screen", "statement"),
        ("screen", "timeline"),
        ("screen", "timeline"),
        ("language", "ru"),
        ("language", "az"),
        ("language", "ru"),
        ("access", "high-contrast"),
        ("idle-reset", ""),
    ]:
        store.count(kind, key)
    store.visit_ended(10)
    store.visit_ended(1000)
    assert store.summary() == {
        "visits_today": 2,
        "visits_last_7_days": 3,
        "top_screens": [("timeline", 3), ("home", 2), ("statement", 1)],
        "languages": [("ru", 2), ("az", 1)],
        "access": [("high-contrast", 1)],
        "durations": [("<30s", 1), ("30s-2m", 0), ("2-5m", 0), ("5-15m", 0), (">15m", 1)],
        "idle_resets": 1,
    }


# -- retention ---------------------------------------------------------------------------------


def test_prune_deletes_buckets_older_than_the_retention(
    store: AnalyticsStore, clock: FakeClock
) -> None:
    store.count("visit")  # 14 March 09:00
    clock.advance(days=1)
    store.count("visit")  # 15 March 09:00
    clock.advance(days=9)  # 24 March 09:15
    store.count("visit")
    assert store.prune(9) == 1  # 14 March is more than nine days before this hour
    assert [hour for hour, *_ in store.rows()] == ["2025-03-15T09:00Z", "2025-03-24T09:00Z"]
    assert store.prune(0) == 1
    assert store.rows() == [("2025-03-24T09:00Z", "visit", "", 1)]
    with pytest.raises(ValueError):
        store.prune(-1)


def test_retention_applies_on_opening_and_then_daily(db_path: Path, clock: FakeClock) -> None:
    with AnalyticsStore(db_path, clock, retention_days=5) as store:
        for _day in range(6):
            store.count("visit")
            clock.advance(days=1)
        clock.advance(hours=1)  # a new day: the first count of it prunes
        store.count("visit")
        assert next(hour for hour, *_ in store.rows()) == "2025-03-16T09:00Z"
        clock.advance(days=1)
    with AnalyticsStore(db_path, clock, retention_days=5) as reopened:  # prunes on opening
        assert next(hour for hour, *_ in reopened.rows()) == "2025-03-17T09:00Z"


def test_the_default_retention_is_400_days(db_path: Path, clock: FakeClock) -> None:
    with AnalyticsStore(db_path, clock) as store:
        store.count("visit")
        for _day in range(400):
            clock.advance(days=1)
            store.count("screen", "home")
        assert ("2025-03-14T09:00Z", "visit", "", 1) in store.rows()
    clock.advance(hours=1)
    with AnalyticsStore(db_path, clock) as store:
        assert ("2025-03-14T09:00Z", "visit", "", 1) not in store.rows()


def test_a_clock_that_leaps_ahead_deletes_no_counts_until_the_next_day(
    db_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    """A flat RTC battery can start a kiosk years ahead; NTP steps the clock back later.
    Pruning by that clock at once would lose every count for good."""
    with AnalyticsStore(db_path, clock, retention_days=5) as store:
        store.count("visit")
    clock.advance(days=700)  # the wrong clock at boot
    with AnalyticsStore(db_path, clock, retention_days=5) as store:
        store.count("visit")
        assert ("2025-03-14T09:00Z", "visit", "", 1) in store.rows()
        assert "the clock is 700 days past the newest count" in caplog.text
        clock.advance(days=-700, hours=2)  # NTP puts it right the same day
        store.count("visit")
        assert ("2025-03-14T09:00Z", "visit", "", 1) in store.rows()


def test_a_kiosk_that_was_off_for_long_prunes_from_its_second_day(
    db_path: Path, clock: FakeClock
) -> None:
    with AnalyticsStore(db_path, clock, retention_days=5) as store:
        store.count("visit")
    clock.advance(days=60)  # switched off for two months, the clock right
    with AnalyticsStore(db_path, clock, retention_days=5) as store:
        store.count("visit")
        assert len(store.rows()) == 2
        clock.advance(days=1)
        store.count("visit")
        assert [hour for hour, *_ in store.rows()] == ["2025-05-13T09:00Z", "2025-05-14T09:00Z"]


# -- export ------------------------------------------------------------------------------------


def test_the_csv_export_is_exact(store: AnalyticsStore, clock: FakeClock, tmp_path: Path) -> None:
    store.count("visit")
    store.count("language", "az")
    store.count("screen", "timeline")
    store.count("screen", "timeline")
    clock.advance(hours=1)
    store.visit_ended(75)
    store.count("access", "text-2")
    out = tmp_path / "export" / "visits.csv"
    out.parent.mkdir()
    out.write_text("an older export\n", encoding="utf-8")
    assert store.export_csv(out) == 5
    assert out.read_bytes().decode("utf-8") == (
        "hour,kind,key,count\r\n"
        "2025-03-14T09:00Z,language,az,1\r\n"
        "2025-03-14T09:00Z,screen,timeline,2\r\n"
        "2025-03-14T09:00Z,visit,,1\r\n"
        "2025-03-14T10:00Z,access,text-2,1\r\n"
        "2025-03-14T10:00Z,time,30s-2m,1\r\n"
    )
    assert [path.name for path in out.parent.iterdir()] == ["visits.csv"]  # no temp file left


def test_an_export_that_cannot_be_written_leaves_nothing(
    store: AnalyticsStore, tmp_path: Path
) -> None:
    store.count("visit")
    with pytest.raises(AnalyticsError):
        store.export_csv(tmp_path / "missing" / "visits.csv")
    folder = tmp_path / "a-folder.csv"
    folder.mkdir()
    with pytest.raises(AnalyticsError):
        store.export_csv(folder)
    assert list(folder.iterdir()) == []
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "a-folder.csv",
        "analytics.sqlite3",
        "analytics.sqlite3-shm",
        "analytics.sqlite3-wal",
    ]


# -- damage ------------------------------------------------------------------------------------


def test_a_damaged_file_is_set_aside_and_a_new_one_started(
    db_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    garbage = b"\x00not a database\xff" * 300
    db_path.write_bytes(garbage)
    Path(f"{db_path}-wal").write_bytes(b"a stale log")
    with caplog.at_level(logging.WARNING, logger="kiosk.analytics"):
        store = AnalyticsStore(db_path, clock)
    try:
        store.count("visit")
        assert store.rows() == [("2025-03-14T09:00Z", "visit", "", 1)]
    finally:
        store.close()
    aside = db_path.with_name("analytics.sqlite3.corrupt-20250314T091530Z")
    assert aside.read_bytes() == garbage
    # SQLite drops the stale log when the failed connection closes; either way it must
    # never be replayed into the new file.
    assert sorted(path.name for path in db_path.parent.iterdir())[:2] == [
        "analytics.sqlite3",
        "analytics.sqlite3.corrupt-20250314T091530Z",
    ]
    assert b"a stale log" not in db_path.read_bytes()
    assert "moved it to analytics.sqlite3.corrupt-20250314T091530Z" in caplog.text
    # Damaged again within the same second: a second name, nothing overwritten.
    db_path.write_bytes(garbage)
    AnalyticsStore(db_path, clock).close()
    assert db_path.with_name("analytics.sqlite3.corrupt-20250314T091530Z-1").is_file()


def test_a_file_damaged_inside_is_found_at_opening(db_path: Path, clock: FakeClock) -> None:
    with AnalyticsStore(db_path, clock) as store:
        for minute in range(0, 24 * 60 * 20, 60):  # enough rows for several pages
            clock.now = START + timedelta(minutes=minute)
            store.count("screen", "home")
    damaged = bytearray(db_path.read_bytes())
    page = 4096
    damaged[page + 8 : 2 * page] = b"\xa5" * (page - 8)  # a page's cells, not its header
    db_path.write_bytes(bytes(damaged))
    with AnalyticsStore(db_path, clock) as store:
        assert store.rows() == []
    assert len(list(db_path.parent.glob("analytics.sqlite3.corrupt-*"))) == 1


@pytest.mark.parametrize(
    "statements",
    [
        ["CREATE TABLE visitors (name TEXT)"],  # some other program's database
        [  # a newer kiosk's
            "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)",
            "CREATE TABLE counts (hour TEXT)",
            "INSERT INTO meta VALUES ('schema_version', '2')",
        ],
    ],
)
def test_a_database_that_is_not_ours_is_set_aside(
    db_path: Path, clock: FakeClock, statements: list[str]
) -> None:
    with sqlite3.connect(db_path) as other:
        for statement in statements:
            other.execute(statement)
    other.close()
    with AnalyticsStore(db_path, clock) as store:
        store.count("visit")
    assert len(list(db_path.parent.glob("analytics.sqlite3.corrupt-*"))) == 1


def test_without_recovery_a_damaged_file_is_an_error_and_stays(
    db_path: Path, clock: FakeClock
) -> None:
    db_path.write_bytes(b"garbage" * 100)
    with pytest.raises(AnalyticsError, match="not a database"):
        AnalyticsStore(db_path, clock, recover=False)
    assert db_path.read_bytes() == b"garbage" * 100
    assert [path.name for path in db_path.parent.iterdir()] == ["analytics.sqlite3"]


def test_a_place_that_cannot_hold_the_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(AnalyticsError):
        AnalyticsStore(tmp_path / "data" / "analytics.sqlite3")


def test_the_store_imports_no_qt() -> None:
    code = (
        "import sys, kiosk.analytics.store, kiosk.analytics.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# -- the staff commands ------------------------------------------------------------------------


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(folder))
    return folder


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="kiosk")
    add_analytics_commands(parser.add_subparsers(dest="command"))
    return run_analytics_command(parser.parse_args(argv))


def test_the_database_lives_in_the_data_folder(data: Path) -> None:
    assert default_db_path() == data / "analytics.sqlite3"


def test_summary_and_export_commands(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The commands read the real clock: the counts are made "now", an hour is an hour.
    with AnalyticsStore(default_db_path()) as store:
        for kind, key in [
            ("visit", ""),
            ("visit", ""),
            ("screen", "home"),
            ("language", "ru"),
        ]:
            store.count(kind, key)
    assert run("analytics", "summary") == 0
    shown = capsys.readouterr().out
    assert "Visits today (UTC): 2\n" in shown
    assert "Screens viewed, last 7 days: home 1\n" in shown
    assert "Languages chosen, last 7 days: ru 1\n" in shown
    out = tmp_path / "visits.csv"
    assert run("analytics", "export", "--out", str(out)) == 0
    hour = now_utc().strftime("%Y-%m-%dT%H:00Z")
    assert out.read_text(encoding="utf-8").splitlines() == [
        "hour,kind,key,count",
        f"{hour},language,ru,1",
        f"{hour},screen,home,1",
        f"{hour},visit,,2",
    ]
    assert f"wrote 3 rows to {out}" in capsys.readouterr().err


def test_without_a_database_the_commands_report_nothing_counted_and_make_no_file(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("analytics", "summary") == 0
    shown = capsys.readouterr().out
    assert "Visits today (UTC): 0\n" in shown and "Languages chosen, last 7 days: none" in shown
    out = tmp_path / "visits.csv"
    assert run("analytics", "export", "--out", str(out)) == 0
    assert out.read_bytes() == b"hour,kind,key,count\r\n"
    assert not data.exists()


def test_command_failures_exit_2_with_a_message_and_no_traceback(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data.mkdir()
    with AnalyticsStore(default_db_path()) as store:
        store.count("visit")
    assert run("analytics", "export", "--out", str(tmp_path / "no" / "such" / "x.csv")) == 2
    garbage = b"garbage" * 100
    default_db_path().write_bytes(garbage)
    assert run("analytics", "summary") == 2
    assert run("analytics", "export", "--out", str(tmp_path / "x.csv")) == 2
    # The running kiosk owns the file: the commands never move it aside.
    assert default_db_path().read_bytes() == garbage
    assert [path.name for path in data.iterdir()] == ["analytics.sqlite3"]
    assert not (tmp_path / "x.csv").exists()
    errors = capsys.readouterr().err
    assert errors.count("kiosk analytics: ") == 3 and "Traceback" not in errors


def test_an_unusable_data_folder_exits_2(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data.write_text("not a folder", encoding="utf-8")
    assert run("analytics", "summary") == 0  # nothing there to read: nothing counted
    data.unlink()
    data.mkdir()
    default_db_path().mkdir()  # a folder where the database should be
    assert run("analytics", "summary") == 2
    assert "kiosk analytics: " in capsys.readouterr().err


def _count_two_visits(folder: Path) -> None:
    with AnalyticsStore(folder / "analytics.sqlite3") as counted:
        counted.count("visit")
        counted.count("visit")


def test_staff_read_the_counts_from_a_read_only_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from disks import remounted_read_only  # noqa: PLC0415 - mounts: only these tests

    with remounted_read_only(tmp_path, _count_two_visits) as folder:
        monkeypatch.setenv("KIOSK_DATA_DIR", str(folder))
        parser = argparse.ArgumentParser()
        add_analytics_commands(parser.add_subparsers(dest="command"))
        code = run_analytics_command(parser.parse_args(["analytics", "summary"]))
        out = tmp_path / "counts.csv"
        export = run_analytics_command(
            parser.parse_args(["analytics", "export", "--out", str(out)])
        )
    assert code == 0, capsys.readouterr().err
    assert "Visits today (UTC): 2" in capsys.readouterr().out
    assert export == 0 and out.read_text(encoding="utf-8").count(",visit,") == 1


def test_staff_read_the_counts_from_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from disks import full_folder  # noqa: PLC0415 - mounts: only these tests

    with full_folder(tmp_path, prepare=_count_two_visits) as folder:
        monkeypatch.setenv("KIOSK_DATA_DIR", str(folder))
        parser = argparse.ArgumentParser()
        add_analytics_commands(parser.add_subparsers(dest="command"))
        code = run_analytics_command(parser.parse_args(["analytics", "summary"]))
    assert code == 0, capsys.readouterr().err
    assert "Visits today (UTC): 2" in capsys.readouterr().out


def test_a_full_disk_is_named_when_counting_stops(tmp_path: Path) -> None:
    from disks import full_folder  # noqa: PLC0415 - mounts: only these tests

    with full_folder(tmp_path) as folder, pytest.raises(AnalyticsError) as refused:
        AnalyticsStore(folder / "analytics.sqlite3")
    assert "no space left on device" in str(refused.value).lower()
