"""Fixtures shared by the channel tests: signing keys, signed packs, a trusting station."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.channel.fetch import FetchPolicy
from kiosk.channel.publish import Published, publish
from kiosk.channel.settings import ChannelSettings
from kiosk.channel.sync import Outcome, sync_once
from kiosk.packs.build import build_pack
from kiosk.packs.keys import generate_keypair, load_private_key
from kiosk.packs.signing import sign_pack
from kiosk.packs.store import ContentStore
from kiosk.packs.trust import add_key
from test_packs_support import content_copy


@dataclass(frozen=True)
class Material:
    key: Path  # the publisher's private key
    pub: Path
    other_key: Path  # a key the station does not trust
    other_pub: Path
    v1: Path
    v2: Path
    v1_other: Path  # v1, signed with the other key


@pytest.fixture(scope="session")
def material(tmp_path_factory: pytest.TempPathFactory) -> Material:
    folder = tmp_path_factory.mktemp("channel-material")
    key, pub, _ = generate_keypair(folder / "publisher")
    other_key, other_pub, _ = generate_keypair(folder / "stranger")
    packs = {}
    for name in ("v1", "v2"):
        content = content_copy(folder / f"content-{name}", variant=name)
        packs[name] = folder / f"{name}.pack"
        build_pack(content, packs[name])
        sign_pack(packs[name], load_private_key(key))
    v1_other = folder / "v1-other.pack"
    shutil.copyfile(packs["v1"], v1_other)
    sign_pack(v1_other, load_private_key(other_key))
    return Material(key, pub, other_key, other_pub, packs["v1"], packs["v2"], v1_other)


@pytest.fixture
def trusting(material: Material, data_dir: Path) -> Path:
    """This test's station trusts the publisher's key; returns the data folder."""
    add_key(material.pub)
    return data_dir


def publish_pack(
    material: Material,
    pack: Path,
    channel: Path,
    *,
    not_before: datetime | None = None,
    now: datetime | None = None,
    expires_in_days: float = 30.0,
    key: Path | None = None,
) -> Published:
    return publish(
        pack,
        channel,
        key or material.key,
        not_before=not_before,
        now=now,
        expires_in_days=expires_in_days,
    )


def quick_policy(**changes: object) -> FetchPolicy:
    """Short bounds: a test that goes wrong ends within seconds."""
    values: dict[str, object] = {"read_timeout": 10.0, "index_deadline": 20.0}
    values.update(changes)
    return FetchPolicy(**values)  # type: ignore[arg-type]


def sync(
    location: str,
    *,
    policy: FetchPolicy | None = None,
    at: datetime | None = None,
) -> Outcome:
    settings = ChannelSettings(location=location, poll_seconds=300)
    clock = (lambda: at) if at is not None else (lambda: datetime.now(UTC))
    return sync_once(settings, policy=policy or quick_policy(), clock=clock)


def store() -> ContentStore:
    return ContentStore.default()


def in_a(hours: float) -> datetime:
    return datetime.now(UTC) + timedelta(hours=hours)
