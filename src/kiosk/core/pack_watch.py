"""Looks for content packs in the folders staff configure, such as a USB stick's mount
point, which come and go: polled as well as watched, since a folder that does not exist yet
cannot be watched.

Folders are read on a worker thread, never the GUI thread: a stick holding 20,000 files
stalled the interface for 12.7 s and, on one more file, starved systemd's watchdog.  Only
the newest few packs are listed, with a count of the rest, so a flood of files cannot
become a flood of buttons either.
"""

from __future__ import annotations

import heapq
import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QRunnable, QThreadPool, QTimer, Signal

PACK_SUFFIXES = (".kioskpack", ".zip")
POLL_MS = 3000
# A burst of changes (a stick being filled) is read once, after it calms down.
SETTLE_MS = 300
# Packs listed for staff, newest first; the rest are counted.
MAX_LISTED = 20
# Entries read per folder: a stick of packs holds a handful, so this bounds the work a
# flooded folder can cause, not what staff can install.
MAX_ENTRIES = 100_000


@dataclass(frozen=True)
class PackListing:
    """The newest packs (at most ``MAX_LISTED``), how many more there are, and which
    folders exist now."""

    packs: tuple[Path, ...] = ()
    more: int = 0
    present: tuple[Path, ...] = field(default=(), compare=False)


def scan_packs(
    folders: tuple[Path, ...], limit: int = MAX_LISTED, max_entries: int = MAX_ENTRIES
) -> PackListing:
    """Pack files at the top of each folder (a USB stick's root), newest first (by
    modification time, then name); symbolic links and folders are not packs."""
    found: list[tuple[float, str]] = []
    present: list[Path] = []
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                present.append(folder)
                for number, entry in enumerate(entries):
                    if number >= max_entries:
                        break
                    if not entry.name.lower().endswith(PACK_SUFFIXES):
                        continue
                    try:
                        if entry.is_file(follow_symlinks=False):
                            found.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
                    except OSError:
                        continue  # gone while we looked
        except OSError:
            continue  # not mounted now
    newest = heapq.nlargest(limit, found)
    return PackListing(
        tuple(Path(path) for _, path in newest), len(found) - len(newest), tuple(present)
    )


def packs_in(folders: tuple[Path, ...]) -> list[Path]:
    """The listed packs of ``folders``, newest first (for the command line and tests)."""
    return list(scan_packs(folders).packs)


class _Delivery(QObject):
    """Carries a listing from the worker to the GUI thread (a queued signal).  Owned by
    Python, not by a Qt parent, so a scan finishing after the watcher is gone has somewhere
    harmless to deliver to."""

    scanned = Signal(object)


class _Scan(QRunnable):
    def __init__(self, folders: tuple[Path, ...], delivery: _Delivery) -> None:
        super().__init__()
        self.folders = folders
        self.delivery = delivery

    def run(self) -> None:
        self.delivery.scanned.emit(scan_packs(self.folders))


class PackWatcher(QObject):
    """Emits ``packs_changed(PackListing)`` whenever the packs on offer change; ``packs``
    and ``more`` hold the latest listing."""

    packs_changed = Signal(object)

    def __init__(self, folders: tuple[Path, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folders = folders
        self.listing = PackListing()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._changed)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.rescan)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.rescan)
        # One scan at a time; a change during a scan asks for one more after it.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._delivery = _Delivery()
        self._delivery.scanned.connect(self._scanned)
        self._scanning = False
        self._again = False
        if folders:
            self._poll.start()
            self.rescan()

    @property
    def packs(self) -> list[Path]:
        return list(self.listing.packs)

    @property
    def more(self) -> int:
        return self.listing.more

    @property
    def scanning(self) -> bool:
        return self._scanning

    def _changed(self, _path: str) -> None:
        self._settle.start()

    def rescan(self, *_: object) -> None:
        if not self.folders:
            return
        if self._scanning:
            self._again = True
            return
        self._scanning = True
        self._pool.start(_Scan(self.folders, self._delivery))

    def _scanned(self, listing: PackListing) -> None:
        self._scanning = False
        watched = set(self._watcher.directories())
        if new := [str(folder) for folder in listing.present if str(folder) not in watched]:
            self._watcher.addPaths(new)
        if listing != self.listing:
            self.listing = listing
            self.packs_changed.emit(listing)
        if self._again:
            self._again = False
            self.rescan()
