"""How the kiosk's start-up and memory grow with the exhibit: moments and large images.

Exhibits are generated into a temporary folder (bench/exhibit_gen.py: the bundled content
with ``M`` timeline moments, the first ``I`` of them with a 4000x3000 picture, JPEG or PNG),
each checked with ``kiosk validate``.  For each, in alternating rounds:

- ``first frame``: ``kiosk run --content DIR --exit-after-first-frame`` as a fresh process,
  timed from spawn to its ``first-frame`` line, with its peak RSS (kernel) and the sampled
  summed RSS of its process group (as bench/startup.py does);
- ``ready``: the same with ``--exit-when-ready``: every screen built, the timeline (its year
  rail and its first picture) included;
- ``timeline``: a child process (this script with ``--probe DIR``) builds the kiosk as the
  tests do, opens the timeline and steps through the first moments, timing each from the
  call to the end of the first frame that shows it (bench/frames.py's frame clock), and
  reports the window's width and its own peak RSS.

The table shows each figure's median and its growth relative to the smallest exhibit, and
the growth exponent ``log(time ratio) / log(content ratio)`` (1 = linear in the content,
0 = independent of it).  The aim (the project's issue) is growth far slower than the content:
judged here as an exponent <= 0.25 (250 times the moments may cost at most 4 times the
time), this script's reading of "far slower".

    .venv/bin/python bench/scale.py [--repeat N] [--json FILE] [--workdir DIR]
        [--exhibits 4:0,100:0,1000:0,1000:50,1000:200]

``--workdir`` keeps the generated exhibits for the next run (drawing 200 pictures takes a
minute or two).  A measurement, not a test: it exits 0 when everything was measured.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import exhibit_gen
import proctree
from arguments import positive_int

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EXHIBITS = ((4, 0), (100, 0), (1000, 0), (1000, 50), (1000, 200))
DEFAULT_REPEAT = 3
TIMEOUT_S = 180.0
GROWTH_TARGET = 0.25
WINDOW = "1920x1080"
STAMP = "bench-exhibit.json"


@dataclass(frozen=True)
class Exhibit:
    """A generated exhibit and what it holds."""

    moments: int
    images: int
    folder: Path
    yaml_kib: float
    image_mib: float
    validate_s: float
    validate_ok: bool
    validate_summary: str

    @property
    def label(self) -> str:
        return f"{self.moments} moments, {self.images} images"


@dataclass
class Measured:
    """All samples of one exhibit."""

    first_ms: list[float] = field(default_factory=list)
    first_rss_mib: list[float] = field(default_factory=list)
    first_tree_mib: list[float] = field(default_factory=list)
    ready_ms: list[float] = field(default_factory=list)
    ready_rss_mib: list[float] = field(default_factory=list)
    open_ms: list[float] = field(default_factory=list)
    step_jpeg_ms: list[float] = field(default_factory=list)
    step_png_ms: list[float] = field(default_factory=list)
    probe_rss_mib: list[float] = field(default_factory=list)
    window_width: list[int] = field(default_factory=list)


# -- generating ----------------------------------------------------------------------------


def prepare(workdir: Path, moments: int, images: int) -> Exhibit:
    """The exhibit in ``workdir``, generated unless a previous run left it there; validated."""
    folder = workdir / f"exhibit-{moments}m-{images}i"
    stamp = folder / STAMP
    wanted = {"moments": moments, "images": images, "generator": _generator_version()}
    if not (stamp.is_file() and json.loads(stamp.read_text()) == wanted):
        print(f"  generating {moments} moments, {images} images ...", file=sys.stderr, flush=True)
        # In a child process: drawing pictures takes this process's RSS well past the kiosk's,
        # and a child's peak RSS (ru_maxrss) starts from its parent's at fork (Linux carries
        # the high-water mark over exec), which would then be all that is measured.
        subprocess.run(
            [
                *(sys.executable, exhibit_gen.__file__, str(folder)),
                *("--moments", str(moments), "--images", str(images)),
            ],
            check=True,
            env=child_env(workdir),
            stdout=subprocess.DEVNULL,
            timeout=TIMEOUT_S * 10,
        )
        stamp.write_text(json.dumps(wanted), encoding="utf-8")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", str(folder), "--format", "json"],
        capture_output=True,
        text=True,
        env=child_env(workdir),
        timeout=TIMEOUT_S * 4,
        check=False,
    )
    validate_s = time.perf_counter() - started
    try:
        verdict = json.loads(result.stdout)
        summary = f"{verdict['errors']} error(s), {verdict['warnings']} warning(s)"
        errors = [f["message"] for f in verdict["findings"] if f["severity"] == "error"]
        if errors:
            summary += f"; first error: {errors[0]}"
        ok = result.returncode == 0 and bool(verdict["ok"])
    except (json.JSONDecodeError, KeyError, TypeError):
        ok, summary = False, f"exit {result.returncode}: {result.stderr.strip()[-500:]}"
    yaml_kib = sum(path.stat().st_size for path in folder.glob("*.yaml")) / 1024
    image_mib = sum(path.stat().st_size for path in folder.glob("images/*")) / 2**20
    return Exhibit(moments, images, folder, yaml_kib, image_mib, validate_s, ok, summary)


def _generator_version() -> int:
    """Changes whenever exhibit_gen.py does, so stale generated exhibits are redrawn."""
    return int(Path(exhibit_gen.__file__).stat().st_mtime)


def child_env(workdir: Path) -> dict[str, str]:
    """Offscreen Qt, a byte-code cache and station files of the run's own (see startup.py)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPYCACHEPREFIX": str(workdir / "pycache"),
        "KIOSK_CONFIG": str(workdir / "station.yaml"),
        "KIOSK_DATA_DIR": str(workdir / "data"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# -- measuring -------------------------------------------------------------------------------


def run_kiosk(folder: Path, marker: bytes, env: dict[str, str]) -> tuple[float, float, float]:
    """Spawn the kiosk on ``folder``; (ms to ``marker``, peak RSS MiB, sampled summed MiB)."""
    flag = "--exit-after-first-frame" if marker == b"first-frame" else "--exit-when-ready"
    argv = [sys.executable, "-m", "kiosk", "run", "--windowed", "--size", WINDOW]
    argv += ["--content", str(folder), flag]
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        with subprocess.Popen(
            argv,
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=env,
            cwd=REPO_ROOT,
            start_new_session=True,
        ) as proc:
            sampler = proctree.GroupMemorySampler(proc.pid).__enter__()
            watchdog = threading.Timer(TIMEOUT_S, proc.kill)
            watchdog.start()
            try:
                assert proc.stdout is not None
                seen = any(line.strip() == marker for line in proc.stdout)
                reached = time.perf_counter()
                proc.stdout.read()
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
            finally:
                sampler.stop()
                watchdog.cancel()
        if not seen or proc.returncode != 0:
            stderr.seek(0)
            tail = stderr.read().decode("utf-8", "replace")[-2000:]
            raise RuntimeError(f"kiosk on {folder} (exit {proc.returncode}) failed:\n{tail}")
    return (reached - started) * 1000, usage.ru_maxrss / 1024, sampler.peak_kib / 1024


def run_probe(folder: Path, env: dict[str, str]) -> dict[str, float]:
    """This script's --probe mode in a child process; its JSON report."""
    argv = [sys.executable, str(Path(__file__).resolve()), "--probe", str(folder)]
    result = subprocess.run(
        argv, capture_output=True, text=True, env=env, timeout=TIMEOUT_S, check=False
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"timeline probe on {folder} failed:\n{result.stderr[-2000:]}")
    return json.loads(lines[-1])  # type: ignore[no-any-return]


def measure_round(exhibits: list[Exhibit], env: dict[str, str], results: dict[str, Measured]):  # type: ignore[no-untyped-def]
    for exhibit in exhibits:
        measured = results[exhibit.label]
        first = run_kiosk(exhibit.folder, b"first-frame", env)
        measured.first_ms.append(first[0])
        measured.first_rss_mib.append(first[1])
        measured.first_tree_mib.append(first[2])
        ready = run_kiosk(exhibit.folder, b"ready", env)
        measured.ready_ms.append(ready[0])
        measured.ready_rss_mib.append(ready[1])
        probe = run_probe(exhibit.folder, env)
        measured.open_ms.append(probe["open_ms"])
        measured.window_width.append(int(probe["window_width"]))
        measured.probe_rss_mib.append(probe["peak_rss_mib"])
        if probe.get("step_jpeg_ms") is not None:
            measured.step_jpeg_ms.append(probe["step_jpeg_ms"])
        if probe.get("step_png_ms") is not None:
            measured.step_png_ms.append(probe["step_png_ms"])
        print(
            f"  {exhibit.label:<25} first frame {first[0]:7.1f} ms {first[1]:6.1f} MiB, "
            f"ready {ready[0]:7.1f} ms {ready[1]:6.1f} MiB, timeline open "
            f"{probe['open_ms']:7.1f} ms (window {probe['window_width']} px wide), "
            f"{probe['peak_rss_mib']:6.1f} MiB",
            file=sys.stderr,
            flush=True,
        )


# -- the probe (child process) ---------------------------------------------------------------


def probe(folder: Path) -> int:
    """Open the timeline and step through moments; print one JSON line of timings."""
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415
    from PySide6.QtTest import QTest  # noqa: PLC0415

    import frames  # noqa: PLC0415 - sets up Qt offscreen (4K screen) before importing it
    from kiosk.content.loader import load_exhibit  # noqa: PLC0415
    from kiosk.core.session import Screen  # noqa: PLC0415
    from kiosk.ui.application import build_kiosk, create_application  # noqa: PLC0415

    app = create_application(["kiosk-bench-scale"])
    exhibit = load_exhibit(folder)
    kiosk = build_kiosk(app, exhibit)
    window = kiosk.window
    window.resize(*(int(part) for part in WINDOW.split("x")))
    clock = frames.FrameClock(window, lambda: False)
    window.show()
    QTest.qWaitForWindowExposed(window)
    deadline = time.perf_counter() + TIMEOUT_S
    while len(window.screens) < 5 and time.perf_counter() < deadline:
        QTest.qWait(5)
    timeline = window.screens[Screen.TIMELINE]

    def fading() -> bool:
        return window.fade.is_running() or timeline.fade.is_running()  # type: ignore[attr-defined]

    def settle() -> None:
        while fading() and time.perf_counter() < deadline:
            QTest.qWait(5)
        QTest.qWait(20)

    def painted_after(action) -> float:  # type: ignore[no-untyped-def]
        count = len(clock.frames)
        started = time.perf_counter()
        action()
        while len(clock.frames) == count and time.perf_counter() < deadline:
            QCoreApplication.processEvents()
        ended = clock.frames[count].end if len(clock.frames) > count else time.perf_counter()
        settle()
        return (ended - started) * 1000

    kiosk.session.go_home()
    settle()
    report: dict[str, object] = {
        "open_ms": painted_after(lambda: kiosk.session.open(Screen.TIMELINE)),
        "window_width": window.width(),
    }
    jpeg: list[float] = []
    png: list[float] = []
    for index in range(1, min(len(exhibit.timeline), 5)):
        moment = exhibit.timeline[index]
        ms = painted_after(lambda index=index: kiosk.session.set_timeline_index(index))
        if moment.image is not None:
            (png if moment.image.path.endswith(".png") else jpeg).append(ms)
    report["step_jpeg_ms"] = statistics.median(jpeg) if jpeg else None
    report["step_png_ms"] = statistics.median(png) if png else None
    report["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(report), flush=True)
    kiosk.close()
    return 0


# -- reporting --------------------------------------------------------------------------------


def growth_exponent(ratio: float, content_ratio: float) -> float:
    """log(ratio) / log(content ratio): 1 for linear growth, 0 for none."""
    if content_ratio <= 1 or ratio <= 0:
        return float("nan")
    return math.log(ratio) / math.log(content_ratio)


def report(exhibits: list[Exhibit], results: dict[str, Measured]) -> tuple[str, dict[str, object]]:
    base = results[exhibits[0].label]
    base_values = {name: statistics.median(v) for name, v in _series(base).items() if v}
    lines = [
        "start-up and memory: median (min-max) over the rounds; x = median over the smallest "
        "exhibit's",
        f"{'exhibit':<26}{'YAML':>6}{'images':>8}{'first frame':>18}{'x':>6}{'RSS':>20}{'x':>6}"
        f"{'ready':>18}{'x':>6}{'RSS':>22}{'x':>6}",
        f"{'':<26}{'(KiB)':>6}{'(MiB)':>8}{'(ms)':>18}{'':>6}{'(MiB)':>20}{'':>6}"
        f"{'(ms)':>18}{'':>6}{'(MiB)':>22}{'':>6}",
    ]
    table: dict[str, object] = {}
    for exhibit in exhibits:
        m = results[exhibit.label]
        med = {name: statistics.median(v) for name, v in _series(m).items() if v}
        ratio = {
            name: value / base_values[name] for name, value in med.items() if name in base_values
        }
        lines.append(
            f"{exhibit.label:<26}{exhibit.yaml_kib:>6.0f}{exhibit.image_mib:>8.1f}"
            f"{_spread(m.first_ms, 0):>18}{ratio['first_ms']:>6.2f}"
            f"{_spread(m.first_rss_mib, 1):>20}{ratio['first_rss_mib']:>6.2f}"
            f"{_spread(m.ready_ms, 0):>18}{ratio['ready_ms']:>6.2f}"
            f"{_spread(m.ready_rss_mib, 1):>22}{ratio['ready_rss_mib']:>6.2f}"
        )
        table[exhibit.label] = {
            "moments": exhibit.moments,
            "images": exhibit.images,
            "yaml_kib": exhibit.yaml_kib,
            "image_mib": exhibit.image_mib,
            "validate": {
                "ok": exhibit.validate_ok,
                "seconds": exhibit.validate_s,
                "summary": exhibit.validate_summary,
            },
            "median": med,
            "growth": ratio,
            "spread": {name: [min(v), max(v)] for name, v in _series(m).items() if v},
            "samples": asdict(m),
        }
    lines += [
        "",
        "timeline (in-process, 1920x1080, motion on): open = call to first painted frame; "
        "step = next moment to painted",
        f"{'exhibit':<26}{'open':>18}{'x':>6}{'step JPEG':>16}{'step PNG':>18}"
        f"{'window width':>14}{'peak RSS':>22}{'x':>6}",
        f"{'':<26}{'(ms)':>18}{'':>6}{'(ms)':>16}{'(ms)':>18}{'(px)':>14}{'(MiB)':>22}{'':>6}",
    ]
    for exhibit in exhibits:
        m = results[exhibit.label]
        med = {name: statistics.median(v) for name, v in _series(m).items() if v}
        lines.append(
            f"{exhibit.label:<26}{_spread(m.open_ms, 0):>18}"
            f"{med['open_ms'] / base_values['open_ms']:>6.1f}"
            f"{_spread(m.step_jpeg_ms, 0):>16}{_spread(m.step_png_ms, 0):>18}"
            f"{max(m.window_width):>14}{_spread(m.probe_rss_mib, 1):>22}"
            f"{med['probe_rss_mib'] / base_values['probe_rss_mib']:>6.2f}"
        )
    lines += ["", *growth_lines(exhibits, results, table)]
    lines.append("validation (kiosk validate, thorough: decodes every image):")
    for exhibit in exhibits:
        verdict = "pass" if exhibit.validate_ok else "FAIL"
        lines.append(
            f"  {exhibit.label:<25} {verdict} in {exhibit.validate_s:.1f} s: "
            f"{exhibit.validate_summary}"
        )
    return "\n".join(lines), table


def _spread(values: list[float], decimals: int) -> str:
    """'median (min-max)', or '-' when nothing was measured."""
    if not values:
        return "-"
    median = statistics.median(values)
    return f"{median:.{decimals}f} ({min(values):.{decimals}f}-{max(values):.{decimals}f})"


def _series(m: Measured) -> dict[str, list[float]]:
    return {
        "first_ms": m.first_ms,
        "first_rss_mib": m.first_rss_mib,
        "first_tree_mib": m.first_tree_mib,
        "ready_ms": m.ready_ms,
        "ready_rss_mib": m.ready_rss_mib,
        "open_ms": m.open_ms,
        "step_jpeg_ms": m.step_jpeg_ms,
        "step_png_ms": m.step_png_ms,
        "probe_rss_mib": m.probe_rss_mib,
    }


def growth_lines(
    exhibits: list[Exhibit], results: dict[str, Measured], table: dict[str, object]
) -> list[str]:
    """Growth exponents for the moments series (no images) and the images series."""
    lines = [
        "growth (median ratio) and its exponent log(ratio)/log(content ratio); 1 = linear in "
        f"the content, target <= {GROWTH_TARGET}:"
    ]
    plain = [e for e in exhibits if e.images == 0]
    most = max((e.moments for e in exhibits), default=0)
    pictured = [e for e in exhibits if e.moments == most and e.images > 0]
    series = []
    if len(plain) >= 2:
        low, high = plain[0], plain[-1]
        series.append(("moments", low, high, high.moments / low.moments))
    if len(pictured) >= 2:
        low, high = pictured[0], pictured[-1]
        series.append(("images", low, high, high.images / low.images))
    verdicts: dict[str, object] = {}
    quantities = (
        "first_ms",
        "first_rss_mib",
        "ready_ms",
        "ready_rss_mib",
        "open_ms",
        "probe_rss_mib",
    )
    for name, low, high, content_ratio in series:
        low_m, high_m = results[low.label], results[high.label]
        counts = (low.moments, high.moments) if name == "moments" else (low.images, high.images)
        lines.append(
            f"  {name} {counts[0]} -> {counts[1]} ({content_ratio:g}x), "
            f"from '{low.label}' to '{high.label}':"
        )
        for quantity in quantities:
            ratio = statistics.median(getattr(high_m, quantity)) / statistics.median(
                getattr(low_m, quantity)
            )
            exponent = growth_exponent(ratio, content_ratio)
            verdict = "PASS" if exponent <= GROWTH_TARGET or ratio <= 1 else "FAIL"
            lines.append(f"    {quantity:<14} {ratio:6.2f}x  exponent {exponent:5.2f}  {verdict}")
            verdicts[f"{name}:{quantity}"] = {
                "from": low.label,
                "to": high.label,
                "content_ratio": content_ratio,
                "ratio": ratio,
                "exponent": exponent,
                "verdict": verdict,
            }
    table["growth_verdicts"] = verdicts
    return lines


# -- command line ------------------------------------------------------------------------------


def parse_exhibits(text: str) -> list[tuple[int, int]]:
    pairs = []
    for item in text.split(","):
        moments, _, images = item.partition(":")
        pairs.append((int(moments), int(images or 0)))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Start-up time and memory of the kiosk against the exhibit's size."
    )
    parser.add_argument("--repeat", type=positive_int, default=DEFAULT_REPEAT, metavar="N")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers here")
    parser.add_argument(
        "--workdir", type=Path, metavar="DIR", help="keep generated exhibits here for reuse"
    )
    parser.add_argument(
        "--exhibits",
        type=parse_exhibits,
        default=list(DEFAULT_EXHIBITS),
        metavar="M:I,...",
        help="moments:images pairs, smallest first (default "
        + ",".join(f"{m}:{i}" for m, i in DEFAULT_EXHIBITS)
        + ")",
    )
    parser.add_argument("--probe", type=Path, metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe is not None:
        return probe(args.probe)

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kiosk-bench-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        exhibits = [prepare(workdir, moments, images) for moments, images in args.exhibits]
        env = child_env(workdir)
        results = {exhibit.label: Measured() for exhibit in exhibits}
        warm_up = {exhibit.label: Measured() for exhibit in exhibits}
        measure_round(exhibits[:1], env, warm_up)  # fills the byte-code and disk caches
        for round_number in range(1, args.repeat + 1):
            print(f"  round {round_number}/{args.repeat}", file=sys.stderr, flush=True)
            measure_round(exhibits, env, results)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    text, table = report(exhibits, results)
    print(text)
    smallest = min(min(m.first_rss_mib) for m in results.values()) * 1024
    parent = proctree.parent_note(smallest)
    if parent is not None:
        print(parent)
    if args.json is not None:
        payload = {"repeat": args.repeat, "window": WINDOW, "exhibits": table}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
