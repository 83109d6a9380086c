"""Where a visitor is: the screen, how they got there, their language and timeline place."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal


class Screen(StrEnum):
    ATTRACT = "attract"
    HOME = "home"
    STATEMENT = "statement"
    TIMELINE = "timeline"
    FIGURES = "figures"


class Access(NamedTuple):
    """A visitor's own choices: larger text, high contrast, less motion."""

    text_step: int = 0  # 0, 1 or 2: standard, large, largest
    high_contrast: bool = False
    reduced_motion: bool = False


TEXT_STEPS = 3


class VisitSession(QObject):
    """One visit, from the first touch until the visitor walks away (idle reset)."""

    screen_changed = Signal(str)
    language_changed = Signal(str)
    timeline_index_changed = Signal(int)
    access_changed = Signal(object)
    reset_done = Signal()

    def __init__(self, default_language: str, timeline_length: int) -> None:
        super().__init__()
        self._default_language = default_language
        self._timeline_length = timeline_length
        self._history: list[Screen] = [Screen.ATTRACT]
        self._language = default_language
        self._timeline_index = 0
        self._access = Access()
        self._visiting = False

    @property
    def visiting(self) -> bool:
        """Whether a visit is under way: from the first step past the start screen (or the
        first setting changed on it) until the reset.  A visitor who goes Back to the start
        screen is still visiting: what they chose must not greet the next visitor."""
        return self._visiting

    @property
    def screen(self) -> Screen:
        return self._history[-1]

    @property
    def language(self) -> str:
        return self._language

    @property
    def access(self) -> Access:
        return self._access

    def set_access(self, access: Access) -> None:
        access = access._replace(text_step=max(0, min(access.text_step, TEXT_STEPS - 1)))
        if access != self._access:
            self._access = access
            self._visiting = True
            self.access_changed.emit(access)

    @property
    def timeline_index(self) -> int:
        return self._timeline_index

    def can_go_back(self) -> bool:
        return len(self._history) > 1

    def open(self, screen: Screen) -> None:
        if screen is self.screen:
            return
        self._visiting = self._visiting or screen is not Screen.ATTRACT
        if screen is Screen.HOME:
            # Home is the root of a visit: going there forgets the path, so Back from
            # home always means "back to the start screen", never a maze.
            self._history = [Screen.ATTRACT, Screen.HOME]
        else:
            self._history.append(screen)
        self.screen_changed.emit(self.screen.value)

    def back(self) -> None:
        if self.can_go_back():
            self._history.pop()
            self.screen_changed.emit(self.screen.value)

    def go_home(self) -> None:
        self.open(Screen.HOME)

    def set_language(self, language: str) -> None:
        if language != self._language:
            self._language = language
            self._visiting = True
            self.language_changed.emit(language)

    def set_timeline_index(self, index: int) -> None:
        index = max(0, min(index, self._timeline_length - 1))
        if index != self._timeline_index:
            self._timeline_index = index
            self.timeline_index_changed.emit(index)

    def step_timeline(self, step: int) -> None:
        self.set_timeline_index(self._timeline_index + step)

    def reconfigure(self, default_language: str, timeline_length: int) -> None:
        """New content: its default language and timeline length; the visit starts over."""
        self._default_language = default_language
        self._timeline_length = timeline_length
        self.reset()

    def reset(self) -> None:
        """Forget the visit: start screen, default language and access, first moment."""
        self.set_language(self._default_language)
        self.set_access(Access())
        self.set_timeline_index(0)
        self._visiting = False
        if self._history != [Screen.ATTRACT]:
            self._history = [Screen.ATTRACT]
            self.screen_changed.emit(Screen.ATTRACT.value)
        self.reset_done.emit()
