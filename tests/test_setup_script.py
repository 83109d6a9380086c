"""README's two commands set up a fresh machine: scripts/_system_packages.sh (sourced by
scripts/_setup.sh) installs the system packages itself where it may (as root, or where sudo
needs no password), saying what it installs, and otherwise prints the exact command.

Run against fakes on PATH: ``id`` (who we are), ``sudo`` (whether it asks for a password),
``apt-get`` (records what it was asked), ``ldd`` (Qt's libraries, missing until apt-get
installed them) and a ``python`` whose venv module works only once python3-venv is in."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
QT_PACKAGES = (REPO / "packaging" / "debian-qt-runtime.txt").read_text().split()

pytestmark = pytest.mark.skipif(
    shutil.which("bash") is None or os.name != "posix", reason="the set-up scripts are bash"
)

FAKES = {
    "id": 'if [ "$1" = -u ]; then echo "$FAKE_UID"; else exec /usr/bin/id "$@"; fi\n',
    "sudo": (
        'echo "sudo $*" >> "$FAKE_LOG"\n'
        '[ "$1" = -n ] || exit 1\n'
        "shift\n"
        '[ "$FAKE_SUDO" = ok ] || { echo "sudo: a password is required" >&2; exit 1; }\n'
        'exec "$@"\n'
    ),
    "apt-get": (
        'echo "apt-get $* (DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-})" >> "$FAKE_LOG"\n'
        'if [ "$1" = install ]; then for p in "$@"; do touch "$FAKE_STATE/$p"; done; fi\n'
    ),
    "ldd": (
        '[ -e "$FAKE_STATE/libxcb-cursor0" ] && exit 0\n'
        'printf "\\tlibxcb-cursor.so.0 => not found\\n\\tlibxkbcommon-x11.so.0 => not found\\n"\n'
    ),
    "fakepython": (
        '[ "$1 $2 $3" = "-m venv --clear" ] || exit 3\n'
        '[ -e "$FAKE_STATE/python3-venv" ] || { echo "ensurepip is not available" >&2; exit 1; }\n'
        'mkdir -p "$4/bin" && touch "$4/bin/python" "$4/bin/pip"\n'
        'chmod +x "$4/bin/python" "$4/bin/pip"\n'
    ),
}


@dataclass
class Run:
    code: int
    err: str
    log: list[str]

    def installs(self) -> list[list[str]]:
        """The packages of each ``apt-get install`` (options dropped)."""
        found = []
        for line in self.log:
            words = line.split()
            if words[:2] == ["apt-get", "install"]:
                found.append([w for w in words[2:] if not w.startswith(("-", "("))])
        return found


def run_setup_logic(tmp_path: Path, call: str, *, uid: int, sudo: str) -> Run:
    fakes = tmp_path / "bin"
    state = tmp_path / "state"
    fakes.mkdir(exist_ok=True)
    state.mkdir(exist_ok=True)
    for name, body in FAKES.items():
        path = fakes / name
        path.write_text("#!/bin/sh\n" + body)
        path.chmod(0o755)
    log = tmp_path / "log"
    log.touch()
    env = {
        "PATH": f"{fakes}:/usr/bin:/bin",
        "FAKE_UID": str(uid),
        "FAKE_SUDO": sudo,
        "FAKE_LOG": str(log),
        "FAKE_STATE": str(state),
        "LANG": "C.UTF-8",
    }
    script = f"set -euo pipefail\nsource scripts/_system_packages.sh\n{call}\n"
    result = subprocess.run(
        ["bash", "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,  # a hang guard
        check=False,
    )
    return Run(result.returncode, result.stderr, log.read_text().splitlines())


QT_CHECK = "ensure_qt_libraries /nowhere/Qt"


def test_as_root_the_qt_libraries_are_installed_and_said(tmp_path: Path) -> None:
    run = run_setup_logic(tmp_path, QT_CHECK, uid=0, sudo="no")
    assert run.code == 0, run.err
    assert run.installs() == [QT_PACKAGES]
    assert "apt-get update -qq (DEBIAN_FRONTEND=noninteractive)" in run.log
    assert not [line for line in run.log if line.startswith("sudo")]  # root needs none
    said = f"Installing the system libraries Qt needs: apt-get install {' '.join(QT_PACKAGES)}"
    assert said in run.err
    assert "Qt cannot find" not in run.err


def test_with_sudo_without_a_password_they_are_installed_through_sudo(tmp_path: Path) -> None:
    run = run_setup_logic(tmp_path, QT_CHECK, uid=1000, sudo="ok")
    assert run.code == 0, run.err
    assert run.installs() == [QT_PACKAGES]
    assert any(
        line.startswith("sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install")
        for line in run.log
    ), run.log
    assert "Installing the system libraries Qt needs" in run.err


def test_otherwise_the_exact_command_is_printed_and_nothing_installed(tmp_path: Path) -> None:
    run = run_setup_logic(tmp_path, QT_CHECK, uid=1000, sudo="password")
    assert run.code == 1
    assert run.installs() == []
    lines = run.err.splitlines()
    assert lines[0] == "Qt cannot find these system libraries:"
    assert "  libxcb-cursor.so.0" in lines and "  libxkbcommon-x11.so.0" in lines
    assert lines[-1] == f"  sudo apt-get install {' '.join(QT_PACKAGES)}"


def test_nothing_is_installed_when_qt_has_what_it_needs(tmp_path: Path) -> None:
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "libxcb-cursor0").touch()
    run = run_setup_logic(tmp_path, QT_CHECK, uid=0, sudo="no")
    assert run.code == 0 and run.log == [] and run.err == ""


VENV_CALL = 'ensure_venv "{bin}/fakepython" "{venv}"'


@pytest.mark.parametrize(("uid", "sudo"), [(0, "no"), (1000, "ok")], ids=["root", "sudo"])
def test_a_missing_venv_module_is_installed(tmp_path: Path, uid: int, sudo: str) -> None:
    venv = tmp_path / "venv"
    call = VENV_CALL.format(bin=tmp_path / "bin", venv=venv)
    run = run_setup_logic(tmp_path, call, uid=uid, sudo=sudo)
    assert run.code == 0, run.err
    assert run.installs() == [["python3-venv"]]
    assert "Installing Python's venv module: apt-get install python3-venv" in run.err
    assert (venv / "bin" / "pip").exists()


def test_without_rights_the_venv_line_is_printed(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    call = VENV_CALL.format(bin=tmp_path / "bin", venv=venv)
    run = run_setup_logic(tmp_path, call, uid=1000, sudo="password")
    assert run.code == 1
    assert run.installs() == []
    assert run.err.splitlines()[-1] == "On Debian/Ubuntu: sudo apt-get install python3-venv"


def test_a_working_venv_is_left_alone(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    for name in ("python", "pip"):
        (venv / "bin" / name).write_text("#!/bin/sh\n")
        (venv / "bin" / name).chmod(0o755)
    (venv / "keep").touch()
    call = VENV_CALL.format(bin=tmp_path / "bin", venv=venv)
    run = run_setup_logic(tmp_path, call, uid=0, sudo="no")
    assert run.code == 0 and run.log == []
    assert (venv / "keep").exists()
