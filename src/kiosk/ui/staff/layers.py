"""Two full-window layers staff can put up: a display test pattern with a touch grid, and an
"out of order" notice that stays until staff take it down."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.modal import ModalLayer
from kiosk.ui.widgets.text import make_label

BARS = ("#FFFFFF", "#FFFF00", "#00FFFF", "#00FF00", "#FF00FF", "#FF0000", "#0000FF", "#000000")


class TestPattern(ModalLayer):
    """Colour bars, a 10% grid, and a dot wherever the screen is touched: for checking
    colours, edges and the touch frame's calibration."""

    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, dim=255)
        self.setObjectName("TestPattern")
        self.touches: list[QPointF] = []
        self.close_button = TouchButton("primary", self, primary=True)
        self.close_button.setObjectName("TestPatternClose")
        self.close_button.clicked.connect(self._close)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.close_button.set_text(self.tr("Close the test pattern"))
        self.close_button.setAccessibleDescription(self.tr("Back to the staff panel"))

    def open(self, target: int) -> None:
        self.touches = []
        self.close_button.set_target_size(target, target)
        self.close_button.adjustSize()
        self.cover()

    def _close(self) -> None:
        self.hide()
        self.closed.emit()

    def resizeEvent(self, event: object) -> None:
        self.close_button.move(
            (self.width() - self.close_button.width()) // 2, self.height() // 2 + 20
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.touches.append(event.position())
        self.update()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        bar = self.width() / len(BARS)
        for index, colour in enumerate(BARS):
            painter.fillRect(
                round(index * bar), 0, round(bar) + 1, self.height() // 3, QColor(colour)
            )
        painter.fillRect(0, self.height() // 3, self.width(), self.height(), QColor("#202020"))
        painter.setPen(QPen(QColor("#808080"), 1))
        for step in range(1, 10):
            x, y = self.width() * step // 10, self.height() * step // 10
            painter.drawLine(x, 0, x, self.height())
            painter.drawLine(0, y, self.width(), y)
        painter.setPen(QPen(QColor("#FF4040"), 3))
        painter.drawRect(1, 1, self.width() - 3, self.height() - 3)  # the very edge
        painter.setBrush(QColor("#FFD75E"))
        for point in self.touches:
            painter.drawEllipse(point, 12, 12)
        painter.end()


class OutOfOrder(ModalLayer):
    """A calm notice instead of the exhibit, until staff put it back in service."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, dim=255)
        self.setObjectName("OutOfOrder")
        self.message = make_label("heading", self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.message.setText(self.tr("This exhibit is resting. Please come back later."))
