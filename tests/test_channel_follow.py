"""The kiosk's own channel follower: rounds on a worker, scheduled as each round asks,
never two at once, a failing round backing off, and what a round installs being what the
store follower shows next."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from channel_fixtures import Material, material, publish_pack, trusting
from kiosk.channel.settings import ChannelSettings
from kiosk.channel.sync import Outcome
from kiosk.core.channel_follow import ChannelFollower, follow_channel
from kiosk.packs.integrity import resolve_intact
from kiosk.packs.store import ContentStore

__all__ = ["material", "trusting"]  # fixtures

SETTINGS = ChannelSettings(location="/srv/channel", poll_seconds=300)


def _within(milliseconds: int, low: float, high: float) -> bool:
    """Qt's coarse timers may fire up to 5% late: its remaining time says so too."""
    return low - 1000 < milliseconds <= high * 1.06


def test_each_round_schedules_the_next_as_it_asks(qtbot: QtBot) -> None:
    outcomes = iter([Outcome("up-to-date", "unchanged", 120.0), Outcome("waiting", "w", 5.0)])
    follower = ChannelFollower(SETTINGS, run_round=lambda: next(outcomes), rng=lambda: 0.0)
    with qtbot.waitSignal(follower.checked, timeout=10_000) as first:
        follower.check_now()
    assert first.args == [Outcome("up-to-date", "unchanged", 120.0)]
    assert _within(follower.next_check_ms(), 120_000, 120_000)
    with qtbot.waitSignal(follower.checked, timeout=10_000):
        follower.check_now()
    assert _within(follower.next_check_ms(), 0, 5_000)
    assert follower.last is not None
    assert follower.last.result == "waiting"
    follower.stop()
    assert follower.next_check_ms() == -1


def test_never_two_rounds_at_once(qtbot: QtBot) -> None:
    release = threading.Event()
    started: list[int] = []

    def slow_round() -> Outcome:
        started.append(1)
        release.wait(10)
        return Outcome("up-to-date", "unchanged", 300.0)

    follower = ChannelFollower(SETTINGS, run_round=slow_round)
    follower.check_now()
    qtbot.waitUntil(lambda: started == [1], timeout=10_000)
    follower.check_now()  # asked again while the first runs: nothing more
    follower.check_now()
    assert follower.next_check_ms() == -1
    with qtbot.waitSignal(follower.checked, timeout=10_000):
        release.set()
    assert started == [1]


def test_a_round_that_raises_backs_off_and_keeps_following(qtbot: QtBot) -> None:
    def broken() -> Outcome:
        raise RuntimeError("a bug")

    follower = ChannelFollower(SETTINGS, run_round=broken, rng=lambda: 1.0)
    for failures in (1, 2, 3):
        with qtbot.waitSignal(follower.checked, timeout=10_000) as checked:
            follower.check_now()
        assert checked.args[0].result == "failed"
        assert "a bug" in checked.args[0].message
        expected = min(300 * 2 ** (failures - 1), 3600) * 1000
        assert _within(follower.next_check_ms(), expected, expected)
    follower.stop()


def test_no_channel_no_follower(qtbot: QtBot) -> None:
    from PySide6.QtCore import QObject  # noqa: PLC0415

    owner = QObject()
    assert follow_channel(ChannelSettings(), owner) is None
    follower = follow_channel(SETTINGS, owner)
    assert follower is not None
    assert _within(follower.next_check_ms(), 0, 60_000)  # the first round soon, jittered
    follower.stop()


def test_what_a_round_installs_is_what_the_store_follower_shows(
    qtbot: QtBot, material: Material, trusting: Path, tmp_path: Path
) -> None:
    channel = tmp_path / "channel"
    publish_pack(material, material.v1, channel)
    store = ContentStore.default()
    assert resolve_intact(store.root).folder is None  # the factory exhibit
    follower = ChannelFollower(ChannelSettings(location=str(channel), poll_seconds=300))
    with qtbot.waitSignal(follower.checked, timeout=30_000) as checked:
        follower.check_now()
    assert checked.args[0].result == "installed", checked.args[0].message
    shown = resolve_intact(store.root).folder
    assert shown is not None
    assert shown == store.content_dir(store.active_id() or "")
    follower.stop()
