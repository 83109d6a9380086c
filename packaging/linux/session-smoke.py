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
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple

from PySide6.QtGui import QImage

# Beside this script: Python puts the script's folder first on its path.
from session_pixels import coverage_problems, layer_problems, likeness_problems

from kiosk.security import hash_pin

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


def start_as(
    folder: Path, user: pwd.struct_passwd, environment: dict[str, str], command: list[str]
) -> Run:
    """``command`` as ``user`` with only ``environment``, marked, its output in a file."""
    folder.mkdir(mode=0o755, exist_ok=True)
    marker = uuid.uuid4().hex
    words = ["runuser", "-u", user.pw_name, "--", "env", "-i"]
    words += [f"{key}={value}" for key, value in (environment | {MARKER_VARIABLE: marker}).items()]
    with (folder / "output.txt").open("wb") as output:
        process = subprocess.Popen(
            words + command, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT
        )
    return Run(process, folder, marker)


def owned_folder(path: Path, user: pwd.struct_passwd) -> Path:
    path.mkdir(mode=0o700, parents=True)
    os.chown(path, user.pw_uid, user.pw_gid)
    return path


def start_cage(
    folder: Path,
    user: pwd.struct_passwd,
    unit: Unit,
    extra: dict[str, str],
    program: list[str] | None = None,
    *,
    rig: tuple[list[str], dict[str, str]] | None = None,
) -> Run:
    """The unit's cage as ``user``, with a runtime and a data folder of its own."""
    options, rig_environment = rig or (RIG_CAGE_OPTIONS, RIG_ENVIRONMENT)
    folder.mkdir(mode=0o755)
    runtime, data = owned_folder(folder / "runtime", user), owned_folder(folder / "data", user)
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(data),
        "XDG_RUNTIME_DIR": str(runtime),
        "RUNTIME_DIRECTORY": str(runtime),
        **unit.environment,
        **rig_environment,
        # Scratch folders: the station's own are not this check's to change.
        "KIOSK_DATA_DIR": str(data),
        "KIOSK_LOG_DIR": str(data / "log"),
        **extra,
    }
    cage = [unit.command[0], *options, *unit.command[1:]]
    assert Path(cage[0]).name == "cage", unit.command
    if program is not None:
        cage = [*cage[: cage.index("--") + 1], *program]
    return start_as(folder, user, environment, cage)


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


def screenshot(display: Path, path: Path) -> QImage | None:
    """A compositor's output now, through wlr-screencopy, saved to ``path``."""
    finished = subprocess.run(
        ["grim", str(path)],
        env={"PATH": "/usr/bin:/bin", "WAYLAND_DISPLAY": str(display)},
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
    run: Run,
    check: Callable[[QImage], list[str]],
    what: str,
    listener: Listener | None = None,
    display: Path | None = None,
) -> Proof:
    """Screenshots until one shows ``what`` as ``check`` wants it (a client paints its
    first frame a moment after READY=1), or the time is up: the last one's problems."""
    deadline = time.monotonic() + SHOT_TIMEOUT_S
    problems = [f"{what}: no screenshot could be taken"]
    shot_path: Path | None = None
    attempt = 0
    while time.monotonic() < deadline and run.process.poll() is None:
        attempt += 1
        path = run.folder / f"{what.replace(' ', '-')}-{attempt}.png"
        image = screenshot(display or run.display, path)
        if image is not None:
            shot_path = path
            problems = check(image)
            if not problems:
                break
        if listener is not None:
            listener.receive()  # keeps the pings flowing; waits half a second
        else:
            time.sleep(0.5)
    return Proof(what, problems, shot_path)


def screen_check(reference: QImage, what: str) -> Callable[[QImage], list[str]]:
    """Covers the output and looks like ``reference``."""
    return lambda shot: coverage_problems(shot, what) + likeness_problems(shot, reference, what)


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
            proof = prove_output(
                run, screen_check(reference, "start screen"), "start screen", listener
            )
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
                check = screen_check(reference, "fallback notice")
                return prove_output(run, check, "fallback notice")
        return Proof("fallback notice", ["fallback notice: it never said READY=1"], None)
    finally:
        end_run(run)
        listener.close()


SWAY_CONFIG = """\
# The rig's outer compositor, there only to give the session a pointer to tap with.
default_border none
output * resolution {width}x{height} position 0 0 transform 180
for_window [title=".*"] fullscreen enable
"""
STAFF_PIN = "2468"
# The station's defaults (kiosk.station.StaffSettings): four taps in the top-right corner,
# the last one held for two seconds.
STAFF_CORNER = (0.99, 0.015)
STAFF_TAPS = 4
STAFF_HOLD_S = 4.0  # well past the two seconds: a busy machine may be late to see the press
STAFF_TRIES = 2  # as staff would: once more if the first gesture did not take


