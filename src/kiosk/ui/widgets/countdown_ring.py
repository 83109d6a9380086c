"""The seconds left before the visit ends, as a number inside a ring that empties.

A ring reads at a glance in any language, and needs no plural forms.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.ui.theme import SANS


class CountdownRing(QWidget):
    def __init__(self, colours: tuple[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._track, self._ring = (QColor(colour) for colour in colours)
        self._seconds = 0
        self._total = 1
        self._side = 160

    def set_colours(self, colours: tuple[str, str]) -> None:
        self._track, self._ring = (QColor(colour) for colour in colours)
        self.update()

    def set_total(self, total: int) -> None:
        self._total = max(1, total)

    def set_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        self.setAccessibleName(str(seconds))
        self.update()

    def seconds(self) -> int:
        return self._seconds

    def set_side(self, side: int) -> None:
        self._side = side
        self.setFixedSize(side, side)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        thickness = max(2.0, self.width() / 22)
        rect = QRectF(self.rect()).adjusted(thickness, thickness, -thickness, -thickness)
        painter.setPen(QPen(self._track, thickness))
        painter.drawEllipse(rect)
        pen = QPen(self._ring, thickness)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        span = round(360 * 16 * min(1.0, self._seconds / self._total))
        painter.drawArc(rect, 90 * 16, span)
        font = QFont(SANS)
        font.setPixelSize(max(8, round(self.height() * 0.36)))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(self._seconds))
        painter.end()
