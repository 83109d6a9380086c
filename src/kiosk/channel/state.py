"""What a kiosk remembers of the channel it follows, between rounds and restarts.

``<data dir>/channel/state.json``, written atomically (a power cut leaves the old record or
the new).  A record that cannot be read counts as empty; then the content store's own
rule (no pack older than the newest installed, ``kiosk.packs.replay``) still holds, so
losing this file does not reopen the door to a replayed pack (see ``sync``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from kiosk.packs import fsio
from kiosk.paths import data_dir

FOLDER = "channel"
STATE_NAME = "state.json"
MAX_STATE_BYTES = 256 * 1024


@dataclass(frozen=True)
class Pending:
    """A verified pack waiting in ``downloads/`` for its ``not_before``."""

    sequence: int
    sha256: str
    not_before: str  # ISO UTC
    file: str  # name inside the downloads folder


@dataclass(frozen=True)
class ChannelState:
    channel: str | None = None  # the location these values belong to
    installed_sequence: int | None = None
    installed_sha256: str | None = None
    installed_version: str | None = None
    last_check: str | None = None  # ISO UTC of the last round's end
    last_result: str | None = None  # installed, up-to-date, waiting, refused, unreachable
    last_error: str | None = None
    last_success: str | None = None
    failures: int = 0  # rounds failed in a row (the back-off grows with it)
    etag: str | None = None
    last_modified: str | None = None
    pending: Pending | None = None

    def for_channel(self, channel: str) -> ChannelState:
        """This state if it belongs to ``channel``; else a fresh one that keeps only what
        protects the station (the installed sequence is the channel's own numbering, so a
        new channel starts from none)."""
        if self.channel == channel:
            return self
        return ChannelState(channel=channel)

    def with_(self, **changes: Any) -> ChannelState:
        return replace(self, **changes)


def channel_dir() -> Path:
    return data_dir() / FOLDER


def state_path() -> Path:
    return channel_dir() / STATE_NAME


def load_state(path: Path | None = None) -> ChannelState:
    path = path or state_path()
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_STATE_BYTES + 1)
        document = json.loads(data.decode("utf-8"))
    except (OSError, ValueError):
        return ChannelState()
    if not isinstance(document, dict):
        return ChannelState()
    return _from_document(document)


def save_state(state: ChannelState, path: Path | None = None) -> None:
    path = path or state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    document = asdict(state)
    fsio.atomic_write(path, (json.dumps(document, indent=2) + "\n").encode("utf-8"))


def _from_document(document: dict[str, Any]) -> ChannelState:
    def text(name: str) -> str | None:
        value = document.get(name)
        return value if isinstance(value, str) else None

    def number(name: str) -> int | None:
        value = document.get(name)
        return value if type(value) is int else None

    pending = document.get("pending")
    return ChannelState(
        channel=text("channel"),
        installed_sequence=number("installed_sequence"),
        installed_sha256=text("installed_sha256"),
        installed_version=text("installed_version"),
        last_check=text("last_check"),
        last_result=text("last_result"),
        last_error=text("last_error"),
        last_success=text("last_success"),
        failures=max(0, number("failures") or 0),
        etag=text("etag"),
        last_modified=text("last_modified"),
        pending=_pending(pending) if isinstance(pending, dict) else None,
    )


def _pending(document: dict[str, Any]) -> Pending | None:
    sequence, sha256 = document.get("sequence"), document.get("sha256")
    not_before, name = document.get("not_before"), document.get("file")
    if type(sequence) is not int or not all(
        isinstance(value, str) for value in (sha256, not_before, name)
    ):
        return None
    assert isinstance(sha256, str) and isinstance(not_before, str) and isinstance(name, str)
    return Pending(sequence, sha256, not_before, name)
