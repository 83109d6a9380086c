"""The focus indicator: a double ring, light and dark, around the focused control.

Two bands, each at least 3 px: whatever lies around a control, one of black and white
stands out from it by more than 4.5:1 (the worst case, a middle grey, still gives 4.6:1), so
the ring is seen on any exhibit's colours, in high contrast too, and it is a shape, never a
change of colour alone (WCAG 2.4.7, 2.4.11, 1.4.11).  The band nearer the background is the
one that stands out more from the window's background.

The ring is a widget of its own above the window's other children, masked to the ring, so
it hides nothing but the ring's pixels and takes no touches.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QWidget

from kiosk.content.colour import contrast_ratio

LIGHT = "#FFFFFF"
DARK = "#000000"
MIN_BAND_PX = 3


class FocusRing(QWidget):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("FocusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._band = MIN_BAND_PX
        self._outer, self._inner = QColor(LIGHT), QColor(DARK)
        self.target: QWidget | None = None
        self.hide()

    @property
    def band(self) -> int:
        return self._band

    def set_band(self, pixels: int) -> None:
        self._band = max(MIN_BAND_PX, pixels)
        self.place()

    def set_background(self, background: str) -> None:
        """The band next to the surroundings is the one that stands out more from them."""
        light_first = contrast_ratio(LIGHT, background) >= contrast_ratio(DARK, background)
        outer, inner = (LIGHT, DARK) if light_first else (DARK, LIGHT)
        self._outer, self._inner = QColor(outer), QColor(inner)
        self.update()

    def colours(self) -> tuple[str, str]:
        """The outer and the inner band's colours."""
        return self._outer.name().upper(), self._inner.name().upper()

    def follow(self, target: QWidget | None) -> None:
        self.target = target
        self.place()

    def outer_rect(self) -> QRect:
        """The ring's outer edge in the window, or an empty rectangle when it is not shown."""
        return self.geometry() if self.isVisible() else QRect()

    def place(self) -> None:
        """Around the target, as it lies now; inside the window's edge when the target
        touches it (the statement fills the screen's width)."""
        target = self.target
        window = self.parentWidget()
        if (
            window is None
            or target is None
            or not shiboken6.isValid(target)
            or not target.isVisible()
            or target.window() is not window
        ):
            self.hide()
            return
        width = 2 * self._band
        at = target.mapTo(window, target.rect().topLeft())
        outer = QRect(at, target.size()).adjusted(-width, -width, width, width)
        outer = outer.intersected(window.rect())
        if outer.width() <= 2 * width or outer.height() <= 2 * width:
            self.hide()
            return
        self.setGeometry(outer)
        local = QRect(0, 0, outer.width(), outer.height())
        self.setMask(
            QRegion(local).subtracted(QRegion(local.adjusted(width, width, -width, -width)))
        )
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        band = self._band
        local = self.rect()
        painter.fillRect(local, self._outer)
        painter.fillRect(local.adjusted(band, band, -band, -band), self._inner)
        painter.end()
