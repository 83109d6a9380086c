"""Fault injection: a frozen GUI thread in the real kiosk stops systemd's watchdog pings.

The kiosk (``kiosk run``, offscreen) is started as systemd would start it: ``NOTIFY_SOCKET``
names a datagram socket this test owns, ``WATCHDOG_USEC`` a short period.  Once it pings,
SIGUSR1 freezes its GUI thread (``KIOSK_DEBUG_FREEZE_SIGNAL``, see
``kiosk.ui.heartbeat.install_freeze_hook``): the process lives on, its other threads run,
and no ping comes for several watchdog periods, so systemd would kill and restart it.  A
second SIGUSR1 unfreezes it and the pings come back at their usual pace.
"""

from __future__ import annotations

import itertools
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.ui.heartbeat import FREEZE_ENV, install_freeze_hook

WATCHDOG_S = 0.4  # WATCHDOG_USEC; the kiosk pings every half period
FROZEN_S = 2.0  # five watchdog periods
START_TIMEOUT = 60.0
RESUME_TIMEOUT = 30.0


class Listener:
    """The test's end of NOTIFY_SOCKET: every message with the time it arrived."""

    def __init__(self, sock: socket.socket, child: subprocess.Popen[str]) -> None:
        self.sock = sock
        self.child = child
        self.messages: list[tuple[float, str]] = []

    def pings(self, since: float = 0.0) -> list[float]:
        return [at for at, text in self.messages if text == "WATCHDOG=1" and at >= since]

    def listen_until(self, deadline: float, enough: int | None = None, since: float = 0.0) -> None:
        """Collect messages until ``deadline`` (time.monotonic), or until ``enough`` pings
        came after ``since``; the kiosk must stay alive meanwhile."""
        while (remaining := deadline - time.monotonic()) > 0:
            if enough is not None and len(self.pings(since)) >= enough:
                return
            assert self.child.poll() is None, f"the kiosk ended: {self.child.returncode}"
            self.sock.settimeout(min(remaining, 0.05))
            try:
                data = self.sock.recv(4096)
            except TimeoutError:
                continue
            self.messages.append((time.monotonic(), data.decode()))
        assert enough is None, f"fewer than {enough} pings by the deadline: {self.messages}"


@pytest.fixture
def kiosk(tmp_path: Path) -> Iterator[Listener]:
    # A short folder: a Unix socket's path may hold only about 100 bytes.
    with tempfile.TemporaryDirectory(prefix="kiosk-wd-") as short:
        address = str(Path(short) / "notify")
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.bind(address)
            env = dict(
                os.environ,
                NOTIFY_SOCKET=address,
                WATCHDOG_USEC=str(round(WATCHDOG_S * 1_000_000)),
                QT_QPA_PLATFORM="offscreen",
                KIOSK_DATA_DIR=str(tmp_path / "data"),
                KIOSK_LOG_DIR=str(tmp_path / "logs"),
                KIOSK_CONFIG=str(tmp_path / "station.yaml"),
            )
            env[FREEZE_ENV] = "SIGUSR1"
            child = subprocess.Popen(
                [sys.executable, "-m", "kiosk", "run", "--windowed"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            try:
                yield Listener(sock, child)
            finally:
                child.terminate()
                _, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGTERM, err


def pace(pings: list[float]) -> float:
    """The usual gap between pings (the median: a busy test machine may delay one)."""
    return statistics.median(b - a for a, b in itertools.pairwise(pings))


@pytest.mark.slow
def test_a_frozen_gui_thread_stops_the_watchdog_pings(kiosk: Listener) -> None:
    kiosk.listen_until(time.monotonic() + START_TIMEOUT, enough=5)
    assert kiosk.messages[0][1] == "READY=1"
    assert pace(kiosk.pings()) < WATCHDOG_S  # fed in time

    frozen_at = time.monotonic()
    kiosk.child.send_signal(signal.SIGUSR1)
    kiosk.listen_until(frozen_at + FROZEN_S)  # asserts the kiosk is alive all along
    state = Path(f"/proc/{kiosk.child.pid}/stat").read_text().rsplit(") ", 1)[1][0]
    assert state != "T", "the whole process is stopped, not just its GUI thread"
    # The freeze starts at the GUI thread's next Python code, at the latest the next tick.
    late = kiosk.pings(since=frozen_at + WATCHDOG_S)
    assert late == [], f"pings while frozen, {[round(t - frozen_at, 3) for t in late]} s in"

    thawed_at = time.monotonic()
    kiosk.child.send_signal(signal.SIGUSR1)
    # The pings come back (a hang guard, not a speed bound: a busy machine may take a while
    # to schedule the thawed thread), then at their usual pace.
    kiosk.listen_until(thawed_at + RESUME_TIMEOUT, enough=5, since=thawed_at)
    resumed = kiosk.pings(since=thawed_at)
    assert pace(resumed) < WATCHDOG_S
    silent = resumed[0] - max(t for t in kiosk.pings() if t < thawed_at)
    # Silent for four watchdog periods and more: systemd would have restarted the kiosk.
    assert silent > FROZEN_S - WATCHDOG_S, f"silent only {silent:.2f} s"


def test_the_freeze_hook_is_off_unless_asked_for() -> None:
    before = signal.getsignal(signal.SIGUSR1)
    assert install_freeze_hook({}) is None
    assert install_freeze_hook({FREEZE_ENV: ""}) is None
    assert signal.getsignal(signal.SIGUSR1) is before
