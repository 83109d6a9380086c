"""Fault injection: ``kill -9`` at 100 random moments of real ``kiosk pack install`` runs.

Two signed packs, A and B, built from the bundled content (B has another title), are
installed in turn on a station that trusts only their key; every install is a real switch
(to whichever is not active) and is killed with SIGKILL at a random moment.  After each
kill the store must show A's files or B's, exactly as their manifests list them, no version
folder may be incomplete, and the kill must agree with how far the install got (killed
before the pointer was replaced: the old content; after: the new).  Every tenth kill, and
after the last, the real ``kiosk validate`` passes on the active folder and the real
``kiosk run`` shows its first frame from the store.  Then an install that is left alone
cleans up and succeeds.

How the moments are chosen.  An install of this small content takes 30-150 ms, while
starting Python and importing takes longer; killing at a random time after ``exec`` would
mostly kill the imports.  So the child imports first and says ``ready`` on stdout; the delay
runs from that word, drawn from the measured length of an uninterrupted install of the same
kind (fresh: unpack, validate, flush, rename, switch; reuse: the version is in the store
already, only its record and the pointer change): three kills in four uniformly over
0-1.2x that length, one in four within 10 % of the moment the pointer was replaced (what
follows that commit point takes under a millisecond: uniform kills would rarely hit it).  The parent
waits for the moment with ``select`` on the child's output (no sleeping), then sends
SIGKILL.  The child's code is ``kiosk.cli.main``, the ``kiosk`` command itself, with one
addition from the test: each of the installer's checkpoints (``kiosk.packs.install
._checkpoint``) is written to stdout unbuffered before it runs, so the parent knows the last
step reached by a killed install.

``KIOSK_FAULT_SEED`` replays a run's random choices; ``KIOSK_FAULT_KILLS`` changes the count.
"""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import statistics
import subprocess
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.content.validate import validate_folder
from kiosk.packs.build import build_pack
from kiosk.packs.errors import PackError
from kiosk.packs.install import CHECKPOINTS, CRASH_ENV, install_pack
from kiosk.packs.keys import generate_keypair, load_private_key, trusted_keys_dir
from kiosk.packs.manifest import parse_manifest
from kiosk.packs.pointer import active_folder, active_version
from kiosk.packs.signing import sign_pack
from kiosk.packs.store import ContentStore
from kiosk.paths import default_content_dir
from test_packs_support import tree_hashes

# A hundred kills and restarts: `scripts/test.sh -m "not slow"` skips them; CI runs them.
pytestmark = pytest.mark.slow

KILLS = int(os.environ.get("KIOSK_FAULT_KILLS", "100"))
SEED = int(os.environ.get("KIOSK_FAULT_SEED", str(time.time_ns() % 1_000_000)))
START_EVERY = 10  # the kiosk is started after every tenth kill, and after the last
SWITCHED = "pointer-replaced"  # the commit point: from here on the new content is active
INSIDE = "during, before the switch"  # the phase of a kill that lands inside an install
TITLE = "20 January - National Mourning Day"
CHILD_TIMEOUT = 60.0

# The `kiosk` command, imports first; each installer checkpoint is reported as it is reached.
RUNNER = """\
import os, sys, time
import kiosk.content.validate, kiosk.packs.cli, kiosk.packs.keys, kiosk.packs.signing
import kiosk.packs.install as install
import kiosk.station
from kiosk.cli import main

checkpoint = install._checkpoint

def reported(name):
    os.write(1, f"checkpoint {name} {time.monotonic()!r}\\n".encode())
    checkpoint(name)

install._checkpoint = reported
os.write(1, f"ready {time.monotonic()!r}\\n".encode())
code = main(sys.argv[1:])
os.write(1, f"end {time.monotonic()!r}\\n".encode())
sys.exit(code)
"""


@dataclass(frozen=True)
class Pack:
    name: str
    path: Path
    version: str
    files: dict[str, str]  # as its manifest lists them


@dataclass(frozen=True)
class Station:
    data: Path
    store: ContentStore
    packs: dict[str, Pack]  # by name, "A" and "B"

    def env(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if key != CRASH_ENV}
        env["KIOSK_DATA_DIR"] = str(self.data)
        env["KIOSK_LOG_DIR"] = str(self.data / "logs")
        env["QT_QPA_PLATFORM"] = "offscreen"
        return env

    def by_version(self, version: str | None) -> Pack | None:
        return next((p for p in self.packs.values() if p.version == version), None)


@dataclass(frozen=True)
class Run:
    """One ``kiosk pack install`` child: how it ended and how far it got."""

    code: int
    reached: dict[str, float]  # checkpoint: seconds after "ready" (the child's own clock)
    seconds: float | None  # from "ready" to the end of main(); None when it was killed
    output: str

    @property
    def last(self) -> str:
        return next(reversed(self.reached), "none")


@dataclass(frozen=True)
class Timing:
    total: float  # seconds from "ready" to the end of an uninterrupted install
    switch: float  # ... to the commit point


