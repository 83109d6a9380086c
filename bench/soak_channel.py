"""The soak's content channel: the kiosk follows a signed channel served on 127.0.0.1.

``ChannelRotation`` takes the place of ``soak.ContentRotation`` (same questions answered):
instead of pointing the reloader at another folder, each switch publishes the next of two
signed packs (the bundled exhibit and the soak's edited copy) as a new channel sequence
(``kiosk.channel.publish``).  The kiosk finds it through its own path, as a station that
follows a channel does (``kiosk.ui.runner._start_services`` and ``_follow_channel``):

- ``kiosk.core.channel_follow.follow_channel`` polls the channel (``kiosk.channel.sync``,
  one round on a worker thread) every ``poll_seconds``; between publications a poll asks
  for the index conditionally and the server answers 304;
- a new sequence is downloaded, its signature checked against the station's trusted key,
  and installed into the content store (``kiosk.packs.install``; the same pack again is
  switched to from the store);
- ``kiosk.core.pack_follow.follow_intact_store`` sees the new active version and retargets
  the reloader, which validates it in a child process; ``LiveContent`` shows it at the
  next return to the start screen.

The server is Python's ``http.server`` on a thread of the soak's own process (its memory
counts against the kiosk's, which only makes the check stricter).  It answers with an
ETag and honours ``If-None-Match``, as nginx does.

A publication waits until no round is running, and is written on the event loop's thread
while no event is processed: a round never reads the new signature with the old index
(``publish`` writes the signature first), so every refusal counted is a real one.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.channel.publish import publish
from kiosk.channel.settings import ChannelSettings
from kiosk.channel.sync import Outcome
from kiosk.core.channel_follow import ChannelFollower, follow_channel
from kiosk.core.pack_follow import follow_intact_store
from kiosk.packs.build import build_pack
from kiosk.packs.keys import generate_keypair, load_private_key
from kiosk.packs.signing import sign_pack
from kiosk.packs.store import ContentStore
from kiosk.packs.trust import add_key
from kiosk.ui.application import Kiosk

if TYPE_CHECKING:
    from soak import ContentRotation

# The station's configuration allows 30 s at least; the soak asks every second (the
# follower's own floor), so that a 5,000-event run polls a few hundred times.
POLL_SECONDS = 1
ROUND_MS = 60_000  # the longest wait for a round under way to finish


class ChannelServer:
    """Serves the files of ``root`` on 127.0.0.1 (GET only, ETag and If-None-Match)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.answers: Counter[int] = Counter()  # status -> count
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.answer(self)

            def log_message(self, format: str, *args: object) -> None:
                pass  # counted in ``answers`` instead

        self._httpd = HTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="soak-channel-server",
            daemon=True,
        )
        self._thread.start()

    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = (self.root / handler.path.split("?", 1)[0].lstrip("/")).resolve()
        if not path.is_relative_to(self.root.resolve()) or not path.is_file():
            self._status(handler, 404)
            return
        data = path.read_bytes()
        etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
        if handler.headers.get("If-None-Match") == etag:
            self._status(handler, 304, etag)
            return
        self.answers[200] += 1
        handler.send_response(200)
        handler.send_header("ETag", etag)
        handler.send_header("Content-Type", "application/octet-stream")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _status(self, handler: BaseHTTPRequestHandler, status: int, etag: str = "") -> None:
        self.answers[status] += 1
        handler.send_response(status)
        if etag:
            handler.send_header("ETag", etag)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=10)


def signed_packs(folders: Sequence[Path], work: Path) -> tuple[list[Path], Path, Path]:
    """A key pair and one signed pack per folder: (packs, private key, public key)."""
    work.mkdir(parents=True, exist_ok=True)
    key, public, _ = generate_keypair(work / "publisher")
    private = load_private_key(key)
    packs = []
    for number, folder in enumerate(folders):
        pack = work / f"exhibit-{number}.pack"
        build_pack(folder, pack)
        sign_pack(pack, private)
        packs.append(pack)
    return packs, key, public


