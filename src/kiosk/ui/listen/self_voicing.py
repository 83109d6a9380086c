"""Self-voicing: in keypad mode, the name of each control the keys reach is spoken, short
and at once (it interrupts whatever was being read), in the visitor's language.

The names are the controls' accessible names, already in the visitor's language
(kiosk.ui.keypad.navigation hands them to ``KeypadMode.focus_named``); a touch visitor hears
nothing (the signal is sent in keypad mode only).  Nothing sounds unless a visitor asks:
names are spoken once the visitor has used audio in this visit (Listen, Help, Louder or
Softer: the keys a tactile keypad marks for sound), until the visit ends."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from kiosk.core.keypad import KeypadMode


class SelfVoicing(QObject):
    def __init__(
        self,
        keypad: KeypadMode,
        asked: Callable[[], bool],
        speak: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._keypad = keypad
        self._asked = asked
        self._speak = speak
        self.spoken: list[str] = []  # what was said, newest last (the last 50; for tests)
        self._held = False
        keypad.focus_named.connect(self._named)

    @property
    def held(self) -> bool:
        return self._held

    def hold_until_idle(self) -> None:
        """No name until the event loop is back: the key being handled asked for other
        sound, and the focus it places as well is not said over it."""
        self._held = True
        QTimer.singleShot(0, self, self._release)

    def _release(self) -> None:
        self._held = False

    def _named(self, name: str) -> None:
        name = name.strip()
        if not name or self._held or not self._keypad.active or not self._asked():
            return
        self.spoken = [*self.spoken[-49:], name]
        self._speak(name)
