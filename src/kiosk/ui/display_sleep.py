"""Outside opening hours the display goes dark (and the animation stops, so the computer
rests too); a touch wakes the exhibit until the visit ends.

Hours are wall-clock times, looked at once a minute: an NTP step or a clock set right is
followed within a minute; so is a time-zone change, read anew at every look."""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QTimer

from kiosk.core.kiosk import KioskController
from kiosk.ops.hours import is_open
from kiosk.ui.widgets.modal import ModalLayer
from kiosk.ui.window import KioskWindow

CHECK_MS = 60_000


def local_now() -> datetime.datetime:
    """The local time in the zone the system has now.  A process keeps the zone it started
    with until it reads it again (tzset): without that, ``timedatectl set-timezone`` on a
    running kiosk would shift its opening hours until the next restart."""
    if hasattr(time, "tzset"):  # Unix; Windows reads its zone on every call
        time.tzset()
    return datetime.datetime.now()


class DisplaySleep(QObject):
    def __init__(
        self,
        window: KioskWindow,
        hours: Mapping[str, str],
        clock: Callable[[], datetime.datetime] = local_now,
        *,
        controller: KioskController,
    ) -> None:
        super().__init__(window)
        # The window is what goes dark; the visit (its end, the motion in force) is the
        # controller's, handed in rather than reached through the window.
        self.controller = controller
        self.window = window
        self.hours = hours
        self.clock = clock
        self.dark = ModalLayer(window, dim=255)
        self.dark.setObjectName("DisplaySleep")
        self.dark.hide()
        self.dark.pressed.connect(self.touched)
        self._woken = False
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.check)
        self.controller.session.reset_done.connect(self._visit_over)
        if hours:
            self._timer.start()
            self.check()

    @property
    def asleep(self) -> bool:
        return self.dark.isVisible()

    def check(self) -> None:
        if is_open(self.hours, self.clock()):
            self._woken = False
            self._wake()
        elif not self._woken:
            self._sleep()

    def _sleep(self) -> None:
        if not self.asleep:
            self.dark.cover()
            self.window.attract.set_motion(False)

    def _wake(self) -> None:
        if self.asleep:
            self.dark.hide()
            self.window.attract.set_motion(not self.controller.motion_reduced())

    def touched(self) -> None:
        """A touch on the dark screen (staff after hours): the exhibit, until the visit ends."""
        if self.asleep:
            self._woken = True
            self._wake()

    def _visit_over(self) -> None:
        self._woken = False
        self.check()
