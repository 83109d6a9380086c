"""Creating the Qt application and assembling a running kiosk from an exhibit."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.content.model import Exhibit
from kiosk.core.idle import IdleWatcher
from kiosk.core.kiosk import KioskController
from kiosk.core.session import VisitSession
from kiosk.ui.fonts import load_bundled_fonts
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.ui.activity import InputActivityFilter
    from kiosk.ui.lockdown import Lockdown


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
    filters, held together."""

    app: QApplication
    controller: KioskController
    window: KioskWindow
    # The running kiosk's log files, held open for crash traces (set by the runner).
    log_files: object | None = None
    _input: tuple[InputActivityFilter, Lockdown] | None = field(default=None, repr=False)

    @property
    def session(self) -> VisitSession:
        return self.controller.session

    @property
    def idle(self) -> IdleWatcher:
        return self.controller.idle

    def start_input(self) -> None:
        """The visitor's input: the keys' navigation, the filter that keeps a visit alive
        and the lockdown, installed on the application in that order (Qt asks the last
        installed first, so a key the lockdown keeps never reaches the keys' navigation).
        ``build_kiosk`` starts it at once; ``kiosk run`` right after its first frame, which
        it is no part of: until then no visitor can act on anything, yet every event of
        the start-up (about 185) would cross into Python through these filters and have
        PySide build the Python types it carries (all of QStyle's enums, say)."""
        if self._input is not None:
            return
        from kiosk.ui.activity import InputActivityFilter  # noqa: PLC0415 - see above
        from kiosk.ui.lockdown import Lockdown, lock_widgets  # noqa: PLC0415

        window = self.window
        _ = window.keypad  # made now if not yet: it installs its own filter
        activity = InputActivityFilter(self.controller.idle.poke, window)
        self.app.installEventFilter(activity)
        # Full-screen keeping is switched on by the runner, for a real kiosk display only.
        lockdown = Lockdown(window, full_screen=False)
        window.screens_ready.connect(lambda: lock_widgets(window))
        if window.built is not None:  # the screens are there already
            lock_widgets(window)
        self._input = (activity, lockdown)

    @property
    def activity(self) -> InputActivityFilter:
        self.start_input()
        assert self._input is not None
        return self._input[0]

    @property
    def lockdown(self) -> Lockdown:
        self.start_input()
        assert self._input is not None
        return self._input[1]

    def close(self) -> None:
        self.idle.stop()
        if self._input is not None:
            activity, lockdown = self._input
            self.app.removeEventFilter(activity)
            self.app.removeEventFilter(lockdown)
            lockdown.allow_exit()
        self.window.translations.release()
        self.window.close()
        self.window.deleteLater()


def build_kiosk(
    app: QApplication,
    exhibit: Exhibit,
    *,
    reduced_motion: bool | None = None,
    languages: tuple[str, ...] | None = None,
    with_input: bool = True,
) -> Kiosk:
    """The kiosk for ``exhibit``; ``with_input=False`` leaves its input filters for
    ``Kiosk.start_input`` (kiosk run starts them right after the first frame)."""
    controller = KioskController(exhibit, reduced_motion=reduced_motion, languages=languages)
    window = KioskWindow(controller)
    kiosk = Kiosk(app, controller, window)
    if with_input:
        kiosk.start_input()
    return kiosk
