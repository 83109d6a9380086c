"""Staff mode reads off the GUI thread and hands the visitor's idle timer back to the
visit's rule: the visit counts' summary and a stick's pack manifests are read on the staff
worker's thread (the exhibit never freezes on a slow stick or a large counts file), and
locking the panel lets the controller decide whether the visitor's timer runs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import kiosk.packs.archive
from conftest import Finger, KioskFactory
from kiosk.analytics.store import AnalyticsStore, default_db_path
from kiosk.content.model import Exhibit
from kiosk.core.reloader import ContentReloader
from kiosk.core.session import Screen
from kiosk.security import hash_pin
from kiosk.station_config import StaffSettings, StationConfig
from kiosk.ui.application import Kiosk
from kiosk.ui.staff.mode import StaffMode
from test_staff_mode import PIN, REPO, Checks, corner_gesture, enter_pin, settle, staff_mode_on

Staffed = tuple[Kiosk, StaffMode, Path]


@pytest.fixture
def staffed(
    qtbot: QtBot, make_kiosk: KioskFactory, exhibit: Exhibit, tmp_path: Path
) -> Iterator[Staffed]:
    usb = tmp_path / "usb"
    usb.mkdir()
    staff = StaffSettings(pin_hash=hash_pin(PIN), taps=4, hold_seconds=0.3, auto_lock_seconds=60)
    config = StationConfig(staff=staff, watched_folders=(usb,))
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    reloader = ContentReloader(REPO / "content", kiosk.window)
    checks = Checks(reloader)
    mode = staff_mode_on(kiosk, reloader, config)
    yield kiosk, mode, usb
    mode.lock()
    # A check still running is let finish, not killed with the window.
    qtbot.waitUntil(lambda: not checks.running and mode.action is None, timeout=60_000)


def recorded_threads(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[int]]:
    """The thread each reader ran on, recorded by small hooks around the real readers."""
    seen: dict[str, list[int]] = {"summary": [], "manifest": []}
    summary, open_pack = AnalyticsStore.summary, kiosk.packs.archive.open_pack

    def summary_hook(self: AnalyticsStore) -> Any:
        seen["summary"].append(threading.get_ident())
        return summary(self)

    def open_pack_hook(*args: Any, **kwargs: Any) -> Any:
        seen["manifest"].append(threading.get_ident())
        return open_pack(*args, **kwargs)

    monkeypatch.setattr(AnalyticsStore, "summary", summary_hook)
    monkeypatch.setattr(kiosk.packs.archive, "open_pack", open_pack_hook)
    return seen


def test_the_counts_and_a_sticks_manifests_are_read_off_the_gui_thread(
    qtbot: QtBot, staffed: Staffed, tmp_path: Path, finger: Finger, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, mode, usb = staffed
    with AnalyticsStore(default_db_path()) as store:
        store.count("visit")
    folder = tmp_path / "content"
    shutil.copytree(REPO / "content", folder)
    subprocess.run(
        [sys.executable, "-m", "kiosk", "pack", "build", str(folder), "-o", str(usb / "a.zip")],
        check=True,
        capture_output=True,
    )
    seen = recorded_threads(monkeypatch)
    qtbot.waitUntil(lambda: bool(mode.packs.listing.packs), timeout=10_000)
    corner_gesture(qtbot, finger, mode)
    enter_pin(finger, mode, PIN)
    settle(qtbot, mode)
    assert "Visits today (UTC): 1" in mode.panel.visits.text()  # read, and shown
    assert usb / "a.zip" in mode.panel.pack_buttons
    gui = threading.get_ident()
    assert seen["summary"] and gui not in seen["summary"]
    assert seen["manifest"] and gui not in seen["manifest"]


def test_locking_the_panel_follows_the_visits_rule_for_the_idle_timer(
    qtbot: QtBot, staffed: Staffed, finger: Finger
) -> None:
    kiosk, mode, _ = staffed
    kiosk.session.go_home()
    kiosk.session.back()  # a visitor came Back to the start screen: still a visit
    assert kiosk.session.screen is Screen.ATTRACT and kiosk.idle.running
    mode.ask_for_pin()
    enter_pin(finger, mode, PIN)
    assert mode.is_open and not kiosk.idle.running  # staff at work are not timed out
    mode.lock()
    assert kiosk.idle.running  # what the visitor chose must not greet the next one


def test_a_reading_asked_for_while_it_runs_runs_once_more_with_the_newest_ask(
    qtbot: QtBot,
) -> None:
    from kiosk.ui.staff.worker import StaffWorker  # noqa: PLC0415

    worker = StaffWorker()
    release = threading.Event()
    ran: list[str] = []
    shown: list[tuple[str, int]] = []

    def job(name: str) -> Any:
        def run() -> str:
            if name == "first":
                release.wait(timeout=30)  # a hang guard; the test releases it at once
            ran.append(name)
            return name

        return run

    worker.run(
        "reading", job("first"), lambda result: shown.append((result, threading.get_ident()))
    )
    worker.run("reading", job("second"), lambda result: shown.append((result, 0)))
    worker.run(
        "reading", job("third"), lambda result: shown.append((result, threading.get_ident()))
    )
    assert worker.busy
    release.set()
    qtbot.waitUntil(lambda: not worker.busy, timeout=30_000)
    assert ran == ["first", "third"]  # the second ask was overtaken by the third
    gui = threading.get_ident()
    assert [result for result, _ in shown] == ["first", "third"]
    assert all(thread == gui for _, thread in shown)  # results are shown on the GUI thread
