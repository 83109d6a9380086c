"""Staff actions that change the content store run as ``kiosk pack ...`` in a child process:
the same code, checks and crash safety as on the command line, and the exhibit's process
never touches a half-written folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

from kiosk.paths import kiosk_command


class PackAction(QObject):
    """One ``kiosk pack`` command; emits ``finished(ok, output)``."""

    finished = Signal(bool, str)

    def __init__(self, arguments: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.arguments = arguments
        self._process = QProcess(self)
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        self._process.finished.connect(self._done)
        self._process.errorOccurred.connect(self._error)

    @classmethod
    def install(cls, pack: Path, parent: QObject | None = None) -> PackAction:
        return cls(["install", str(pack)], parent)

    @classmethod
    def rollback(cls, parent: QObject | None = None) -> PackAction:
        return cls(["rollback"], parent)

    def start(self) -> None:
        program, *arguments = kiosk_command("pack", *self.arguments)
        self._process.start(program, arguments)

    def _done(self, code: int, status: QProcess.ExitStatus) -> None:
        output = bytes(self._process.readAll().data()).decode("utf-8", "replace").strip()
        ok = status == QProcess.ExitStatus.NormalExit and code == 0
        self.finished.emit(ok, output)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.finished.emit(False, "the pack command could not be started")
