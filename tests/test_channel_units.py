"""The channel's parts on their own: back-off, the index format, the station settings, the
commands' words and exit codes, HTTPS with a museum's own certificate authority."""

from __future__ import annotations

import datetime as dt
import ipaddress
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from channel_fixtures import Material, material, publish_pack, store, sync, trusting
from channel_support import channel_server, redirect_to
from kiosk.channel.errors import ChannelError
from kiosk.channel.fetch import FetchPolicy
from kiosk.channel.index import (
    ChannelIndex,
    PackEntry,
    check_index_signature,
    parse_index,
)
from kiosk.channel.settings import DEFAULT_POLL_SECONDS, read_channel_settings
from kiosk.channel.state import load_state, state_path
from kiosk.channel.sync import BACKOFF_CAP_SECONDS, backoff_seconds, poll_seconds_jittered
from kiosk.cli import main

__all__ = ["material", "trusting"]  # fixtures

UTC = dt.UTC


# --- back-off ----------------------------------------------------------------------------


@pytest.mark.parametrize("poll", [30.0, 300.0, 86_400.0])
def test_backoff_grows_is_bounded_and_jittered(poll: float) -> None:
    cap = max(BACKOFF_CAP_SECONDS, poll)
    previous_high = 0.0
    for failures in range(1, 80):
        low = backoff_seconds(failures, poll, lambda: 0.0)
        high = backoff_seconds(failures, poll, lambda: 1.0)
        assert low == pytest.approx(high / 2)
        assert high <= cap
        assert high >= previous_high  # never shorter after one more failure
        previous_high = high
    assert backoff_seconds(1, poll, lambda: 1.0) == pytest.approx(min(poll, cap))
    assert backoff_seconds(10**9, poll, lambda: 1.0) == pytest.approx(cap)
    assert backoff_seconds(0, poll, lambda: 1.0) == pytest.approx(min(poll, cap))


def test_polling_is_jittered_around_the_interval() -> None:
    assert poll_seconds_jittered(300, lambda: 0.0) == pytest.approx(270)
    assert poll_seconds_jittered(300, lambda: 1.0) == pytest.approx(330)


# --- the index -----------------------------------------------------------------------------

_GOOD = ChannelIndex(
    sequence=7,
    created=dt.datetime(2026, 12, 6, 7, 0, tzinfo=UTC),
    expires=dt.datetime(2027, 1, 5, 7, 0, tzinfo=UTC),
    pack=PackEntry("packs/a.pack", "0" * 64, 123),
)


def test_index_round_trips_in_canonical_form() -> None:
    data = _GOOD.to_bytes()
    assert data.endswith(b"}\n")
    assert b" " not in data
    assert parse_index(data, "c.json") == _GOOD


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"<!DOCTYPE html><html>login</html>", "an HTML page came instead of JSON"),
        (b"", "it is empty"),
        (b"[1]", "not a JSON object"),
        (b'{"kind":"other"}', "kind is 'other'"),
        (b'{"kind":"kiosk-channel","format":2}', "index format 2"),
        (b'{"kind":"kiosk-channel","format":1,"sequence":0}', "'sequence' is not a positive"),
    ],
)
def test_bad_index_documents_are_named(data: bytes, words: str) -> None:
    with pytest.raises(ChannelError, match=r"^c\.json: ") as refused:
        parse_index(data, "c.json")
    assert words in str(refused.value)


@pytest.mark.parametrize(
    ("pack", "words"),
    [
        ({"path": "../etc/passwd", "sha256": "0" * 64, "size": 1}, "leads out of"),
        ({"path": "/abs.pack", "sha256": "0" * 64, "size": 1}, "absolute path"),
        ({"path": "a.pack", "sha256": "XYZ", "size": 1}, "64 lowercase hex"),
        ({"path": "a.pack", "sha256": "0" * 64, "size": 0}, "size is not a positive"),
        ({"sha256": "0" * 64, "size": 1}, "has no 'path'"),
    ],
)
def test_bad_pack_entries_are_named(pack: dict[str, object], words: str) -> None:
    import json  # noqa: PLC0415

    document = json.loads(_GOOD.to_bytes())
    document["pack"] = pack
    with pytest.raises(ChannelError) as refused:
        parse_index(json.dumps(document).encode(), "c.json")
    assert words in str(refused.value)


