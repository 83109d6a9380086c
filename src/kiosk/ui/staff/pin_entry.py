"""The way in: the PIN pad, the PIN gate with its lockout, and a PIN set while the kiosk
runs (``kiosk staff set-pin``), read again when the pad opens."""

from __future__ import annotations

import math
import os
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kiosk.paths import data_dir
from kiosk.security import PIN_RECORD, PinGate, PinRecord
from kiosk.security import log as staff_log
from kiosk.station import default_config_path, load_station_config
from kiosk.station_config import StationConfig
from kiosk.ui.staff.pin_pad import PinPad


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    """Enough of a file's state to see that it was replaced or changed."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class PinEntry(QObject):
    """Asks for the PIN on ``pad``; emits ``granted`` for the right one."""

    granted = Signal()

    def __init__(self, pad: PinPad, config: StationConfig, parent: QObject | None = None):
        super().__init__(parent)
        self.pad = pad
        # Failed PINs and the lockout are kept in the data folder: a restart is no reset.
        self.gate = PinGate(
            config.staff.pin_hash, clock=time.monotonic, record=PinRecord(data_dir() / PIN_RECORD)
        )
        # The station file as it was when its PIN hash was read: `kiosk staff set-pin` on a
        # running kiosk changes the file, and the pad reads the new hash when it opens.
        self._config_path = config.path or default_config_path(os.environ)
        self._config_stamp = _stamp(self._config_path)
        pad.submitted.connect(self._check)

    def ask(self) -> None:
        self._reread_pin()
        if not self.gate.has_pin:
            self.pad.open(
                self.tr("No staff PIN is set. On this machine, run: kiosk staff set-pin"),
                keys=False,
            )
            return
        self.pad.open(self._lock_message())

    def _lock_message(self) -> str:
        seconds = self.gate.seconds_locked()
        if seconds <= 0:
            return ""
        return self.tr("Too many wrong PINs. Try again in %1 s.").replace(
            "%1", str(math.ceil(seconds))
        )

    def _check(self, pin: str) -> None:
        if self.gate.attempt(pin):
            self.pad.hide()
            self.granted.emit()
            return
        self.pad.set_message(self._lock_message() or self.tr("Wrong PIN."))

    def _reread_pin(self) -> None:
        """A PIN set while the kiosk runs counts from the next time the pad opens.  The
        file is read again only when it changed; a file that cannot be read with certainty
        now holds no PIN (security settings fail closed).  Failures and lockout stay."""
        stamp = _stamp(self._config_path)
        if stamp == self._config_stamp:
            return
        self._config_stamp = stamp
        new_hash = load_station_config(self._config_path)[0].staff.pin_hash
        if new_hash != self.gate.stored_hash:
            staff_log.info(
                "staff: the PIN was changed in %s; the new one counts", self._config_path
            )
            self.gate.stored_hash = new_hash
