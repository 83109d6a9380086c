"""Ending the process once a command that showed windows has returned.

Qt's Wayland client joins its event-reading thread when the application object is
destroyed at interpreter exit, and under cage that join can wait forever (seen with Qt
6.11.3: ``~QWaylandDisplay`` blocked in ``QThread::wait`` in three of six exits watched here).  A
kiosk that hangs there never reaches the exit status its service acts on: a staff
"Restart" or "Exit to desktop" would end in a watchdog kill instead.  Everything the
kiosk keeps is written before its event loop returns, so once a window has been shown
the process flushes its logs and output and leaves without Qt's teardown.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from typing import NoReturn


def windows_were_shown() -> bool:
    """Whether this process created a Qt GUI application (the only case that can hang)."""
    gui = sys.modules.get("PySide6.QtGui")
    if gui is None:
        return False
    application = getattr(gui, "QGuiApplication", None)
    return application is not None and application.instance() is not None


def leave(code: int) -> NoReturn:
    """Exit with ``code``; past Qt's teardown when a GUI application exists."""
    if not windows_were_shown():
        sys.exit(code)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        # Closed, or None in a windowed build: nothing left to flush.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(code)
