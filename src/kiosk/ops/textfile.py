"""The metrics written for the node exporter's textfile collector (``prometheus-node-exporter
--collector.textfile.directory``, on Debian /var/lib/prometheus/node-exporter): the node
exporter, already run by museum IT, serves them, so the kiosk itself opens no port.

The node exporter reads every ``*.prom`` file in the folder at each scrape; its
documentation asks writers to write a temporary file in the same folder and rename it over
the real one, so a scrape never reads half a file.  The temporary name does not end in
``.prom`` (the collector would read it), and the file is made readable by others: the
exporter runs as its own user, and ``mkstemp`` makes files only their owner can read.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

SUFFIX = ".prom"
MODE = 0o644  # the node exporter (user prometheus) must read it; it holds nothing private


def textfile_problem(path: Path) -> str | None:
    """Why ``path`` cannot be the kiosk's textfile, else None."""
    if not path.is_absolute():
        return f"{path}: not an absolute path"
    if path.suffix != SUFFIX:
        return f"{path}: the node exporter reads only files ending in {SUFFIX}"
    return None


def write_textfile(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` atomically (temporary file beside it, then rename).
    Raises OSError when the folder cannot be written; nothing half-written is left."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fchmod(stream.fileno(), MODE)
        Path(temporary).replace(path)
    finally:
        with contextlib.suppress(OSError):
            Path(temporary).unlink(missing_ok=True)
