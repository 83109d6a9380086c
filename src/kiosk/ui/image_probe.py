"""Decode content images with Qt, in a process of their own: ``kiosk image-probe FILE...``
(hidden; also ``python -m kiosk.ui.image_probe FILE...``) prints one JSON line per file.  Run
by kiosk.content.checks, so that a decoder that crashes or runs away takes down only this
process."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QImageReader

MAX_SIDE = 3840  # decode scaled, as the kiosk shows images: never larger than a 4K panel
MEMORY_LIMIT = 2 * 1024**3


def probe(path: str) -> str:
    """'' when the image decodes, else why not."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid():
        return reader.errorString() or "unreadable image"
    if max(size.width(), size.height()) > MAX_SIDE:
        reader.setScaledSize(
            size.scaled(QSize(MAX_SIDE, MAX_SIDE), Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    if image.isNull():
        return reader.errorString() or "the image could not be decoded"
    return ""


def limit_memory() -> None:
    """A decoder that runs away hits this ceiling instead of the machine's memory."""
    try:
        import resource  # noqa: PLC0415 - Unix only
    except ImportError:  # Windows: the child process still isolates a crash
        return
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def main(paths: list[str]) -> int:
    limit_memory()
    app = QGuiApplication(["image-probe"])
    for path in paths:
        print(json.dumps({"path": path, "error": probe(path)}), flush=True)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
