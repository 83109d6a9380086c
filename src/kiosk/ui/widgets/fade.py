"""Cross-fades between screens: a snapshot of the old screen fades away over a snapshot of
the new one.

The overlay is opaque and paints two pixmaps per frame, so the widgets underneath are not
repainted at all while it runs: a frame costs two blits whatever the screens hold, which
keeps transitions smooth at 4K without a GPU.  The new screen is rendered once per fade,
into its snapshot, after the first frame.  (A translucent overlay made Qt repaint the whole
new screen underneath on every frame: 15-17 ms a frame at 4K.)

The old screen is not rendered again: :func:`last_frame` copies what the window last
painted out of its backing store (a copy of memory, where ``grab()`` paints every widget
again: about 17 ms at 4K on the CPU, inside the visitor's tap).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEasingCurve,
    QEvent,
    QPoint,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
)
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap, QRegion, QResizeEvent
from PySide6.QtWidgets import QWidget

FADE_MS = 300
KEEP_SPARES_MS = 30_000

Snapshot = QImage | QPixmap


def last_frame(window: QWidget, into: QImage | None = None) -> Snapshot:
    """What ``window`` shows now: a copy of its backing store once its pending repaints are
    done, or, where there is no backing store of its own to copy (not yet shown, hidden, or
    held in a graphics scene by the rotated host), a fresh rendering of it.

    ``into``: an image of an earlier call to copy into when it has the same size and format.
    Copying into memory already in use costs about 3.5 ms at 4K; into a fresh allocation
    about 20 ms, nearly all of it the kernel handing out 33 MB of new pages.
    """
    handle = window.windowHandle()
    store = window.backingStore() if window.isWindow() and handle is not None else None
    if store is None or not window.isVisible() or not handle.isExposed():
        return window.grab()
    # A change not painted yet (a button's pressed look) is painted first, as grab() would.
    QCoreApplication.sendPostedEvents(window, QEvent.Type.UpdateRequest)
    image = store.paintDevice()
    ratio = window.devicePixelRatioF()
    wanted = QSize(round(window.width() * ratio), round(window.height() * ratio))
    if not isinstance(image, QImage) or image.isNull() or image.size() != wanted:
        return window.grab()  # a backing store of another kind or size: render instead
    if into is None or into.size() != image.size() or into.format() != image.format():
        # A deep copy: a shared one would make Qt copy on its next paint, or keep a
        # pointer into memory the platform reuses.
        return image.copy()
    into.setDevicePixelRatio(image.devicePixelRatio())
    painter = QPainter(into)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    painter.drawImage(0, 0, image)
    painter.end()
    return into


class FadeOverlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # Qt then skips painting whatever lies underneath while the overlay is shown.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._snapshot: Snapshot = QPixmap()  # the old screen
        self._target: Snapshot = QPixmap()  # the new screen, taken once it is switched to
        # The two images' memory, kept from fade to fade while a visitor moves between
        # screens (see last_frame), and given back when the fades stop for a while.
        self._spare_old = QImage()
        self._spare_new = QImage()
        self._release = QTimer(self, singleShot=True, interval=KEEP_SPARES_MS)
        self._release.timeout.connect(self._drop_spares)
        self._capturing = False
        self._shown_once = False  # the first frame of this fade has been painted
        self._on_screen_already = False  # the snapshot is what the window's store holds
        self._opacity = 0.0
        self._animation = QVariantAnimation(self, duration=FADE_MS)
        self._animation.setStartValue(1.0)
        self._animation.setEndValue(0.0)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._animation.valueChanged.connect(self._set_opacity)
        self._animation.finished.connect(self._finish)
        self.hide()

    def is_running(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def fade_from_window(self, window: QWidget) -> None:
        """Fade from what ``window`` shows now (its last painted frame, not painted again)."""
        snapshot = last_frame(window, self._spare_old)
        if isinstance(snapshot, QImage):
            self._spare_old = snapshot
        self.fade_from(snapshot)
        # The window's backing store holds exactly this picture, and nothing beneath the
        # opaque overlay paints: the first frame need not draw it again (about 4 ms at 4K).
        # Not where painting starts from a cleared store (a window with an alpha channel).
        self._on_screen_already = (
            isinstance(snapshot, QImage)
            and not snapshot.hasAlphaChannel()
            and self.parentWidget() is window
            and self.geometry() == window.rect()
        )

    def fade_from(self, snapshot: Snapshot) -> None:
        """Cover the parent with ``snapshot`` (the old screen as it was), then fade it away
        over whatever the parent shows once the caller has switched screens."""
        self._animation.stop()  # a fade still running is replaced, not finished
        self.setGeometry(self.parentWidget().rect())  # type: ignore[union-attr]
        self._snapshot = snapshot
        self._target = QPixmap()
        self._shown_once = False
        self._on_screen_already = False
        self._opacity = 1.0
        self.show()
        # Again after show(): the style sheet's polish, which runs then, clears it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.raise_()
        self._animation.start()

    def finish_now(self) -> None:
        if self.is_running():
            self._animation.stop()
        self._finish()

    def snapshot(self) -> Snapshot:
        """The old screen as this fade shows it (null when no fade runs)."""
        return self._snapshot

    def _set_opacity(self, value: float) -> None:
        self._opacity = value
        if self._target.isNull() and self._shown_once and not self._snapshot.isNull():
            # After the first frame, not when the fade starts: by now the caller has switched
            # screens, and the visitor's tap was answered without waiting for this render.
            self._target = self._capture_underneath()
        self.update()

    def _capture_underneath(self) -> Snapshot:
        parent = self.parentWidget()
        if parent is None:
            return QPixmap()
        if not parent.isWindow():
            # A part of a screen (the timeline's card) may paint no background of its own:
            # grab() keeps that transparent, over the window's background beneath.
            self._capturing = True
            try:
                return parent.grab(self.geometry())
            finally:
                self._capturing = False
        ratio = self.devicePixelRatioF()
        size = QSize(round(self.width() * ratio), round(self.height() * ratio))
        if self._spare_new.size() != size:
            self._spare_new = QImage(size, QImage.Format.Format_RGB32)
        image = self._spare_new
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.black)  # the window paints its background over it
        self._capturing = True  # this overlay draws nothing into its own capture
        try:
            parent.render(image, QPoint(), QRegion(self.geometry()))
        finally:
            self._capturing = False
        return image

    def _finish(self) -> None:
        self._snapshot = QPixmap()
        self._target = QPixmap()
        self.hide()
        self._release.start()

    def _drop_spares(self) -> None:
        if not self.is_running():
            self._spare_old = QImage()
            self._spare_new = QImage()

    def _into_backing_store(self) -> bool:
        """This paint goes to the window's own backing store (not a grab() or render())."""
        store = self.window().backingStore()
        device = self.redirected(QPoint())
        own = store.paintDevice() if store is not None else None
        return (
            isinstance(device, QImage)
            and isinstance(own, QImage)
            and device.cacheKey() == own.cacheKey()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Snapshots of another size would be stretched: end the fade instead.
        if self.is_running() and event.oldSize().isValid() and event.size() != event.oldSize():
            self.finish_now()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._capturing or self._snapshot.isNull():
            return
        self._shown_once = True
        if self._on_screen_already and self._target.isNull() and self._into_backing_store():
            return  # the old screen is still in the window's backing store, pixel for pixel
        self._on_screen_already = False
        painter = QPainter(self)
        if not self._target.isNull():
            _draw(painter, self._target)
            painter.setOpacity(self._opacity)
        _draw(painter, self._snapshot)
        painter.end()


def _draw(painter: QPainter, snapshot: Snapshot) -> None:
    if isinstance(snapshot, QImage):
        painter.drawImage(0, 0, snapshot)
    else:
        painter.drawPixmap(0, 0, snapshot)
