"""Touch buttons: large, with visible press feedback and an accessible name."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QPushButton, QSizePolicy, QWidget

from kiosk.content.model import Colours
from kiosk.ui.theme import SANS, SERIF, Metrics


class TouchButton(QPushButton):
    """A push button sized by touch metrics rather than by its text."""

    def __init__(self, role: str, parent: QWidget | None = None, *, primary: bool = False) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.primary = primary
        # Reached by keys (the keypad moves the focus), never taken by a touch.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

    def set_target_size(self, minimum: int, primary: int) -> None:
        side = primary if self.primary else minimum
        self.setMinimumSize(side, side)
        self.setFixedHeight(side)
        self.setIconSize(QSize(side // 2, side // 2))

    def set_text(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)


class TileButton(QAbstractButton):
    """A large choice on the home screen: an icon, its name and a short line beneath.

    Painted by hand so the three parts sit together in the middle of the tile at any size
    (a tool button pins its icon to the top edge), with the accent colour while pressed.
    """

    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Tile")
        self.primary = True
        self._colours = colours
        self._description = ""
        self._name_font = QFont(SERIF)
        self._description_font = QFont(SANS)
        self._radius = 18
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keys, never a touch (TouchButton)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_colours(self, colours: Colours) -> None:
        self._colours = colours
        self.update()

    def set_text(self, text: str, description: str) -> None:
        self.setText(text)
        self._description = description
        self.setAccessibleName(text)
        self.setAccessibleDescription(description)
        self.update()

    def apply_metrics(self, m: Metrics) -> None:
        self._name_font.setPixelSize(m.heading_px)
        self._description_font.setPixelSize(m.caption_px)
        self._radius = m.px(18)
        self.setIconSize(QSize(m.px(96), m.px(96)))
        self.setMinimumSize(max(m.primary_target, self._narrowest_width()), m.primary_target)
        self.updateGeometry()

    def _content_width(self) -> int:
        names = QFontMetrics(self._name_font).horizontalAdvance(self.text())
        lines = QFontMetrics(self._description_font).horizontalAdvance(self._description)
        return max(names, lines) + 2 * self._radius

    def _narrowest_width(self) -> int:
        """With the short line beneath broken in two, where a narrow screen needs it (the
        three tiles side by side in Russian at the largest text on a 1280x800 display)."""
        names = QFontMetrics(self._name_font).horizontalAdvance(self.text())
        lines = self._description_lines(0)
        widest = max(QFontMetrics(self._description_font).horizontalAdvance(line) for line in lines)
        return max(names, widest) + 2 * self._radius

    def _description_lines(self, width: int) -> list[str]:
        """The short line as shown in ``width`` pixels of text: whole, or in two lines as
        even as its spaces allow (the narrowest two lines when ``width`` is 0)."""
        metrics = QFontMetrics(self._description_font)
        text = self._description
        if metrics.horizontalAdvance(text) <= width or " " not in text:
            return [text]
        breaks = [index for index, char in enumerate(text) if char == " "]
        index = min(
            breaks,
            key=lambda at: max(
                metrics.horizontalAdvance(text[:at]), metrics.horizontalAdvance(text[at + 1 :])
            ),
        )
        return [text[:index], text[index + 1 :]]

    def content_height(self, width: int | None = None) -> int:
        gap = self.iconSize().height() // 4
        inner = (self.width() if width is None else width) - 2 * self._radius
        return (
            self.iconSize().height()
            + gap
            + QFontMetrics(self._name_font).height()
            + QFontMetrics(self._description_font).height() * len(self._description_lines(inner))
        )

    def sizeHint(self) -> QSize:
        width = self._content_width()
        return QSize(width, self.content_height(width) + 2 * self._radius)

    def minimumSizeHint(self) -> QSize:
        width = self._narrowest_width()
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.content_height(width) + 2 * self._radius

    def paintEvent(self, event: QPaintEvent) -> None:
        pressed = self.isDown()
        background = QColor(self._colours.accent if pressed else self._colours.surface)
        ink = QColor(self._colours.background if pressed else self._colours.text)
        quiet = QColor(self._colours.background if pressed else self._colours.muted)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(QRectF(self.rect()), self._radius, self._radius)
        icon_side = self.iconSize().height()
        top = (self.height() - self.content_height()) // 2
        if not self.icon().isNull():
            mode = QIcon.Mode.Selected if pressed else QIcon.Mode.Normal
            self.icon().paint(
                painter,
                QRect((self.width() - icon_side) // 2, top, icon_side, icon_side),
                Qt.AlignmentFlag.AlignCenter,
                mode,
            )
        y = top + icon_side + icon_side // 4
        painter.setPen(ink)
        painter.setFont(self._name_font)
        name_height = QFontMetrics(self._name_font).height()
        painter.drawText(
            QRect(0, y, self.width(), name_height), Qt.AlignmentFlag.AlignCenter, self.text()
        )
        painter.setPen(quiet)
        painter.setFont(self._description_font)
        line_height = QFontMetrics(self._description_font).height()
        y += name_height
        for line in self._description_lines(self.width() - 2 * self._radius):
            painter.drawText(
                QRect(0, y, self.width(), line_height), Qt.AlignmentFlag.AlignCenter, line
            )
            y += line_height
        painter.end()