def wait_for_socket(folder: Path, process: subprocess.Popen[bytes]) -> Path | None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and process.poll() is None:
        found = sorted(path for path in folder.glob("wayland-*") if path.is_socket())
        if found:
            return found[0]
        time.sleep(0.1)
    return None


def run_staff_entry(work: Path, user: pwd.struct_passwd) -> Proof:
    """The session (cage as kiosk.service runs it) nested in a headless sway, which can
    make a pointer (session_pointer.py); staff tap their way to the PIN pad."""
    what = "staff PIN pad"
    folder = work / "staff"
    folder.mkdir(mode=0o755)
    sway_runtime = owned_folder(folder / "sway-runtime", user)
    config = folder / "sway.conf"
    config.write_text(SWAY_CONFIG.format(width=OUTPUT_SIZE[0], height=OUTPUT_SIZE[1]))
    config.chmod(0o644)
    station = folder / "station.yaml"  # a PIN, so the pad shows its keys
    station.write_text(f'staff:\n  pin_hash: "{hash_pin(STAFF_PIN)}"\n')
    os.chown(station, 0, user.pw_gid)
    station.chmod(0o640)
    sway_environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(sway_runtime),
        "XDG_RUNTIME_DIR": str(sway_runtime),
        **RIG_ENVIRONMENT,
    }
    sway = start_as(folder / "sway", user, sway_environment, ["sway", "-c", str(config)])
    listener = Listener(folder / "notify")
    run: Run | None = None
    try:
        display = wait_for_socket(sway_runtime, sway.process)
        if display is None:
            return Proof(what, [f"{what}: sway did not start"], None)
        nested = ([], {"WLR_BACKENDS": "wayland", "WLR_RENDERER": "pixman",
                       "WAYLAND_DISPLAY": str(display)})  # fmt: skip
        systemd = {"NOTIFY_SOCKET": str(listener.path), "KIOSK_CONFIG": str(station)}
        run = start_cage(folder / "session", user, read_unit("kiosk.service"), systemd, rig=nested)
        deadline = time.monotonic() + START_TIMEOUT_S
        while not listener.count("READY=1") and time.monotonic() < deadline:
            if run.process.poll() is not None:
                break
            listener.receive()
        if not listener.count("READY=1"):
            return Proof(what, [f"{what}: the nested session never said READY=1"], None)
        taps = [sys.executable, str(Path(__file__).with_name("session_pointer.py")), str(display)]
        taps += [str(STAFF_CORNER[0]), str(STAFF_CORNER[1]), "--times", str(STAFF_TAPS)]
        taps += ["--hold", str(STAFF_HOLD_S)]
        proof = Proof(what, [f"{what}: not tried"], None)
        for _ in range(STAFF_TRIES):
            tapped = subprocess.run(
                taps, stdin=subprocess.DEVNULL, capture_output=True, check=False, timeout=60
            )
            if tapped.returncode != 0:
                return Proof(what, [f"{what}: no taps: {tapped.stderr.decode().strip()}"], None)
            proof = prove_output(run, partial(layer_problems, what=what), what, display=display)
            if not proof.problems:
                break
        return proof
    finally:
        if run is not None:
            end_run(run)
        end_run(sway)
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


def _verdict(proof: Proof | None) -> str:
    if proof is None:
        return "not tried (no sway for taps)"
    return "yes" if not proof.problems else "NO"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--save-start", type=Path, help="keep the start screen's screenshot")
    parser.add_argument("--save-dir", type=Path, help="keep every screenshot here")
    parser.add_argument(
        "--no-turn",
        action="store_true",
        help="cage's output not turned: shows what direct scan-out does to screenshots",
    )
    args = parser.parse_args(argv)
    if args.no_turn:
        RIG_CAGE_OPTIONS.clear()
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
        staff = run_staff_entry(work, user) if shutil.which("sway") else None
        first_frame, ended, fallback, fallback_leftovers = run_fallback(work, user)
        proofs = [session.proof, notice, *([staff] if staff else [])]
        shown = all(not proof.problems for proof in proofs)
        ok = ready and pings >= PINGS_WANTED and only_kiosk and shown and first_frame and ended
        print(
            f"session-smoke: {'ok' if ok else 'FAILED'} - READY={'yes' if ready else 'no'}, "
            f"{pings} watchdog pings, sent by {', '.join(sorted(senders)) or 'nobody'}; "
            f"start screen over the whole output {'yes' if not proofs[0].problems else 'NO'}, "
            f"fallback notice {'yes' if not proofs[1].problems else 'NO'}, "
            f"staff PIN pad after taps {_verdict(staff)}; "
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
