"""*Publish...*: the content folder as a signed pack in a chosen folder (a USB stick), in one
step, with the same code as ``kiosk pack build``, ``sign`` and ``verify``.

The pack is built and signed on this machine's disk first; only the finished, signed pack
is copied to the target, under a temporary name, flushed, read back from the target and
verified exactly as ``kiosk pack verify --trust KEY.pub`` would (with the key's public
half), and only then renamed to its own name. So a pack on the stick under its name is
always one that verified there: a stick that wrote something else is caught, and the
half-written file is removed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import BinaryIO, NamedTuple

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.content.issues import Issue
from kiosk.content.loader import read_exhibit
from kiosk.editing.pictures import ascii_name
from kiosk.editing.studio_settings import key_problem
from kiosk.packs.archive import open_pack
from kiosk.packs.build import build_pack
from kiosk.packs.errors import InvalidContentError, PackError
from kiosk.packs.fsio import CHUNK, fsync_dir, sibling_temp
from kiosk.packs.keys import (
    PRIVATE_SUFFIX,
    PUBLIC_SUFFIX,
    PublicKey,
    load_private_key,
    load_public_key,
)
from kiosk.packs.signing import sign_pack
from kiosk.packs.verify import verify_pack

log = logging.getLogger(__name__)

PACK_SUFFIX = ".kioskpack"
# What a kiosk lists on a stick (kiosk.core.pack_watch): the packs a new one must outrank.
PACK_SUFFIXES = (PACK_SUFFIX, ".zip")
MAX_PACKS_LOOKED_AT = 200
MAX_NAME_STEM = 40


class PublishRefused(Exception):  # noqa: N818 - the studio's shared interface names it
    """Nothing was published; ``str(error)`` says why in plain words, ``issues`` holds the
    content's errors when they were the reason."""

    def __init__(self, message: str, issues: list[Issue] | None = None) -> None:
        super().__init__(message)
        self.issues = issues or []


class PublishResult(NamedTuple):
    pack: Path  # the verified pack in the target folder
    fingerprint: str  # the signing key's, as `kiosk pack keygen` printed it
    sequence: int  # the pack's place among packs (only grows)


def publish(folder: Path, key: Path, target_dir: Path, today: date | None = None) -> PublishResult:
    """Validate, build, sign, write to ``target_dir`` and verify the written pack.

    PublishRefused when the content has errors, the key is inside a content folder or
    cannot be read, the target cannot be written, or the written pack does not verify.
    """
    if not folder.is_dir():
        raise PublishRefused(f"the content folder {folder} does not exist")
    problem = key_problem(key, folder)
    if problem:
        raise PublishRefused(problem)
    if not target_dir.is_dir():
        raise PublishRefused(
            f"the folder {target_dir} does not exist (is the USB stick plugged in?)"
        )
    if target_dir.resolve().is_relative_to(folder.resolve()):
        raise PublishRefused(
            f"{target_dir} is inside the content folder; write the pack somewhere else"
        )
    try:
        private = load_private_key(key)
        public = public_half(key, private)
    except (PackError, OSError) as error:
        raise PublishRefused(f"the key cannot be used: {_reason(error)}") from None
    exhibit, issues = read_exhibit(folder)
    errors = [issue for issue in issues if issue.severity == "error"]
    if exhibit is None or errors:
        raise PublishRefused(_content_refusal(len(errors)), errors)
    title = exhibit.settings.title.text(
        exhibit.settings.default_language, exhibit.settings.default_language
    )
    name = pack_name(title, folder, today or date.today())
    with tempfile.TemporaryDirectory(prefix="kiosk-publish-") as scratch:
        built = Path(scratch) / name
        _link_previous(built, target_dir, public)
        try:
            build_pack(folder, built)  # the thorough checks too (decoding, glyphs)
            fingerprint = sign_pack(built, private)
        except InvalidContentError as error:
            raise PublishRefused(_content_refusal(len(error.issues)), error.issues) from None
        except (PackError, OSError) as error:
            raise PublishRefused(f"the pack could not be made: {_reason(error)}") from None
        written, sequence = _write_verified(built, target_dir / name, public)
    log.info("studio: published %s (key %s, sequence %d)", written, fingerprint, sequence)
    return PublishResult(written, fingerprint, sequence)


