"""Creating the Qt application and assembling a running kiosk from an exhibit."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.content.model import Exhibit
from kiosk.core.idle import IdleWatcher
from kiosk.core.kiosk import KioskController
from kiosk.core.session import VisitSession
from kiosk.ui.activity import InputActivityFilter
from kiosk.ui.fonts import load_bundled_fonts
from kiosk.ui.lockdown import Lockdown, lock_widgets
from kiosk.ui.window import KioskWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("kiosk")
    app.setApplicationDisplayName("Memorial Kiosk")
    app.setApplicationVersion(__version__)
    load_bundled_fonts(app)
    return app


@dataclass
class Kiosk:
    """A window with the visit's controller (its session and idle watcher) and the input
    filter, held together."""

    app: QApplication
    controller: KioskController
    window: KioskWindow
    activity: InputActivityFilter
    lockdown: Lockdown
    # The running kiosk's log files, held open for crash traces (set by the runner).
    log_files: object | None = None

    @property
    def session(self) -> VisitSession:
        return self.controller.session

    @property
    def idle(self) -> IdleWatcher:
        return self.controller.idle

    def close(self) -> None:
        self.idle.stop()
        self.app.removeEventFilter(self.activity)
        self.app.removeEventFilter(self.lockdown)
        self.lockdown.allow_exit()
        self.window.translations.release()
        self.window.close()
        self.window.deleteLater()


def build_kiosk(
    app: QApplication,
    exhibit: Exhibit,
    *,
    reduced_motion: bool | None = None,
    languages: tuple[str, ...] | None = None,
) -> Kiosk:
    controller = KioskController(exhibit, reduced_motion=reduced_motion, languages=languages)
    window = KioskWindow(controller)
    activity = InputActivityFilter(controller.idle.poke, window)
    app.installEventFilter(activity)
    # Full-screen keeping is switched on by the runner, for a real kiosk display only.
    lockdown = Lockdown(window, full_screen=False)
    window.screens_ready.connect(lambda: lock_widgets(window))
    return Kiosk(app, controller, window, activity, lockdown)
