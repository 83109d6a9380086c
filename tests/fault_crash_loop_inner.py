"""Run inside private namespaces by ``test_fault_crash_loop.py``: a real systemd user manager
running the kiosk's units until the fallback takes over; writes what happened as JSON.

Usage (as root, already inside ``unshare --mount --cgroup``): ``python THIS WORKDIR``.
WORKDIR holds ``units/*.service``; ``report.json`` and ``manager.log`` (the manager's output)
are written there.

Only this process's own namespaces change: ``/run`` becomes an empty tmpfs with the marker
``/run/systemd/system`` (systemd refuses to run a user manager on a machine not booted with
systemd), ``/etc/systemd/user`` an empty one (the machine's own user units stay out), and
``/sys/fs/cgroup`` the cgroup2 subtree the test made for it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

SYSTEMD = next(
    (p for p in ("/lib/systemd/systemd", "/usr/lib/systemd/systemd") if Path(p).exists()), ""
)
DEADLINE_S = 150.0
QUIET_S = 7.0  # after the fallback is up: no more kiosk starts (RestartSec is 5 s)


def mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True)


def poll(condition: Callable[[], bool], deadline: float, what: str) -> None:
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.1)


def main(work: Path) -> int:
    mount("-t", "tmpfs", "tmpfs", "/run")
    mount("-t", "tmpfs", "tmpfs", "/etc/systemd/user")
    mount("-t", "cgroup2", "cgroup2", "/sys/fs/cgroup")
    Path("/run/systemd/system").mkdir(parents=True)
    runtime = Path("/run/user/0")
    (runtime / "systemd" / "user").mkdir(parents=True)
    runtime.chmod(0o700)
    for unit in (work / "units").glob("*.service"):
        shutil.copy(unit, runtime / "systemd" / "user" / unit.name)
    env = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME": str(work / "home"),
        "XDG_CONFIG_HOME": str(work / "home" / ".config"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    report: dict[str, object] = {}
    with (work / "manager.log").open("w") as log:
        manager = subprocess.Popen(
            [SYSTEMD, "--user", "--log-level=info", "--log-target=console"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + DEADLINE_S
            poll((runtime / "systemd" / "private").exists, deadline, "the manager's socket")

            def systemctl(*args: str) -> str:
                return subprocess.run(
                    ["systemctl", "--user", *args],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=False,
                ).stdout.strip()

            def show(unit: str) -> dict[str, str]:
                lines = systemctl(
                    "show", unit, "--property", "ActiveState,SubState,Result,NRestarts"
                )
                return dict(line.split("=", 1) for line in lines.splitlines())

            started = time.monotonic()
            systemctl("start", "--no-block", "kiosk.service")
            fallback_log = work / "logs" / "kiosk.log"
            poll(
                lambda: (
                    systemctl("is-active", "kiosk-fallback.service") == "active"
                    and fallback_log.exists()
                    and "the fallback screen is shown" in fallback_log.read_text()
                ),
                deadline,
                "the fallback screen",
            )
            report["fallback_up_after_s"] = time.monotonic() - started
            starts = work / "kiosk-starts"
            starts_then = starts.read_text().split()
            # Watch for a while: the kiosk must not be started again behind the notice.
            quiet_until = time.monotonic() + QUIET_S
            poll(
                lambda: (
                    time.monotonic() > quiet_until
                    or len(starts.read_text().split()) != len(starts_then)
                ),
                deadline,
                "quiet time",
            )
            report["kiosk"] = show("kiosk.service")
            report["fallback"] = show("kiosk-fallback.service")
            report["kiosk_starts"] = [float(t) for t in (work / "kiosk-starts").read_text().split()]
            report["kiosk_starts_when_fallback_up"] = len(starts_then)
            report["fallback_starts"] = [
                float(t) for t in (work / "fallback-starts").read_text().split()
            ]
            report["fallback_log"] = fallback_log.read_text()
        except Exception as error:
            report["error"] = f"{type(error).__name__}: {error}"
        finally:
            subprocess.run(
                ["systemctl", "--user", "exit"], env=env, capture_output=True, check=False
            )
            try:
                manager.wait(timeout=30)
            except subprocess.TimeoutExpired:
                manager.kill()
                manager.wait()
    report["manager_exit"] = manager.returncode
    (work / "report.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