class ChannelRotation:
    """New content as a channel brings it (see the module's doc)."""

    def __init__(
        self,
        kiosk: Kiosk,
        base: ContentRotation,
        work: Path,
        *,
        wait_until: Callable[[Callable[[], bool], int], bool],
        poll_seconds: int = POLL_SECONDS,
    ) -> None:
        # The reloader, LiveContent and the counts of what was checked and applied are the
        # folder rotation's (``base``, never switched itself); only how content arrives
        # differs.  ``wait_until`` is the soak's (the kiosk's event loop runs meanwhile).
        self.base = base
        self.wait_until = wait_until
        self.folders = base.folders
        work.mkdir(parents=True, exist_ok=True)
        self.packs, self.key, public = signed_packs(self.folders, work / "packs")
        add_key(public)  # this station trusts the publisher: a channel is followed signed only
        self.channel = work / "channel"
        self.channel.mkdir()
        self.server = ChannelServer(self.channel)
        self.store = ContentStore.default()
        # As the kiosk does when it follows its store: the reloader goes to the store's
        # intact active version, or the factory exhibit (the first folder) while none.
        follow_intact_store(self.base.reloader, self.store.root, self.folders[0])
        self.outcomes: Counter[str] = Counter()
        self.problems: list[str] = []  # rounds that did not end well, with their message
        self.published = 0
        self._next = 0
        # The channel has content before the kiosk first asks (an empty one answers 404).
        self._publish_next()
        settings = ChannelSettings(location=self.server.url(), poll_seconds=poll_seconds)
        follower = follow_channel(settings, kiosk.window)
        assert follower is not None
        self.follower: ChannelFollower = follower
        self.follower.checked.connect(self._on_checked)
        self._exhibits = {folder: (folder / "exhibit.yaml").read_bytes() for folder in self.folders}

    # what the soak asks of a content rotation

    @property
    def requested(self) -> int:
        return int(self.base.requested)

    @property
    def applied(self) -> int:
        return int(self.base.applied)

    @property
    def refusals(self) -> list[str]:
        return list(self.base.refusals)

    @property
    def shown(self) -> Path:
        """Which of the folders is shown: the store's copy is named by its exhibit file."""
        folder: Path = self.base.shown
        with contextlib.suppress(OSError):
            text = (folder / "exhibit.yaml").read_bytes()
            for source, exhibit in self._exhibits.items():
                if exhibit == text:
                    return source
        return folder

    def checking(self) -> bool:
        return bool(self.base.checking())

    def switch(self) -> None:
        """Publish the next pack as a new sequence, once no round is under way."""
        self._wait_for_round()
        self._publish_next()

    def _publish_next(self) -> None:
        pack = self.packs[self._next % len(self.packs)]
        self._next += 1
        publish(pack, self.channel, self.key)
        self.published += 1
        self.base.requested += 1

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """No round starts meanwhile (memory is read in the same state each time)."""
        self._wait_for_round()
        self.follower.stop()
        try:
            yield
        finally:
            self.follower.start()  # the next round within ``poll_seconds``

    def close(self) -> None:
        self.follower.stop()
        self._wait_for_round()
        self.server.close()

    # counts

    @property
    def polls(self) -> int:
        return sum(self.outcomes.values())

    @property
    def installs(self) -> int:
        return self.outcomes["installed"]

    def _on_checked(self, outcome: Outcome) -> None:
        self.outcomes[outcome.result] += 1
        if not outcome.ok:
            self.problems.append(f"{outcome.result}: {outcome.message}")

    def round_running(self) -> bool:
        # The follower says only "no round planned" (-1) for both stopped and running.
        return self.follower._running is not None

    def _wait_for_round(self) -> None:
        if not self.wait_until(lambda: not self.round_running(), ROUND_MS):
            raise TimeoutError("a channel round did not finish")
