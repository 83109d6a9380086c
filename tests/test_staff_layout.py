"""The staff side laid out by Qt at every size and in every interface language: the panel
with each of its sections full, the PIN pad, and every confirmation, checked for clipped and
overlapping text (the visitor screens' checks), with pictures saved for people to look at."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from conftest import Finger
from kiosk.content.issues import Issue, Location
from kiosk.core.pack_watch import PackListing
from kiosk.core.reloader import ContentReloader
from kiosk.packs.store import FACTORY
from kiosk.security import hash_pin
from kiosk.station_config import StaffSettings, StationConfig
from kiosk.ui.layout_check import find_clipped_text, find_overlapping_text
from kiosk.ui.staff.mode import StaffMode
from kiosk.ui.staff.versions import INSTALLED, NEW, OLDER, SHOWING, FoundPack, Shown
from test_staff_mode import (
    PIN,
    REPO,
    Checks,
    enter_pin,
    overlapping_buttons,
    staff_mode_on,
    tap_in_panel,
)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit

SIZES = [(1920, 1080), (1280, 800), (3840, 2160), (1080, 1920)]
LANGUAGES = ["en", "az", "ru", "pseudo"]
PICTURES = Path(os.environ.get("KIOSK_STAFF_PICTURES", "/work/notes"))
TITLE = "20 January - National Mourning Day"


def fill(mode: StaffMode) -> None:
    """Every section of the panel as full as it gets."""
    panel = mode.panel
    issues = [
        Issue(
            "error" if index % 2 else "warning",
            Location("content/timeline.yaml", 10 + index, 5),
            "a long finding that explains what is wrong and what to do about it, in words",
        )
        for index in range(12)
    ]
    panel.set_findings(issues)
    current = Shown(
        "20260120T090000Z-1a2b3c4d",
        TITLE,
        "exhibit-2026-01.kioskpack",
        "2026-01-20T09:00:00Z",
        "2026-01-21T10:00:00Z",
        "1e52704ffc29a560",
        True,
    )
    altered = Shown(
        "20251201T090000Z-5e6f7a8b",
        "1 December - Day of the Constitution",
        "exhibit-2025-12.kioskpack",
        "2025-12-01T09:00:00Z",
        "2025-12-02T10:00:00Z",
        None,
        False,
        "version 20251201T090000Z-5e6f7a8b: 'exhibit.yaml' differs from its manifest",
    )
    factory = Shown(FACTORY, TITLE, None, None, None, None, False)
    panel.set_content(current, [current, altered, factory])
    panel.set_rollback(altered, factory)
    usb = Path("/media/usb")
    packs = (
        usb / "exhibit-2026-02.kioskpack",
        usb / "exhibit-2026-01.kioskpack",
        usb / "exhibit-2025-11.zip",
        usb / "exhibit-2025-12.kioskpack",
    )
    states = (NEW, SHOWING, OLDER, INSTALLED)
    found = {
        pack: FoundPack(pack, state, "v", "2026-02-01T09:00:00Z", "2026-01-20T09:00:00Z")
        for pack, state in zip(packs, states, strict=True)
    }
    panel.set_packs(PackListing(packs, more=17), found)
    panel.set_health(
        [
            "uptime 26 h 3 min; starts 4",
            "memory 101.5 MiB; content 20260120T090000Z-1a2b3c4d",
            "kiosk 0.1.0, Qt 6.11.3, PySide6 6.11.3",
            "last error: -",
        ],
        [
            "The data folder /var/lib/kiosk cannot be written (the disk is read-only): visit "
            "counts, the health report and the record of wrong PINs are not saved."
        ],
    )
    panel.set_visits(
        "Visits today (UTC): 42; this week: 311; median visit 2 min 10 s",
        [(f"{hour:02d}", (hour * 7) % 13) for hour in range(9, 19)],
        [(f"01-{day:02d}", 30 + day) for day in range(14, 21)],
    )
    panel.show_result(panel.outcome("install", "untrusted", "kiosk pack: refused: " + "x" * 90))


def confirmations(finger: Finger, mode: StaffMode) -> list[tuple[str, Callable[[], None]]]:
    """Each confirmation as staff bring it up: by tapping the button that asks it ("none":
    the panel with no question open)."""
    panel = mode.panel
    usb = Path("/media/usb")

    def tap(button: QWidget) -> Callable[[], None]:
        return lambda: tap_in_panel(finger, mode, button)

    return [
        ("none", lambda: None),
        ("install", tap(panel.pack_buttons[usb / "exhibit-2026-02.kioskpack"])),
        ("older", tap(panel.pack_buttons[usb / "exhibit-2025-11.zip"])),
        ("rollback", tap(panel.rollback_button)),
        ("factory", tap(panel.factory_button)),
        ("restart", tap(panel.station_buttons["restart"])),
        ("exit", tap(panel.station_buttons["exit"])),
    ]


def check(window: QWidget, where: str) -> None:
    for _ in range(3):
        QCoreApplication.processEvents()
    assert find_clipped_text(window) == [], where
    assert find_overlapping_text(window) == [], where


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_staff_side_fits_at_every_size_in_every_language(
    qtbot: QtBot,
    make_kiosk: KioskFactory,
    exhibit: Exhibit,
    size: tuple[int, int],
    tmp_path: Path,
    finger: Finger,
) -> None:
    kiosk = make_kiosk(exhibit, size=size, reduced_motion=True)
    staff = StaffSettings(pin_hash=hash_pin(PIN), hold_seconds=0.3)
    config = StationConfig(staff=staff, watched_folders=(tmp_path / "usb",))
    reloader = ContentReloader(REPO / "content", kiosk.window)
    checks = Checks(reloader)
    mode = staff_mode_on(kiosk, reloader, config)
    for language in LANGUAGES:
        if language == "pseudo":
            kiosk.window.use_pseudo_language()
            # Staff mode retranslates on the visit's language change; the pseudo
            # translator stays whatever language is chosen (dates are written in English).
            kiosk.session.set_language("en")
        else:
            kiosk.session.set_language(language)
        where = f"{language} at {size[0]}x{size[1]}"
        mode.ask_for_pin()
        mode.pin_pad.set_message("Too many wrong PINs. Try again in 30 s.")
        check(kiosk.window, f"PIN pad, {where}")
        assert overlapping_buttons(mode.pin_pad) == [], where
        if language == "en":
            kiosk.window.grab().save(str(PICTURES / f"staff-pin-{size[0]}x{size[1]}.png"))
        enter_pin(finger, mode, PIN)
        assert mode.is_open, where
        assert (mode.panel.heading.text() == "Staff") == (language == "en"), where
        # The panel's own readings land first; then it is filled as full as it gets.
        qtbot.waitUntil(lambda: not mode.reading, timeout=60_000)
        fill(mode)
        for name, show in confirmations(finger, mode):
            show()
            assert mode.panel.confirm.isVisible() == (name != "none"), f"{name}, {where}"
            check(kiosk.window, f"panel, {name}, {where}")
            assert overlapping_buttons(mode.panel.sheet) == [], f"{name}, {where}"
            if mode.panel.confirm.isVisible():
                confirm = mode.panel.confirm.sheet
                assert overlapping_buttons(confirm) == [], f"{name}, {where}"
            if name in ("older", "rollback") and language in ("en", "ru"):
                picture = f"staff-{language}-confirm-{name}-{size[0]}x{size[1]}.png"
                kiosk.window.grab().save(str(PICTURES / picture))
            if mode.panel.confirm.isVisible():
                finger.tap(mode.panel.confirm_no)
        assert not mode.panel.confirm.isVisible(), where
        check(kiosk.window, f"panel, {where}")
        tap_in_panel(finger, mode, mode.panel.station_buttons["test-pattern"])
        assert mode.test_pattern.isVisible(), where
        check(kiosk.window, f"test pattern, {where}")
        finger.tap(mode.test_pattern.close_button)
        tap_in_panel(finger, mode, mode.panel.station_buttons["out-of-order"])
        assert mode.out_of_order.isVisible(), where
        check(kiosk.window, f"out of order, {where}")
        tap_in_panel(finger, mode, mode.panel.station_buttons["out-of-order"])
        assert not mode.out_of_order.isVisible(), where
        area = mode.panel.sheet_area
        wide = [
            (child.objectName() or type(child).__name__, child.minimumSizeHint().width())
            for child in mode.panel.sheet.findChildren(QWidget)
            if child.isVisibleTo(mode.panel.sheet)
            and child.minimumSizeHint().width() > area.viewport().width() * 0.9
        ]
        assert not area.horizontalScrollBar().isVisible(), f"{wide}, {where}"
        if language in ("en", "ru"):
            panel = mode.panel
            for part, widget in (
                ("top", panel.heading),
                ("packs", panel.confirm_text),
                ("visits", panel.export_button),
                ("station", panel.config_findings),
            ):
                panel.sheet_area.ensureWidgetVisible(widget)
                QCoreApplication.processEvents()
                shot = PICTURES / f"staff-{language}-{part}-{size[0]}x{size[1]}.png"
                kiosk.window.grab().save(str(shot))
        mode.lock()
    qtbot.waitUntil(lambda: not checks.running, timeout=60_000)  # not cut off by the close
