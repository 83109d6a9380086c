"""One kiosk per station: a second one would fight the first for the screen.

Locks that the kernel drops when their process ends, crash or kill -9 included, so a lock
left behind by a dead kiosk is never mistaken for a running one, and none needs a writable
or non-full disk to be taken:

- on Linux, an abstract unix socket named after the data folder (no file at all);
- ``kiosk.lock`` in the data folder, held with ``flock`` (also what Qt's ``QLockFile``
  holds, so older kiosks and this one see each other); the file's content is never trusted;
- when the data folder cannot hold the file (read-only, full, not a folder) and there is no
  abstract socket (not Linux), a lock file in the runtime folder instead.

Imports no Qt: it runs before the application exists.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

LOCK_FILE = "kiosk.lock"


class StationBusyError(Exception):
    """Another kiosk holds this station's lock."""


@dataclass
class StationLock:
    """What holds the lock; ``release()`` (or the process's end) lets it go."""

    notes: list[str] = field(default_factory=list)
    _socket: socket.socket | None = None
    _fds: list[int] = field(default_factory=list)

    def release(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        for fd in self._fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        self._fds.clear()


def _name(folder: Path) -> str:
    """The same name for every spelling of one data folder."""
    with contextlib.suppress(OSError, RuntimeError):
        folder = folder.resolve()
    return hashlib.sha256(os.fsencode(folder)).hexdigest()[:32]


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


def _lock_file(path: Path) -> int:
    """The path opened and locked; StationBusyError when a live process holds it; OSError when
    the file cannot be opened (a read-only or full disk, a file where a folder should be)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _lock_fd(fd)
    except (BlockingIOError, PermissionError) as error:
        os.close(fd)
        raise StationBusyError(str(path)) from error
    except OSError:
        os.close(fd)
        raise
    # Who holds it, for a person looking; a full disk may refuse even this, which is fine.
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
    return fd


def _abstract_socket(folder: Path) -> socket.socket | None:
    """Linux only: bound to a name in the abstract namespace, gone with the process."""
    if not sys.platform.startswith("linux"):
        return None
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
    return Path(runtime) if runtime else Path(tempfile.gettempdir())


def hold_station_lock(folder: Path) -> StationLock:
    """Take the station's lock for ``folder`` (the data folder), or raise StationBusyError.

    Never fails for a disk that cannot be written: the returned lock's ``notes`` say, once,
    what could not be used and why (a read-only file system, no space left on device).
    """
    lock = StationLock()
    try:
        lock._socket = _abstract_socket(folder)
        try:
            lock._fds.append(_lock_file(folder / LOCK_FILE))
        except StationBusyError:
            raise
        except OSError as error:
            reason = error.strerror or str(error)
            where = "it is held by an abstract socket instead, which needs no disk"
            if lock._socket is None:
                fallback = runtime_dir() / f"kiosk-{_name(folder)}.lock"
                try:
                    lock._fds.append(_lock_file(fallback))
                    where = f"the station lock is kept in {fallback} instead"
                except OSError as second:
                    where = f"and not in {fallback} either ({second.strerror}): not locked"
            lock.notes.append(f"cannot keep the station lock in {folder}: {reason}; {where}")
    except StationBusyError:
        lock.release()
        raise
    return lock
