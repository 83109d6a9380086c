"""The ``kiosk`` command's exit: past Qt's teardown once a GUI application exists (Qt's
Wayland client can hang there forever), with the exit status, logs and output intact;
the ordinary exit otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

SCRIPT = """
import atexit, logging, sys
from pathlib import Path
marker = Path(sys.argv[1])
atexit.register(lambda: marker.write_text("teardown ran"))
logging.basicConfig(filename=sys.argv[2], level=logging.INFO)
if sys.argv[3] == "gui":
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
print("printed before leaving", end="")  # no newline: only a flush writes it to a pipe
logging.getLogger("kiosk").info("logged before leaving")
from kiosk.ops.leave import leave
leave(int(sys.argv[4]))
"""


def leave_in_child(
    tmp_path: Path, mode: str, code: int
) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    marker, log = tmp_path / "teardown.txt", tmp_path / "kiosk.log"
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(marker), str(log), mode, str(code)],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        check=False,
    )
    return result, marker, log


@pytest.mark.parametrize("code", [0, 64, 75])
def test_after_a_window_the_process_leaves_past_qt_teardown_with_its_status(
    tmp_path: Path, code: int
) -> None:
    result, marker, log = leave_in_child(tmp_path, "gui", code)
    assert result.returncode == code, result.stderr
    assert not marker.exists()  # interpreter teardown (and Qt's with it) was skipped
    assert result.stdout == "printed before leaving"
    assert "logged before leaving" in log.read_text()


def test_without_a_window_the_ordinary_exit_runs(tmp_path: Path) -> None:
    result, marker, log = leave_in_child(tmp_path, "plain", 3)
    assert result.returncode == 3, result.stderr
    assert marker.read_text() == "teardown ran"
    assert result.stdout == "printed before leaving"
    assert "logged before leaving" in log.read_text()


def test_the_installed_command_and_python_m_kiosk_leave_through_it() -> None:
    # Both entry points the packages use must go through leave(), not main() alone.
    root = Path(__file__).resolve().parents[1]
    scripts = tomllib.loads((root / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["kiosk"] == "kiosk.launch:entry"
    frozen = (root / "packaging" / "pyinstaller" / "kiosk_main.py").read_text()
    assert "entry()" in frozen
    assert "entry()" in (root / "src" / "kiosk" / "__main__.py").read_text()
