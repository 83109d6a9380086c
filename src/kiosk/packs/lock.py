"""One writer at a time: installs and rollbacks hold an exclusive lock on the store.

The operating system drops the lock when the holder dies, even by kill -9, so a crash
never leaves the store locked.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.packs.errors import PackError


@contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            _lock(descriptor)
        except OSError:
            raise PackError(
                "another pack command is changing the content store; try again when it ends"
            ) from None
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


if sys.platform == "win32":
    import msvcrt

    def _lock(descriptor: int) -> None:
        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
