"""The panel's content section: what is shown, the installed versions, what *Roll back*
would show, the packs on a stick, and the ``kiosk pack`` child processes that change the
store.  The store and the packs' manifests are read on the staff worker's thread
(``read_content``); the panel shows each reading when it comes back."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kiosk.content.issues import Issue
from kiosk.core.pack_watch import PackListing, PackWatcher
from kiosk.core.reloader import ContentReloader
from kiosk.packs.store import FACTORY, active_content_dir
from kiosk.paths import default_content_dir
from kiosk.security import log as staff_log
from kiosk.ui.staff import outcomes
from kiosk.ui.staff.actions import PackAction
from kiosk.ui.staff.panel import StaffPanel
from kiosk.ui.staff.versions import FoundPack, Shown, StoreView, exhibit_title
from kiosk.ui.staff.worker import StaffWorker


@dataclass(frozen=True)
class ContentReading:
    """One consistent reading of the store and the stick, for the panel."""

    showing: Shown
    listing: list[Shown]
    rollback: Shown | None
    factory: Shown
    packs: PackListing
    found: dict[Path, FoundPack]
    shown_now: Shown  # what the store shows now, for an action's outcome


def read_content(view: StoreView, folder: Path, packs: PackListing) -> ContentReading:
    """The store and the packs' manifests (cached per file version): on the worker thread.
    ``folder`` is what the reloader shows: an installed version, the factory exhibit, or a
    folder named on the command line."""
    listing = view.listing()
    store = view.store
    by_folder = {store.content_dir(shown.id): shown for shown in listing if shown.id != FACTORY}
    if folder in by_folder:
        showing = by_folder[folder]
    elif folder == view.factory_folder:
        showing = view.factory(True)
    else:
        showing = Shown(str(folder), exhibit_title(folder), str(folder), None, None, None, True)
    target = view.rollback_target()
    return ContentReading(
        showing=showing,
        listing=listing,
        rollback=view.describe(target) if target is not None else None,
        factory=view.factory(),
        packs=packs,
        found={pack: view.examine(pack) for pack in packs.packs},
        shown_now=view.describe(view.showing_id()),
    )


class ContentDesk(QObject):
    """Keeps the panel's content section current and runs staff's content actions."""

    # An action's outcome is on the panel (``action`` is None again).
    action_shown = Signal()

    def __init__(
        self,
        panel: StaffPanel,
        worker: StaffWorker,
        reloader: ContentReloader,
        view: StoreView,
        watched_folders: tuple[Path, ...],
        *,
        follow_store: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.panel = panel
        self.worker = worker
        self.reloader = reloader
        self.view = view
        # False when --content chose a folder: installs still go to the store, but the
        # kiosk keeps showing the folder it was told to show.
        self.follow_store = follow_store
        self.packs = PackWatcher(watched_folders, self)
        self.action: PackAction | None = None
        self._checking = False
        self._command = "install"
        self._outcome: tuple[str, str] = (outcomes.FAILED, "")
        panel.check_requested.connect(self._check_content)
        panel.install_requested.connect(self._install)
        panel.rollback_requested.connect(self._rollback)
        panel.factory_requested.connect(self._to_factory)
        self.packs.packs_changed.connect(lambda _listing: self.refresh())
        reloader.reported.connect(self._reported)
        reloader.content_ready.connect(lambda _: self.refresh())

    def refresh(self, after: str | None = None) -> None:
        """Read the store and the stick again; ``after`` an action, its outcome is shown
        with the reading."""
        view, folder, packs = self.view, self.reloader.folder, self.packs.listing

        def read() -> ContentReading | None:
            try:
                return read_content(view, folder, packs)
            except Exception:  # the panel must stay usable, and an action must end
                staff_log.exception("staff: the content store could not be read")
                return None

        def done(reading: ContentReading | None) -> None:
            if reading is not None:
                self._show(reading)
            if after is not None:
                self._show_outcome(after, reading)

        self.worker.run("content" if after is None else "content after an action", read, done)

    def _show(self, reading: ContentReading) -> None:
        self.panel.set_content(reading.showing, reading.listing)
        self.panel.set_rollback(reading.rollback, reading.factory)
        self.panel.set_packs(reading.packs, reading.found)

    # -- actions -----------------------------------------------------------------------------

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
        arguments = ["install", *(["--allow-older"] if older else []), str(pack)]
        self._run("install", PackAction(arguments, self))

    def _rollback(self) -> None:
        staff_log.info("staff: rollback asked for")
        self._run("rollback", PackAction.rollback(self))

    def _to_factory(self) -> None:
        staff_log.info("staff: return to the factory exhibit asked for")
        self._run("rollback", PackAction(["rollback", "--to", FACTORY], self))

    def _run(self, command: str, action: PackAction) -> None:
        if self.action is not None:
            action.deleteLater()
            return
        self._command = command
        self.action = action
        self.panel.set_busy(True)
        self.panel.show_result(self.tr("Working..."))
        action.finished.connect(self._action_done)
        action.start()

    def _action_done(self, ok: bool, output: str) -> None:
        staff_log.log(
            logging.INFO if ok else logging.WARNING,
            "staff: pack action %s: %s",
            "done" if ok else "failed",
            output.splitlines()[-1] if output else "",
        )
        if ok and self.follow_store:
            self.reloader.retarget(active_content_dir() or default_content_dir())
        kind, detail = outcomes.classify(self._command, ok, output)
        # What was new is installed now: the outcome is shown with the store read anew.
        self._outcome = (kind, detail)
        self.refresh(after=self._command)

    def _show_outcome(self, command: str, reading: ContentReading | None) -> None:
        kind, detail = self._outcome
        if self.action is not None:
            self.action.deleteLater()
        self.action = None
        self.panel.set_busy(False)
        target = ""
        if reading is not None:
            self._show(reading)  # the buttons as the store is now, no longer busy
            target = self.panel.name(reading.shown_now)
        self.panel.show_result(self.panel.outcome(command, kind, detail, target))
        self.action_shown.emit()
