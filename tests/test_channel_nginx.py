"""Two real kiosks follow one channel served by Debian's nginx on 127.0.0.1: one over HTTP,
one over HTTPS with a certificate authority made for the test (scripts/ci-channel-nginx.sh).
`kiosk channel publish` puts v1 up, both kiosks (real `kiosk run` processes, offscreen, each
its own station) end on v1; v2 is published, both end on v2; the old index copied back is
refused by each station.  nginx also serves a channel made wrong in each way a server or a
publisher can (wrong hash or size, an untrusted signer, an expired index, a redirect loop,
an HTML page, nothing there): each is refused and nothing is installed.  All on loopback;
every wait is bounded.

Skips without nginx (apt install nginx); in CI (CI=true) a missing nginx fails: .ci/run
installs it."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from channel_fixtures import Material, material
from kiosk.channel.publish import publish as publish_api
from kiosk.channel.state import ChannelState, load_state

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

__all__ = ["material"]  # fixture

pytestmark = pytest.mark.slow  # each kiosk polls every 30 s at the quickest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "ci-channel-nginx.sh"
KIOSK = (sys.executable, "-m", "kiosk")
# Hang guards only: a kiosk's first look comes within 30 s of its start (jittered), the
# next ones every 30 s give or take a tenth; a busy machine may start a kiosk slowly.
CONVERGE_MS = 150_000
PROCESS_S = 60


def unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: .ci/run installs it")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Nginx:
    http: str  # the channel's URL over HTTP
    https: str
    ca_file: Path
    folder: Path  # the server's own files (configuration, logs)

    def requests(self) -> list[tuple[str, str, int, int]]:
        """(scheme, request line, status, bytes sent) from the access log."""
        lines = (self.folder / "access.log").read_text(encoding="utf-8").splitlines()
        found = []
        for line in lines:
            scheme, rest = line.split(" ", 1)
            request, status, sent = rest.rsplit(" ", 2)
            found.append((scheme, request.strip('"'), int(status), int(sent)))
        return found


@pytest.fixture
def nginx(tmp_path: Path) -> Iterator[Nginx]:
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        unavailable("nginx is not installed (apt install nginx)")
    if shutil.which("openssl") is None:
        unavailable("openssl is not installed (apt install openssl)")
    channel = tmp_path / "channel"
    channel.mkdir()
    folder = tmp_path / "nginx"
    ports = [str(free_port()), str(free_port())]
    started = subprocess.run(
        ["bash", str(SCRIPT), "start", str(folder), str(channel), *ports],
        capture_output=True,
        text=True,
        timeout=PROCESS_S,
        check=False,
    )
    assert started.returncode == 0, started.stderr
    http, https, ca_file = started.stdout.split()
    try:
        yield Nginx(http, https, Path(ca_file), folder)
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], timeout=PROCESS_S, check=False)


@dataclass
class Station:
    """One kiosk's own folders, configuration and environment."""

    name: str
    folder: Path
    env: dict[str, str]

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def state(self) -> ChannelState:
        return load_state(self.data / "channel" / "state.json")

    def kiosk(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*KIOSK, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=PROCESS_S,
            check=False,
        )


def station(
    tmp_path: Path, name: str, material: Material, channel: str, ca: Path | None
) -> Station:
    folder = tmp_path / name
    folder.mkdir()
    settings = {"channel": channel, "channel_poll_seconds": "30"}
    if ca is not None:
        settings["channel_ca_file"] = str(ca)
    lines = ["trusted_keys:", f"  - {material.pub}"]
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KIOSK_DATA_DIR=str(folder / "data"),
        KIOSK_LOG_DIR=str(folder / "logs"),
        KIOSK_CONFIG=str(folder / "station.yaml"),
    )
    lines += [f"{key}: {value}" for key, value in settings.items()]  # as on a station
    (folder / "station.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Station(name, folder, env)


Kiosks = list[tuple[Station, subprocess.Popen[bytes]]]


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Kiosks]:
    """Kiosk processes the test starts; each is ended (SIGTERM, then SIGKILL) afterwards."""
    started: Kiosks = []
    yield started
    for _, process in started:
        process.terminate()
    for _, process in started:
        try:
            process.wait(timeout=PROCESS_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=PROCESS_S)


