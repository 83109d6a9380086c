"""The staff side laid out by Qt at every size and in every interface language: the panel
with each of its sections full, the PIN pad, and every confirmation, checked for clipped and
overlapping text (the visitor screens' checks), with pictures saved for people to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from conftest import make_kiosk
from kiosk.content.issues import Issue, Location
from kiosk.core.pack_watch import PackListing
from kiosk.core.reloader import ContentReloader
from kiosk.packs.store import FACTORY
from kiosk.security import hash_pin
from kiosk.station import StaffSettings, StationConfig
from kiosk.ui.layout_check import find_clipped_text, find_overlapping_text
from kiosk.ui.staff.mode import StaffMode
from kiosk.ui.staff.versions import INSTALLED, NEW, OLDER, SHOWING, FoundPack, Shown
from test_staff_mode import REPO, overlapping_buttons

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


def confirmations(mode: StaffMode) -> list[tuple[str, object]]:
    panel = mode.panel
    usb = Path("/media/usb")
    return [
        ("none", panel._cancel_confirm),
        ("install", lambda: panel._confirm_install(usb / "exhibit-2026-02.kioskpack")),
        ("older", lambda: panel._confirm_install(usb / "exhibit-2025-11.zip")),
        ("rollback", panel.rollback_asked),
        ("factory", panel._confirm_factory),
        ("restart", panel._confirm_restart),
        ("exit", panel._confirm_exit),
    ]


def check(window, where: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        QCoreApplication.processEvents()
    assert find_clipped_text(window) == [], where
    assert find_overlapping_text(window) == [], where


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_staff_side_fits_at_every_size_in_every_language(
    qtbot, exhibit, size, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    kiosk = make_kiosk(qtbot, exhibit, size=size, reduced_motion=True)
    staff = StaffSettings(pin_hash=hash_pin("2468"), hold_seconds=0.3)
    config = StationConfig(staff=staff, watched_folders=(tmp_path / "usb",))
    reloader = ContentReloader(REPO / "content", kiosk.window)
    mode = StaffMode(kiosk.window, kiosk.controller, config, [], reloader, follow_store=True)
    try:
        for language in LANGUAGES:
            if language == "pseudo":
                kiosk.window.use_pseudo_language()
            else:
                kiosk.session.set_language(language)
            mode._retranslate(language)
            where = f"{language} at {size[0]}x{size[1]}"
            mode.ask_for_pin()
            mode.pin_pad.set_message("Too many wrong PINs. Try again in 30 s.")
            check(kiosk.window, f"PIN pad, {where}")
            assert overlapping_buttons(mode.pin_pad) == [], where
            if language == "en":
                kiosk.window.grab().save(str(PICTURES / f"staff-pin-{size[0]}x{size[1]}.png"))
            mode.pin_pad.hide()
            mode._open_panel()
            # The panel's own readings land first; then it is filled as full as it gets.
            qtbot.waitUntil(lambda: not mode.reading, timeout=60_000)
            fill(mode)
            for name, show in confirmations(mode):
                show()  # type: ignore[operator]
                check(kiosk.window, f"panel, {name}, {where}")
                assert overlapping_buttons(mode.panel.sheet) == [], f"{name}, {where}"
                if mode.panel.confirm.isVisible():
                    confirm = mode.panel.confirm.sheet
                    assert overlapping_buttons(confirm) == [], f"{name}, {where}"
                if name in ("older", "rollback") and language in ("en", "ru"):
                    picture = f"staff-{language}-confirm-{name}-{size[0]}x{size[1]}.png"
                    kiosk.window.grab().save(str(PICTURES / picture))
            mode.panel._cancel_confirm()
            check(kiosk.window, f"panel, {where}")
            mode.station.show_test_pattern()
            check(kiosk.window, f"test pattern, {where}")
            mode.test_pattern.close_button.click()
            mode.station.toggle_out_of_order()
            check(kiosk.window, f"out of order, {where}")
            mode.station.toggle_out_of_order()
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
                    picture = PICTURES / f"staff-{language}-{part}-{size[0]}x{size[1]}.png"
                    kiosk.window.grab().save(str(picture))
            mode.panel._cancel_confirm()
            mode.lock()
    finally:
        mode.lock()
        kiosk.close()
