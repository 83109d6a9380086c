"""The kiosk command: exit codes 0, 1 and 2, and messages, never tracebacks."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtGui import QImage

from conftest import REPO
from kiosk import __version__
from kiosk.cli import main
from kiosk.packs.manifest import Manifest
from kiosk.paths import default_content_dir


def run_kiosk(*args: str, **environment: str) -> subprocess.CompletedProcess[str]:
    """``kiosk ARGS`` in a child process, offscreen, with extra environment variables."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **environment)
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"kiosk {__version__}"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--out", "x", "--size", "huge"]) == 2
    assert "'huge' is not a size like 1920x1080" in capsys.readouterr().err
    assert main(["dance"]) == 2
    assert main(["run", "--screen", "two"]) == 2


def test_content_errors_exit_1_with_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    for source in (REPO / "content").glob("*.yaml"):
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "figures.yaml").write_text(
        "schema_version: 1\nfigures:\n  - id: [\n", encoding="utf-8"
    )
    result = run_kiosk("run", "--content", str(folder), "--windowed")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("figures.yaml:4:1: error: YAML syntax:")
    assert f"1 error in {folder}; nothing was shown." in result.stderr
    assert result.stderr.count("error: YAML syntax") == 1  # said by the child alone


def test_run_reads_its_options_like_every_command(tmp_path: Path) -> None:
    """`kiosk run`'s options are read by the child process that reads the content: its
    help and its usage errors are what they always were, each said once."""
    helped = run_kiosk("run", "--help")
    assert helped.returncode == 0, helped.stderr
    assert helped.stdout.count("usage: kiosk run") == 1
    assert "--windowed" in helped.stdout
    wrong = run_kiosk("run", "--size", "huge")
    assert wrong.returncode == 2
    assert wrong.stderr.count("'huge' is not a size like 1920x1080") == 1
    assert "Traceback" not in wrong.stderr


def test_a_missing_content_folder_exits_1(tmp_path: Path) -> None:
    result = run_kiosk("render", "--content", str(tmp_path / "nowhere"), "--out", str(tmp_path))
    assert result.returncode == 1
    assert "content folder not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_kiosk_starts_and_paints_its_first_frame() -> None:
    result = run_kiosk("--windowed", "--size", "1280x800", "--exit-after-first-frame")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "first-frame"


def test_installed_content_that_no_longer_loads_falls_back_to_the_bundled_exhibit(
    tmp_path: Path,
) -> None:
    # A version installed intact (its manifest matches its files) that this kiosk's rules
    # no longer accept: the store's integrity check passes, loading fails.
    staged = tmp_path / "staged"
    shutil.copytree(default_content_dir(), staged)
    (staged / "timeline.yaml").write_text("moments: [unclosed\n", encoding="utf-8")
    files = {
        path.relative_to(staged).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in staged.rglob("*")
        if path.is_file()
    }
    created = datetime(2026, 1, 20, tzinfo=UTC)
    manifest = Manifest(schema_version=1, created=created, files=files).to_bytes()
    version = f"20260120T000000Z-{hashlib.sha256(manifest).hexdigest()[:8]}"
    folder = tmp_path / "content-store" / "versions" / version
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_bytes(manifest)
    content = folder / "content"
    staged.rename(content)
    (tmp_path / "content-store" / "active").write_text(version + "\n", encoding="ascii")
    result = run_kiosk("--windowed", "--exit-after-first-frame", KIOSK_DATA_DIR=str(tmp_path))
    assert (result.returncode, result.stdout.strip()) == (0, "first-frame"), result.stderr
    assert "timeline.yaml:1:10: error: this [ is never closed" in result.stderr  # named
    assert f"1 error in {content}" in result.stderr
    assert "showing the bundled exhibit instead" in result.stderr


def test_render_from_the_command_line(tmp_path: Path) -> None:
    result = run_kiosk("render", "--out", str(tmp_path), "--size", "1280x800")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "attract.png").is_file()
    assert (tmp_path / "idle-warning.png").is_file()
    assert len(list(tmp_path.glob("*.png"))) == 11


def test_contact_sheet_holds_every_screen(tmp_path: Path) -> None:
    sheet = tmp_path / "proof.png"
    result = run_kiosk("render", "--contact-sheet", str(sheet), "--size", "1280x800")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no Qt noise for staff
    image = QImage(str(sheet))
    assert image.width() == 4 * 640  # four columns of eleven screens
    assert image.height() == 3 * (400 + 28)


def test_render_needs_somewhere_to_write() -> None:
    result = run_kiosk("render")
    assert result.returncode == 2
    assert "render needs --out DIR, --contact-sheet FILE.png, or both" in result.stderr


def test_content_layer_never_imports_qt() -> None:
    code = (
        "import sys; import kiosk.cli, kiosk.content.loader, kiosk.paths; "
        "from kiosk.content.loader import load_exhibit; "
        "from kiosk.paths import default_content_dir; "
        "load_exhibit(default_content_dir()); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_turned_display_paints_its_first_frame() -> None:
    result = run_kiosk(
        "--windowed", "--size", "1920x1080", "--exit-after-first-frame", KIOSK_ROTATION="90"
    )
    assert (result.returncode, result.stdout.strip()) == (0, "first-frame"), result.stderr


def test_only_one_kiosk_runs_per_station(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_DATA_DIR=str(tmp_path))
    command = [sys.executable, "-m", "kiosk", "--windowed", "--exit-after-first-frame"]
    running = QLockFile(str(tmp_path / "kiosk.lock"))  # as a kiosk already running holds it
    assert running.tryLock(0)
    second = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert second.returncode == 2
    assert "a kiosk is already running on this station" in second.stderr
    running.unlock()
    alone = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert (alone.returncode, alone.stdout.strip()) == (0, "first-frame")


def test_analytics_commands(tmp_path: Path) -> None:
    env = dict(os.environ, KIOSK_DATA_DIR=str(tmp_path))
    out = tmp_path / "visits.csv"
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "analytics", "export", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").splitlines()[0] == "hour,kind,key,count"
