"""Following a content channel from the running kiosk: one ``kiosk.channel.sync`` round at a
time on a worker thread, the next one when the round says (its jittered poll interval,
its back-off after a failure, or a waiting pack's ``not_before``).

The round installs through the content store, exactly as ``kiosk pack install`` from a
stick does; ``IntactStoreFollower`` (``core/pack_follow.py``) sees the new active version
and the controller shows it at the next return to the start screen.  Nothing here touches
the exhibit, so a server that is down or slow cannot disturb it: the round reports, and
the next one waits longer.

The worker thread touches no Qt object: it fills a ``Future`` that a timer on this
object's thread looks at, so a round still running when the kiosk quits cannot deliver
anything to an object already gone (and an install cut off by the exit is one of the
installer's crash cases: the old content or the new, never a mix).
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.channel.settings import ChannelSettings
from kiosk.channel.sync import Outcome, backoff_seconds, sync_once

log = logging.getLogger(__name__)

FIRST_ROUND_MAX_S = 60.0  # a fleet switched on together does not ask all at once
LONGEST_WAIT_S = 86_400.0
DONE_POLL_MS = 250  # how often a running round is looked at (only while one runs)


class ChannelFollower(QObject):
    """``checked(Outcome)`` after every round; ``last`` is the latest outcome."""

    checked = Signal(object)

    def __init__(
        self,
        settings: ChannelSettings,
        parent: QObject | None = None,
        *,
        run_round: Callable[[], Outcome] | None = None,
        rng: Callable[[], float] = random.random,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.rng = rng
        self._run_round = run_round or (lambda: sync_once(settings))
        self.last: Outcome | None = None
        self._failures = 0  # rounds that raised (a bug, not the channel): backs off too
        self._running: Future[Outcome] | None = None
        self._next = QTimer(self, singleShot=True)
        self._next.timeout.connect(self.check_now)
        self._watch = QTimer(self, interval=DONE_POLL_MS)
        self._watch.timeout.connect(self._collect)

    def start(self) -> None:
        """The first round soon (jittered), then each as the last one asks."""
        first = min(FIRST_ROUND_MAX_S, self.settings.poll_seconds) * self.rng()
        self._schedule(first)

    def stop(self) -> None:
        self._next.stop()

    def next_check_ms(self) -> int:
        """Milliseconds until the next round; -1 when none is planned (one is running)."""
        return self._next.remainingTime() if self._next.isActive() else -1

    def check_now(self) -> None:
        """Start a round unless one is running."""
        if self._running is not None:
            return
        self._next.stop()
        future: Future[Outcome] = Future()
        self._running = future
        threading.Thread(
            target=self._work, args=(future,), name="kiosk-channel", daemon=True
        ).start()
        self._watch.start()

    def _work(self, future: Future[Outcome]) -> None:
        try:
            outcome = self._run_round()
        except Exception as error:  # a bug must not end the following
            log.exception("channel round failed")
            outcome = Outcome("failed", f"the channel round failed: {error}", -1.0)
        future.set_result(outcome)

    def _collect(self) -> None:
        future = self._running
        if future is None or not future.done():
            return
        self._watch.stop()
        self._running = None
        outcome = future.result()
        wait = outcome.next_check_seconds
        if wait < 0:  # the round raised: back off as after any failure
            self._failures += 1
            wait = backoff_seconds(self._failures, self.settings.poll_seconds, self.rng)
        else:
            self._failures = 0
        self.last = outcome
        self._schedule(wait)
        self.checked.emit(outcome)

    def _schedule(self, seconds: float) -> None:
        self._next.start(int(min(max(seconds, 1.0), LONGEST_WAIT_S) * 1000))


def follow_channel(settings: ChannelSettings, parent: QObject) -> ChannelFollower | None:
    """Start following the station's channel, if it has one; owned by ``parent``."""
    if settings.location is None:
        return None
    follower = ChannelFollower(settings, parent)
    follower.start()
    log.info("following the content channel %s", settings.location)
    return follower
