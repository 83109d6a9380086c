"""A thin, non-interactive bar showing how far through the text the visitor is."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollBar, QWidget


class PositionIndicator(QWidget):
    def __init__(
        self, scroll_bar: QScrollBar, colours: tuple[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._bar = scroll_bar
        self._track, self._thumb = (QColor(colour) for colour in colours)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        scroll_bar.valueChanged.connect(self.update)
        scroll_bar.rangeChanged.connect(self.update)

    def set_colours(self, colours: tuple[str, str]) -> None:
        self._track, self._thumb = (QColor(colour) for colour in colours)
        self.update()

    def fraction_shown(self) -> tuple[float, float]:
        """(start, length) of the visible part, as fractions of the whole text."""
        page = self._bar.pageStep()
        total = self._bar.maximum() - self._bar.minimum() + page
        if total <= 0:
            return 0.0, 1.0
        return (self._bar.value() - self._bar.minimum()) / total, page / total

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        width = float(self.width())
        painter.setBrush(self._track)
        painter.drawRoundedRect(QRectF(0, 0, width, self.height()), width / 2, width / 2)
        start, length = self.fraction_shown()
        painter.setBrush(self._thumb)
        painter.drawRoundedRect(
            QRectF(0, start * self.height(), width, max(width, length * self.height())),
            width / 2,
            width / 2,
        )
        painter.end()
