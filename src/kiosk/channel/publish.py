"""``kiosk channel publish``: put a signed pack into a channel folder and sign a new index.

The folder can then be served by anything that serves files (nginx, Apache, an S3 bucket)
or shared as it is (a network share, Syncthing).  Layout::

    channel.json, channel.sig   the index and its signature (see ``kiosk.channel.index``)
    packs/<version>.pack        the current pack, and the one before it

Every file is written beside its final name and renamed over it, flushed: a reader (a web
server, a kiosk reading the share) sees the old file or the new one, never a part.  The
pack goes first, then the signature, then the index; a kiosk that reads the index in the
moment between the last two finds a signature that does not match, reports it, and reads
both again at its next check.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.channel.errors import ChannelError
from kiosk.channel.index import (
    INDEX_NAME,
    MAX_INDEX_BYTES,
    SIGNATURE_NAME,
    ChannelIndex,
    PackEntry,
    parse_index,
    sign_index,
)
from kiosk.packs import fsio
from kiosk.packs.errors import PackError, UsageError
from kiosk.packs.keys import PublicKey, load_private_key
from kiosk.packs.manifest import iso_utc
from kiosk.packs.verify import verify_pack

PACKS = "packs"
PACK_SUFFIX = ".pack"
DEFAULT_EXPIRES_DAYS = 30.0


@dataclass(frozen=True)
class Published:
    index: ChannelIndex
    signer: str  # fingerprint
    previous: int | None  # the sequence replaced
    removed: list[str]


def publish(
    pack: Path,
    channel: Path,
    key: Path,
    *,
    not_before: datetime | None = None,
    expires_in_days: float = DEFAULT_EXPIRES_DAYS,
    now: datetime | None = None,
) -> Published:
    """Publish ``pack`` in ``channel``; PackError (a ChannelError or the pack's own) if not."""
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    if not pack.is_file():
        raise UsageError(f"{pack}: no such pack file")
    if not 0 < expires_in_days <= 3660:
        raise UsageError(f"--expires-in {expires_in_days}: give a number of days, 1 to 3660")
    expires = now + timedelta(days=expires_in_days)
    if not_before is not None and not_before >= expires:
        raise UsageError(
            f"--not-before {iso_utc(not_before)} is after the index expires ({iso_utc(expires)}); "
            "give --expires-in more days"
        )
    private = load_private_key(key)
    signer = PublicKey(private.public_key(), str(key))
    try:
        verified = verify_pack(pack, [signer])
    except PackError as error:
        raise ChannelError(
            f"{pack}: {error}; a channel carries packs signed with its own key "
            f"('kiosk pack sign {pack} --key {key}')"
        ) from None
    previous = _previous(channel)
    sequence = max(int(now.timestamp()), (previous.sequence + 1) if previous else 1)
    relative = f"{PACKS}/{verified.version}{PACK_SUFFIX}"
    (channel / PACKS).mkdir(parents=True, exist_ok=True)
    size, sha256 = _copy_in(pack, channel / relative)
    index = ChannelIndex(
        sequence=sequence,
        created=now,
        expires=expires,
        not_before=None if not_before is None else not_before.astimezone(UTC),
        pack=PackEntry(relative, sha256, size),
    )
    data = index.to_bytes()
    fsio.atomic_write(channel / SIGNATURE_NAME, sign_index(data, private))
    fsio.atomic_write(channel / INDEX_NAME, data)
    keep = {relative} | ({previous.pack.path} if previous else set())
    removed = _remove_old_packs(channel, keep)
    return Published(index, signer.fingerprint, previous.sequence if previous else None, removed)


def _previous(channel: Path) -> ChannelIndex | None:
    path = channel / INDEX_NAME
    if not path.exists():
        if channel.exists() and not channel.is_dir():
            raise UsageError(f"{channel} is not a folder")
        return None
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_INDEX_BYTES + 1)
        return parse_index(data, str(path))
    except (ChannelError, OSError) as error:
        raise UsageError(
            f"{path} exists but cannot be read as a channel index ({error}); the new sequence "
            "must be above the old one, so nothing was published"
        ) from None


def _copy_in(pack: Path, target: Path) -> tuple[int, str]:
    temporary = fsio.sibling_temp(target)
    try:
        shutil.copyfile(pack, temporary)
        fsio.fsync_file(temporary)
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)
    fsio.fsync_dir(target.parent)
    return target.stat().st_size, fsio.sha256_file(target)


def _remove_old_packs(channel: Path, keep: set[str]) -> list[str]:
    """Packs this command wrote before, except the current and the previous one (a kiosk
    in the middle of downloading the previous one finishes it)."""
    removed = []
    for path in sorted((channel / PACKS).glob("*" + PACK_SUFFIX)):
        relative = f"{PACKS}/{path.name}"
        if relative not in keep:
            path.unlink()
            removed.append(relative)
    if removed:
        fsio.fsync_dir(channel / PACKS)
    return removed


def describe_published(result: Published) -> str:
    index = result.index
    when = "at once" if index.not_before is None else f"from {iso_utc(index.not_before)}"
    replaced = f", replacing sequence {result.previous}" if result.previous else ""
    return (
        f"published sequence {index.sequence}{replaced}: {index.pack.path} "
        f"({index.pack.size} bytes), shown {when}, index valid until "
        f"{iso_utc(index.expires)}, signed by {result.signer}"
    )
