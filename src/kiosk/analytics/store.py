"""The analytics database: hourly totals, and nothing else.

Each row is one count for one UTC hour: ``(hour, kind, key, count)``.  Every kind and key
comes from a fixed allow-list, so no free text, no visitor identifier and no time finer than
the hour can reach the disk, whatever a caller passes.  Staff read the totals with
``kiosk analytics summary`` or as CSV.

The file survives what a kiosk meets: power cuts (WAL, one transaction per write), a damaged
file (set aside, a new one started, a warning logged) and a second reader (the command line
while the kiosk runs).  Imports no Qt.
"""

from __future__ import annotations

import csv
import errno
import logging
import math
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Final, TypedDict, TypeVar

from kiosk.paths import data_dir

log = logging.getLogger(__name__)

# A clock this far past the newest count is not trusted for pruning on its first day.
CLOCK_LEAP: Final = timedelta(days=7)

DB_NAME: Final = "analytics.sqlite3"
SCHEMA_VERSION: Final = 1
DEFAULT_RETENTION_DAYS: Final = 400
SUMMARY_DAYS: Final = 7
CSV_HEADER: Final = ("hour", "kind", "key", "count")

SCREENS: Final = frozenset({"attract", "home", "statement", "timeline", "figures"})
ACCESS_KEYS: Final = frozenset({"text-1", "text-2", "high-contrast", "reduced-motion"})
# Visit lengths in coarse buckets: (upper bound in seconds, key), then the open-ended last.
DURATION_BUCKETS: Final = ((30.0, "<30s"), (120.0, "30s-2m"), (300.0, "2-5m"), (900.0, "5-15m"))
LONGEST_BUCKET: Final = ">15m"
DURATION_KEYS: Final = (*(key for _, key in DURATION_BUCKETS), LONGEST_BUCKET)
_LANGUAGE: Final = re.compile(r"[a-z]{2,3}")  # ASCII only: [a-z] is not \w

# Each kind and the test its key must pass.
KINDS: Final[dict[str, Callable[[str], bool]]] = {
    "visit": lambda key: key == "",
    "screen": lambda key: key in SCREENS,
    "language": lambda key: _LANGUAGE.fullmatch(key) is not None,
    "access": lambda key: key in ACCESS_KEYS,
    "idle-reset": lambda key: key == "",
    "time": lambda key: key in DURATION_KEYS,
}

_SCHEMA: Final = (
    # WITHOUT ROWID: the primary key is the row's only identity, so not even SQLite's
    # hidden row number could order or tell apart the moments something was counted.
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE counts (hour TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, "
    "count INTEGER NOT NULL, PRIMARY KEY (hour, kind, key)) WITHOUT ROWID",
)
_UPSERT: Final = (
    "INSERT INTO counts (hour, kind, key, count) VALUES (?, ?, ?, 1) "
    "ON CONFLICT (hour, kind, key) DO UPDATE SET count = count + 1"
)
_DAMAGED_CODES: Final = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})

T = TypeVar("T")


class AnalyticsError(Exception):
    """The database cannot be opened, read or written: permissions, a full disk, a folder
    in its place, or (for a caller that asked not to recover) a damaged file."""


class _Damaged(sqlite3.DatabaseError):
    """A readable SQLite file that is not a sound analytics database."""


class Summary(TypedDict):
    """What staff ask first.  Lists are (key, count), largest first; durations in bucket
    order.  Everything but ``visits_today`` covers the last ``SUMMARY_DAYS`` UTC days."""

    visits_today: int
    visits_last_7_days: int
    top_screens: list[tuple[str, int]]
    languages: list[tuple[str, int]]
    access: list[tuple[str, int]]
    durations: list[tuple[str, int]]
    idle_resets: int


def now_utc() -> datetime:
    return datetime.now(UTC)


def disk_problem(folder: Path) -> str | None:
    """ "Read-only file system" or "No space left on device" when the disk holding
    ``folder`` (or its nearest existing parent) is so; None when it looks writable."""
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return None
    for candidate in (folder, *folder.parents):
        try:
            facts = statvfs(candidate)
        except OSError:
            continue
        if facts.f_flag & os.ST_RDONLY:
            return os.strerror(errno.EROFS)
        # A few pages: SQLite needs room for its log and index beside the file.
        if facts.f_bavail * facts.f_frsize < 64 * 1024:
            return os.strerror(errno.ENOSPC)
        return None
    return None


def default_db_path() -> Path:
    """Where the kiosk keeps its counts: ``analytics.sqlite3`` in the station's data folder."""
    return data_dir() / DB_NAME


