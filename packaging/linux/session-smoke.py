"""Run the installed kiosk session the way kiosk.service does, without a screen or systemd.

cage (with wlroots' headless backend) runs /usr/lib/memorial-kiosk/kiosk-session as the
"kiosk" user; this script plays systemd's part on $NOTIFY_SOCKET.  It passes when the
kiosk says READY=1 and then sends watchdog pings on time, and the fallback notice paints
its first frame under cage too.  Needs root (to switch to the kiosk user).

    python3 packaging/linux/session-smoke.py
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WATCHDOG_USEC = 2_000_000  # the kiosk should ping every second
PINGS_WANTED = 3
START_TIMEOUT_S = 60.0


def session_environment(runtime: Path, data: Path, notify: Path) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(data),
        "XDG_RUNTIME_DIR": str(runtime),
        "RUNTIME_DIRECTORY": str(runtime),
        # wlroots without a display or input devices, drawing in software.
        "WLR_BACKENDS": "headless",
        "WLR_LIBINPUT_NO_DEVICES": "1",
        "WLR_RENDERER": "pixman",
        "QT_QPA_PLATFORM": "wayland",
        "MALLOC_ARENA_MAX": "2",
        "KIOSK_DATA_DIR": str(data),
        "KIOSK_LOG_DIR": str(data / "log"),
        "KIOSK_CONFIG": str(data / "station.yaml"),
        "NOTIFY_SOCKET": str(notify),
        "WATCHDOG_USEC": str(WATCHDOG_USEC),
    }


def run_session(work: Path, user: pwd.struct_passwd) -> list[str]:
    runtime, data = work / "runtime", work / "data"
    for folder in (runtime, data):
        folder.mkdir(mode=0o700)
        os.chown(folder, user.pw_uid, user.pw_gid)
    notify = work / "notify"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(str(notify))
    notify.chmod(0o666)
    listener.settimeout(1.0)
    command = ["runuser", "-u", user.pw_name, "--", "env", "-i"]
    environment = session_environment(runtime, data, notify)
    command += [f"{key}={value}" for key, value in environment.items()]
    command += ["cage", "-s", "--", "/usr/lib/memorial-kiosk/kiosk-session"]
    session = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    messages: list[str] = []
    started = time.monotonic()
    try:
        while messages.count("WATCHDOG=1") < PINGS_WANTED:
            if time.monotonic() - started > START_TIMEOUT_S or session.poll() is not None:
                break
            try:
                messages.append(listener.recv(4096).decode())
            except TimeoutError:
                continue
    finally:
        session.terminate()
        try:
            _out, errors = session.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            session.kill()
            _out, errors = session.communicate()
        listener.close()
    if messages.count("WATCHDOG=1") < PINGS_WANTED:
        sys.stderr.write(errors.decode(errors="replace")[-4000:])
    return messages


def run_fallback(work: Path, user: pwd.struct_passwd) -> subprocess.CompletedProcess[bytes]:
    runtime = work / "runtime"
    environment = session_environment(runtime, work / "data", work / "unused")
    del environment["NOTIFY_SOCKET"], environment["WATCHDOG_USEC"]
    command = ["runuser", "-u", user.pw_name, "--", "env", "-i"]
    command += [f"{key}={value}" for key, value in environment.items()]
    command += ["cage", "-s", "--", "/opt/kiosk/kiosk", "fallback", "--exit-after-first-frame"]
    return subprocess.run(command, capture_output=True, timeout=START_TIMEOUT_S, check=False)


def main() -> int:
    if not shutil.which("cage") or not Path("/usr/lib/memorial-kiosk/kiosk-session").exists():
        print("session-smoke: install the memorial-kiosk package first", file=sys.stderr)
        return 2
    user = pwd.getpwnam("kiosk")
    with tempfile.TemporaryDirectory(prefix="kiosk-session-") as scratch:
        work = Path(scratch)
        work.chmod(0o755)
        began = time.monotonic()
        messages = run_session(work, user)
        ready = "READY=1" in messages
        pings = messages.count("WATCHDOG=1")
        fallback = run_fallback(work, user)
        first_frame = b"first-frame" in fallback.stdout
    ok = ready and pings >= PINGS_WANTED and first_frame
    print(
        f"session-smoke: {'ok' if ok else 'FAILED'} - READY={'yes' if ready else 'no'}, "
        f"{pings} watchdog pings, fallback first frame {'yes' if first_frame else 'no'} "
        f"({time.monotonic() - began:.1f} s)"
    )
    if not first_frame:
        sys.stderr.write(fallback.stderr.decode(errors="replace")[-4000:])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
