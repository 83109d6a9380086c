"""``kiosk pack verify``: is this pack safe, intact and signed by a key we trust?"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.content.issues import Issue
from kiosk.packs.archive import open_pack
from kiosk.packs.content_check import check_pack_content
from kiosk.packs.keys import PublicKey, load_public_key, station_keys
from kiosk.packs.limits import DEFAULT_LIMITS, Limits
from kiosk.packs.manifest import Manifest, iso_utc, version_id
from kiosk.packs.verdict import SignatureVerdict


@dataclass(frozen=True)
class Verified:
    manifest: Manifest
    file_count: int
    total_bytes: int
    signature: SignatureVerdict
    warnings: list[Issue]
    version: str  # the id it would have in a content store

    def describe(self) -> str:
        return (
            f"{self.file_count} files, {self.total_bytes} bytes, "
            f"content schema {self.manifest.schema_version}, "
            f"made {iso_utc(self.manifest.created)}; {self.signature.describe()}"
        )


def trusted_keys(extra: list[Path], *, with_station: bool) -> list[PublicKey]:
    """Keys given on the command line, plus (if asked) the ones installed on this station."""
    keys = [load_public_key(path) for path in extra]
    if with_station:
        keys += station_keys()
    return keys


def verify_keys(trust: list[Path]) -> list[PublicKey]:
    """Keys given with ``--trust`` replace the station's for a check (to test a pack against
    a key before the key is installed anywhere); without them the station's keys apply."""
    return trusted_keys(trust, with_station=not trust)


def verify_pack(path: Path, keys: list[PublicKey], limits: Limits = DEFAULT_LIMITS) -> Verified:
    """Raise PackError naming the first problem; return a summary when all checks pass.

    The same checks as ``kiosk pack install`` (signature first, then structure, schema,
    hashes and the content itself), so "valid" means "a kiosk will install it".
    """
    with open_pack(path, limits, keys) as pack:
        checked = pack.checked
        assert checked.verdict is not None  # opened with keys
        warnings = check_pack_content(pack, path.name)
    return Verified(
        manifest=checked.manifest,
        file_count=len(checked.members),
        total_bytes=checked.total_bytes,
        signature=checked.verdict,
        warnings=warnings,
        version=version_id(checked.manifest, checked.manifest_bytes),
    )
