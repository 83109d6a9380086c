"""Home and Back, at the bottom of every screen but the start screen: within easy reach."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui import icons
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.buttons import TouchButton


class NavigationBar(QWidget):
    back_requested = Signal()
    home_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavigationBar")
        self.back_button = TouchButton("nav", self)
        self.back_button.setObjectName("BackButton")
        self.home_button = TouchButton("nav", self)
        self.home_button.setObjectName("HomeButton")
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        layout = self._layout = QHBoxLayout(self)
        layout.addWidget(self.back_button)
        layout.addStretch(1)
        layout.addWidget(self.home_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.set_text(self.tr("Back"))
        self.home_button.set_text(self.tr("Home"))
        self.back_button.setAccessibleDescription(self.tr("Return to the previous screen"))
        self.home_button.setAccessibleDescription(self.tr("Return to the three choices"))

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.unit * 2
        self._layout.setContentsMargins(margin * 2, margin, margin * 2, margin)
        for button in (self.back_button, self.home_button):
            button.set_target_size(m.minimum_target, m.primary_target)
            button.setMinimumWidth(m.primary_target * 2)

    def load_icons(self, colour: str) -> None:
        self.back_button.setIcon(icons.icon(icons.BACK, colour))
        self.home_button.setIcon(icons.icon(icons.HOME, colour))