def _has_line(buffer: bytearray, word: bytes) -> bool:
    return any(line.startswith(word) for line in bytes(buffer).split(b"\n")[:-1])


def read_until(fd: int, deadline: float, buffer: bytearray, word: bytes | None = None) -> bool:
    """Read the child's output into ``buffer`` until ``deadline`` (time.monotonic), a whole
    line starting with ``word``, or the end of the output (then True)."""
    while word is None or not _has_line(buffer, word):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        readable, _, _ = select.select([fd], [], [], remaining)
        if readable:
            chunk = os.read(fd, 65536)
            if not chunk:
                return True
            buffer += chunk
    return False


def run_install(station: Station, pack: Pack, kill_after: float | None) -> Run:
    """``kiosk pack install PACK`` in a child; SIGKILL ``kill_after`` seconds after it said
    it is ready (None: it is left to finish)."""
    child = subprocess.Popen(
        [sys.executable, "-c", RUNNER, "pack", "install", "--allow-older", str(pack.path)],
        env=station.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert child.stdout is not None
    fd, buffer = child.stdout.fileno(), bytearray()
    try:
        read_until(fd, time.monotonic() + CHILD_TIMEOUT, buffer, b"ready ")
        assert _has_line(buffer, b"ready "), f"the installer never got ready:\n{buffer.decode()}"
        if kill_after is not None:
            read_until(fd, time.monotonic() + kill_after, buffer)
            child.send_signal(signal.SIGKILL)  # does nothing if it has ended and been reaped
        code = child.wait(timeout=CHILD_TIMEOUT)
        assert read_until(fd, time.monotonic() + CHILD_TIMEOUT, buffer), "output never ended"
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    output = buffer.decode(errors="replace")
    moments: dict[str, float] = {}
    for line in output.splitlines():
        word, _, rest = line.partition(" ")
        if word in ("ready", "end"):
            moments[word] = float(rest)
        elif word == "checkpoint":
            name, moment = rest.split()
            assert name in CHECKPOINTS, line
            moments[name] = float(moment)
    ready = moments.pop("ready")
    end = moments.pop("end", None)
    reached = {name: moment - ready for name, moment in moments.items()}
    return Run(code, reached, None if end is None else end - ready, output)


def copy_station(template: Station, data: Path) -> Station:
    shutil.copytree(template.data, data)
    return Station(data, ContentStore(data / "content-store"), template.packs)


def other(station: Station, pack: Pack) -> Pack:
    return station.packs["B" if pack.name == "A" else "A"]


def showing(station: Station, context: str) -> Pack:
    """Which pack the store shows now; fails unless that is A or B, whole and unchanged,
    and every version folder in the store is complete."""
    root = station.store.root
    version = active_version(root)
    assert version is not None, f"{context}: no installed version is active ({root / 'active'})"
    pack = station.by_version(version)
    assert pack is not None, f"{context}: the active version {version} is neither A nor B"
    folder = active_folder(root)
    assert folder is not None
    hashes = tree_hashes(folder)
    assert hashes == pack.files, f"{context}: the active content is not exactly {pack.name}'s"
    for entry in station.store.versions_dir.iterdir():  # nothing half-made, even inactive
        try:
            station.store.check_intact(entry.name)
        except PackError as error:
            pytest.fail(f"{context}: {error}")
    errors = [issue for issue in validate_folder(folder) if issue.severity == "error"]
    assert not errors, f"{context}: {errors}"
    return pack


def validates_and_starts(station: Station, context: str) -> None:
    """The real ``kiosk validate`` on the active folder, and the real kiosk from the store
    (no --content: it follows the active pointer) up to its first frame."""
    folder = active_folder(station.store.root)
    checked = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", str(folder)],
        env=station.env(),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        check=False,
    )
    assert checked.returncode == 0, f"{context}: kiosk validate {folder}:\n{checked.stderr}"
    started = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--exit-after-first-frame", "--windowed"],
        env=station.env(),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        check=False,
    )
    assert started.returncode == 0, f"{context}: kiosk run:\n{started.stderr}"
    assert "first-frame" in started.stdout.splitlines(), f"{context}: {started.stdout}"


def phase_of(run: Run) -> str:
    """Where the kill landed, relative to the commit point."""
    if run.code == 0:
        return "finished before the kill"
    if run.seconds is not None:
        return "after the install, as the process exited"
    if SWITCHED in run.reached:
        return "after the switch"
    if run.reached:
        return INSIDE
    return "before the install began"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Station]:
    """A station that trusts one staff key, with signed packs A and B installed (A
    active)."""
    root = tmp_path_factory.mktemp("fault-kill")
    data = root / "station"
    folder_a = shutil.copytree(default_content_dir(), root / "A")
    folder_b = shutil.copytree(default_content_dir(), root / "B")
    exhibit = folder_b / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    assert TITLE in text
    exhibit.write_text(text.replace(TITLE, "20 January - Day of National Mourning"), "utf-8")
    private, public, _ = generate_keypair(root / "staff")
    packs = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KIOSK_DATA_DIR", str(data))
        trusted_keys_dir().mkdir(parents=True)
        shutil.copy(public, trusted_keys_dir())
        for name, folder in (("B", folder_b), ("A", folder_a)):
            path = root / f"{name}.zip"
            build_pack(folder, path)
            sign_pack(path, load_private_key(private))
            version = install_pack(path, []).version  # signatures are required here
            with zipfile.ZipFile(path) as archive:
                files = parse_manifest(archive.read("manifest.json")).files
            assert files == tree_hashes(folder)
            packs[name] = Pack(name, path, version, files)
    assert packs["A"].files != packs["B"].files
    station = Station(data, ContentStore(data / "content-store"), packs)
    assert showing(station, "set-up") is packs["A"]
    yield station


