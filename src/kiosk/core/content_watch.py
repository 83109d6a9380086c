"""Notices when anything in a content folder changes: saved, added, removed or renamed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 400  # editors save in several steps; wait until they are done


class ContentWatcher(QObject):
    changed = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._watcher = QFileSystemWatcher(self)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self._watcher.fileChanged.connect(self._settle.start)
        self._watcher.directoryChanged.connect(self._settle.start)
        self._watch_everything()

    def _watch_everything(self) -> None:
        # Saving by rename (as many editors do) replaces a file and drops its watch, so the
        # list is renewed after every change.
        paths = [str(self.folder)]
        if self.folder.is_dir():
            for path in self.folder.rglob("*"):
                if not path.is_symlink():
                    paths.append(str(path))
        current = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [path for path in paths if path not in current]
        if missing:
            self._watcher.addPaths(missing)

    def _settled(self) -> None:
        self._watch_everything()
        self.changed.emit()
