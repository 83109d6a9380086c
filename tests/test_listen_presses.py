"""The sound keys pressed as fast as keys go, with the REAL narrator (Qt Multimedia and
espeak-ng, not stand-ins): a monkey, or a visitor leaning on the keypad.  One player at
most, no espeak-ng child left once the visit ends, silence, and no Qt warning (pytest-qt
fails the test on one) – with the CI sound server and without any sound server.

Before the fix this failed both ways: without a server Qt Multimedia was asked for an
output and warned "PulseAudioService: pa_context_connect() failed"; with one, each new file
cancelled the one being opened ("Could not open media ... Immediate exit requested"), and
the soak that did the same hung."""

from __future__ import annotations

import contextlib
import logging
import random
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEventLoop, Qt, QTimer, QtMsgType
from PySide6.QtTest import QTest

from kiosk.audio.narrator import NarratorState
from kiosk.audio.server import sound_server_answers
from kiosk.audio.settings import AudioSettings
from kiosk.audio.speech import PROGRAM
from kiosk.core.session import Screen

if TYPE_CHECKING:
    from pytestqt.logging import _QtMessageCapture
    from pytestqt.qtbot import QtBot

    from conftest import Finger, KioskFactory
    from kiosk.content.model import Exhibit

NUM = Qt.KeyboardModifier.KeypadModifier
# Listen / Pause most, then next, previous, louder, softer, Help.
KEYS = (Qt.Key.Key_0,) * 5 + (
    Qt.Key.Key_Asterisk,
    Qt.Key.Key_Slash,
    Qt.Key.Key_Plus,
    Qt.Key.Key_Minus,
    Qt.Key.Key_Period,
)
PRESSES = 1_000


def pump(ms: int) -> None:
    """The event loop for ``ms``, Python's lock released (as the kiosk's own loop runs)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def speech_children() -> list[str]:
    """espeak-ng processes that are children of this one (Linux's /proc)."""
    found = []
    for listing in Path("/proc/self/task").glob("*/children"):
        for pid in listing.read_text().split():
            with contextlib.suppress(OSError):  # gone meanwhile
                if Path(f"/proc/{pid}/comm").read_text().strip() == PROGRAM:
                    found.append(pid)
    return found


def test_a_thousand_sound_keys_leave_one_player_and_no_speech_child(
    make_kiosk: KioskFactory,
    exhibit: Exhibit,
    finger: Finger,
    qtbot: QtBot,
    qtlog: _QtMessageCapture,
) -> None:
    kiosk = make_kiosk(exhibit)
    window, session = kiosk.window, kiosk.session
    window.build_remaining_screens()
    finger.tap(window.attract)
    session.open(Screen.STATEMENT)
    narrator = window.listen.narrator
    states: set[NarratorState] = set()
    narrator.state_changed.connect(states.add)
    rng = random.Random(18)
    for press in range(PRESSES):
        QTest.keyClick(window.focusWidget() or window, rng.choice(KEYS), NUM)
        if press % 4 == 0:
            # Sometimes long enough for espeak-ng to answer and a file to start.
            pump(rng.choice((0, 0, 1, 5, 30, 150)))
    assert NarratorState.PLAYING in states  # the keys did ask for sound
    # Files were played, or found no sound output (said so, as kiosk.ui.listen.desk logs it).
    assert narrator._player is not None

    from PySide6.QtMultimedia import QMediaPlayer  # noqa: PLC0415 - loaded by now, if ever

    players = window.findChildren(QMediaPlayer)
    assert len(players) == (1 if sound_server_answers() else 0)
    session.reset()
    qtbot.waitUntil(lambda: not speech_children(), timeout=10_000)
    assert narrator.state is NarratorState.IDLE
    if players:
        player = players[0]
        qtbot.waitUntil(lambda: player.source().isEmpty(), timeout=10_000)
        assert player.playbackState() is not QMediaPlayer.PlaybackState.PlayingState
    # Checked here as well as by pytest-qt's own rule, which let these through.
    warnings = [
        record.message
        for record in qtlog.records
        if record.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg) and not record.ignored
    ]
    assert warnings == []


def test_no_sound_output_is_logged_once_a_visit_not_at_every_press(
    make_kiosk: KioskFactory,
    exhibit: Exhibit,
    finger: Finger,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    kiosk = make_kiosk(exhibit)
    window, session = kiosk.window, kiosk.session
    window.build_remaining_screens()
    window.listen.use_settings(AudioSettings(output_device="no such headphones"))
    failures: list[str] = []
    window.listen.narrator.failed.connect(failures.append)

    def grew(before: int) -> bool:
        return len(failures) > before

    def visit() -> None:
        finger.tap(window.attract)
        session.open(Screen.STATEMENT)
        for _ in range(20):
            before = len(failures)
            QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_0, NUM)
            qtbot.waitUntil(partial(grew, before), timeout=10_000)  # in vain, and said so

    caplog.set_level(logging.WARNING, logger="kiosk.ui.listen.desk")
    visit()
    session.reset()
    visit()
    said = "listening: no sound output named 'no such headphones'; nothing is played"
    assert len(failures) == 40
    assert [record.getMessage() for record in caplog.records] == [said, said]
