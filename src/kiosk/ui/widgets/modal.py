"""A layer over the whole window: it dims what lies beneath and lets no touch through."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class ModalLayer(QWidget):
    pressed = Signal()

    def __init__(self, parent: QWidget, dim: int = 170) -> None:
        super().__init__(parent)
        self._dim = QColor(0, 0, 0, dim)

    def cover(self) -> None:
        """Show over the whole window, above everything else."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # nothing beneath may be pressed while this is up
        self.pressed.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._dim)
        painter.end()
