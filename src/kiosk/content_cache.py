"""The validated content model kept between starts, so a kiosk showing the same content
again starts without parsing YAML (or importing the parser and the content specs).

The cache is a convenience, never an authority:
- its key is the SHA-256 of the kiosk's version, the content code's files (or the frozen
  bundle's executable), the content folder's path and the bytes of every file the loader
  reads; each picture the model names must still have the size, inode and modification time
  it had when the content was checked;
- the statement's seal is checked against the cached words on every start (as a full load
  does), and the content store's integrity check runs before, whatever the cache says;
- anything doubtful (missing, unreadable, not ours, too large, corrupt, another version or
  another key, a shape this code does not know) means: load the content the normal way.

It is JSON in the data folder, written atomically, readable by the kiosk's user only.  JSON
and a fixed list of model types, never pickle: a damaged or planted file can at most be
refused.  No Qt here.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.content import model
from kiosk.content.issues import Location

CACHE_FILE = "content-model.json"
FORMAT = 1
MAX_CACHE_BYTES = 16 * 1024 * 1024
# What the loader reads (kiosk.content.loader.FILES), plus the seal's words file, which the
# seal check reads when a hash differs.  Named here so a start with a valid cache imports
# nothing of the loader; tests/test_content_cache.py holds the two lists together.
CONTENT_FILES = ("exhibit.yaml", "statement.yaml", "timeline.yaml", "figures.yaml")
SEAL_FILE = "statement.seal"
MAX_CONTENT_BYTES = 8 * 1024 * 1024

_TYPES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (
        Location,
        model.LocalizedText,
        model.AssetRef,
        model.Seal,
        model.Statement,
        model.Moment,
        model.Figure,
        model.Colours,
        model.TypeSizes,
        model.TouchSettings,
        model.Settings,
    )
}


class DoubtError(Exception):
    """Any reason not to use the cache."""


def cache_path(data: Path) -> Path:
    return data / CACHE_FILE


def load_cached(folder: Path, data: Path) -> model.Exhibit | None:
    """The exhibit cached for exactly this content, or None (then load it normally)."""
    try:
        key = content_key(folder)
        document = _read_document(cache_path(data))
        if document.get("format") != FORMAT or document.get("key") != key:
            raise DoubtError("another version or other content")
        parts = _decode(document["exhibit"])
        if not isinstance(parts, tuple) or len(parts) != 4:
            raise DoubtError("not an exhibit")
        settings, statement, timeline, figures = parts
        exhibit = model.Exhibit(settings, statement, timeline, figures, root=folder)
        if not isinstance(exhibit.settings, model.Settings) or not isinstance(
            exhibit.statement, model.Statement
        ):
            raise DoubtError("not an exhibit")
        _check_assets(exhibit, folder, document["assets"])
        _check_seal(exhibit, folder)
    except (DoubtError, OSError, ValueError, TypeError, KeyError, IndexError, RecursionError):
        return None
    return exhibit


def store(exhibit: model.Exhibit, folder: Path, data: Path) -> bool:
    """Keep ``exhibit`` (loaded and checked from ``folder`` just now) for the next start.
    False when it cannot be written (a read-only or full disk): nothing else depends on it."""
    try:
        document = {
            "format": FORMAT,
            "key": content_key(folder),
            "exhibit": _encode(tuple(exhibit[:4])),
            "assets": {path: _stamp(folder / path) for path in _asset_paths(exhibit)},
        }
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        data.mkdir(parents=True, exist_ok=True)
        target = cache_path(data)
        temporary = target.with_name(f".{CACHE_FILE}.{os.getpid()}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                out.write(text)
            temporary.replace(target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except (OSError, DoubtError, ValueError, TypeError):
        return False
    return True


def forget(data: Path) -> None:
    cache_path(data).unlink(missing_ok=True)


def content_key(folder: Path) -> str:
    """SHA-256 of everything the validated model depends on (see the module's note)."""
    digest = hashlib.sha256()
    digest.update(f"kiosk {__version__} cache {FORMAT}\0".encode())
    digest.update(_code_stamp().encode())
    root = folder.resolve()
    digest.update(f"{root}\0".encode())
    for name in (*CONTENT_FILES, SEAL_FILE):
        path = folder / name
        if name == SEAL_FILE and not path.exists():
            digest.update(b"no seal file\0")
            continue
        resolved = path.resolve()
        if not resolved.is_relative_to(root):
            raise DoubtError(f"{name} leads outside the content folder")
        with resolved.open("rb") as source:
            if not stat.S_ISREG(os.fstat(source.fileno()).st_mode):
                raise DoubtError(f"{name} is not a file")
            content = source.read(MAX_CONTENT_BYTES + 1)
        if len(content) > MAX_CONTENT_BYTES:
            raise DoubtError(f"{name} is too large to be content")
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def _code_stamp() -> str:
    """What changes when the kiosk's content code does: the frozen bundle's executable, or
    the content package's source files (a checkout changes without a new version)."""
    if getattr(sys, "frozen", False):
        info = Path(sys.executable).stat()
        return f"frozen {sys.executable} {info.st_size} {info.st_mtime_ns}\0"
    package = Path(model.__file__).parent
    parts = [
        f"{entry.name} {entry.stat().st_size} {entry.stat().st_mtime_ns}"
        for entry in sorted(os.scandir(package), key=lambda e: e.name)
        if entry.name.endswith(".py")
    ]
    here = Path(__file__).stat()
    parts.append(f"cache {here.st_size} {here.st_mtime_ns}")
    return "\n".join(parts) + "\0"


def _read_document(path: Path) -> dict[str, Any]:
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as source:
        info = os.fstat(source.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_CACHE_BYTES:
            raise DoubtError("not a cache file")
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise DoubtError("written by someone else")
        raw = source.read(MAX_CACHE_BYTES + 1)
    document = json.loads(raw.decode("utf-8"))
    if not isinstance(document, dict):
        raise DoubtError("not a cache document")
    return document


def _stamp(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_size, info.st_ino, info.st_mtime_ns]


def _asset_paths(exhibit: model.Exhibit) -> list[str]:
    return sorted({moment.image.path for moment in exhibit.timeline if moment.image is not None})


def _check_assets(exhibit: model.Exhibit, folder: Path, stamps: object) -> None:
    if not isinstance(stamps, dict) or set(stamps) != set(_asset_paths(exhibit)):
        raise DoubtError("the pictures are not the ones checked")
    for path, stamp in stamps.items():
        if _stamp(folder / path) != stamp:
            raise DoubtError(f"{path} changed since it was checked")


def _check_seal(exhibit: model.Exhibit, folder: Path) -> None:
    """The seal is checked on every start, cache or not: the words shown are the sealed ones."""
    if exhibit.statement.seal is None:
        return
    from kiosk.content.seal import check_seal  # noqa: PLC0415 - only for a sealed statement

    issues, _ = check_seal(exhibit.statement, folder)
    if any(issue.severity == "error" for issue in issues):
        raise DoubtError("the statement does not match its seal")


def _encode(value: object) -> object:
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        name = type(value).__name__
        if _TYPES.get(name) is not type(value):
            raise DoubtError(f"{name} is not a model type")
        return {"t": name, "f": [_encode(item) for item in value]}
    if isinstance(value, tuple):
        return {"t": "tuple", "f": [_encode(item) for item in value]}
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise DoubtError("a mapping with keys that are not text")
        return {"t": "dict", "f": {key: _encode(item) for key, item in value.items()}}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise DoubtError(f"cannot keep a {type(value).__name__}")


def _decode(value: object) -> Any:
    if isinstance(value, dict):
        kind, fields = value["t"], value["f"]
        if kind == "tuple" and isinstance(fields, list):
            return tuple(_decode(item) for item in fields)
        if kind == "dict" and isinstance(fields, dict):
            return {str(key): _decode(item) for key, item in fields.items()}
        cls = _TYPES.get(kind) if isinstance(kind, str) else None
        if cls is None or not isinstance(fields, list) or len(fields) != len(cls._fields):
            raise DoubtError("an unknown shape")
        return cls(*(_decode(item) for item in fields))
    if isinstance(value, list):
        raise DoubtError("a list where a tuple is kept")
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise DoubtError("an unknown value")
