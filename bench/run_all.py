"""Every benchmark in one command: start-up (with Chromium), frame times, scale, and the
hostile corpus's answer times.

    .venv/bin/python bench/run_all.py [--repeat N] [--json FILE] [--only NAME,...]

Runs bench/startup.py, bench/frames.py, bench/scale.py, bench/hostile_timing.py and
bench/idle.py (CPU at rest, needs Xvfb) one after the other, each in its own process (so
none inherits another's memory or Qt state), prints their tables as they come, and writes
one JSON file (default ``bench/results.json``) holding
each benchmark's own JSON report together with the date, the machine, the versions, the git
commit, and the load average before and after each benchmark (a busy machine makes every
figure noisier).

Without ``--repeat`` each benchmark uses its own default repetitions (startup 9, frames 5,
scale 3, hostile 3, idle 3); ``--repeat N`` sets them all.  Like the benchmarks themselves
this is a measurement, not a test: it exits 0 when every benchmark measured, else 1.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO_ROOT = BENCH.parent
BENCHMARKS = {
    # name: (script, default repetitions)
    "startup": ("startup.py", 9),
    "frames": ("frames.py", 5),
    "scale": ("scale.py", 3),
    "hostile": ("hostile_timing.py", 3),
    "idle": ("idle.py", 3),  # CPU and memory at rest under Xvfb, about 30 minutes
}


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    info: dict[str, object] = {
        "hostname": platform.node(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cores": os.cpu_count(),
    }
    cpuinfo = _read("/proc/cpuinfo")
    models = [line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")]
    if models:
        info["cpu"] = models[0]
    meminfo = [line for line in _read("/proc/meminfo") if line.startswith("MemTotal:")]
    if meminfo:
        info["memory_gib"] = round(int(meminfo[0].split()[1]) / 2**20, 1)
    release = [line for line in _read("/etc/os-release") if line.startswith("PRETTY_NAME=")]
    if release:
        info["os"] = release[0].split("=", 1)[1].strip().strip('"')
    info["versions"] = versions()
    return info


def versions() -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        from importlib.metadata import version  # noqa: PLC0415

        found["PySide6-Essentials"] = version("PySide6-Essentials")
        found["memorial-kiosk"] = version("memorial-kiosk")
    except Exception as error:
        found["error"] = str(error)
    chromium = _run(["/usr/bin/chromium", "--version"])
    found["chromium"] = chromium or "not installed"
    return found


def git_state() -> dict[str, object]:
    commit = _run(["git", "-C", str(REPO_ROOT), "rev-parse", "HEAD"])
    dirty = _run(["git", "-C", str(REPO_ROOT), "status", "--porcelain", "--untracked-files=no"])
    return {"commit": commit, "uncommitted_changes": bool(dirty)}


def load_average() -> list[float]:
    fields = (_read("/proc/loadavg") or ["0 0 0"])[0].split()
    return [float(value) for value in fields[:3]]


def _read(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _run(argv: list[str]) -> str:
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.strip()


def run_one(name: str, repeat: int | None, extra: list[str]) -> dict[str, object]:
    """Run one benchmark, its output straight through; its JSON report and how it went."""
    script, default_repeat = BENCHMARKS[name]
    with tempfile.TemporaryDirectory(prefix=f"kiosk-bench-{name}-") as scratch:
        report_path = Path(scratch) / "report.json"
        argv = [sys.executable, str(BENCH / script), "--repeat", str(repeat or default_repeat)]
        argv += ["--json", str(report_path), *extra]
        print(f"\n=== {name}: {' '.join(argv[1:])}", flush=True)
        load_before = load_average()
        started = time.perf_counter()
        code = subprocess.run(argv, cwd=REPO_ROOT, check=False).returncode
        seconds = time.perf_counter() - started
        report = json.loads(report_path.read_text()) if report_path.is_file() else None
    return {
        "command": " ".join(["python", *argv[1:2], *argv[2:4]]),
        "exit_code": code,
        "seconds": round(seconds, 1),
        "load_average_before": load_before,
        "load_average_after": load_average(),
        "report": report,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every kiosk benchmark; one JSON report.")
    parser.add_argument("--repeat", type=int, metavar="N", help="repetitions for every benchmark")
    parser.add_argument(
        "--json",
        type=Path,
        default=BENCH / "results.json",
        metavar="FILE",
        help="where the combined report goes (default bench/results.json)",
    )
    parser.add_argument(
        "--only",
        default=",".join(BENCHMARKS),
        metavar="NAME,...",
        help=f"a subset of {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--scale-workdir", type=Path, metavar="DIR", help="scale.py --workdir (keeps exhibits)"
    )
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")

    combined: dict[str, object] = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "git": git_state(),
        "benchmarks": {},
    }
    results: dict[str, object] = {}
    for name in chosen:
        extra = []
        if name == "scale" and args.scale_workdir is not None:
            extra = ["--workdir", str(args.scale_workdir)]
        results[name] = run_one(name, args.repeat, extra)
    combined["benchmarks"] = results
    args.json.write_text(json.dumps(combined, indent=2) + "\n", encoding="utf-8")
    failed = [name for name, result in results.items() if result["exit_code"] != 0]  # type: ignore[index]
    print(f"\nrun_all: wrote {args.json}" + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
