"""Content pictures, decoded at the size they are shown, never at their full size.

Qt refuses to decode an image above its allocation limit and shows nothing; reading through
QImageReader with a scaled size keeps a large photograph visible and its memory small.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap

log = logging.getLogger(__name__)


def load_scaled(path: Path, bounds: QSize) -> QPixmap:
    """The picture fitted inside ``bounds``; an empty pixmap when it cannot be read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid() or bounds.isEmpty():
        log.warning("cannot read picture %s: %s", path, reader.errorString())
        return QPixmap()
    reader.setScaledSize(size.scaled(bounds, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        log.warning("cannot decode picture %s: %s", path, reader.errorString())
        return QPixmap()
    return QPixmap.fromImage(image)
