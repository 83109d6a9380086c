"""The language switch: each language named in itself, the current one marked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QWidget

from kiosk.ui.theme import Metrics
from kiosk.ui.translations import ENDONYMS
from kiosk.ui.widgets.buttons import TouchButton


class LanguageSwitch(QWidget):
    chosen = Signal(str)

    def __init__(self, languages: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LanguageSwitch")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, TouchButton] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        for language in languages:
            button = TouchButton("language", self)
            button.setObjectName(f"Language-{language}")
            button.setCheckable(True)
            button.set_text(ENDONYMS.get(language, language))
            button.clicked.connect(lambda _=False, code=language: self.chosen.emit(code))
            self.group.addButton(button)
            self.buttons[language] = button
            self._layout.addWidget(button)
        # A switch with one language would offer nothing.
        self.setVisible(len(languages) > 1)
        self.retranslate()

    def retranslate(self) -> None:
        for button in self.buttons.values():
            button.setAccessibleDescription(self.tr("Choose the language"))

    def set_current(self, language: str) -> None:
        if language in self.buttons:
            self.buttons[language].setChecked(True)

    def apply_metrics(self, m: Metrics) -> None:
        self._layout.setSpacing(m.unit)
        for button in self.buttons.values():
            button.set_target_size(m.minimum_target, m.primary_target)
