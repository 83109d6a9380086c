"""``kiosk pack trust``: the station's trusted keys, managed without editing files by hand.

A trusted key is a ``<fingerprint>.pub`` file in the data folder's ``trusted-keys/``
(written atomically: a power cut leaves the old set or the new one), plus the keys the
station configuration lists.  The key file staff hand over is re-encoded, so only a
well-formed Ed25519 public key ever lands in the folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from kiosk.packs import fsio
from kiosk.packs.errors import PackError
from kiosk.packs.keys import (
    PUBLIC_SUFFIX,
    load_public_key,
    station_key_paths,
    trusted_keys_dir,
)


@dataclass(frozen=True)
class TrustedKey:
    fingerprint: str | None  # None: the file could not be read as a key
    path: Path
    configured: bool  # listed in the station configuration (removed there, not here)
    problem: str | None = None


def add_key(source: Path) -> tuple[str, Path, bool]:
    """Trust the public key in ``source``; returns its fingerprint, where it is kept, and
    whether it was new."""
    key = load_public_key(source)  # refuses private keys, other kinds, rubbish
    folder = trusted_keys_dir()
    target = folder / f"{key.fingerprint}{PUBLIC_SUFFIX}"
    if target.is_file():
        return key.fingerprint, target, False
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        fsio.fsync_dir(folder.parent)
    pem = key.key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    fsio.atomic_write(target, pem)
    return key.fingerprint, target, True


def list_keys(configured: tuple[Path, ...]) -> list[TrustedKey]:
    """Every key the station trusts, from the folder and the configuration; a key file that
    cannot be read is listed with its problem (it also refuses every install)."""
    folder_keys = set(station_key_paths())
    found = []
    for path in station_key_paths(configured):
        try:
            fingerprint: str | None = load_public_key(path).fingerprint
            problem = None
        except PackError as error:
            fingerprint, problem = None, str(error)
        found.append(TrustedKey(fingerprint, path, path not in folder_keys, problem))
    return found


def remove_key(fingerprint: str, configured: tuple[Path, ...]) -> Path:
    """Stop trusting the key with this fingerprint (from the folder); PackError if the
    station does not trust it there."""
    for key in list_keys(configured):
        if key.fingerprint != fingerprint.lower():
            continue
        if key.configured:
            raise PackError(
                f"key {fingerprint} is listed in the station configuration ({key.path}); "
                "remove it from trusted_keys there"
            )
        key.path.unlink()
        fsio.fsync_dir(key.path.parent)
        return key.path
    raise PackError(f"key {fingerprint} is not trusted here (see 'kiosk pack trust --list')")
