"""The timeline's years on a thin line; the current year is marked, any year shown can be
tapped.

At most ``MAX_STOPS`` years are on the rail at once, a window that follows the current
moment: an exhibit of 1,000 moments gets seven buttons, not 1,000 (which made the rail
wider than any screen and opening the timeline take seconds: bench/scale.py).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QWidget

from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.buttons import TouchButton

MAX_STOPS = 7


class YearRail(QWidget):
    year_chosen = Signal(int)  # the moment's index in the whole timeline

    def __init__(self, years: list[int], line_colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("YearRail")
        self._line = QColor(line_colour)
        self.years = list(years)
        self._descriptions = [""] * len(self.years)
        self._first = 0  # the moment shown on the first button
        self._current = 0
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[TouchButton] = []
        layout = self._layout = QHBoxLayout(self)
        layout.addStretch(1)
        for slot in range(min(len(self.years), MAX_STOPS)):
            button = TouchButton("year", self, primary=True)
            button.setCheckable(True)
            self.group.addButton(button, slot)
            self.buttons.append(button)
            layout.addWidget(button)
            layout.addStretch(1)
        self.group.idClicked.connect(self._slot_clicked)
        self._label_buttons()

    def set_line_colour(self, colour: str) -> None:
        self._line = QColor(colour)
        self.update()

    def set_current(self, index: int) -> None:
        self._current = index
        # The window of years keeps the current one in the middle where it can.
        shown = len(self.buttons)
        self._first = min(max(0, index - shown // 2), len(self.years) - shown)
        self._label_buttons()

    def button_for(self, index: int) -> TouchButton | None:
        """The button showing moment ``index``, if it is on the rail now."""
        slot = index - self._first
        return self.buttons[slot] if 0 <= slot < len(self.buttons) else None

    def describe(self, index: int, description: str) -> None:
        self._descriptions[index] = description
        button = self.button_for(index)
        if button is not None:
            button.setAccessibleDescription(description)

    def apply_metrics(self, m: Metrics) -> None:
        self._layout.setSpacing(m.unit * 2)
        for button in self.buttons:
            button.set_target_size(m.minimum_target, m.primary_target)
            button.setMinimumWidth(round(m.primary_target * 1.6))

    def _slot_clicked(self, slot: int) -> None:
        self.year_chosen.emit(self._first + slot)

    def _label_buttons(self) -> None:
        for slot, button in enumerate(self.buttons):
            index = self._first + slot
            year = self.years[index]
            button.setObjectName(f"Year-{year}")
            button.set_text(str(year))
            button.setAccessibleDescription(self._descriptions[index])
            button.setChecked(index == self._current)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(QPen(self._line, max(1, self.height() // 60)))
        y = self.height() / 2
        painter.drawLine(QPointF(0, y), QPointF(self.width(), y))
        painter.end()