def _utc(moment: datetime) -> datetime:
    # A naive time is taken as UTC: the clock is ours, and buckets must never shift by zone.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def hour_start(moment: datetime) -> datetime:
    return _utc(moment).replace(minute=0, second=0, microsecond=0)


def hour_bucket(moment: datetime) -> str:
    """The hour's key, e.g. ``2025-03-14T09:00Z``: as text it sorts in time order."""
    return hour_start(moment).strftime("%Y-%m-%dT%H:00Z")


def duration_bucket(seconds: float) -> str:
    """The coarse bucket of a visit's length; a length itself is never stored."""
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError("a visit's duration must be a finite number of seconds, not negative")
    for bound, key in DURATION_BUCKETS:
        if seconds < bound:
            return key
    return LONGEST_BUCKET


def check_key(kind: str, key: str) -> None:
    """Refuse anything off the allow-list.  The message never repeats the value, so a
    refused string cannot reach the log either."""
    if not isinstance(kind, str) or kind not in KINDS:
        raise ValueError("not an analytics kind")
    if not isinstance(key, str) or not KINDS[kind](key):
        raise ValueError(f"not an allowed key for analytics kind {kind!r}")


def write_csv(out: Path, rows: Iterable[tuple[str, str, str, int]]) -> int:
    """``hour,kind,key,count`` with a header, UTF-8, replacing ``out`` in one step so a
    reader never sees half a file.  Returns the number of data rows."""
    temporary = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    written = 0
    try:
        with temporary.open("x", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_HEADER)
            for row in rows:
                writer.writerow(row)
                written += 1
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(out)  # os.replace: one atomic rename
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise
    return written


@contextmanager
def _transaction(db: sqlite3.Connection, begin: str = "BEGIN IMMEDIATE") -> Iterator[None]:
    # The connection is in autocommit mode, so each transaction is exactly this block.
    # IMMEDIATE takes the write lock up front: a writer never fails half-way on a reader.
    db.execute(begin)
    try:
        yield
    except BaseException:
        if db.in_transaction:  # SQLite may already have rolled back (a full disk)
            db.rollback()
        raise
    db.execute("COMMIT")


