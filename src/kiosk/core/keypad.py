"""The keypad's words and whether the visitor is using one.

A USB keypad (or a keyboard) sends ordinary key codes; ``kiosk.ui.keypad.key_map`` turns them
into the intents below, and every intent goes to one place, ``KioskController.press``. The
rules of the visit (begin, Home, Back, a moment on the timeline) are decided there; what is
left (moving the focus, scrolling the statement, pressing the focused control) is the view's.

``KeypadMode`` is the visit's input mode: on once a key is used, off at the next touch. The
focus indicator follows it, and so will self-voicing.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class KeyIntent(StrEnum):
    """What a key asks for; the values are the station file's ``keypad:`` names."""

    HOME = "home"
    BACK = "back"
    LISTEN = "listen"  # listen / pause (the audio engine follows KioskEvent.LISTEN_ASKED)
    LOUDER = "louder"
    SOFTER = "softer"
    HELP = "help"
    NEXT = "next"  # the next moment (later also the next paragraph while listening)
    PREVIOUS = "previous"
    ACTIVATE = "activate"  # press the focused control
    FORWARD = "forward"  # the next control in reading order (Tab)
    BACKWARD = "backward"  # the previous control (Shift+Tab)
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    PAGE_UP = "page_up"
    PAGE_DOWN = "page_down"


# Keys for hearing and loudness only: they never begin a visit by themselves.
SOUND_ONLY = frozenset({KeyIntent.LOUDER, KeyIntent.SOFTER})

# Without these a visitor could not get anywhere: a mapping that leaves one of them without
# a key is refused (the default is used instead).
ESSENTIAL = (KeyIntent.ACTIVATE, KeyIntent.FORWARD, KeyIntent.BACKWARD)


def missing_essentials(bound: set[KeyIntent]) -> list[KeyIntent]:
    """The essential intents that have no key in ``bound``."""
    return [intent for intent in ESSENTIAL if intent not in bound]


class KeypadMode(QObject):
    """Whether the visitor uses keys (the focus is shown) or touch (it is not)."""

    changed = Signal(bool)
    # The name of the control the focus moved to, in the visitor's language: what
    # self-voicing will say (nothing follows it yet).
    focus_named = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._active = False

    @property
    def active(self) -> bool:
        return self._active

    def key_used(self) -> None:
        self._set(True)

    def touched(self) -> None:
        self._set(False)

    def focus_moved(self, name: str) -> None:
        """The view moved the focus to a control called ``name`` (keys only)."""
        if self._active:
            self.focus_named.emit(name)

    def _set(self, active: bool) -> None:
        if active != self._active:
            self._active = active
            self.changed.emit(active)
