"""Validates a content folder in a separate process, so that nothing in the content (a
crashing image decoder, a runaway file) can take the running exhibit down."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from kiosk.content.issues import Issue, Location
from kiosk.paths import kiosk_command

TIMEOUT_MS = 60_000


class ValidationJob(QObject):
    """One run of ``kiosk validate --format json``; emits ``finished(ok, issues)``."""

    finished = Signal(bool, list)

    def __init__(
        self, folder: Path, parent: QObject | None = None, *, command: list[str] | None = None
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        # The validator's command line; replaceable so tests can stand in a crashing one.
        self.command = command or kiosk_command("validate", str(folder), "--format", "json")
        self._process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("QT_QPA_PLATFORM", "offscreen")
        self._process.setProcessEnvironment(environment)
        self._process.finished.connect(self._done)
        self._process.errorOccurred.connect(self._failed_to_start)
        self._timeout = QTimer(self, singleShot=True, interval=TIMEOUT_MS)
        self._timeout.timeout.connect(self._process.kill)
        self._reported = False

    def start(self) -> None:
        self._process.start(self.command[0], self.command[1:])
        self._timeout.start()

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._report(False, [self._problem("the validator could not be started")])

    def _done(self, code: int, status: QProcess.ExitStatus) -> None:
        self._timeout.stop()
        output = bytes(self._process.readAllStandardOutput().data()).decode("utf-8", "replace")
        if status != QProcess.ExitStatus.NormalExit or code not in (0, 1):
            self._report(False, [self._problem("the validator stopped without a verdict")])
            return
        try:
            report = json.loads(output)
            issues = [
                Issue(
                    item["severity"],
                    Location(item["path"], int(item["line"]), int(item["column"])),
                    item["message"],
                )
                for item in report["findings"]
            ]
        except (ValueError, KeyError, TypeError):
            self._report(False, [self._problem("the validator's report could not be read")])
            return
        self._report(code == 0 and bool(report.get("ok")), issues)

    def _problem(self, message: str) -> Issue:
        return Issue("error", Location(os.fspath(self.folder)), message)

    def _report(self, ok: bool, issues: list[Issue]) -> None:
        if not self._reported:
            self._reported = True
            self.finished.emit(ok, issues)
