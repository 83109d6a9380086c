"""Memory held per content reload: what bench/soak.py's hot reloads leave behind, measured fast.

    .venv/bin/python bench/reload_memory.py [--reloads 60] [--warm-up 10] [--top 15]

Builds the real kiosk window offscreen as ``bench/soak.py`` does and switches it between the
bundled exhibit and an edited copy through the same hot-reload path (``ContentReloader``
validates in a child process, ``LiveContent`` applies on the start screen), with no touches
in between.  After the warm-up and at the end it takes a ``tracemalloc`` snapshot (after
``gc.collect()``) and reads the memory held (anonymous resident set after
``malloc_trim(0)``, soak.py's ``resident_memory``), then prints the growth per reload of
both and the biggest growth by traceback.  A 100,000-event soak makes 400 reloads, so
1 KB per reload here is about 0.4 MB there.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import tracemalloc
from pathlib import Path

from PySide6.QtTest import QTest

import kiosk
from kiosk.content.loader import load_exhibit
from kiosk.paths import default_content_dir
from kiosk.ui.application import build_kiosk, create_application

sys.path.insert(0, str(Path(__file__).resolve().parent))

# bench/soak.py: the same window, content rotation and memory reading.
import soak


def _reload(rotation: soak.ContentRotation) -> None:
    applied = rotation.applied
    rotation.switch()
    if not soak.wait_until(lambda: rotation.applied > applied, soak.SETTLE_MS):
        raise SystemExit(f"reload {rotation.requested} was not applied: {rotation.refusals}")
    soak.flush_deletions()


def _snapshot() -> tuple[tracemalloc.Snapshot, soak.Memory | None]:
    soak.flush_deletions()
    memory = soak.resident_memory()  # collects garbage first
    gc.collect()
    return tracemalloc.take_snapshot(), memory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reloads", type=int, default=60)
    parser.add_argument("--warm-up", type=int, default=10)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--frames", type=int, default=25)
    parser.add_argument("--every", type=int, default=0, help="read the memory held every N")
    options = parser.parse_args(argv)

    private = Path(tempfile.mkdtemp(prefix="kiosk-reload-memory-"))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={soak.SCREEN_CONFIG}"
    os.environ["KIOSK_CONFIG"] = str(private / "station.yaml")
    os.environ["KIOSK_DATA_DIR"] = str(private / "data")
    print(f"kiosk from {kiosk.__file__}", flush=True)
    app = create_application(["kiosk-reload-memory"])
    bundled = default_content_dir()
    folders = [bundled, soak.edited_exhibit(private, bundled)]
    built = build_kiosk(app, load_exhibit(bundled))
    window = built.window
    window.resize(1920, 1080)
    window.show()
    QTest.qWaitForWindowExposed(window)
    soak.wait_until(lambda: len(window.screens) == 5, soak.SETTLE_MS)
    try:
        rotation = soak.ContentRotation(built, folders)
        tracemalloc.start(options.frames)
        for _ in range(options.warm_up):
            _reload(rotation)
            window.repaint()
        before, held_before = _snapshot()
        for done in range(1, options.reloads + 1):
            _reload(rotation)
            window.repaint()
            if options.every and done % options.every == 0:
                soak.flush_deletions()
                reading = soak.resident_memory()
                print(f"  after {done} reloads: memory held {soak.memory_text(reading)}")
        after, held_after = _snapshot()
        traced = sum(s.size_diff for s in after.compare_to(before, "filename"))
        print(
            f"{options.reloads} reloads after {options.warm_up} warm-up: traced Python memory "
            f"{traced / 1024:+.1f} KB ({traced / options.reloads / 1024:+.2f} KB per reload)"
        )
        if held_before is not None and held_after is not None:
            held = held_after.held - held_before.held
            print(
                f"memory held {held / 1024:+.1f} KB ({held / options.reloads / 1024:+.2f} KB "
                f"per reload); {soak.memory_text(held_before)} -> {soak.memory_text(held_after)}"
            )
        for stat in after.compare_to(before, "traceback")[: options.top]:
            if stat.size_diff <= 0:
                continue
            print(f"\n{stat.size_diff / 1024:+.1f} KB in {stat.count_diff:+d} blocks")
            for line in stat.traceback.format(limit=options.frames):
                print(f"  {line}")
        return 0
    finally:
        built.close()
        soak.flush_deletions()
        shutil.rmtree(private, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
