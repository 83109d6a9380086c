"""Fault injection: a kiosk that crashes at start-up is restarted RestartSec apart, then
systemd gives up after StartLimitBurst starts and the fallback notice takes over; no tight
loop.

A real systemd (the machine's own binary) runs the shipped ``kiosk.service`` and
``kiosk-fallback.service``, adapted to a user manager: their restart and start-limit policy
lines are kept verbatim, the system-only lines (the kiosk user, PAM, tty1, cage, journal,
state folders) are dropped, and ExecStart becomes ``kiosk run --content /nonexistent``
(exits 1 at once) and ``kiosk fallback --windowed`` (Qt offscreen) behind a line that notes
each start's time.

systemd is not PID 1 here, so the user manager runs in private namespaces
(``fault_crash_loop_inner.py``): mount (``/run`` with the marker systemd looks for) and
cgroup (a cgroup2 subtree made for it, removed afterwards).  Needs root; skipped elsewhere.
Takes about 35 s: five starts 5 s apart, then a quiet watch.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
UNITS = REPO / "packaging" / "linux"
INNER = Path(__file__).with_name("fault_crash_loop_inner.py")
# How much later than RestartSec a start may come: the kiosk's own start and crash (a
# Python start-up, seconds on a loaded machine) plus the manager's scheduling.
LATE_S = 20.0
SYSTEMD = next(
    (p for p in ("/lib/systemd/systemd", "/usr/lib/systemd/systemd") if Path(p).exists()), None
)
# The lines that make the policy, kept as shipped.  The rest cannot apply in a user manager
# (User=, PAMName=, TTY*, Utmp*, StandardInput=tty-fail, After=/Wants= on system units,
# StateDirectory=...) or is replaced (ExecStart=, ExecStopPost=, Environment=, output).
POLICY = {
    "Description",
    "StartLimitIntervalSec",
    "StartLimitBurst",
    "OnFailure",
    "Conflicts",
    "Type",
    "NotifyAccess",
    "Restart",
    "RestartSec",
    "TimeoutStartSec",
    "WatchdogSec",
    "TimeoutStopSec",
}


def _missing() -> str | None:
    if sys.platform != "linux":
        return "systemd is Linux only"
    if os.geteuid() != 0:
        return "needs root: private mount and cgroup namespaces for a systemd user manager"
    for tool in ("unshare", "mount", "systemctl"):
        if shutil.which(tool) is None:
            return f"no {tool}"
    if SYSTEMD is None:
        return "no systemd binary"
    if _cgroup2() is None:
        return "no cgroup2 hierarchy mounted"
    return None


def _cgroup2() -> Path | None:
    """This process's own cgroup in the cgroup2 hierarchy, or None."""
    mounts = [
        line.split(" - ")[0].split()[4]
        for line in Path("/proc/self/mountinfo").read_text().splitlines()
        if line.split(" - ")[1].startswith("cgroup2 ")
    ]
    own = next(
        (
            line[3:]
            for line in Path("/proc/self/cgroup").read_text().splitlines()
            if line[:3] == "0::"
        ),
        None,
    )
    if not mounts or own is None:
        return None
    return Path(mounts[0]) / own.lstrip("/")


pytestmark = [
    pytest.mark.skipif(_missing() is not None, reason=str(_missing())),
    pytest.mark.slow,
]


def seconds(value: str) -> float:
    match = re.fullmatch(r"([0-9.]+)\s*(s|sec)?", value.strip())
    assert match, f"cannot read {value!r} as seconds"
    return float(match.group(1))


def adapt(shipped: Path, exec_start: Path, work: Path) -> tuple[str, dict[str, str]]:
    """The shipped unit's policy lines under [Unit] and [Service], plus our ExecStart."""
    sections: dict[str, list[str]] = {"Unit": [], "Service": []}
    policy: dict[str, str] = {}
    section = ""
    for line in shipped.read_text().splitlines():
        if line.startswith("["):
            section = line.strip("[]")
        elif "=" in line and not line.startswith("#") and section in sections:
            key, value = line.split("=", 1)
            if key in POLICY:
                sections[section].append(line)
                policy[key] = value
    sections["Service"] += [
        f"ExecStart={exec_start}",
        f"Environment=KIOSK_DATA_DIR={work / 'data'}",
        f"Environment=KIOSK_LOG_DIR={work / 'logs'}",
        f"Environment=KIOSK_CONFIG={work / 'station.yaml'}",
        "Environment=QT_QPA_PLATFORM=offscreen",
        f"StandardOutput=append:{work / 'units.out'}",
        f"StandardError=append:{work / 'units.out'}",
    ]
    text = "".join(f"[{name}]\n" + "\n".join(lines) + "\n\n" for name, lines in sections.items())
    return text, policy


