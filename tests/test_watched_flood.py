"""A watched folder flooded with files (a USB stick someone filled): the folder is scanned
off the GUI thread, the panel lists only the newest packs with a count of the rest, and the
watchdog keeps being fed throughout."""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kiosk.core.pack_watch import MAX_LISTED, scan_packs
from kiosk.core.reloader import ContentReloader
from kiosk.ops.notify import Notifier
from kiosk.security import hash_pin
from kiosk.station_config import StaffSettings, StationConfig
from kiosk.ui.heartbeat import Heartbeat
from kiosk.ui.staff.mode import StaffMode

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit

REPO = Path(__file__).resolve().parents[1]
FILES = 20_000
# A short watchdog, so the test sees many pings; systemd's own is longer.
WATCHDOG_S = 4.0


class RecordingNotifier(Notifier):
    """systemd's side of the watchdog: when each ping came."""

    def __init__(self) -> None:
        super().__init__({"WATCHDOG_USEC": str(int(WATCHDOG_S * 1_000_000))})
        self.pings: list[float] = []

    def send(self, message: str) -> bool:
        if message == "WATCHDOG=1":
            self.pings.append(time.monotonic())
        return True

    def largest_gap(self, start: float, end: float) -> float:
        moments = [start, *self.pings, end]
        return max(later - earlier for earlier, later in itertools.pairwise(moments))


def flood(folder: Path, count: int) -> None:
    """``count`` pack files, each a second newer than the one before."""
    base = 1_700_000_000
    for number in range(count):
        path = folder / f"pack-{number:05d}.kioskpack"
        path.touch()
        os.utime(path, (base + number, base + number))


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_the_scan_lists_the_newest_packs_and_counts_the_rest(usb: Path) -> None:
    flood(usb, 50)
    (usb / "notes.txt").touch()
    (usb / "folder.zip").mkdir()  # not a file
    listing = scan_packs((usb, usb.parent / "not-mounted"))
    assert len(listing.packs) == MAX_LISTED
    assert listing.packs[0].name == "pack-00049.kioskpack"  # newest first
    assert listing.packs[-1].name == f"pack-{50 - MAX_LISTED:05d}.kioskpack"
    assert listing.more == 50 - MAX_LISTED


def test_a_flooded_folder_keeps_the_watchdog_fed(
    make_kiosk: KioskFactory,
    qtbot: QtBot,
    exhibit: Exhibit,
    usb: Path,
) -> None:
    flood(usb, FILES)
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    notifier = RecordingNotifier()
    Heartbeat(notifier, kiosk.window).first_frame_shown()
    start = time.monotonic()
    config = StationConfig(staff=StaffSettings(pin_hash=hash_pin("2468")), watched_folders=(usb,))
    reloader = ContentReloader(REPO / "content", kiosk.window)
    mode = StaffMode(kiosk.window, kiosk.controller, config, [], reloader, follow_store=True)
    mode.apply_metrics()
    mode.panel.open()  # staff looking at the list as it fills
    qtbot.waitUntil(lambda: bool(mode.panel.pack_buttons), timeout=120_000)
    assert len(mode.panel.pack_buttons) == MAX_LISTED
    assert mode.panel.more_packs.isVisibleTo(mode.panel)
    assert str(FILES - MAX_LISTED) in mode.panel.more_packs.text()
    newest = usb / "pack-20000.kioskpack"
    newest.touch()  # one more file: what starved the watchdog for 77 s
    qtbot.waitUntil(lambda: newest in mode.panel.pack_buttons, timeout=120_000)
    assert str(FILES + 1 - MAX_LISTED) in mode.panel.more_packs.text()
    assert len(mode.panel.pack_buttons) == MAX_LISTED
    end = time.monotonic()
    gap = notifier.largest_gap(start, end)
    if os.environ.get("KIOSK_REPORT_GAP"):
        print(f"largest heartbeat gap {gap:.3f} s over {end - start:.1f} s")
    assert gap < WATCHDOG_S