def start_kiosk(at: Station, running: Kiosks) -> subprocess.Popen[bytes]:
    with (at.folder / "stderr.txt").open("wb") as stderr:
        process = subprocess.Popen(
            [*KIOSK, "run", "--windowed", "--size", "800x600"],
            env=at.env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    running.append((at, process))
    return process


def publish(material: Material, pack: Path, folder: Path) -> int:
    """`kiosk channel publish`; the sequence it printed."""
    done = subprocess.run(
        [
            *KIOSK,
            "channel",
            "publish",
            str(pack),
            "--channel",
            str(folder),
            "--key",
            str(material.key),
        ],
        capture_output=True,
        text=True,
        timeout=PROCESS_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = re.search(r"published sequence (\d+)", done.stdout)
    assert found is not None, done.stdout
    return int(found.group(1))


def wait_until_installed(qtbot: QtBot, kiosks: Kiosks, sequence: int) -> None:
    def installed() -> bool:
        for at, process in kiosks:
            if process.poll() is not None:
                err = (at.folder / "stderr.txt").read_text(errors="replace")
                pytest.fail(f"kiosk {at.name} ended ({process.returncode}): {err[-2000:]}")
        return all(at.state().installed_sequence == sequence for at, _ in kiosks)

    try:
        qtbot.waitUntil(installed, timeout=CONVERGE_MS)
    except AssertionError:
        states = {at.name: at.state() for at, _ in kiosks}
        pytest.fail(f"not all kiosks installed sequence {sequence}: {states}")


def test_two_kiosks_follow_one_channel_served_by_nginx_and_refuse_a_replayed_index(
    qtbot: QtBot, nginx: Nginx, material: Material, tmp_path: Path, running: Kiosks
) -> None:
    channel = tmp_path / "channel"
    plain = station(tmp_path, "http", material, nginx.http, None)
    secure = station(tmp_path, "https", material, nginx.https, nginx.ca_file)
    v1 = publish(material, material.v1, channel)
    old_index = {name: (channel / name).read_bytes() for name in ("channel.json", "channel.sig")}
    start_kiosk(plain, running)
    start_kiosk(secure, running)
    wait_until_installed(qtbot, running, v1)

    v2 = publish(material, material.v2, channel)
    assert v2 > v1
    wait_until_installed(qtbot, running, v2)
    for at, _ in running:
        assert at.state().last_error is None, at.state().last_error
        status = at.kiosk("channel", "status")
        assert status.returncode == 0, status.stderr
        assert f"sequence {v2} ({at.state().installed_version})" in status.stdout
        listing = at.kiosk("pack", "list").stdout
        active = [line for line in listing.splitlines() if line.startswith("* ")]
        assert active and str(at.state().installed_version) in active[0], listing
        log = (at.folder / "logs" / "kiosk.log").read_text(encoding="utf-8")
        assert "following the content channel" in log  # the kiosk's own follower did it

    # Both ways were nginx's: the index and each pack over HTTP and over HTTPS.
    served = nginx.requests()
    for scheme in ("http", "https"):
        asked = [request for s, request, status, _ in served if s == scheme and status == 200]
        assert any("channel.json" in request for request in asked), served
        assert sum("/packs/" in request for request in asked) == 2, served

    # The running kiosks stop; a round by hand on each station then meets the old index.
    for _, process in running:
        process.terminate()
        process.wait(timeout=PROCESS_S)
    for name, data in old_index.items():
        (channel / name).write_bytes(data)
    for at, _ in running:
        replay = at.kiosk("channel", "sync", "--once")
        assert replay.returncode == 1, replay.stdout + replay.stderr
        assert f"sequence {v1} is older than sequence {v2}" in replay.stderr
        assert "replayed or downgraded" in replay.stderr
        assert at.state().installed_sequence == v2
        assert f"sequence {v2}" in at.kiosk("channel", "status").stdout


def tampered(channel: Path, material: Material, name: str, change: str) -> str:
    """A channel of its own beside the good one (served under /channel/NAME/), made wrong
    in one way; the sub-path to follow."""
    folder = channel / name
    long_ago = datetime.now(UTC) - timedelta(days=10)
    if change == "untrusted":
        publish_api(material.v1_other, folder, material.other_key)
        return f"{name}/"
    if change == "expired":
        publish_api(material.v1, folder, material.key, now=long_ago, expires_in_days=1)
        return f"{name}/"
    published = publish_api(material.v1, folder, material.key)
    pack = folder / published.index.pack.path
    data = bytearray(pack.read_bytes())
    if change == "hash":
        data[100] ^= 0xFF  # the same size, other bytes
    else:
        data += b"extra"
    pack.write_bytes(bytes(data))
    return f"{name}/"


def test_nginx_serves_each_bad_channel_and_nothing_is_installed(
    nginx: Nginx, material: Material, tmp_path: Path
) -> None:
    channel = tmp_path / "channel"
    base = nginx.http.removesuffix("/channel/")
    cases = {
        nginx.http
        + tampered(channel, material, "hash", "hash"): "does not match the index: sha256",
        nginx.http + tampered(channel, material, "size", "size"): "bytes, the channel's index says",
        nginx.http + tampered(channel, material, "stranger", "untrusted"): "any trusted key",
        nginx.https + tampered(channel, material, "old", "expired"): "expired at",
        f"{base}/loop-a/": "redirect loop",
        f"{base}/portal/": "an HTML page came instead of JSON",
        f"{base}/nowhere/": "answered 404",
    }
    at = station(tmp_path, "refusing", material, nginx.https, nginx.ca_file)
    for url, expected in cases.items():
        at.env["KIOSK_CHANNEL"] = url  # over the station file's channel
        refused = at.kiosk("channel", "sync", "--once")
        assert refused.returncode == 1, (url, refused.stdout, refused.stderr)
        assert expected in refused.stderr, (url, refused.stderr)
        assert "Traceback" not in refused.stderr
        assert at.state().installed_sequence is None
        downloads = at.data / "channel" / "downloads"
        assert not downloads.exists() or not any(downloads.iterdir()), url
    listing = at.kiosk("pack", "list").stdout
    assert "* factory default" in listing, listing  # the exhibit is as it was
