"""The Debian kiosk session's small scripts and unit files.

The package itself is built, installed, run under cage, upgraded and purged by
packaging/linux/ci-deb.sh in CI; these tests pin the decisions that script cannot see
fail quickly: the staff exit path and the restart policy.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parents[1] / "packaging" / "linux"


def fake_program(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


@pytest.mark.parametrize("status", [0, 1, 64, 75])
def test_session_script_keeps_the_kiosks_exit_status(tmp_path: Path, status: int) -> None:
    kiosk = fake_program(tmp_path, "kiosk", f'[ "$1" = run ] || exit 99\nexit {status}')
    environment = {**os.environ, "KIOSK_PROGRAM": str(kiosk), "RUNTIME_DIRECTORY": str(tmp_path)}
    finished = subprocess.run([LINUX / "kiosk-session"], env=environment, check=False)
    assert finished.returncode == status
    assert (tmp_path / "last-exit").read_text().strip() == str(status)


@pytest.mark.parametrize(
    ("status", "expected_calls"),
    [
        ("64", ["--no-block stop kiosk.service", "--no-block start getty@tty1.service"]),
        ("75", []),
        ("1", []),
        (None, []),  # killed by the watchdog: no status was written
    ],
)
def test_session_end_stops_only_when_staff_left_for_the_desktop(
    tmp_path: Path, status: str | None, expected_calls: list[str]
) -> None:
    calls = tmp_path / "calls"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_program(bin_dir, "systemctl", f'echo "$*" >> {calls}')
    if status is not None:
        (tmp_path / "last-exit").write_text(status + "\n")
    environment = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "RUNTIME_DIRECTORY": str(tmp_path),
    }
    finished = subprocess.run(
        [LINUX / "kiosk-session-ended"], env=environment, check=False, capture_output=True
    )
    assert finished.returncode == 0
    recorded = calls.read_text().splitlines() if calls.exists() else []
    assert recorded == expected_calls
    assert not (tmp_path / "last-exit").exists(), "a stale status would stop the next session"


class Unit:
    """A systemd unit file: sections of keys that may repeat (Environment=, After=...)."""

    def __init__(self, name: str) -> None:
        self.values: dict[tuple[str, str], list[str]] = {}
        section = ""
        for raw_line in (LINUX / name).read_text().splitlines():
            line = raw_line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                section = line.strip("[]")
                continue
            key, _, value = line.partition("=")
            self.values.setdefault((section, key), []).append(value)

    def all(self, section: str, key: str) -> list[str]:
        return self.values.get((section, key), [])

    def one(self, section: str, key: str) -> str:
        found = self.all(section, key)
        assert len(found) == 1, f"[{section}] {key}= is set {len(found)} times"
        return found[0]


def test_crash_loop_ends_on_the_fallback_not_a_black_screen() -> None:
    kiosk = Unit("kiosk.service")
    assert kiosk.one("Service", "Restart") == "always"
    restart_delay = int(kiosk.one("Service", "RestartSec"))
    burst = int(kiosk.one("Unit", "StartLimitBurst"))
    interval = int(kiosk.one("Unit", "StartLimitIntervalSec"))
    # The burst must be reachable within the interval, or the loop would never end.
    assert burst * restart_delay < interval
    assert kiosk.one("Unit", "OnFailure") == "kiosk-fallback.service"
    fallback = Unit("kiosk-fallback.service")
    assert "kiosk fallback" in fallback.one("Service", "ExecStart")
    assert fallback.one("Unit", "OnFailure") == "getty@tty1.service"
    assert "kiosk-fallback.service" in kiosk.one("Unit", "Conflicts").split()


def test_session_runs_unprivileged_under_cage_with_the_watchdog() -> None:
    kiosk = Unit("kiosk.service")
    assert kiosk.one("Service", "User") == "kiosk"
    assert kiosk.one("Service", "ExecStart").startswith("/usr/bin/cage ")
    assert kiosk.one("Service", "Type") == "notify"
    # The kiosk is cage's child, not the main process: systemd must accept its pings.
    assert kiosk.one("Service", "NotifyAccess") == "all"
    assert int(kiosk.one("Service", "WatchdogSec")) >= 10
    assert "MALLOC_ARENA_MAX=2" in kiosk.all("Service", "Environment")
