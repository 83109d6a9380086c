"""One kiosk per station: a second one would fight the first for the screen.

Locks that the kernel drops when their process ends, crash or kill -9 included, so a lock
left behind by a dead kiosk is never mistaken for a running one, and none needs a writable
or non-full disk to be taken:

- ``kiosk.lock`` in the data folder, held with ``flock`` (also what Qt's ``QLockFile``
  holds, so older kiosks and this one see each other); the file's content is never
  trusted.  On a read-only disk an existing lock file is opened read-only, which ``flock``
  allows, so a kiosk started before the disk went read-only is still seen;
- when the data folder cannot hold the file at all (read-only with no file yet, a file
  where a folder should be): on Linux an abstract unix socket named after the data folder
  (no file at all), elsewhere a lock file in the runtime folder.

Imports no Qt, and nothing slow (no socket module unless needed): it runs before the
first frame.
"""

from __future__ import annotations

import contextlib
import os
import sys
import zlib
from pathlib import Path
from typing import Any

LOCK_FILE = "kiosk.lock"


class StationBusyError(Exception):
    """Another kiosk holds this station's lock."""


class StationLock:
    """What holds the lock; ``release()`` (or the process's end) lets it go.  A plain
    class: generating a dataclass would cost the first frame most of a millisecond."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self._socket: Any = None  # a socket.socket, when the disk could not hold the lock
        self._fds: list[int] = []

    def release(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        for fd in self._fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        self._fds.clear()


def _name(folder: Path) -> str:
    """The same name for every spelling of one data folder (two checksums: hashlib's import
    alone would cost the first frame a few milliseconds)."""
    with contextlib.suppress(OSError, RuntimeError):
        folder = folder.resolve()
    raw = os.fsencode(folder)
    return f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"


def _lock_fd(fd: int) -> None:
    """Take an exclusive lock on an open file now, or raise BlockingIOError/PermissionError."""
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as error:  # Windows says "deadlock avoided" for a held lock
            raise BlockingIOError(str(error)) from error
    else:
        import fcntl  # noqa: PLC0415

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _open_lock_file(path: Path) -> tuple[int, bool]:
    """The file opened for writing (True), or an existing one read-only (False) when the
    disk refuses writing; OSError when neither can be done."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644), True
    except OSError:
        if not path.is_file():
            raise
        return os.open(path, os.O_RDONLY), False


def _lock_file(path: Path) -> int:
    """The path opened and locked; StationBusyError when a live process holds it; OSError
    when the file cannot be opened (a read-only disk with no file yet, a file where a folder
    should be)."""
    fd, writable = _open_lock_file(path)
    try:
        _lock_fd(fd)
    except (BlockingIOError, PermissionError) as error:
        os.close(fd)
        raise StationBusyError(str(path)) from error
    except OSError:
        os.close(fd)
        raise
    if writable:  # who holds it, for a person looking; a full disk may refuse: fine
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
    return fd


def _abstract_socket(folder: Path) -> Any:
    """Linux only: bound to a name in the abstract namespace, gone with the process."""
    if not sys.platform.startswith("linux"):
        return None
    import socket  # noqa: PLC0415 - only when the disk cannot hold the lock

    holder = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        holder.bind(f"\0kiosk-station-{_name(folder)}")
    except OSError as error:
        holder.close()
        if error.errno == 98:  # EADDRINUSE: another kiosk of this data folder
            raise StationBusyError(f"abstract socket for {folder}") from error
        return None  # no such namespace here (a sandbox): the file locks still decide
    return holder


def runtime_dir() -> Path:
    """A folder for the fallback lock: the session's runtime folder, else the temp folder."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        return Path(runtime)
    import tempfile  # noqa: PLC0415 - rarely needed

    return Path(tempfile.gettempdir())


def hold_station_lock(folder: Path) -> StationLock:
    """Take the station's lock for ``folder`` (the data folder), or raise StationBusyError.

    Never fails for a disk that cannot be written: the returned lock's ``notes`` say, once,
    what could not be used and why (a read-only file system, not a directory).
    """
    lock = StationLock()
    try:
        try:
            lock._fds.append(_lock_file(folder / LOCK_FILE))
        except OSError as error:
            reason = error.strerror or str(error)
            lock._socket = _abstract_socket(folder)
            if lock._socket is not None:
                where = "it is held by an abstract socket instead, which needs no disk"
            else:
                fallback = runtime_dir() / f"kiosk-{_name(folder)}.lock"
                try:
                    lock._fds.append(_lock_file(fallback))
                    where = f"it is kept in {fallback} instead"
                except OSError as second:
                    where = f"nor in {fallback} ({second.strerror}): not locked"
            lock.notes.append(f"cannot keep the station lock in {folder}: {reason}; {where}")
    except StationBusyError:
        lock.release()
        raise
    return lock
