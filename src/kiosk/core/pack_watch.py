"""Looks for content packs in the folders staff configure, such as a USB stick's mount
point, which come and go: polled as well as watched, since a folder that does not exist yet
cannot be watched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

PACK_SUFFIXES = (".kioskpack", ".zip")
POLL_MS = 3000


def packs_in(folders: tuple[Path, ...]) -> list[Path]:
    """Pack files at the top of each folder (a USB stick's root), by name."""
    found: list[Path] = []
    for folder in folders:
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue  # not mounted now
        found += [
            entry
            for entry in entries
            if entry.suffix.lower() in PACK_SUFFIXES and entry.is_file() and not entry.is_symlink()
        ]
    return found


class PackWatcher(QObject):
    """Emits ``packs_changed(list[Path])`` whenever the packs on offer change."""

    packs_changed = Signal(list)

    def __init__(self, folders: tuple[Path, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folders = folders
        self.packs: list[Path] = []
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self.rescan)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.rescan)
        if folders:
            self._poll.start()
        self.rescan()

    def rescan(self, *_: object) -> None:
        existing = [str(folder) for folder in self.folders if folder.is_dir()]
        watched = set(self._watcher.directories())
        if new := [folder for folder in existing if folder not in watched]:
            self._watcher.addPaths(new)
        packs = packs_in(self.folders)
        if packs != self.packs:
            self.packs = packs
            self.packs_changed.emit(packs)
