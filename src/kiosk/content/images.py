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
CMYK_CHANNELS = 4
PNG_SIZE_END = 24  # signature, IHDR length and type, then width and height


@dataclass(frozen=True)
class ImageInfo:
    kind: str  # png, jpeg, webp, or what was recognised instead (svg, gif, text, ...)
    width: int = 0
    height: int = 0
    channels: int = 0  # colour components, where the header says (4: a CMYK JPEG)


def sniff(path: Path) -> ImageInfo:
    """The image's real kind and size from its first bytes, whatever its name says."""
    with path.open("rb") as stream:
        head = stream.read(HEADER_BYTES)
    return sniff_bytes(head)


def sniff_bytes(head: bytes) -> ImageInfo:
    """As sniff(), from a file's first bytes (however few: a file may be cut short)."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        if head[12:16] != b"IHDR" or len(head) < PNG_SIZE_END:
            return ImageInfo("png")  # cut short or damaged; the size check cannot apply
        width, height = struct.unpack(">II", head[16:PNG_SIZE_END])
        return ImageInfo("png", width, height)
    if head.startswith(b"\xff\xd8"):
        return _jpeg(head)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _webp(head)
    return ImageInfo(_other_kind(head))


def _other_kind(head: bytes) -> str:
    """What a file that is not a PNG, JPEG or WebP image seems to be."""
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    start = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<") and b"<svg" in start:  # <svg, <?xml, <!DOCTYPE, <!-- ...
        return "svg"
    return "text" if _is_text(head) else "unknown"


def _is_text(head: bytes) -> bool:
    if not head or b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3  # only a character cut at the end
    return True


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
            channels = head[offset + 9] if offset + 9 < len(head) else 0
            return ImageInfo("jpeg", width, height, channels)
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
    try:
        size = path.stat().st_size
        info = sniff(path)
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return f"is {size // (1024 * 1024)} MiB; images may be at most {limit} MiB"
    if info.kind not in ACCEPTED:
        return _refused_kind(info.kind, size)
    if path.suffix.lower() not in ACCEPTED[info.kind]:
        named = path.suffix or "without an extension"
        return f"is a {info.kind.upper()} image but is named {named}"
    if info.width * info.height > MAX_PIXELS:
        return (
            f"is {info.width}x{info.height} pixels; images may have at most "
            f"{MAX_PIXELS // 1_000_000} megapixels"
        )
    return None


def _refused_kind(kind: str, size: int) -> str:
    if size == 0:
        return "is an empty file; content images must be PNG, JPEG or WebP"
    if kind == "svg":
        return "is an SVG drawing; content images must be PNG, JPEG or WebP"
    if kind == "text":
        return "is a text file, not an image; content images must be PNG, JPEG or WebP"
    return f"is not a PNG, JPEG or WebP image (it looks like {kind})"


def advice_on(path: Path) -> str | None:
    """Something staff should know about an image that is shown all the same, or None."""
    try:
        info = sniff(path)
    except OSError:
        return None  # problem_with() reports it
    if info.kind == "jpeg" and info.channels == CMYK_CHANNELS:
        return (
            "is a CMYK JPEG (made for print): it is shown with approximate colours; "
            "save it as RGB (sRGB) for the screen"
        )
    return None
