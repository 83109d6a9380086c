"""The metrics endpoint under a flood: flat memory, idle connections closed, a cap on open
connections, and answers even while the GUI thread is busy."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kiosk.ui import metrics_server
from kiosk.ui.metrics_server import IDLE_TIMEOUT_S, MAX_CONNECTIONS, MetricsServer

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

HEALTH = {"uptime_s": 1, "starts": 1, "memory_mib": 1.0, "kiosk_version": "t"}
REQUESTS = 20_000
WARM_UP = 2_000
ALLOWED_GROWTH_MIB = 4.0

# A kiosk's metrics server alone, in its own process, so its memory can be read apart from
# the test's.
SERVER = """
import sys
from PySide6.QtCore import QCoreApplication
from kiosk.ui.metrics_server import MetricsServer
app = QCoreApplication([])
server = MetricsServer(lambda: {"uptime_s": 1, "starts": 1, "memory_mib": 1.0})
assert server.listen(0)
print(server.port, flush=True)
sys.exit(app.exec())
"""


def resident_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def get(port: int, path: bytes = b"/metrics", timeout: float = 30) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as client:
        client.sendall(b"GET " + path + b" HTTP/1.1\r\nHost: kiosk\r\n\r\n")
        answer = bytearray()
        while chunk := client.recv(65536):
            answer += chunk
    return bytes(answer)


@pytest.fixture
def flood_server() -> Iterator[tuple[subprocess.Popen[str], int]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        yield server, int(server.stdout.readline())
    finally:
        server.kill()
        server.wait()
        assert server.stdout is not None
        server.stdout.close()


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_memory_stays_flat_over_20000_requests(
    flood_server: tuple[subprocess.Popen[str], int],
) -> None:
    server, port = flood_server
    deadline = time.monotonic() + 600  # a hang guard, not a speed test
    for _ in range(WARM_UP):
        assert get(port).startswith(b"HTTP/1.1 200 OK")
    before = resident_kib(server.pid)
    for _ in range(REQUESTS - WARM_UP):
        assert get(port).startswith(b"HTTP/1.1 200 OK")
        assert time.monotonic() < deadline
    after = resident_kib(server.pid)
    growth = (after - before) / 1024
    print(f"metrics flood: {before} KiB after {WARM_UP}, {after} KiB after {REQUESTS}")
    assert growth < ALLOWED_GROWTH_MIB, f"+{growth:.1f} MiB over {REQUESTS - WARM_UP} requests"


def test_an_idle_connection_is_closed(qtbot: QtBot) -> None:
    server = MetricsServer(lambda: HEALTH)
    assert server.listen(0)
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=60) as idle:
            # Says nothing: the server ends it after IDLE_TIMEOUT_S; recv sees the end (a
            # socket timeout here would fail the test).
            received = bytearray()
            while chunk := idle.recv(1024):
                received += chunk
    finally:
        server.close()
    assert received == b""
    assert IDLE_TIMEOUT_S <= 10


def test_connections_beyond_the_cap_are_refused(qtbot: QtBot) -> None:
    server = MetricsServer(lambda: HEALTH)
    assert server.listen(0)
    idle = []
    try:
        for _ in range(MAX_CONNECTIONS):
            idle.append(socket.create_connection(("127.0.0.1", server.port), timeout=60))
        # Every slot is taken by a silent client: one more is turned away at once.
        with socket.create_connection(("127.0.0.1", server.port), timeout=60) as extra:
            refused = bytearray()
            while chunk := extra.recv(1024):
                refused += chunk
        assert refused.startswith(b"HTTP/1.1 503 Service Unavailable"), refused
        for connection in idle:
            connection.close()
        idle.clear()
        # Slots come back as soon as the silent clients leave.
        deadline = time.monotonic() + 60
        while not (answer := get(server.port)).startswith(b"HTTP/1.1 200 OK"):
            assert time.monotonic() < deadline, answer
    finally:
        for connection in idle:
            connection.close()
        server.close()


def test_answers_while_the_gui_thread_is_busy(qtbot: QtBot) -> None:
    server = MetricsServer(lambda: HEALTH)
    assert server.listen(0)
    try:
        # The test holds the GUI thread (no event loop runs during get()): the answer comes
        # from the server's own thread and the snapshot the GUI thread handed it.
        answer = get(server.port, timeout=20)
    finally:
        server.close()
    assert answer.startswith(b"HTTP/1.1 200 OK")
    assert b"kiosk_starts_total 1" in answer


def test_a_stale_snapshot_says_the_interface_is_not_answering(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The GUI thread is held by this test (get() runs no event loop), so it renews nothing;
    # with no age allowed, the snapshot it handed over is already too old when asked for.
    monkeypatch.setattr(metrics_server, "STALE_AFTER_S", 0.0)
    server = MetricsServer(lambda: HEALTH)
    assert server.listen(0)
    try:
        answer = get(server.port, timeout=20)
    finally:
        server.close()
    assert b"\nkiosk_up 0\n" in answer
