"""Decode content recordings with Qt Multimedia, in a process of their own: ``kiosk
audio-probe [--max-seconds=N] FILE...`` (hidden) prints one JSON line per file: its path, the
decoder's complaint ("" when it decoded) and the seconds of sound decoded.  Run by
kiosk.content.narration, so that a decoder that crashes or runs away takes down only this
process; a file is decoded only until it is past ``--max-seconds`` (its limit is known
then)."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QCoreApplication, QEventLoop, QUrl
from PySide6.QtMultimedia import QAudioDecoder

MEMORY_LIMIT = 2 * 1024**3
MICROSECONDS = 1_000_000


def probe(path: str, max_seconds: float) -> tuple[str, float]:
    """(the decoder's complaint or "", the seconds decoded, at most just past the limit)."""
    decoder = QAudioDecoder()
    decoder.setSource(QUrl.fromLocalFile(path))
    loop = QEventLoop()
    decoded = [0]  # microseconds
    complaint = [""]

    def take_buffer() -> None:
        decoded[0] += decoder.read().duration()
        if decoded[0] > max_seconds * MICROSECONDS:
            decoder.stop()  # long enough to refuse; the rest need not be decoded
            loop.quit()

    def failed(_error: QAudioDecoder.Error) -> None:
        complaint[0] = decoder.errorString() or "the decoder gave up"
        loop.quit()

    decoder.bufferReady.connect(take_buffer)
    decoder.finished.connect(loop.quit)
    decoder.error.connect(failed)
    decoder.start()
    if not complaint[0]:
        loop.exec()
    decoder.stop()
    return complaint[0], decoded[0] / MICROSECONDS


def limit_memory() -> None:
    """A decoder that runs away hits this ceiling instead of the machine's memory."""
    try:
        import resource  # noqa: PLC0415 - Unix only
    except ImportError:  # Windows: the child process still isolates a crash
        return
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def main(arguments: list[str]) -> int:
    max_seconds = float("inf")
    paths = []
    for argument in arguments:
        if argument.startswith("--max-seconds="):
            max_seconds = float(argument.partition("=")[2])
        else:
            paths.append(argument)
    limit_memory()
    app = QCoreApplication(["audio-probe"])
    for path in paths:
        error, seconds = probe(path, max_seconds)
        print(json.dumps({"path": path, "error": error, "seconds": seconds}), flush=True)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
