"""How much slower and bigger the kiosk starts than a bare PySide6 window showing the same text.

Each subject is started as a fresh process; the clock runs from just before it is spawned until
it prints ``first-frame`` (its first painted frame), and its peak resident set size comes from
the kernel's accounting when it is reaped.  The two subjects alternate, so slow drift in the
machine (thermal throttling, other load) falls on both alike.

    .venv/bin/python bench/startup.py [--repeat N] [--json FILE]

The last line of output is ``startup_ratio=X memory_ratio=Y`` (kiosk median / baseline median).
The targets are both <= 1.50, but this is a measurement, not a test: it exits 0 whenever the
measurement itself succeeded, and 1 when a subject failed to start or to report its first frame.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

REPO_ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 1.5
DEFAULT_REPEAT = 7
DEFAULT_TIMEOUT_S = 60.0
STDERR_TAIL_CHARS = 2000


class BenchmarkError(Exception):
    """A subject did not start, did not report its first frame, or exited with an error."""


@dataclass(frozen=True)
class Subject:
    """One program under measurement: a name for the table and the command that starts it."""

    name: str
    argv: list[str]
    marker: bytes = b"first-frame"  # the stdout line that stops the clock


@dataclass(frozen=True)
class Sample:
    """One timed start: seconds to the first frame and the process's peak RSS in KiB."""

    seconds: float
    peak_rss_kib: int


@dataclass(frozen=True)
class Stats:
    """The median, minimum and maximum of one quantity over the repetitions."""

    median: float
    min: float
    max: float


def subjects() -> tuple[Subject, Subject, Subject]:
    """The kiosk to its first frame, the bare baseline window, and the kiosk fully loaded.

    The first two are the comparison the targets are about.  The third runs on until every
    screen and icon is built (what a visitor's first touch needs), for information: it shows
    what deferring that work keeps out of the first frame.
    """
    kiosk_run = [sys.executable, "-m", "kiosk", "run", "--windowed", "--size", "1920x1080"]
    kiosk = Subject("kiosk", [*kiosk_run, "--exit-after-first-frame"])
    baseline = Subject(
        "baseline", [sys.executable, str(REPO_ROOT / "bench" / "baseline_window.py")]
    )
    ready = Subject("kiosk-ready", [*kiosk_run, "--exit-when-ready"], marker=b"ready")
    return kiosk, baseline, ready


def child_env(pycache: Path) -> dict[str, str]:
    """The caller's environment with Qt drawing offscreen, so no display is needed or used.

    Byte-code is cached in a folder of the run's own, as an installed program's would be:
    some machines set PYTHONDONTWRITEBYTECODE, which would make every start recompile the
    kiosk's modules from source (the warm-up run fills the cache).
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(pycache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure_once(subject: Subject, timeout_s: float, env: dict[str, str]) -> Sample:
    """Start ``subject`` once; time it to its first frame and read its peak RSS when it exits."""
    # stderr goes to a file rather than a pipe: nobody reads a pipe while we wait on stdout, so
    # a chatty child could fill it and block.  The file is shown if the child fails.
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        # As a context manager so the stdout pipe is closed whatever happens below.
        with subprocess.Popen(
            subject.argv, stdout=subprocess.PIPE, stderr=stderr, env=env, cwd=REPO_ROOT
        ) as proc:
            timed_out = threading.Event()
            watchdog = threading.Timer(timeout_s, _kill, (proc, timed_out))
            watchdog.start()
            try:
                stdout = _stdout_of(proc)
                seen = _wait_for_marker(stdout, subject.marker)
                first_frame = time.perf_counter()
                # Drained to EOF so the child can never block on a full pipe while exiting.
                stdout.read()
                returncode, peak_rss_kib = _reap(proc)
            finally:
                watchdog.cancel()
                if proc.returncode is None:  # only when something above raised
                    proc.kill()
                    proc.wait()
        _check_outcome(
            subject,
            seen_first_frame=seen,
            returncode=returncode,
            timed_out=timed_out.is_set(),
            timeout_s=timeout_s,
            stderr=stderr,
        )
    return Sample(first_frame - started, peak_rss_kib)


def _stdout_of(proc: subprocess.Popen[bytes]) -> IO[bytes]:
    """The child's stdout pipe (always present: the caller asked for ``stdout=PIPE``)."""
    if proc.stdout is None:
        raise BenchmarkError("internal: child started without a stdout pipe")
    return proc.stdout


