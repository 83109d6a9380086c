"""A moment's picture that gives way: it shrinks, keeping its proportions, when the text
beside it needs the room, and never pushes a screen past the edge of the display."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QStyle, QWidget


class FittedPicture(QLabel):
    """A label for a pixmap (decoded at the largest size it is shown) whose minimum size is
    nothing: a plain QLabel insists on its pixmap's full size, so a landscape picture on a
    portrait screen, or any picture beside the largest text, made the window's minimum larger
    than the display."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "picture")
        # A label like every other: never rich text, never links.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setOpenExternalLinks(False)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def shown_rect(self) -> QRect:
        """Where the picture is drawn: as large as decoded, or smaller to fit, never
        stretched."""
        area = self.contentsRect()
        size = self.pixmap().size()
        if size.width() > area.width() or size.height() > area.height():
            size = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QStyle.alignedRect(self.layoutDirection(), self.alignment(), size, area)

    def paintEvent(self, event: QPaintEvent) -> None:
        pixmap = self.pixmap()
        if pixmap.isNull():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(self.shown_rect(), pixmap)
        painter.end()
