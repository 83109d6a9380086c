"""``ListenDesk``: the window's listening, wired together.

The Listen control and key read the screen (kiosk.ui.listen.narration) through the
narrator (kiosk.audio); the captions follow the item being read; in keypad mode the focus
is spoken (self-voicing); Help speaks what the keys do; the idle question is spoken once the
visitor has used audio; the reset silences everything and puts the station's volume back.

Nothing sounds unless a visitor asks: only a press of Listen, Help, Louder/Softer or (in
keypad mode) a key that moves the focus makes sound.  Leaving a screen ends its reading.
"""

from __future__ import annotations

import logging
from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject

from kiosk.audio.narrator import NarrationItem, Narrator, NarratorState
from kiosk.core.kiosk import KioskEvent
from kiosk.core.listening import ListenAction, ReadingState, readings_for
from kiosk.core.session import Screen
from kiosk.ui.listen.captions import CaptionMark
from kiosk.ui.listen.narration import Queue, queue_for
from kiosk.ui.listen.self_voicing import SelfVoicing
from kiosk.ui.translations import ENDONYMS

if TYPE_CHECKING:
    from kiosk.audio.settings import AudioSettings
    from kiosk.ui.listen.listen_control import ListenButton
    from kiosk.ui.window import KioskWindow


CONTEXT = "ListenDesk"
HELP: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]  # PySide6 types it as object
    "ListenDesk",
    "Help. The arrow keys move between the controls; the 5 key presses the one you are on. "
    "7 goes to the three choices, 1 goes back. 0 reads the screen aloud or pauses; while it "
    "reads, the star and slash keys go to the next or previous part. Plus and minus make it "
    "louder or softer.",
)
QUESTION: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]
    "ListenDesk",
    "Still there? Press any key to go on. Otherwise the exhibit returns to the start.",
)
VOLUME: str = QT_TRANSLATE_NOOP("ListenDesk", "Volume changed")  # type: ignore[assignment]


SOUND_EVENTS = frozenset(
    {
        KioskEvent.LISTEN_ASKED,
        KioskEvent.LOUDER_ASKED,
        KioskEvent.SOFTER_ASKED,
        KioskEvent.HELP_ASKED,
        KioskEvent.NEXT_PART_ASKED,
        KioskEvent.PREVIOUS_PART_ASKED,
    }
)


class Kind(Enum):
    NONE = auto()
    READING = auto()  # the screen, read aloud (captions marked)
    ANNOUNCEMENT = auto()  # a control's name, help, the idle question, the volume


