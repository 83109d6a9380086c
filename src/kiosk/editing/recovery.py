"""Recovery copies: the studio's unsaved texts, kept outside the content folder so a crash or
a power cut loses at most the last few seconds of typing.

One JSON file per content folder, named by a hash of the folder's resolved path, in the
kiosk's data folder (``KIOSK_DATA_DIR`` moves it): never inside the content folder, where a
pack would carry it and the content watcher would see it. Written atomically (a temporary
file beside it, flushed, then renamed), so a copy is whole or absent.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
from pathlib import Path

from kiosk.content.loader import FILES
from kiosk.content.source import MAX_FILE_BYTES
from kiosk.editing.studio_settings import read_small_file
from kiosk.packs.fsio import fsync_dir, sibling_temp
from kiosk.paths import data_dir

log = logging.getLogger(__name__)

RECOVERY_FOLDER = "studio-recovery"
# Every content file at the loader's limit, as base64 (4/3), with room for the record.
MAX_RECORD_BYTES = len(FILES) * (MAX_FILE_BYTES * 4 // 3 + 4096) + 4096


def recovery_path(folder: Path) -> Path:
    """Where the recovery copy of ``folder`` is kept (whether or not there is one)."""
    key = hashlib.sha256(os.fsencode(folder.resolve())).hexdigest()[:24]
    return data_dir() / RECOVERY_FOLDER / f"{key}.json"


def write_recovery(folder: Path, texts: dict[str, bytes]) -> Path:
    """Keep ``texts`` (file name -> the file as it would be saved) as the folder's recovery
    copy, replacing the previous one. A text larger than the loader reads is left out (it
    could not be opened again) with a logged warning; so is a name that is not a plain file
    name."""
    files: dict[str, dict[str, str]] = {}
    for name, data in texts.items():
        if not _plain_name(name):
            log.warning("recovery: '%s' is not a plain file name; not kept", name)
        elif len(data) > MAX_FILE_BYTES:
            log.warning(
                "recovery: %s is %d bytes, more than a content file may be; not kept",
                name,
                len(data),
            )
        else:
            files[name] = _encoded(data)
    record = {"folder": str(folder.resolve()), "files": files}
    path = recovery_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = sibling_temp(path)
    try:
        with temporary.open("wb") as handle:
            handle.write(json.dumps(record, ensure_ascii=False).encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    fsync_dir(path.parent)
    return path


def find_recovery(folder: Path) -> dict[str, bytes] | None:
    """The folder's recovery copy when it differs from the files on disk, else None.

    A copy that cannot be read is reported in the log and treated as absent (it is left
    where it is, for a person to look at)."""
    path = recovery_path(folder)
    try:
        data = read_small_file(path, MAX_RECORD_BYTES)
        if data is None:
            return None
        texts = _decoded(data, folder)
    except OSError as error:
        log.warning("recovery copy %s cannot be read: %s", path, error)
        return None
    except (ValueError, RecursionError) as error:  # RecursionError: absurdly nested JSON
        log.warning("recovery copy %s ignored: %s", path, error)
        return None
    if texts is None or all(_on_disk(folder / name) == text for name, text in texts.items()):
        return None
    return texts


def discard_recovery(folder: Path) -> None:
    """Remove the folder's recovery copy (after a save, or when staff decline it)."""
    path = recovery_path(folder)
    path.unlink(missing_ok=True)
    if path.parent.is_dir():
        fsync_dir(path.parent)


def _plain_name(name: str) -> bool:
    return bool(name) and name not in (".", "..") and not any(c in name for c in "/\\\0:")


def _encoded(data: bytes) -> dict[str, str]:
    """UTF-8 text as text (a person can read it if the studio cannot), anything else as
    base64 (an unreadable file is kept byte for byte)."""
    try:
        return {"text": data.decode("utf-8")}
    except UnicodeDecodeError:
        return {"base64": base64.b64encode(data).decode("ascii")}


def _decoded(data: bytes, folder: Path) -> dict[str, bytes] | None:
    if len(data) > MAX_RECORD_BYTES:
        raise ValueError("the file is too large")
    record = json.loads(data.decode("utf-8"))
    if not isinstance(record, dict) or not isinstance(record.get("files"), dict):
        raise ValueError("not a recovery record")
    if record.get("folder") != str(folder.resolve()):
        return None  # another folder's copy (a hash collision, or a folder moved)
    texts: dict[str, bytes] = {}
    for name, entry in record["files"].items():
        if not _plain_name(name) or not isinstance(entry, dict):
            raise ValueError(f"'{name}' is not a recovered file")
        if isinstance(entry.get("text"), str):
            texts[name] = entry["text"].encode("utf-8")
        elif isinstance(entry.get("base64"), str):
            texts[name] = base64.b64decode(entry["base64"], validate=True)
        else:
            raise ValueError(f"'{name}' has no text")
    return texts


def _on_disk(path: Path) -> bytes | None:
    """The file's bytes as the loader would read them; None when it is not there or is
    not a file the loader could read (then the recovered text is what is left of it)."""
    try:
        return read_small_file(path, MAX_FILE_BYTES)
    except (OSError, ValueError):
        return None
