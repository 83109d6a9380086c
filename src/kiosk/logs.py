"""Where the kiosk's messages go: the terminal (or the journal) and a rotating log file with
a size cap; and where a crash leaves its trace (faulthandler)."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
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
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
        crash = (folder / CRASH_FILE).open("a", encoding="utf-8")
    except OSError as error:
        logging.getLogger(__name__).warning("cannot write logs in %s: %s", folder, error)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    faulthandler.enable(file=crash, all_threads=True)
    return LogFiles(folder, crash)
