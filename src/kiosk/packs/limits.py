"""Bounds on what a pack may hold, so a damaged or hostile file cannot fill a kiosk's disk."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Checked against the zip's directory before anything is extracted, and again while
    streaming each entry (headers can lie)."""

    max_files: int = 2_000
    max_file_bytes: int = 50 * MiB
    max_total_bytes: int = 500 * MiB
    # Text compresses about 3-10:1; 100:1 only happens with padding made to explode.
    max_ratio: float = 100.0
    # Below this size a high ratio is harmless (a short file of blanks), so it is not checked.
    ratio_floor_bytes: int = 1 * MiB
    max_manifest_bytes: int = 1 * MiB
    max_signature_bytes: int = 1024

    @property
    def max_pack_bytes(self) -> int:
        """The pack file itself: its content stored uncompressed, plus the zip's own records."""
        return self.max_total_bytes + 64 * MiB


DEFAULT_LIMITS = Limits()
