"""The visit's rules in one place, with no widget: which languages are offered, whose idle
timing wins, when the idle timer runs, the colours and motion in force, the reset when a
visitor walks away, and new content waiting for the start screen.

Views show what the controller and its session hold and send intents; they decide nothing.
"""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.content.model import Colours, Exhibit
from kiosk.core.idle import IdleWatcher
from kiosk.core.keypad import SOUND_ONLY, KeyIntent, KeypadMode
from kiosk.core.listening import ListeningRules, ReadingState
from kiosk.core.session import Screen, VisitSession

# High contrast: white and a warm yellow on black, well over 7:1 (WCAG AAA).
HIGH_CONTRAST = Colours(
    background="#000000", surface="#1A1A1A", text="#FFFFFF", muted="#E8E8E8", accent="#FFD75E"
)


class KioskEvent(Enum):
    """What the controller tells its views, beyond the session's own signals."""

    CONTENT_REPLACED = auto()  # a new exhibit is in place: rebuild from ``controller.exhibit``
    CONTENT_APPLIED = auto()  # ... and the visit may go on (the preview's place is back)
    CONTENT_WAITING = auto()  # new content arrived mid-visit; it waits for the start screen
    LOOK_CHANGED = auto()  # colours, motion or text size resolved anew
    VISIT_EXPIRING = auto()  # nobody answered "Still there?": close what covers the screen
    # Keypad intents for the audio engine, which follows them once it is built; until then
    # nothing listens and the keys do nothing more than keep the visit alive.
    LISTEN_ASKED = auto()  # the Listen / Pause key
    LOUDER_ASKED = auto()
    SOFTER_ASKED = auto()
    HELP_ASKED = auto()  # the Help key: how the keypad works, spoken
    # Next / previous while a screen is read aloud (off the timeline, where they step).
    NEXT_PART_ASKED = auto()
    PREVIOUS_PART_ASKED = auto()


# The keypad intents that are only told on, as events.
_TOLD = {
    KeyIntent.LISTEN: KioskEvent.LISTEN_ASKED,
    KeyIntent.LOUDER: KioskEvent.LOUDER_ASKED,
    KeyIntent.SOFTER: KioskEvent.SOFTER_ASKED,
    KeyIntent.HELP: KioskEvent.HELP_ASKED,
}

# Next and previous while listening: the reading's parts.
_PARTS = {
    KeyIntent.NEXT: KioskEvent.NEXT_PART_ASKED,
    KeyIntent.PREVIOUS: KioskEvent.PREVIOUS_PART_ASKED,
}


