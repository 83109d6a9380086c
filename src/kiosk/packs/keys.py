"""Ed25519 signing keys: making a pair, reading them, and the keys a station trusts.

Formats (both readable by OpenSSL):
- ``NAME.key``: the private key, PEM PKCS#8, unencrypted, file mode 0600.  It stays on the
  staff machine that signs packs, never on a kiosk.
- ``NAME.pub``: the public key, PEM SubjectPublicKeyInfo.  A kiosk trusts a key when the file
  is in ``<data dir>/trusted-keys/``.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.content.issues import Issue
from kiosk.packs.errors import PackError, UsageError
from kiosk.paths import data_dir

TRUSTED_KEYS_FOLDER = "trusted-keys"
PRIVATE_SUFFIX, PUBLIC_SUFFIX = ".key", ".pub"
MAX_KEY_FILE_BYTES = 16 * 1024


@dataclass(frozen=True)
class PublicKey:
    """A public key and where it came from, so a verdict can say who signed."""

    key: Ed25519PublicKey
    source: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key)


def fingerprint(key: Ed25519PublicKey) -> str:
    """A short name for a key that staff can compare by eye: 16 hex digits of its SHA-256."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def generate_keypair(prefix: Path) -> tuple[Path, Path, str]:
    """Write PREFIX.key and PREFIX.pub; refuse to overwrite either (a lost key is permanent)."""
    private_path = prefix.with_name(prefix.name + PRIVATE_SUFFIX)
    public_path = prefix.with_name(prefix.name + PUBLIC_SUFFIX)
    for path in (private_path, public_path):
        if path.exists():
            raise UsageError(f"{path} already exists; choose another name")
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    # Created with mode 0600 from the first byte: a chmod afterwards leaves a window in which
    # others could open it.
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(private_pem)
    public_path.write_bytes(public_pem)
    return private_path, public_path, fingerprint(private.public_key())


def load_private_key(path: Path) -> Ed25519PrivateKey:
    data = _read_key_file(path)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError:
        raise PackError(f"{path} is protected by a password; use an unencrypted key") from None
    except ValueError:
        raise PackError(f"{path} is not a PEM private key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PackError(f"{path} is not an Ed25519 private key")
    return key


def load_public_key(path: Path) -> PublicKey:
    data = _read_key_file(path)
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError:
        raise PackError(f"{path} is not a PEM public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise PackError(f"{path} is not an Ed25519 public key")
    return PublicKey(key, str(path))


def trusted_keys_dir() -> Path:
    return data_dir() / TRUSTED_KEYS_FOLDER


def station_keys() -> list[PublicKey]:
    """The keys this station trusts: ``*.pub`` files in the data folder's trusted-keys/,
    and those the station configuration lists.  A damaged or missing key file is an error,
    not skipped: a station that meant to require signatures must not quietly stop.  So is
    a configuration that cannot be read with certainty (TrustUncertainError)."""
    from kiosk.station import load_station_config  # noqa: PLC0415 - avoids a cycle

    config = load_station_config()[0]
    if config.trust_problems:
        raise TrustUncertainError(config.trust_problems)
    return [load_public_key(path) for path in station_key_paths(config.trusted_keys)]


def station_key_paths(configured: tuple[Path, ...] = ()) -> list[Path]:
    folder = trusted_keys_dir()
    paths = sorted(folder.glob("*" + PUBLIC_SUFFIX)) if folder.is_dir() else []
    return paths + list(configured)


class TrustUncertainError(PackError):
    """The station's trust cannot be known: signatures are required and nothing that
    depends on trust is decided until the configuration is fixed."""

    def __init__(self, problems: tuple[Issue, ...]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(
            "the station configuration cannot be read with certainty, so signatures are "
            "required and this command decides nothing on trust until it is fixed:\n" + lines
        )


def _read_key_file(path: Path) -> bytes:
    if not path.is_file():
        raise UsageError(f"{path}: no such key file")
    with path.open("rb") as handle:
        data = handle.read(MAX_KEY_FILE_BYTES + 1)
    if len(data) > MAX_KEY_FILE_BYTES:
        raise PackError(f"{path} is too large to be a key")
    return data
