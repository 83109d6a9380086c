"""Notices any visitor input anywhere in the application, to keep the visit alive."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class InputActivityFilter(QObject):
    def __init__(self, on_input: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_input = on_input

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._on_input()
        return False
