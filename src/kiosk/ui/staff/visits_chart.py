"""A plain bar chart of visit totals (per hour today, or per day this week), drawn by hand:
a few bars need no charting library."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class VisitsChart(QWidget):
    def __init__(self, colours: tuple[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bar, self._ink = (QColor(colour) for colour in colours)
        self.totals: list[tuple[str, int]] = []
        self.setMinimumHeight(120)

    def set_totals(self, totals: list[tuple[str, int]]) -> None:
        self.totals = totals
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, 160)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if not self.totals:
            painter.setPen(self._ink)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "-")
            painter.end()
            return
        label_height = painter.fontMetrics().height()
        height = self.height() - 2 * label_height
        width = self.width() / len(self.totals)
        peak = max(count for _, count in self.totals) or 1
        for index, (label, count) in enumerate(self.totals):
            bar = height * count / peak
            x = index * width
            painter.fillRect(
                QRectF(x + width * 0.15, label_height + height - bar, width * 0.7, bar), self._bar
            )
            painter.setPen(self._ink)
            painter.drawText(
                QRectF(x, label_height + height, width, label_height),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
            painter.drawText(
                QRectF(x, label_height + height - bar - label_height, width, label_height),
                Qt.AlignmentFlag.AlignCenter,
                str(count),
            )
        painter.end()
