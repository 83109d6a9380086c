"""File-system steps that survive power loss: fsync of files and folders, atomic replace.

A rename is only durable once the folder holding it is flushed, and a file's bytes only once
the file is; these helpers do both so the store's "old or new, never a mix" holds after a
power cut, not just after a crash of this process.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

CHUNK = 1024 * 1024


def fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (new names, renames, removals) to disk.

    Windows cannot open a folder for flushing; NTFS journals its metadata, so the rename
    itself is what must be atomic there, and os.replace is.
    """
    if sys.platform == "win32":
        return
    descriptor = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_tree(root: Path) -> None:
    """Every file, then every folder from the deepest up, then ``root`` itself."""
    folders: list[Path] = []
    for folder, _, files in os.walk(root):
        here = Path(folder)
        folders.append(here)
        for name in files:
            fsync_file(here / name)
    for folder_path in reversed(folders):
        fsync_dir(folder_path)


def atomic_write(path: Path, data: bytes, step: Callable[[str], None] = lambda _name: None) -> None:
    """Replace ``path`` by ``data`` so a reader sees the old bytes or the new, never part.

    ``step`` is called between the stages (the installer's crash-test checkpoints).
    """
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    step("written")
    temporary.replace(path)
    step("replaced")
    fsync_dir(path.parent)


def sibling_temp(path: Path) -> Path:
    """A new empty file beside ``path`` (same file system, so it can replace ``path``
    atomically), with the usual permissions: tempfile's would make a pack 0600."""
    for _ in range(100):
        candidate = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(descriptor)
        return candidate
    raise FileExistsError(f"no free temporary name beside {path}")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def remove_tree(path: Path) -> None:
    """Remove a folder we created; missing is fine (a crash may have removed part of it)."""
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(path)
