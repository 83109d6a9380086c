"""Writes the health report every 30 seconds, from the GUI thread (so a frozen interface
shows up as a stale report), and the same figures as metrics for the node exporter's
textfile collector when the station names a textfile (``kiosk.ui.fleet_metrics``)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QTimer, qVersion

from kiosk.ops.health import ALTERED, write_json
from kiosk.ops.textfile import write_textfile
from kiosk.ui.fleet_metrics import KioskMetrics, textfile_setting

INTERVAL_MS = 30_000
_CHECKER: Any = None  # made on first use: importing the integrity check costs start-up time
log = logging.getLogger(__name__)


def qt_versions() -> dict[str, str]:
    return {"qt": qVersion(), "pyside6": pyside_version}


def altered_versions(root: Path) -> list[str]:
    """Installed versions refused because their files changed since install, as the health
    report's problems (the integrity check caches by stat: a report costs a stat a file)."""
    from kiosk.packs.integrity import IntegrityChecker, resolve_intact  # noqa: PLC0415

    global _CHECKER  # noqa: PLW0603 - one cache of verified files for the kiosk's run
    if not (root / "active").exists():
        return []
    if _CHECKER is None:
        _CHECKER = IntegrityChecker()
    return [ALTERED % refused for refused in resolve_intact(root, _CHECKER).refused]


class HealthWriter(QObject):
    def __init__(
        self,
        path: Path,
        make_report: Callable[[], dict[str, Any]],
        parent: QObject | None = None,
        textfile: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.make_report = make_report
        self._failing = False
        self.textfile = textfile or textfile_setting()
        self.metrics = KioskMetrics(parent) if self.textfile else None
        self._textfile_failing = False
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.write_now)

    def start(self) -> None:
        self.write_now()
        self._timer.start()

    def write_now(self) -> None:
        # A full or read-only disk must not stop the exhibit: one warning naming the problem,
        # then quiet retries (a disk that gets space again gets its report again).
        report = self.make_report()
        self._write_textfile(report)
        try:
            write_json(self.path, report)
        except OSError as error:
            if not self._failing:
                log.warning(
                    "health report: cannot write %s: %s; trying again every %d s",
                    self.path,
                    error.strerror or error,
                    INTERVAL_MS // 1000,
                )
            self._failing = True
        else:
            if self._failing:
                log.info("health report: written again to %s", self.path)
            self._failing = False

    def _write_textfile(self, report: dict[str, Any]) -> None:
        if self.textfile is None or self.metrics is None:
            return
        try:
            write_textfile(self.textfile, self.metrics.text(report))
        except OSError as error:
            if not self._textfile_failing:  # one warning, then quiet retries
                log.warning(
                    "metrics textfile: cannot write %s: %s", self.textfile, error.strerror or error
                )
            self._textfile_failing = True
        else:
            self._textfile_failing = False
