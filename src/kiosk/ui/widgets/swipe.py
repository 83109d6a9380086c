"""Recognises a horizontal swipe on a widget, by finger or by mouse drag."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget


class SwipeDetector(QObject):
    """Emits ``swiped(+1)`` for a swipe to the left (show the next item), ``-1`` to the right."""

    swiped = Signal(int)

    def __init__(self, target: QWidget, min_distance_px: int = 60) -> None:
        super().__init__(target)
        self.min_distance_px = min_distance_px
        self._start: QPointF | None = None
        self._last: QPointF | None = None
        target.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                self._track(kind, points[0].position())
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            self._start = None
            return True
        if isinstance(event, QMouseEvent) and event.button() in (
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.NoButton,
        ):
            mapping = {
                QEvent.Type.MouseButtonPress: QEvent.Type.TouchBegin,
                QEvent.Type.MouseMove: QEvent.Type.TouchUpdate,
                QEvent.Type.MouseButtonRelease: QEvent.Type.TouchEnd,
            }
            if kind in mapping and (kind != QEvent.Type.MouseMove or self._start is not None):
                self._track(mapping[kind], event.position())
                return True
        return False

    def _track(self, kind: QEvent.Type, position: QPointF) -> None:
        if kind == QEvent.Type.TouchBegin:
            self._start = self._last = position
            return
        if self._start is None:
            return
        self._last = position
        if kind == QEvent.Type.TouchEnd:
            dx = position.x() - self._start.x()
            dy = position.y() - self._start.y()
            self._start = None
            if abs(dx) >= self.min_distance_px and abs(dx) > 1.5 * abs(dy):
                self.swiped.emit(1 if dx < 0 else -1)
