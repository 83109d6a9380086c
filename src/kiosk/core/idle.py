"""Two-stage inactivity: a "Still there?" countdown, then the end of the visit."""

from __future__ import annotations

import math

from PySide6.QtCore import QDeadlineTimer, QObject, Qt, QTimer, Signal

EARLY_MS = 50


class IdleWatcher(QObject):
    """Counts time without input; any ``poke()`` starts it over.

    After ``timeout_s`` it emits ``warning_started`` and counts down ``warning_s``
    (WCAG 2.2.1 asks at least 20 s to extend), emitting ``countdown`` each second.
    A poke during the countdown emits ``warning_cancelled``; reaching zero emits
    ``expired``.  Stopped (on the start screen) it does nothing.
    """

    warning_started = Signal(int)
    countdown = Signal(int)
    warning_cancelled = Signal()
    expired = Signal()

    def __init__(self, timeout_s: float, warning_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._warning_ms = max(1, round(warning_s * 1000))
        self._idle_timer = QTimer(self, singleShot=True, interval=max(1, round(timeout_s * 1000)))
        self._idle_timer.timeout.connect(self._start_warning)
        self._expiry_timer = QTimer(self, singleShot=True, interval=self._warning_ms)
        self._expiry_timer.timeout.connect(self._expire)
        self._tick_timer = QTimer(self, interval=min(1000, self._warning_ms))
        self._tick_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick_timer.timeout.connect(self._tick)
        self._deadline = QDeadlineTimer()
        self._running = False
        self._factor = 1  # the countdown's length times this (twice while audio plays)

    def set_durations(self, timeout_s: float, warning_s: float) -> None:
        """New timing, from new content; applies from the next input on."""
        self._warning_ms = max(1, round(warning_s * 1000))
        self._idle_timer.setInterval(max(1, round(timeout_s * 1000)))
        self._expiry_timer.setInterval(self._warning_ms)
        self._tick_timer.setInterval(min(1000, self._warning_ms))

    def set_warning_factor(self, factor: int) -> None:
        """The next countdown lasts ``factor`` times as long (WCAG 2.2.1: a visitor who
        listens presses nothing, and gets longer to answer)."""
        self._factor = max(1, factor)

    @property
    def warning_active(self) -> bool:
        return self._expiry_timer.isActive()

    @property
    def running(self) -> bool:
        return self._running

    def seconds_left(self) -> int:
        # The one-second tick may fire a few milliseconds early; counting those as gone keeps
        # the count 20, 19, ... 1 without showing a number twice.
        return max(0, math.ceil((self._deadline.remainingTime() - EARLY_MS) / 1000))

    def start(self) -> None:
        self._running = True
        self.poke()

    def stop(self) -> None:
        self._running = False
        was_warning = self.warning_active
        for timer in (self._idle_timer, self._expiry_timer, self._tick_timer):
            timer.stop()
        if was_warning:
            self.warning_cancelled.emit()

    def poke(self) -> None:
        """Input happened: the visitor is here."""
        if not self._running:
            return
        if self.warning_active:
            self._expiry_timer.stop()
            self._tick_timer.stop()
            self.warning_cancelled.emit()
        self._idle_timer.start()

    def _start_warning(self) -> None:
        warning_ms = self._warning_ms * self._factor
        self._deadline = QDeadlineTimer(warning_ms)
        self._expiry_timer.start(warning_ms)
        self._tick_timer.start()
        self.warning_started.emit(self.seconds_left())

    def _tick(self) -> None:
        self.countdown.emit(self.seconds_left())

    def _expire(self) -> None:
        self._tick_timer.stop()
        self._running = False
        self.expired.emit()
