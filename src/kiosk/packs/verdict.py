"""Checking a manifest's signature on its raw bytes, before anything parses them: a hostile
manifest (deeply nested, huge) from an untrusted source never reaches the JSON parser on a
station that requires signatures."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature

from kiosk.packs.errors import PackError
from kiosk.packs.keys import PublicKey

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


def decode_signature(data: bytes) -> bytes:
    try:
        signature = base64.b64decode(data.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise PackError("manifest.sig is not base64") from None
    if len(signature) != SIGNATURE_BYTES:
        raise PackError("manifest.sig is not an Ed25519 signature (64 bytes)")
    return signature


def check_manifest_signature(
    manifest_bytes: bytes, signature: bytes | None, keys: list[PublicKey]
) -> SignatureVerdict:
    """With keys, require a valid signature by one of them; without, report it unchecked."""
    if not keys:
        return SignatureVerdict(present=signature is not None, signer=None)
    if signature is None:
        raise PackError("the pack is not signed, and signed packs are required here")
    raw = decode_signature(signature)
    for candidate in keys:
        try:
            candidate.key.verify(raw, manifest_bytes)
        except InvalidSignature:
            continue
        return SignatureVerdict(present=True, signer=candidate)
    names = ", ".join(key.fingerprint for key in keys)
    raise PackError(
        "the signature does not match any trusted key "
        f"({names}): the pack was altered or signed by someone else"
    )
