"""The content channel in the staff panel: the same facts as ``kiosk channel status``, kept
current while the panel is open, and the runner's follower installing into the store the
kiosk shows from."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication

from channel_fixtures import Material, material, publish_pack, trusting
from conftest import Finger
from kiosk.channel.settings import ChannelSettings
from kiosk.channel.state import ChannelState, Pending, load_state, save_state
from kiosk.channel.sync import Outcome
from kiosk.core.channel_follow import ChannelFollower
from kiosk.core.reloader import ContentReloader
from kiosk.packs.integrity import resolve_intact
from kiosk.packs.store import ContentStore
from kiosk.security import hash_pin
from kiosk.station_config import StaffSettings, StationConfig
from kiosk.ui.application import Kiosk
from kiosk.ui.runner import _follow_channel
from kiosk.ui.staff.mode import StaffMode

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit

__all__ = ["material", "trusting"]  # fixtures

REPO = Path(__file__).resolve().parents[1]
PIN = "2468"
CHANNEL = "https://content.museum.example/memorial/"


@pytest.fixture
def staffed(
    qtbot: QtBot, make_kiosk: KioskFactory, exhibit: Exhibit, tmp_path: Path
) -> Iterator[tuple[Kiosk, StaffMode]]:
    staff = StaffSettings(pin_hash=hash_pin(PIN), taps=4, hold_seconds=0.3, auto_lock_seconds=60)
    config = StationConfig(staff=staff, watched_folders=(tmp_path,))
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    reloader = ContentReloader(REPO / "content", kiosk.window)
    mode = StaffMode(kiosk.window, kiosk.controller, config, [], reloader, follow_store=True)
    yield kiosk, mode
    mode.lock()
    qtbot.waitUntil(lambda: not mode.reading and mode.action is None, timeout=60_000)


def open_panel(qtbot: QtBot, mode: StaffMode, finger: Finger) -> None:
    """The right PIN on the pad (the gesture itself is test_staff_mode's)."""
    mode.ask_for_pin()
    for digit in PIN:
        finger.tap(mode.pin_pad.keys[digit])
    finger.tap(mode.pin_pad.keys["enter"])
    assert mode.is_open
    qtbot.waitUntil(lambda: not mode.reading, timeout=60_000)
    QApplication.processEvents()


def test_the_panel_shows_the_channel_as_channel_status_does(
    qtbot: QtBot, staffed: tuple[Kiosk, StaffMode], finger: Finger
) -> None:
    _, mode = staffed
    save_state(
        ChannelState(
            channel=CHANNEL,
            installed_sequence=1765000000,
            installed_version="20261206T070000Z-1a2b3c4d",
            last_check="2026-12-06T07:12:30+00:00",
            last_result="unreachable",
            last_error="https://content.museum.example/memorial/channel.json: connection refused",
            failures=3,
            pending=Pending(1765000100, "ab" * 32, "2027-01-20T00:00:00+00:00", "x.part"),
        )
    )
    mode.station.channel_settings = ChannelSettings(location=CHANNEL)
    open_panel(qtbot, mode, finger)
    text = mode.panel.health.text().replace("\u200b", "")
    assert f"Content channel: {CHANNEL}" in text
    assert "Installed from the channel: sequence 1765000000 (20261206T070000Z-1a2b3c4d)" in text
    assert "Last channel check: 2026-12-06 07:12 UTC, the channel could not be reached" in text
    assert "Waiting: sequence 1765000100, shown from 2027-01-20 00:00 UTC" in text
    assert "Last channel error (3 failed checks in a row): " in text
    assert "channel.json: connection refused" in text


def test_a_station_without_a_channel_says_so_and_a_record_of_another_is_not_shown(
    qtbot: QtBot, staffed: tuple[Kiosk, StaffMode], finger: Finger
) -> None:
    _, mode = staffed
    save_state(ChannelState(channel="/srv/old", installed_sequence=7, last_check="x"))
    mode.station.channel_settings = ChannelSettings(location=None)
    open_panel(qtbot, mode, finger)
    assert "Content channel: none" in mode.panel.health.text()
    mode.lock()
    mode.station.channel_settings = ChannelSettings(location="/srv/new")
    open_panel(qtbot, mode, finger)
    text = mode.panel.health.text()
    assert "Installed from the channel: nothing yet" in text and "sequence 7" not in text
    assert "Last channel check: never" in text


def test_a_round_that_ends_while_the_panel_is_open_is_shown_at_once(
    qtbot: QtBot, staffed: tuple[Kiosk, StaffMode], finger: Finger
) -> None:
    _, mode = staffed
    settings = ChannelSettings(location=CHANNEL)
    mode.station.channel_settings = settings

    def round_that_installs() -> Outcome:  # what sync_once records, without a server
        save_state(
            ChannelState(
                channel=CHANNEL,
                installed_sequence=42,
                installed_version="v42",
                last_check="2026-12-06T08:00:00+00:00",
                last_result="installed",
            )
        )
        return Outcome("installed", "installed sequence 42", 300.0)

    follower = ChannelFollower(settings, mode, run_round=round_that_installs)
    mode.station.follow(follower)
    open_panel(qtbot, mode, finger)
    assert "Last channel check: never" in mode.panel.health.text()
    with qtbot.waitSignal(follower.checked, timeout=20_000):
        follower.check_now()
    text = mode.panel.health.text()
    assert "sequence 42 (v42)" in text
    assert "Last channel check: 2026-12-06 08:00 UTC, installed a new version" in text
    follower.stop()


def test_the_runner_follows_the_stations_channel_into_the_store_it_shows(
    qtbot: QtBot,
    staffed: tuple[Kiosk, StaffMode],
    material: Material,
    trusting: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, mode = staffed
    channel = tmp_path / "channel"
    published = publish_pack(material, material.v1, channel)
    monkeypatch.setenv("KIOSK_CHANNEL", str(channel))
    monkeypatch.setenv("KIOSK_CHANNEL_POLL_SECONDS", "30")
    _follow_channel(mode, True, [])
    followers = mode.window.findChildren(ChannelFollower)
    assert len(followers) == 1 and mode.station.channel_settings is not None
    follower = followers[0]
    with qtbot.waitSignal(follower.checked, timeout=60_000) as round_:
        follower.check_now()  # the first round would come within half a minute anyway
    assert round_.args[0].result == "installed", round_.args[0].message
    assert load_state().installed_sequence == published.index.sequence
    store = ContentStore.default()
    assert resolve_intact(store.root).folder == store.content_dir(store.active_id() or "")
    follower.stop()


def test_a_kiosk_shown_a_folder_of_its_own_follows_no_channel(
    staffed: tuple[Kiosk, StaffMode], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, mode = staffed
    monkeypatch.setenv("KIOSK_CHANNEL", str(tmp_path / "channel"))
    _follow_channel(mode, False, [])
    assert mode.window.findChildren(ChannelFollower) == []
    settings = mode.station.channel_settings
    assert settings is not None and settings.location == str(tmp_path / "channel")


def test_a_mistake_in_the_channel_settings_is_shown_with_the_stations_findings(
    staffed: tuple[Kiosk, StaffMode], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, mode = staffed
    monkeypatch.setenv("KIOSK_CHANNEL", "content.museum.example/memorial")
    _follow_channel(mode, True, [])
    assert mode.window.findChildren(ChannelFollower) == []
    findings = mode.panel.config_findings.text().replace("\u200b", "")
    assert "$KIOSK_CHANNEL" in findings and "neither an http(s):// URL" in findings
