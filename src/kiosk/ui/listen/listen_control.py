"""The Listen / Pause control, in the bar of every screen but the start screen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.core.listening import ReadingState
from kiosk.ui import icons
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.buttons import TouchButton

# qtawesome's names, as kiosk.ui.icons names the others.
LISTEN_ICON = "mdi6.headphones"
PAUSE_ICON = "mdi6.pause"


class ListenButton(TouchButton):
    """Says what a press does now: Listen (also to go on after a pause) or Pause."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("nav", parent)
        self.setObjectName("ListenButton")
        self._state = ReadingState.NONE
        self._colour: str | None = None
        self.retranslate()

    @property
    def state(self) -> ReadingState:
        return self._state

    def show_state(self, state: ReadingState) -> None:
        if state is not self._state:
            self._state = state
            self.retranslate()
            if self._colour is not None:
                self.load_icons(self._colour)

    def retranslate(self) -> None:
        if self._state is ReadingState.PLAYING:
            self.set_text(self.tr("Pause"))
            self.setAccessibleDescription(self.tr("Stop reading aloud for now"))
        else:
            self.set_text(self.tr("Listen"))
            self.setAccessibleDescription(self.tr("Read this screen aloud"))

    def apply_metrics(self, m: Metrics) -> None:
        self.set_target_size(m.minimum_target, m.primary_target)

    def load_icons(self, colour: str) -> None:
        self._colour = colour
        playing = self._state is ReadingState.PLAYING
        self.setIcon(icons.icon(PAUSE_ICON if playing else LISTEN_ICON, colour))
