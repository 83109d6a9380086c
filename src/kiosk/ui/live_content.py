"""Hands content the reloader found good to the controller, which puts it in force on the
start screen, never under a visitor's finger (or at once, with the place kept, in the staff
preview)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.content.model import Exhibit
from kiosk.core.kiosk import KioskController, KioskEvent
from kiosk.core.reloader import ContentReloader


class LiveContent(QObject):
    applied = Signal()

    def __init__(
        self,
        controller: KioskController,
        reloader: ContentReloader,
        *,
        immediate: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.immediate = immediate
        reloader.content_ready.connect(self._arrived)
        controller.happened.connect(self._follow)

    @property
    def waiting(self) -> bool:
        """Whether new content waits for the start screen."""
        return self.controller.waiting

    def _arrived(self, exhibit: Exhibit) -> None:
        self.controller.offer(exhibit, at_once=self.immediate)

    def _follow(self, event: KioskEvent) -> None:
        if event is KioskEvent.CONTENT_APPLIED:
            self.applied.emit()
