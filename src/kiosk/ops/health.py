"""A small JSON file saying how the kiosk is, refreshed every 30 seconds, for a museum's
monitoring (or a person with a terminal) to read without touching the kiosk."""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import resource
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.analytics.store import AnalyticsError, AnalyticsStore, hour_bucket, hour_start

HEALTH_FILE = "health.json"
STARTS_FILE = "starts.json"


# Warnings that mean something is off for the rest of the run, and how to name it: the
# logger's name, the start of its message, and the sentence (the rest of the message,
# which names the real problem, fills %s).
# The problems' sentences; the staff panel shows them in the staff's language, so their
# forms are named here once (kiosk.ui.staff.problems matches them).
COUNTS_OFF = "Visit counts are off for this run: %s."
DATA_FOLDER = (
    "The data folder %s cannot be written (%s): visit counts, the health report and the "
    "record of wrong PINs are not saved."
)
LOG_FOLDER = "The log folder %s cannot be written (%s): the log goes to the journal only."
ALTERED = "Content version changed since it was installed, so it is not shown: %s."
READ_ONLY, FULL, NOT_ALLOWED = "the disk is read-only", "the disk is full", "permission denied"
TURNED_OFF = (("kiosk.analytics", "analytics: off for this run: ", COUNTS_OFF),)
MIN_FREE_BYTES = 1024 * 1024  # less than this left on a disk counts as full


class LastError(logging.Handler):
    """Remembers the most recent error logged, for the health report and the staff panel,
    and the warnings that turned something off for this run (``problems``)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.message: str | None = None
        self.at: float | None = None
        self.problems: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.levelno >= logging.ERROR:
            self.message = f"{record.name}: {text}"
            self.at = record.created
            return
        for logger, start, sentence in TURNED_OFF:
            if record.name.startswith(logger) and text.startswith(start):
                problem = sentence % text.removeprefix(start)
                if problem not in self.problems:
                    self.problems.append(problem)


def folder_problem(folder: Path) -> str | None:
    """Why nothing can be written in ``folder`` (read-only, full, not a folder), else None.
    Asks the file system (statvfs), so a report every 30 s writes nothing to find out."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        info = os.statvfs(folder)
    except OSError as error:
        known = {errno.EROFS: READ_ONLY, errno.ENOSPC: FULL, errno.EACCES: NOT_ALLOWED}
        return known.get(error.errno or 0) or error.strerror or str(error)
    if info.f_flag & os.ST_RDONLY:
        return READ_ONLY
    if info.f_bavail * info.f_frsize < MIN_FREE_BYTES:
        return FULL
    return None if os.access(folder, os.W_OK) else NOT_ALLOWED


def disk_problems() -> list[str]:
    """The data and log folders, if they cannot be written, with what that turns off."""
    from kiosk.logs import log_dir  # noqa: PLC0415
    from kiosk.paths import data_dir  # noqa: PLC0415

    problems = []
    checks = ((data_dir, DATA_FOLDER), (log_dir, LOG_FOLDER))
    for where, sentence in checks:
        try:
            folder = where()
        except (OSError, ValueError) as error:
            problems.append(sentence % ("?", error))
            continue
        problem = folder_problem(folder)
        if problem is not None:
            problems.append(sentence % (folder, problem))
    return problems


def memory_mib() -> float:
    """Resident memory now (Linux), else the peak so far."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def count_start(folder: Path) -> int:
    """Record one more start of the kiosk (restarts show up as a rising count).  On a disk
    that refuses the write the count is still returned; the health report's own warning
    says why nothing is written."""
    path = folder / STARTS_FILE
    try:
        starts = int(json.loads(path.read_text(encoding="utf-8")).get("starts", 0)) + 1
    except (OSError, ValueError, AttributeError):
        starts = 1
    with contextlib.suppress(OSError):
        write_json(path, {"starts": starts, "last_start": int(time.time())})
    return starts


def write_json(path: Path, document: dict[str, Any]) -> None:
    """Replace the file atomically: a reader never sees half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(document, stream, indent=2)
        Path(temporary).replace(path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def visits_last_hour(store: AnalyticsStore | None, now: datetime) -> int | None:
    """Visits in the last complete UTC hour (at 10:10, those of 09:00-10:00); None when
    nothing is counted.  Never the hour under way: scraped every few seconds, its count
    would show each visit as it happens."""
    if store is None:
        return None
    previous = hour_start(now) - timedelta(hours=1)
    try:
        totals = dict(store.totals_by_hour(previous))
    except AnalyticsError:
        return None
    return totals.get(hour_bucket(previous), 0)


# No current screen, nor anything else live about a visit: scraped every few seconds it
# would be a per-visit timeline, against the promise of hourly totals only.
def report(
    *,
    started: float,
    content_version: str,
    starts: int,
    visits: int | None = None,
    last_error: LastError,
    versions: dict[str, str],
    problems: list[str] | None = None,
) -> dict[str, Any]:
    """``problems``: more, found by the caller (installed versions refused as altered:
    ``kiosk.ui.health_writer.altered_versions``; ops does not read the content store)."""
    problems = [*disk_problems(), *last_error.problems, *(problems or [])]
    return {
        "kiosk_version": __version__,
        "versions": versions,
        "uptime_s": round(time.monotonic() - started),
        "starts": starts,
        "content_version": content_version,
        "visits_last_hour": visits,
        "memory_mib": round(memory_mib(), 1),
        "last_error": last_error.message,
        "last_error_at": last_error.at,
        "problems": problems,  # what is off or refused, in sentences; [] when all is well
        "written_at": int(time.time()),
    }
