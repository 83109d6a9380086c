"""Proof of life for systemd's watchdog, sent from the GUI thread.

The pings come from a timer on the GUI thread on purpose: if the interface freezes, the
pings stop and systemd restarts the kiosk.  A helper thread would keep pinging a frozen
exhibit.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from kiosk.ops.notify import Notifier

DEFAULT_INTERVAL_S = 10.0


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
        if self.notifier.watchdog_s is not None:
            self.notifier.watchdog()
            self._timer.start()

    @property
    def pinging(self) -> bool:
        return self._timer.isActive()
