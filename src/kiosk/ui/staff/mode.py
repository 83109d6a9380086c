"""Staff mode as a whole: the hidden gesture, the PIN with its lockout, the panel, the
automatic lock, and the panel's actions on content and packs."""

from __future__ import annotations

import logging
import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kiosk.content.issues import Issue
from kiosk.core.pack_watch import PackWatcher
from kiosk.core.reloader import ContentReloader
from kiosk.core.session import Screen
from kiosk.packs.store import FACTORY, ContentStore, active_content_dir
from kiosk.paths import data_dir, default_content_dir, kiosk_command, self_restart_wanted
from kiosk.security import PIN_RECORD, PinGate, PinRecord
from kiosk.security import log as staff_log
from kiosk.station import StationConfig, default_config_path, load_station_config
from kiosk.ui.activity import InputActivityFilter
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.staff import outcomes
from kiosk.ui.staff.actions import PackAction
from kiosk.ui.staff.gesture import StaffGesture
from kiosk.ui.staff.layers import OutOfOrder, TestPattern
from kiosk.ui.staff.panel import StaffPanel
from kiosk.ui.staff.pin_pad import PinPad
from kiosk.ui.staff.versions import Shown, StoreView, exhibit_title
from kiosk.ui.theme import pixels_per_mm
from kiosk.ui.window import KioskWindow

# Exit codes a service manager can act on: restart, or leave the exhibit for the desktop
# (the systemd unit lists 64 under RestartPreventExitStatus).
EXIT_RESTART = 75
EXIT_TO_DESKTOP = 64


