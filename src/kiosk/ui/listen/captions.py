"""Captions: while audio plays, the text being read is marked on screen, so that a
hard-of-hearing companion can follow.

Never by colour alone: a bar beside the text (a shape) and a heavier weight of the text
itself.  The bar is a child of the text's parent, placed in the margin before it and moved
with it; the weight is the label's own style sheet, over the window's.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QLabel, QWidget

READING_PROPERTY = "reading"  # True on a label while it is read aloud
MARK_WEIGHT = 700
PLACE_EVENTS = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)


class CaptionMark(QObject):
    """Marks the labels being read; ``mark([])`` or ``clear()`` takes the mark away."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels: list[QLabel] = []
        self._bars: list[QFrame] = []
        self._colour = QColor("#FFFFFF")
        self._width = 4

    @property
    def marked(self) -> list[QLabel]:
        return [label for label in self._labels if shiboken6.isValid(label)]

    def set_look(self, colour: str, bar_width: int) -> None:
        """The bar's colour (the text's, so it has the text's contrast) and width."""
        self._colour = QColor(colour)
        self._width = max(3, bar_width)
        for bar in self._bars:
            self._style_bar(bar)
        self._place()

    def mark(self, labels: list[QLabel]) -> None:
        self.clear()
        for label in labels:
            label.setProperty(READING_PROPERTY, True)
            label.setStyleSheet(f"font-weight: {MARK_WEIGHT};")
            label.installEventFilter(self)
            parent = label.parentWidget()
            if parent is None:
                continue
            bar = QFrame(parent)
            bar.setObjectName("CaptionBar")
            self._style_bar(bar)
            self._bars.append(bar)
            self._labels.append(label)
        self._place()

    def clear(self) -> None:
        for label in self.marked:
            label.removeEventFilter(self)
            label.setProperty(READING_PROPERTY, False)
            label.setStyleSheet("")
        for bar in self._bars:
            if shiboken6.isValid(bar):
                bar.hide()
                bar.deleteLater()
        self._labels, self._bars = [], []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in PLACE_EVENTS:
            self._place()
        return False

    def _style_bar(self, bar: QFrame) -> None:
        bar.setStyleSheet(f"background-color: {self._colour.name()}; border: none;")

    def _place(self) -> None:
        for label, bar in zip(self._labels, self._bars, strict=True):
            if not (shiboken6.isValid(label) and shiboken6.isValid(bar)):
                continue
            geometry = label.geometry()
            gap = self._width * 2
            left = max(0, geometry.left() + _text_indent(label) - gap - self._width)
            bar.setGeometry(left, geometry.top(), self._width, geometry.height())
            bar.setVisible(label.isVisibleTo(label.parentWidget() or label))
            bar.raise_()


def _text_indent(label: QLabel) -> int:
    """Where a centred label's text begins inside it (0 for text set from the left)."""
    if not label.alignment() & Qt.AlignmentFlag.AlignHCenter:
        return 0
    label.ensurePolished()
    flags = int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap)
    box = QRect(0, 0, max(1, label.width()), 100_000)
    used = label.fontMetrics().boundingRect(box, flags, label.text())
    return max(0, used.left())


def bar_of(label: QLabel) -> QWidget | None:
    """The bar beside a marked label (tests and renders look for it)."""
    parent = label.parentWidget()
    if parent is None:
        return None
    for bar in parent.findChildren(QFrame, "CaptionBar"):
        if bar.isVisible() and bar.geometry().top() == label.geometry().top():
            return bar
    return None
