"""Decode content images with Qt, in a process of their own: ``kiosk image-probe FILE...``
(hidden; also ``python -m kiosk.ui.image_probe FILE...``) prints one JSON line per file.  Run
by kiosk.content.checks, so that a decoder that crashes or runs away takes down only this
process."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import (
    QMessageLogContext,
    QSize,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QImageReader

from kiosk.content.images import MAX_PIXELS

MAX_SIDE = 3840  # decode scaled, as the kiosk shows images: never larger than a 4K panel
MEMORY_LIMIT = 2 * 1024**3
FORMATS = {"png", "jpeg", "webp"}  # what the content checks accept, decided from the bytes
# libjpeg only warns about a file that ends early and fills the rest with grey; a picture
# missing its lower part must not reach the exhibit.
CUT_SHORT = "premature end"


class _DecoderMessages:
    """Qt's warnings while one image is read (libjpeg's complaints arrive only this way)."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg:
            self.messages.append(message)


def probe(path: str) -> str:
    """'' when the image decodes, else why not."""
    reader = QImageReader(path)
    reader.setDecideFormatFromContent(True)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid():
        return _reason(reader, "unreadable image")
    kind = bytes(reader.format().data()).decode("ascii", "replace")
    if kind not in FORMATS:
        return f"not a PNG, JPEG or WebP image (Qt reads it as {kind or 'nothing known'})"
    if size.width() * size.height() > MAX_PIXELS:
        return f"{size.width()}x{size.height()} pixels is more than {MAX_PIXELS} pixels"
    if max(size.width(), size.height()) > MAX_SIDE:
        reader.setScaledSize(
            size.scaled(QSize(MAX_SIDE, MAX_SIDE), Qt.AspectRatioMode.KeepAspectRatio)
        )
    heard = _DecoderMessages()
    previous = qInstallMessageHandler(heard)
    try:
        image = reader.read()
    finally:
        qInstallMessageHandler(previous)
    if image.isNull():
        return _reason(reader, "the image could not be decoded")
    cut = [message for message in heard.messages if CUT_SHORT in message.lower()]
    if cut:
        return f"the file is cut short ({cut[0].strip()})"
    return ""


def _reason(reader: QImageReader, fallback: str) -> str:
    """Qt's complaint, unless it is the meaningless "Unknown error"."""
    said = reader.errorString()
    if not said or said == "Unknown error":
        return f"{fallback}: the file is damaged or cut short"
    return said


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
