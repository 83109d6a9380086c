"""Helpers for the channel tests: a small HTTP server on loopback whose answers each test
shapes (files with ETag and Range, redirects, trickling, cut-short and lying answers)."""

from __future__ import annotations

import contextlib
import hashlib
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kiosk.packs.store import ContentStore


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


# A route answers one request: (handler, path) -> None, writing the whole answer itself.
Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class ChannelServer:
    """Serves ``root`` as files (ETag, If-None-Match, Range) unless ``routes`` names the
    path; records every request in ``seen``."""

    root: Path
    routes: dict[str, Route] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    port: int = 0

    scheme: str = "http"

    def url(self, path: str = "/") -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}{path}"

    def requests_for(self, suffix: str) -> list[Seen]:
        return [seen for seen in self.seen if seen.path.endswith(suffix)]


def serve_file(handler: BaseHTTPRequestHandler, path: Path) -> None:
    if not path.is_file():
        handler.send_error(404)
        return
    data = path.read_bytes()
    etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
    if handler.headers.get("If-None-Match") == etag:
        handler.send_response(304)
        handler.send_header("ETag", etag)
        handler.end_headers()
        return
    wanted = handler.headers.get("Range")
    start = 0
    if wanted and wanted.startswith("bytes=") and wanted.endswith("-"):
        start = int(wanted[len("bytes=") : -1])
        handler.send_response(206)
        handler.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
    else:
        handler.send_response(200)
    handler.send_header("Content-Length", str(len(data) - start))
    handler.send_header("ETag", etag)
    handler.send_header("Content-Type", "application/octet-stream")
    handler.end_headers()
    handler.wfile.write(data[start:])


@contextmanager
def channel_server(root: Path, tls: tuple[Path, Path] | None = None) -> Iterator[ChannelServer]:
    """Serves ``root`` on 127.0.0.1 (``tls``: over HTTPS with that certificate and key)."""
    server_state = ChannelServer(root, scheme="https" if tls else "http")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server_state.seen.append(Seen(self.path, dict(self.headers.items())))
            route = server_state.routes.get(self.path)
            if route is not None:
                route(self)
                return
            serve_file(self, server_state.root / self.path.lstrip("/"))

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the tests read ``seen``

        def handle(self) -> None:
            # A client that refused the certificate, or gave up: what some tests want.
            with contextlib.suppress(ssl.SSLError, ConnectionError):
                super().handle()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server_state.port = httpd.server_address[1]
    if tls is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*tls)
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server_state
    finally:
        server_state.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def redirect_to(location: str) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def body(data: bytes, content_type: str = "application/json", status: int = 200) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    return route


def cut_short(data: bytes, keep: int) -> Route:
    """Announces all of ``data``, sends ``keep`` bytes, closes."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data[:keep])
        handler.wfile.flush()
        handler.close_connection = True

    return route


def announces(length: int) -> Route:
    """Announces ``length`` bytes and sends only a few: a lying or enormous answer."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(length))
        handler.end_headers()
        handler.wfile.write(b"PK\x03\x04")
        handler.close_connection = True

    return route


def trickle(data: bytes, stop: threading.Event) -> Route:
    """Sends ``data`` one byte at a time, a short pause between bytes, until told to stop."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        for byte in data:
            if stop.wait(0.01):  # the server's pace, not the test waiting
                return
            try:
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
            except OSError:
                return  # the client gave up: what the test wants

    return route


@dataclass(frozen=True)
class StoreSnapshot:
    active: str | None
    versions: tuple[str, ...]
    staging: tuple[str, ...]


def snapshot(store: ContentStore) -> StoreSnapshot:
    staging = store.staging_dir
    return StoreSnapshot(
        store.active_id(),
        tuple(version.id for version in store.versions()),
        tuple(sorted(p.name for p in staging.iterdir())) if staging.is_dir() else (),
    )


class SteppingClock:
    """A monotonic clock that moves ``step`` seconds each time it is read: a deadline test
    that depends on how many reads happened, not on how fast the machine is."""

    def __init__(self, step: float) -> None:
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def stalled(stop: threading.Event) -> Route:
    """Answers the headers, then sends nothing until the test ends."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        stop.wait(30)

    return route


def unannounced(data: bytes) -> Route:
    """A body with no Content-Length: it ends when the connection closes."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.end_headers()
        with contextlib.suppress(OSError):
            handler.wfile.write(data)
        handler.close_connection = True

    return route
