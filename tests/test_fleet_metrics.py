"""A kiosk's metrics for a fleet's Prometheus: the channel's state as sequences, the last
check and its result; the node exporter's textfile written atomically and readable by the
exporter; where the endpoint listens; out of order; and a real kiosk writing both."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QWidget

from disks import read_only_folder
from kiosk.channel.state import ChannelState, Pending, save_state
from kiosk.ops.metrics import ChannelFigures, fallback_text, prometheus_text
from kiosk.ops.textfile import textfile_problem, write_textfile
from kiosk.ui.fleet_metrics import (
    LOOPBACK,
    KioskMetrics,
    address_setting,
    channel_figures,
    mark_fallback,
    textfile_setting,
)
from kiosk.ui.health_writer import HealthWriter
from kiosk.ui.metrics_server import MetricsServer

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

CHANNEL = "https://content.example/memorial/"
NOON = datetime(2027, 1, 20, 12, 0, tzinfo=UTC).timestamp()
HEALTH: dict[str, object] = {
    "uptime_s": 120,
    "starts": 4,
    "memory_mib": 100.0,
    "kiosk_version": "0.1.0",
    "content_version": "memorial-2",
    "written_at": int(NOON),
    "problems": [],
    "visits_last_hour": 12,
}


def state(**changes: object) -> ChannelState:
    return ChannelState(
        channel=CHANNEL,
        installed_sequence=2,
        installed_version="memorial-2",
        last_check="2027-01-20T11:55:00Z",
        last_result="up-to-date",
    ).with_(**changes)


def test_the_channel_state_as_figures() -> None:
    figures = channel_figures(CHANNEL, state(), NOON)
    assert figures == ChannelFigures(
        channel=CHANNEL,
        installed_sequence=2,
        seen_sequence=2,
        last_check=NOON - 300,
        last_result="up-to-date",
        last_ok=True,
        failures=0,
    )
    failing = channel_figures(CHANNEL, state(last_result="unreachable", failures=3), NOON)
    assert failing.last_ok is False and failing.failures == 3


def test_a_pack_waiting_for_not_before_counts_as_published_from_that_moment() -> None:
    waiting = state(pending=Pending(3, "ab" * 32, "2027-01-20T12:00:00Z", "3.kioskpack"))
    before = channel_figures(CHANNEL, waiting, NOON - 1)
    assert (before.installed_sequence, before.seen_sequence) == (2, 2)  # not behind
    assert (before.waiting_sequence, before.waiting_from) == (3, NOON)
    after = channel_figures(CHANNEL, waiting, NOON)
    assert (after.installed_sequence, after.seen_sequence) == (2, 3)  # behind until installed


def test_a_record_of_another_channel_says_nothing_of_this_one() -> None:
    figures = channel_figures(CHANNEL, state(channel="/mnt/old-share"), NOON)
    assert figures == ChannelFigures(channel=CHANNEL, installed_sequence=0, seen_sequence=0)


def test_the_text_has_every_figure_and_escapes_labels() -> None:
    odd = 'https://content.example/"memorial"\\'
    figures = channel_figures(odd, state(channel=odd, last_result="refused", failures=1), NOON)
    text = prometheus_text(HEALTH, figures, out_of_order=True)
    escaped = 'channel="https://content.example/\\"memorial\\"\\\\"'
    for line in (
        "kiosk_up 1",
        "kiosk_starts_total 4",
        f"kiosk_start_time_seconds {NOON - 120:.0f}",
        f"kiosk_last_refresh_timestamp_seconds {NOON:.0f}",
        "kiosk_out_of_order 1",
        "kiosk_fallback 0",
        "kiosk_problems 0",
        "kiosk_visits_last_hour 12",
        f"kiosk_content_sequence{{{escaped}}} 2",
        f"kiosk_channel_seen_sequence{{{escaped}}} 2",
        f"kiosk_channel_failures{{{escaped}}} 1",
        f"kiosk_channel_last_check_timestamp_seconds{{{escaped}}} {NOON - 300:.0f}",
        f"kiosk_channel_last_check_success{{{escaped}}} 0",
        f'kiosk_channel_last_result{{{escaped},result="refused"}} 1',
    ):
        assert f"\n{line}\n" in text, line
    assert "kiosk_channel_waiting" not in text
    assert "kiosk_content_sequence" not in prometheus_text(HEALTH)  # no channel followed


def test_the_text_passes_promtool() -> None:
    promtool = shutil.which("promtool")
    if promtool is None:
        if os.environ.get("CI") == "true":
            pytest.fail("promtool is not installed; CI installs Debian's prometheus package")
        pytest.skip("promtool is not installed (Debian: apt-get install prometheus)")
    waiting = state(pending=Pending(3, "ab" * 32, "2027-01-20T13:00:00Z", "3.kioskpack"))
    for text in (
        prometheus_text(HEALTH, channel_figures(CHANNEL, waiting, NOON)),
        fallback_text("0.1.0"),
    ):
        checked = subprocess.run(
            [promtool, "check", "metrics"],
            check=False,
            input=text,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_textfile_is_replaced_whole_and_readable_by_the_exporter(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.prom"
    write_textfile(path, "kiosk_up 1\n")
    write_textfile(path, "kiosk_up 1\nkiosk_starts_total 2\n")
    assert path.read_text("utf-8") == "kiosk_up 1\nkiosk_starts_total 2\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # the exporter runs as its own user
    assert [p.name for p in tmp_path.iterdir()] == ["kiosk.prom"]  # no temporary left


def test_a_textfile_folder_that_refuses_writes_raises_and_leaves_nothing(tmp_path: Path) -> None:
    with read_only_folder(tmp_path) as folder:
        refused = folder.parent  # the read-only disk itself (or a file, where no mount)
        with pytest.raises(OSError):
            write_textfile(refused / "kiosk.prom", "kiosk_up 1\n")
        assert not refused.is_dir() or list(refused.iterdir()) == []


def test_the_textfile_setting(caplog: pytest.LogCaptureFixture) -> None:
    assert textfile_setting({}) is None
    path = "/var/lib/prometheus/node-exporter/kiosk.prom"
    assert textfile_setting({"KIOSK_METRICS_TEXTFILE": path}) == Path(path)
    with caplog.at_level(logging.WARNING):
        assert textfile_setting({"KIOSK_METRICS_TEXTFILE": "kiosk.prom"}) is None
        assert textfile_setting({"KIOSK_METRICS_TEXTFILE": "/var/lib/kiosk.txt"}) is None
    assert "not an absolute path" in caplog.text and "ending in .prom" in caplog.text
    assert textfile_problem(Path("/x/kiosk.prom")) is None


def test_the_endpoint_listens_on_loopback_unless_the_station_names_an_address(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert address_setting({}) == LOOPBACK
    assert address_setting({"KIOSK_METRICS_ADDRESS": "192.168.10.20"}) == "192.168.10.20"
    assert address_setting({"KIOSK_METRICS_ADDRESS": " fe80::1 "}) == "fe80::1"
    with caplog.at_level(logging.WARNING):
        # A name is not an address: it could resolve to anything; fails closed.
        assert address_setting({"KIOSK_METRICS_ADDRESS": "kiosk.local"}) == LOOPBACK
        assert address_setting({"KIOSK_METRICS_ADDRESS": "0.0.0.0 # all"}) == LOOPBACK
    assert "not an IP address" in caplog.text


def test_the_endpoint_serves_the_channel_figures(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    save_state(state(installed_sequence=7), path)
    server = MetricsServer(lambda: HEALTH)
    server.metrics = KioskMetrics(channel=CHANNEL, state_path=path)
    assert server.listen(0, "127.0.0.1")
    try:
        assert server.address == "127.0.0.1"
        url = f"http://127.0.0.1:{server.port}/metrics"
        with urllib.request.urlopen(url, timeout=30) as answer:
            body = answer.read().decode()
    finally:
        server.close()
    assert f'kiosk_content_sequence{{channel="{CHANNEL}"}} 7\n' in body
    assert "kiosk_metrics_age_seconds" in body


def test_out_of_order_is_the_notice_on_screen(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    notice = QWidget(window)
    notice.setObjectName("OutOfOrder")  # as ui/staff/layers.py names it
    notice.hide()
    window.show()
    metrics = KioskMetrics(window, read_settings=False)
    assert "\nkiosk_out_of_order 0\n" in metrics.text(HEALTH)
    notice.show()
    assert "\nkiosk_out_of_order 1\n" in metrics.text(HEALTH)


def test_the_health_writer_writes_the_textfile_and_carries_on_when_it_cannot(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    textfile = tmp_path / "node-exporter" / "kiosk.prom"
    textfile.parent.mkdir()
    writer = HealthWriter(tmp_path / "health.json", lambda: dict(HEALTH), textfile=textfile)
    writer.metrics = KioskMetrics(read_settings=False)
    writer.write_now()
    assert "\nkiosk_starts_total 4\n" in textfile.read_text("utf-8")
    with read_only_folder(tmp_path) as refused, caplog.at_level(logging.WARNING):
        writer.textfile = refused / "kiosk.prom"
        writer.write_now()
        writer.write_now()
    assert caplog.text.count("metrics textfile: cannot write") == 1  # then quiet retries
    assert (tmp_path / "health.json").is_file()  # the health report is still written


def test_the_fallback_notice_says_so_in_the_textfile(tmp_path: Path) -> None:
    textfile = tmp_path / "kiosk.prom"
    write_textfile(textfile, prometheus_text(HEALTH))
    mark_fallback({"KIOSK_METRICS_TEXTFILE": str(textfile)})
    text = textfile.read_text("utf-8")
    assert "\nkiosk_up 0\n" in text and "\nkiosk_fallback 1\n" in text
    # No start count (a 0 would read as a counter reset, then every start as a restart)
    # and no refresh time (nothing renews it: KioskDown would fire beside KioskOnFallback).
    assert "kiosk_starts_total" not in text and "kiosk_last_refresh" not in text
    mark_fallback({})  # no textfile configured: nothing to do, nothing raised


def wait_for_file(path: Path, needle: str, process: subprocess.Popen[bytes]) -> str:
    """A real kiosk writes it when it starts: the file is polled (an outside process gives
    no signal to wait on), within a generous hang guard."""
    deadline, pause = time.monotonic() + 120, threading.Event()
    while time.monotonic() < deadline:
        if path.is_file() and needle in (text := path.read_text("utf-8")):
            return text
        assert process.poll() is None, "the kiosk stopped"
        pause.wait(0.2)
    raise AssertionError(f"no {needle} in {path} within 120 s")


def test_a_running_kiosk_writes_the_textfile_with_its_channel(tmp_path: Path) -> None:
    data = tmp_path / "data"
    save_state(state(installed_sequence=5), data / "channel" / "state.json")
    textfile = tmp_path / "node-exporter" / "kiosk.prom"
    textfile.parent.mkdir()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KIOSK_DATA_DIR=str(data),
        KIOSK_LOG_DIR=str(tmp_path / "logs"),
        KIOSK_CONFIG=str(tmp_path / "station.yaml"),  # absent: the defaults
        KIOSK_CHANNEL=CHANNEL,
        KIOSK_METRICS_TEXTFILE=str(textfile),
    )
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--windowed"], env=env, stderr=subprocess.DEVNULL
    )
    try:
        text = wait_for_file(textfile, "kiosk_content_sequence", kiosk)
    finally:
        kiosk.kill()
        kiosk.wait()
    assert f'\nkiosk_content_sequence{{channel="{CHANNEL}"}} 5\n' in text
    assert "\nkiosk_up 1\n" in text and "\nkiosk_out_of_order 0\n" in text
    assert 'content="factory"' in text
    assert stat.S_IMODE(textfile.stat().st_mode) == 0o644
