"""``kiosk channel show``: a channel's index, read and checked as a kiosk would."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from kiosk.channel.fetch import FetchPolicy, Source
from kiosk.channel.index import (
    INDEX_NAME,
    MAX_INDEX_BYTES,
    MAX_SIGNATURE_BYTES,
    SIGNATURE_NAME,
    ChannelIndex,
    check_index_signature,
    parse_index,
)
from kiosk.packs import fsio
from kiosk.packs.keys import PublicKey
from kiosk.packs.manifest import iso_utc


@dataclass(frozen=True)
class Shown:
    index: ChannelIndex
    signer: str  # fingerprint of the key that verified it
    problems: list[str]  # expired, the pack missing or not matching (folders)


def show_channel(
    location: str, keys: list[PublicKey], policy: FetchPolicy, now: datetime | None = None
) -> Shown:
    """ChannelError when the index cannot be read or its signature is not trusted; other
    problems (expired, pack missing) are listed with the index."""
    now = now or datetime.now(UTC)
    source = Source(location)
    where = source.where(INDEX_NAME)
    data = source.read(INDEX_NAME, limit=MAX_INDEX_BYTES, policy=policy).data or b""
    if data.lstrip()[:1] != b"{":
        parse_index(data, where)  # raises, saying what came instead
    signature = source.read(SIGNATURE_NAME, limit=MAX_SIGNATURE_BYTES, policy=policy).data
    verdict = check_index_signature(data, signature or b"", keys, where)
    index = parse_index(data, where)
    problems = []
    if index.expires <= now:
        problems.append(f"the index expired at {iso_utc(index.expires)}; kiosks refuse it")
    if source.folder is not None:
        pack = source.folder / index.pack.path
        if not pack.is_file():
            problems.append(f"{pack}: the pack is missing")
        elif pack.stat().st_size != index.pack.size:
            problems.append(
                f"{pack}: {pack.stat().st_size} bytes, the index says {index.pack.size}"
            )
        elif fsio.sha256_file(pack) != index.pack.sha256:
            problems.append(f"{pack}: its SHA-256 is not the one the index names")
    assert verdict.signer is not None  # keys were given
    return Shown(index, verdict.signer.fingerprint, problems)