class KioskController(QObject):
    """Owns the session, the idle watcher, pending content and the station's overrides."""

    happened = Signal(KioskEvent)

    def __init__(
        self,
        exhibit: Exhibit,
        *,
        reduced_motion: bool | None = None,
        languages: tuple[str, ...] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        settings = exhibit.settings
        self._exhibit = exhibit
        self.session = VisitSession(settings.default_language, len(exhibit.timeline))
        self.idle = IdleWatcher(settings.idle_timeout_s, settings.idle_warning_s)
        # None follows the content's setting, also when new content arrives.
        self._motion_override = reduced_motion
        # The station may offer fewer of the content's languages (station config).
        self._station_languages = languages
        self._idle_override: tuple[float | None, float | None] = (None, None)
        self._pending: Exhibit | None = None
        # Keys or touch: the UI shows the focus only while keys are in use.
        self.keypad = KeypadMode(self)
        # What is read aloud, and the idle timing while it plays (kiosk.core.listening).
        self.listening = ListeningRules(self.idle, self)
        session = self.session
        session.screen_changed.connect(self._screen_changed)
        session.reset_done.connect(self.follow_visit)
        session.reset_done.connect(self.listening.reset)
        session.access_changed.connect(self._access_changed)
        self.idle.expired.connect(self._end_visit)

    # -- what is in force -------------------------------------------------------------------

    @property
    def exhibit(self) -> Exhibit:
        return self._exhibit

    def offered_languages(self) -> list[str]:
        """The content's languages the station offers, in the content's order; a station
        list that matches none of them offers them all (never an exhibit without a language)."""
        content = list(self._exhibit.settings.languages)
        if not self._station_languages:
            return content
        return [code for code in content if code in self._station_languages] or content

    def idle_durations(self) -> tuple[float, float]:
        """The station's idle timing where it sets one, else the content's."""
        timeout, warning = self._idle_override
        settings = self._exhibit.settings
        return (timeout or settings.idle_timeout_s, warning or settings.idle_warning_s)

    def set_idle_override(self, timeout_s: float | None, warning_s: float | None) -> None:
        """The station's own idle timing, which outlasts any change of content."""
        self._idle_override = (timeout_s, warning_s)
        self.idle.set_durations(*self.idle_durations())

    @property
    def content_motion_reduced(self) -> bool:
        """Less motion by the content or the station, whatever the visitor chooses."""
        if self._motion_override is None:
            return self._exhibit.settings.reduced_motion
        return self._motion_override

    def motion_reduced(self) -> bool:
        return self.content_motion_reduced or self.session.access.reduced_motion

    def colours(self) -> Colours:
        """The content's colours, or high contrast when the visitor asked for it."""
        if self.session.access.high_contrast:
            return HIGH_CONTRAST
        return self._exhibit.settings.colours

    # -- the visit ---------------------------------------------------------------------------

    def begin_in(self, language: str) -> None:
        """A language chosen on the start screen begins the visit, in that language."""
        self.session.set_language(language)
        self.session.go_home()

    def press(self, intent: KeyIntent) -> bool:
        """A key's intent, the one way keys reach the visit.  True when the visit's rules
        took it; False leaves the view its part (moving the focus, scrolling the statement,
        pressing the focused control)."""
        self.keypad.key_used()
        session = self.session
        if session.screen is Screen.ATTRACT and intent not in SOUND_ONLY:
            # Any key but loudness begins the visit: a visitor who cannot see the screen
            # cannot find "touch anywhere".  The start screen's own controls (languages, text
            # size) are in the bar of every screen after it.
            session.go_home()
            if intent in _TOLD:
                self.happened.emit(_TOLD[intent])
            return True
        told = self._told(intent)
        if told is not None:
            self.happened.emit(told)
            return True
        if intent is KeyIntent.HOME:
            session.go_home()
            return True
        if intent is KeyIntent.BACK:
            session.back()
            return True
        if session.screen is Screen.TIMELINE:
            step = {
                KeyIntent.LEFT: -1,
                KeyIntent.PREVIOUS: -1,
                KeyIntent.RIGHT: 1,
                KeyIntent.NEXT: 1,
            }.get(intent)
            if step is not None:
                session.step_timeline(step)
                return True
        return False

    def _told(self, intent: KeyIntent) -> KioskEvent | None:
        """The event a key is told on as: the audio keys always; next and previous while a
        screen is read aloud, but on the timeline, where they step (and the new moment is
        read)."""
        if intent in _TOLD:
            return _TOLD[intent]
        reading = self.listening.reading is not ReadingState.NONE
        if reading and self.session.screen is not Screen.TIMELINE:
            return _PARTS.get(intent)
        return None

    def follow_visit(self) -> None:
        """The idle timer runs while a visit is under way, on the start screen too when a
        visitor came Back to it or changed a setting there; only a fresh start screen, with
        nothing to forget, never times out."""
        if self.session.screen is Screen.ATTRACT and not self.session.visiting:
            self.idle.stop()
        elif self.idle.running:
            self.idle.poke()
        else:
            self.idle.start()

    def _screen_changed(self, _screen: str) -> None:
        self.follow_visit()
        if self._pending is not None:
            # Queued: the start screen is reached inside the session's own reset, and new
            # content resets the session again; applying a moment later keeps the two apart.
            QTimer.singleShot(0, self._apply_if_at_rest)

    def _access_changed(self, _access: object) -> None:
        self.happened.emit(KioskEvent.LOOK_CHANGED)
        self.follow_visit()

    def _end_visit(self) -> None:
        self.happened.emit(KioskEvent.VISIT_EXPIRING)
        self.session.reset()
        # The next visitor is met as a toucher; a key brings the focus back at once.
        self.keypad.touched()

    # -- new content -------------------------------------------------------------------------

    @property
    def waiting(self) -> bool:
        """Whether new content waits for the start screen."""
        return self._pending is not None

    def offer(self, exhibit: Exhibit, *, at_once: bool = False) -> None:
        """New, validated content.  Shown on the start screen, never under a visitor's
        finger; ``at_once`` (the staff preview) shows it now and keeps the place."""
        if at_once:
            self._pending = None
            self.apply(exhibit, keep_place=True)
            return
        self._pending = exhibit
        if self.session.screen is Screen.ATTRACT:
            self._apply_if_at_rest()
        else:
            self.happened.emit(KioskEvent.CONTENT_WAITING)

    def _apply_if_at_rest(self) -> None:
        if self._pending is None or self.session.screen is not Screen.ATTRACT:
            return
        exhibit, self._pending = self._pending, None
        self.apply(exhibit)

    def apply(self, exhibit: Exhibit, *, keep_place: bool = False) -> None:
        """Put new content in force now: the visit starts over (``keep_place``: on the same
        screen and moment, for the staff preview)."""
        screen, moment = self.session.screen, self.session.timeline_index
        self._exhibit = exhibit
        settings = exhibit.settings
        self.idle.set_durations(*self.idle_durations())
        self.session.reconfigure(settings.default_language, len(exhibit.timeline))
        self.happened.emit(KioskEvent.CONTENT_REPLACED)
        if keep_place and screen is not Screen.ATTRACT:
            self.session.go_home()
            self.session.open(screen)
            self.session.set_timeline_index(moment)
        self.happened.emit(KioskEvent.CONTENT_APPLIED)
