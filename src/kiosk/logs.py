"""Where the kiosk's messages go: the terminal (or the journal) and a rotating log file with
a size cap; and where a crash leaves its trace (faulthandler)."""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import IO, NamedTuple

LOG_FILE = "kiosk.log"
CRASH_FILE = "crash.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5  # at most 6 MiB of logs in all
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class LogFiles(NamedTuple):
    """The log folder, and the crash file faulthandler writes to: keep it open (and this
    object alive) for as long as the process runs."""

    folder: Path
    crash: IO[str]


def log_dir() -> Path:
    """``KIOSK_LOG_DIR``, else the platform's log folder."""
    override = os.environ.get("KIOSK_LOG_DIR")
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_log_dir("kiosk", appauthor=False))


class _LogFile(logging.handlers.RotatingFileHandler):
    """The rotating log file, quiet about its own failures: a full disk would otherwise
    print a traceback to stderr for every message.  The first failure is said once on
    stderr (the journal), which keeps every message anyway."""

    failing = False  # since the first failure, until a message is written again
    _this_failed = False

    def emit(self, record: logging.LogRecord) -> None:
        self._this_failed = False
        super().emit(record)  # calls handleError on any failure
        if not self._this_failed:
            self.failing = False

    def handleError(self, record: logging.LogRecord) -> None:
        self._this_failed = True
        if self.failing:
            return
        self.failing = True
        error = sys.exc_info()[1]
        reason = getattr(error, "strerror", None) or error
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(
                f"kiosk: cannot write logs in {Path(self.baseFilename).parent}: {reason}; "
                "messages go to stderr (the journal) only until it can be written\n"
            )

    def close(self) -> None:
        # Buffered lines that a full disk refuses are dropped, not raised at exit.
        with contextlib.suppress(OSError):
            super().close()


def rotate(path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
    """``path`` over the cap becomes ``path.1`` (and ``.1`` becomes ``.2``...), the way
    the log file rotates; for crash.log, which faulthandler writes past logging."""
    try:
        if path.stat().st_size <= max_bytes:
            return
        for number in range(backups - 1, 0, -1):
            older = path.with_name(f"{path.name}.{number}")
            if older.exists():
                older.replace(path.with_name(f"{path.name}.{number + 1}"))
        path.replace(path.with_name(f"{path.name}.1"))
    except OSError:
        return  # missing, or a disk that refuses: the open below says what matters


def configure_logging(*, to_files: bool = False) -> LogFiles | None:
    """Messages to the terminal; with ``to_files`` (the running kiosk) also to a rotating
    file, and crash traces to crash.log.  Called after the first frame: importing logging
    costs start-up time the first frame should not wait for."""
    root = logging.getLogger()
    if not root.handlers:
        terminal = logging.StreamHandler()
        terminal.setFormatter(logging.Formatter("kiosk: %(name)s: %(message)s"))
        terminal.setLevel(logging.WARNING)
        root.addHandler(terminal)
        root.setLevel(logging.WARNING)
    if not to_files:
        return None
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = _LogFile(
            folder / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
        rotate(folder / CRASH_FILE)
        crash = (folder / CRASH_FILE).open("a", encoding="utf-8")
    except OSError as error:
        logging.getLogger(__name__).warning(
            "cannot write logs in %s: %s; messages go to stderr (the journal) only",
            folder,
            error.strerror or error,
        )
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    faulthandler.enable(file=crash, all_threads=True)
    return LogFiles(folder, crash)
