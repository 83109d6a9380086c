"""Following the content store's active version, but only while it is what was installed.

``ActiveVersionFollower`` polls which folder to show; here that folder comes from
``packs.integrity.resolve_intact``, so an installed version whose files were edited is
left for the last intact one (or the factory exhibit).  Polling alone would leave a gap:
an edit inside the shown folder makes the reloader validate and load it at once.  So each
time the reloader starts a check, the store is looked at again right after (the check runs
in a child process, far slower than one turn of the event loop): if the folder was altered
the reloader is moved away while its check is still running, and the check's verdict is
dropped (``ContentReloader`` re-checks the new folder instead of loading the old).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from kiosk.core.reloader import ActiveVersionFollower, ContentReloader
from kiosk.packs.integrity import IntegrityChecker, resolve_intact

log = logging.getLogger(__name__)


class IntactStoreFollower(QObject):
    def __init__(self, reloader: ContentReloader, root: Path, factory: Path) -> None:
        super().__init__(reloader)
        self.root = root
        self.factory = factory
        self.checker = IntegrityChecker()  # remembers verified files: a poll costs a stat each
        self._reported: tuple[str, ...] = ()
        self.follower = ActiveVersionFollower(reloader, self.resolve)
        reloader.checking.connect(self._recheck_soon)

    def resolve(self) -> Path:
        resolved = resolve_intact(self.root, self.checker)
        if resolved.refused != self._reported:  # once per change, not every poll
            self._reported = resolved.refused
            for problem in resolved.refused:
                log.error(
                    "%s; it is not shown (showing %s)",
                    problem,
                    resolved.folder or "the factory exhibit",
                )
        return resolved.folder or self.factory

    def _recheck_soon(self) -> None:
        QTimer.singleShot(0, self, self.follower.follow)


def follow_intact_store(
    reloader: ContentReloader, root: Path, factory: Path
) -> IntactStoreFollower:
    """Keep ``reloader`` on the store's intact active version; owned by the reloader."""
    return IntactStoreFollower(reloader, root, factory)
