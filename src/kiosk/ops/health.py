"""A small JSON file saying how the kiosk is, refreshed every 30 seconds, for a museum's
monitoring (or a person with a terminal) to read without touching the kiosk."""

from __future__ import annotations

import contextlib
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


class LastError(logging.Handler):
    """Remembers the most recent error logged, for the health report and the staff panel."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.message: str | None = None
        self.at: float | None = None

    def emit(self, record: logging.LogRecord) -> None:
        self.message = f"{record.name}: {record.getMessage()}"
        self.at = record.created


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
) -> dict[str, Any]:
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
        "written_at": int(time.time()),
    }
