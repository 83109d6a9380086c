"""The Debian kiosk session's promises that its files make: no title bar on any window, and
only the kiosk's own process speaking to systemd.

ci-deb.sh proves the whole session by pixels on the installed package; these fail fast on
the files themselves.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import socket
import struct
import subprocess
from pathlib import Path

import pytest

from test_packaging import LINUX, Unit, fake_program

SESSIONS = ["kiosk.service", "kiosk-fallback.service"]


@pytest.mark.parametrize("name", SESSIONS)
def test_no_window_of_the_session_gets_a_title_bar(name: str) -> None:
    """cage configures windows maximized and lets clients decorate themselves by default:
    Qt drew a title bar with a close button over any window not marked frameless.  cage -d
    asks for server-side decorations (cage draws none) and Qt is told to draw none."""
    unit = Unit(name)
    command = shlex.split(unit.one("Service", "ExecStart"))
    assert command[0] == "/usr/bin/cage"
    options = command[1 : command.index("--")]
    assert "-d" in options, f"{name}: cage runs without -d: {options}"
    assert "QT_WAYLAND_DISABLE_WINDOWDECORATION=1" in unit.all("Service", "Environment")


def test_systemd_does_not_hand_the_trust_anchors_to_the_kiosk_user() -> None:
    """StateDirectory= would make systemd chown all of /var/lib/kiosk to the kiosk user at
    every start, the trusted keys the package keeps there root's included."""
    assert Unit("kiosk.service").all("Service", "StateDirectory") == []
    postinst = (LINUX / "debian" / "postinst").read_text()
    assert "install -d -o root -g kiosk -m 0750 /etc/kiosk" in postinst
    assert "install -d -o root -g kiosk -m 1770 /var/lib/kiosk" in postinst
    assert "install -d -o root -g kiosk -m 0750 /var/lib/kiosk/trusted-keys" in postinst


class NotifyListener:
    """systemd's end of $NOTIFY_SOCKET: each message with the pid the kernel says sent it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(str(path))
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        self.socket.setblocking(False)

    def drain(self) -> list[tuple[str, int]]:
        found: list[tuple[str, int]] = []
        while True:
            try:
                data, ancillary, _, _ = self.socket.recvmsg(4096, socket.CMSG_SPACE(12))
            except BlockingIOError:
                return found
            pid = next(
                struct.unpack("3i", payload[:12])[0]
                for level, kind, payload in ancillary
                if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS
            )
            found.extend((line, pid) for line in data.decode().splitlines())


@pytest.mark.skipif(
    shutil.which("dbus-daemon") is None or shutil.which("dbus-run-session") is None,
    reason="needs D-Bus (dbus-daemon, dbus-run-session)",
)
def test_only_the_kiosks_own_process_tells_systemd_it_is_ready(tmp_path: Path) -> None:
    """A dbus-daemon that inherits NOTIFY_SOCKET sends READY=1 itself, before the kiosk's
    first frame.  The stand-in kiosk starts one the way a library auto-launches a session
    bus when none is given, then says READY=1: only its own message may arrive."""
    listener = NotifyListener(tmp_path / "notify")
    daemon_pid = tmp_path / "daemon.pid"
    kiosk = fake_program(
        tmp_path,
        "kiosk",
        f"""[ "$1" = run ] || exit 99
echo $$ > {tmp_path}/kiosk.pid
if [ -z "$DBUS_SESSION_BUS_ADDRESS" ]; then
    dbus-daemon --session --fork --print-pid=1 > {daemon_pid}
fi
echo "$DBUS_SESSION_BUS_ADDRESS" > {tmp_path}/bus
exec python3 -c 'import os, socket; s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); \
s.sendto(b"READY=1", os.environ["NOTIFY_SOCKET"])'""",
    )
    environment = {
        **os.environ,
        "KIOSK_PROGRAM": str(kiosk),
        "RUNTIME_DIRECTORY": str(tmp_path),
        "NOTIFY_SOCKET": str(listener.path),
    }
    environment.pop("DBUS_SESSION_BUS_ADDRESS", None)
    try:
        finished = subprocess.run(
            [LINUX / "kiosk-session"], env=environment, check=False, timeout=60
        )
        messages = listener.drain()
    finally:
        listener.socket.close()
        if daemon_pid.exists() and daemon_pid.read_text().strip():
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(daemon_pid.read_text().split()[0]), 15)
    assert finished.returncode == 0
    kiosk_pid = int((tmp_path / "kiosk.pid").read_text())
    assert messages == [("READY=1", kiosk_pid)], "only the kiosk may say READY"
    assert (tmp_path / "bus").read_text().strip(), "the session bus was not started for it"
