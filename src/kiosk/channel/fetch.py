"""Reading a channel's files from a folder or over HTTP(S), with bounds on everything.

Standard library only (``http.client``, ``ssl``), so the rules are ours and visible:
- every answer has a size limit, checked on ``Content-Length`` before the body and again
  while it streams (headers can lie, chunked answers have none);
- every request has a total deadline, checked between reads, besides the timeout of each
  socket operation: a server trickling one byte at a time never holds a kiosk for long;
- redirects are followed a bounded number of times, never in a loop, never from HTTPS
  down to HTTP, never to anything but HTTP(S);
- HTTPS checks certificates, against the system's authorities or (``ca_file``) only the
  museum's own;
- the index is asked for conditionally (``If-None-Match``, ``If-Modified-Since``), so an
  unchanged channel costs a few hundred bytes a poll;
- a pack download resumes a partial file with ``Range`` where the server allows (206), and
  starts over where it does not (200).

A folder channel (a path or ``file://``: a network share, a Syncthing folder) is read with
the same size limits.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import ssl
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.channel.errors import ChannelError, UnreachableError

CHUNK = 64 * 1024
REDIRECTS = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "kiosk-channel/1"


@dataclass(frozen=True)
class FetchPolicy:
    read_timeout: float = 20.0  # seconds any one connect or read may take
    index_deadline: float = 60.0  # seconds the index (or signature) may take in all
    pack_deadline: float = 120.0  # seconds a pack may take in all, plus ...
    min_rate: int = 32 * 1024  # ... its size at this many bytes a second
    max_redirects: int = 5
    ca_file: Path | None = None
    clock: Callable[[], float] = field(default=time.monotonic, compare=False)

    def deadline_for(self, size: int) -> float:
        return self.pack_deadline + size / self.min_rate


@dataclass(frozen=True)
class Fetched:
    """An answer's body (None: not modified since the validators sent) and validators."""

    data: bytes | None
    etag: str | None = None
    last_modified: str | None = None


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


