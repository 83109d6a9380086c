"""Peak memory of a whole process tree, sampled from /proc: the same method for every subject.

A browser is many processes (browser, zygotes, GPU or utility, renderer...), so its footprint
is the sum over all of them; the kiosk and the bare window are one process each, for which the
sum is simply that process's RSS.  Every subject is started in a new session
(``start_new_session=True``), so its process group id is its own pid and every process it
forks stays in that group; the sampler sums the resident set size of every member of the
group (``/proc/PID/statm``) every few milliseconds and keeps the largest sum.

Honest limits:
- A sample every ``interval_s`` can miss a spike shorter than that; for a single process the
  kernel's own peak (``ru_maxrss``) is exact, and startup.py reports both.
- RSS counts pages shared between processes (libraries, the zygote's pages inherited by the
  renderers) once per process, so a sum over a multi-process browser is larger than the
  memory it really takes.  ``pss_sum_kib`` (proportional set size, shared pages divided among
  their users) is the fairer figure for one moment; it is too expensive to sample often.
- A child's ``ru_maxrss`` starts from its parent's RSS at fork: Linux carries the high-water
  mark over ``exec``.  The kernel's figure for a subject is only its own when the measuring
  process is smaller than the subject; ``parent_note()`` checks that.  The sampled sums are
  not affected.
- Linux only (``/proc``).
"""

from __future__ import annotations

import os
import resource
import threading
from pathlib import Path

PROC = Path("/proc")
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024
DEFAULT_INTERVAL_S = 0.005
# Finding the group's members means reading every process's stat file (about 1.5 ms for 80
# processes on the CI machine); it is done every few samples, reading a known member's RSS
# every sample.  A process that joins the group is counted at most this many samples late.
RESCAN_EVERY = 4


def available() -> bool:
    return (PROC / "self" / "statm").is_file()


def _read(path: str) -> bytes:
    """A small /proc file in one read (cheaper than a Python file object, sampled often)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        return os.read(descriptor, 1 << 16)
    finally:
        os.close(descriptor)


def group_members(pgid: int) -> list[int]:
    """The pids whose process group is ``pgid``."""
    members = []
    for entry in os.scandir(PROC):
        if not entry.name.isdigit():
            continue
        try:
            text = _read(f"/proc/{entry.name}/stat")
        except OSError:  # gone meanwhile
            continue
        # The command name (field 2) may hold spaces and parentheses: split after the last ')'.
        fields = text[text.rfind(b")") + 2 :].split()
        if int(fields[2]) == pgid:  # state, ppid, pgrp
            members.append(int(entry.name))
    return members


def rss_kib(pid: int) -> int:
    """The process's resident set size in KiB; 0 when it has gone (or is a zombie)."""
    try:
        return int(_read(f"/proc/{pid}/statm").split()[1]) * PAGE_KIB
    except (OSError, IndexError, ValueError):
        return 0


def pss_kib(pid: int) -> int:
    """The process's proportional set size in KiB (shared pages divided among users)."""
    try:
        for line in _read(f"/proc/{pid}/smaps_rollup").splitlines():
            if line.startswith(b"Pss:"):
                return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return 0


def pss_sum_kib(pgid: int) -> int:
    """One snapshot: the group's summed proportional set size in KiB."""
    return sum(pss_kib(pid) for pid in group_members(pgid))


def own_peak_rss_kib() -> int:
    """This (the measuring) process's own peak RSS in KiB."""
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def parent_note(smallest_child_peak_kib: float) -> str | None:
    """A warning when the kernel's peak for a child may be this process's, not the child's."""
    own = own_peak_rss_kib()
    if own < 0.9 * smallest_child_peak_kib:
        return None
    return (
        f"warning: this measuring process peaked at {own / 1024:.1f} MiB, near or above a "
        f"subject's kernel peak ({smallest_child_peak_kib / 1024:.1f} MiB): a child's "
        "ru_maxrss starts from its parent's RSS, so that figure may not be the child's own "
        "(the sampled summed RSS is not affected)"
    )


class GroupMemorySampler:
    """Samples the summed RSS of a process group on a thread until stopped; keeps the peak."""

    def __init__(self, pgid: int, interval_s: float = DEFAULT_INTERVAL_S) -> None:
        self.pgid = pgid
        self.interval_s = interval_s
        self.peak_kib = 0
        self.peak_processes = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-sampler", daemon=True)

    def __enter__(self) -> GroupMemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> int:
        """Stop sampling (idempotent); the peak summed RSS in KiB."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        return self.peak_kib

    def sample_now(self, members: list[int]) -> None:
        total = sum(rss_kib(pid) for pid in members)
        self.samples += 1
        if total > self.peak_kib:
            self.peak_kib, self.peak_processes = total, len(members)

    def _run(self) -> None:
        members = [self.pgid]
        tick = 0
        while True:
            if tick % RESCAN_EVERY == 0:
                members = group_members(self.pgid) or [self.pgid]
            self.sample_now(members)
            tick += 1
            if self._stop.wait(self.interval_s):
                break
