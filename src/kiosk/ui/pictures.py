"""Content pictures, decoded at the size they are shown, never at their full size, and away
from the GUI thread.

Qt refuses to decode an image above its allocation limit and shows nothing; reading through
QImageReader with a scaled size keeps a large photograph visible and its memory small.
The content checks have vetted every picture, but a file can change after its check: the
kind and pixel count are checked again from the header before anything is decoded.

Decoding a 12 MP PNG takes about 175 ms even scaled (Qt reads a PNG in full, then scales):
on the GUI thread that froze the timeline for as long at every step (bench/frames.py).
``PictureLoader`` decodes on one worker thread, keeps the last few pictures, and tells the
screen when one is ready; the screen asks for the neighbours of what it shows in advance.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

from kiosk.content.images import MAX_PIXELS

log = logging.getLogger(__name__)

FORMATS = {"png", "jpeg", "webp"}


PictureKey = tuple[str, int, int]  # path, and the bounds it is decoded to fit


def load_scaled(path: Path, bounds: QSize) -> QPixmap:
    """The picture fitted inside ``bounds``; an empty pixmap when it cannot be read."""
    image = read_scaled(path, bounds)
    return QPixmap() if image.isNull() else QPixmap.fromImage(image)


def fitted_size(path: Path, bounds: QSize) -> QSize:
    """The size ``read_scaled`` will give, from the header alone; empty when unreadable."""
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid() or bounds.isEmpty():
        return QSize()
    return size.scaled(bounds, Qt.AspectRatioMode.KeepAspectRatio)


def read_scaled(path: Path, bounds: QSize) -> QImage:
    """The picture fitted inside ``bounds`` as an image (safe on any thread); a null image
    when it cannot be read."""
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)  # by its bytes, not by its name
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid() or bounds.isEmpty():
        log.warning("cannot read picture %s: %s", path, reader.errorString())
        return QImage()
    kind = bytes(reader.format().data()).decode("ascii", "replace")
    if kind not in FORMATS or size.width() * size.height() > MAX_PIXELS:
        log.warning(
            "picture %s is refused: %s, %dx%d pixels", path, kind, size.width(), size.height()
        )
        return QImage()
    reader.setScaledSize(size.scaled(bounds, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        log.warning("cannot decode picture %s: %s", path, reader.errorString())
    return image


class _Delivery(QObject):
    """Carries a decoded image from the worker to the GUI thread (a queued signal).  Owned by
    Python, not by a Qt parent, so a decode still running when a screen closes has somewhere
    harmless to deliver to."""

    decoded = Signal(object, QImage)


class _Decode(QRunnable):
    def __init__(self, key: PictureKey, delivery: _Delivery) -> None:
        super().__init__()
        self.key = key
        self.delivery = delivery

    def run(self) -> None:
        path, width, height = self.key
        self.delivery.decoded.emit(self.key, read_scaled(Path(path), QSize(width, height)))


class PictureLoader(QObject):
    """Decoded pictures by path and bounds: ``get`` answers at once from memory, or starts a
    decode on the worker thread and emits ``ready`` with the key when it is done."""

    ready = Signal(object)

    def __init__(self, parent: QObject | None = None, capacity: int = 6) -> None:
        super().__init__(parent)
        self.capacity = capacity
        self._pixmaps: OrderedDict[PictureKey, QPixmap] = OrderedDict()
        self._pending: set[PictureKey] = set()
        # One decode at a time: a large picture's decode is the kiosk's largest allocation.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._delivery = _Delivery()
        self._delivery.decoded.connect(self._decoded)

    @staticmethod
    def key(path: Path, bounds: QSize) -> PictureKey:
        return (str(path), bounds.width(), bounds.height())

    def get(self, path: Path, bounds: QSize) -> QPixmap | None:
        """The picture if decoded (an empty pixmap when it cannot be read), else None and a
        decode is on its way."""
        key = self.key(path, bounds)
        pixmap = self._pixmaps.get(key)
        if pixmap is not None:
            self._pixmaps.move_to_end(key)
            return pixmap
        self.prefetch(path, bounds)
        return None

    def prefetch(self, path: Path, bounds: QSize) -> None:
        key = self.key(path, bounds)
        if key in self._pixmaps or key in self._pending:
            return
        self._pending.add(key)
        self._pool.start(_Decode(key, self._delivery))

    def is_idle(self) -> bool:
        return not self._pending

    def settle(self, timeout_ms: int = 60_000) -> None:
        """Block until the decodes under way have arrived (rendering to PNG, proofing)."""
        self._pool.waitForDone(timeout_ms)
        QCoreApplication.processEvents()  # delivers them: queued signals

    def clear(self) -> None:
        self._pixmaps.clear()

    def _decoded(self, key: PictureKey, image: QImage) -> None:
        self._pending.discard(key)
        # An unreadable picture is remembered as empty: asking again would decode again.
        self._pixmaps[key] = QPixmap() if image.isNull() else QPixmap.fromImage(image)
        while len(self._pixmaps) > self.capacity:
            self._pixmaps.popitem(last=False)
        self.ready.emit(key)
