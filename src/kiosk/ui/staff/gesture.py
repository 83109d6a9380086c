"""The hidden way into staff mode: quick taps in a top corner, the last one held.

Visitors do not stumble on it (it takes several taps and a long hold in one small corner),
and staff can always use it, with a keyboard chord for maintenance keyboards as well.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut, QTouchEvent
from PySide6.QtWidgets import QWidget

from kiosk.station_config import StaffSettings

TAP_GAP_MS = 1500  # taps further apart than this start the count again
CORNER_MM = 15.0
KEY_CHORD = "Ctrl+Alt+Shift+K"
PRESSES = (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress)
RELEASES = (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel, QEvent.Type.MouseButtonRelease)


class StaffGesture(QObject):
    triggered = Signal()

    def __init__(self, window: QWidget, settings: StaffSettings, pixels_per_mm: float) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.pixels_per_mm = pixels_per_mm
        self._taps = 0
        self._since_last = QElapsedTimer()
        self._pressed = False
        self._pressed_in_corner = False
        self._hold = QTimer(self, singleShot=True, interval=round(settings.hold_seconds * 1000))
        self._hold.timeout.connect(self._held)
        self.shortcut = QShortcut(QKeySequence(KEY_CHORD), window)
        self.shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.shortcut.activated.connect(self.triggered)

    def corner(self) -> QRect:
        side = max(
            round(CORNER_MM * self.pixels_per_mm),
            min(self.window.width(), self.window.height()) // 14,
        )
        x = 0 if self.settings.corner == "top-left" else self.window.width() - side
        return QRect(x, 0, side, side)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress):
            self._press(self._window_point(event))
        elif kind in (
            QEvent.Type.TouchEnd,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.TouchCancel,
        ):
            self._release()
        return False

    def _window_point(self, event: QEvent) -> QPoint | None:
        if isinstance(event, QTouchEvent) and event.points():
            position: QPointF = event.points()[0].globalPosition()
        elif isinstance(event, QMouseEvent):
            position = event.globalPosition()
        else:
            return None
        return self.window.mapFromGlobal(position.toPoint())

    def _press(self, point: QPoint | None) -> None:
        if self._pressed:
            return  # the same touch reaching a parent, or its synthesized mouse press
        self._pressed = True
        in_corner = point is not None and self.corner().contains(point)
        self._pressed_in_corner = in_corner
        if not in_corner or (
            self._since_last.isValid() and self._since_last.elapsed() > TAP_GAP_MS
        ):
            self._taps = 0
        if not in_corner:
            return
        if self._taps == self.settings.taps - 1:
            self._hold.start()

    def _release(self) -> None:
        if not self._pressed:
            return
        self._pressed = False
        if self._hold.isActive():  # let go too early: not the hold
            self._hold.stop()
            self._taps = 0
            return
        if not self._pressed_in_corner:
            return
        self._taps += 1
        self._since_last.start()

    def _held(self) -> None:
        self._taps = 0
        self.triggered.emit()
