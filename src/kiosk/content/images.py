"""Image files in content: what they are and how large, read from their headers only.

Nothing here decodes pixels (decoders have a history of vulnerabilities); full decoding is
tried in a separate process by ``kiosk.ui.image_probe``, so a crashing decoder cannot take
anything else down.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

ACCEPTED = {"png": (".png",), "jpeg": (".jpg", ".jpeg"), "webp": (".webp",)}
MAX_FILE_BYTES = 30 * 1024 * 1024
# 40 megapixels: more than an 8K panel shows, far less than Qt's 256 MiB allocation limit.
MAX_PIXELS = 40_000_000
HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class ImageInfo:
    kind: str  # png, jpeg, webp, or what was recognised instead (svg, gif, ...)
    width: int = 0
    height: int = 0


def sniff(path: Path) -> ImageInfo:
    """The image's real kind and size from its first bytes, whatever its name says."""
    with path.open("rb") as stream:
        head = stream.read(HEADER_BYTES)
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        width, height = struct.unpack(">II", head[16:24])
        return ImageInfo("png", width, height)
    if head.startswith(b"\xff\xd8"):
        return _jpeg(head)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _webp(head)
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return ImageInfo("gif")
    lowered = head[:4096].lstrip().lower()
    if lowered.startswith((b"<svg", b"<?xml")) and b"<svg" in lowered:
        return ImageInfo("svg")
    return ImageInfo("unknown")


def _jpeg(head: bytes) -> ImageInfo:
    offset = 2
    while offset + 9 < len(head):
        if head[offset] != 0xFF:
            return ImageInfo("jpeg")  # damaged; the decoder check will say so
        marker = head[offset + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            offset += 2
            continue
        (length,) = struct.unpack(">H", head[offset + 2 : offset + 4])
        # Start-of-frame markers (baseline, progressive, ...) carry the size.
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", head[offset + 5 : offset + 9])
            return ImageInfo("jpeg", width, height)
        offset += 2 + length
    return ImageInfo("jpeg")


def _webp(head: bytes) -> ImageInfo:
    chunk = head[12:16]
    if chunk == b"VP8 " and len(head) >= 30:
        width, height = struct.unpack("<HH", head[26:30])
        return ImageInfo("webp", width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and len(head) >= 25:
        bits = int.from_bytes(head[21:25], "little")
        return ImageInfo("webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X" and len(head) >= 30:
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return ImageInfo("webp", width, height)
    return ImageInfo("webp")


def problem_with(path: Path) -> str | None:
    """Why this file cannot be shown as a content image, or None."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return f"is {size // (1024 * 1024)} MiB; images may be at most {limit} MiB"
    info = sniff(path)
    if info.kind == "svg":
        return "is an SVG drawing; content images must be PNG, JPEG or WebP"
    if info.kind not in ACCEPTED:
        return f"is not a PNG, JPEG or WebP image (it looks like {info.kind})"
    if path.suffix.lower() not in ACCEPTED[info.kind]:
        named = path.suffix or "without an extension"
        return f"is a {info.kind.upper()} image but is named {named}"
    if info.width * info.height > MAX_PIXELS:
        return (
            f"is {info.width}x{info.height} pixels; images may have at most "
            f"{MAX_PIXELS // 1_000_000} megapixels"
        )
    return None
