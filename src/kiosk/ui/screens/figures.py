"""The casualty figures: three numbers, very large, with their labels and their source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Exhibit
from kiosk.ui.screens.base import ScreenView
from kiosk.ui.theme import SERIF, Metrics
from kiosk.ui.widgets.source_block import SourceBlock
from kiosk.ui.widgets.text import make_label


class FiguresScreen(ScreenView):
    def __init__(self, exhibit: Exhibit, parent: QWidget | None = None) -> None:
        super().__init__(exhibit, parent)
        self.setObjectName("FiguresScreen")
        self.numbers: list[QLabel] = []
        self.labels: list[QLabel] = []
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for figure in exhibit.figures:
            cell = QWidget()
            cell.setObjectName(f"Figure-{figure.id}")
            cell_layout = QVBoxLayout(cell)
            number = make_label("figure", wrap=False)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            # A number is never squeezed: the spaces around the figures give way instead.
            number.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            label = make_label("heading")
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            cell_layout.addWidget(number)
            cell_layout.addWidget(label, 1)
            self.numbers.append(number)
            self.labels.append(label)
            self.row.addWidget(cell, 1)
        # Figures that share a sentence (as all three do here) show it once, not three times.
        self.source_block = SourceBlock(len(self._distinct_sources()))
        self.sources = self.source_block.lines
        layout = self._layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(self.row)
        layout.addStretch(1)
        # Centred by stretches, not by alignment: an aligned widget loses its
        # height-for-width and a wrapped source would be cut off.
        source_row = QHBoxLayout()
        source_row.addStretch(1)
        source_row.addWidget(self.source_block, 100)
        source_row.addStretch(1)
        layout.addLayout(source_row)
        layout.addStretch(1)
        self.retranslate()

    def _distinct_sources(self) -> list[str]:
        seen: list[str] = []
        for figure in self.exhibit.figures:
            text = self.text(figure.source)
            if text not in seen:
                seen.append(text)
        return seen

    def retranslate(self) -> None:
        for figure, number, label in zip(
            self.exhibit.figures, self.numbers, self.labels, strict=True
        ):
            number.setText(f"{figure.value:,}".replace(",", "\u202f"))
            label.setText(self.text(figure.label))
            number.setAccessibleName(f"{figure.value} {self.text(figure.label)}")
        self.source_block.retranslate()
        self.source_block.set_sources(self._distinct_sources())

    def apply_metrics(self, m: Metrics) -> None:
        font = QFont(SERIF)
        font.setPixelSize(m.figure_px)
        for number in self.numbers:
            number.setFixedHeight(QFontMetrics(font).height())
        margin = m.unit * (8 if not m.portrait else 4)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self.row.setDirection(
            QBoxLayout.Direction.TopToBottom if m.portrait else QBoxLayout.Direction.LeftToRight
        )
        self.row.setSpacing(m.unit * (6 if not m.portrait else 2))
        self.source_block.setMaximumWidth(m.px(1300))
        self.source_block.apply_metrics(m)
