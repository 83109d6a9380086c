"""Creating the Qt application and assembling a running kiosk from an exhibit."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.content.model import Exhibit
from kiosk.core.idle import IdleWatcher
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
    """A window with its visit state, idle watcher and input filter, held together."""

    app: QApplication
    session: VisitSession
    idle: IdleWatcher
    window: KioskWindow
    activity: InputActivityFilter
    lockdown: Lockdown

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
    settings = exhibit.settings
    session = VisitSession(settings.default_language, len(exhibit.timeline))
    idle = IdleWatcher(settings.idle_timeout_s, settings.idle_warning_s)
    window = KioskWindow(exhibit, session, idle, reduced_motion=reduced_motion, languages=languages)
    activity = InputActivityFilter(idle.poke, window)
    app.installEventFilter(activity)
    # Full-screen keeping is switched on by the runner, for a real kiosk display only.
    lockdown = Lockdown(window, full_screen=False)
    window.screens_ready.connect(lambda: lock_widgets(window))
    return Kiosk(app, session, idle, window, activity, lockdown)