class Source:
    """Where a channel is: a base URL (``https://host/channel/``) or a folder."""

    def __init__(self, location: str) -> None:
        self.location = location
        if is_url(location):
            self.base: str | None = location if location.endswith("/") else location + "/"
            self.folder: Path | None = None
        else:
            self.base = None
            path = location
            if location.startswith("file://"):
                path = urllib.parse.unquote(urllib.parse.urlsplit(location).path)
            self.folder = Path(path).expanduser()

    def where(self, relative: str) -> str:
        """What to call one of the channel's files in a message: its URL or its path."""
        if self.base is not None:
            return urllib.parse.urljoin(self.base, urllib.parse.quote(relative))
        assert self.folder is not None
        return str(self.folder / relative)

    def read(
        self,
        relative: str,
        *,
        limit: int,
        policy: FetchPolicy,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """A small file (the index, its signature), whole, or None when unchanged."""
        where = self.where(relative)
        if self.folder is not None:
            return Fetched(_read_file(Path(where), limit))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        clock = _Deadline(policy, policy.index_deadline, where)
        with _request(where, headers, policy, clock) as (response, url):
            if response.status == http.HTTPStatus.NOT_MODIFIED and headers:
                return Fetched(None, etag, last_modified)
            _require_status(response, url, (http.HTTPStatus.OK,))
            _require_length(response, url, limit)
            data = b"".join(_body(response, url, limit, clock))
            return Fetched(data, response.getheader("ETag"), response.getheader("Last-Modified"))

    def download(self, relative: str, part: Path, *, size: int, policy: FetchPolicy) -> bool:
        """Bring the file to ``part`` (``size`` bytes), resuming what is there; returns
        whether it resumed.  ChannelError when the answer is refused or cut short; what
        arrived stays in ``part`` for the next round to resume."""
        where = self.where(relative)
        if self.folder is not None:
            _copy_file(Path(where), part, size)
            return False
        have = part.stat().st_size if part.is_file() else 0
        if have >= size:  # too long cannot become right; start over
            part.unlink(missing_ok=True)
            have = 0
        headers = {"Range": f"bytes={have}-"} if have else {}
        clock = _Deadline(policy, policy.deadline_for(size), where)
        with _request(where, headers, policy, clock) as (response, url):
            resumed = have > 0 and response.status == http.HTTPStatus.PARTIAL_CONTENT
            if resumed:
                _require_range(response, url, have, size)
            else:
                _require_status(response, url, (http.HTTPStatus.OK,))
                _require_length(response, url, size, exact=True)
                have = 0
            with part.open("ab" if resumed else "wb") as handle:
                for chunk in _body(response, url, size - have, clock):
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
                written = handle.tell()
        if written != size:
            raise UnreachableError(
                f"{url}: the download was cut short: {written} of {size} bytes arrived "
                "(the rest is asked for at the next check)"
            )
        return resumed


class _Deadline:
    """The time a request may still take, from the policy's clock."""

    def __init__(self, policy: FetchPolicy, seconds: float, where: str) -> None:
        self.clock = policy.clock
        self.policy = policy
        self.seconds = seconds
        self.where = where
        self.end = self.clock() + seconds
        self.given = policy.read_timeout  # the wait allowed to the operation under way

    def remaining(self) -> float:
        """How long the next operation may wait; UnreachableError once the time is up."""
        left = self.end - self.clock()
        if left <= 0.001:  # a wait of nothing would only report a time-out
            raise self.exceeded()
        self.given = min(left, self.policy.read_timeout)
        return self.given

    def exceeded(self) -> UnreachableError:
        return UnreachableError(
            f"{self.where}: stopped after {self.seconds:.0f} s, the most this may take "
            "(the server is too slow, or trickling)"
        )

    def timed_out(self) -> str:
        """Why a wait ended: the request's deadline, or one read's own time-out."""
        if self.given < self.policy.read_timeout:
            return str(self.exceeded()).removeprefix(f"{self.where}: ")
        return f"no answer within {self.policy.read_timeout:g} s"


@contextlib.contextmanager
def _request(
    url: str, headers: dict[str, str], policy: FetchPolicy, clock: _Deadline
) -> Iterator[tuple[http.client.HTTPResponse, str]]:
    """GET ``url`` following redirects within the policy; yields the final answer."""
    seen = [url]
    while True:
        connection = _connect(url, policy, clock)
        try:
            parts = urllib.parse.urlsplit(url)
            target = parts.path or "/"
            if parts.query:
                target += "?" + parts.query
            try:
                connection.request("GET", target, headers={"User-Agent": USER_AGENT, **headers})
                response = connection.getresponse()
            except (OSError, http.client.HTTPException) as error:
                raise UnreachableError(f"{url}: {_reason(error, clock)}") from None
            if response.status not in REDIRECTS:
                yield response, url
                return
            location = response.getheader("Location")
        finally:
            connection.close()
        url = _redirect(seen, location, policy)


def _redirect(seen: list[str], location: str | None, policy: FetchPolicy) -> str:
    current = seen[-1]
    if not location:
        raise ChannelError(f"{current}: a redirect without a Location")
    target = urllib.parse.urljoin(current, location)
    chain = " -> ".join([*seen, target])
    if target in seen:
        raise ChannelError(f"redirect loop: {chain}")
    if len(seen) > policy.max_redirects:
        raise ChannelError(f"more than {policy.max_redirects} redirects: {chain}")
    if not is_url(target):
        raise ChannelError(f"{current}: redirected to {target}, which is not HTTP(S)")
    if current.startswith("https://") and target.startswith("http://"):
        raise ChannelError(f"{current}: redirected from HTTPS down to plain HTTP ({target})")
    seen.append(target)
    return target


def _connect(url: str, policy: FetchPolicy, clock: _Deadline) -> http.client.HTTPConnection:
    parts = urllib.parse.urlsplit(url)
    if not parts.hostname:
        raise ChannelError(f"{url}: no host name in the URL")
    timeout = clock.remaining()
    try:
        if parts.scheme == "https":
            context = ssl.create_default_context(
                cafile=str(policy.ca_file) if policy.ca_file else None
            )
            connection: http.client.HTTPConnection = http.client.HTTPSConnection(
                parts.hostname, parts.port, timeout=timeout, context=context
            )
        else:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        connection.connect()
    except ssl.SSLCertVerificationError as error:
        raise UnreachableError(f"{url}: {_reason(error, clock)}") from None
    except ssl.SSLError as error:
        reason = error.reason or error
        raise UnreachableError(f"{url}: the secure connection failed: {reason}") from None
    except (OSError, ValueError) as error:
        # ValueError: a port that is not a number.
        raise UnreachableError(f"{url}: cannot connect: {_reason(error, clock)}") from None
    return connection


def _reason(error: BaseException, clock: _Deadline) -> str:
    if isinstance(error, socket.timeout | TimeoutError):
        return clock.timed_out()
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"the server's certificate is not trusted: {error.verify_message}"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused (is the server running?)"
    if isinstance(error, OSError):
        return error.strerror or str(error) or type(error).__name__
    return str(error) or type(error).__name__


def _require_status(response: http.client.HTTPResponse, url: str, wanted: tuple[int, ...]) -> None:
    if response.status not in wanted:
        raise ChannelError(
            f"{url}: the server answered {response.status} {response.reason}, expected "
            + " or ".join(str(code) for code in wanted)
        )


def _require_length(
    response: http.client.HTTPResponse, url: str, limit: int, *, exact: bool = False
) -> None:
    header = response.getheader("Content-Length")
    if header is None:
        return  # chunked: the limit is kept while reading
    try:
        length = int(header)
    except ValueError:
        raise ChannelError(f"{url}: Content-Length {header!r} is not a number") from None
    if exact and length != limit:
        raise ChannelError(
            f"{url}: the server announces {length} bytes, the channel's index says {limit}; "
            "nothing was downloaded"
        )
    if length > limit:
        raise ChannelError(
            f"{url}: the server announces {length} bytes, more than the {limit} allowed; "
            "nothing was downloaded"
        )


def _require_range(response: http.client.HTTPResponse, url: str, have: int, size: int) -> None:
    expected = f"bytes {have}-{size - 1}/{size}"
    got = response.getheader("Content-Range")
    if got != expected:
        raise ChannelError(
            f"{url}: resuming at byte {have}, the server sent range {got!r}, expected {expected!r}"
        )


def _body(
    response: http.client.HTTPResponse, url: str, limit: int, clock: _Deadline
) -> Iterator[bytes]:
    """The body in pieces, each read bounded by the time left; ChannelError past ``limit``."""
    received = 0
    while True:
        remaining = clock.remaining()
        sock = getattr(response.fp, "raw", None)
        _set_timeout(sock, remaining)
        try:
            chunk = response.read1(CHUNK)
        except (OSError, http.client.HTTPException) as error:
            raise UnreachableError(f"{url}: the transfer failed: {_reason(error, clock)}") from None
        if not chunk:
            return
        received += len(chunk)
        if received > limit:
            raise ChannelError(
                f"{url}: more than {limit} bytes came, more than allowed; stopped there"
            )
        yield chunk


def _set_timeout(raw: object, seconds: float) -> None:
    """Each read waits at most ``seconds`` (the socket's own timeout is the per-read one)."""
    sock = getattr(raw, "_sock", None)
    if isinstance(sock, socket.socket):
        sock.settimeout(seconds)


def _read_file(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise UnreachableError(f"{path}: no such file (is the channel folder there?)") from None
    except OSError as error:
        raise UnreachableError(f"{path}: cannot be read: {error.strerror or error}") from None
    if len(data) > limit:
        raise ChannelError(f"{path}: larger than the {limit} bytes allowed")
    return data


def _copy_file(source: Path, part: Path, size: int) -> None:
    try:
        actual = source.stat().st_size
        if actual != size:
            raise ChannelError(
                f"{source}: {actual} bytes, the channel's index says {size}; nothing was copied"
            )
        with source.open("rb") as reader, part.open("wb") as writer:
            copied = 0
            while chunk := reader.read(CHUNK):
                copied += len(chunk)
                if copied > size:
                    raise ChannelError(f"{source}: grew past {size} bytes while copied")
                writer.write(chunk)
            writer.flush()
            os.fsync(writer.fileno())
    except FileNotFoundError:
        raise UnreachableError(f"{source}: no such file") from None
    except OSError as error:
        raise UnreachableError(f"{source}: cannot be read: {error.strerror or error}") from None
