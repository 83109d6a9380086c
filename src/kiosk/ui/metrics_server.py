"""The metrics over HTTP, on the loopback address only, and only when the station's
configuration turns them on.  Answered on the GUI thread: a frozen kiosk answers nothing,
which is what monitoring should see."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QHostAddress, QTcpServer, QTcpSocket

from kiosk.ops.metrics import prometheus_text

MAX_REQUEST_BYTES = 4096


class MetricsServer(QObject):
    def __init__(
        self, health: Callable[[], dict[str, object]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.health = health
        self.server = QTcpServer(self)
        self.server.newConnection.connect(self._accept)

    def listen(self, port: int) -> bool:
        return self.server.listen(QHostAddress(QHostAddress.SpecialAddress.LocalHost), port)

    @property
    def port(self) -> int:
        return self.server.serverPort()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._answer(c))

    def _answer(self, connection: QTcpSocket) -> None:
        request = bytes(connection.read(MAX_REQUEST_BYTES).data())
        if request.startswith(b"GET /metrics"):
            body = prometheus_text(self.health()).encode()
            status, kind = b"200 OK", b"text/plain; version=0.0.4; charset=utf-8"
        else:
            body, status, kind = b"not found\n", b"404 Not Found", b"text/plain"
        connection.write(
            b"HTTP/1.1 "
            + status
            + b"\r\nContent-Type: "
            + kind
            + b"\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\nConnection: close\r\n\r\n"
            + body
        )
        connection.disconnectFromHost()