def _is_damage(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(error, _Damaged) or (code is not None and code & 0xFF in _DAMAGED_CODES)


class AnalyticsStore:
    """Hourly totals in one SQLite file.

    ``clock`` gives the current time (injected for tests); only its hour is ever stored.
    Buckets older than ``retention_days`` are deleted on opening and then once a day.
    A damaged file is renamed ``<name>.corrupt-<UTC time>`` and a new one started, unless
    ``recover`` is false (the command line must not move the running kiosk's file): then
    it raises ``AnalyticsError``, as every method does when the disk fails it.
    """

    def __init__(
        self,
        path: Path,
        clock: Callable[[], datetime] = now_utc,
        *,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        recover: bool = True,
    ) -> None:
        if retention_days < 0:
            raise ValueError("retention_days cannot be negative")
        self.path = path
        self._clock = clock
        self._retention_days = retention_days
        self._recover = recover
        self._read_only = False  # opened as a snapshot on a disk that refuses writes
        self._pruned_on: date | None = None
        self._db = self._guard(self._open)
        try:
            self._prune_if_due(self._clock())
        except BaseException:
            self._db.close()
            raise

    # -- opening ---------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect()
        except sqlite3.DatabaseError as error:
            if not self._recover and self.path.is_file() and disk_problem(self.path.parent):
                return self._connect_read_only()
            if not (self._recover and _is_damage(error)):
                raise
            self._set_aside(error)
            return self._connect()

    def _connect_read_only(self) -> sqlite3.Connection:
        """For staff's reading only (``recover=False``), when the disk is read-only or full:
        WAL mode needs a writable index beside the file, so the file is read as it stands.
        The kiosk closes it with its log folded in; what a crash left in the log is not
        included, and staff are told."""
        self._read_only = True
        wal = Path(f"{self.path}-wal")
        if wal.is_file() and wal.stat().st_size > 0:
            log.warning(
                "analytics: the disk cannot be written: the counts of the last minutes "
                "before the kiosk stopped (in %s) are not included",
                wal.name,
            )
        uri = f"{self.path.resolve().as_uri()}?immutable=1"
        db = sqlite3.connect(uri, uri=True, isolation_level=None)
        try:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise _Damaged(f"quick_check: {verdict}")
            tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if tables != {"meta", "counts"}:
                raise _Damaged("not an analytics database")
        except BaseException:
            db.close()
            raise
        return db

    def _connect(self) -> sqlite3.Connection:
        # Autocommit (isolation_level=None): transactions are explicit, see _transaction.
        db = sqlite3.connect(self.path, timeout=5.0, isolation_level=None)
        try:
            mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode != "wal":  # some network file systems cannot share WAL's memory index
                log.warning("analytics: %s stays in %s journal mode", self.path, mode)
            # In WAL mode NORMAL loses at most the last few counts at a power cut, never
            # the file, and spares the GUI thread an fsync per count.
            db.execute("PRAGMA synchronous=NORMAL")
            # Pruned buckets are overwritten, not left readable in free pages.
            db.execute("PRAGMA secure_delete=ON")
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise _Damaged(f"quick_check: {verdict}")
            self._create_or_check_schema(db)
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _create_or_check_schema(db: sqlite3.Connection) -> None:
        with _transaction(db):
            tables = {
                name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                for statement in _SCHEMA:
                    db.execute(statement)
                db.execute(
                    "INSERT INTO meta (name, value) VALUES ('schema_version', ?)",
                    (str(SCHEMA_VERSION),),
                )
                return
            if tables != {"meta", "counts"}:
                raise _Damaged("not an analytics database")
            row = db.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
            # A later schema version adds its migration here, from the version it finds.
            if row is None or row[0] != str(SCHEMA_VERSION):
                raise _Damaged(f"schema version {row[0] if row else 'missing'}, not ours")

    def _set_aside(self, error: sqlite3.Error) -> None:
        stamp = _utc(self._clock()).strftime("%Y%m%dT%H%M%SZ")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        number = 1
        while aside.exists():
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{number}")
            number += 1
        # The write-ahead log and its index go too: replayed into a new file they would
        # bring back the damaged pages.
        for suffix in ("", "-wal", "-shm", "-journal"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                source.replace(Path(f"{aside}{suffix}"))
        log.warning(
            "analytics: %s could not be read (%s); moved it to %s and started a new one",
            self.path,
            error,
            aside.name,
        )

    def _guard(self, work: Callable[[], T]) -> T:
        """Run ``work``, turning the database's and the disk's failures into the one error
        callers catch.  (Damage is looked for at opening: SQLite serves a running kiosk from
        its page cache and log, so a file damaged under it shows at the next start.)"""
        try:
            return work()
        except (sqlite3.Error, OSError) as error:
            # SQLite says "disk I/O error" or "unable to open": name the disk's own problem.
            problem = disk_problem(self.path.parent)
            why = f" ({problem})" if problem and problem not in str(error) else ""
            raise AnalyticsError(f"analytics database {self.path}: {error}{why}") from error

    # -- counting --------------------------------------------------------------------------

    def count(self, kind: str, key: str = "") -> None:
        """Add one to this hour's total for ``kind``/``key``; ValueError when either is
        not on the allow-list, and then nothing is written."""
        check_key(kind, key)
        now = self._clock()
        self._prune_if_due(now)

        def add() -> None:
            with _transaction(self._db):
                self._db.execute(_UPSERT, (hour_bucket(now), kind, key))

        self._guard(add)

    def visit_ended(self, duration_s: float) -> None:
        """Count a finished visit in its length's bucket."""
        self.count("time", duration_bucket(duration_s))

    def prune(self, retention_days: int) -> int:
        """Delete the buckets of hours more than ``retention_days`` days before this hour;
        returns how many rows went."""
        if retention_days < 0:
            raise ValueError("retention_days cannot be negative")
        cutoff = hour_bucket(hour_start(self._clock()) - timedelta(days=retention_days))

        def delete() -> int:
            with _transaction(self._db):
                return self._db.execute("DELETE FROM counts WHERE hour < ?", (cutoff,)).rowcount

        return self._guard(delete)

    def _prune_if_due(self, now: datetime) -> None:
        if self._read_only:
            return  # nothing can be deleted on such a disk; the kiosk prunes later
        today = _utc(now).date()
        if self._pruned_on != today:
            self._pruned_on = today
            if self._clock_leapt_past_the_counts(now):
                return
            self.prune(self._retention_days)

    def _clock_leapt_past_the_counts(self, now: datetime) -> bool:
        """True when the clock is more than a week past the newest count (longer than a
        museum's usual closing): a kiosk that was off for a while, or a wrong clock at boot
        (a flat RTC battery) that NTP will step back.  Pruning then waits for the next day,
        when this run's own counts are the newest: deleting by a wrong clock would lose
        counts for good."""
        newest = self._guard(lambda: self._db.execute("SELECT max(hour) FROM counts").fetchone())
        if newest is None or newest[0] is None:
            return False
        leap = hour_start(now) - datetime.strptime(newest[0], "%Y-%m-%dT%H:00Z").replace(tzinfo=UTC)
        if leap <= CLOCK_LEAP:
            return False
        log.warning(
            "analytics: the clock is %d days past the newest count; old counts are kept "
            "until tomorrow, in case the clock is wrong",
            leap.days,
        )
        return True

    # -- reading ---------------------------------------------------------------------------

    def rows(self) -> list[tuple[str, str, str, int]]:
        """Every row, by hour, kind and key: what the CSV holds."""
        return self._guard(
            lambda: self._db.execute(
                "SELECT hour, kind, key, count FROM counts ORDER BY hour, kind, key"
            ).fetchall()
        )

    def totals_by_hour(self, since: datetime) -> list[tuple[str, int]]:
        """Visits in each hour from ``since``'s hour to this one, oldest first, hours without
        visits included (as 0).  Hours before the retention period are left out."""
        now = hour_start(self._clock())
        start = max(hour_start(since), now - timedelta(days=self._retention_days))
        totals = dict(self._visit_totals(hour_bucket(start), "hour"))
        result = []
        while start <= now:
            bucket = hour_bucket(start)
            result.append((bucket, totals.get(bucket, 0)))
            start += timedelta(hours=1)
        return result

    def totals_by_day(self, days: int) -> list[tuple[str, int]]:
        """Visits on each of the last ``days`` UTC days (``YYYY-MM-DD``), today last, days
        without visits included (as 0)."""
        if days < 1:
            raise ValueError("days must be at least 1")
        today = _utc(self._clock()).date()
        first = today - timedelta(days=days - 1)
        totals = dict(self._visit_totals(f"{first.isoformat()}T00:00Z", "substr(hour, 1, 10)"))
        dates = [(first + timedelta(days=n)).isoformat() for n in range(days)]
        return [(day, totals.get(day, 0)) for day in dates]

    def _visit_totals(self, since_bucket: str, group: str) -> list[tuple[str, int]]:
        # ``group`` is one of two fixed expressions from this module, never a caller's text.
        query = (
            f"SELECT {group} AS span, SUM(count) FROM counts "
            "WHERE kind = 'visit' AND hour >= ? GROUP BY span"
        )
        return self._guard(lambda: self._db.execute(query, (since_bucket,)).fetchall())

    def summary(self) -> Summary:
        """Visits today and in the last week; screens, languages, reading aids, visit lengths
        and idle resets of the last week."""
        today = _utc(self._clock()).date()
        week_start = f"{(today - timedelta(days=SUMMARY_DAYS - 1)).isoformat()}T00:00Z"

        def read() -> Summary:
            with _transaction(self._db, "BEGIN"):  # one consistent snapshot
                totals: dict[str, dict[str, int]] = {kind: {} for kind in KINDS}
                for kind, key, total in self._db.execute(
                    "SELECT kind, key, SUM(count) FROM counts WHERE hour >= ? GROUP BY kind, key",
                    (week_start,),
                ):
                    totals[kind][key] = total
                (visits_today,) = self._db.execute(
                    "SELECT COALESCE(SUM(count), 0) FROM counts WHERE kind = 'visit' AND hour >= ?",
                    (f"{today.isoformat()}T00:00Z",),
                ).fetchone()
            return Summary(
                visits_today=visits_today,
                visits_last_7_days=totals["visit"].get("", 0),
                top_screens=_largest_first(totals["screen"]),
                languages=_largest_first(totals["language"]),
                access=_largest_first(totals["access"]),
                durations=[(key, totals["time"].get(key, 0)) for key in DURATION_KEYS],
                idle_resets=totals["idle-reset"].get("", 0),
            )

        return self._guard(read)

    def export_csv(self, out: Path) -> int:
        """Write every row to ``out`` as CSV (see ``write_csv``); returns the row count."""
        rows = self.rows()
        return self._guard(lambda: write_csv(out, rows))

    # -- closing ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the file; the last connection to go folds the write-ahead log back in."""
        self._db.close()

    def __enter__(self) -> AnalyticsStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _largest_first(totals: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(totals.items(), key=lambda item: (-item[1], item[0]))


def empty_summary() -> Summary:
    """The summary of a station that has counted nothing (no database yet)."""
    return Summary(
        visits_today=0,
        visits_last_7_days=0,
        top_screens=[],
        languages=[],
        access=[],
        durations=[(key, 0) for key in DURATION_KEYS],
        idle_resets=0,
    )