def describe_health(health: dict[str, object]) -> list[str]:
    """The health report in a few lines staff can read."""
    uptime = int(health.get("uptime_s", 0) or 0)  # type: ignore[call-overload]
    versions = health.get("versions") or {}
    assert isinstance(versions, dict)
    return [
        f"uptime {uptime // 3600} h {uptime % 3600 // 60} min; starts {health.get('starts')}",
        f"memory {health.get('memory_mib')} MiB; content {health.get('content_version')}",
        f"kiosk {health.get('kiosk_version')}, Qt {versions.get('qt')}, "
        f"PySide6 {versions.get('pyside6')}",
        f"last error: {health.get('last_error') or '-'}",
    ]


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    """Enough of a file's state to see that it was replaced or changed."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class StaffMode(QObject):
    unlocked = Signal()
    locked = Signal()

    def __init__(
        self,
        window: KioskWindow,
        config: StationConfig,
        config_issues: list[Issue],
        reloader: ContentReloader,
        *,
        follow_store: bool,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        self.reloader = reloader
        # False when --content chose a folder: installs still go to the store, but the
        # kiosk keeps showing the folder it was told to show.
        self.follow_store = follow_store
        # Failed PINs and the lockout are kept in the data folder: a restart is no reset.
        self.gate = PinGate(
            config.staff.pin_hash, clock=time.monotonic, record=PinRecord(data_dir() / PIN_RECORD)
        )
        density = pixels_per_mm(window.exhibit.settings, window.screen())
        self.gesture = StaffGesture(window, config.staff, density)
        self.pin_pad = PinPad(window)
        self.panel = StaffPanel(window)
        self.test_pattern = TestPattern(window)
        self.out_of_order = OutOfOrder(window)
        # Set by the runner: the health report, shown in the panel.
        self.health_source: Callable[[], dict[str, object]] | None = None
        # How the kiosk leaves and starts again; tests put stand-ins here.
        self.exit_application: Callable[[int], None] = QCoreApplication.exit
        self.start_detached: Callable[[str, list[str]], object] = QProcess.startDetached
        self.packs = PackWatcher(config.watched_folders, self)
        self.action: PackAction | None = None
        self.view = StoreView(ContentStore.default(), default_content_dir())
        # The station file as it was when its PIN hash was read: `kiosk staff set-pin` on a
        # running kiosk changes the file, and the pad reads the new hash when it opens.
        self._config_path = config.path or default_config_path(os.environ)
        self._config_stamp = _stamp(self._config_path)
        self._checking = False
        self._command = "install"
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
        # A visit that ends also ends anything staff left open on the screen.
        window.session.reset_done.connect(self._visit_ended)
        window.session.language_changed.connect(self._retranslate)
        self.pin_pad.submitted.connect(self._check_pin)
        self.panel.lock_requested.connect(self.lock)
        self.panel.check_requested.connect(self._check_content)
        self.panel.install_requested.connect(self._install)
        self.panel.rollback_requested.connect(self._rollback)
        self.panel.factory_requested.connect(self._to_factory)
        self.panel.test_pattern_requested.connect(self._show_test_pattern)
        self.panel.out_of_order_requested.connect(self._toggle_out_of_order)
        self.panel.restart_requested.connect(lambda: self._leave(EXIT_RESTART))
        self.panel.exit_requested.connect(lambda: self._leave(EXIT_TO_DESKTOP))
        self.panel.export_requested.connect(self._export_visits)
        self.packs.packs_changed.connect(self._show_packs)
        reloader.reported.connect(self._reported)
        reloader.content_ready.connect(lambda _: self._show_content())
        self._show_packs(self.packs.listing)
        self.panel.set_config_findings(config_issues)
        self._show_content()

    def _retranslate(self, language: str) -> None:
        self.panel.set_language(language)
        self.pin_pad.retranslate()
        self.panel.retranslate()

    @property
    def is_open(self) -> bool:
        return self.panel.isVisible()

    def apply_metrics(self) -> None:
        if self.window.metrics is not None:
            self.pin_pad.apply_metrics(self.window.metrics)
            self.panel.apply_metrics(self.window.metrics)

    # -- entry -------------------------------------------------------------------------------

    def ask_for_pin(self) -> None:
        if self.is_open:
            return
        self.apply_metrics()
        self._reread_pin()
        if not self.gate.has_pin:
            self.pin_pad.open(
                self.tr("No staff PIN is set. On this machine, run: kiosk staff set-pin"),
                keys=False,
            )
            return
        self.pin_pad.open(self._lock_message())

    def _lock_message(self) -> str:
        seconds = self.gate.seconds_locked()
        if seconds <= 0:
            return ""
        return self.tr("Too many wrong PINs. Try again in %1 s.").replace(
            "%1", str(math.ceil(seconds))
        )

    def _check_pin(self, pin: str) -> None:
        if self.gate.attempt(pin):
            self.pin_pad.hide()
            self._open_panel()
            return
        self.pin_pad.set_message(self._lock_message() or self.tr("Wrong PIN."))

    def _open_panel(self) -> None:
        self.window.idle.stop()  # staff at work are not visitors walking away
        if self.health_source is not None:
            health = self.health_source()
            problems = health.get("problems") or []
            assert isinstance(problems, list)
            self.panel.set_health(describe_health(health), [str(p) for p in problems])
        self._show_visits()
        # Installs and rollbacks may have come from the command line since.
        self._show_content()
        self._show_packs(self.packs.listing)
        self.panel.open()
        self._auto_lock.start()
        staff_log.info("staff: panel opened")
        self.unlocked.emit()

    def _reread_pin(self) -> None:
        """A PIN set while the kiosk runs counts from the next time the pad opens.  The
        file is read again only when it changed; a file that cannot be read with certainty
        now holds no PIN (security settings fail closed).  Failures and lockout stay."""
        stamp = _stamp(self._config_path)
        if stamp == self._config_stamp:
            return
        self._config_stamp = stamp
        new_hash = load_station_config(self._config_path)[0].staff.pin_hash
        if new_hash != self.gate.stored_hash:
            staff_log.info(
                "staff: the PIN was changed in %s; the new one counts", self._config_path
            )
            self.gate.stored_hash = new_hash

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
        if self.window.session.screen is not Screen.ATTRACT:
            self.window.idle.start()
        self.locked.emit()

    def _show_visits(self) -> None:
        """Today's visits per hour and the week's per day, from the analytics store."""
        from kiosk.analytics.cli import format_summary  # noqa: PLC0415
        from kiosk.analytics.store import (  # noqa: PLC0415
            AnalyticsError,
            AnalyticsStore,
            default_db_path,
            hour_start,
            now_utc,
        )

        path = default_db_path()
        if not path.exists():
            self.panel.set_visits(self.tr("No visits counted yet."), [], [])
            return
        try:
            with AnalyticsStore(path, recover=False) as store:
                today = hour_start(now_utc()).replace(hour=0)
                hours = [(bucket[11:13], n) for bucket, n in store.totals_by_hour(today)]
                days = [(bucket[5:10], n) for bucket, n in store.totals_by_day(7)]
                summary = format_summary(store.summary())
        except AnalyticsError as error:
            self.panel.set_visits(str(error), [], [])
            return
        self.panel.set_visits(summary, hours, days)

    def _export_visits(self) -> None:
        """The counts as CSV onto the first watched folder present (a USB stick)."""
        from kiosk.analytics.store import (  # noqa: PLC0415
            AnalyticsError,
            AnalyticsStore,
            default_db_path,
        )

        folders = [folder for folder in self.config.watched_folders if folder.is_dir()]
        if not folders:
            self.panel.show_result(self.tr("No USB stick or watched folder is present."))
            return
        out = folders[0] / "kiosk-visits.csv"
        try:
            with AnalyticsStore(default_db_path(), recover=False) as store:
                store.export_csv(out)
        except (AnalyticsError, OSError) as error:
            staff_log.warning("staff: visit counts not exported: %s", error)
            self.panel.show_result(str(error))
            return
        staff_log.info("staff: visit counts exported to %s", out)
        self.panel.show_result(self.tr("Saved %1").replace("%1", str(out)))

    def _show_test_pattern(self) -> None:
        target = self.window.metrics.primary_target if self.window.metrics else 120
        staff_log.info("staff: test pattern shown")
        self.test_pattern.open(target)

    def _toggle_out_of_order(self) -> None:
        if self.out_of_order.isVisible():
            staff_log.info("staff: out of order notice taken down")
            self.out_of_order.hide()
        else:
            staff_log.info("staff: out of order notice put up")
            self.out_of_order.cover()
            self.panel.raise_()  # the panel stays on top until staff lock it

    def _leave(self, code: int) -> None:
        """Restart, or exit to the desktop: the only ways out, and only for staff."""
        staff_log.warning("staff: %s", "restart" if code == EXIT_RESTART else "exit to the desktop")
        for lockdown in self.window.findChildren(Lockdown):
            lockdown.allow_exit()
        if code == EXIT_RESTART and self_restart_wanted(os.environ):
            # Without a service manager to restart it, the kiosk starts itself again.
            program, *arguments = kiosk_command(*sys.argv[1:])
            self.start_detached(program, arguments)
        self.exit_application(code)

    def _staff_input(self) -> None:
        if self.is_open:
            self._auto_lock.start()

    # -- content actions -------------------------------------------------------------------------

    def _show_content(self) -> None:
        """What the reloader shows, by its human name: an installed version, the factory
        exhibit, or a folder named on the command line."""
        folder = self.reloader.folder
        listing = self.view.listing()
        store = self.view.store
        by_folder = {store.content_dir(shown.id): shown for shown in listing if shown.id != FACTORY}
        if folder in by_folder:
            showing = by_folder[folder]
        elif folder == self.view.factory_folder:
            showing = self.view.factory(True)
        else:
            showing = Shown(str(folder), exhibit_title(folder), str(folder), None, None, None, True)
        self.panel.set_content(showing, listing)
        target = self.view.rollback_target()
        self.panel.set_rollback(
            self.view.describe(target) if target is not None else None, self.view.factory()
        )

    def _show_packs(self, listing: object) -> None:
        from kiosk.core.pack_watch import PackListing  # noqa: PLC0415

        assert isinstance(listing, PackListing)
        found = {pack: self.view.examine(pack) for pack in listing.packs}
        self.panel.set_packs(listing, found)

    def _reported(self, issues: list[Issue]) -> None:
        self.panel.set_findings(issues)
        if self._checking:
            self._checking = False
            self.panel.show_result(self.panel.check_result(issues))

    def _check_content(self) -> None:
        staff_log.info("staff: content check asked for")
        self._checking = True
        self.panel.show_result(self.tr("Checking..."))
        self.reloader.check_now()

    def _install(self, pack: Path, older: bool = False) -> None:
        staff_log.info("staff: install of %s asked for%s", pack, " (older)" if older else "")
        self._command = "install"
        arguments = ["install", *(["--allow-older"] if older else []), str(pack)]
        self._run(PackAction(arguments, self))

    def _rollback(self) -> None:
        staff_log.info("staff: rollback asked for")
        self._command = "rollback"
        self._run(PackAction.rollback(self))

    def _to_factory(self) -> None:
        staff_log.info("staff: return to the factory exhibit asked for")
        self._command = "rollback"
        self._run(PackAction(["rollback", "--to", FACTORY], self))

    def _run(self, action: PackAction) -> None:
        if self.action is not None:
            return
        self.action = action
        self.panel.set_busy(True)
        self.panel.show_result(self.tr("Working..."))
        action.finished.connect(self._action_done)
        action.start()

    def _action_done(self, ok: bool, output: str) -> None:
        if self.action is not None:
            self.action.deleteLater()
        self.action = None
        self.panel.set_busy(False)
        staff_log.log(
            logging.INFO if ok else logging.WARNING,
            "staff: pack action %s: %s",
            "done" if ok else "failed",
            output.splitlines()[-1] if output else "",
        )
        kind, detail = outcomes.classify(self._command, ok, output)
        if ok and self.follow_store:
            self.reloader.retarget(active_content_dir() or default_content_dir())
        self._show_content()
        self._show_packs(self.packs.listing)  # what was new is installed now
        showing = self.view.describe(self.view.showing_id())
        self.panel.show_result(
            self.panel.outcome(self._command, kind, detail, self.panel.name(showing))
        )
