"""Prometheus metrics: off unless configured, on the loopback address only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtNetwork import QAbstractSocket, QTcpSocket

from kiosk.ops.metrics import prometheus_text
from kiosk.station import load_station_config
from kiosk.ui.metrics_server import MetricsServer

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

HEALTH = {
    "uptime_s": 120,
    "starts": 2,
    "memory_mib": 100.0,
    "kiosk_version": "0.1.0",
    "content_version": "factory",
    "screen": "home",
    "last_error_at": None,
}


def test_the_text_format() -> None:
    text = prometheus_text(HEALTH)
    assert "kiosk_up 1\n" in text
    assert "kiosk_uptime_seconds 120\n" in text
    assert "kiosk_memory_bytes 104857600\n" in text
    assert 'kiosk_info{version="0.1.0",content="factory"} 1\n' in text
    assert "home" not in text  # never what a visitor is looking at now
    assert text.endswith("kiosk_last_error_timestamp_seconds 0\n")


def test_off_by_default() -> None:
    assert load_station_config(environ={})[0].metrics_port is None


def test_served_over_http_on_loopback(qtbot: QtBot) -> None:
    server = MetricsServer(lambda: HEALTH)
    assert server.listen(0)
    assert server.address == "127.0.0.1"
    client = QTcpSocket()
    client.connectToHost("127.0.0.1", server.port)
    qtbot.waitUntil(lambda: client.state() == QAbstractSocket.SocketState.ConnectedState)
    client.write(b"GET /metrics HTTP/1.1\r\nHost: kiosk\r\n\r\n")
    received = bytearray()

    def answered() -> bool:
        received.extend(bytes(client.readAll().data()))
        return b"kiosk_last_error_timestamp_seconds" in received

    qtbot.waitUntil(answered, timeout=5000)
    assert received.startswith(b"HTTP/1.1 200 OK")
    assert b"kiosk_starts_total 2" in received
    client.close()
    server.close()
