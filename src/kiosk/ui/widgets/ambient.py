"""The start screen's slow light: a warm glow that breathes over sixteen seconds.

Drawn, not photographed: a radial gradient and a few fine arcs, painted once per window size
into a pixmap; each frame only blits that pixmap at a changing opacity, over the glow's own
square, at a low frame rate that is smooth for motion this slow.  Reduced motion freezes it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap, QRadialGradient
from PySide6.QtWidgets import QWidget

PERIOD_MS = 16_000
FRAME_MS = 100


def paint_glow(size: QSize, accent: QColor) -> QPixmap:
    """The glow and its arcs at full strength, on a transparent square."""
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(0, 0, size.width(), size.height())
    glow = QColor(accent)
    glow.setAlphaF(0.18)
    gradient = QRadialGradient(rect.center(), rect.width() / 2)
    gradient.setColorAt(0.0, glow)
    gradient.setColorAt(1.0, QColor(0, 0, 0, 0))
    painter.fillRect(rect, gradient)
    # Fine concentric arcs, like rings spreading on still water.
    line = QColor(accent)
    pen = QPen(line, max(1.0, rect.width() / 900))
    for ring in range(1, 5):
        line.setAlphaF(max(0.0, 0.10 - ring * 0.018))
        pen.setColor(line)
        painter.setPen(pen)
        radius = rect.width() / 2 * (0.38 + ring * 0.13)
        centre = rect.center()
        box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        painter.drawArc(box, 200 * 16, 140 * 16)
    painter.end()
    return pixmap


class AmbientLight(QWidget):
    def __init__(self, accent: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accent = QColor(accent)
        self._clock = QElapsedTimer()
        self._timer = QTimer(self, interval=FRAME_MS)
        self._timer.timeout.connect(self._next_frame)
        self._moving = False
        self._glow = QPixmap()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_accent(self, accent: str) -> None:
        if QColor(accent) != self._accent:
            self._accent = QColor(accent)
            self._glow = QPixmap()
            self.update()

    def set_moving(self, moving: bool) -> None:
        self._moving = moving
        if moving and self.isVisible():
            self._clock.start()
            self._timer.start()
        else:
            self._timer.stop()
        self.update()

    def is_animating(self) -> bool:
        return self._timer.isActive()

    def showEvent(self, event: object) -> None:
        self.set_moving(self._moving)

    def hideEvent(self, event: object) -> None:
        self._timer.stop()

    def resizeEvent(self, event: object) -> None:
        self._glow = QPixmap()  # painted anew for the new size, when next needed

    def breath(self) -> float:
        """0 to 1: how bright the light is now; a still, fully lit frame without motion."""
        if not self._timer.isActive():
            return 1.0
        phase = (self._clock.elapsed() % PERIOD_MS) / PERIOD_MS
        return 0.5 + 0.5 * math.sin(phase * 2 * math.pi)

    def _glow_rect(self) -> QRectF:
        radius = min(self.width(), self.height()) * 0.55
        centre = QPointF(self.width() / 2, self.height() * 0.42)
        return QRectF(centre.x() - radius, centre.y() - radius, radius * 2, radius * 2)

    def _next_frame(self) -> None:
        self.update(self._glow_rect().toAlignedRect())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self._glow_rect().toAlignedRect()
        if self._glow.size() != rect.size():
            self._glow = paint_glow(rect.size(), self._accent)
        painter = QPainter(self)
        painter.setOpacity(0.55 + 0.45 * self.breath())
        painter.drawPixmap(rect.topLeft(), self._glow)
        painter.end()
