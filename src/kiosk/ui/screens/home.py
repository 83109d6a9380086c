"""Three large choices: the Statement, the Timeline and the Figures."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Colours, Exhibit
from kiosk.core.session import Screen
from kiosk.ui import icons
from kiosk.ui.screens.base import ScreenView
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.buttons import TileButton
from kiosk.ui.widgets.text import make_label


class HomeScreen(ScreenView):
    chosen = Signal(str)

    def __init__(self, exhibit: Exhibit, parent: QWidget | None = None) -> None:
        super().__init__(exhibit, parent)
        self.setObjectName("HomeScreen")
        self.title = make_label("heading")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tiles: dict[Screen, TileButton] = {}
        self._icon_colours = exhibit.settings.colours
        self._icons_loaded = False
        self.tile_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for screen in (Screen.STATEMENT, Screen.TIMELINE, Screen.FIGURES):
            tile = TileButton(exhibit.settings.colours)
            tile.setObjectName(f"Tile-{screen.value}")
            tile.clicked.connect(lambda _=False, s=screen: self.chosen.emit(s.value))
            self.tiles[screen] = tile
            self.tile_row.addWidget(tile)
        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        # Grows on tall screens only, pushing the choices down within a visitor's reach.
        layout.addStretch(0)
        layout.addLayout(self.tile_row, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.text(self.exhibit.settings.title))
        moments = self.exhibit.timeline
        names = {
            Screen.STATEMENT: (self.tr("Statement"), self.tr("The full text")),
            Screen.TIMELINE: (
                self.tr("Timeline"),
                self.tr("From %1 to %2")
                .replace("%1", str(moments[0].year))
                .replace("%2", str(moments[-1].year)),
            ),
            Screen.FIGURES: (self.tr("Figures"), self.tr("Killed, injured, missing")),
        }
        for screen, (name, description) in names.items():
            self.tiles[screen].set_text(name, description)

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.unit * (8 if not m.portrait else 5)
        layout = self._layout
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(m.unit * 6)
        self.tile_row.setSpacing(m.unit * 4)
        # Portrait stacks the tiles; landscape sets them side by side.
        self.tile_row.setDirection(
            QBoxLayout.Direction.TopToBottom if m.portrait else QBoxLayout.Direction.LeftToRight
        )
        for tile in self.tiles.values():
            tile.apply_metrics(m)
            tile.setMaximumHeight(m.px(520) if not m.portrait else m.px(300))
            tile.setMinimumHeight(tile.sizeHint().height())  # never squeezed below its content
        layout.setStretch(1, 2 if m.portrait else 0)

    def apply_access(self, colours: Colours) -> None:
        for tile in self.tiles.values():
            tile.set_colours(colours)
        self._icon_colours = colours
        if self._icons_loaded:
            self.load_icons(colours.text)

    def load_icons(self, colour: str) -> None:
        self._icons_loaded = True
        names = {
            Screen.STATEMENT: icons.STATEMENT,
            Screen.TIMELINE: icons.TIMELINE,
            Screen.FIGURES: icons.FIGURES,
        }
        for screen, name in names.items():
            pressed = self._icon_colours.background
            self.tiles[screen].setIcon(icons.icon(name, colour, pressed_colour=pressed))
