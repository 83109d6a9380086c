"""The sentence of the Statement that a moment or a figure rests on, set apart by a rule."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.text import make_label


class SourceBlock(QFrame):
    def __init__(self, count: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "source-block")
        self.heading = make_label("caption")
        self.lines: list[QLabel] = [make_label("source") for _ in range(count)]
        self._layout = QVBoxLayout(self)
        for label in (self.heading, *self.lines):
            self._layout.addWidget(label)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("From the Statement"))

    def set_sources(self, texts: list[str]) -> None:
        for label, text in zip(self.lines, texts, strict=False):
            label.setText(text)

    def apply_metrics(self, m: Metrics) -> None:
        self._layout.setContentsMargins(m.unit * 3, m.unit, 0, m.unit)
        self._layout.setSpacing(m.unit)
