"""The staff panel without dead ends: it stays open while staff read a result, rolls back
whatever the last switch was (to the factory exhibit too), names versions and packs by their
human names, asks before a downgrade, and picks up a new PIN without a restart."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from conftest import Finger
from kiosk.analytics.store import AnalyticsStore, default_db_path
from kiosk.content.issues import Issue, Location
from kiosk.core.reloader import ContentReloader
from kiosk.core.session import Screen
from kiosk.ops import health
from kiosk.packs.store import ContentStore
from kiosk.security import hash_pin
from kiosk.staff_cli import config_with_pin, write_private
from kiosk.station_config import StaffSettings, StationConfig
from kiosk.ui.live_content import LiveContent
from kiosk.ui.staff.mode import StaffMode
from test_staff_mode import (
    PIN,
    REPO,
    Checks,
    Staffed,
    enter_pin,
    settle,
    staff_mode_on,
    tap_in_panel,
)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit

TITLE = "20 January - National Mourning Day"


@pytest.fixture
def station(tmp_path: Path) -> StationConfig:
    # The configuration file is conftest's (tmp_path/station.yaml): a PIN set there while
    # the kiosk runs is read by the tests below.
    usb = tmp_path / "usb"
    usb.mkdir()
    staff = StaffSettings(pin_hash=hash_pin(PIN), taps=4, hold_seconds=0.3, auto_lock_seconds=60)
    return StationConfig(staff=staff, watched_folders=(usb,))


@pytest.fixture
def staffed(
    qtbot: QtBot,
    make_kiosk: KioskFactory,
    exhibit: Exhibit,
    station: StationConfig,
    tmp_path: Path,
) -> Iterator[Staffed]:
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    # A copy: edits in the checkout while the test runs must not start checks of their own.
    shown = tmp_path / "shown"
    shutil.copytree(REPO / "content", shown)
    reloader = ContentReloader(shown, kiosk.window)
    checks = Checks(reloader)
    LiveContent(kiosk.controller, reloader, parent=kiosk.window)
    mode = staff_mode_on(kiosk, reloader, station)
    yield kiosk, mode
    mode.lock()
    # A check still running (after an install) is let finish, not killed with the window.
    qtbot.waitUntil(lambda: not checks.running and mode.action is None, timeout=60_000)


def chord(mode: StaffMode) -> None:
    """The maintenance keyboard's chord: opens the PIN pad without touching the screen, so
    the start screen stays the start screen."""
    QTest.keyClick(
        mode.window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier,
    )


def open_from_start(qtbot: QtBot, mode: StaffMode, finger: Finger, pin: str = PIN) -> None:
    chord(mode)
    assert mode.pin_pad.isVisible()
    enter_pin(finger, mode, pin)
    settle(qtbot, mode)


def make_pack(tmp_path: Path, name: str, title: str) -> Path:
    folder = tmp_path / f"content-{name}"
    shutil.copytree(REPO / "content", folder)
    exhibit_file = folder / "exhibit.yaml"
    text = exhibit_file.read_text(encoding="utf-8")
    exhibit_file.write_text(text.replace(f"  en: {TITLE}", f"  en: {title}", 1), encoding="utf-8")
    pack = tmp_path / f"{name}.kioskpack"
    subprocess.run(
        [sys.executable, "-m", "kiosk", "pack", "build", str(folder), "-o", str(pack)],
        check=True,
        capture_output=True,
    )
    return pack


def install(pack: Path, *extra: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "kiosk", "pack", "install", *extra, str(pack)],
        check=True,
        capture_output=True,
    )


def test_the_panel_stays_open_after_a_check_from_the_start_screen(
    qtbot: QtBot, staffed: Staffed, finger: Finger
) -> None:
    kiosk, mode = staffed
    assert kiosk.session.screen is Screen.ATTRACT
    open_from_start(qtbot, mode, finger)
    assert mode.is_open and kiosk.session.screen is Screen.ATTRACT
    live = kiosk.window.findChild(LiveContent)
    assert live is not None
    with qtbot.waitSignal(live.applied, timeout=60_000):  # the checked content is applied
        finger.tap(mode.panel.check_button)
    assert mode.is_open
    centre = kiosk.window.rect().center()
    on_top = kiosk.window.childAt(centre)
    assert on_top is not None and (on_top is mode.panel or mode.panel.isAncestorOf(on_top))
    text = mode.panel.result.text()
    assert "no errors" in text.lower()
    assert "error(s)" not in mode.panel.findings.text()


def test_a_new_pin_takes_effect_without_a_restart(
    qtbot: QtBot, staffed: Staffed, tmp_path: Path, finger: Finger
) -> None:
    _, mode = staffed
    write_private(
        tmp_path / "station.yaml", config_with_pin("", hash_pin("97531"))
    )  # what kiosk staff set-pin does
    open_from_start(qtbot, mode, finger, "97531")
    assert mode.is_open
    mode.lock()
    open_from_start(qtbot, mode, finger, PIN)  # the old PIN no longer opens it
    assert not mode.is_open
    assert mode.pin_pad.message.text() == "Wrong PIN."


def test_roll_back_after_a_first_install_offers_the_factory_exhibit(
    qtbot: QtBot, staffed: Staffed, tmp_path: Path, finger: Finger
) -> None:
    _, mode = staffed
    install(make_pack(tmp_path, "exhibit-2026-01", "First pack"))
    open_from_start(qtbot, mode, finger)
    tap_in_panel(finger, mode, mode.panel.rollback_button)
    question = mode.panel.confirm_text.text()
    assert "kiosk pack" not in question  # no terminal command on a cage kiosk
    assert f"'{TITLE}'" in question and "factory" in question
    tap_in_panel(finger, mode, mode.panel.confirm_yes)
    qtbot.waitUntil(lambda: mode.action is None, timeout=60_000)
    assert ContentStore.default().active_id() is None
    assert mode.panel.result.text().startswith("Done.")
    assert mode.is_open


def test_repeated_roll_backs_name_what_will_show(
    qtbot: QtBot, staffed: Staffed, tmp_path: Path, finger: Finger
) -> None:
    _, mode = staffed
    install(make_pack(tmp_path, "exhibit-2026-01", "First pack"))
    install(make_pack(tmp_path, "exhibit-2026-02", "Second pack"))
    open_from_start(qtbot, mode, finger)
    tap_in_panel(finger, mode, mode.panel.rollback_button)
    question = mode.panel.confirm_text.text()
    assert "'First pack'" in question and "exhibit-2026-01.kioskpack" in question
    assert "made " in question
    tap_in_panel(finger, mode, mode.panel.confirm_yes)
    qtbot.waitUntil(lambda: mode.action is None, timeout=60_000)
    tap_in_panel(finger, mode, mode.panel.rollback_button)
    assert "factory" in mode.panel.confirm_text.text()
    tap_in_panel(finger, mode, mode.panel.confirm_no)
    tap_in_panel(finger, mode, mode.panel.factory_button)
    assert f"'{TITLE}'" in mode.panel.confirm_text.text()
    tap_in_panel(finger, mode, mode.panel.confirm_yes)
    qtbot.waitUntil(lambda: mode.action is None, timeout=60_000)
    assert ContentStore.default().active_id() is None


def test_versions_have_human_names(
    qtbot: QtBot, staffed: Staffed, tmp_path: Path, finger: Finger
) -> None:
    _, mode = staffed
    install(make_pack(tmp_path, "exhibit-2026-01", "First pack"))
    open_from_start(qtbot, mode, finger)
    text = mode.panel.versions.text()
    assert "First pack" in text and "exhibit-2026-01.kioskpack" in text
    assert "made " in text and "installed " in text and "showing" in text.lower()
    assert "unsigned" in text.lower() or "signed" in text.lower()


def test_a_pack_already_showing_says_so_and_an_older_one_asks_with_both_dates(
    qtbot: QtBot, staffed: Staffed, station: StationConfig, tmp_path: Path, finger: Finger
) -> None:
    _, mode = staffed
    older = make_pack(tmp_path, "exhibit-2026-01", "Older pack")
    newer = make_pack(tmp_path, "exhibit-2026-02", "Newer pack")
    install(newer)
    usb = station.watched_folders[0]
    with qtbot.waitSignal(mode.packs.packs_changed, timeout=10_000):
        shutil.copyfile(newer, usb / "exhibit-2026-02.kioskpack")
        shutil.copyfile(older, usb / "exhibit-2026-01.zip")
    qtbot.waitUntil(lambda: len(mode.packs.listing.packs) == 2, timeout=10_000)
    open_from_start(qtbot, mode, finger)
    showing = mode.panel.pack_buttons[usb / "exhibit-2026-02.kioskpack"]
    assert not showing.isEnabled() and "showing" in showing.text().lower()
    old = mode.panel.pack_buttons[usb / "exhibit-2026-01.zip"]
    assert old.isEnabled()
    tap_in_panel(finger, mode, old)
    question = mode.panel.confirm_text.text()
    assert question.count("made ") == 2 and "older" in question.lower()
    tap_in_panel(finger, mode, mode.panel.confirm_yes)
    qtbot.waitUntil(lambda: mode.action is None, timeout=60_000)
    assert mode.panel.result.text().startswith("Installed.")
    assert "exhibit-2026-01" in (ContentStore.default().versions()[0].source or "")


def test_the_stations_problems_are_named_at_the_top_of_the_panel(
    qtbot: QtBot, staffed: Staffed, finger: Finger
) -> None:
    _, mode = staffed
    problem = (
        "The data folder /var/lib/kiosk cannot be written (the disk is read-only): visit "
        "counts, the health report and the record of wrong PINs are not saved."
    )
    mode.health_source = lambda: {"uptime_s": 60, "starts": 1, "problems": [problem]}
    open_from_start(qtbot, mode, finger)
    assert mode.panel.problems.isVisible()
    assert problem in mode.panel.problems.text()
    assert mode.panel.problems.text().startswith("Problems:")
    mode.lock()
    mode.health_source = lambda: {"uptime_s": 60, "starts": 1, "problems": []}
    open_from_start(qtbot, mode, finger)
    assert not mode.panel.problems.isVisible()


def test_the_panel_stays_open_after_an_install_from_the_start_screen(
    qtbot: QtBot, staffed: Staffed, station: StationConfig, tmp_path: Path, finger: Finger
) -> None:
    kiosk, mode = staffed
    usb = station.watched_folders[0]
    with qtbot.waitSignal(mode.packs.packs_changed, timeout=10_000):
        shutil.copyfile(make_pack(tmp_path, "exhibit-2026-01", "Installed pack"), usb / "a.zip")
    open_from_start(qtbot, mode, finger)
    tap_in_panel(finger, mode, mode.panel.pack_buttons[usb / "a.zip"])
    live = kiosk.window.findChild(LiveContent)
    assert live is not None
    with qtbot.waitSignal(live.applied, timeout=60_000):  # shown at once: on the start screen
        finger.tap(mode.panel.confirm_yes)
    settle(qtbot, mode)  # the outcome is shown with the store read again
    assert mode.is_open
    assert mode.panel.result.text() == "Installed. Visitors see it from the next start screen."
    assert kiosk.window.attract.title.text() == "Installed pack"
    assert "showing now" in mode.panel.pack_buttons[usb / "a.zip"].text()


@pytest.mark.parametrize(
    ("errors", "words"), [(1, "1 ошибка"), (3, "3 ошибки"), (5, "5 ошибок"), (21, "21 ошибка")]
)
def test_russian_counts_take_the_right_plural_form(
    staffed: Staffed, errors: int, words: str
) -> None:
    kiosk, mode = staffed
    kiosk.session.set_language("ru")
    issue = Issue("error", Location("content/exhibit.yaml", 1, 1), "x")
    mode.panel.set_findings([issue] * errors)
    assert mode.panel.findings.text().startswith(f"Последняя проверка: {words}, 0 предупреждений")


def test_a_station_file_broken_while_running_holds_no_pin(
    qtbot: QtBot, staffed: Staffed, tmp_path: Path, finger: Finger
) -> None:
    _, mode = staffed
    (tmp_path / "station.yaml").write_text('staff:\n  pin_hash: "unclosed\n', encoding="utf-8")
    chord(mode)  # security settings fail closed: no PIN, only how to set one
    assert "kiosk staff set-pin" in mode.pin_pad.message.text()
    assert not any(key.isVisibleTo(mode.pin_pad) for key in mode.pin_pad.keys.values())


def test_the_stations_problems_are_named_in_the_staffs_language(staffed: Staffed) -> None:
    kiosk, mode = staffed
    kiosk.session.set_language("ru")
    data = health.DATA_FOLDER % ("/var/lib/kiosk %2", health.FULL)
    altered = health.ALTERED % "version 20260120T000000Z-0badc0de: 'exhibit.yaml' differs"
    unknown = "Something new the panel has no words for."
    mode.panel.set_health([], [data, altered, unknown])
    text = mode.panel.problems.text()
    assert text.startswith("Проблемы:")
    assert "/var/lib/kiosk %2" in text and "диск заполнен" in text  # filled in once
    assert "version 20260120T000000Z-0badc0de: 'exhibit.yaml' differs" in text
    assert "The data folder" not in text and unknown in text


def test_the_health_lines_and_the_visit_counts_are_in_the_staffs_language(
    qtbot: QtBot, staffed: Staffed, finger: Finger
) -> None:
    kiosk, mode = staffed
    with AnalyticsStore(default_db_path()) as store:
        for _ in range(3):
            store.count("visit")
    mode.health_source = lambda: {
        "uptime_s": 7260,
        "starts": 3,
        "memory_mib": 101.5,
        "versions": {"qt": "6.11.3", "pyside6": "6.11.3"},
        "last_error": None,
    }
    kiosk.session.set_language("ru")
    open_from_start(qtbot, mode, finger)
    health = mode.panel.health.text()
    assert "работает 2 ч 1 мин; 3 запуска" in health and "память 101.5 МиБ" in health
    assert "последняя ошибка: -" in health and "uptime" not in health
    visits = mode.panel.visits.text()
    assert "Посещений сегодня (UTC): 3" in visits
    assert "Посещений за последние 7 дней: 3" in visits and "Visits" not in visits
