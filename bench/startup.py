"""How much slower and bigger the kiosk starts than a bare PySide6 window, and than Chromium.

Each subject is started as a fresh process; the clock runs from just before it is spawned until
it prints ``first-frame`` (its first painted frame), and its peak resident set size comes from
the kernel's accounting when it is reaped.  The subjects alternate, so slow drift in the
machine (thermal throttling, other load) falls on all alike.

Chromium (``/usr/bin/chromium``, Debian's package; skipped with a note when it is missing)
shows the same statement as a static page generated from the bundled content, headless and
offline; its time is spawn to its first contentful paint, read from the page's own Paint
Timing entry (see chromium_page.py for why that is the fair end point).  Because a browser is
many processes, memory for the Chromium comparison is the summed RSS of each subject's whole
process group, sampled every few milliseconds (proctree.py), for the kiosk exactly as for
Chromium.

    .venv/bin/python bench/startup.py [--repeat N] [--json FILE] [--no-chromium]
        [--bundle DIR] [--before SRC]

The last line of output is ``startup_ratio=X memory_ratio=Y`` (kiosk median / baseline median).
The targets (issue 20): first frame <= 1.30x and memory <= 1.50x the bare window; against
Chromium the kiosk's time <= 0.35x and its memory <= 0.50x.

``--before SRC`` adds another tree's kiosk to the same alternating rounds, so a change is
judged against its "before" under the same load: ``git archive COMMIT src content assets |
tar -x -C DIR``, then ``--before DIR/src``.

This is a measurement, not a test: it exits 0 whenever the measurement itself succeeded,
and 1 when the kiosk or the bare window failed to start or to report its first frame (a
Chromium that fails is reported and left out).
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
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import IO

import chromium_page
import proctree
from arguments import positive_int

REPO_ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 1.3  # first frame, kiosk / bare window (issue 20; was 1.5)
MEMORY_TARGET_RATIO = 1.5  # peak RSS at the first frame, kiosk / bare window
BUNDLE_NAME = "bundle"  # the PyInstaller bundle's first frame (--bundle DIR)
BEFORE_NAME = "before"  # another source tree's kiosk, for before/after (--before DIR)
AFTER_NAME = "after"  # this checkout's kiosk started exactly as "before" is

CHROMIUM_TIME_TARGET = 0.35  # kiosk time / Chromium time (issue 20; was 0.4)
CHROMIUM_MEMORY_TARGET = 0.5  # kiosk summed RSS / Chromium summed RSS
CHROMIUM_NAME = "chromium"
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
    # Set for Chromium only: the generated page it shows (see chromium_page.py).
    page: Path | None = None


@dataclass(frozen=True)
class Sample:
    """One timed start: seconds to the first frame and peak memory in KiB.

    ``peak_rss_kib`` is the kernel's peak for the started process alone (exact);
    ``tree_peak_rss_kib`` the largest sampled sum over its whole process group (for the kiosk
    and the bare window, one process: the same quantity, sampled).
    """

    seconds: float
    peak_rss_kib: int
    tree_peak_rss_kib: int = 0
    processes: int = 1
    pss_kib: int = 0  # Chromium only: summed PSS of its processes at its first paint


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


def chromium_subject(binary: Path) -> tuple[Subject | None, str]:
    """Chromium, or None and why it is left out."""
    if not binary.is_file() or not os.access(binary, os.X_OK):
        return None, (
            f"Chromium skipped: {binary} is missing (Debian: apt-get install chromium); "
            "the comparison with a browser needs it, the kiosk-vs-bare ratios do not"
        )
    if not proctree.available():
        return None, "Chromium skipped: its memory is summed over processes from /proc (Linux)"
    return Subject(CHROMIUM_NAME, [str(binary)]), ""


def child_env(pycache: Path) -> dict[str, str]:
    """The caller's environment with Qt drawing offscreen, so no display is needed or used.

    Byte-code is cached in a folder of the run's own, as an installed program's would be:
    some machines set PYTHONDONTWRITEBYTECODE, which would make every start recompile the
    kiosk's modules from source (the warm-up run fills the cache).

    The station configuration and data folder are the run's own too (none, so defaults): a
    developer's station.yaml (a rotated display, say) must not change what is measured.
    """
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPYCACHEPREFIX": str(pycache),
        "KIOSK_CONFIG": str(pycache / "station.yaml"),
        "KIOSK_DATA_DIR": str(pycache / "data"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure_once(subject: Subject, timeout_s: float, env: dict[str, str]) -> Sample:
    """Start ``subject`` once; time it to its first frame and read its peak RSS when it exits."""
    # stderr goes to a file rather than a pipe: nobody reads a pipe while we wait on stdout, so
    # a chatty child could fill it and block.  The file is shown if the child fails.
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        # As a context manager so the stdout pipe is closed whatever happens below.
        # A session of its own: its process group holds it and anything it starts.
        with subprocess.Popen(
            subject.argv,
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=env,
            cwd=REPO_ROOT,
            start_new_session=True,
        ) as proc:
            sampler = proctree.GroupMemorySampler(proc.pid).__enter__()
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
                sampler.stop()
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
    return Sample(
        first_frame - started,
        peak_rss_kib,
        tree_peak_rss_kib=sampler.peak_kib,
        processes=sampler.peak_processes,
    )


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


def measure(subject: Subject, timeout_s: float, env: dict[str, str]) -> Sample:
    """One timed start of any subject."""
    if subject.page is None:
        return measure_once(subject, timeout_s, env)
    run = chromium_page.measure_once(Path(subject.argv[0]), subject.page, timeout_s, env)
    return Sample(
        run.seconds,
        run.peak_rss_kib,
        tree_peak_rss_kib=run.tree_peak_rss_kib,
        processes=run.processes,
        pss_kib=run.pss_kib,
    )


def run_benchmark(
    measured: tuple[Subject, ...], repeat: int, timeout_s: float, notes: list[str] | None = None
) -> dict[str, list[Sample]]:
    """Warm up each subject once, then time them in alternation ``repeat`` times each.

    A Chromium that fails is left out with a note in ``notes``; any other failure raises.
    """
    notes = notes if notes is not None else []
    # The untimed first start pulls Python, Qt and the fonts into the disk cache, so the first
    # timed sample of whichever subject runs first is not penalised.
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-pycache-") as pycache:
        env = child_env(Path(pycache))  # built before any clock starts: not a child's cost
        measured = tuple(_with_page(subject, Path(pycache)) for subject in measured)
        kept = []
        for subject in measured:
            try:
                measure(subject, timeout_s, env)
            except chromium_page.ChromiumError as error:
                notes.append(f"Chromium left out: {error}")
                continue
            kept.append(subject)
        return _alternate(tuple(kept), repeat, timeout_s, env, notes)


def _with_page(subject: Subject, folder: Path) -> Subject:
    """Chromium's subject with its page written, from the bundled content, into ``folder``."""
    if subject.name != CHROMIUM_NAME:
        return subject
    from kiosk.paths import default_content_dir, fonts_dir  # noqa: PLC0415 - no Qt

    page = chromium_page.write_page(folder, default_content_dir(), fonts_dir())
    return replace(subject, page=page)