def public_half(key: Path, private: Ed25519PrivateKey) -> PublicKey:
    """The public key the written pack is verified with: the ``.pub`` file beside the key,
    as `kiosk pack keygen` left it (the file kiosks are given to trust), else the private
    key's own public half. PackError when the file beside it is another key's: kiosks
    trusting that file would refuse every pack this key signs."""
    companion = key.with_suffix(PUBLIC_SUFFIX)
    own = PublicKey(private.public_key(), str(key))
    if key.suffix != PRIVATE_SUFFIX or not companion.is_file():
        return own
    listed = load_public_key(companion)
    if listed.fingerprint != own.fingerprint:
        raise PackError(
            f"{companion} beside it is another key's public half ({listed.fingerprint}, not "
            f"{own.fingerprint}): kiosks that trust that file would refuse these packs"
        )
    return listed


def pack_name(title: str, folder: Path, day: date) -> str:
    """exhibit-title-2026-01-20.kioskpack: the exhibit (its title in the default language,
    else its folder's name) and the day, as README's examples are named."""
    stem = ascii_name(title) or ascii_name(folder.resolve().name) or "exhibit"
    stem = stem[:MAX_NAME_STEM].rstrip("-_")
    return f"{stem}-{day.isoformat()}{PACK_SUFFIX}"


def _content_refusal(count: int) -> str:
    return (
        f"the content has {count} error{'s' if count != 1 else ''}; fix "
        f"{'it' if count == 1 else 'them'} (see the findings) and publish again"
    )


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return f"{error.filename}: {error.strerror}" if error.filename else str(error)
    return str(error)


def _link_previous(built: Path, target_dir: Path, public: PublicKey) -> None:
    """Let ``kiosk pack build``'s own rule choose the sequence: it reads the pack it
    replaces at its output path and goes one past it. Here that is the newest pack on the
    target signed with this key (a kiosk refuses one older than what it showed), linked in
    its place; the build replaces the link, never the pack it points to. Packs signed by
    nobody or by another key do not count: a stranger's file on a stick must not push the
    staff's sequence anywhere."""
    newest: tuple[int, Path] | None = None
    try:
        entries = sorted(target_dir.iterdir())[:MAX_PACKS_LOOKED_AT]
    except OSError:
        return
    for entry in entries:
        if not entry.name.lower().endswith(PACK_SUFFIXES) or entry.name.startswith("."):
            continue
        try:
            with open_pack(entry, keys=[public]) as pack:
                order = pack.checked.manifest.order
        except (PackError, OSError, ValueError):  # ValueError: a number too long to read
            continue  # not this key's pack, or not a pack at all: it outranks nothing
        if newest is None or order > newest[0]:
            newest = (order, entry)
    if newest is None:
        return
    try:
        built.symlink_to(newest[1].resolve())
    except OSError as error:  # Windows without the right to make links: the clock alone
        log.info("studio: the sequence follows the clock only (%s)", error)


def _write_verified(built: Path, target: Path, public: PublicKey) -> tuple[Path, int]:
    """Copy ``built`` beside ``target`` under a temporary name, flush it, verify what the
    target holds, then rename it into place; the temporary file never stays. Returns the
    pack and the sequence its verified manifest holds."""
    try:
        temporary = sibling_temp(target)
    except OSError as error:
        raise PublishRefused(f"cannot write to {target.parent}: {_reason(error)}") from None
    try:
        try:
            with built.open("rb") as reader, temporary.open("wb") as writer:
                copy_into(reader, writer)
                writer.flush()
                os.fsync(writer.fileno())
                _forget_cached(writer)
        except OSError as error:
            raise PublishRefused(
                f"the pack could not be written to {target.parent}: {_reason(error)}"
            ) from None
        try:
            verified = verify_pack(temporary, [public])
        except (PackError, OSError) as error:
            raise PublishRefused(
                f"the pack written to {target.parent} did not verify ({_reason(error)}); it "
                "was removed. The stick may be failing: try another one"
            ) from None
        if verified.signature.signer is None:  # cannot happen with a key: said if it does
            raise PublishRefused(f"the pack written to {target.parent} is not validly signed")
        try:
            temporary.replace(target)
            fsync_dir(target.parent)
        except OSError as error:
            raise PublishRefused(
                f"the pack could not be named {target.name} in {target.parent}: {_reason(error)}"
            ) from None
    finally:
        temporary.unlink(missing_ok=True)
    return target, verified.manifest.order


def _copy_bytes(reader: BinaryIO, writer: BinaryIO) -> None:
    while chunk := reader.read(CHUNK):
        writer.write(chunk)


# The copy to the target: a seam the tests replace with a stick that writes wrong bytes.
copy_into: Callable[[BinaryIO, BinaryIO], None] = _copy_bytes


def _forget_cached(handle: BinaryIO) -> None:
    """Drop the written pages from the page cache (Linux), so the verification reads what
    the stick stored rather than what was handed to it."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        with contextlib.suppress(OSError):
            advise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