@pytest.fixture(scope="module")
def timings(template: Station, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Timing]:
    """How long uninterrupted installs of B take here, fresh and reused (medians of 3)."""
    root = tmp_path_factory.mktemp("fault-timing")
    found = {}
    for kind in ("fresh", "reuse"):
        totals, switches = [], []
        for number in range(3):
            station = copy_station(template, root / f"{kind}{number}")
            if kind == "fresh":
                station.store.discard(station.packs["B"].version)
            run = run_install(station, station.packs["B"], kill_after=None)
            assert run.code == 0, run.output
            assert ("staging-created" in run.reached) == (kind == "fresh"), run.reached
            assert run.seconds is not None
            totals.append(run.seconds)
            switches.append(run.reached[SWITCHED])
        found[kind] = Timing(statistics.median(totals), statistics.median(switches))
    return found


def test_kill_9_at_random_moments_of_installs(
    template: Station, timings: dict[str, Timing], tmp_path: Path
) -> None:
    station = copy_station(template, tmp_path / "station")
    rng = random.Random(SEED)
    phases: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    last_steps: Counter[str] = Counter()
    number = 0
    # At least KILLS kills, and at least a quarter of KILLS inside installs: the moments
    # are drawn from an install timed once up front, and on a loaded machine more of them
    # land after the install than planned, so the run goes on (to at most twice KILLS)
    # until enough have landed inside.
    while number < KILLS or (phases[INSIDE] < KILLS // 4 and number < 2 * KILLS):
        number += 1
        context = f"kill {number} (KIOSK_FAULT_SEED={SEED})"
        old = showing(station, context)
        new = other(station, old)
        # Half the installs unpack the pack afresh (its version was pruned, as it were);
        # the others find it in the store and only switch.
        if rng.random() < 0.5 and station.store.has_version(new.version):
            station.store.discard(new.version)
        kind = "reuse" if station.store.has_version(new.version) else "fresh"
        timing = timings[kind]
        if rng.random() < 0.25:  # close around the commit point
            delay = timing.switch * rng.uniform(0.9, 1.1)
        else:
            delay = rng.uniform(0, 1.2 * timing.total)
        run = run_install(station, new, kill_after=delay)
        context += (
            f": {kind} install of {new.name} over {old.name}, SIGKILL {delay * 1000:.2f} ms "
            f"after ready (a whole one takes {timing.total * 1000:.1f} ms), exit {run.code}, "
            f"last step reached: {run.last}"
        )
        assert run.code in (0, -signal.SIGKILL), f"{context}\n{run.output}"
        now = showing(station, context)
        if run.code == 0 or SWITCHED in run.reached:
            assert now is new, f"{context}: switched, yet the old content is active"
        elif "pointer-written" not in run.reached:
            assert now is old, f"{context}: the new content is active before the switch"
        phase = phase_of(run)
        phases[phase] += 1
        kinds[f"{kind} {phase}"] += 1
        last_steps[run.last if run.code else "end"] += 1
        if number % START_EVERY == 0:
            validates_and_starts(station, context)

    validates_and_starts(station, f"after kill {number} (KIOSK_FAULT_SEED={SEED})")
    print(f"\nkill -9 x{number}, KIOSK_FAULT_SEED={SEED}; uninterrupted installs here: ", end="")
    print(
        ", ".join(
            f"{k} {t.total * 1000:.1f} ms (switch at {t.switch * 1000:.1f})"
            for k, t in timings.items()
        )
    )
    for phase, count in phases.most_common():
        print(f"  {count:3d} {phase}")
    print(f"  by kind: {dict(kinds)}")
    print(f"  last step reached: {dict(last_steps)}")
    # The kills must land inside installs, not only around them.
    assert phases[INSIDE] >= KILLS // 4, phases

    # Left alone, the next install cleans up after the killed ones and completes.
    old = showing(station, "after the kills")
    new = other(station, old)
    run = run_install(station, new, kill_after=None)
    assert run.code == 0, run.output
    assert showing(station, "after an install left alone") is new
    assert list(station.store.staging_dir.iterdir()) == []
    assert list(station.store.trash_dir.iterdir()) == []
    validates_and_starts(station, "after an install left alone")
