"""The start screen's slow light: a warm glow that breathes over sixteen seconds.

Drawn, not photographed: a radial gradient and a few fine arcs.  It repaints only the
glow's own square at a low frame rate, which is smooth for motion this slow and keeps a
4K panel's CPU cost small.  Reduced motion freezes it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QRadialGradient
from PySide6.QtWidgets import QWidget

PERIOD_MS = 16_000
FRAME_MS = 80


class AmbientLight(QWidget):
    def __init__(self, accent: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accent = QColor(accent)
        self._clock = QElapsedTimer()
        self._timer = QTimer(self, interval=FRAME_MS)
        self._timer.timeout.connect(self._next_frame)
        self._moving = False
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

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

    def _phase(self) -> float:
        if not self._timer.isActive():
            return 0.25  # a still, fully lit frame
        return (self._clock.elapsed() % PERIOD_MS) / PERIOD_MS

    def _glow_rect(self) -> QRectF:
        side = min(self.width(), self.height())
        radius = side * 0.62
        centre = QPointF(self.width() / 2, self.height() * 0.42)
        return QRectF(centre.x() - radius, centre.y() - radius, radius * 2, radius * 2)

    def _next_frame(self) -> None:
        self.update(self._glow_rect().toAlignedRect())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self._glow_rect()
        breath = 0.5 + 0.5 * math.sin(self._phase() * 2 * math.pi)
        glow = QColor(self._accent)
        glow.setAlphaF(0.10 + 0.08 * breath)
        gradient = QRadialGradient(rect.center(), rect.width() / 2)
        gradient.setColorAt(0.0, glow)
        gradient.setColorAt(1.0, QColor(0, 0, 0, 0))
        painter.fillRect(rect, gradient)
        # Fine concentric arcs, like rings spreading on still water.
        line = QColor(self._accent)
        pen = QPen(line, max(1.0, rect.width() / 900))
        for ring in range(1, 5):
            line.setAlphaF(max(0.0, 0.10 - ring * 0.018) * (0.6 + 0.4 * breath))
            pen.setColor(line)
            painter.setPen(pen)
            r = rect.width() / 2 * (0.38 + ring * 0.13)
            painter.drawArc(
                QRectF(rect.center().x() - r, rect.center().y() - r, 2 * r, 2 * r),
                200 * 16,
                140 * 16,
            )
        painter.end()