def test_times_need_a_zone() -> None:
    data = _GOOD.to_bytes().replace(b"2027-01-05T07:00:00Z", b"2027-01-05T07:00:00")
    with pytest.raises(ChannelError, match="'expires' is not an ISO-8601 time with a zone"):
        parse_index(data, "c.json")


def test_no_keys_means_no_channel() -> None:
    with pytest.raises(ChannelError, match="no trusted keys on this station"):
        check_index_signature(_GOOD.to_bytes(), b"x", [], "c.json")


# --- settings ------------------------------------------------------------------------------


def test_settings_from_the_station_file(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("x")
    config = tmp_path / "station.yaml"
    config.write_text(
        "channel: https://content.example/memorial/\n"
        "channel_poll_seconds: 600\n"
        f"channel_ca_file: {ca}\n"
    )
    settings, issues = read_channel_settings(config, {})
    assert issues == []
    assert settings.location == "https://content.example/memorial/"
    assert settings.poll_seconds == 600
    assert settings.ca_file == ca
    overridden, _ = read_channel_settings(config, {"KIOSK_CHANNEL": "/srv/channel"})
    assert overridden.location == "/srv/channel"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("channel: https://x/\nchannel_ca_file: /nowhere/ca.pem\n", "no such CA file"),
        ("channel: relative/folder\n", "neither an http(s):// URL nor an absolute"),
        ("channel: https:///path\n", "names no host"),
    ],
)
def test_a_bad_channel_setting_turns_the_channel_off(tmp_path: Path, text: str, words: str) -> None:
    config = tmp_path / "station.yaml"
    config.write_text(text)
    settings, issues = read_channel_settings(config, {})
    assert settings.location is None  # never a weaker channel (system CAs instead of none)
    assert any(words in issue.message for issue in issues), issues
    assert all(str(issue).startswith(f"{config}:") for issue in issues)


def test_a_bad_poll_interval_keeps_the_default(tmp_path: Path) -> None:
    config = tmp_path / "station.yaml"
    config.write_text("channel: /srv/c\nchannel_poll_seconds: 5\n")
    settings, issues = read_channel_settings(config, {})
    assert settings.location == "/srv/c"
    assert settings.poll_seconds == DEFAULT_POLL_SECONDS
    assert "5 is outside the allowed 30 to 86400" in str(issues[0])
    assert str(issues[0]).startswith(f"{config}:2:")


# --- state ---------------------------------------------------------------------------------


def test_a_damaged_state_file_reads_as_empty(data_dir: Path) -> None:
    state_path().parent.mkdir(parents=True)
    state_path().write_bytes(b"{not json")
    assert load_state().installed_sequence is None


# --- commands ------------------------------------------------------------------------------


