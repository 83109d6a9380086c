"""Run the installed kiosk session the way kiosk.service does, without a screen or systemd,
and prove by pixels what it shows.

cage runs /usr/lib/memorial-kiosk/kiosk-session as the "kiosk" user with the command line
and environment of the installed kiosk.service (and kiosk-fallback.service for the
notice); this script plays systemd's part on $NOTIFY_SOCKET and takes screenshots of
cage's output with grim (wlr-screencopy).  It passes when:

- the kiosk says READY=1 and then sends watchdog pings on time, and only the kiosk's own
  process sends them (not a D-Bus daemon that inherited the socket);
- the output shows the start screen over all of it: no edge and no more than a sliver of
  the output shows cage's black background, and the screenshot matches the same screen
  rendered offscreen by the installed ``kiosk render`` at the same size (no title bar, the
  title text there);
- the fallback notice does the same, and also paints its first frame and then ends by
  itself (a process that hangs on its way out never hands its exit status to systemd).

The test rig differs from a station in three ways, all on the compositor's side:
wlroots' headless backend (no display, no input devices) with its pixman renderer; cage's
output turned twice by 90 degrees (``cage -r -r``), which keeps cage 0.1.4 from handing a
full-screen client's buffer straight to the headless output (direct scan-out: the headless
backend accepts any buffer, and screenshots then show a stale black frame, which is what
made this session look black); and /tmp/.X11-unix repaired if a deleted user left it.
Needs root (to switch to the kiosk user) and grim.

    python3 packaging/linux/session-smoke.py [--save-start FILE.png]

Output goes to files, never to pipes: a helper that a session starts and that outlives it
(a D-Bus daemon autolaunched for the session, say) would hold a pipe open and leave this
script waiting for an end of file that never comes.  Every process a run starts carries a
marker in its environment, so whatever it leaves behind is found and ended, and reported.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pwd
import shlex
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import NamedTuple

from PySide6.QtGui import QImage

# Beside this script: Python puts the script's folder first on its path.
from session_pixels import coverage_problems, likeness_problems

WATCHDOG_USEC = 2_000_000  # the kiosk should ping every second
PINGS_WANTED = 3
START_TIMEOUT_S = 60.0
SHOT_TIMEOUT_S = 20.0  # screenshots are taken until the output passes, or this long
EXIT_TIMEOUT_S = 15.0
MARKER_VARIABLE = "KIOSK_SESSION_SMOKE_RUN"
FIRST_FRAME = b"first-frame"
UNITS = Path("/lib/systemd/system")
OUTPUT_SIZE = (1280, 720)  # wlroots' headless output
# The rig's part (see the module's notes): never on a station.
RIG_CAGE_OPTIONS = ["-r", "-r"]
RIG_ENVIRONMENT = {
    "WLR_BACKENDS": "headless",
    "WLR_LIBINPUT_NO_DEVICES": "1",
    "WLR_RENDERER": "pixman",
}


class Run(NamedTuple):
    """One cage started as the kiosk user, its output in files under ``folder``."""

    process: subprocess.Popen[bytes]
    folder: Path
    marker: str

    @property
    def output(self) -> Path:
        return self.folder / "output.txt"

    @property
    def display(self) -> Path:
        return self.folder / "runtime" / "wayland-0"


class Unit(NamedTuple):
    """What an installed unit runs: ExecStart= split into words, and its Environment=."""

    command: list[str]
    environment: dict[str, str]


def read_unit(name: str) -> Unit:
    command: list[str] = []
    environment: dict[str, str] = {}
    for raw in (UNITS / name).read_text().splitlines():
        key, _, value = raw.strip().partition("=")
        if key == "ExecStart":
            command = shlex.split(value)
        elif key == "Environment":
            for word in shlex.split(value):
                name_, _, setting = word.partition("=")
                environment[name_] = setting
    return Unit(command, environment)


def with_rig(unit: Unit) -> list[str]:
    """The unit's cage command with the rig's options, right after the program's name."""
    assert Path(unit.command[0]).name == "cage", unit.command
    return [unit.command[0], *RIG_CAGE_OPTIONS, *unit.command[1:]]


def repair_x11_folder() -> str | None:
    """cage starts Xwayland's sockets in /tmp/.X11-unix and refuses to start at all when
    that folder belongs to another user (a CI machine that deleted a user who made it).
    On a station systemd-tmpfiles makes it, owned by root."""
    folder = Path("/tmp/.X11-unix")
    with contextlib.suppress(FileNotFoundError):
        if folder.stat().st_uid != 0:
            os.chown(folder, 0, 0)
            folder.chmod(0o1777)
            return "repaired /tmp/.X11-unix (it belonged to another user)"
    return None


