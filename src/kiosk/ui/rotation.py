"""Turning the whole interface by 90, 180 or 270 degrees inside the application, for displays
mounted on their side or upside down, whatever the operating system supports.

The kiosk window lives in a graphics scene shown by a rotated view; Qt maps every touch and
click through the same transformation, so a finger lands on what it sees.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QResizeEvent, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsProxyWidget, QGraphicsScene, QGraphicsView, QWidget

ROTATIONS = (0, 90, 180, 270)


class RotatedHost(QGraphicsView):
    """A top-level view that shows ``content`` turned by ``degrees``."""

    def __init__(self, content: QWidget, degrees: int) -> None:
        super().__init__()
        if degrees not in ROTATIONS:
            raise ValueError(f"rotation must be one of {ROTATIONS}, not {degrees}")
        self.degrees = degrees
        self.setObjectName("RotatedHost")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setStyleSheet("background: black;")
        self.scene_ = QGraphicsScene(self)
        self.proxy: QGraphicsProxyWidget = self.scene_.addWidget(content)
        self.content = content
        self.setScene(self.scene_)
        self.setTransform(QTransform().rotate(degrees))
        content.installEventFilter(self)

    def content_size(self, width: int, height: int) -> tuple[int, int]:
        """The content's size for a view of this size: sides swap at 90 and 270 degrees."""
        return (height, width) if self.degrees in (90, 270) else (width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width, height = self.content_size(self.viewport().width(), self.viewport().height())
        self.proxy.resize(width, height)  # the proxy, not the widget: it owns the geometry
        self.scene_.setSceneRect(0, 0, width, height)
        self.centerOn(width / 2, height / 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.centerOn(self.content.width() / 2, self.content.height() / 2)
        return False
