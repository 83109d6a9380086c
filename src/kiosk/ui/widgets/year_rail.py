"""The timeline's years on a thin line; the current year is marked, any year can be tapped."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QWidget

from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.buttons import TouchButton


class YearRail(QWidget):
    year_chosen = Signal(int)

    def __init__(self, years: list[int], line_colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("YearRail")
        self._line = QColor(line_colour)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[TouchButton] = []
        layout = self._layout = QHBoxLayout(self)
        layout.addStretch(1)
        for index, year in enumerate(years):
            button = TouchButton("year", self, primary=True)
            button.setObjectName(f"Year-{year}")
            button.setCheckable(True)
            button.set_text(str(year))
            self.group.addButton(button, index)
            self.buttons.append(button)
            layout.addWidget(button)
            layout.addStretch(1)
        self.group.idClicked.connect(self.year_chosen)

    def set_line_colour(self, colour: str) -> None:
        self._line = QColor(colour)
        self.update()

    def set_current(self, index: int) -> None:
        self.buttons[index].setChecked(True)

    def apply_metrics(self, m: Metrics) -> None:
        self._layout.setSpacing(m.unit * 2)
        for button in self.buttons:
            button.set_target_size(m.minimum_target, m.primary_target)
            button.setMinimumWidth(round(m.primary_target * 1.6))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(QPen(self._line, max(1, self.height() // 60)))
        y = self.height() / 2
        painter.drawLine(QPointF(0, y), QPointF(self.width(), y))
        painter.end()

    def describe(self, index: int, description: str) -> None:
        self.buttons[index].setAccessibleDescription(description)
