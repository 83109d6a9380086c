"""Labels that show content as plain text, never as rich text or links."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from kiosk.ui.widgets.drawn_once import DrawnOnceLabel


def make_label(
    role: str, parent: QWidget | None = None, *, wrap: bool = True, drawn_once: bool = False
) -> QLabel:
    """``drawn_once``: a label over the start screen's light, whose large text would otherwise
    be drawn again with each of the light's frames (``DrawnOnceLabel``)."""
    label = DrawnOnceLabel(parent) if drawn_once else QLabel(parent)
    # QLabel guesses rich text by default; content must never be interpreted as markup.
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setOpenExternalLinks(False)
    label.setWordWrap(wrap)
    label.setProperty("role", role)
    return label


def make_rule(parent: QWidget | None = None) -> QFrame:
    """A thin accent line used as a quiet divider."""
    rule = QFrame(parent)
    rule.setProperty("role", "rule")
    rule.setFixedHeight(2)
    return rule


def relayout(*widgets: QWidget) -> None:
    """Make layouts re-measure wrapped text that changed inside nested widgets.

    Qt does not pass a changed height-for-width up through nested widgets by itself, so a
    longer text would be cut off; asking each ancestor to update its geometry does.
    """
    for widget in widgets:
        current: QWidget | None = widget
        while current is not None and not current.isWindow():
            current.updateGeometry()
            current = current.parentWidget()
