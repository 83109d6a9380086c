"""Qt's own messages go to the kiosk's log instead of straight to the terminal."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

# Harmless and repeated on every window of the offscreen platform (renders, self-tests).
IGNORED = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
)
# Expected where no sound server answers (a station without audio set up, a build machine):
# kiosk.audio asks kiosk.audio.server first and then does not touch Qt Multimedia, but a
# server that goes away while the kiosk runs still makes Qt say it.  The kiosk says "no
# sound output" itself (kiosk.ui.listen.desk), so this is information, not a warning.
EXPECTED = {
    "PulseAudioService: pa_context_connect() failed": "no sound server answers",
}
LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in IGNORED:
        return
    if message in EXPECTED:
        log.info("%s (%s)", message, EXPECTED[message])
        return
    log.log(LEVELS.get(kind, logging.WARNING), "%s", message)


def route_qt_messages() -> None:
    """Install the handler; for the command line only (tests keep pytest-qt's, which fails
    a test on any Qt warning)."""
    qInstallMessageHandler(_handle)
