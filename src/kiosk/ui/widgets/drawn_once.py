"""A label that draws its text once and shows that drawing until something about it changes.

Qt's raster engine keeps no cache for glyphs larger than 64 pixels: it fills their outlines
anew every time the label paints.  The start screen's title is that large, and the breathing
light under it repaints the part of the screen it covers a few times a second, so the title's
outlines were filled a few times a second too: about three quarters of each of the light's
frames (1.4 of 1.9 ms at 1920x1080).  This label draws its text once, as QLabel does, into
a transparent pixmap, and then only blends that pixmap over whatever is under it: the same
place, wrapping, font and colour, and no visible difference (tests/test_drawn_once.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QWidget

_Key = tuple[str, int, int, float, int, bool]


class DrawnOnceLabel(QLabel):
    """A QLabel whose plain text is drawn into a pixmap once per text, size and look.

    The drawing is QLabel's own way of drawing plain text (its contents rectangle less its
    margin, ``QStyle.drawItemText``'s pen and text, the label's font, palette and
    alignment); a widget cannot simply render itself while it paints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._drawing = QPixmap()
        self._drawn_for: _Key | None = None
        self._painted_for: _Key | None = None
        self.drawings = 0  # how many times the text was drawn, not blended (tests count)

    def _key(self) -> _Key:
        # Changes that send no event (text, alignment, wrapping) are part of the key; the
        # rest (font, colours, style sheet, language) forget the drawing as their events come.
        return (
            self.text(),
            self.width(),
            self.height(),
            self.devicePixelRatioF(),
            self.alignment().value,
            self.wordWrap(),
        )

    def forget_drawing(self) -> None:
        self._drawn_for = self._painted_for = None
        self._drawing = QPixmap()

    def changeEvent(self, event: QEvent) -> None:
        self.forget_drawing()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if (
            self.textFormat() != Qt.TextFormat.PlainText
            or self.frameShape() != QFrame.Shape.NoFrame
        ):
            super().paintEvent(event)  # only plain, frameless text is drawn here
            return
        key = self._key()
        if key != self._drawn_for or self._drawing.isNull():
            if key != self._painted_for:
                # Painted once as QLabel paints: a text painted only once (the first frame,
                # a screen passing by) costs no drawing; a second paint unchanged makes one.
                self._painted_for = key
                super().paintEvent(event)
                return
            self._draw(key)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._drawing)
        painter.end()

    def _draw(self, key: _Key) -> None:
        # Imported here: from the second paint on, never on the way to the first frame (a
        # class PySide makes ready costs start-up time and memory).
        from PySide6.QtGui import QPalette, QPen  # noqa: PLC0415
        from PySide6.QtWidgets import QStyle  # noqa: PLC0415

        ratio = self.devicePixelRatioF()
        drawing = QPixmap(self.size() * ratio)
        drawing.setDevicePixelRatio(ratio)
        drawing.fill(Qt.GlobalColor.transparent)
        margin = self.margin()
        area = self.contentsRect().adjusted(margin, margin, -margin, -margin)
        text = self.text()
        right_to_left = _right_to_left(text)
        flags = QStyle.visualAlignment(
            Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight,
            self.alignment(),
        )
        flags |= (
            Qt.TextFlag.TextForceRightToLeft if right_to_left else Qt.TextFlag.TextForceLeftToRight
        )
        if self.wordWrap():
            flags |= Qt.TextFlag.TextWordWrap
        painter = QPainter(drawing)
        painter.setFont(self.font())
        # QStyle.drawItemText's way (a pen of the label's text role, the disabled colours when
        # disabled), without asking the label for its style: PySide keeps the wrapper style()
        # returns, and a style sheet's style is replaced when colours or content change.
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(QPen(self.palette().brush(group, self.foregroundRole()), 1.0))
        painter.drawText(area, int(flags.value), text)
        painter.end()
        self._drawing = drawing
        self._drawn_for = key
        self.drawings += 1


def _right_to_left(text: str) -> bool:
    """As Qt decides a plain text's direction: by its first strongly directional letter."""
    import unicodedata  # noqa: PLC0415 - at the second paint, never before the first frame

    for letter in text:
        kind = unicodedata.bidirectional(letter)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False
