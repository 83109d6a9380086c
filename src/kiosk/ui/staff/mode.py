"""Staff mode as a whole: the hidden gesture opens the PIN pad, the right PIN opens the
panel, and the panel locks by *Lock* or by itself when left alone.  While it is open the
visitor's idle timer rests; when it locks, the controller's rule for that timer decides.

The parts each have one job: ``pin_entry`` (the way in), ``content_desk`` (store, packs,
``kiosk pack`` children), ``visits`` (counts and their export), ``station_desk`` (health,
test pattern, out of order, restart and exit), ``worker`` (their reading off the GUI
thread).  This module wires them to the panel and to the visit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kiosk.content.issues import Issue
from kiosk.core.kiosk import KioskController
from kiosk.core.pack_watch import PackWatcher
from kiosk.core.reloader import ContentReloader
from kiosk.packs.store import ContentStore
from kiosk.paths import default_content_dir
from kiosk.security import log as staff_log
from kiosk.station_config import StationConfig
from kiosk.ui.activity import InputActivityFilter
from kiosk.ui.staff.actions import PackAction
from kiosk.ui.staff.content_desk import ContentDesk
from kiosk.ui.staff.gesture import StaffGesture
from kiosk.ui.staff.layers import OutOfOrder, TestPattern
from kiosk.ui.staff.panel import StaffPanel
from kiosk.ui.staff.pin_entry import PinEntry
from kiosk.ui.staff.pin_pad import PinPad
from kiosk.ui.staff.station_desk import EXIT_RESTART, EXIT_TO_DESKTOP, StationDesk
from kiosk.ui.staff.versions import StoreView
from kiosk.ui.staff.visits import VisitsDesk
from kiosk.ui.staff.worker import StaffWorker
from kiosk.ui.theme import pixels_per_mm
from kiosk.ui.window import KioskWindow

__all__ = ["EXIT_RESTART", "EXIT_TO_DESKTOP", "StaffMode"]


class StaffMode(QObject):
    unlocked = Signal()
    locked = Signal()

    def __init__(
        self,
        window: KioskWindow,
        controller: KioskController,
        config: StationConfig,
        config_issues: list[Issue],
        reloader: ContentReloader,
        *,
        follow_store: bool,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.config = config
        self.reloader = reloader
        density = pixels_per_mm(controller.exhibit.settings, window.screen())
        self.gesture = StaffGesture(window, config.staff, density)
        self.pin_pad = PinPad(window)
        self.panel = StaffPanel(window)
        self.worker = StaffWorker(self)
        self.entry = PinEntry(self.pin_pad, config, self)
        view = StoreView(ContentStore.default(), default_content_dir())
        self.content = ContentDesk(
            self.panel,
            self.worker,
            reloader,
            view,
            config.watched_folders,
            follow_store=follow_store,
            parent=self,
        )
        self.visits = VisitsDesk(self.panel, self.worker, config.watched_folders, self)
        self.station = StationDesk(window, self.panel, self)
        self._auto_lock = QTimer(
            self, singleShot=True, interval=round(config.staff.auto_lock_seconds * 1000)
        )
        self._auto_lock.timeout.connect(self.lock)
        self._activity = InputActivityFilter(self._staff_input, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.gesture)
            app.installEventFilter(self._activity)
        self.gesture.triggered.connect(self.ask_for_pin)
        self.entry.granted.connect(self._open_panel)
        # A visit that ends also ends anything staff left open on the screen.
        controller.session.reset_done.connect(self._visit_ended)
        controller.session.language_changed.connect(self._retranslate)
        self.panel.lock_requested.connect(self.lock)
        self.panel.set_config_findings(config_issues)
        self.content.refresh()

    # -- the parts, as tests and the runner reach them ---------------------------------------

    @property
    def packs(self) -> PackWatcher:
        return self.content.packs

    @property
    def action(self) -> PackAction | None:
        return self.content.action

    @property
    def reading(self) -> bool:
        """Whether the panel waits for a reading of the store, stick or counts."""
        return self.worker.busy

    @property
    def test_pattern(self) -> TestPattern:
        return self.station.test_pattern

    @property
    def out_of_order(self) -> OutOfOrder:
        return self.station.out_of_order

    @property
    def health_source(self) -> Callable[[], dict[str, object]] | None:
        return self.station.health_source

    @health_source.setter
    def health_source(self, source: Callable[[], dict[str, object]] | None) -> None:
        self.station.health_source = source

    @property
    def exit_application(self) -> Callable[[int], None]:
        return self.station.exit_application

    @exit_application.setter
    def exit_application(self, exit_application: Callable[[int], None]) -> None:
        self.station.exit_application = exit_application

    @property
    def start_detached(self) -> Callable[[str, list[str]], object]:
        return self.station.start_detached

    @start_detached.setter
    def start_detached(self, start: Callable[[str, list[str]], object]) -> None:
        self.station.start_detached = start

    # -- language and size -------------------------------------------------------------------

    def _retranslate(self, language: str) -> None:
        self.panel.set_language(language)
        self.pin_pad.retranslate()
        self.panel.retranslate()

    @property
    def is_open(self) -> bool:
        return self.panel.isVisible()

    def apply_metrics(self) -> None:
        metrics = self.window.metrics
        self.station.metrics = metrics
        if metrics is not None:
            self.pin_pad.apply_metrics(metrics)
            self.panel.apply_metrics(metrics)

    # -- entry and lock ----------------------------------------------------------------------

    def ask_for_pin(self) -> None:
        if self.is_open:
            return
        self.apply_metrics()
        self.entry.ask()

    def _open_panel(self) -> None:
        self.controller.idle.stop()  # staff at work are not visitors walking away
        self.station.show_health()
        self.visits.refresh()
        # Installs and rollbacks may have come from the command line since.
        self.content.refresh()
        self.panel.open()
        self._auto_lock.start()
        staff_log.info("staff: panel opened")
        self.unlocked.emit()

    def _visit_ended(self) -> None:
        """The visit's end closes a PIN pad left open; the panel is not the visit's: it stays
        until staff lock it or it locks itself (new content applied on the start screen,
        after a check or an install, resets the visit too, under staff's eyes)."""
        if not self.is_open:
            self.lock()

    def lock(self) -> None:
        was_open = self.is_open or self.pin_pad.isVisible()
        self._auto_lock.stop()
        self.panel.hide()
        self.pin_pad.hide()
        if not was_open:
            return
        staff_log.info("staff: panel locked")
        # The visitor's timer as the visit's rule has it (a fresh start screen never
        # times out; a visit under way, or one come Back to the start screen, does).
        self.controller.follow_visit()
        self.locked.emit()

    def _staff_input(self) -> None:
        if self.is_open:
            self._auto_lock.start()