class ListenDesk(QObject):
    def __init__(
        self, window: KioskWindow, button: ListenButton, settings: AudioSettings | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller = window.controller
        self.button = button
        self.captions = CaptionMark(self)
        self.narrator = Narrator(settings, parent=self)
        self._connect(self.narrator)
        self.voicing = SelfVoicing(
            controller.keypad, lambda: controller.listening.asked, self._say_name, self
        )
        self._kind = Kind.NONE
        self._failures_logged: set[str] = set()  # this visit's
        self._queue = Queue((), ())
        # The reading the idle question interrupted: (queue, item, it was playing).
        self._interrupted: tuple[Queue, int, bool] | None = None
        button.clicked.connect(self.listen)
        controller.happened.connect(self._follow)
        session = controller.session
        session.screen_changed.connect(self._screen_changed)
        session.language_changed.connect(self._language_changed)
        session.timeline_index_changed.connect(self._moment_changed)
        session.reset_done.connect(self.reset)
        controller.idle.warning_started.connect(self._question)
        controller.idle.warning_cancelled.connect(self._answered)
        # Silence before the window goes: a speech child still running when its engine is
        # deleted would answer a deleted engine.
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.narrator.stop()
        return False

    # -- the narrator -----------------------------------------------------------------------

    def use_narrator(self, narrator: Narrator) -> None:
        """Another narrator (the station's settings, or a test's stand-ins)."""
        old = self.narrator
        old.reset()
        for signal in (old.current_item_changed, old.state_changed, old.failed):
            signal.disconnect()
        old.deleteLater()
        self.narrator = narrator
        self._connect(narrator)
        self._kind = Kind.NONE
        self._report()

    def use_settings(self, settings: AudioSettings) -> None:
        self.use_narrator(Narrator(settings, parent=self))

    def _connect(self, narrator: Narrator) -> None:
        narrator.current_item_changed.connect(self._item_changed)
        narrator.state_changed.connect(self._state_changed)
        narrator.failed.connect(self._log_failure)

    def _log_failure(self, message: str) -> None:
        """Staff find why a visitor heard nothing (no sound output, a recording that would
        not play, espeak-ng missing) in the kiosk's log: once a visit for each reason, not
        at every press of a key (a station with no sound output would fill its journal)."""
        if message not in self._failures_logged:
            self._failures_logged.add(message)
            logging.getLogger(__name__).warning("listening: %s", message)

    # -- what tests and renders read ----------------------------------------------------------

    @property
    def kind(self) -> Kind:
        return self._kind

    @property
    def queue(self) -> tuple[NarrationItem, ...]:
        """The reading's items (empty while nothing or an announcement is read)."""
        return self._queue.items if self._kind is Kind.READING else ()

    def reading_state(self) -> ReadingState:
        if self._kind is not Kind.READING:
            return ReadingState.NONE
        state = self.narrator.state
        if state is NarratorState.PLAYING:
            return ReadingState.PLAYING
        if state is NarratorState.PAUSED:
            return ReadingState.PAUSED
        return ReadingState.NONE

    # -- what the visitor asks ------------------------------------------------------------------

    def listen(self) -> None:
        """Listen / Pause: the control or the key."""
        action = self.controller.listening.listen_action()
        if action is ListenAction.PAUSE:
            self.narrator.pause()
        elif action is ListenAction.RESUME:
            self.narrator.resume()
        else:
            self.read_screen()

    def read_screen(self, start: int = 0) -> None:
        queue = queue_for(self.window)
        if queue.items:
            self._play(queue, Kind.READING, start)

    def announce(self, text: str, language: str | None = None) -> None:
        """A few words, at once, in place of whatever was read."""
        language = language or self.controller.session.language
        self._play(Queue((NarrationItem(text, language),), ((),)), Kind.ANNOUNCEMENT)

    def _say_name(self, name: str) -> None:
        """A control's name; a language's own name in its own voice ("Русский" read by
        the English voice would be spelt out or lost)."""
        own = {endonym: code for code, endonym in ENDONYMS.items()}
        self.announce(name, own.get(name))

    def _speak_interface(self, source: str) -> None:
        """Interface words, in the visitor's language; words not yet translated are spoken
        by the English voice rather than mispronounced by another."""
        text = QCoreApplication.translate(CONTEXT, source)
        language = self.controller.session.language
        self.announce(text, language if text != source or language == "en" else "en")

    def _volume(self, louder: bool) -> None:
        (self.narrator.louder if louder else self.narrator.softer)()
        if self.narrator.state is NarratorState.IDLE:
            # Nothing sounds: say the level, so that the key is heard to work.
            self._speak_interface(VOLUME)

    def _follow(self, event: KioskEvent) -> None:
        rules = self.controller.listening
        if event in SOUND_EVENTS:
            # The key that asked for sound may also place the focus (the first key after a
            # touch does): that control's name must not cut in on what was asked for.
            self.voicing.hold_until_idle()
        if event is KioskEvent.LISTEN_ASKED:
            self.listen()
        elif event in (KioskEvent.LOUDER_ASKED, KioskEvent.SOFTER_ASKED):
            if self.controller.session.screen is Screen.ATTRACT:
                # No visit yet: a passer-by's key must not set the next visitor's volume.
                return
            rules.audio_asked()
            self._volume(event is KioskEvent.LOUDER_ASKED)
        elif event is KioskEvent.HELP_ASKED:
            rules.audio_asked()
            self._speak_interface(HELP)
        elif event is KioskEvent.NEXT_PART_ASKED:
            self.narrator.next()
        elif event is KioskEvent.PREVIOUS_PART_ASKED:
            self.narrator.previous()

    # -- following the visit ------------------------------------------------------------------

    def _play(self, queue: Queue, kind: Kind, start: int = 0) -> None:
        self.captions.clear()
        self._queue, self._kind = queue, kind  # before play: it announces the first item
        self.narrator.play(queue.items, start)
        self._report()

    def _stop_reading(self) -> None:
        if self._kind is Kind.READING:
            self.narrator.stop()
        self._interrupted = None

    def _screen_changed(self, name: str) -> None:
        if Screen(name) is Screen.ATTRACT:
            self.narrator.stop()  # nothing goes on sounding over the start screen
        self._stop_reading()

    def _language_changed(self, _language: str) -> None:
        self._stop_reading()

    def _moment_changed(self, _index: int) -> None:
        """Stepping the timeline while it is read: the new moment is read.  Not reading, a
        keypad visitor who asked for sound hears where the step went (its date and title),
        as the focus's name would tell: the step moves no focus."""
        controller = self.controller
        session = controller.session
        if session.screen is not Screen.TIMELINE:
            return
        if self._kind is Kind.READING:
            self.read_screen()
        elif controller.keypad.active and controller.listening.asked:
            readings = readings_for(
                controller.exhibit,
                Screen.TIMELINE,
                session.language,
                timeline_index=session.timeline_index,
            )
            if readings and readings[0].mark == "moment.date_text":
                date, title = readings[0], readings[1]
                self.announce(f"{date.text}. {title.text}", title.language)

    def reset(self) -> None:
        """The end of a visit: silence, no marks, the station's volume."""
        self._interrupted = None
        self._failures_logged.clear()  # the next visitor's failures are logged again
        self.narrator.reset()
        self.captions.clear()
        self._kind = Kind.NONE
        self._report()

    def _question(self, _seconds: int) -> None:
        if not self.controller.listening.asked:
            return
        if self._kind is Kind.READING:
            playing = self.narrator.state is NarratorState.PLAYING
            self._interrupted = (self._queue, max(0, self.narrator.index), playing)
        self._speak_interface(QUESTION)

    def _answered(self) -> None:
        interrupted, self._interrupted = self._interrupted, None
        if interrupted is None:
            return
        queue, index, playing = interrupted
        if playing:
            self._play(queue, Kind.READING, index)  # from the start of the part it was on

    def _item_changed(self, index: int) -> None:
        if self._kind is not Kind.READING or index >= len(self._queue.marks):
            return
        labels = list(self._queue.marks[index])
        self.captions.mark(labels)
        built = self.window.built
        statement = built.statement if built is not None else None
        if statement is not None and labels and statement.isAncestorOf(labels[0]):
            # The part read stays in sight for whoever follows it on screen.
            statement.scroll_area.ensureWidgetVisible(labels[0], 0, 0)
            statement.moving.forget()

    def _state_changed(self, state: NarratorState) -> None:
        if state is NarratorState.IDLE:
            self.captions.clear()
            self._kind = Kind.NONE
        self._report()

    def _report(self) -> None:
        reading = self.reading_state()
        self.button.show_state(reading)
        sounding = self.narrator.state is NarratorState.PLAYING
        self.controller.listening.report(reading, sounding=sounding)
