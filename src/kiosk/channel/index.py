"""The channel's index: ``channel.json`` names the current pack, ``channel.sig`` signs it.

``channel.json`` is one JSON object written in canonical form (sorted keys, no spaces,
ASCII, one final newline)::

    {"created":"2026-12-06T07:00:00Z","expires":"2027-01-05T07:00:00Z","format":1,
     "kind":"kiosk-channel","not_before":null,
     "pack":{"path":"packs/20261206T065900Z-1a2b3c4d.pack","sha256":"...","size":123},
     "sequence":1765004400}

``channel.sig`` is the Ed25519 signature of those exact bytes, one line of base64, made
with the same keys as packs (``kiosk pack keygen``).  Like a pack's manifest, the index is
checked against the station's keys on its raw bytes before anything parses it.  The
``sequence`` only grows from one publication to the next: a kiosk refuses an index whose
sequence is below the one it installed (a replayed or downgraded index).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.channel.errors import ChannelError
from kiosk.packs.errors import PackError
from kiosk.packs.keys import PublicKey
from kiosk.packs.manifest import iso_utc
from kiosk.packs.names import name_problem
from kiosk.packs.verdict import SignatureVerdict, check_manifest_signature

INDEX_NAME, SIGNATURE_NAME = "channel.json", "channel.sig"
FORMAT, KIND = 1, "kiosk-channel"
MAX_INDEX_BYTES = 64 * 1024
MAX_SIGNATURE_BYTES = 1024
_SHA256_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class PackEntry:
    path: str  # relative to the channel's folder or URL, POSIX
    sha256: str
    size: int


@dataclass(frozen=True)
class ChannelIndex:
    sequence: int
    created: datetime
    expires: datetime
    pack: PackEntry
    not_before: datetime | None = None

    def to_bytes(self) -> bytes:
        document: dict[str, Any] = {
            "format": FORMAT,
            "kind": KIND,
            "sequence": self.sequence,
            "created": iso_utc(self.created),
            "expires": iso_utc(self.expires),
            "not_before": None if self.not_before is None else iso_utc(self.not_before),
            "pack": {"path": self.pack.path, "sha256": self.pack.sha256, "size": self.pack.size},
        }
        text = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        return (text + "\n").encode("ascii")

    def describe(self) -> str:
        lines = [
            f"sequence    {self.sequence}",
            f"made        {iso_utc(self.created)}",
            f"expires     {iso_utc(self.expires)}",
            "shown from  " + ("at once" if self.not_before is None else iso_utc(self.not_before)),
            f"pack        {self.pack.path}",
            f"  size      {self.pack.size} bytes",
            f"  sha256    {self.pack.sha256}",
        ]
        return "\n".join(lines)


def sign_index(data: bytes, private: Ed25519PrivateKey) -> bytes:
    return base64.b64encode(private.sign(data)) + b"\n"


def check_index_signature(
    data: bytes, signature: bytes, keys: list[PublicKey], where: str
) -> SignatureVerdict:
    """The signer among ``keys``, checked on the raw bytes; ChannelError naming ``where``.
    With no keys at all this refuses: a channel is only ever followed with signatures."""
    if not keys:
        raise ChannelError(
            f"{where}: no trusted keys on this station, and a channel is followed only with "
            "signatures; add the publisher's key with 'kiosk pack trust KEY.pub'"
        )
    try:
        return check_manifest_signature(data, signature, keys)
    except PackError as error:
        text = str(error).replace("manifest.sig", SIGNATURE_NAME).replace("the pack", "the index")
        raise ChannelError(f"{where}: {text}") from None


def parse_index(data: bytes, where: str) -> ChannelIndex:
    """The index in ``data`` (already verified), or ChannelError saying what is wrong."""
    if len(data) > MAX_INDEX_BYTES:
        raise ChannelError(f"{where}: {len(data)} bytes, more than an index may hold")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ChannelError(f"{where}: not a channel index ({_looks_like(data)})") from None
    if not isinstance(document, dict):
        raise ChannelError(f"{where}: not a channel index (not a JSON object)")
    if document.get("kind") != KIND:
        raise ChannelError(f"{where}: not a channel index (kind is {document.get('kind')!r})")
    if document.get("format") != FORMAT:
        raise ChannelError(
            f"{where}: index format {document.get('format')!r}; this kiosk reads format "
            f"{FORMAT} (a newer kiosk may be needed)"
        )
    sequence = document.get("sequence")
    if type(sequence) is not int or sequence < 1:
        raise ChannelError(f"{where}: 'sequence' is not a positive whole number")
    not_before = document.get("not_before")
    return ChannelIndex(
        sequence=sequence,
        created=_moment(document.get("created"), "created", where),
        expires=_moment(document.get("expires"), "expires", where),
        not_before=None if not_before is None else _moment(not_before, "not_before", where),
        pack=_pack(document.get("pack"), where),
    )


def parse_moment(text: str) -> datetime:
    """An ISO-8601 time with a zone (``Z`` or ``+01:00``); ValueError otherwise."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone; add Z for UTC or an offset like +01:00")
    return moment.astimezone(UTC)


def _moment(value: object, name: str, where: str) -> datetime:
    if not isinstance(value, str):
        raise ChannelError(f"{where}: '{name}' is missing or not a time")
    try:
        return parse_moment(value)
    except ValueError:
        raise ChannelError(f"{where}: '{name}' is not an ISO-8601 time with a zone") from None


def _pack(value: object, where: str) -> PackEntry:
    if not isinstance(value, dict):
        raise ChannelError(f"{where}: 'pack' is missing")
    path, sha256, size = value.get("path"), value.get("sha256"), value.get("size")
    if not isinstance(path, str):
        raise ChannelError(f"{where}: the pack has no 'path'")
    problem = name_problem(path)
    if problem is not None:
        raise ChannelError(f"{where}: the pack's path {path!r} is refused: it {problem}")
    if not isinstance(sha256, str) or len(sha256) != 64 or not set(sha256) <= _SHA256_HEX:
        raise ChannelError(f"{where}: the pack's sha256 is not 64 lowercase hex digits")
    if type(size) is not int or size < 1:
        raise ChannelError(f"{where}: the pack's size is not a positive whole number")
    return PackEntry(path, sha256, size)


def _looks_like(data: bytes) -> str:
    """What came instead of JSON, in a few words (a web server's error page, mostly)."""
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "an HTML page came instead of JSON: is the URL right, or a login page in the way?"
    if not data:
        return "it is empty"
    return "it is not JSON"
