"""Signatures: ``manifest.sig`` is the Ed25519 signature of the exact bytes of
``manifest.json``, stored as one line of base64.  The manifest holds every file's SHA-256,
so the signature covers the whole pack."""

from __future__ import annotations

import base64
import os
import shutil
import time
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.packs.archive import CheckedPack, open_pack
from kiosk.packs.fsio import fsync_dir, sibling_temp
from kiosk.packs.keys import PublicKey, fingerprint
from kiosk.packs.names import SIGNATURE_NAME
from kiosk.packs.verdict import SignatureVerdict, check_manifest_signature, decode_signature

__all__ = ["SignatureVerdict", "check_signature", "decode_signature", "sign_pack"]


def encode_signature(signature: bytes) -> bytes:
    return base64.b64encode(signature) + b"\n"


def check_signature(pack: CheckedPack, keys: list[PublicKey]) -> SignatureVerdict:
    """With keys, require a valid signature by one of them; without, report it unchecked."""
    return check_manifest_signature(pack.manifest_bytes, pack.signature, keys)


def sign_pack(path: Path, private: Ed25519PrivateKey) -> str:
    """Add (or replace) ``manifest.sig`` in the pack; returns the signing key's fingerprint.

    The pack is checked in full first, with the same checks as an install (its content must
    load), so nobody signs a pack that was already altered or that no kiosk would take; it
    is rewritten to a temporary file beside it and swapped in whole.
    """
    from kiosk.packs.content_check import check_pack_content  # noqa: PLC0415 - no cycle

    with open_pack(path) as pack:
        check_pack_content(pack, path.name)
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
