"""Finds text that does not fit: the check behind the "no clipped text" tests and self-test."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget


@dataclass(frozen=True)
class ClippedText:
    widget: str
    text: str
    reason: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.reason}: {self.text[:60]!r}"


def _name(widget: QWidget) -> str:
    if widget.objectName():
        return widget.objectName()
    parent = widget.parentWidget()
    return f"{type(widget).__name__} in {parent.objectName() if parent else 'nothing'}"


def _visible_in_ancestors(widget: QWidget, window: QWidget) -> bool:
    """Whether the widget lies inside every ancestor up to the window (scroll areas excepted)."""
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent.parentWidget(), QAbstractScrollArea):
            return True  # scrolled content may extend past the viewport by design
        bounds = QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
        if not bounds.contains(rect):
            return False
        parent = parent.parentWidget()
    return window.rect().contains(rect)


def _needed_size(button: QAbstractButton) -> tuple[int, int]:
    """The least a button shows its text in (a home tile may break its short line in two),
    at the height that takes at the width it has."""
    least = button.minimumSizeHint()
    if not least.isValid():
        least = button.sizeHint()
    if button.hasHeightForWidth():
        return least.width(), button.heightForWidth(button.width())
    return least.width(), least.height()


def find_clipped_text(window: QWidget) -> list[ClippedText]:
    found: list[ClippedText] = []
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text():
            continue
        area = label.contentsRect()
        metrics = QFontMetrics(label.font())
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height():
                found.append(
                    ClippedText(
                        _name(label), label.text(), f"needs {needed}px height, has {label.height()}"
                    )
                )
        else:
            width = metrics.horizontalAdvance(label.text())
            if width > area.width():
                found.append(
                    ClippedText(
                        _name(label), label.text(), f"needs {width}px width, has {area.width()}"
                    )
                )
            if metrics.height() > area.height():
                found.append(
                    ClippedText(
                        _name(label),
                        label.text(),
                        f"needs {metrics.height()}px height, has {area.height()}",
                    )
                )
        if not _visible_in_ancestors(label, window):
            found.append(ClippedText(_name(label), label.text(), "extends outside its container"))
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or not button.text():
            continue
        width, height = _needed_size(button)
        if width > button.width() or height > button.height() + 1:
            found.append(
                ClippedText(
                    _name(button),
                    button.text(),
                    f"needs {width}x{height}, has {button.width()}x{button.height()}",
                )
            )
        if not _visible_in_ancestors(button, window):
            found.append(ClippedText(_name(button), button.text(), "extends outside its container"))
    return found


def find_overlapping_text(window: QWidget) -> list[tuple[str, str]]:
    """Pairs of visible labels in the same container whose boxes overlap."""
    labels = [
        label for label in window.findChildren(QLabel) if label.isVisibleTo(window) and label.text()
    ]
    overlapping = []
    for index, first in enumerate(labels):
        for second in labels[index + 1 :]:
            if first.parentWidget() is not second.parentWidget():
                continue
            if first.geometry().intersects(second.geometry()):
                overlapping.append((first.text()[:40], second.text()[:40]))
    return overlapping