def _kill(proc: subprocess.Popen[bytes], timed_out: threading.Event) -> None:
    """Watchdog action: end a hung child so the blocking reads in measure_once return."""
    timed_out.set()
    proc.kill()


def _wait_for_marker(stdout: IO[bytes], marker: bytes) -> bool:
    """Read the child's stdout until the marker line; False if it ended without one."""
    # any() stops at the first match, leaving the rest of the output for the caller to drain.
    return any(line.strip() == marker for line in stdout)


def _reap(proc: subprocess.Popen[bytes]) -> tuple[int, int]:
    """Wait for the child; its exit code and its own peak RSS in KiB (Linux reports KiB)."""
    # os.wait4 rather than proc.wait(): it returns this child's resource usage, where
    # resource.getrusage(RUSAGE_CHILDREN) would give the maximum over every child so far.
    _, status, usage = os.wait4(proc.pid, 0)
    # Recorded on the Popen so that it never tries to reap the (already reaped) pid itself.
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss


def _check_outcome(
    subject: Subject,
    *,
    seen_first_frame: bool,
    returncode: int,
    timed_out: bool,
    timeout_s: float,
    stderr: IO[bytes],
) -> None:
    """Raise BenchmarkError, with the child's stderr, unless it reported a frame and exited 0."""
    if timed_out:
        problem = f"was killed after {timeout_s:g} s"
    elif not seen_first_frame:
        problem = f"exited with code {returncode} without printing 'first-frame'"
    elif returncode != 0:
        problem = f"printed 'first-frame' but exited with code {returncode}"
    else:
        return
    stderr.seek(0)
    tail = stderr.read().decode("utf-8", "replace")[-STDERR_TAIL_CHARS:].rstrip()
    command = shlex.join(subject.argv)
    raise BenchmarkError(f"{subject.name} ({command}) {problem}; its stderr:\n{tail or '(empty)'}")


def run_benchmark(
    measured: tuple[Subject, ...], repeat: int, timeout_s: float
) -> dict[str, list[Sample]]:
    """Warm up each subject once, then time them in alternation ``repeat`` times each."""
    # The untimed first start pulls Python, Qt and the fonts into the disk cache, so the first
    # timed sample of whichever subject runs first is not penalised.
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-pycache-") as pycache:
        env = child_env(Path(pycache))  # built before any clock starts: not a child's cost
        for subject in measured:
            measure_once(subject, timeout_s, env)
        return _alternate(measured, repeat, timeout_s, env)


def _alternate(
    measured: tuple[Subject, ...], repeat: int, timeout_s: float, env: dict[str, str]
) -> dict[str, list[Sample]]:
    """The timed rounds: every subject once per round, in the same order."""
    samples: dict[str, list[Sample]] = {subject.name: [] for subject in measured}
    for round_number in range(1, repeat + 1):
        for subject in measured:
            sample = measure_once(subject, timeout_s, env)
            samples[subject.name].append(sample)
            _report_progress(subject, round_number, repeat, sample)
    return samples


def _report_progress(subject: Subject, round_number: int, repeat: int, sample: Sample) -> None:
    """One line per sample on stderr, so a long run shows life without cluttering stdout."""
    print(
        f"  {subject.name:<8} {round_number}/{repeat}: {sample.seconds * 1000:7.1f} ms, "
        f"{mib(sample.peak_rss_kib):6.1f} MiB",
        file=sys.stderr,
        flush=True,
    )


def mib(kib: float) -> float:
    """KiB (what ru_maxrss reports on Linux) to MiB."""
    return kib / 1024


def stats(values: list[float]) -> Stats:
    """Median, minimum and maximum of a non-empty list."""
    return Stats(statistics.median(values), min(values), max(values))


def time_ms_stats(samples: list[Sample]) -> Stats:
    """Start-to-first-frame statistics in milliseconds."""
    return stats([sample.seconds * 1000 for sample in samples])


