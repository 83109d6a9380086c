"""Showing the kiosk on a real display: full screen and cursorless, or in a window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from kiosk.content.model import Exhibit
from kiosk.core.reloader import ContentReloader
from kiosk.ui.application import build_kiosk, create_application
from kiosk.ui.live_content import LiveContent
from kiosk.ui.qt_messages import route_qt_messages
from kiosk.ui.window import KioskWindow

DEFAULT_WINDOW = (1280, 800)


def _report_milestones(window: KioskWindow, app: QApplication, first: bool, ready: bool) -> None:
    """For bench/startup.py: print milestones to stdout and quit at the one asked for."""
    if first or ready:
        window.first_frame_shown.connect(lambda: print("first-frame", flush=True))
    if first:
        # exit() ends the loop before the deferred build of the other screens can run, so
        # the measurement covers exactly what the first frame needs.
        window.first_frame_shown.connect(lambda: app.exit(0))
    elif ready:
        window.screens_ready.connect(lambda: print("ready", flush=True))
        window.screens_ready.connect(lambda: app.exit(0))


def run_kiosk(
    exhibit: Exhibit,
    *,
    content_dir: Path,
    windowed: bool,
    size: tuple[int, int] | None,
    screen_index: int | None,
    exit_after_first_frame: bool = False,
    exit_when_ready: bool = False,
) -> int:
    route_qt_messages()
    app = create_application()
    kiosk = build_kiosk(app, exhibit)
    window = kiosk.window
    screens = app.screens()
    if screen_index is not None and not 0 <= screen_index < len(screens):
        print(f"kiosk: there is no screen {screen_index}; found {len(screens)}", file=sys.stderr)
        return 2
    screen = screens[screen_index] if screen_index is not None else app.primaryScreen()
    _report_milestones(window, app, exit_after_first_frame, exit_when_ready)
    if not (exit_after_first_frame or exit_when_ready):
        # Staff edits and installed packs appear without a restart, at the next rest.
        reloader = ContentReloader(content_dir, window)
        LiveContent(window, reloader)
    if windowed:
        width, height = size or DEFAULT_WINDOW
        window.resize(width, height)
        window.move(screen.geometry().topLeft())
        window.show()
    else:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
        app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        window.showFullScreen()
    return app.exec()
