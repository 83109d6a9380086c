"""How the kiosk starts its own child processes, from a checkout or from a bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk.paths import kiosk_command, self_restart_wanted


def test_from_source_python_runs_the_package() -> None:
    assert kiosk_command("validate", "x") == [sys.executable, "-m", "kiosk", "validate", "x"]


def test_a_bundle_runs_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "kiosk"
    program.touch()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert kiosk_command("pack", "list") == [str(program), "pack", "list"]


def test_a_windowed_bundle_runs_its_console_twin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program, twin = tmp_path / "kiosk.exe", tmp_path / "kiosk-cli.exe"
    program.touch()
    twin.touch()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert kiosk_command("validate") == [str(twin), "validate"]


@pytest.mark.parametrize(
    ("environ", "wanted"),
    [
        ({}, True),  # started by hand: nobody else would start it again
        ({"NOTIFY_SOCKET": "/run/systemd/notify"}, False),
        ({"KIOSK_SUPERVISED": "1"}, False),  # Shell Launcher, launchd
        ({"KIOSK_SUPERVISED": "0"}, True),
    ],
)
def test_restart_only_when_no_service_manager_will(environ: dict[str, str], wanted: bool) -> None:
    assert self_restart_wanted(environ) is wanted
