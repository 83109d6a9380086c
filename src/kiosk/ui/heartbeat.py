"""Proof of life for systemd's watchdog, sent from the GUI thread.

The pings come from a timer on the GUI thread on purpose: if the interface freezes, the
pings stop and systemd restarts the kiosk.  A helper thread would keep pinging a frozen
exhibit.

``KIOSK_DEBUG_FREEZE_SIGNAL`` (fault injection, for tests only) makes a signal freeze the GUI
thread; see ``install_freeze_hook``.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer

from kiosk.ops.notify import Notifier

DEFAULT_INTERVAL_S = 10.0
FREEZE_ENV = "KIOSK_DEBUG_FREEZE_SIGNAL"


class Heartbeat(QObject):
    def __init__(self, notifier: Notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier
        # Twice per watchdog period, as systemd recommends.
        period = notifier.watchdog_s or DEFAULT_INTERVAL_S * 2
        self._timer = QTimer(self, interval=max(10, round(period * 1000 / 2)))
        self._timer.timeout.connect(notifier.watchdog)

    def first_frame_shown(self) -> None:
        """The exhibit is on screen: tell systemd, and start the watchdog pings."""
        self.notifier.ready()
        install_freeze_hook()
        if self.notifier.watchdog_s is not None:
            self.notifier.watchdog()
            self._timer.start()

    @property
    def pinging(self) -> bool:
        return self._timer.isActive()


def install_freeze_hook(environ: Mapping[str, str] | None = None) -> signal.Signals | None:
    """Fault injection for the watchdog tests: off unless ``KIOSK_DEBUG_FREEZE_SIGNAL`` names
    a signal (``SIGUSR1`` or ``USR1``).  Then that signal freezes the GUI thread until the
    same signal comes again; returns the signal, or None when the hook is off.

    Python runs signal handlers on the main thread, which is Qt's GUI thread, at its next
    Python code (at the latest the next watchdog tick), so the handler below blocks the event
    loop: no timers, no painting, no pings.  Qt's other threads keep running, unlike under
    SIGSTOP: a hung interface in a live process, which is what the watchdog is for.  The
    second signal's handler runs inside the first one's wait and ends it.
    """
    environ = os.environ if environ is None else environ
    name = environ.get(FREEZE_ENV, "").strip().upper()
    if not name:
        return None
    chosen = signal.Signals[name if name.startswith("SIG") else f"SIG{name}"]
    frozen = False

    def freeze_or_thaw(_signum: int, _frame: object) -> None:
        nonlocal frozen
        if frozen:
            frozen = False  # called inside the wait below: let it end
            return
        frozen = True
        while frozen:
            time.sleep(0.01)  # the signal may land on another thread: look again soon

    signal.signal(chosen, freeze_or_thaw)
    return chosen
