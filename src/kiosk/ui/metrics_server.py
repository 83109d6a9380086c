"""The metrics over HTTP, on the loopback address unless the station names another
(``kiosk.ui.fleet_metrics.address_setting``), and only when the station's configuration
turns them on.

Served from a thread of its own that reads nothing but a snapshot: the GUI thread renders
the metrics every few seconds and hands the finished bytes over, so no request, however
many or however slow, runs work on the GUI thread or waits for it.  A frozen interface
stops refreshing the snapshot, and the endpoint says so (``kiosk_up 0``) instead of going
silent.  Flood limits: a small cap on open connections (more are told 503 and closed), a
fixed deadline for a whole request (a silent or slow client is closed after a few
seconds), requests read up to 4 KiB, and nothing kept once a connection ends.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer

from kiosk.ui.fleet_metrics import KioskMetrics, address_setting

MAX_REQUEST_BYTES = 4096
MAX_CONNECTIONS = 16
IDLE_TIMEOUT_S = 3.0
REFRESH_MS = 5_000
# Three missed refreshes: the GUI thread is not running its timers.
STALE_AFTER_S = 3 * REFRESH_MS / 1000
_POLL_S = 0.5  # how often the thread looks at deadlines and at a request to stop


def _response(status: bytes, kind: bytes, body: bytes) -> bytes:
    return (
        b"HTTP/1.1 "
        + status
        + b"\r\nContent-Type: "
        + kind
        + b"\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\nConnection: close\r\n\r\n"
        + body
    )


_NOT_FOUND = _response(b"404 Not Found", b"text/plain", b"not found\n")
_BUSY = _response(b"503 Service Unavailable", b"text/plain", b"too many connections\n")
_METRICS_KIND = b"text/plain; version=0.0.4; charset=utf-8"


@dataclass
class _Connection:
    deadline: float
    received: bytearray = field(default_factory=bytearray)
    outgoing: memoryview | None = None


class _ServerThread(threading.Thread):
    """The accept/read/write loop, non-blocking, on one selector."""

    def __init__(self, listener: socket.socket, snapshot: Callable[[], bytes]) -> None:
        super().__init__(name="kiosk-metrics", daemon=True)
        self.listener = listener
        self.snapshot = snapshot
        self.stopping = threading.Event()
        self.selector = selectors.DefaultSelector()
        self.connections: dict[socket.socket, _Connection] = {}

    def run(self) -> None:
        self.selector.register(self.listener, selectors.EVENT_READ)
        try:
            while not self.stopping.is_set():
                for key, events in self.selector.select(_POLL_S):
                    sock = key.fileobj
                    assert isinstance(sock, socket.socket)
                    try:
                        if sock is self.listener:
                            self._accept()
                        elif events & selectors.EVENT_READ:
                            self._read(sock)
                        elif events & selectors.EVENT_WRITE:
                            self._write(sock)
                    except Exception:  # one odd client must not end the endpoint
                        if sock is not self.listener:
                            self._close(sock)
                self._expire()
        finally:
            for sock in list(self.connections):
                self._close(sock)
            self.selector.close()
            self.listener.close()

    def _accept(self) -> None:
        for _ in range(MAX_CONNECTIONS * 2):  # bounded: the loop must come back to deadlines
            try:
                sock, _address = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:  # out of file descriptors, a reset before accept: try later
                return
            if len(self.connections) >= MAX_CONNECTIONS:
                with contextlib.suppress(OSError):
                    sock.setblocking(False)
                    sock.send(_BUSY)
                sock.close()
                continue
            sock.setblocking(False)
            self.connections[sock] = _Connection(time.monotonic() + IDLE_TIMEOUT_S)
            self.selector.register(sock, selectors.EVENT_READ)

    def _read(self, sock: socket.socket) -> None:
        connection = self.connections[sock]
        try:
            chunk = sock.recv(MAX_REQUEST_BYTES)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:
            self._close(sock)
            return
        connection.received += chunk
        if b"\r\n\r\n" not in connection.received and len(connection.received) < (
            MAX_REQUEST_BYTES
        ):
            return
        request = bytes(connection.received[:MAX_REQUEST_BYTES])
        answer = self.snapshot() if request.startswith(b"GET /metrics") else _NOT_FOUND
        connection.received = bytearray()
        connection.outgoing = memoryview(answer)
        self.selector.modify(sock, selectors.EVENT_WRITE)
        self._write(sock)

    def _write(self, sock: socket.socket) -> None:
        connection = self.connections[sock]
        assert connection.outgoing is not None
        try:
            sent = sock.send(connection.outgoing)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._close(sock)
            return
        connection.outgoing = connection.outgoing[sent:]
        if not connection.outgoing:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_WR)
            self._close(sock)

    def _expire(self) -> None:
        now = time.monotonic()
        for sock in [s for s, c in self.connections.items() if c.deadline <= now]:
            self._close(sock)

    def _close(self, sock: socket.socket) -> None:
        self.connections.pop(sock, None)
        with contextlib.suppress(KeyError, ValueError):
            self.selector.unregister(sock)
        sock.close()


class MetricsServer(QObject):
    """Call ``listen(port)``; ``close()`` stops the thread (also when the application quits,
    through the parent's destruction or a direct call)."""

    def __init__(
        self, health: Callable[[], dict[str, object]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.health = health
        self.metrics = KioskMetrics(parent)  # the channel's state, the out-of-order notice
        # (when it was made, the rendered metrics): replaced whole, read whole, so the
        # thread never sees half a snapshot.
        self._snapshot: tuple[float, str] = (time.monotonic(), "")
        self._thread: _ServerThread | None = None
        self._port = 0
        self._host = "127.0.0.1"
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.destroyed.connect(self._thread_stopper())

    def listen(self, port: int, host: str | None = None) -> bool:
        """``host``: an IP address; default: the station's (loopback unless it says)."""
        host = address_setting() if host is None else host
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listener = socket.socket(family, socket.SOCK_STREAM)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((host, port))
            listener.listen(MAX_CONNECTIONS * 4)  # the rest wait for their 503, not a retry
            listener.setblocking(False)
        except OSError:
            listener.close()
            return False
        self._port = listener.getsockname()[1]
        self._host = host
        self.refresh()
        self._thread = _ServerThread(listener, self._answer)
        self._thread.start()
        self._timer.start()
        return True

    @property
    def port(self) -> int:
        return self._port

    @property
    def address(self) -> str:
        return self._host

    def refresh(self) -> None:
        """On the GUI thread: render the metrics now and hand them to the server thread."""
        self._snapshot = (time.monotonic(), self.metrics.text(self.health()))

    def close(self) -> None:
        self._timer.stop()
        self._thread_stopper()()

    def _thread_stopper(self) -> Callable[..., None]:
        # Holds the thread, not self: it may run while the QObject is being destroyed.
        def stop(*_args: object) -> None:
            thread, self._thread = self._thread, None
            if thread is not None:
                thread.stopping.set()
                thread.join(timeout=5)

        return stop

    def _answer(self) -> bytes:
        """On the server thread: the snapshot, and whether the GUI thread still renews it."""
        made, text = self._snapshot
        age = time.monotonic() - made
        up = age <= STALE_AFTER_S
        body = text.replace("kiosk_up 1\n", f"kiosk_up {int(up)}\n", 1) + (
            "# HELP kiosk_metrics_age_seconds How old these figures are (the watchdog's age:"
            " the interface's thread renews them, as it pings the watchdog).\n"
            "# TYPE kiosk_metrics_age_seconds gauge\n"
            f"kiosk_metrics_age_seconds {age:.1f}\n"
        )
        return _response(b"200 OK", _METRICS_KIND, body.encode())
