"""Shared by the hostile-content tests: a baseline content folder, crafted image files, and
the bounds every hostile case must keep: an answer (never a hang) and bounded memory.

How fast the answers come is a benchmark's business, not a test's (a busy machine moves
every wall-clock figure): ``bench/hostile_timing.py`` runs these same tests with
``KIOSK_HOSTILE_TIMINGS`` set, collects each answer's time through :func:`record`, and
judges it against the issue's one second and against the good content's own time measured
in the same run."""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import TypedDict

from content_cases import build_case
from kiosk.content.validate import validate_folder

# A hang guard, not a speed bound: far above any answer on a loaded machine (the issue's
# one second is judged by bench/hostile_timing.py), far below a validator that never ends
# (measure_isolated's child is killed at 60 s).  The name is kept for its importers.
SECONDS = 30.0
# Where record() appends each answer's time (JSON lines), when the benchmark asks.
TIMINGS_ENV = "KIOSK_HOSTILE_TIMINGS"
# "Large" memory growth: the largest legal content file is 2 MiB and its tree (at most
# 50,000 values) takes tens of MiB; 200 MiB is a hundred times the file and still a small
# share of a kiosk PC's memory, while a file read or expanded whole (50 MB of YAML, a
# /dev/zero, an alias bomb) grows by gigabytes or never stops.
MAX_GROWTH_MIB = 200
# The image decoder runs in its own process (limited to 2 GiB of address space); a 40 MP
# picture decodes through about 150-250 MiB there.
MAX_DECODER_MIB = 400

# `kiosk validate` style: one finding per line, always with a line and a column.
FINDING = re.compile(r"^[\w./-]+:[1-9]\d*:[1-9]\d*: (error|warning): [^\n\r]+$")
# Where the baseline's 1991 moment names its picture (the fixtures' image line).
IMAGE_AT = "timeline.yaml:23:12"


def baseline(tmp_path: Path) -> Path:
    """The shipped content in English only, with pictures/light.png on the 1991 moment."""
    return build_case("image-ok", tmp_path)


def set_image(folder: Path, reference: str) -> None:
    """Point the 1991 moment's picture at ``reference`` (any characters: JSON escapes are
    valid in a YAML double-quoted string)."""
    path = folder / "timeline.yaml"
    text = path.read_text(encoding="utf-8")
    old = "image: pictures/light.png"
    assert text.count(old) == 1
    path.write_text(text.replace(old, f"image: {json.dumps(reference)}"), encoding="utf-8")


def record(seconds: float, kind: str = "validate") -> None:
    """Hand one answer's time to bench/hostile_timing.py, when it is the one running us."""
    target = os.environ.get(TIMINGS_ENV)
    if not target:
        return
    test = os.environ.get("PYTEST_CURRENT_TEST", "?").rsplit(" (", 1)[0]
    with Path(target).open("a", encoding="utf-8") as out:
        out.write(json.dumps({"test": test, "kind": kind, "seconds": seconds}) + "\n")


def timed_findings(folder: Path) -> tuple[list[str], float]:
    """`kiosk validate`'s findings as it prints them, and how long they took."""
    start = time.perf_counter()
    issues = validate_folder(folder)
    elapsed = time.perf_counter() - start
    record(elapsed)
    return [str(issue) for issue in issues], elapsed


def assert_answered(folder: Path, *expected: str) -> list[str]:
    """Each expected finding (exact lines) is reported, every line is well formed, and the
    verdict came at all (a hang guard; its speed is bench/hostile_timing.py's)."""
    findings, elapsed = timed_findings(folder)
    assert elapsed < SECONDS, f"no answer for {elapsed:.0f} s: {findings[:3]}"
    for line in findings:
        assert FINDING.match(line), f"not a one-line finding with a place: {line!r}"
    for line in expected:
        assert line in findings, f"{line!r} not in {findings}"
    return findings


def errors(findings: list[str]) -> list[str]:
    return [line for line in findings if ": error: " in line]


# --- hostile YAML ------------------------------------------------------------------------


def billion_laughs() -> bytes:
    """The classic: nine levels of nine aliases each, a billion strings if expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def nested(depth: int, style: str) -> bytes:
    if style == "block-mapping":
        return "".join("  " * level + "a:\n" for level in range(depth)).encode()
    if style == "block-sequence":
        return b"- " * depth + b"x\n"
    if style == "flow-sequence":
        return b"a: " + b"[" * depth + b"]" * depth + b"\n"
    return b"a: " + b"{a: " * depth + b"x" + b"}" * depth + b"\n"


# --- crafted images ------------------------------------------------------------------------


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, idat: bytes | None = None) -> bytes:
    """An 8-bit RGB PNG with a correct IHDR (and CRCs); by default a tiny IDAT of one row."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\0" * (min(width, 16) * 3 + 1)) if idat is None else idat
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


def png_bomb(side: int) -> bytes:
    """A real, complete black PNG of side x side pixels that compresses ~1000:1."""
    raw = b"\0" * ((side * 3 + 1) * side)
    return png(side, side, zlib.compress(raw, 9))


def animated_gif() -> bytes:
    """Two 1x1 frames that loop forever (NETSCAPE2.0), written by hand."""
    frame = (
        b"\x21\xf9\x04\x04\x0a\x00\x00\x00"  # graphic control: 0.1 s delay
        b"\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00"  # image descriptor 1x1
        b"\x02\x02\x44\x01\x00"  # LZW data
    )
    return (
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00"  # screen 1x1, global colour table of 2
        b"\x00\x00\x00\xff\xff\xff"
        b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00" + frame + frame + b"\x3b"  # loop forever
    )


# --- memory, measured in a process of its own -------------------------------------------

_MEASURE = """
import json, os, resource, sys, time
from pathlib import Path
from typing import TypedDict
from kiosk.content.validate import validate_folder

def status_kib(field):
    # Linux: the process's own high-water mark, which exec resets (ru_maxrss keeps the
    # parent's size from before the exec) and clear_refs can reset again.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux

try:  # a regression that reads without end fails fast instead of starving the machine
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # as the image probe's
except (ValueError, OSError):
    pass
validate_folder(Path(sys.argv[1]))  # warm: imports, font coverage
try:
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")  # the high-water mark starts again from here
    before = status_kib("VmRSS")
except OSError:
    before = status_kib("VmHWM")
start = time.perf_counter()
issues = validate_folder(Path(sys.argv[2]))
ballast = b"x" * (int(os.environ.get("HOSTILE_BALLAST_MIB", "0")) << 20)  # the meter's test
seconds = time.perf_counter() - start
after = status_kib("VmHWM")
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({
    "growth_kib": after - before, "peak_kib": after, "children_kib": children,
    "seconds": seconds, "findings": [str(issue) for issue in issues],
}))
"""


class Measured(TypedDict):
    """What the measuring interpreter prints (sizes in KiB)."""

    growth_kib: int
    peak_kib: int
    children_kib: int
    seconds: float
    findings: list[str]


def measure_isolated(folder: Path, warm: Path, ballast_mib: int = 0) -> Measured:
    """Validate ``folder`` in a fresh interpreter (after validating the good ``warm`` one),
    reporting the growth of its peak RSS during that call (KiB) and its children's peak
    (the image probe's; ru_maxrss, KiB on Linux)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOSTILE_BALLAST_MIB=str(ballast_mib))
    # A regression that reads without end fails here rather than hanging the run.
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(warm), str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    report: Measured = json.loads(result.stdout)
    if not ballast_mib:  # the meter's own test times its ballast, not a hostile file
        record(report["seconds"], "isolated")
    return report
