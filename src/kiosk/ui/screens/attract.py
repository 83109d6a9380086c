"""The start screen: the exhibit's title over a slow light, and an invitation to touch."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Colours, Exhibit
from kiosk.ui.screens.base import ScreenView
from kiosk.ui.theme import Metrics
from kiosk.ui.translations import LanguageNames
from kiosk.ui.widgets.ambient import AmbientLight
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.language_switch import LanguageSwitch
from kiosk.ui.widgets.text import make_label, make_rule


class AttractScreen(ScreenView):
    activated = Signal()
    first_painted = Signal()

    def __init__(
        self, exhibit: Exhibit, languages: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(exhibit, parent)
        self.setObjectName("AttractScreen")
        colours = exhibit.settings.colours
        self.ambient = AmbientLight(colours.accent, self, background=colours.background)
        self.title = make_label("title", drawn_once=True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rule = make_rule()
        self.invitation = make_label("invitation")
        self.invitation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = make_label("note")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.languages = LanguageSwitch(languages)
        self.access_button = TouchButton("language")
        self.access_button.setObjectName("AccessButton")
        self.access_button.set_text("Aa")
        layout = self._layout = QVBoxLayout(self)
        layout.addStretch(5)
        layout.addWidget(self.title)
        layout.addWidget(self.rule, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.note)
        layout.addStretch(4)
        layout.addWidget(self.invitation)
        layout.addStretch(2)
        # Low, within reach on tall screens, like every other control.
        controls = QHBoxLayout()
        controls.addStretch(1)
        controls.addWidget(self.languages)
        controls.addWidget(self.access_button)
        controls.addStretch(1)
        layout.addLayout(controls)
        self.setAccessibleName(self.tr("Start screen"))
        self.setAccessibleDescription(self.tr("Touch anywhere to begin"))
        self._painted = False
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.text(self.exhibit.settings.title))
        self.invitation.setText(self.tr("Touch the screen to begin"))
        self.languages.retranslate()
        self.access_button.setAccessibleName(self.tr("Text size, contrast and motion"))
        self.access_button.setAccessibleDescription(
            self.tr("Larger text, high contrast or less motion")
        )
        self.languages.set_current(self.language)
        fallback = sorted(self.fallbacks)
        self.note.setText(LanguageNames().shown_in(fallback[0]) if fallback else "")
        self.note.setVisible(bool(fallback))

    def apply_metrics(self, m: Metrics) -> None:
        side = m.unit * 10
        self._layout.setContentsMargins(side, side, side, side)
        self._layout.setSpacing(m.unit * 4)
        self.rule.setFixedSize(m.px(160), max(2, m.px(3)))
        self.languages.apply_metrics(m)
        self.access_button.set_target_size(m.minimum_target, m.primary_target)

    def apply_access(self, colours: Colours) -> None:
        # The light steps as often as its brightest pixel changes over this background.
        self.ambient.set_background(colours.background)

    def set_motion(self, moving: bool) -> None:
        self.ambient.set_moving(moving)

    def resizeEvent(self, event: object) -> None:
        self.ambient.setGeometry(self.rect())
        self.ambient.lower()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.activated.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
