"""Work that ``kiosk run`` does in a child process while it loads Qt itself.

Before its first frame the kiosk must read the station's configuration and read and check
the content: about 30 ms, most of it importing and running the YAML reader and the
content checks.  Loading Qt takes the parent three times as long and needs none of it, so
the parent first starts a child: the child reads and checks, sends the result back through
a pipe (pickled: parent and child are the same program, and the pipe is theirs alone) and
ends; the parent takes it once Qt is loaded.  On a machine with a second core the reading
costs the first frame nothing.

The child is a fresh process (``posix_spawn``), not a fork: a forked child would share the
parent's memory copy-on-write, and every page the parent then touched while loading Qt
would be copied (with kiosk.launch starting it first, about 10 ms off the first frame:
bench/RESULTS.md, "Start-up, fourth round").  It runs the
same kiosk package as the parent (the same folder first on ``sys.path``) and is told which
function to run, by name, with which arguments.

Nothing is cached and nothing is trusted that the checks did not just pass: the child runs
exactly the code the parent would have run.  Whatever goes wrong with the child itself (no
``posix_spawn`` on this platform, a crash, a result that does not arrive whole) the parent
does the work itself, as it always did; what the work raised in the child is raised in the
parent.  A process whose Qt application runs already (tests, tools that show the kiosk)
does the work in place: it is past its first frame, and a child would not share what it
has set up in itself.
"""

from __future__ import annotations

import importlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

CHILD_FAILED = 70  # EX_SOFTWARE: the child could not send a result
# The child: Python with the kiosk package's folder first on its path, so it imports the
# parent's kiosk even when that is not the installed one (bench/startup.py --before).
_BOOT = (
    "import sys; sys.path.insert(0, {folder!r}); "
    "from kiosk.prepare_run import serve; raise SystemExit(serve(sys.argv[1:]))"
)


class Pending:
    """A result being made by a child process, or made on demand where none was started."""

    def __init__(self, work: str, arguments: list[str], pid: int | None, reader: int | None):
        self._work = work
        self._arguments = arguments
        self._pid = pid
        self._reader = reader
        self.in_child = pid is not None  # whether a child was started for the work

    def result(self) -> Any:
        """The work's result (raising what the work raised); waits for the child."""
        if self._pid is None or self._reader is None:
            return _call(self._work, self._arguments)
        data = _read_all(self._reader)
        os.waitpid(self._pid, 0)
        self._pid = self._reader = None
        try:
            outcome, value = pickle.loads(data)
        except Exception:  # nothing whole arrived: do the work here instead
            return _call(self._work, self._arguments)
        if outcome == "raised":
            raise value
        return value


def start(work: str, arguments: list[str]) -> Pending:
    """Begin ``work(arguments)`` in a child process when that can be done here.  ``work``
    names a module-level function, ``"package.module:function"``: the child imports it by
    that name, and so does this process when it does the work itself."""
    command = _child_command()
    if command is None:
        return Pending(work, arguments, None, None)
    reader, writer = os.pipe()
    os.set_inheritable(writer, True)  # the child's only inherited descriptor besides 0-2
    try:
        pid = os.posix_spawn(command[0], [*command, str(writer), work, *arguments], os.environ)
    except OSError:  # out of processes or memory: the parent does the work itself
        os.close(reader)
        return Pending(work, arguments, None, None)
    finally:
        os.close(writer)
    return Pending(work, arguments, pid, reader)


def serve(argv: list[str]) -> int:
    """The child's side: ``argv`` is the pipe's descriptor, the work's name and its
    arguments; the outcome goes back through the pipe; the exit status says whether it
    could be sent."""
    writer, work, arguments = int(argv[0]), argv[1], argv[2:]
    try:
        try:
            outcome: tuple[str, object] = ("ok", _call(work, arguments))
        except Exception as error:  # handed to the parent, which raises it
            outcome = ("raised", error)
        # What cannot be pickled is not sent: the parent then does the work itself.
        _write_all(writer, pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:  # unpicklable, or the parent is gone
        return CHILD_FAILED
    return 0


def _call(work: str, arguments: list[str]) -> Any:
    module, _, function = work.partition(":")
    return getattr(importlib.import_module(module), function)(arguments)


def _child_command() -> list[str] | None:
    # A PyInstaller bundle reads in place: its child would be a second bundle, whose own
    # start (the boot loader, PyInstaller's Qt hook loading QtCore) costs more than the
    # reading spares (first frame 263 -> 355 ms, bench/RESULTS.md).
    if not hasattr(os, "posix_spawn") or getattr(sys, "frozen", False):
        return None
    if _qt_application_exists():
        return None
    package_folder = Path(__file__).resolve().parents[1]
    return [sys.executable, "-c", _BOOT.format(folder=str(package_folder))]


def _qt_application_exists() -> bool:
    # Looked up, not imported: QtCore may be loaded before any application exists.
    qt_core = sys.modules.get("PySide6.QtCore")
    return qt_core is not None and qt_core.QCoreApplication.instance() is not None


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
