"""Which installed content version is active, read with nothing but the standard library's
basics: the kiosk asks this on every start, before its first frame."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.paths import data_dir

STORE_FOLDER = "content-store"
CONTENT = "content"
VERSION_ID = re.compile(r"[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}(?:-[0-9]{1,4})?")
MAX_POINTER_BYTES = 256


def store_root(configured: Path | None) -> Path:
    """The content store: the station configuration's ``content_store``, else the data
    folder's ``content-store/``."""
    return configured or data_dir() / STORE_FOLDER


def read_pointer(root: Path) -> str | None:
    """What the store's ``active`` file says, or None when it is missing or unreadable."""
    try:
        with (root / "active").open("rb") as handle:
            data = handle.read(MAX_POINTER_BYTES + 1)
        if len(data) > MAX_POINTER_BYTES:
            return None
        return data.decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None


def active_version(root: Path) -> str | None:
    """The active version's id; None for the factory default, and for a pointer that is
    missing, damaged or names a version that is not there."""
    text = read_pointer(root)
    if text is None or not VERSION_ID.fullmatch(text):
        return None
    if not (root / "versions" / text / CONTENT).is_dir():
        return None
    return text


def active_folder(root: Path) -> Path | None:
    """The active version's content folder, or None for the bundled factory content."""
    version = active_version(root)
    return None if version is None else root / "versions" / version / CONTENT
