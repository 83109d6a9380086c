"""Following a channel: publish, sync, publish again; over HTTP and from a folder; the
index asked for conditionally; a pack kept waiting for its ``not_before``."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from channel_fixtures import (
    Material,
    in_a,
    material,
    publish_pack,
    store,
    sync,
    trusting,
)
from channel_support import channel_server, snapshot
from kiosk.channel.index import INDEX_NAME, parse_index
from kiosk.channel.state import load_state
from kiosk.packs.archive import open_pack
from kiosk.packs.manifest import version_id

__all__ = ["material", "trusting"]  # fixtures


def _version_of(pack: Path) -> str:
    with open_pack(pack) as opened:
        return version_id(opened.checked.manifest, opened.checked.manifest_bytes)


def test_publish_v1_sync_publish_v2_sync_ends_on_v2(
    material: Material, trusting: Path, tmp_path: Path
) -> None:
    channel = tmp_path / "channel"
    first = publish_pack(material, material.v1, channel)
    with channel_server(channel) as server:
        outcome = sync(server.url("/"))
        assert outcome.result == "installed", outcome.message
        assert store().active_id() == _version_of(material.v1)

        second = publish_pack(material, material.v2, channel)
        assert second.index.sequence > first.index.sequence
        assert second.previous == first.index.sequence
        outcome = sync(server.url("/"))
        assert outcome.result == "installed", outcome.message
        assert store().active_id() == _version_of(material.v2)
        state = load_state()
        assert state.installed_sequence == second.index.sequence
        assert state.last_error is None
        assert not (trusting / "channel" / "downloads").exists() or not any(
            (trusting / "channel" / "downloads").iterdir()
        )

        # Nothing new: the index is asked for with its ETag and the server says 304.
        before = len(server.seen)
        outcome = sync(server.url("/"))
        assert outcome.result == "up-to-date", outcome.message
        asked = server.seen[before:]
        assert [seen.path for seen in asked] == ["/channel.json"]
        assert asked[0].headers.get("If-None-Match")
    # The previous pack stays in the channel beside the current one.
    assert sorted(p.name for p in (channel / "packs").iterdir()) == sorted(
        [f"{_version_of(material.v1)}.pack", f"{_version_of(material.v2)}.pack"]
    )


def test_folder_channel(material: Material, trusting: Path, tmp_path: Path) -> None:
    channel = tmp_path / "share" / "channel"
    publish_pack(material, material.v1, channel)
    outcome = sync(str(channel))
    assert outcome.result == "installed", outcome.message
    assert store().active_id() == _version_of(material.v1)
    assert sync(channel.as_uri()).result in ("installed", "up-to-date")


def test_not_before_keeps_the_exhibit_until_the_moment(
    material: Material, trusting: Path, tmp_path: Path
) -> None:
    channel = tmp_path / "channel"
    publish_pack(material, material.v1, channel)
    moment = in_a(24)
    with channel_server(channel) as server:
        assert sync(server.url("/")).result == "installed"
        showing = snapshot(store())
        published = publish_pack(material, material.v2, channel, not_before=moment)
        outcome = sync(server.url("/"))
        assert outcome.result == "waiting", outcome.message
        assert "shown from" in outcome.message
        assert snapshot(store()) == showing  # downloaded and checked, not installed
        # The next poll comes at the moment at the latest.
        assert outcome.next_check_seconds <= 24 * 3600 + 31
        # Still before the moment: still waiting, the pack not downloaded again.
        before = len(server.requests_for(".pack"))
        assert sync(server.url("/"), at=moment - timedelta(minutes=1)).result == "waiting"
        assert len(server.requests_for(".pack")) == before
    # At the moment the server is gone: the waiting pack is installed all the same.
    outcome = sync(server.url("/"), at=moment + timedelta(seconds=1))
    assert store().active_id() == _version_of(material.v2)
    assert load_state().installed_sequence == published.index.sequence
    assert outcome.result == "installed", outcome.message


def test_the_index_is_canonical_and_names_the_pack(
    material: Material, trusting: Path, tmp_path: Path
) -> None:
    channel = tmp_path / "channel"
    published = publish_pack(
        material,
        material.v1,
        channel,
        not_before=datetime(2027, 1, 20, tzinfo=UTC),
        now=datetime(2026, 12, 6, tzinfo=UTC),
        expires_in_days=60,
    )
    data = (channel / INDEX_NAME).read_bytes()
    document = json.loads(data)
    assert data == published.index.to_bytes()
    assert document["not_before"] == "2027-01-20T00:00:00Z"
    assert document["pack"]["size"] == (channel / document["pack"]["path"]).stat().st_size
    assert parse_index(data, "x") == published.index


def test_a_waiting_pack_is_checked_once(
    material: Material, trusting: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kiosk.channel.sync as sync_module  # noqa: PLC0415
    from kiosk.packs.verify import verify_pack  # noqa: PLC0415

    checks: list[Path] = []

    def counted(pack: Path, *rest: Any) -> Any:
        checks.append(pack)
        return verify_pack(pack, *rest)

    monkeypatch.setattr(sync_module, "verify_pack", counted)
    channel = tmp_path / "channel"  # a folder: no conditional request to stop early
    publish_pack(material, material.v2, channel, not_before=in_a(2))
    for _ in range(3):
        assert sync(str(channel)).result == "waiting"
    assert len(checks) == 1
    assert store().active_id() is None
