"""Work that ``kiosk run`` does in a child process while it loads Qt itself.

Before its first frame the kiosk must read the station's configuration and read and check
the content: about 30 ms, most of it importing and running the YAML reader and the
content checks.  Loading Qt takes the parent three times as long and needs none of it, so
the parent forks first: the child reads and checks, sends the result back through a pipe
(pickled: parent and child are the same program, and the pipe is theirs alone) and ends;
the parent takes it once Qt is loaded.  On a machine with a second core the reading costs
the first frame nothing.

Nothing is cached and nothing is trusted that the checks did not just pass: the child runs
exactly the code the parent would have run.  Whatever goes wrong with the child itself (no
``fork`` on this platform, a crash, a result that does not arrive whole) the parent does
the work itself, as it always did; what the work raised in the child is raised in the
parent.  Forking is done only while the process is single-threaded and before Qt is loaded
(in tests, where Qt already runs, the work is simply done in place).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

CHILD_FAILED = 70  # EX_SOFTWARE: the child could not send a result


class Pending(Generic[T]):
    """A result being made by a child process, or made on demand where none was forked."""

    def __init__(self, work: Callable[[], T], pid: int | None, reader: int | None) -> None:
        self._work = work
        self._pid = pid
        self._reader = reader
        self.forked = pid is not None  # whether a child was started for the work

    def result(self) -> T:
        """The work's result (raising what the work raised); waits for the child."""
        if self._pid is None or self._reader is None:
            return self._work()
        data = _read_all(self._reader)
        os.waitpid(self._pid, 0)
        self._pid = self._reader = None
        try:
            outcome, value = pickle.loads(data)
        except Exception:  # nothing whole arrived: do the work here instead
            return self._work()
        if outcome == "raised":
            raise value
        return value  # type: ignore[no-any-return]


def start(work: Callable[[], T]) -> Pending[T]:
    """Begin ``work`` in a forked child when that is safe here; see the module's note."""
    if not _can_fork():
        return Pending(work, None, None)
    _flush_output()  # else the child would write out again what is still buffered
    reader, writer = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # out of processes or memory: the parent does the work itself
        os.close(reader)
        os.close(writer)
        return Pending(work, None, None)
    if pid == 0:  # the child: never returns
        os.close(reader)
        _child(work, writer)
    os.close(writer)
    return Pending(work, pid, reader)


def _can_fork() -> bool:
    return (
        hasattr(os, "fork")
        and threading.active_count() == 1
        and not any(name.startswith("PySide6") for name in sys.modules)
    )


def _child(work: Callable[[], object], writer: int) -> None:
    code = 0
    try:
        try:
            outcome: tuple[str, object] = ("ok", work())
        except Exception as error:  # handed to the parent, which raises it
            outcome = ("raised", error)
        # What cannot be pickled is not sent: the parent then does the work itself.
        _write_all(writer, pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:  # unpicklable, or the parent is gone
        code = CHILD_FAILED
    finally:
        # What the work printed must reach the terminal before the child vanishes without
        # running the parent's exit handlers (os._exit).
        _flush_output()
        os._exit(code)


def _flush_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed stream: nothing more to say
            stream.flush()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.close(fd)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)
