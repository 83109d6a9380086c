"""Every bad input a channel can bring: refused with a message that names what was wrong,
the store exactly as it was (the exhibit unchanged), nothing complete left unverified, and
``kiosk channel sync --once`` exiting non-zero."""

from __future__ import annotations

import hashlib
import shutil
import socket
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from channel_fixtures import Material, material, publish_pack, quick_policy, store, sync, trusting
from channel_support import (
    ChannelServer,
    SteppingClock,
    StoreSnapshot,
    announces,
    body,
    channel_server,
    cut_short,
    redirect_to,
    snapshot,
    stalled,
    trickle,
    unannounced,
)
from kiosk.channel.index import INDEX_NAME, SIGNATURE_NAME, parse_index, sign_index
from kiosk.channel.state import load_state
from kiosk.cli import main
from kiosk.packs.keys import load_private_key

__all__ = ["material", "trusting"]  # fixtures


@pytest.fixture
def following(material: Material, trusting: Path, tmp_path: Path) -> Iterator[ChannelServer]:
    """A station that installed v1 from a channel served on loopback; yields the server."""
    channel = tmp_path / "channel"
    publish_pack(material, material.v1, channel)
    with channel_server(channel) as server:
        outcome = sync(server.url("/"))
        assert outcome.result == "installed", outcome.message
        yield server


