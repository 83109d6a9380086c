"""Touch buttons: large, with visible press feedback and an accessible name."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QToolButton, QWidget


class TouchButton(QPushButton):
    """A push button sized by touch metrics rather than by its text."""

    def __init__(self, role: str, parent: QWidget | None = None, *, primary: bool = False) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.primary = primary
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self._icon_name: str | None = None

    def set_target_size(self, minimum: int, primary: int) -> None:
        side = primary if self.primary else minimum
        self.setMinimumSize(side, side)
        self.setFixedHeight(side)
        self.setIconSize(QSize(side // 2, side // 2))

    def set_text(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)


class TileButton(QToolButton):
    """A large choice on the home screen: an icon above its name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.primary = True
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_text(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
