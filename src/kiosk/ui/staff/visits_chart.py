"""A plain bar chart of visit totals (per hour today, or per day this week), drawn by hand:
a few bars need no charting library."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class VisitsChart(QWidget):
    def __init__(self, colours: tuple[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bar, self._ink = (QColor(colour) for colour in colours)
        self.totals: list[tuple[str, int]] = []
        self.setMinimumHeight(120)

    def apply_metrics(self, text_px: int, height: int) -> None:
        """The numbers at the kiosk's caption size (not the platform's default, tiny on a
        4K screen), and room for bars and two lines of them."""
        font = self.font()
        font.setPixelSize(max(8, round(text_px * 0.8)))
        self.setFont(font)
        self.setMinimumHeight(max(height, 4 * self.fontMetrics().height()))
        self.updateGeometry()

    def set_totals(self, totals: list[tuple[str, int]]) -> None:
        self.totals = totals
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, max(160, self.minimumHeight()))

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
        metrics = painter.fontMetrics()
        gap = metrics.averageCharWidth()
        # Narrow bars: only every n-th label, so that labels never run into each other.
        widest = max(metrics.horizontalAdvance(label) for label, _ in self.totals) + gap
        widest_count = max(metrics.horizontalAdvance(str(n)) for _, n in self.totals) + gap
        label_step = max(1, math.ceil(widest / width))
        count_step = max(1, math.ceil(widest_count / width))
        for index, (label, count) in enumerate(self.totals):
            bar = height * count / peak
            x = index * width
            painter.fillRect(
                QRectF(x + width * 0.15, label_height + height - bar, width * 0.7, bar), self._bar
            )
            painter.setPen(self._ink)
            centre = x + width / 2
            if index % label_step == 0:
                painter.drawText(
                    QRectF(
                        min(max(centre - widest / 2, 0), self.width() - widest),  # kept inside
                        label_height + height,
                        widest,
                        label_height,
                    ),
                    Qt.AlignmentFlag.AlignCenter,
                    label,
                )
            if index % count_step == 0 or count == peak:
                top = label_height + height - bar - label_height
                painter.drawText(
                    QRectF(centre - widest_count / 2, top, widest_count, label_height),
                    Qt.AlignmentFlag.AlignCenter,
                    str(count),
                )
        painter.end()