def rss_mib_stats(samples: list[Sample]) -> Stats:
    """Peak RSS statistics in MiB."""
    return stats([mib(sample.peak_rss_kib) for sample in samples])


def format_table(samples: dict[str, list[Sample]]) -> str:
    """A fixed-width table: median, min and max of time and peak RSS, one row per subject."""
    header = (
        f"{'subject':<12}{'time median':>13}{'min':>9}{'max':>9}"
        f"{'RSS median':>14}{'min':>9}{'max':>9}"
    )
    units = f"{'':<12}{'(ms)':>13}{'(ms)':>9}{'(ms)':>9}{'(MiB)':>14}{'(MiB)':>9}{'(MiB)':>9}"
    rows = [header, units]
    for name, runs in samples.items():
        time_ms, rss = time_ms_stats(runs), rss_mib_stats(runs)
        rows.append(
            f"{name:<12}{time_ms.median:>13.1f}{time_ms.min:>9.1f}{time_ms.max:>9.1f}"
            f"{rss.median:>14.1f}{rss.min:>9.1f}{rss.max:>9.1f}"
        )
    return "\n".join(rows)


def ratios(kiosk: list[Sample], baseline: list[Sample]) -> tuple[float, float]:
    """(startup ratio, memory ratio): kiosk median over baseline median for each quantity."""
    startup = time_ms_stats(kiosk).median / time_ms_stats(baseline).median
    memory = rss_mib_stats(kiosk).median / rss_mib_stats(baseline).median
    return startup, memory


def verdict(startup: float, memory: float) -> str:
    """The line saying whether each ratio meets the target."""

    def judge(ratio: float) -> str:
        # Judged on the value as printed, so a printed 1.50 never reads as a failure.
        return "PASS" if round(ratio, 2) <= TARGET_RATIO else "FAIL"

    return f"target <= {TARGET_RATIO:.2f}: startup {judge(startup)}, memory {judge(memory)}"


def write_json(path: Path, samples: dict[str, list[Sample]], startup: float, memory: float) -> None:
    """Every sample, the per-subject statistics and the ratios, for tracking over time."""
    report = {
        "repeat": len(next(iter(samples.values()))),
        "python": sys.version.split()[0],
        "target_ratio": TARGET_RATIO,
        "startup_ratio": startup,
        "memory_ratio": memory,
        "subjects": {
            name: {
                "time_ms": asdict(time_ms_stats(runs)),
                "peak_rss_mib": asdict(rss_mib_stats(runs)),
                "samples": [asdict(sample) for sample in runs],
            }
            for name, runs in samples.items()
        },
    }
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def positive_int(text: str) -> int:
    """argparse type: an integer of at least 1."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line: repetitions, an optional JSON report and the per-start timeout."""
    parser = argparse.ArgumentParser(
        description="Kiosk start-to-first-frame time and peak RSS against a bare PySide6 window."
    )
    parser.add_argument(
        "--repeat",
        type=positive_int,
        default=DEFAULT_REPEAT,
        metavar="N",
        help=f"timed starts of each subject (default {DEFAULT_REPEAT})",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers here")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        metavar="SECONDS",
        help=f"kill a start that takes longer than this (default {DEFAULT_TIMEOUT_S:g})",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, the verdict and the ratio line; 1 if a subject failed."""
    args = parse_args(argv)
    kiosk, baseline, ready = subjects()
    try:
        samples = run_benchmark((kiosk, baseline, ready), args.repeat, args.timeout)
    except BenchmarkError as error:
        print(f"startup.py: {error}", file=sys.stderr)
        return 1
    startup, memory = ratios(samples[kiosk.name], samples[baseline.name])
    if args.json is not None:
        write_json(args.json, samples, startup, memory)
    print(format_table(samples))
    ready_time, ready_memory = ratios(samples[ready.name], samples[baseline.name])
    print(
        f"fully loaded (information, no target): time {ready_time:.2f}x, "
        f"memory {ready_memory:.2f}x the baseline's first frame"
    )
    print(verdict(startup, memory))
    print(f"startup_ratio={startup:.2f} memory_ratio={memory:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
