"""``SpeechEngine``: espeak-ng turns a text into a WAV file that the player then plays.

espeak-ng runs as a child process (``QProcess``), offline, one utterance at a time: the
same text and voice always give the same file, which the tests can measure and the player
plays like a recording.  Files are kept in a folder of their own, the newest
``CACHE_FILES``, so stepping back to a paragraph does not synthesise it again.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import weakref
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

# espeak-ng's voice for each content language; its own names are the language codes.
VOICES = {"az": "az", "en": "en", "ru": "ru"}
CACHE_FILES = 200
PROGRAM = "espeak-ng"


def espeak_program() -> str | None:
    return shutil.which(PROGRAM)


def voice_for(language: str) -> str:
    return VOICES.get(language, language)


class SpeechEngine(QObject):
    """``request(text, language)`` answers a number; ``ready(number, wav)`` or
    ``failed(number, message)`` follows, never both, never for a cancelled request."""

    ready = Signal(int, str)
    failed = Signal(int, str)

    def __init__(self, cache_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if cache_dir is None:
            cache_dir = Path(tempfile.mkdtemp(prefix="kiosk-speech-"))
            # Removed with the engine (or at exit), quietly: it holds only our own files.
            weakref.finalize(self, shutil.rmtree, cache_dir, ignore_errors=True)
        self.cache_dir = cache_dir
        self._process: QProcess | None = None
        self._request = 0
        self._target: Path | None = None

    def request(self, text: str, language: str) -> int:
        self.cancel()
        self._request += 1
        number = self._request
        voice = voice_for(language)
        key = hashlib.sha256(f"{voice}\0{text}".encode()).hexdigest()[:24]
        target = self.cache_dir / f"{key}.wav"
        if target.is_file():
            # Still answered from the event loop: callers see one order whatever the cache.
            QTimer.singleShot(0, self, lambda: self._answer_cached(number, target))
            return number
        program = espeak_program()
        if program is None:
            QTimer.singleShot(0, self, lambda: self._fail(number, f"{PROGRAM} is not installed"))
            return number
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        partial = target.with_suffix(".part")
        process.finished.connect(
            lambda code, status: self._on_finished(number, process, code, status, partial)
        )
        process.errorOccurred.connect(lambda _error: self._on_error(number, process))
        self._process, self._target = process, target
        # The text goes in on stdin: content beginning with "-" is never read as an option.
        process.start(program, ["-b", "1", "-v", voice, "-w", str(partial), "--stdin"])
        process.write(text.encode("utf-8"))
        process.closeWriteChannel()
        return number

    def cancel(self) -> None:
        """Forget the request under way (its process is ended; no signal follows)."""
        self._request += 1
        process, self._process = self._process, None
        if process is not None:
            process.blockSignals(True)
            process.kill()
            process.waitForFinished(1000)
            process.deleteLater()

    def _answer_cached(self, number: int, target: Path) -> None:
        if number == self._request:
            self.ready.emit(number, str(target))

    def _fail(self, number: int, message: str) -> None:
        if number == self._request:
            self.failed.emit(number, message)

    def _on_error(self, number: int, process: QProcess) -> None:
        if process.error() == QProcess.ProcessError.FailedToStart:
            self._done(process)
            self._fail(number, f"{PROGRAM} could not start: {process.errorString()}")

    def _on_finished(
        self,
        number: int,
        process: QProcess,
        code: int,
        status: QProcess.ExitStatus,
        partial: Path,
    ) -> None:
        said = bytes(process.readAll().data()).decode("utf-8", "replace").strip()
        self._done(process)
        target = partial.with_suffix(".wav")
        if status == QProcess.ExitStatus.NormalExit and code == 0 and partial.is_file():
            partial.replace(target)  # whole files only: a killed run leaves no half utterance
            self._trim_cache()
            self._answer_cached(number, target)
        else:
            partial.unlink(missing_ok=True)
            self._fail(number, f"{PROGRAM} failed ({code}): {said or 'no output'}")

    def _done(self, process: QProcess) -> None:
        if self._process is process:
            self._process = None
        process.deleteLater()

    def _trim_cache(self) -> None:
        files = sorted(self.cache_dir.glob("*.wav"), key=lambda path: path.stat().st_mtime)
        for old in files[:-CACHE_FILES]:
            old.unlink(missing_ok=True)
