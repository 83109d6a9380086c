"""Listening: what a screen reads aloud, and the rules around it (QtCore only).

What to read is decided here, from the exhibit, the screen and where the visitor is; the
ui turns each ``Reading`` into the narrator's item and marks the text on screen while it is
read.  A recording staff made is taken where one exists for the text in the language it is
shown in (a text shown in English to an Azerbaijani visitor is read in English: what the
companion sees is what is heard); the rest is left to speech.

The rules: Listen starts, pauses and resumes; nothing sounds unless a visitor asks; while
audio plays the "Still there?" countdown is twice as long (WCAG 2.2.1, adjustable timing),
since a visitor who listens presses no keys.
"""

from __future__ import annotations

from enum import Enum, auto
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal

from kiosk.content.model import Exhibit, LocalizedText, recording_for
from kiosk.core.idle import IdleWatcher
from kiosk.core.session import Screen

# The countdown's factor while audio plays.
LISTENING_COUNTDOWN_FACTOR = 2

# narration.yaml's keys (kiosk.content.narration names them; not imported here, as that
# module is loaded only for content that has recordings).
EXHIBIT_TITLE = "exhibit.title"
STATEMENT_PARTS = ("heading", "subtitle", "issuer", "date_text")
MOMENT_PARTS = ("date_text", "title", "caption", "source")


class Reading(NamedTuple):
    """One text to read: its words, their language, staff's recording if any, and ``mark``,
    the part of the screen that shows it (``paragraph.3``, ``moment.title``, ``figure.0``)."""

    text: str
    language: str
    recording: Path | None
    mark: str


class ListenAction(Enum):
    START = auto()
    PAUSE = auto()
    RESUME = auto()


class ReadingState(Enum):
    """The reading of a screen, as the ui reports it (an announcement is no reading)."""

    NONE = auto()
    PLAYING = auto()
    PAUSED = auto()


def _reading(exhibit: Exhibit, key: str, value: LocalizedText, language: str, mark: str) -> Reading:
    text, used = value.resolve(language, exhibit.settings.default_language)
    return Reading(text, used, recording_for(exhibit, key, used), mark)


def title_readings(exhibit: Exhibit, language: str) -> list[Reading]:
    return [_reading(exhibit, EXHIBIT_TITLE, exhibit.settings.title, language, "title")]


def statement_readings(
    exhibit: Exhibit, language: str, first_paragraph: int | None
) -> list[Reading]:
    """The statement from the first paragraph the visitor sees on; ``None``: the top is in
    sight, so its heading, subtitle, issuer and date come first."""
    statement = exhibit.statement
    readings: list[Reading] = []
    if first_paragraph is None:
        for part in STATEMENT_PARTS:
            mark = "meta" if part in ("issuer", "date_text") else part
            value = getattr(statement, part)
            readings.append(_reading(exhibit, f"statement.{part}", value, language, mark))
    start = max(0, first_paragraph or 0)
    for index in range(start, len(statement.paragraphs)):
        key = f"statement.paragraph.{index + 1}"
        value = statement.paragraphs[index]
        readings.append(_reading(exhibit, key, value, language, f"paragraph.{index}"))
    return readings


def moment_readings(exhibit: Exhibit, language: str, index: int) -> list[Reading]:
    """A moment: one recording of it whole if staff made one, else its date, title, caption
    and source, each marked in turn."""
    moment = exhibit.timeline[index]
    key = f"moment.{moment.id}"
    parts = [
        _reading(exhibit, key, getattr(moment, part), language, f"moment.{part}")
        for part in MOMENT_PARTS
    ]
    _text, used = moment.title.resolve(language, exhibit.settings.default_language)
    whole = recording_for(exhibit, key, used)
    if whole is not None:
        return [Reading(". ".join(r.text for r in parts), used, whole, "moment")]
    return [r._replace(recording=None) for r in parts]


def figure_readings(exhibit: Exhibit, language: str) -> list[Reading]:
    """Each figure with its label; then, once, the sources of those without a recording
    (a recording of a figure reads its source too)."""
    readings: list[Reading] = []
    sources: list[Reading] = []
    for index, figure in enumerate(exhibit.figures):
        key = f"figure.{figure.id}"
        label = _reading(exhibit, key, figure.label, language, f"figure.{index}")
        readings.append(label._replace(text=f"{figure.value} {label.text}"))
        if label.recording is None:
            source = _reading(exhibit, key, figure.source, language, "figure.source")
            if source.text not in [s.text for s in sources]:
                sources.append(source._replace(recording=None))
    return readings + sources


def readings_for(
    exhibit: Exhibit,
    screen: Screen,
    language: str,
    *,
    timeline_index: int = 0,
    first_paragraph: int | None = None,
) -> list[Reading]:
    """What Listen reads on ``screen`` (nothing on the start screen)."""
    if screen is Screen.HOME:
        return title_readings(exhibit, language)
    if screen is Screen.STATEMENT:
        return statement_readings(exhibit, language, first_paragraph)
    if screen is Screen.TIMELINE and exhibit.timeline:
        index = max(0, min(timeline_index, len(exhibit.timeline) - 1))
        return moment_readings(exhibit, language, index)
    if screen is Screen.FIGURES:
        return figure_readings(exhibit, language)
    return []


class ListeningRules(QObject):
    """The visit's listening: whether the visitor asked for audio (then the idle question
    is spoken too), the reading's state, and the countdown's length while audio plays."""

    changed = Signal()

    def __init__(self, idle: IdleWatcher, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._idle = idle
        self._reading = ReadingState.NONE
        self._sounding = False
        self._asked = False

    @property
    def asked(self) -> bool:
        """Whether the visitor asked for audio in this visit (Listen, or a key)."""
        return self._asked

    @property
    def reading(self) -> ReadingState:
        return self._reading

    def listen_action(self) -> ListenAction:
        """What Listen does now: pause a reading, resume a paused one, else start one."""
        self._asked = True
        if self._reading is ReadingState.PLAYING:
            return ListenAction.PAUSE
        if self._reading is ReadingState.PAUSED:
            return ListenAction.RESUME
        return ListenAction.START

    def audio_asked(self) -> None:
        """A visitor used audio in another way (keys in keypad mode, Help)."""
        self._asked = True

    def report(self, reading: ReadingState, *, sounding: bool) -> None:
        """The ui's narrator: the reading's state, and whether anything sounds."""
        if (reading, sounding) == (self._reading, self._sounding):
            return
        self._reading, self._sounding = reading, sounding
        # Applied when the next countdown starts: one that runs keeps the length it showed.
        self._idle.set_warning_factor(LISTENING_COUNTDOWN_FACTOR if sounding else 1)
        self.changed.emit()

    def reset(self) -> None:
        """The visit ended: the next visitor has asked for nothing."""
        self._asked = False
        self.report(ReadingState.NONE, sounding=False)