def starter(path: Path, starts: Path, command: str) -> Path:
    path.write_text(
        f'#!/bin/sh\ndate +%s.%N >> "{starts}"\nexec "{sys.executable}" -m kiosk {command}\n'
    )
    path.chmod(0o755)
    return path


@pytest.fixture
def cgroup() -> Iterator[Path]:
    """A cgroup2 subtree of our own for the manager; emptied and removed afterwards."""
    parent = _cgroup2()
    assert parent is not None
    own = parent / f"kiosk-crash-loop-{os.getpid()}"
    own.mkdir()
    try:
        yield own
    finally:
        deadline = time.monotonic() + 30
        while leftovers := [
            int(pid) for procs in own.rglob("cgroup.procs") for pid in procs.read_text().split()
        ]:
            if time.monotonic() > deadline:
                for pid in leftovers:  # only ever processes this test started
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.1)
        for folder in sorted((p for p in own.rglob("*") if p.is_dir()), reverse=True):
            folder.rmdir()
        own.rmdir()


def test_a_crash_at_start_up_backs_off_and_ends_on_the_fallback(
    tmp_path: Path, cgroup: Path
) -> None:
    work = tmp_path
    (work / "units").mkdir()
    kiosk_unit, policy = adapt(
        UNITS / "kiosk.service",
        starter(work / "kiosk-start", work / "kiosk-starts", "run --content /nonexistent"),
        work,
    )
    fallback_unit, _ = adapt(
        UNITS / "kiosk-fallback.service",
        starter(work / "fallback-start", work / "fallback-starts", "fallback --windowed"),
        work,
    )
    (work / "units" / "kiosk.service").write_text(kiosk_unit)
    (work / "units" / "kiosk-fallback.service").write_text(fallback_unit)
    assert policy["Restart"] == "always"
    assert "kiosk-fallback.service" in policy["OnFailure"].split()
    restart_s = seconds(policy["RestartSec"])
    burst = int(policy["StartLimitBurst"])
    assert burst * restart_s < seconds(policy["StartLimitIntervalSec"])  # the limit can hit

    # The wrapper moves itself into the subtree, then becomes the namespaces' first process.
    script = f'echo $$ > "{cgroup}/cgroup.procs" && exec "$@"'
    result = subprocess.run(
        [
            "sh",
            "-c",
            script,
            "sh",
            "unshare",
            "--mount",
            "--cgroup",
            "--propagation",
            "private",
            sys.executable,
            str(INNER),
            str(work),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    log = (work / "manager.log").read_text() if (work / "manager.log").exists() else ""
    assert result.returncode == 0, result.stderr + log
    report = json.loads((work / "report.json").read_text())
    context = json.dumps(report, indent=1) + "\n" + log[-4000:]
    assert "error" not in report, context

    starts = report["kiosk_starts"]
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    # Exactly StartLimitBurst starts, each RestartSec after the last crash (it crashes at
    # once), none after the fallback came up.
    assert len(starts) == burst, context
    # No tight loop: never sooner than RestartSec.  The upper bound only guards against a
    # much longer back-off; a busy machine takes seconds to start and crash the kiosk.
    assert all(restart_s <= gap < restart_s + LATE_S for gap in gaps), (gaps, context)
    assert report["kiosk_starts_when_fallback_up"] == burst, context
    # Restart=always gave up: the burst-th restart was asked for and refused by the limit.
    assert report["kiosk"]["ActiveState"] == "failed", context
    assert report["kiosk"]["NRestarts"] == str(burst), context
    # The refused start comes RestartSec after the last crash; the notice follows it.
    assert report["fallback"]["ActiveState"] == "active", context
    assert len(report["fallback_starts"]) == 1, context
    assert restart_s <= report["fallback_starts"][0] - starts[-1] < restart_s + LATE_S, context
    assert "the fallback screen is shown" in report["fallback_log"]
    assert report["manager_exit"] == 0, context
