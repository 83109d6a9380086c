"""The exhibit stays on screen when its disks refuse writes: a read-only data or log folder,
a full data disk (with the lock a crashed kiosk left there), an unusable KIOSK_* path.
What cannot be written is turned off with one clear warning each; nothing is a traceback."""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from disks import full_folder, read_only_folder
from kiosk import cli
from kiosk.logs import configure_logging
from kiosk.ops.health import count_start
from kiosk.ui.health_writer import HealthWriter

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def run_until_ready(tmp_path: Path, **environment: str) -> tuple[list[bytes], int | None, str]:
    """``kiosk run`` as systemd starts it, until it says READY=1 or ends by itself.
    Returns the messages it sent, its exit code if it ended by itself, and its stderr."""
    address = str(tmp_path / "notify.sock")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NOTIFY_SOCKET=address, **environment)
    messages: list[bytes] = []
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(address)
        sock.settimeout(0.5)
        kiosk = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--windowed"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120  # a hang guard only
        try:
            while b"READY=1" not in messages and kiosk.poll() is None:
                assert time.monotonic() < deadline, "the kiosk neither got ready nor ended"
                with contextlib.suppress(TimeoutError):
                    messages.append(sock.recv(256))
            exited = kiosk.poll()
        finally:
            kiosk.kill()
            _, errors = kiosk.communicate(timeout=60)
    return messages, exited, errors


def mentions(errors: str, words: str) -> int:
    return sum(words in line for line in errors.splitlines())


def test_the_exhibit_runs_on_a_read_only_data_and_log_folder(tmp_path: Path) -> None:
    with read_only_folder(tmp_path) as folder:
        messages, exited, errors = run_until_ready(
            tmp_path, KIOSK_DATA_DIR=str(folder / "data"), KIOSK_LOG_DIR=str(folder / "logs")
        )
    assert exited is None and b"READY=1" in messages, errors
    assert "Traceback" not in errors
    assert "already running" not in errors
    # One warning each for what is off, on stderr (the journal): the log file is off too.
    assert mentions(errors, "station lock") == 1, errors
    assert mentions(errors, "cannot write logs") == 1, errors
    assert mentions(errors, "analytics: off") == 1, errors
    assert mentions(errors, "health report") == 1, errors


def test_the_exhibit_runs_on_a_full_data_disk_past_a_stale_lock(tmp_path: Path) -> None:
    with full_folder(tmp_path, stale_lock=True) as folder:
        messages, exited, errors = run_until_ready(
            tmp_path, KIOSK_DATA_DIR=str(folder), KIOSK_LOG_DIR=str(tmp_path / "logs")
        )
    assert exited is None and b"READY=1" in messages, errors
    assert "already running" not in errors
    assert "Traceback" not in errors
    assert "No space left on device" in errors  # the real problem, by name


def test_an_unusable_data_folder_override_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    messages, exited, errors = run_until_ready(
        tmp_path, KIOSK_DATA_DIR="/dev/null/x", KIOSK_LOG_DIR="/dev/null/y"
    )
    assert exited is None and b"READY=1" in messages, errors
    assert "Traceback" not in errors
    assert "/dev/null/x" in errors and "Not a directory" in errors


@pytest.mark.parametrize(
    "command",
    [
        ["pack", "list"],
        ["analytics", "summary"],
        ["analytics", "export", "--out", "/dev/null/z/out.csv"],
        ["validate"],
        ["run", "--windowed", "--exit-after-first-frame"],
    ],
)
def test_every_command_takes_unusable_path_overrides_without_a_traceback(
    command: list[str],
) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KIOSK_DATA_DIR="/dev/null/x",
        KIOSK_LOG_DIR="/dev/null/y",
        KIOSK_CONTENT_STORE="/dev/null/s",
        KIOSK_CONFIG="/dev/null/c/station.yaml",
    )
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr


def test_an_escaping_os_error_names_the_override(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", "/dev/null/x")

    def broken(_args: object) -> int:
        raise NotADirectoryError(20, "Not a directory", "/dev/null/x/content-store")

    monkeypatch.setitem(cli.COMMANDS, "pack", cli.COMMANDS["pack"]._replace(run=broken))
    assert cli.main(["pack", "list"]) == 2
    message = capsys.readouterr().err
    assert "KIOSK_DATA_DIR=/dev/null/x" in message and "Not a directory" in message


def test_logs_on_a_full_disk_warn_once_and_never_spill_tracebacks(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    with full_folder(tmp_path) as folder:
        monkeypatch.setenv("KIOSK_LOG_DIR", str(folder))
        files = configure_logging(to_files=True)
        log = logging.getLogger("kiosk.flood")
        for number in range(200):
            log.warning("message %d %s", number, "x" * 200)
        if files is not None:
            files.crash.close()
    errors = capfd.readouterr().err
    assert "Logging error" not in errors and "Traceback" not in errors
    assert mentions(errors, "No space left on device") == 1, errors


def test_the_health_report_warns_once_when_it_cannot_be_written(
    tmp_path: Path, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    with read_only_folder(tmp_path) as folder:
        assert count_start(folder) == 1  # counted in memory, never a crash
        writer = HealthWriter(folder / "health.json", lambda: {"uptime_s": 1})
        with caplog.at_level(logging.WARNING):
            for _ in range(3):
                writer.write_now()
    warnings = [r for r in caplog.records if "health report" in r.getMessage()]
    assert len(warnings) == 1
