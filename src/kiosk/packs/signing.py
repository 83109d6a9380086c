"""Signatures: ``manifest.sig`` is the Ed25519 signature of the exact bytes of
``manifest.json``, stored as one line of base64.  The manifest holds every file's SHA-256,
so the signature covers the whole pack."""

from __future__ import annotations

import base64
import binascii
import os
import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.packs.archive import CheckedPack, open_pack
from kiosk.packs.errors import PackError
from kiosk.packs.fsio import fsync_dir, sibling_temp
from kiosk.packs.keys import PublicKey, fingerprint
from kiosk.packs.names import SIGNATURE_NAME

SIGNATURE_BYTES = 64


@dataclass(frozen=True)
class SignatureVerdict:
    """``signer`` is the trusted key that verified the pack; None when there were no keys to
    check against (then only the pack's integrity was checked)."""

    present: bool
    signer: PublicKey | None

    def describe(self) -> str:
        if self.signer is not None:
            return f"signed by trusted key {self.signer.fingerprint} ({self.signer.source})"
        if self.present:
            return "signed, but the signature was not checked: no trusted keys"
        return "unsigned (no trusted keys, so no signature required)"


def encode_signature(signature: bytes) -> bytes:
    return base64.b64encode(signature) + b"\n"


def decode_signature(data: bytes) -> bytes:
    try:
        signature = base64.b64decode(data.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise PackError("manifest.sig is not base64") from None
    if len(signature) != SIGNATURE_BYTES:
        raise PackError("manifest.sig is not an Ed25519 signature (64 bytes)")
    return signature


def check_signature(pack: CheckedPack, keys: list[PublicKey]) -> SignatureVerdict:
    """With keys, require a valid signature by one of them; without, report it unchecked."""
    if not keys:
        return SignatureVerdict(present=pack.signature is not None, signer=None)
    if pack.signature is None:
        raise PackError("the pack is not signed, and signed packs are required here")
    signature = decode_signature(pack.signature)
    for candidate in keys:
        try:
            candidate.key.verify(signature, pack.manifest_bytes)
        except InvalidSignature:
            continue
        return SignatureVerdict(present=True, signer=candidate)
    names = ", ".join(key.fingerprint for key in keys)
    raise PackError(
        "the signature does not match any trusted key "
        f"({names}): the pack was altered or signed by someone else"
    )


def sign_pack(path: Path, private: Ed25519PrivateKey) -> str:
    """Add (or replace) ``manifest.sig`` in the pack; returns the signing key's fingerprint.

    The pack is checked in full first, so nobody signs a pack that was already altered; it
    is rewritten to a temporary file beside it and swapped in whole.
    """
    with open_pack(path) as pack:
        pack.check_hashes()
        signature = private.sign(pack.checked.manifest_bytes)
    temporary = sibling_temp(path)
    try:
        _copy_with_signature(path, temporary, encode_signature(signature))
        shutil.copymode(path, temporary)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    fsync_dir(path.parent)
    return fingerprint(private.public_key())


def _copy_with_signature(source: Path, target: Path, signature: bytes) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename == SIGNATURE_NAME:
                continue  # replaced below: re-signing with another key
            # A fresh record: writing fills in offsets and sizes, which must not touch the
            # source archive's own records while it is still being read.
            clone = zipfile.ZipInfo(info.filename, info.date_time)
            clone.external_attr = info.external_attr
            clone.compress_type = info.compress_type
            with old.open(info) as reader, new.open(clone, "w") as writer:
                shutil.copyfileobj(reader, writer, 1024 * 1024)
        new.writestr(_member_info(SIGNATURE_NAME), signature, zipfile.ZIP_STORED)
    with target.open("rb") as handle:
        os.fsync(handle.fileno())


def _member_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, time.gmtime()[:6])
    info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
    return info
