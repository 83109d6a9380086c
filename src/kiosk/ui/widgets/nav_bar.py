"""Home and Back, at the bottom of every screen but the start screen: within easy reach."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui import icons
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.language_switch import LanguageSwitch
from kiosk.ui.widgets.text import make_label


class NavigationBar(QWidget):
    back_requested = Signal()
    home_requested = Signal()

    def __init__(self, languages: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavigationBar")
        self.languages = LanguageSwitch(languages, self)
        self.note = make_label("note", self, wrap=False)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back_button = TouchButton("nav", self)
        self.back_button.setObjectName("BackButton")
        self.home_button = TouchButton("nav", self)
        self.home_button.setObjectName("HomeButton")
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        layout = self._layout = QHBoxLayout(self)
        layout.addWidget(self.back_button)
        layout.addStretch(1)
        centre = self._centre = QVBoxLayout()
        centre.addWidget(self.languages, 0, Qt.AlignmentFlag.AlignHCenter)
        centre.addWidget(self.note)
        layout.addLayout(centre)
        layout.addStretch(1)
        layout.addWidget(self.home_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.set_text(self.tr("Back"))
        self.home_button.set_text(self.tr("Home"))
        self.back_button.setAccessibleDescription(self.tr("Return to the previous screen"))
        self.home_button.setAccessibleDescription(self.tr("Return to the three choices"))
        self.languages.retranslate()

    def set_languages(self, languages: list[str]) -> None:
        """New content may offer other languages."""
        old, self.languages = self.languages, LanguageSwitch(languages, self)
        self._centre.replaceWidget(old, self.languages)
        old.deleteLater()

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.unit * 2
        self._layout.setContentsMargins(margin * 2, margin, margin * 2, margin)
        for button in (self.back_button, self.home_button):
            button.set_target_size(m.minimum_target, m.primary_target)
            button.setMinimumWidth(m.primary_target * 2)
        self.languages.apply_metrics(m)

    def load_icons(self, colour: str) -> None:
        self.back_button.setIcon(icons.icon(icons.BACK, colour))
        self.home_button.setIcon(icons.icon(icons.HOME, colour))
