"""The visit recorder on a real VisitSession, and the privacy promise: after a busy day the
data folder holds hourly totals of allow-listed keys and nothing else."""

from __future__ import annotations

import contextlib
import getpass
import logging
import os
import platform
import re
import socket
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from random import Random

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication

from kiosk.analytics.recorder import VisitRecorder
from kiosk.core.session import Access, Screen, VisitSession

START = datetime(2025, 6, 2, 8, 0, 7, 250_000, tzinfo=UTC)


class FakeTime:
    """One fake time read as a wall clock (for buckets) and a monotonic one (for lengths)."""

    def __init__(self, start: datetime) -> None:
        self.now = start
        self.seconds = 5_000.0

    def wall(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
        self.seconds += seconds


class FakeIdle(QObject):
    expired = Signal()


def settle() -> None:
    """Deliver queued signals (the recorder counts a language once its call has finished)."""
    QCoreApplication.processEvents()


@pytest.fixture
def time() -> FakeTime:
    return FakeTime(START)


@pytest.fixture
def session(qapp: QApplication) -> VisitSession:
    return VisitSession("en", 4)


@pytest.fixture
def idle() -> FakeIdle:
    return FakeIdle()


@pytest.fixture
def recorder(
    session: VisitSession, idle: FakeIdle, time: FakeTime, tmp_path: Path
) -> Iterator[VisitRecorder]:
    made = VisitRecorder(
        session,
        idle,
        path=tmp_path / "analytics.sqlite3",
        clock=time.monotonic,
        wall_clock=time.wall,
    )
    yield made
    made.close()


def totals(recorder: VisitRecorder) -> dict[tuple[str, str], int]:
    assert recorder.store is not None
    found: dict[tuple[str, str], int] = {}
    for _hour, kind, key, count in recorder.store.rows():
        found[kind, key] = found.get((kind, key), 0) + count
    return found


def test_a_visit_counts_once_with_each_screen_view_and_its_length(
    recorder: VisitRecorder, session: VisitSession, time: FakeTime
) -> None:
    session.go_home()
    time.advance(20)
    session.open(Screen.TIMELINE)
    session.step_timeline(1)
    session.open(Screen.FIGURES)
    time.advance(25)
    session.back()  # to the timeline: a view again
    session.go_home()
    assert totals(recorder)[("visit", "")] == 1
    session.back()  # to the start screen: the visit ends, 45 s after it began
    assert totals(recorder) == {
        ("visit", ""): 1,
        ("screen", "home"): 2,
        ("screen", "timeline"): 2,
        ("screen", "figures"): 1,
        ("screen", "attract"): 1,
        ("time", "30s-2m"): 1,
    }
    session.reset()  # already on the start screen: nothing more ends
    time.advance(3)
    session.go_home()  # the next visitor
    session.back()
    assert totals(recorder)[("visit", "")] == 2
    assert totals(recorder)[("time", "<30s")] == 1


def test_languages_count_the_visitors_choices_not_the_reset(
    recorder: VisitRecorder, session: VisitSession
) -> None:
    session.go_home()
    session.set_language("ru")
    settle()
    session.set_language("az")
    settle()
    session.set_language("ru")  # again in the same visit: already counted
    settle()
    session.reset()  # back to English by itself: not a choice
    settle()
    assert {key: n for (kind, key), n in totals(recorder).items() if kind == "language"} == {
        "ru": 1,
        "az": 1,
    }
    # The next visitor begins in Azerbaijani from the start screen, then picks English.
    session.set_language("az")
    session.go_home()
    settle()
    session.set_language("en")
    settle()
    session.reset()
    settle()
    assert {key: n for (kind, key), n in totals(recorder).items() if kind == "language"} == {
        "ru": 1,
        "az": 2,
        "en": 1,
    }


def test_reading_aids_count_when_turned_on_once_per_visit(
    recorder: VisitRecorder, session: VisitSession
) -> None:
    session.go_home()
    session.set_access(Access(text_step=1))
    session.set_access(Access(text_step=2, high_contrast=True))
    session.set_access(Access(text_step=2))  # turned off: nothing
    session.set_access(Access(text_step=2, high_contrast=True))  # on again: counted already
    session.set_access(Access(text_step=2, high_contrast=True, reduced_motion=True))
    session.reset()  # everything off: nothing
    session.go_home()
    session.set_access(Access(high_contrast=True))  # a new visit
    assert {key: n for (kind, key), n in totals(recorder).items() if kind == "access"} == {
        "text-1": 1,
        "text-2": 1,
        "high-contrast": 2,
        "reduced-motion": 1,
    }


def test_an_idle_reset_counts_and_ends_the_visit_by_the_monotonic_clock(
    recorder: VisitRecorder, session: VisitSession, idle: FakeIdle, time: FakeTime
) -> None:
    session.go_home()
    session.open(Screen.STATEMENT)
    time.advance(200)
    time.now -= timedelta(hours=1)  # the wall clock set back (NTP): lengths do not care
    idle.expired.emit()
    session.reset()  # what the window does on expiry
    found = totals(recorder)
    assert found[("idle-reset", "")] == 1 and found[("time", "2-5m")] == 1
    assert sum(n for (kind, _), n in found.items() if kind == "time") == 1


def test_a_recorder_started_during_a_visit_counts_it(
    session: VisitSession, time: FakeTime, tmp_path: Path
) -> None:
    session.go_home()
    session.open(Screen.FIGURES)
    late = VisitRecorder(
        session, path=tmp_path / "a.sqlite3", clock=time.monotonic, wall_clock=time.wall
    )
    time.advance(5)
    session.reset()
    assert totals(late) == {
        ("visit", ""): 1,
        ("screen", "figures"): 1,
        ("screen", "attract"): 1,
        ("time", "<30s"): 1,
    }
    late.close()


def test_a_disabled_recorder_connects_nothing_and_makes_no_file(
    session: VisitSession, idle: FakeIdle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    off = VisitRecorder(session, idle, enabled=False)
    session.go_home()
    session.set_language("ru")
    session.set_access(Access(high_contrast=True))
    settle()
    idle.expired.emit()
    session.reset()
    off.close()
    assert off.store is None
    assert not data.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_failing_database_is_logged_once_and_never_reaches_the_visitor(
    session: VisitSession,
    idle: FakeIdle,
    tmp_path: Path,
    time: FakeTime,
    caplog: pytest.LogCaptureFixture,
) -> None:
    (tmp_path / "data").write_text("a file where the folder should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kiosk.analytics"):
        nowhere = VisitRecorder(session, idle, path=tmp_path / "data" / "analytics.sqlite3")
        session.go_home()
        session.back()
        assert nowhere.store is None
        assert caplog.text.count("analytics: off for this run") == 1

        broken = VisitRecorder(
            session, idle, path=tmp_path / "a.sqlite3", clock=time.monotonic, wall_clock=time.wall
        )
        assert broken.store is not None
        broken.store.close()  # the disk goes away under a running kiosk
        for _ in range(3):
            session.go_home()
            session.set_language("ru")
            settle()
            idle.expired.emit()
            session.reset()
        assert caplog.text.count("analytics: not counted") == 1
        broken.close()


def test_codes_off_the_allow_list_are_not_counted_and_not_logged(
    recorder: VisitRecorder, session: VisitSession, caplog: pytest.LogCaptureFixture
) -> None:
    session.go_home()
    with caplog.at_level(logging.WARNING, logger="kiosk.analytics"):
        session.set_language("x-klingon")
        settle()
    assert "not counted" in caplog.text and "klingon" not in caplog.text
    assert not any(kind == "language" for kind, _ in totals(recorder))


# -- privacy -----------------------------------------------------------------------------------

LANGUAGES = ("az", "en", "ru")
ALLOWED = {
    "visit": {""},
    "screen": {"attract", "home", "statement", "timeline", "figures"},
    "language": set(LANGUAGES),
    "access": {"text-1", "text-2", "high-contrast", "reduced-motion"},
    "idle-reset": {""},
    "time": {"<30s", "30s-2m", "2-5m", "5-15m", ">15m"},
}
HOUR = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:00Z")
SCHEMA_WORDS = [
    *("SQLite", "format", "3", "CREATE", "TABLE", "table", "meta", "name", "TEXT", "value"),
    *("PRIMARY", "KEY", "NOT", "NULL", "WITHOUT", "ROWID", "INTEGER", "schema_version"),
    *("counts", "hour", "kind", "key", "count"),
]
VISITS = 200
IDLE_TIMEOUT_S = 90.0


def personal_strings(tmp_path: Path) -> set[str]:
    """Who and where: user, host and folder names that must never be in the data."""
    found = {socket.gethostname(), platform.node(), getpass.getuser(), str(Path.home())}
    with contextlib.suppress(OSError):  # no controlling terminal (CI, containers)
        found.add(os.getlogin())
    found.add(str(tmp_path))
    # Very short names would match by chance inside binary pages.
    return {text for text in found if len(text) >= 3}


def simulate_visit(session: VisitSession, idle: FakeIdle, time: FakeTime, random: Random) -> bool:
    """One visitor, touching at random; returns whether the visit ended by the idle reset."""
    if random.random() < 0.4:  # "begin in ..." on the start screen
        session.set_language(random.choice(LANGUAGES))
    session.go_home()
    settle()
    # Mostly short visits, a few long ones: every length bucket gets some.
    (typical,) = random.choices((15, 45, 150, 400, 1100), weights=(30, 35, 20, 10, 5))
    length = typical * random.uniform(0.85, 1.1)
    actions = random.randint(1, 8)
    for _ in range(actions):
        time.advance(length / actions)
        action = random.randrange(6)
        if action == 0:
            session.set_language(random.choice(LANGUAGES))
        elif action == 1:
            session.set_access(
                Access(random.randrange(3), random.random() < 0.3, random.random() < 0.2)
            )
        elif action == 2:
            session.step_timeline(random.choice((-1, 1)))
        elif action == 3 and session.screen is not Screen.HOME:  # Back from home ends it
            session.back()
        else:
            session.open(random.choice((Screen.STATEMENT, Screen.TIMELINE, Screen.FIGURES)))
        settle()
    if random.random() < 0.5:  # walked away: the idle watcher ends the visit
        time.advance(IDLE_TIMEOUT_S)
        idle.expired.emit()
        session.reset()
        settle()
        return True
    session.go_home()
    session.back()  # Back from home: the start screen
    settle()
    return False


def simulate_day(session: VisitSession, idle: FakeIdle, time: FakeTime) -> int:
    """200 visitors over twelve hours; returns how many visits the idle watcher ended."""
    random = Random(20250602)
    idle_ends = 0
    for number in range(VISITS):
        arrival = START + timedelta(hours=12) * number / VISITS
        if time.now < arrival:
            time.advance((arrival - time.now).total_seconds())
        idle_ends += simulate_visit(session, idle, time, random)
    return idle_ends


def assert_no_personal_bytes(folder: Path, personal: set[str]) -> None:
    for path in folder.iterdir():
        blob = path.read_bytes()
        for text in personal:
            assert text.encode() not in blob, f"{text!r} in {path.name}"
        text = blob.decode("latin-1")
        assert not re.search(r"\d{1,2}:\d{2}:\d{2}", text), f"a time of day in {path.name}"
        assert not re.search(r"T\d{2}:(?!00)\d{2}", text), f"minutes in {path.name}"
        assert not re.search(r"\b\d{1,3}(?:\.\d{1,3}){3}\b", text), f"an address in {path.name}"


def assert_only_allowed_words(blob: bytes) -> None:
    """Every readable run of text in the file is made of hours, kinds, keys and the schema.
    Between them are at most stray bytes of SQLite's own records, and fragments of old
    cells that an update left behind: still pieces of allowed words or of an hour."""
    words = sorted({*SCHEMA_WORDS, *ALLOWED, *set().union(*ALLOWED.values())} - {""}, key=len)
    tokens = re.compile("|".join([HOUR.pattern, *(re.escape(word) for word in words[::-1])]))
    for run in re.findall(rb"[\x20-\x7e]{4,}", blob):
        leftover = tokens.sub(" ", run.decode("ascii"))
        for piece in re.split(r"[\s(),=]+", leftover):
            fragment = any(piece in word for word in words) or re.fullmatch(r"[\d:TZ-]+", piece)
            assert len(piece) < 3 or fragment, f"{piece!r} in {run!r}"


def test_a_busy_day_leaves_only_hourly_totals_of_allowed_keys(
    session: VisitSession,
    idle: FakeIdle,
    time: FakeTime,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    personal = personal_strings(tmp_path)
    recorder = VisitRecorder(session, idle, clock=time.monotonic, wall_clock=time.wall)
    idle_ends = simulate_day(session, idle, time)
    assert time.now - START > timedelta(hours=12)

    # While the kiosk runs: the database, its write-ahead log and index.
    assert {path.name for path in data.iterdir()} <= {
        "analytics.sqlite3",
        "analytics.sqlite3-wal",
        "analytics.sqlite3-shm",
    }
    assert_no_personal_bytes(data, personal)
    recorder.close()

    # Closed: one file, every table, every column, every row.
    assert [path.name for path in data.iterdir()] == ["analytics.sqlite3"]
    database = data / "analytics.sqlite3"
    assert_no_personal_bytes(data, personal)
    assert_only_allowed_words(database.read_bytes())
    db = sqlite3.connect(f"file:{database}?immutable=1", uri=True)
    try:
        schema = db.execute("SELECT type, name FROM sqlite_master ORDER BY name").fetchall()
        assert schema == [("table", "counts"), ("table", "meta")]  # no index, no sequence
        columns = {
            table: [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            for _, table in schema
        }
        assert columns == {"counts": ["hour", "kind", "key", "count"], "meta": ["name", "value"]}
        assert db.execute("SELECT * FROM meta").fetchall() == [("schema_version", "1")]
        with pytest.raises(sqlite3.OperationalError):  # not even SQLite's hidden row number
            db.execute("SELECT rowid FROM counts")
        rows = db.execute("SELECT * FROM counts").fetchall()
    finally:
        db.close()

    for hour, kind, key, count in rows:
        assert isinstance(hour, str) and HOUR.fullmatch(hour)
        assert (
            START.replace(minute=0, second=0, microsecond=0)
            <= datetime.strptime(hour, "%Y-%m-%dT%H:00Z").replace(tzinfo=UTC)
            <= time.now
        )
        assert key in ALLOWED[kind]
        assert isinstance(count, int) and 1 <= count <= VISITS
    # Counted, not tracked: the totals add up, and rows grow with hours, not with visitors.
    total = {kind: sum(row[3] for row in rows if row[1] == kind) for kind in ALLOWED}
    assert total["visit"] == VISITS and total["time"] == VISITS
    assert total["idle-reset"] == idle_ends
    assert total["language"] > 0 and total["access"] > 0
    hours = {row[0] for row in rows}
    assert len(hours) >= 12
    assert len(rows) <= len(hours) * sum(len(keys) for keys in ALLOWED.values())
    visit_rows = [row for row in rows if row[1] == "visit"]
    assert len(visit_rows) == len({row[0] for row in visit_rows}) <= 14  # one row an hour
    assert {row[2] for row in rows if row[1] == "time"} == ALLOWED["time"]  # every bucket
