"""Only the kiosk's own process speaks to systemd.  With ``NotifyAccess=all`` any process of
the service may send READY=1 (a D-Bus daemon did, 2 s before the kiosk was ready), so the
kiosk takes NOTIFY_SOCKET and the watchdog variables out of the environment its children
inherit: validation jobs, image probes, anything Qt starts."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.ops import notify
from kiosk.ops.notify import NOTIFY_VARIABLES, claim_notifier
from kiosk.paths import default_content_dir, self_restart_wanted

# Runs at the start of every Python process of the test's kiosk (through PYTHONPATH): it
# tells the test its pid and whether it inherited NOTIFY_SOCKET, and when it did, speaks to
# systemd as a careless child would.
SITECUSTOMIZE = """
import os, socket
probe = os.environ.get("KIOSK_TEST_PROBE")
if probe:
    target = os.environ.get("NOTIFY_SOCKET")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        if target:
            sock.sendto(b"READY=1", target)
        sock.sendto(f"{os.getpid()} {int(bool(target))}".encode(), probe)
"""

CREDENTIALS = struct.calcsize("3i")


def receive_with_sender(sock: socket.socket) -> tuple[bytes, int]:
    data, ancillary, _flags, _address = sock.recvmsg(256, socket.CMSG_SPACE(CREDENTIALS))
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
            return data, struct.unpack("3i", payload[:CREDENTIALS])[0]
    raise AssertionError("no sender credentials")


@pytest.mark.skipif(not hasattr(socket, "SO_PASSCRED"), reason="needs Linux credentials")
def test_only_the_kiosk_itself_sends_ready_and_watchdog(tmp_path: Path) -> None:
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    content = tmp_path / "content"
    shutil.copytree(default_content_dir(), content)
    notify_address, probe_address = str(tmp_path / "notify.sock"), str(tmp_path / "probe.sock")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        NOTIFY_SOCKET=notify_address,
        WATCHDOG_USEC="2000000",
        KIOSK_TEST_PROBE=probe_address,
        KIOSK_DATA_DIR=str(tmp_path / "data"),
        KIOSK_LOG_DIR=str(tmp_path / "logs"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(hooks), os.environ.get("PYTHONPATH")])),
    )
    with (
        socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd,
        socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as probes,
    ):
        systemd.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        systemd.bind(notify_address)
        probes.bind(probe_address)
        systemd.settimeout(60)
        probes.settimeout(60)
        kiosk = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--windowed", "--content", str(content)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            heard: list[tuple[bytes, int]] = []
            while b"WATCHDOG=1" not in [message for message, _ in heard]:
                heard.append(receive_with_sender(systemd))
            # The children so far: kiosk run's own, which read the content at start.
            children: list[tuple[int, bool]] = []
            probes.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                while True:
                    pid, inherited = probes.recv(64).decode().split()
                    if int(pid) != kiosk.pid:
                        children.append((int(pid), inherited == "1"))
            probes.settimeout(60)
            started_at_start = len(children)
            # A change to the content makes the kiosk validate it in a child process.
            with (content / "exhibit.yaml").open("a", encoding="utf-8") as exhibit:
                exhibit.write("\n# edited\n")
            deadline = time.monotonic() + 120  # a hang guard only
            while len(children) == started_at_start:
                assert time.monotonic() < deadline, "the kiosk started no child"
                pid, inherited = probes.recv(64).decode().split()
                if int(pid) != kiosk.pid:
                    children.append((int(pid), inherited == "1"))
            # Whatever the child sent systemd was sent before its probe: it is queued now.
            systemd.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                while True:
                    heard.append(receive_with_sender(systemd))
        finally:
            kiosk.kill()
            kiosk.wait()
    assert started_at_start >= 1, "kiosk run's reading child sent no probe"
    assert children and not any(inherited for _, inherited in children), children
    assert {sender for _, sender in heard} == {kiosk.pid}, heard


def test_claiming_removes_the_variables_and_keeps_the_notifier(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(notify, "_claimed", None)
    environ = {
        "NOTIFY_SOCKET": "/run/systemd/notify",
        "WATCHDOG_USEC": "30000000",
        "WATCHDOG_PID": str(os.getpid()),
        "PATH": "/usr/bin",
    }
    notifier = claim_notifier(environ)
    assert notifier.enabled and notifier.watchdog_s == 30
    assert not set(NOTIFY_VARIABLES) & set(environ)
    # A service manager is still known to be there: staff's Restart leaves it to systemd.
    assert not self_restart_wanted(environ)
    assert claim_notifier({}) is notifier  # one claim per process


def test_a_watchdog_meant_for_another_process_is_not_ours(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(notify, "_claimed", None)
    environ = {"NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "1000000", "WATCHDOG_PID": "1"}
    assert claim_notifier(environ).watchdog_s is None
