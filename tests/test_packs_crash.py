"""Content packs: a kill -9 at any moment of an install leaves the old content or the new
one active, complete, never a mix; and the next install cleans up and succeeds.

Each case starts from a store with five versions installed (so the install also prunes),
runs ``python -m kiosk.packs.cli pack install`` in a child process and kills it: at every
checkpoint in turn (``KIOSK_PACK_CRASH_AT``), and from the parent after random delays.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.packs.build import build_pack
from kiosk.packs.install import CHECKPOINTS, CRASH_ENV, install_pack
from kiosk.packs.rollback import rollback
from kiosk.packs.store import ContentStore, active_content_dir
from test_packs_support import content_copy, tree_hashes

OLD_VERSIONS = 5
REUSE_ONLY = ("reuse-verified", "reuse-recorded")
# The checkpoints reinstalling a version already in the store passes (nothing to prune).
REUSE_PATH = (
    "locked",
    "cleaned",
    "checked",
    *REUSE_ONLY,
    "pointer-written",
    "pointer-replaced",
    "switched",
    "pruned",
)
FRESH_PATH = tuple(name for name in CHECKPOINTS if name not in REUSE_ONLY)
# Killed before this step, the old pointer stands; killed at it or after, the new one.
SWITCH = "pointer-replaced"
# A child process killed at every checkpoint: `scripts/test.sh -m "not slow"` skips them.
pytestmark = pytest.mark.slow

RANDOM_KILLS = 8
SEED = int(os.environ.get("KIOSK_PACK_CRASH_SEED", str(time.time_ns() % 1_000_000)))
# Imports first, then a marker: the parent's random timer then covers the install itself
# rather than the interpreter starting.
RUNNER = (
    "import sys\n"
    "import kiosk.content.validate, kiosk.packs.install\n"
    "from kiosk.packs.cli import main\n"
    "print('ready', flush=True)\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@dataclass(frozen=True)
class World:
    fresh: Path  # a data folder: five versions installed, the last one active ("old")
    reuse: Path  # the same, plus the new pack installed and then rolled back from
    new_pack: Path
    old: dict[str, str]  # the old content's files and their hashes
    new: dict[str, str]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("crash")
    fresh, reuse = root / "fresh", root / "reuse"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KIOSK_DATA_DIR", str(fresh))
        for number in range(OLD_VERSIONS):
            folder = content_copy(root / f"old{number}", variant=f"old{number}")
            build_pack(folder, root / f"old{number}.zip")
            old = install_pack(root / f"old{number}.zip", []).version
        new_folder = content_copy(
            root / "new", variant="new", extra={"new/only-in-new.txt": "new\n"}
        )
        build_pack(new_folder, root / "new.zip")
        shutil.copytree(fresh, reuse)
        patch.setenv("KIOSK_DATA_DIR", str(reuse))
        install_pack(root / "new.zip", [])
        rollback(ContentStore.default(), old)
    yield World(
        fresh=fresh,
        reuse=reuse,
        new_pack=root / "new.zip",
        old=tree_hashes(root / f"old{OLD_VERSIONS - 1}"),
        new=tree_hashes(new_folder),
    )


def child_env(data: Path, crash_at: str | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != CRASH_ENV}
    env["KIOSK_DATA_DIR"] = str(data)
    if crash_at is not None:
        env[CRASH_ENV] = crash_at
    return env


def showing(world: World, context: str) -> str:
    """'old' or 'new': what the kiosk would show now; fails on anything else."""
    folder = active_content_dir()
    assert folder is not None, f"{context}: no installed content is active"
    hashes = tree_hashes(folder)
    assert hashes in (world.old, world.new), f"{context}: the active content is a mix"
    store = ContentStore.default()
    for version in store.versions():  # no half-made version is ever visible either
        store.check_intact(version.id)
    return "old" if hashes == world.old else "new"


def install_again_succeeds(world: World) -> None:
    """The next install after a crash removes the leftovers and completes."""
    install_pack(world.new_pack, [])
    assert showing(world, "after the next install") == "new"
    store = ContentStore.default()
    assert list(store.staging_dir.iterdir()) == []
    assert list(store.trash_dir.iterdir()) == []
    assert len(store.versions()) <= OLD_VERSIONS


CASES = [("fresh", str(CHECKPOINTS.index(name) + 1), name) for name in FRESH_PATH]
CASES += [("reuse", name, name) for name in REUSE_PATH]  # named, not numbered, here


@pytest.mark.parametrize(
    ("scenario", "crash_at", "checkpoint"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES]
)
def test_kill_at_every_checkpoint(
    world: World, data_dir: Path, scenario: str, crash_at: str, checkpoint: str
) -> None:
    shutil.copytree(world.fresh if scenario == "fresh" else world.reuse, data_dir)
    assert showing(world, "before") == "old"
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.packs.cli", "pack", "install", str(world.new_pack)],
        env=child_env(data_dir, crash_at),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # Killed there, so the checkpoint was really reached.
    assert result.returncode == -signal.SIGKILL, result.stderr
    path = FRESH_PATH if scenario == "fresh" else REUSE_PATH
    expected = "old" if path.index(checkpoint) < path.index(SWITCH) else "new"
    assert showing(world, f"killed at {checkpoint}") == expected
    install_again_succeeds(world)


def test_every_checkpoint_is_covered() -> None:
    assert set(FRESH_PATH) | set(REUSE_PATH) == set(CHECKPOINTS)


def run_child(data: Path, pack: Path, kill_after: float | None) -> tuple[int, float]:
    """Install in a child; kill it ``kill_after`` seconds after it is ready to start.
    Returns its exit code and how long the install ran."""
    child = subprocess.Popen(
        [sys.executable, "-c", RUNNER, "pack", "install", str(pack)],
        env=child_env(data),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    timer = threading.Timer(kill_after, child.kill) if kill_after is not None else None
    if timer is not None:
        timer.start()
    try:
        _, err = child.communicate(timeout=120)
    finally:
        if timer is not None:
            timer.cancel()
    assert child.returncode in (0, -signal.SIGKILL), err
    return child.returncode, time.perf_counter() - started


@pytest.fixture(scope="module")
def install_seconds(world: World, tmp_path_factory: pytest.TempPathFactory) -> float:
    """How long an install takes here, measured by one that runs to the end."""
    data = tmp_path_factory.mktemp("timing") / "station"
    shutil.copytree(world.fresh, data)
    code, seconds = run_child(data, world.new_pack, kill_after=None)
    assert code == 0
    return seconds


@pytest.mark.parametrize("run", range(RANDOM_KILLS))
def test_kill_at_a_random_moment(
    world: World, data_dir: Path, install_seconds: float, run: int
) -> None:
    delay = random.Random(SEED * 100 + run).uniform(0, install_seconds * 1.2)
    context = f"kill {delay * 1000:.0f} ms into a {install_seconds * 1000:.0f} ms install "
    context += f"(KIOSK_PACK_CRASH_SEED={SEED})"
    shutil.copytree(world.fresh, data_dir)
    run_child(data_dir, world.new_pack, kill_after=delay)
    showing(world, context)
    install_again_succeeds(world)