def _downloads(data_dir: Path) -> list[str]:
    folder = data_dir / "channel" / "downloads"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def _refused_cli(
    location: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    monkeypatch.setenv("KIOSK_CHANNEL", location)
    capsys.readouterr()
    assert main(["channel", "sync", "--once"]) == 1
    error = capsys.readouterr().err
    assert "Traceback" not in error
    return error


def _unchanged(before: StoreSnapshot, data_dir: Path) -> None:
    assert snapshot(store()) == before
    assert snapshot(store()).staging == ()
    # Only a download cut short may stay (to be resumed); never a complete one.
    assert all(name.endswith(".part") for name in _downloads(data_dir))


def test_replayed_older_index_is_refused(
    material: Material,
    following: ChannelServer,
    trusting: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    channel = following.root
    old_index = (channel / INDEX_NAME).read_bytes()
    old_signature = (channel / SIGNATURE_NAME).read_bytes()
    publish_pack(material, material.v2, channel)
    assert sync(following.url("/")).result == "installed"
    before = snapshot(store())
    (channel / INDEX_NAME).write_bytes(old_index)
    (channel / SIGNATURE_NAME).write_bytes(old_signature)
    error = _refused_cli(following.url("/"), monkeypatch, capsys)
    assert "refused" in error
    assert f"sequence {parse_index(old_index, 'x').sequence} is older than sequence" in error
    assert "replayed or downgraded" in error
    assert following.url("/channel.json") in error
    _unchanged(before, trusting)
    assert load_state().last_result == "refused"


def test_a_sequence_is_never_reused_for_another_pack(
    material: Material, following: ChannelServer, trusting: Path
) -> None:
    channel = following.root
    installed = parse_index((channel / INDEX_NAME).read_bytes(), "x")
    before = snapshot(store())
    other = publish_pack(material, material.v2, tmp := channel.parent / "other")
    forged = replace(
        other.index,
        sequence=installed.sequence,
        pack=other.index.pack,
    )
    shutil.copyfile(tmp / other.index.pack.path, channel / other.index.pack.path)
    _write_index(material, channel, forged.to_bytes())
    outcome = sync(following.url("/"))
    assert outcome.result == "refused"
    assert "never reuses a sequence" in outcome.message
    assert other.index.pack.sha256 in outcome.message
    _unchanged(before, trusting)


def test_expired_index_is_refused(
    material: Material,
    following: ChannelServer,
    trusting: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = snapshot(store())
    long_ago = datetime.now(UTC) - timedelta(days=10)
    publish_pack(material, material.v2, following.root, now=long_ago, expires_in_days=1)
    error = _refused_cli(following.url("/"), monkeypatch, capsys)
    assert "expired at" in error
    assert "the publisher must publish again" in error
    _unchanged(before, trusting)


def test_index_signed_by_an_untrusted_key_is_refused(
    material: Material,
    trusting: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    channel = tmp_path / "channel"
    publish_pack(material, material.v1_other, channel, key=material.other_key)
    before = snapshot(store())
    with channel_server(channel) as server:
        error = _refused_cli(server.url("/"), monkeypatch, capsys)
        assert not server.requests_for(".pack")  # refused before any download
    assert "does not match any trusted key" in error
    assert "channel.json" in error
    _unchanged(before, trusting)


def test_a_station_without_trusted_keys_follows_no_channel(
    material: Material,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    channel = tmp_path / "channel"
    publish_pack(material, material.v1, channel)
    with channel_server(channel) as server:
        error = _refused_cli(server.url("/"), monkeypatch, capsys)
        assert not server.seen  # not even the index is read
    assert "no trusted keys" in error
    assert "kiosk pack trust" in error
    assert store().active_id() is None


def test_wrong_hash_is_refused_and_deleted(
    material: Material,
    following: ChannelServer,
    trusting: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = snapshot(store())
    published = publish_pack(material, material.v2, following.root)
    pack = following.root / published.index.pack.path
    data = bytearray(pack.read_bytes())
    data[100] ^= 0xFF  # same size, other bytes
    pack.write_bytes(bytes(data))
    error = _refused_cli(following.url("/"), monkeypatch, capsys)
    assert "does not match the index: sha256" in error
    assert f"expected {published.index.pack.sha256}" in error
    assert published.index.pack.path in error
    _unchanged(before, trusting)
    assert _downloads(trusting) == []


def test_wrong_size_is_refused_before_download(
    material: Material,
    following: ChannelServer,
    trusting: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = snapshot(store())
    published = publish_pack(material, material.v2, following.root)
    pack = following.root / published.index.pack.path
    pack.write_bytes(pack.read_bytes() + b"extra")
    error = _refused_cli(following.url("/"), monkeypatch, capsys)
    size = published.index.pack.size
    assert f"announces {size + 5} bytes, the channel's index says {size}" in error
    _unchanged(before, trusting)
    assert _downloads(trusting) == []


def test_truncated_download_is_refused_then_resumed(
    material: Material, following: ChannelServer, trusting: Path
) -> None:
    before = snapshot(store())
    published = publish_pack(material, material.v2, following.root)
    path = "/" + published.index.pack.path
    data = (following.root / published.index.pack.path).read_bytes()
    following.routes[path] = cut_short(data, len(data) // 2)
    outcome = sync(following.url("/"))
    assert outcome.result == "unreachable"
    assert f"cut short: {len(data) // 2} of {len(data)} bytes" in outcome.message
    assert path in outcome.message
    _unchanged(before, trusting)
    assert _downloads(trusting) == [f"{published.index.pack.sha256}.part"]
    # The server is whole again: the next round asks for the rest only.
    del following.routes[path]
    outcome = sync(following.url("/"))
    assert outcome.result == "installed", outcome.message
    assert following.requests_for(path)[-1].headers.get("Range") == f"bytes={len(data) // 2}-"
    assert _downloads(trusting) == []


def test_trickling_server_is_stopped_by_the_deadline(
    material: Material, following: ChannelServer, trusting: Path
) -> None:
    before = snapshot(store())
    published = publish_pack(material, material.v2, following.root)
    path = "/" + published.index.pack.path
    data = (following.root / published.index.pack.path).read_bytes()
    following.routes[path] = trickle(data, following.stop)
    policy = quick_policy(clock=SteppingClock(1.0), pack_deadline=8.0, min_rate=10**12)
    outcome = sync(following.url("/"), policy=policy)
    assert outcome.result == "unreachable"
    assert "stopped after 8 s" in outcome.message
    assert "trickling" in outcome.message
    assert path in outcome.message
    _unchanged(before, trusting)


def test_ten_gigabyte_answer_is_refused_before_download(
    material: Material, following: ChannelServer, trusting: Path
) -> None:
    before = snapshot(store())
    published = publish_pack(material, material.v2, following.root)
    path = "/" + published.index.pack.path
    following.routes[path] = announces(10 * 1024**3)
    outcome = sync(following.url("/"))
    assert outcome.result == "refused"
    assert f"announces {10 * 1024**3} bytes" in outcome.message
    assert "nothing was downloaded" in outcome.message
    _unchanged(before, trusting)
    assert _downloads(trusting) == []


def test_index_naming_a_ten_gigabyte_pack_is_refused_without_asking_for_it(
    material: Material, following: ChannelServer, trusting: Path
) -> None:
    before = snapshot(store())
    published = publish_pack(material, material.v2, following.root)
    huge = replace(published.index, pack=replace(published.index.pack, size=10 * 1024**3))
    _write_index(material, following.root, huge.to_bytes())
    outcome = sync(following.url("/"))
    assert outcome.result == "refused"
    assert f"the pack is {10 * 1024**3} bytes, more than the" in outcome.message
    assert not following.requests_for(".pack")[1:]  # only v1's, from the set-up
    _unchanged(before, trusting)


def test_redirect_loop_is_refused(
    following: ChannelServer,
    trusting: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = snapshot(store())
    following.routes["/a/channel.json"] = redirect_to("/b/channel.json")
    following.routes["/b/channel.json"] = redirect_to("/a/channel.json")
    error = _refused_cli(following.url("/a/"), monkeypatch, capsys)
    a, b = following.url("/a/channel.json"), following.url("/b/channel.json")
    assert f"redirect loop: {a} -> {b} -> {a}" in error
    _unchanged(before, trusting)


def test_too_many_redirects_are_refused(following: ChannelServer, trusting: Path) -> None:
    for hop in range(10):
        following.routes[f"/r{hop}/channel.json"] = redirect_to(f"/r{hop + 1}/channel.json")
    outcome = sync(following.url("/r0/"))
    assert outcome.result == "refused"
    assert "more than 5 redirects" in outcome.message
    assert len(following.requests_for("channel.json")) <= 1 + 6 + 1  # set-up, then bounded


def test_html_instead_of_json_is_refused(
    following: ChannelServer,
    trusting: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = snapshot(store())
    page = b"<!DOCTYPE html>\n<html><body><h1>Please log in</h1></body></html>\n"
    following.routes["/channel.json"] = body(page, "text/html")
    error = _refused_cli(following.url("/"), monkeypatch, capsys)
    assert "an HTML page came instead of JSON" in error
    assert following.url("/channel.json") in error
    _unchanged(before, trusting)


def test_missing_index_names_the_answer(following: ChannelServer, trusting: Path) -> None:
    outcome = sync(following.url("/nowhere/"))
    assert outcome.result == "refused"
    assert "answered 404" in outcome.message
    assert "expected 200" in outcome.message


def test_server_down_is_reported_and_backs_off(
    material: Material,
    following: ChannelServer,
    trusting: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = snapshot(store())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    location = f"http://127.0.0.1:{port}/channel/"
    error = _refused_cli(location, monkeypatch, capsys)
    assert f"http://127.0.0.1:{port}/channel/channel.json" in error
    assert "connection refused" in error
    first = load_state()
    assert first.failures == 1
    assert first.last_error is not None
    outcome = sync(location)
    assert outcome.result == "unreachable"
    assert load_state().failures == 2
    _unchanged(before, trusting)


def _write_index(material: Material, channel: Path, data: bytes) -> None:
    (channel / SIGNATURE_NAME).write_bytes(sign_index(data, load_private_key(material.key)))
    (channel / INDEX_NAME).write_bytes(data)


def test_a_server_that_ignores_range_is_read_from_the_start(
    material: Material, following: ChannelServer, trusting: Path
) -> None:
    published = publish_pack(material, material.v2, following.root)
    path = "/" + published.index.pack.path
    data = (following.root / published.index.pack.path).read_bytes()
    following.routes[path] = cut_short(data, 100)
    assert sync(following.url("/")).result == "unreachable"
    following.routes[path] = body(data, "application/octet-stream")  # 200, whole, always
    outcome = sync(following.url("/"))
    assert outcome.result == "installed", outcome.message
    assert following.requests_for(path)[-1].headers.get("Range") == "bytes=100-"
    assert _downloads(trusting) == []


def test_a_stalled_server_is_left_after_the_read_timeout(
    following: ChannelServer, trusting: Path
) -> None:
    before = snapshot(store())
    following.routes["/channel.json"] = stalled(following.stop)
    outcome = sync(following.url("/"), policy=quick_policy(read_timeout=0.3))
    assert outcome.result == "unreachable"
    assert f"{following.url('/channel.json')}: the transfer failed: no answer within 0.3 s" in (
        outcome.message
    )
    _unchanged(before, trusting)


def test_an_unannounced_flood_is_stopped_at_the_limit(
    following: ChannelServer, trusting: Path
) -> None:
    before = snapshot(store())
    following.routes["/channel.json"] = unannounced(b"{" + b" " * 1_000_000)
    outcome = sync(following.url("/"))
    assert outcome.result == "refused"
    assert "more than 65536 bytes came" in outcome.message
    _unchanged(before, trusting)


def test_a_missing_channel_folder_is_named(trusting: Path, tmp_path: Path) -> None:
    outcome = sync(str(tmp_path / "unplugged-share"))
    assert outcome.result == "unreachable"
    assert f"{tmp_path / 'unplugged-share' / 'channel.json'}: no such file" in outcome.message


def test_a_pack_signed_by_an_untrusted_key_is_refused_under_a_trusted_index(
    material: Material, following: ChannelServer, trusting: Path
) -> None:
    """The index vouches for the file's bytes; the pack's own signature is still checked."""
    before = snapshot(store())
    published = publish_pack(material, material.v2, following.root)
    stranger = following.root / "packs" / "stranger.pack"
    shutil.copyfile(material.v1_other, stranger)
    data = stranger.read_bytes()
    entry = replace(
        published.index.pack,
        path="packs/stranger.pack",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    _write_index(material, following.root, replace(published.index, pack=entry).to_bytes())
    outcome = sync(following.url("/"))
    assert outcome.result == "refused"
    assert "the pack was refused" in outcome.message
    assert "does not match any trusted key" in outcome.message
    _unchanged(before, trusting)
    assert _downloads(trusting) == []
