"""Run the installed kiosk session the way kiosk.service does, without a screen or systemd.

cage (with wlroots' headless backend) runs /usr/lib/memorial-kiosk/kiosk-session as the
"kiosk" user; this script plays systemd's part on $NOTIFY_SOCKET.  It passes when the
kiosk says READY=1 and then sends watchdog pings on time, and the fallback notice paints
its first frame under cage too and then ends by itself (a process that hangs on its way
out never hands its exit status to systemd).  Needs root (to switch to the kiosk user).

    python3 packaging/linux/session-smoke.py

Output goes to files, never to pipes: a helper that a session starts and that outlives it
(a D-Bus daemon autolaunched for the session, say) would hold a pipe open and leave this
script waiting for an end of file that never comes.  Every process a run starts carries a
marker in its environment, so whatever it leaves behind is found and ended, and reported.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import NamedTuple

WATCHDOG_USEC = 2_000_000  # the kiosk should ping every second
PINGS_WANTED = 3
START_TIMEOUT_S = 60.0
EXIT_TIMEOUT_S = 15.0
MARKER_VARIABLE = "KIOSK_SESSION_SMOKE_RUN"
FIRST_FRAME = b"first-frame"


class Run(NamedTuple):
    """One cage started as the kiosk user, its output in files under ``folder``."""

    process: subprocess.Popen[bytes]
    folder: Path
    marker: str

    @property
    def output(self) -> Path:
        return self.folder / "output.txt"


def session_environment(runtime: Path, data: Path) -> dict[str, str]:
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
    }


def start_cage(
    folder: Path, user: pwd.struct_passwd, program: list[str], extra: dict[str, str]
) -> Run:
    """cage running ``program`` as ``user``, with a runtime and a data folder of its own."""
    folder.mkdir(mode=0o755)
    runtime, data = folder / "runtime", folder / "data"
    for own in (runtime, data):
        own.mkdir(mode=0o700)
        os.chown(own, user.pw_uid, user.pw_gid)
    marker = uuid.uuid4().hex
    environment = session_environment(runtime, data) | extra | {MARKER_VARIABLE: marker}
    command = ["runuser", "-u", user.pw_name, "--", "env", "-i"]
    command += [f"{key}={value}" for key, value in environment.items()]
    command += ["cage", "-s", "--", *program]
    with (folder / "output.txt").open("wb") as output:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT
        )
    return Run(process, folder, marker)


def marked_processes(marker: str) -> dict[int, str]:
    """Every live process whose environment carries ``marker``, with its command line."""
    found: dict[int, str] = {}
    needle = f"{MARKER_VARIABLE}={marker}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").strip()
        except OSError:  # ended meanwhile, or a kernel thread
            continue
        found[int(entry.name)] = command.decode(errors="replace")
    return found


def signal_all(pids: dict[int, str], number: signal.Signals) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, number)


def end_run(run: Run) -> list[str]:
    """Stop the run and everything it started; what outlived cage, for the report."""
    if run.process.poll() is None:
        run.process.terminate()
    try:
        run.process.wait(timeout=EXIT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        run.process.kill()
        run.process.wait()
    leftovers = marked_processes(run.marker)
    signal_all(leftovers, signal.SIGTERM)
    deadline = time.monotonic() + 5.0
    while marked_processes(run.marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    signal_all(marked_processes(run.marker), signal.SIGKILL)
    return sorted(set(leftovers.values()))


def run_session(work: Path, user: pwd.struct_passwd) -> tuple[list[str], Run, list[str]]:
    notify = work / "notify"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(str(notify))
    notify.chmod(0o666)
    listener.settimeout(1.0)
    systemd = {"NOTIFY_SOCKET": str(notify), "WATCHDOG_USEC": str(WATCHDOG_USEC)}
    run = start_cage(work / "session", user, ["/usr/lib/memorial-kiosk/kiosk-session"], systemd)
    messages: list[str] = []
    started = time.monotonic()
    try:
        while messages.count("WATCHDOG=1") < PINGS_WANTED:
            if time.monotonic() - started > START_TIMEOUT_S or run.process.poll() is not None:
                break
            try:
                messages.append(listener.recv(4096).decode())
            except TimeoutError:
                continue
    finally:
        leftovers = end_run(run)
        listener.close()
    return messages, run, leftovers


def run_fallback(work: Path, user: pwd.struct_passwd) -> tuple[bool, bool, Run, list[str]]:
    """Whether the fallback painted its first frame, and whether it (and cage with it) then
    ended by itself: a kiosk that cannot exit never hands its status to systemd."""
    program = ["/opt/kiosk/kiosk", "fallback", "--exit-after-first-frame"]
    run = start_cage(work / "fallback", user, program, {})
    deadline = time.monotonic() + START_TIMEOUT_S
    painted = False
    while time.monotonic() < deadline:
        painted = FIRST_FRAME in run.output.read_bytes()
        if painted or run.process.poll() is not None:
            break
        time.sleep(0.1)
    if painted:
        with contextlib.suppress(subprocess.TimeoutExpired):
            run.process.wait(timeout=EXIT_TIMEOUT_S)
    ended = run.process.poll() is not None
    painted = painted or FIRST_FRAME in run.output.read_bytes()
    return painted, ended, run, end_run(run)


def explain(title: str, run: Run) -> None:
    """What cage, the kiosk and the kiosk's own log said, for a failed check."""
    sys.stderr.write(f"--- {title}: cage and its client said (exit {run.process.returncode}):\n")
    sys.stderr.write(run.output.read_bytes().decode(errors="replace")[-4000:])
    for log in sorted((run.folder / "data" / "log").glob("*.log")):
        sys.stderr.write(f"--- {log.name}:\n{log.read_text(errors='replace')[-3000:]}\n")


def main() -> int:
    if not shutil.which("cage") or not Path("/usr/lib/memorial-kiosk/kiosk-session").exists():
        print("session-smoke: install the memorial-kiosk package first", file=sys.stderr)
        return 2
    user = pwd.getpwnam("kiosk")
    with tempfile.TemporaryDirectory(prefix="kiosk-session-") as scratch:
        work = Path(scratch)
        work.chmod(0o755)
        began = time.monotonic()
        messages, session, session_leftovers = run_session(work, user)
        ready = "READY=1" in messages
        pings = messages.count("WATCHDOG=1")
        first_frame, ended, fallback, fallback_leftovers = run_fallback(work, user)
        ok = ready and pings >= PINGS_WANTED and first_frame and ended
        print(
            f"session-smoke: {'ok' if ok else 'FAILED'} - READY={'yes' if ready else 'no'}, "
            f"{pings} watchdog pings, fallback first frame {'yes' if first_frame else 'no'}, "
            f"then ended by itself {'yes' if ended else 'no'} ({time.monotonic() - began:.1f} s)"
        )
        for name, leftovers in (("session", session_leftovers), ("fallback", fallback_leftovers)):
            if leftovers:  # not a failure, but worth knowing: ended here, by force
                print(f"session-smoke: outlived the {name}'s cage: {'; '.join(leftovers)}")
        if not (ready and pings >= PINGS_WANTED):
            explain("session", session)
        if not (first_frame and ended):
            explain("fallback", fallback)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
