"""Showing the kiosk on a real display: full screen and cursorless, or in a window."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCursor

from kiosk.content.model import Exhibit
from kiosk.ui.application import build_kiosk, create_application

DEFAULT_WINDOW = (1280, 800)


def run_kiosk(
    exhibit: Exhibit,
    *,
    windowed: bool,
    size: tuple[int, int] | None,
    screen_index: int | None,
    exit_after_first_frame: bool = False,
) -> int:
    app = create_application()
    kiosk = build_kiosk(app, exhibit)
    window = kiosk.window
    screens = app.screens()
    if screen_index is not None and not 0 <= screen_index < len(screens):
        print(f"kiosk: there is no screen {screen_index}; found {len(screens)}", file=sys.stderr)
        return 2
    screen = screens[screen_index] if screen_index is not None else app.primaryScreen()
    if exit_after_first_frame:

        def report() -> None:
            print("first-frame", flush=True)
            QTimer.singleShot(0, app.quit)

        window.first_frame_shown.connect(report)
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
