"""Whether a sound server may answer, asked before Qt Multimedia is (kiosk.audio.server), and
Qt's own "no server" message logged as information by the kiosk (kiosk.ui.qt_messages)."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType

from kiosk.audio.server import candidate_sockets, sound_server_answers
from kiosk.ui import qt_messages


@pytest.fixture
def listening_socket(tmp_path: Path) -> object:
    path = tmp_path / "native"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    yield path
    server.close()


def test_a_configured_socket_that_accepts_is_a_server(
    monkeypatch: pytest.MonkeyPatch, listening_socket: Path, tmp_path: Path
) -> None:
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'gone'} unix:{listening_socket}")
    assert sound_server_answers()
    monkeypatch.setenv("PULSE_SERVER", f"{{0123abcd}}unix:{listening_socket}")
    assert sound_server_answers()


def test_no_socket_that_accepts_is_no_server(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'gone'}")
    assert not sound_server_answers()
    (tmp_path / "stale").touch()  # a file left behind, nothing listening
    monkeypatch.setenv("PULSE_SERVER", str(tmp_path / "stale"))
    assert not sound_server_answers()


def test_without_pulse_server_the_session_sockets_are_asked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    monkeypatch.delenv("PIPEWIRE_RUNTIME_DIR", raising=False)
    monkeypatch.delenv("PIPEWIRE_REMOTE", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert candidate_sockets() == [
        tmp_path / "pulse" / "native",
        Path("/run/pulse/native"),
        tmp_path / "pipewire-0",
    ]


def test_an_address_that_cannot_be_checked_counts_as_a_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PULSE_SERVER", "tcp:192.0.2.1:4713")
    assert candidate_sockets() is None and sound_server_answers()


def test_qts_no_server_message_is_information_with_its_reason(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="qt")
    context = QMessageLogContext()
    qt_messages._handle(
        QtMsgType.QtWarningMsg, context, "PulseAudioService: pa_context_connect() failed"
    )
    qt_messages._handle(QtMsgType.QtWarningMsg, context, "some other warning")
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (
            logging.INFO,
            "PulseAudioService: pa_context_connect() failed (no sound server answers)",
        ),
        (logging.WARNING, "some other warning"),
    ]