def start_cage(
    folder: Path,
    user: pwd.struct_passwd,
    unit: Unit,
    extra: dict[str, str],
    program: list[str] | None = None,
) -> Run:
    """The unit's cage as ``user``, with a runtime and a data folder of its own."""
    folder.mkdir(mode=0o755)
    runtime, data = folder / "runtime", folder / "data"
    for own in (runtime, data):
        own.mkdir(mode=0o700)
        os.chown(own, user.pw_uid, user.pw_gid)
    marker = uuid.uuid4().hex
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(data),
        "XDG_RUNTIME_DIR": str(runtime),
        "RUNTIME_DIRECTORY": str(runtime),
        **unit.environment,
        **RIG_ENVIRONMENT,
        # Scratch folders: the station's own are not this check's to change.
        "KIOSK_DATA_DIR": str(data),
        "KIOSK_LOG_DIR": str(data / "log"),
        **extra,
        MARKER_VARIABLE: marker,
    }
    command = ["runuser", "-u", user.pw_name, "--", "env", "-i"]
    command += [f"{key}={value}" for key, value in environment.items()]
    cage = with_rig(unit)
    if program is not None:
        cage = [*cage[: cage.index("--") + 1], *program]
    command += cage
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


class Listener:
    """systemd's side of $NOTIFY_SOCKET: each message with the name of the process that
    sent it (the kernel's credentials, not the message's word)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(str(path))
        path.chmod(0o666)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        self.socket.settimeout(0.5)
        self.messages: list[tuple[str, str]] = []  # (message, sender's process name)

    def receive(self) -> None:
        try:
            data, ancillary, _, _ = self.socket.recvmsg(4096, socket.CMSG_SPACE(12))
        except TimeoutError:
            return
        sender = "?"
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                pid = struct.unpack("3i", payload[:12])[0]
                with contextlib.suppress(OSError):
                    sender = Path(f"/proc/{pid}/comm").read_text().strip()
        for line in data.decode(errors="replace").splitlines():
            self.messages.append((line, sender))

    def count(self, message: str) -> int:
        return sum(1 for line, _ in self.messages if line == message)

    def senders(self) -> set[str]:
        return {sender for _, sender in self.messages}

    def close(self) -> None:
        self.socket.close()


def screenshot(run: Run, path: Path) -> QImage | None:
    """cage's output now, through wlr-screencopy, saved to ``path``."""
    finished = subprocess.run(
        ["grim", str(path)],
        env={"PATH": "/usr/bin:/bin", "WAYLAND_DISPLAY": str(run.display)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
        timeout=30,
    )
    if finished.returncode != 0 or not path.exists():
        return None
    image = QImage(str(path))
    return None if image.isNull() else image


class Proof(NamedTuple):
    what: str
    problems: list[str]  # empty: proved
    shot: Path | None


def prove_output(
    run: Run, reference: QImage | None, what: str, listener: Listener | None = None
) -> Proof:
    """Screenshots until one shows ``what`` over the whole output (a client paints its first
    frame a moment after READY=1), or the time is up: the last one's problems."""
    deadline = time.monotonic() + SHOT_TIMEOUT_S
    problems = [f"{what}: no screenshot could be taken"]
    shot_path: Path | None = None
    attempt = 0
    while time.monotonic() < deadline and run.process.poll() is None:
        attempt += 1
        path = run.folder / f"{what.replace(' ', '-')}-{attempt}.png"
        image = screenshot(run, path)
        if image is not None:
            shot_path = path
            problems = coverage_problems(image, what)
            if reference is not None:
                problems += likeness_problems(image, reference, what)
            if not problems:
                break
        if listener is not None:
            listener.receive()  # keeps the pings flowing; waits half a second
        else:
            time.sleep(0.5)
    return Proof(what, problems, shot_path)


def render_references(folder: Path, user: pwd.struct_passwd) -> tuple[QImage, QImage]:
    """The start screen by the installed ``kiosk render``, and the fallback notice by this
    checkout's code (``kiosk fallback`` has no renderer of its own), offscreen, at the
    output's size."""
    folder.mkdir(mode=0o755)
    os.chown(folder, user.pw_uid, user.pw_gid)
    size = f"{OUTPUT_SIZE[0]}x{OUTPUT_SIZE[1]}"
    subprocess.run(
        ["runuser", "-u", user.pw_name, "--", "env", "-i", "PATH=/usr/bin:/bin",
         f"HOME={folder}", "QT_QPA_PLATFORM=offscreen", f"KIOSK_DATA_DIR={folder}",
         "/opt/kiosk/kiosk", "render", "--size", size, "--out", str(folder)],
        stdin=subprocess.DEVNULL, capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    fallback = folder / "fallback.png"
    script = (
        "import sys; from PySide6.QtWidgets import QApplication; "
        "from kiosk.ui.fallback import fallback_image; app = QApplication([]); "
        f"sys.exit(0 if fallback_image({OUTPUT_SIZE!r}).save({str(fallback)!r}) else 1)"
    )
    subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.DEVNULL, capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    return QImage(str(folder / "attract.png")), QImage(str(fallback))


class SessionResult(NamedTuple):
    listener: Listener
    proof: Proof
    run: Run
    leftovers: list[str]


def run_session(work: Path, user: pwd.struct_passwd, reference: QImage) -> SessionResult:
    listener = Listener(work / "notify")
    systemd = {"NOTIFY_SOCKET": str(listener.path), "WATCHDOG_USEC": str(WATCHDOG_USEC)}
    run = start_cage(work / "session", user, read_unit("kiosk.service"), systemd)
    started = time.monotonic()
    proof = Proof("start screen", ["start screen: the kiosk never said READY=1"], None)
    try:
        while time.monotonic() - started < START_TIMEOUT_S and run.process.poll() is None:
            listener.receive()
            if listener.count("READY=1"):
                break
        if listener.count("READY=1") and run.process.poll() is None:
            proof = prove_output(run, reference, "start screen", listener)
        while (
            listener.count("WATCHDOG=1") < PINGS_WANTED
            and time.monotonic() - started < START_TIMEOUT_S
            and run.process.poll() is None
        ):
            listener.receive()
    finally:
        leftovers = end_run(run)
        listener.close()
    return SessionResult(listener, proof, run, leftovers)


def run_fallback_shown(work: Path, user: pwd.struct_passwd, reference: QImage) -> Proof:
    """The fallback notice as kiosk-fallback.service runs it, on screen."""
    listener = Listener(work / "notify-fallback")
    unit = read_unit("kiosk-fallback.service")
    run = start_cage(work / "fallback-shown", user, unit, {"NOTIFY_SOCKET": str(listener.path)})
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while time.monotonic() < deadline and run.process.poll() is None:
            listener.receive()
            if listener.count("READY=1"):
                return prove_output(run, reference, "fallback notice")
        return Proof("fallback notice", ["fallback notice: it never said READY=1"], None)
    finally:
        end_run(run)
        listener.close()


def run_fallback(work: Path, user: pwd.struct_passwd) -> tuple[bool, bool, Run, list[str]]:
    """Whether the fallback painted its first frame, and whether it (and cage with it) then
    ended by itself: a kiosk that cannot exit never hands its status to systemd."""
    program = ["/opt/kiosk/kiosk", "fallback", "--exit-after-first-frame"]
    unit = read_unit("kiosk-fallback.service")
    run = start_cage(work / "fallback", user, unit, {}, program)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--save-start", type=Path, help="keep the start screen's screenshot")
    parser.add_argument("--save-dir", type=Path, help="keep every screenshot here")
    args = parser.parse_args(argv)
    if not shutil.which("cage") or not Path("/usr/lib/memorial-kiosk/kiosk-session").exists():
        print("session-smoke: install the memorial-kiosk package first", file=sys.stderr)
        return 2
    if not shutil.which("grim"):
        print("session-smoke: needs grim, for screenshots (apt-get install grim)", file=sys.stderr)
        return 2
    repaired = repair_x11_folder()
    if repaired:
        print(f"session-smoke: {repaired}")
    user = pwd.getpwnam("kiosk")
    with tempfile.TemporaryDirectory(prefix="kiosk-session-") as scratch:
        work = Path(scratch)
        work.chmod(0o755)
        began = time.monotonic()
        start_reference, fallback_reference = render_references(work / "reference", user)
        session = run_session(work, user, start_reference)
        ready = session.listener.count("READY=1") > 0
        pings = session.listener.count("WATCHDOG=1")
        senders = session.listener.senders()
        only_kiosk = senders == {"kiosk"}
        notice = run_fallback_shown(work, user, fallback_reference)
        first_frame, ended, fallback, fallback_leftovers = run_fallback(work, user)
        proofs = [session.proof, notice]
        shown = all(not proof.problems for proof in proofs)
        ok = ready and pings >= PINGS_WANTED and only_kiosk and shown and first_frame and ended
        print(
            f"session-smoke: {'ok' if ok else 'FAILED'} - READY={'yes' if ready else 'no'}, "
            f"{pings} watchdog pings, sent by {', '.join(sorted(senders)) or 'nobody'}; "
            f"start screen over the whole output {'yes' if not proofs[0].problems else 'NO'}, "
            f"fallback notice {'yes' if not proofs[1].problems else 'NO'}; "
            f"fallback first frame {'yes' if first_frame else 'no'}, "
            f"then ended by itself {'yes' if ended else 'no'} ({time.monotonic() - began:.1f} s)"
        )
        for proof in proofs:
            for problem in proof.problems:
                print(f"session-smoke: {problem}", file=sys.stderr)
            if args.save_dir and proof.shot is not None:
                args.save_dir.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(proof.shot, args.save_dir / f"{proof.what.replace(' ', '-')}.png")
        if args.save_start and session.proof.shot is not None:
            shutil.copyfile(session.proof.shot, args.save_start)
        for name, leftovers in (("session", session.leftovers), ("fallback", fallback_leftovers)):
            if leftovers:  # not a failure, but worth knowing: ended here, by force
                print(f"session-smoke: outlived the {name}'s cage: {'; '.join(leftovers)}")
        if not (ready and pings >= PINGS_WANTED and only_kiosk and not proofs[0].problems):
            explain("session", session.run)
        if not (first_frame and ended):
            explain("fallback", fallback)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
