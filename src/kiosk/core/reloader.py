"""Hot reload: new content is validated away from the exhibit and handed over only if good."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.content.issues import ContentError, Issue
from kiosk.content.loader import load_exhibit
from kiosk.core.content_watch import ContentWatcher
from kiosk.core.validation_job import ValidationJob

log = logging.getLogger(__name__)


class ContentReloader(QObject):
    """Watches a content folder; emits ``content_ready(exhibit)`` for valid new content and
    ``content_refused(issues)`` for invalid content (the last good exhibit stays)."""

    content_ready = Signal(object)
    content_refused = Signal(list)
    checking = Signal()
    # Every check's findings, warnings included, whatever the verdict (the preview shows them).
    reported = Signal(list)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.watcher = ContentWatcher(folder, self)
        self.watcher.changed.connect(self.check_now)
        self._job: ValidationJob | None = None
        self._again = False

    def retarget(self, folder: Path) -> None:
        """Watch and show another folder (a newly installed or rolled-back version)."""
        if folder != self.folder:
            self.watcher.deleteLater()
            self.folder = folder
            self.watcher = ContentWatcher(folder, self)
            self.watcher.changed.connect(self.check_now)
        self.check_now()

    def check_now(self) -> None:
        if self._job is not None:
            self._again = True  # changed while being checked: check once more afterwards
            return
        self.checking.emit()
        self._job = ValidationJob(self.folder, self)
        self._job.finished.connect(self._verdict)
        self._job.start()

    def _verdict(self, ok: bool, issues: list[Issue]) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        if self._again:
            self._again = False
            self.check_now()
            return
        self.reported.emit(issues)
        if ok:
            try:
                exhibit = load_exhibit(self.folder)
            except ContentError as error:  # changed again between the check and the load
                self.reported.emit(error.issues)
                self._refuse(error.issues)
                return
            log.info("new content in %s is valid; it will be shown", self.folder)
            self.content_ready.emit(exhibit)
        else:
            self._refuse(issues)

    def _refuse(self, issues: list[Issue]) -> None:
        errors = [issue for issue in issues if issue.severity == "error"]
        log.warning(
            "new content in %s was refused; the exhibit keeps the last good content:\n%s",
            self.folder,
            "\n".join(str(issue) for issue in errors),
        )
        self.content_refused.emit(issues)


class ActiveVersionFollower(QObject):
    """Keeps a reloader on the content store's active version, whoever switched it (the
    staff panel, or ``kiosk pack install`` run on the machine)."""

    POLL_MS = 2000

    def __init__(self, reloader: ContentReloader, resolve: Callable[[], Path]) -> None:
        super().__init__(reloader)
        self.reloader = reloader
        self.resolve = resolve
        # Polled: reading a pointer file of a few bytes is cheap, and the store's folder may
        # not exist yet to be watched.
        self._timer = QTimer(self, interval=self.POLL_MS)
        self._timer.timeout.connect(self.follow)
        self._timer.start()

    def follow(self) -> None:
        folder = self.resolve()
        if folder != self.reloader.folder:
            log.info("the active content is now %s", folder)
            self.reloader.retarget(folder)