def test_commands_publish_show_sync_status(
    material: Material,
    trusting: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    channel = tmp_path / "channel"
    monkeypatch.setenv("KIOSK_CHANNEL", str(channel))
    assert main(["channel", "status"]) == 0
    assert "nothing from this channel yet" in capsys.readouterr().out
    code = main(
        [
            *("channel", "publish", str(material.v1), "--channel", str(channel)),
            *("--key", str(material.key), "--not-before", "2026-01-01T00:00:00+04:00"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "published sequence" in out
    assert "shown from 2025-12-31T20:00:00Z" in out
    assert main(["channel", "show", str(channel)]) == 0
    shown = capsys.readouterr().out
    assert "sequence" in shown
    assert "signed by   trusted key" in shown
    assert main(["channel", "sync", "--once"]) == 0
    assert "installed sequence" in capsys.readouterr().out
    assert main(["channel", "status"]) == 0
    status = capsys.readouterr().out
    assert "installed   sequence" in status
    assert "last check" in status
    assert store().active_id() is not None


def test_command_mistakes(
    material: Material,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    channel = tmp_path / "channel"
    monkeypatch.delenv("KIOSK_CHANNEL", raising=False)
    assert main(["channel", "sync", "--once"]) == 2
    assert "no channel to follow" in capsys.readouterr().err
    assert main(["channel", "sync"]) == 2
    assert "--once" in capsys.readouterr().err
    bad_time = ["--not-before", "2027-01-20T00:00:00"]
    assert main(["channel", "publish", str(material.v1), "--channel", str(channel),
                 "--key", str(material.key), *bad_time]) == 2  # fmt: skip
    assert "no time zone" in capsys.readouterr().err
    # A pack signed with another key than the channel's: refused, with the fix.
    assert main(["channel", "publish", str(material.v1_other), "--channel", str(channel),
                 "--key", str(material.key)]) == 1  # fmt: skip
    error = capsys.readouterr().err
    assert "kiosk pack sign" in error
    assert not (channel / "channel.json").exists()
    publish_pack(material, material.v1, channel)
    # Shown on a machine that trusts no key: printed nothing as verified.
    assert main(["channel", "show", str(channel)]) == 1
    assert "no trusted keys" in capsys.readouterr().err
    assert main(["channel", "show", str(channel), "--trust", str(material.pub)]) == 0
    (channel / "channel.json").write_text("garbage")
    assert main(["channel", "publish", str(material.v2), "--channel", str(channel),
                 "--key", str(material.key)]) == 2  # fmt: skip
    assert "cannot be read as a channel index" in capsys.readouterr().err


def test_publish_keeps_the_current_and_the_previous_pack(
    material: Material, tmp_path: Path
) -> None:
    channel = tmp_path / "channel"
    first = publish_pack(material, material.v1, channel)
    second = publish_pack(material, material.v2, channel)
    third = publish_pack(material, material.v1, channel)
    assert first.index.sequence < second.index.sequence < third.index.sequence
    assert sorted(f"packs/{p.name}" for p in (channel / "packs").iterdir()) == sorted(
        {second.index.pack.path, third.index.pack.path}
    )


# --- HTTPS ---------------------------------------------------------------------------------


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A museum's own CA and a certificate it issued for 127.0.0.1: (ca, cert, key)."""
    now = dt.datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Museum test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


def test_https_with_the_museums_own_ca(material: Material, trusting: Path, tmp_path: Path) -> None:
    ca, cert, key = _certificates(tmp_path)
    channel = tmp_path / "channel"
    publish_pack(material, material.v1, channel)
    with channel_server(channel, tls=(cert, key)) as server:
        location = server.url("/")
        # Without the CA: the system's authorities do not know it.
        outcome = sync(location, policy=FetchPolicy(read_timeout=10))
        assert outcome.result == "unreachable"
        assert "certificate is not trusted" in outcome.message
        assert location in outcome.message
        assert store().active_id() is None
        outcome = sync(location, policy=FetchPolicy(read_timeout=10, ca_file=ca))
        assert outcome.result == "installed", outcome.message


def test_no_redirect_from_https_down_to_http(
    material: Material, trusting: Path, tmp_path: Path
) -> None:
    ca, cert, key = _certificates(tmp_path)
    channel = tmp_path / "channel"
    publish_pack(material, material.v1, channel)
    with channel_server(channel) as plain, channel_server(channel, (cert, key)) as secure:
        secure.routes["/channel.json"] = redirect_to(plain.url("/channel.json"))
        outcome = sync(secure.url("/"), policy=FetchPolicy(read_timeout=10, ca_file=ca))
        assert outcome.result == "refused"
        assert "redirected from HTTPS down to plain HTTP" in outcome.message
        assert not plain.seen


def test_a_channel_in_the_station_file_is_followed(
    material: Material,
    trusting: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    channel = tmp_path / "channel"
    publish_pack(material, material.v1, channel)
    monkeypatch.delenv("KIOSK_CHANNEL", raising=False)
    (tmp_path / "station.yaml").write_text(f"channel: {channel}\nchannel_poll_seconds: 60\n")
    code = main(["channel", "sync", "--once"])
    assert "installed sequence" in capsys.readouterr().out
    assert code == 0


def test_one_round_at_a_time(material: Material, trusting: Path, tmp_path: Path) -> None:
    from kiosk.channel.state import channel_dir  # noqa: PLC0415
    from kiosk.packs.lock import exclusive_lock  # noqa: PLC0415

    channel = tmp_path / "channel"
    publish_pack(material, material.v1, channel)
    channel_dir().mkdir(parents=True)
    with exclusive_lock(channel_dir() / "lock"):  # a cron round while the kiosk's runs
        outcome = sync(str(channel))
    assert outcome.result == "busy"
    assert outcome.ok  # not a failure of the channel: exit 0 for cron
    assert "another channel round is running" in outcome.message
    assert store().active_id() is None
    assert sync(str(channel)).result == "installed"
