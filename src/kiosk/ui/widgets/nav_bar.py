"""Home and Back, at the bottom of every screen but the start screen: within easy reach."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui import icons
from kiosk.ui.listen.listen_control import ListenButton
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
        self.centre = QWidget(self)
        # Made with its parent, as set_languages() makes the next one: one made without,
        # and placed by a layout, kept its Python side alive after it was replaced.
        self.languages = LanguageSwitch(languages, self.centre)
        # Listen / Pause first among the visitor's own controls: the first a keypad reaches.
        self.listen_button = ListenButton(self.centre)
        self.access_button = TouchButton("language")
        self.access_button.setObjectName("AccessButton")
        self.note = make_label("note", wrap=False)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back_button = TouchButton("nav", self)
        self.back_button.setObjectName("BackButton")
        self.home_button = TouchButton("nav", self)
        self.home_button.setObjectName("HomeButton")
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        # The visitor's own controls, with the "shown in" note under them; where they go
        # depends on the screen's shape (see apply_metrics).
        self._controls = QHBoxLayout()
        self._controls.addStretch(1)
        self._controls.addWidget(self.listen_button)
        self._controls.addWidget(self.languages)
        self._controls.addWidget(self.access_button)
        self._controls.addStretch(1)
        centre = QVBoxLayout(self.centre)
        centre.setContentsMargins(0, 0, 0, 0)
        centre.addLayout(self._controls)
        centre.addWidget(self.note)
        self._layout = QGridLayout(self)
        self._portrait: bool | None = None
        self._arrange(portrait=False)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.set_text(self.tr("Back"))
        self.home_button.set_text(self.tr("Home"))
        self.back_button.setAccessibleDescription(self.tr("Return to the previous screen"))
        self.home_button.setAccessibleDescription(self.tr("Return to the three choices"))
        self.languages.retranslate()
        self.listen_button.retranslate()
        self.access_button.set_text("Aa")
        self.access_button.setAccessibleName(self.tr("Text size, contrast and motion"))
        self.access_button.setAccessibleDescription(
            self.tr("Larger text, high contrast or less motion")
        )

    def set_languages(self, languages: list[str]) -> None:
        """New content may offer other languages."""
        old, self.languages = self.languages, LanguageSwitch(languages, self.centre)
        self._controls.replaceWidget(old, self.languages)
        old.deleteLater()

    def _arrange(self, *, portrait: bool) -> None:
        """Landscape: Back, the controls, Home in one row.  Portrait (narrow): the controls
        on a row of their own above Back and Home, all still low on the screen."""
        if portrait == self._portrait:
            return
        self._portrait = portrait
        for widget in (self.back_button, self.centre, self.home_button):
            self._layout.removeWidget(widget)
        if portrait:
            self._layout.addWidget(self.centre, 0, 0, 1, 3)
            self._layout.addWidget(self.back_button, 1, 0)
            self._layout.addWidget(self.home_button, 1, 2)
        else:
            self._layout.addWidget(self.back_button, 0, 0)
            self._layout.addWidget(self.centre, 0, 1)
            self._layout.addWidget(self.home_button, 0, 2)
        self._layout.setColumnStretch(1, 1)

    def apply_metrics(self, m: Metrics) -> None:
        self._arrange(portrait=m.portrait)
        margin = m.unit * 2
        self._layout.setContentsMargins(margin * 2, margin, margin * 2, margin)
        for button in (self.back_button, self.home_button):
            button.set_target_size(m.minimum_target, m.primary_target)
            button.setMinimumWidth(m.primary_target * 2)
        self.languages.apply_metrics(m)
        self.listen_button.apply_metrics(m)
        self.access_button.set_target_size(m.minimum_target, m.primary_target)

    def load_icons(self, colour: str) -> None:
        self.back_button.setIcon(icons.icon(icons.BACK, colour))
        self.home_button.setIcon(icons.icon(icons.HOME, colour))
        self.listen_button.load_icons(colour)
