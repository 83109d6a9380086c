"""Staff mode: the hidden gesture, the PIN pad with lockout, the panel and its auto-lock, and
a pack from a watched folder installed only after staff confirm it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from conftest import Finger
from kiosk.analytics.store import AnalyticsStore, default_db_path
from kiosk.content.loader import load_exhibit
from kiosk.core.reloader import ContentReloader
from kiosk.core.session import Screen
from kiosk.security import hash_pin
from kiosk.station_config import StaffSettings, StationConfig
from kiosk.ui.application import Kiosk
from kiosk.ui.layout_check import find_clipped_text, find_overlapping_text
from kiosk.ui.live_content import LiveContent
from kiosk.ui.staff.mode import StaffMode
from kiosk.ui.widgets.buttons import TouchButton

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit

REPO = Path(__file__).resolve().parents[1]
PIN = "2468"
Staffed = tuple[Kiosk, StaffMode]


class Checks:
    """Whether the reloader is checking content now, as its signals tell: a check starts
    with ``checking`` and ends with ``reported`` (a folder changed during a check is checked
    again before anything is reported)."""

    def __init__(self, reloader: ContentReloader) -> None:
        self.running = False
        reloader.checking.connect(self._started)
        reloader.reported.connect(self._ended)

    def _started(self) -> None:
        self.running = True

    def _ended(self, _issues: object) -> None:
        self.running = False


def staff_mode_on(kiosk: Kiosk, reloader: ContentReloader, config: StationConfig) -> StaffMode:
    return StaffMode(kiosk.window, kiosk.controller, config, [], reloader, follow_store=True)


@pytest.fixture
def station(tmp_path: Path) -> StationConfig:
    usb = tmp_path / "usb"
    usb.mkdir()
    staff = StaffSettings(pin_hash=hash_pin(PIN), taps=4, hold_seconds=0.3, auto_lock_seconds=60)
    return StationConfig(staff=staff, watched_folders=(usb,))


@pytest.fixture
def staffed(
    qtbot: QtBot, make_kiosk: KioskFactory, exhibit: Exhibit, station: StationConfig
) -> Iterator[Staffed]:
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    reloader = ContentReloader(REPO / "content", kiosk.window)
    checks = Checks(reloader)
    LiveContent(kiosk.controller, reloader, parent=kiosk.window)
    mode = staff_mode_on(kiosk, reloader, station)
    yield kiosk, mode
    mode.lock()
    # A check still running (after an install) is let finish, not killed with the window.
    qtbot.waitUntil(lambda: not checks.running and mode.action is None, timeout=60_000)


def corner_gesture(qtbot: QtBot, finger: Finger, mode: StaffMode, taps: int = 4) -> None:
    """Quick taps in the top corner, the last one held down: with enough taps, held until
    the PIN pad shows; with too few, let go at once (no hold is under way to wait out)."""
    window = mode.window
    at = mode.gesture.corner().center()
    for _ in range(taps - 1):
        finger.tap(window, at)
    QTest.touchEvent(window, finger.device).press(0, at, window).commit()
    if taps >= mode.config.staff.taps:
        qtbot.waitUntil(mode.pin_pad.isVisible, timeout=3000)
    QTest.touchEvent(window, finger.device).release(0, at, window).commit()


def enter_pin(finger: Finger, mode: StaffMode, pin: str) -> None:
    for digit in pin:
        finger.tap(mode.pin_pad.keys[digit])
    finger.tap(mode.pin_pad.keys["enter"])


def test_the_gesture_and_the_right_pin_open_the_panel(
    qtbot: QtBot, staffed: Staffed, finger: Finger
) -> None:
    kiosk, mode = staffed
    corner_gesture(qtbot, finger, mode)
    assert mode.pin_pad.isVisible()
    enter_pin(finger, mode, "1111")
    assert mode.pin_pad.message.text() == "Wrong PIN."
    assert mode.pin_pad.dots.text().strip() == ""  # the PIN is never shown
    enter_pin(finger, mode, PIN)
    assert not mode.pin_pad.isVisible() and mode.is_open
    assert not kiosk.idle.running  # staff at work are not timed out as visitors


def test_too_few_taps_or_a_short_hold_do_nothing(
    qtbot: QtBot, staffed: Staffed, finger: Finger
) -> None:
    _, mode = staffed
    corner_gesture(qtbot, finger, mode, taps=3)
    assert not mode.pin_pad.isVisible()
    window = mode.window
    for _ in range(4):  # enough taps, but the last one let go at once
        finger.tap(window, mode.gesture.corner().center())
    assert not mode.pin_pad.isVisible()
    middle = QPoint(window.width() // 2, 10)  # right height, wrong place
    for _ in range(4):
        finger.tap(window, middle)
    assert not mode.pin_pad.isVisible()


def test_the_keyboard_chord_asks_for_the_pin(staffed: Staffed) -> None:
    _, mode = staffed
    QTest.keyClick(
        mode.window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier,
    )
    assert mode.pin_pad.isVisible()


def test_five_wrong_pins_lock_entry(qtbot: QtBot, staffed: Staffed, finger: Finger) -> None:
    _, mode = staffed
    corner_gesture(qtbot, finger, mode)
    for _ in range(5):
        enter_pin(finger, mode, "0000")
    assert mode.pin_pad.message.text().startswith("Too many wrong PINs. Try again in 30 s")
    enter_pin(finger, mode, PIN)
    assert not mode.is_open


def test_no_pin_set_points_to_the_recovery_command(
    qtbot: QtBot, without_pin: StaffMode, finger: Finger
) -> None:
    mode = without_pin
    corner_gesture(qtbot, finger, mode)
    assert "kiosk staff set-pin" in mode.pin_pad.message.text()


@pytest.fixture
def without_pin(make_kiosk: KioskFactory, exhibit: Exhibit, station: StationConfig) -> StaffMode:
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    reloader = ContentReloader(REPO / "content", kiosk.window)
    config = station._replace(staff=StaffSettings(hold_seconds=0.3))
    return staff_mode_on(kiosk, reloader, config)


def test_the_panel_locks_itself_when_left_alone(
    qtbot: QtBot,
    make_kiosk: KioskFactory,
    exhibit: Exhibit,
    station: StationConfig,
    finger: Finger,
) -> None:
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    kiosk.session.go_home()
    config = station._replace(staff=station.staff._replace(auto_lock_seconds=0.5))
    reloader = ContentReloader(REPO / "content", kiosk.window)
    mode = staff_mode_on(kiosk, reloader, config)
    corner_gesture(qtbot, finger, mode)
    enter_pin(finger, mode, PIN)
    assert mode.is_open
    with qtbot.waitSignal(mode.locked, timeout=5000):
        pass
    assert not mode.is_open
    assert kiosk.idle.running  # the visitor's idle timer is back


def build_pack(tmp_path: Path, title: str) -> Path:
    folder = tmp_path / "new-content"
    shutil.copytree(REPO / "content", folder)
    exhibit_file = folder / "exhibit.yaml"
    text = exhibit_file.read_text(encoding="utf-8")
    exhibit_file.write_text(
        text.replace("  en: 20 January - National Mourning Day", f"  en: {title}", 1),
        encoding="utf-8",
    )
    pack = tmp_path / "pack.kioskpack"
    subprocess.run(
        [sys.executable, "-m", "kiosk", "pack", "build", str(folder), "-o", str(pack)],
        check=True,
        capture_output=True,
    )
    return pack


def test_a_pack_on_a_usb_stick_is_installed_after_confirmation(
    qtbot: QtBot, staffed: Staffed, station: StationConfig, tmp_path: Path, finger: Finger
) -> None:
    kiosk, mode = staffed
    title = "20 January - National Mourning Day (installed)"
    pack = build_pack(tmp_path, title)
    usb = station.watched_folders[0]
    with qtbot.waitSignal(mode.packs.packs_changed, timeout=10_000):
        shutil.copyfile(pack, usb / "exhibit.kioskpack")
    corner_gesture(qtbot, finger, mode)
    enter_pin(finger, mode, PIN)
    settle(qtbot, mode)
    install = mode.panel.pack_buttons[usb / "exhibit.kioskpack"]
    finger.tap(install)
    assert mode.panel.confirm_yes.isVisible()  # nothing happens before staff confirm
    assert mode.action is None
    finger.tap(mode.panel.confirm_yes)
    qtbot.waitUntil(lambda: mode.action is None, timeout=60_000)
    assert mode.panel.result.text() == "Installed. Visitors see it from the next start screen."
    finger.tap(mode.panel.lock_button)
    # The new exhibit is validated, then waits for the start screen.
    qtbot.waitUntil(lambda: kiosk.controller.waiting, timeout=60_000)  # told, not yet shown
    assert kiosk.window.attract.title.text() != title
    finger.tap(kiosk.window.nav.back_button)
    assert kiosk.session.screen is Screen.ATTRACT
    assert kiosk.window.attract.title.text() == title
    assert mode.reloader.folder != REPO / "content"
    assert load_exhibit(mode.reloader.folder).settings.title.values["en"] == title


def test_the_end_of_a_visit_closes_a_forgotten_pin_pad(
    qtbot: QtBot, staffed: Staffed, finger: Finger
) -> None:
    kiosk, mode = staffed
    corner_gesture(qtbot, finger, mode)  # the first tap also opened the home screen
    assert mode.pin_pad.isVisible() and kiosk.session.screen is Screen.HOME
    kiosk.session.reset()  # what the idle timeout does
    assert not mode.pin_pad.isVisible()


def test_a_touch_elsewhere_does_not_count_as_a_corner_tap(
    qtbot: QtBot, staffed: Staffed, finger: Finger
) -> None:
    _, mode = staffed
    window = mode.window
    finger.tap(window, QPoint(window.width() // 2, window.height() // 2))
    corner_gesture(qtbot, finger, mode, taps=3)  # one corner tap short, after the stray one
    assert not mode.pin_pad.isVisible()


def tap_in_panel(finger: Finger, mode: StaffMode, widget: QWidget) -> None:
    """Scroll the staff panel to the widget, as staff would, then tap it."""
    mode.panel.sheet_area.ensureWidgetVisible(widget)
    finger.tap(widget)


def settle(qtbot: QtBot, mode: StaffMode) -> None:
    """The panel's readings (store, stick, counts: off the GUI thread) and any action are
    done and shown."""
    qtbot.waitUntil(lambda: not mode.reading and mode.action is None, timeout=60_000)
    # What came back grew the panel: its layout settles before staff's finger lands.
    QApplication.processEvents()


def open_panel(qtbot: QtBot, finger: Finger, mode: StaffMode) -> None:
    corner_gesture(qtbot, finger, mode)
    enter_pin(finger, mode, PIN)
    assert mode.is_open
    settle(qtbot, mode)


def test_the_test_pattern_shows_touches_and_closes(
    qtbot: QtBot, staffed: Staffed, finger: Finger
) -> None:
    _, mode = staffed
    open_panel(qtbot, finger, mode)
    tap_in_panel(finger, mode, mode.panel.station_buttons["test-pattern"])
    pattern = mode.test_pattern
    assert pattern.isVisible()
    finger.tap(pattern, QPoint(100, 100))
    finger.tap(pattern, QPoint(pattern.width() - 50, pattern.height() - 50))
    assert [(round(p.x()), round(p.y())) for p in pattern.touches] == [
        (100, 100),
        (pattern.width() - 50, pattern.height() - 50),
    ]
    finger.tap(pattern.close_button)
    assert not pattern.isVisible() and mode.is_open


def test_out_of_order_stays_until_staff_take_it_down(
    qtbot: QtBot, staffed: Staffed, finger: Finger
) -> None:
    _, mode = staffed
    open_panel(qtbot, finger, mode)
    tap_in_panel(finger, mode, mode.panel.station_buttons["out-of-order"])
    tap_in_panel(finger, mode, mode.panel.lock_button)  # scrolled out of sight by now
    notice = mode.out_of_order
    assert notice.isVisible() and "resting" in notice.message.text()
    assert not mode.is_open  # what visitors see is the notice, not the panel
    finger.tap(notice)  # visitors' touches change nothing
    assert notice.isVisible()
    open_panel(qtbot, finger, mode)
    tap_in_panel(finger, mode, mode.panel.station_buttons["out-of-order"])
    assert not notice.isVisible()


@pytest.mark.parametrize(("button", "code"), [("restart", 75), ("exit", 64)])
def test_restart_and_exit_need_confirmation(
    qtbot: QtBot,
    staffed: Staffed,
    finger: Finger,
    monkeypatch: pytest.MonkeyPatch,
    button: str,
    code: int,
) -> None:
    kiosk, mode = staffed
    exits: list[int] = []
    started: list[list[str]] = []
    mode.exit_application = exits.append
    mode.start_detached = lambda program, arguments: started.append([program, *arguments])
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    monkeypatch.delenv("KIOSK_SUPERVISED", raising=False)
    open_panel(qtbot, finger, mode)
    tap_in_panel(finger, mode, mode.panel.station_buttons[button])
    assert exits == []  # asked first
    tap_in_panel(finger, mode, mode.panel.confirm_yes)
    assert exits == [code]
    assert kiosk.lockdown.exit_allowed
    assert bool(started) == (button == "restart")
    if started:
        assert started[0][1:3] == ["-m", "kiosk"]


def test_the_panel_shows_the_stations_health(
    qtbot: QtBot, staffed: Staffed, finger: Finger
) -> None:
    _, mode = staffed
    mode.health_source = lambda: {
        "uptime_s": 7260,
        "starts": 3,
        "memory_mib": 101.5,
        "content_version": "factory",
        "kiosk_version": "0.1.0",
        "versions": {"qt": "6.11.3", "pyside6": "6.11.3"},
        "last_error": None,
    }
    open_panel(qtbot, finger, mode)
    text = mode.panel.health.text()
    assert "uptime 2 h 1 min; starts 3" in text and "memory 101.5 MiB" in text
    assert "Qt 6.11.3" in text and "last error: -" in text


def test_the_panel_shows_visits_and_exports_them(
    qtbot: QtBot, staffed: Staffed, station: StationConfig, finger: Finger
) -> None:
    _, mode = staffed
    with AnalyticsStore(default_db_path()) as store:
        for _ in range(3):
            store.count("visit")
        store.count("screen", "timeline")
    open_panel(qtbot, finger, mode)
    assert "Visits today (UTC): 3" in mode.panel.visits.text()
    assert sum(count for _, count in mode.panel.hours_chart.totals) == 3
    assert sum(count for _, count in mode.panel.days_chart.totals) == 3
    tap_in_panel(finger, mode, mode.panel.export_button)
    settle(qtbot, mode)
    exported = station.watched_folders[0] / "kiosk-visits.csv"
    lines = exported.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "hour,kind,key,count"
    assert any(line.endswith(",visit,,3") for line in lines)


def overlapping_buttons(widget: QWidget) -> list[tuple[str, str]]:
    """Pairs of visible buttons (the PIN keys) whose boxes overlap."""
    buttons = [button for button in widget.findChildren(TouchButton) if button.isVisibleTo(widget)]
    return [
        (first.objectName(), second.objectName())
        for index, first in enumerate(buttons)
        for second in buttons[index + 1 :]
        if first.parentWidget() is second.parentWidget()
        and first.geometry().intersects(second.geometry())
    ]


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160), (1080, 1920)])
def test_without_a_pin_the_pad_only_says_how_to_set_one(
    make_kiosk: KioskFactory,
    exhibit: Exhibit,
    station: StationConfig,
    size: tuple[int, int],
    tmp_path: Path,
) -> None:
    kiosk = make_kiosk(exhibit, size=size, reduced_motion=True)
    reloader = ContentReloader(REPO / "content", kiosk.window)
    config = station._replace(staff=StaffSettings(hold_seconds=0.3))
    mode = staff_mode_on(kiosk, reloader, config)
    mode.ask_for_pin()
    pad = mode.pin_pad
    assert pad.isVisible()
    assert "kiosk staff set-pin" in pad.message.text()
    assert not any(key.isVisibleTo(pad) for key in pad.keys.values())  # nothing to type
    assert not pad.dots.isVisibleTo(pad)
    assert pad.cancel_button.isVisibleTo(pad)  # the only way off the pad
    image = kiosk.window.grab()
    assert image.save(str(tmp_path / f"no-pin-{size[0]}x{size[1]}.png"))
    assert find_clipped_text(pad) == []
    assert find_overlapping_text(pad) == []
    assert overlapping_buttons(pad) == []
    assert pad.panel.geometry().width() <= kiosk.window.width()
    mode.pin_pad.cancel()
    assert not pad.isVisible()


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160), (1080, 1920)])
def test_the_pin_pad_fits_at_every_size(staffed: Staffed, size: tuple[int, int]) -> None:
    kiosk, mode = staffed
    kiosk.window.resize(*size)
    mode.ask_for_pin()
    pad = mode.pin_pad
    assert all(key.isVisibleTo(pad) for key in pad.keys.values())
    assert find_clipped_text(pad) == []
    assert find_overlapping_text(pad) == []
    assert overlapping_buttons(pad) == []
