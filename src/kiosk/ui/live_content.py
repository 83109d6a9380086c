"""Hands new content to the window at the right moment: on the start screen, never under a
visitor's finger (or at once, with the place kept, in the staff preview)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.content.model import Exhibit
from kiosk.core.reloader import ContentReloader
from kiosk.core.session import Screen
from kiosk.ui.window import KioskWindow


class LiveContent(QObject):
    applied = Signal()

    def __init__(
        self, window: KioskWindow, reloader: ContentReloader, *, immediate: bool = False
    ) -> None:
        super().__init__(window)
        self.window = window
        self.reloader = reloader
        self.immediate = immediate
        self.pending: Exhibit | None = None
        reloader.content_ready.connect(self._arrived)
        # Queued: the start screen is reached inside the session's own reset, and new content
        # resets the session again; applying a moment later keeps the two apart.
        window.session.screen_changed.connect(
            lambda _screen: QTimer.singleShot(0, self._apply_if_at_rest)
        )

    def _arrived(self, exhibit: Exhibit) -> None:
        if self.immediate:
            self.window.set_exhibit(exhibit, keep_place=True)
            self.applied.emit()
            return
        self.pending = exhibit
        self._apply_if_at_rest()

    def _apply_if_at_rest(self, *_: object) -> None:
        if self.pending is None or self.window.session.screen is not Screen.ATTRACT:
            return
        exhibit, self.pending = self.pending, None
        self.window.set_exhibit(exhibit)
        self.applied.emit()
