"""Disks that refuse writes, for the tests: a read-only folder and a full one.

Tests run as root here, and root ignores permission bits, so a chmod 0555 folder would not
refuse anything.  These are real refusals from the kernel: a small tmpfs mounted read-only
(EROFS) or filled up (ENOSPC).  Where mounting is not allowed, a read-only folder is
stood in for by a path under a regular file (ENOTDIR: nothing can be created there either);
a full disk has no stand-in, and its tests skip saying why.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


def _mount(where: Path, options: str) -> bool:
    if shutil.which("mount") is None:
        return False
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def _unmount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def refuses_writes(folder: Path) -> bool:
    try:
        (folder / ".probe").write_bytes(b"x" * 65536)
    except OSError:
        return True
    (folder / ".probe").unlink()
    return False


@contextlib.contextmanager
def read_only_folder(base: Path) -> Iterator[Path]:
    """A folder (that does not exist yet) where nothing can be written."""
    mount = base / "read-only"
    if _mount(mount, "size=1m,mode=0755,ro"):
        try:
            assert refuses_writes(mount)
            yield mount / "kiosk"
        finally:
            _unmount(mount)
        return
    blocker = base / "a-file"
    blocker.write_text("a file where a folder is expected\n", encoding="utf-8")
    yield blocker / "kiosk"


@contextlib.contextmanager
def remounted_read_only(base: Path, prepare: Callable[[Path], None]) -> Iterator[Path]:
    """A folder that ``prepare`` fills, then made read-only (an SD card the kernel remounted
    read-only after an error)."""
    mount = base / "remounted"
    if not _mount(mount, "size=4m,mode=0755"):
        pytest.skip("cannot mount a small tmpfs here (not root, or no mount)")
    try:
        prepare(mount)
        remount = ["mount", "-o", "remount,ro", str(mount)]
        assert subprocess.run(remount, capture_output=True, check=False).returncode == 0
        assert refuses_writes(mount)
        yield mount
    finally:
        _unmount(mount)


@contextlib.contextmanager
def full_folder(
    base: Path, stale_lock: bool = False, prepare: Callable[[Path], None] | None = None
) -> Iterator[Path]:
    """An existing folder on a small disk with no space left; with ``stale_lock``, the lock
    file a crashed kiosk left behind (Qt's lock file format, a process that is gone);
    ``prepare`` puts files there before the disk is filled."""
    mount = base / "full"
    if not _mount(mount, "size=256k,mode=0755"):
        pytest.skip("cannot mount a small tmpfs here to fill it (not root, or no mount)")
    try:
        if prepare is not None:
            prepare(mount)
        if stale_lock:
            (mount / "kiosk.lock").write_text(
                "2147483646\npython3.11\nstation\nboot\nmachine\n", encoding="utf-8"
            )
        with (mount / "filler").open("wb", buffering=0) as filler, contextlib.suppress(OSError):
            while True:
                filler.write(b"\0" * 4096)
        assert refuses_writes(mount)
        yield mount
    finally:
        _unmount(mount)