def _alternate(
    measured: tuple[Subject, ...],
    repeat: int,
    timeout_s: float,
    env: dict[str, str],
    notes: list[str],
) -> dict[str, list[Sample]]:
    """The timed rounds: every subject once per round, in the same order."""
    samples: dict[str, list[Sample]] = {subject.name: [] for subject in measured}
    for round_number in range(1, repeat + 1):
        for subject in measured:
            if subject.name not in samples:
                continue  # Chromium, after it failed
            try:
                sample = measure(subject, timeout_s, env)
            except chromium_page.ChromiumError as error:
                notes.append(f"Chromium left out after {round_number - 1} rounds: {error}")
                del samples[subject.name]
                continue
            samples[subject.name].append(sample)
            _report_progress(subject, round_number, repeat, sample)
    return samples


def _report_progress(subject: Subject, round_number: int, repeat: int, sample: Sample) -> None:
    """One line per sample on stderr, so a long run shows life without cluttering stdout."""
    print(
        f"  {subject.name:<11} {round_number}/{repeat}: {sample.seconds * 1000:7.1f} ms, "
        f"{mib(sample.peak_rss_kib):6.1f} MiB, summed over {sample.processes} process(es) "
        f"{mib(sample.tree_peak_rss_kib):6.1f} MiB",
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
    """Peak RSS statistics in MiB (the started process alone, kernel accounting)."""
    return stats([mib(sample.peak_rss_kib) for sample in samples])


def tree_rss_mib_stats(samples: list[Sample]) -> Stats:
    """Sampled summed-RSS statistics in MiB (the whole process group)."""
    return stats([mib(sample.tree_peak_rss_kib) for sample in samples])


def format_table(samples: dict[str, list[Sample]]) -> str:
    """A fixed-width table: median, min and max of time and memory, one row per subject."""
    header = (
        f"{'subject':<12}{'time median':>13}{'min':>9}{'max':>9}"
        f"{'RSS median':>14}{'min':>9}{'max':>9}"
        f"{'summed RSS':>13}{'min':>9}{'max':>9}{'procs':>7}"
    )
    units = (
        f"{'':<12}{'(ms)':>13}{'(ms)':>9}{'(ms)':>9}{'(MiB)':>14}{'(MiB)':>9}{'(MiB)':>9}"
        f"{'(MiB)':>13}{'(MiB)':>9}{'(MiB)':>9}{'':>7}"
    )
    rows = [header, units]
    for name, runs in samples.items():
        time_ms, rss, tree = time_ms_stats(runs), rss_mib_stats(runs), tree_rss_mib_stats(runs)
        processes = max(sample.processes for sample in runs)
        rows.append(
            f"{name:<12}{time_ms.median:>13.1f}{time_ms.min:>9.1f}{time_ms.max:>9.1f}"
            f"{rss.median:>14.1f}{rss.min:>9.1f}{rss.max:>9.1f}"
            f"{tree.median:>13.1f}{tree.min:>9.1f}{tree.max:>9.1f}{processes:>7}"
        )
    return "\n".join(rows)


def ratios(kiosk: list[Sample], baseline: list[Sample]) -> tuple[float, float]:
    """(startup ratio, memory ratio): kiosk median over baseline median for each quantity."""
    startup = time_ms_stats(kiosk).median / time_ms_stats(baseline).median
    memory = rss_mib_stats(kiosk).median / rss_mib_stats(baseline).median
    return startup, memory


def chromium_ratios(kiosk: list[Sample], chromium: list[Sample]) -> tuple[float, float]:
    """(time ratio, memory ratio) of the kiosk over Chromium: medians, summed RSS for both."""
    time_ratio = time_ms_stats(kiosk).median / time_ms_stats(chromium).median
    memory = tree_rss_mib_stats(kiosk).median / tree_rss_mib_stats(chromium).median
    return time_ratio, memory


def before_after(before: list[Sample], after: list[Sample], baseline: list[Sample]) -> str:
    """The line comparing another tree's kiosk with this one, each over the bare window."""
    before_time, before_memory = ratios(before, baseline)
    after_time, after_memory = ratios(after, baseline)
    change = time_ms_stats(after).median - time_ms_stats(before).median
    return (
        f"before/after (both started with python -c): time {before_time:.2f}x -> "
        f"{after_time:.2f}x the bare window ({change:+.1f} ms), memory {before_memory:.2f}x "
        f"-> {after_memory:.2f}x"
    )


def judge(ratio: float, target: float) -> str:
    # Judged on the value as printed, so a printed 1.50 never reads as a failure.
    return "PASS" if round(ratio, 2) <= target else "FAIL"


def verdict(startup: float, memory: float) -> str:
    """The line saying whether each ratio meets the target."""
    return (
        f"target <= {TARGET_RATIO:.2f}: startup {judge(startup, TARGET_RATIO)}; "
        f"target <= {MEMORY_TARGET_RATIO:.2f}: memory {judge(memory, MEMORY_TARGET_RATIO)}"
    )


def chromium_verdict(time_ratio: float, memory: float, chromium: list[Sample]) -> str:
    """The lines comparing the kiosk with Chromium, with their targets."""
    pss = statistics.median(mib(sample.pss_kib) for sample in chromium)
    return (
        f"kiosk vs chromium: time {time_ratio:.2f}x (target <= {CHROMIUM_TIME_TARGET:.2f}: "
        f"{judge(time_ratio, CHROMIUM_TIME_TARGET)}), summed RSS {memory:.2f}x (target <= "
        f"{CHROMIUM_MEMORY_TARGET:.2f}: {judge(memory, CHROMIUM_MEMORY_TARGET)})\n"
        f"chromium's summed PSS at its first paint (shared pages counted once): "
        f"{pss:.1f} MiB median"
    )


def write_json(
    path: Path,
    samples: dict[str, list[Sample]],
    startup: float,
    memory: float,
    notes: list[str] | None = None,
) -> None:
    """Every sample, the per-subject statistics and the ratios, for tracking over time."""
    report: dict[str, object] = {
        "repeat": len(next(iter(samples.values()))),
        "python": sys.version.split()[0],
        "target_ratio": TARGET_RATIO,
        "memory_target_ratio": MEMORY_TARGET_RATIO,
        "startup_ratio": startup,
        "memory_ratio": memory,
        "memory_sample_interval_ms": proctree.DEFAULT_INTERVAL_S * 1000,
        "measuring_process_peak_rss_mib": mib(proctree.own_peak_rss_kib()),
        "subjects": {
            name: {
                "time_ms": asdict(time_ms_stats(runs)),
                "peak_rss_mib": asdict(rss_mib_stats(runs)),
                "summed_rss_mib": asdict(tree_rss_mib_stats(runs)),
                "samples": [asdict(sample) for sample in runs],
            }
            for name, runs in samples.items()
        },
        "notes": notes or [],
    }
    if CHROMIUM_NAME in samples:
        time_ratio, chromium_memory = chromium_ratios(samples["kiosk"], samples[CHROMIUM_NAME])
        report["chromium"] = {
            "time_ratio": time_ratio,
            "time_target": CHROMIUM_TIME_TARGET,
            "memory_ratio": chromium_memory,
            "memory_target": CHROMIUM_MEMORY_TARGET,
        }
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line: repetitions, an optional JSON report and the per-start timeout."""
    parser = argparse.ArgumentParser(
        description="Kiosk start-to-first-frame time and peak memory against a bare PySide6 "
        "window and against Chromium showing the same statement."
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
    parser.add_argument(
        "--chromium",
        type=Path,
        default=chromium_page.CHROMIUM,
        metavar="PATH",
        help=f"the Chromium to compare with (default {chromium_page.CHROMIUM})",
    )
    parser.add_argument(
        "--no-chromium", action="store_true", help="leave the comparison with Chromium out"
    )
    parser.add_argument(
        "--bundle",
        type=Path,
        metavar="DIR",
        help="also start the PyInstaller bundle in DIR (its `kiosk` executable) alongside "
        "the source checkout, alternating in the same rounds",
    )
    parser.add_argument(
        "--before",
        type=Path,
        metavar="SRC",
        help="also start the kiosk whose package is in SRC (a `src` folder of another "
        "commit, e.g. from `git archive`), for a before/after comparison in the same rounds",
    )
    return parser.parse_args(argv)


def before_subjects(source: Path) -> tuple[tuple[Subject, Subject] | None, str]:
    """Another tree's kiosk and this checkout's, both to their first frame and started the
    same way (``python -c``, the tree's folder first on the path: this costs a few ms more
    than ``-m kiosk``, so "before" is compared with "after", never with "kiosk"); or None and
    why."""
    if not (source / "kiosk" / "__init__.py").is_file():
        return None, f"before skipped: no kiosk package in {source}"

    def started_from(name: str, folder: Path) -> Subject:
        # kiosk.launch is the entry point since issue 20's fourth round; older trees: kiosk.cli.
        entry = "launch" if (folder / "kiosk" / "launch.py").is_file() else "cli"
        boot = (
            f"import sys; sys.path.insert(0, {str(folder)!r}); "
            f"from kiosk.{entry} import entry; entry()"
        )
        argv = [sys.executable, "-c", boot, "run", "--windowed", "--size", "1920x1080"]
        return Subject(name, [*argv, "--exit-after-first-frame"])

    return (started_from(BEFORE_NAME, source), started_from(AFTER_NAME, REPO_ROOT / "src")), ""


def bundle_subject(folder: Path) -> tuple[Subject | None, str]:
    """The frozen kiosk to its first frame, or None and why it is left out."""
    executable = folder / "kiosk"
    if not executable.is_file() or not os.access(executable, os.X_OK):
        return None, f"bundle skipped: no executable {executable}"
    argv = [str(executable), "run", "--windowed", "--size", "1920x1080"]
    return Subject(BUNDLE_NAME, [*argv, "--exit-after-first-frame"]), ""


def _optional_subjects(args: argparse.Namespace, notes: list[str]) -> tuple[Subject, ...]:
    """Chromium and the bundle, when asked for and present (else a note says why not)."""
    optional: list[Subject] = []
    if args.no_chromium:
        notes.append("Chromium skipped: --no-chromium")
    else:
        chromium, why = chromium_subject(args.chromium)
        if chromium is None:
            notes.append(why)
        else:
            optional.append(chromium)
    if args.bundle is not None:
        bundle, why = bundle_subject(args.bundle)
        if bundle is None:
            notes.append(why)
        else:
            optional.append(bundle)
    if args.before is not None:
        pair, why = before_subjects(args.before)
        if pair is None:
            notes.append(why)
        else:
            optional.extend(pair)
    return tuple(optional)


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, the verdicts and the ratio line; 1 if a subject failed."""
    args = parse_args(argv)
    kiosk, baseline, ready = subjects()
    notes: list[str] = []
    measured = (kiosk, baseline, ready, *_optional_subjects(args, notes))
    try:
        samples = run_benchmark(measured, args.repeat, args.timeout, notes)
    except BenchmarkError as error:
        print(f"startup.py: {error}", file=sys.stderr)
        return 1
    startup, memory = ratios(samples[kiosk.name], samples[baseline.name])
    smallest = min(sample.peak_rss_kib for runs in samples.values() for sample in runs)
    parent = proctree.parent_note(smallest)
    if parent is not None:
        notes.append(parent)
    if args.json is not None:
        write_json(args.json, samples, startup, memory, notes)
    print(format_table(samples))
    print(
        "RSS: the started process's own peak (kernel); summed RSS: its whole process group, "
        f"sampled every {proctree.DEFAULT_INTERVAL_S * 1000:g} ms"
    )
    ready_time, ready_memory = ratios(samples[ready.name], samples[baseline.name])
    print(
        f"fully loaded (information, no target): time {ready_time:.2f}x, "
        f"memory {ready_memory:.2f}x the baseline's first frame"
    )
    for note in notes:
        print(note)
    if CHROMIUM_NAME in samples:
        time_ratio, chromium_memory = chromium_ratios(samples[kiosk.name], samples[CHROMIUM_NAME])
        print(chromium_verdict(time_ratio, chromium_memory, samples[CHROMIUM_NAME]))
    if BUNDLE_NAME in samples:
        bundle_time, bundle_memory = ratios(samples[BUNDLE_NAME], samples[kiosk.name])
        print(
            f"bundle vs source (information, no target): time {bundle_time:.2f}x, "
            f"memory {bundle_memory:.2f}x the source checkout's first frame"
        )
    if BEFORE_NAME in samples and AFTER_NAME in samples:
        print(before_after(samples[BEFORE_NAME], samples[AFTER_NAME], samples[baseline.name]))
    print(verdict(startup, memory))
    print(f"startup_ratio={startup:.2f} memory_ratio={memory:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
