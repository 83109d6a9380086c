"""systemd's watchdog hears from the GUI thread: when the interface freezes, the pings stop."""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from kiosk.ops.notify import Notifier

# The child is a kiosk-like process: ready, pinging, then its GUI thread freezes for a second.
CHILD = """
import time
from PySide6.QtCore import QCoreApplication, QTimer
from kiosk.ops.notify import Notifier
from kiosk.ui.heartbeat import Heartbeat
app = QCoreApplication([])
beat = Heartbeat(Notifier())
beat.first_frame_shown()
QTimer.singleShot(400, lambda: time.sleep(1.2))  # the freeze: a blocked GUI thread
QTimer.singleShot(2200, app.quit)
app.exec()
"""


def receive_all(sock: socket.socket, child: subprocess.Popen[bytes]) -> list[tuple[float, str]]:
    messages = []
    sock.settimeout(0.1)
    while child.poll() is None:
        try:
            data = sock.recv(256)
        except TimeoutError:
            continue
        messages.append((time.monotonic(), data.decode()))
    return messages


def test_pings_stop_while_the_gui_thread_is_frozen(tmp_path: Path) -> None:
    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(address)
        env = dict(
            os.environ, NOTIFY_SOCKET=address, WATCHDOG_USEC="100000", QT_QPA_PLATFORM="offscreen"
        )
        child = subprocess.Popen([sys.executable, "-c", CHILD], env=env)
        messages = receive_all(sock, child)
    assert child.returncode == 0
    kinds = [text for _, text in messages]
    assert kinds[0] == "READY=1"
    pings = [at for at, text in messages if text == "WATCHDOG=1"]
    assert len(pings) >= 6  # every 50 ms before and after the freeze
    gaps = [later - earlier for earlier, later in itertools.pairwise(pings)]
    assert max(gaps) >= 1.0  # silent while frozen: systemd would restart the kiosk
    assert sorted(gaps)[len(gaps) // 2] < 0.2  # otherwise steady


def test_without_systemd_nothing_is_sent() -> None:
    notifier = Notifier(environ={})
    assert not notifier.enabled
    assert not notifier.ready()
    assert notifier.watchdog_s is None


def test_abstract_socket_addresses_and_watchdog_period() -> None:
    notifier = Notifier(
        environ={"NOTIFY_SOCKET": "@/org/freedesktop/systemd1/notify", "WATCHDOG_USEC": "30000000"}
    )
    assert notifier.address.startswith("\0/org")
    assert notifier.watchdog_s == 30.0
