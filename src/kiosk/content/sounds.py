"""Recordings in content: what they are and which language they say they are in, read from
their headers only (no Qt, nothing decoded).

Decoding, and with it the real duration, is tried in a separate process
(``kiosk audio-probe``, kiosk.audio.recording_probe), as pictures are: a decoder that crashes
or runs away takes down only that process.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from pathlib import Path

from kiosk.content.images import sniff_bytes as sniff_image

# What the kiosk plays (Qt Multimedia's FFmpeg backend), by the kind the bytes show, with
# the names such a file may have.
ACCEPTED = {
    "vorbis": (".ogg", ".oga"),
    "opus": (".opus", ".ogg", ".oga"),
    "flac": (".flac",),
    "wav": (".wav",),
}
NAMES = {"vorbis": "OGG Vorbis", "opus": "OGG Opus", "flac": "FLAC", "wav": "WAV"}
ACCEPTED_WORDS = "OGG Vorbis, OGG Opus, FLAC or WAV"
MiB = 1024 * 1024
MAX_FILE_BYTES = 50 * MiB  # a pack's largest file, too (kiosk.packs.limits)
# Enough for the codec's headers and tags but embedded cover art (past it the language tag
# is not looked for); read for every recording when content loads, so kept small.
HEADER_BYTES = 64 * 1024
ID3_HEADER = 10
OGG_PAGE_HEADER = 27
LAST_SEGMENT = 255
FLAC_COMMENT_BLOCK = 4
FLAC_LAST_BLOCK = 0x80

# Language tags as recording tools write them: ISO 639-1, ISO 639-2 (both forms) or the
# English name; a region or script after it (en-GB, az_Latn) is ignored.
LANGUAGE_WORDS = {
    "az": ("az", "aze", "azerbaijani", "azərbaycan", "azeri"),
    "en": ("en", "eng", "english"),
    "ru": ("ru", "rus", "russian", "русский"),
    "tr": ("tr", "tur", "turkish"),
    "de": ("de", "deu", "ger", "german"),
    "fr": ("fr", "fra", "fre", "french"),
    "uk": ("uk", "ukr", "ukrainian"),
    "ka": ("ka", "kat", "geo", "georgian"),
    "hy": ("hy", "hye", "arm", "armenian"),
}
LANGUAGE_OF = {word: code for code, words in LANGUAGE_WORDS.items() for word in words}
# ISO 639-2's "undetermined", "no linguistic content" and "multiple": nothing to compare.
NO_LANGUAGE = frozenset({"und", "zxx", "mul", "mis", ""})


def sniff(path: Path) -> tuple[str, list[str]]:
    """The recording's real kind (vorbis, opus, flac, wav, or what it is instead) and the
    language tags it carries, from its first bytes, whatever its name says."""
    with path.open("rb") as stream:
        head = stream.read(HEADER_BYTES)
    return sniff_bytes(head)


def sniff_bytes(head: bytes) -> tuple[str, list[str]]:
    if head.startswith(b"ID3") and len(head) >= ID3_HEADER:
        # FLAC files sometimes start with an ID3 tag; MP3 files usually do.
        after = ID3_HEADER + _syncsafe(head[6:ID3_HEADER])
        if head[after : after + 4] == b"fLaC":
            return "flac", _flac_tags(head[after:])
        return "an MP3 file", []
    if head.startswith(b"OggS"):
        return _ogg(head)
    if head.startswith(b"fLaC"):
        return "flac", _flac_tags(head)
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav", _wav_tags(head)
    return _other_kind(head), []


def _syncsafe(data: bytes) -> int:
    return (data[0] << 21) | (data[1] << 14) | (data[2] << 7) | data[3]


def _ogg(head: bytes) -> tuple[str, list[str]]:
    packets = _ogg_packets(head, wanted=2)
    first = packets[0] if packets else b""
    if first.startswith(b"\x01vorbis"):
        comments = packets[1] if len(packets) > 1 else b""
        tags = _comment_tags(comments[7:]) if comments.startswith(b"\x03vorbis") else []
        return "vorbis", tags
    if first.startswith(b"OpusHead"):
        comments = packets[1] if len(packets) > 1 else b""
        return "opus", _comment_tags(comments[8:]) if comments.startswith(b"OpusTags") else []
    for prefix, kind in (
        (b"\x7fFLAC", "Ogg FLAC"),
        (b"Speex", "Ogg Speex"),
        (b"\x80theora", "Ogg Theora video"),
    ):
        if first.startswith(prefix):
            return kind, []
    return "Ogg file of an unknown kind", []


def _ogg_packets(head: bytes, wanted: int) -> list[bytes]:
    """The first packets of the file's first logical stream (enough to tell the codec and
    read its comments), as far as ``head`` holds them complete."""
    packets: list[bytes] = []
    current = b""
    offset = 0
    serial = None
    while len(packets) < wanted and head[offset : offset + 4] == b"OggS":
        if offset + OGG_PAGE_HEADER > len(head):
            break
        page_serial = head[offset + 14 : offset + 18]
        count = head[offset + 26]
        table = head[offset + OGG_PAGE_HEADER : offset + OGG_PAGE_HEADER + count]
        data = offset + OGG_PAGE_HEADER + count
        end = data + sum(table)
        if len(table) < count or end > len(head):
            break
        if serial is None:
            serial = page_serial
        if page_serial == serial:
            for size in table:
                current += head[data : data + size]
                data += size
                if size < LAST_SEGMENT:
                    packets.append(current)
                    current = b""
        offset = end
    return packets


def _comment_tags(block: bytes) -> list[str]:
    """LANGUAGE values of a Vorbis comment block (Vorbis, Opus and FLAC share its form)."""
    try:
        (vendor,) = struct.unpack_from("<I", block, 0)
        offset = 4 + vendor
        (count,) = struct.unpack_from("<I", block, offset)
        offset += 4
        tags = []
        for _ in range(count):
            (length,) = struct.unpack_from("<I", block, offset)
            comment = block[offset + 4 : offset + 4 + length]
            offset += 4 + length
            name, equals, value = comment.partition(b"=")
            if equals and name.upper() == b"LANGUAGE":
                tags.append(value.decode("utf-8", "replace"))
    except struct.error:
        return []  # cut short within what was read: no tags to hold the file to
    return tags


def _flac_tags(head: bytes) -> list[str]:
    offset = 4
    while offset + 4 <= len(head):
        header = head[offset]
        length = int.from_bytes(head[offset + 1 : offset + 4], "big")
        if header & 0x7F == FLAC_COMMENT_BLOCK:
            return _comment_tags(head[offset + 4 : offset + 4 + length])
        if header & FLAC_LAST_BLOCK:
            break
        offset += 4 + length
    return []


def _wav_tags(head: bytes) -> list[str]:
    """The language of a WAV file's LIST/INFO chunk (ILNG), where it has one."""
    offset = 12
    while offset + 8 <= len(head):
        chunk, size = (
            head[offset : offset + 4],
            int.from_bytes(head[offset + 4 : offset + 8], "little"),
        )
        if chunk == b"LIST" and head[offset + 8 : offset + 12] == b"INFO":
            inner, end = offset + 12, min(offset + 8 + size, len(head))
            while inner + 8 <= end:
                name = head[inner : inner + 4]
                length = int.from_bytes(head[inner + 4 : inner + 8], "little")
                if name == b"ILNG":
                    text = head[inner + 8 : inner + 8 + length].split(b"\0")[0]
                    return [text.decode("latin-1")]
                inner += 8 + length + (length & 1)
        if chunk == b"data":
            break
        offset += 8 + size + (size & 1)
    return []


# Other kinds staff may have, told by their first bytes, for the message refusing them.
OTHER_KINDS: tuple[tuple[Callable[[bytes], bool], str], ...] = (
    (lambda head: len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0, "an MP3 file"),
    (lambda head: head[4:8] == b"ftyp", "an MP4/M4A (AAC) file"),
    (lambda head: head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"), "an AIFF file"),
    (lambda head: head[:4] == b"\x1a\x45\xdf\xa3", "a WebM/Matroska file"),
    (lambda head: head[:4] == b"\x30\x26\xb2\x75", "a WMA file"),
    (lambda head: head[:4] == b"MThd", "a MIDI file"),
)


def _other_kind(head: bytes) -> str:
    """What a file that is not an accepted recording seems to be, in a few words."""
    if not head:
        return "an empty file"
    kind = next((name for test, name in OTHER_KINDS if test(head)), None)
    if kind:
        return kind
    if head[:4] == b"RIFF":
        return f"a RIFF file of kind {head[8:12].decode('latin-1')!r}, not WAVE"
    image = sniff_image(head).kind
    if image in ("png", "jpeg", "webp", "gif", "svg"):
        return f"a {image.upper()} image"
    return "a text file" if image == "text" else "no audio format the kiosk knows"


def problem_with(path: Path) -> str | None:
    """Why this file cannot be played as a recording, or None (said after its name)."""
    return examine(path)[0]


def examine(path: Path) -> tuple[str | None, list[str]]:
    """problem_with()'s answer and the file's language tags, from one read of its start."""
    try:
        size = path.stat().st_size
        kind, tags = sniff(path)
    except OSError as error:
        return f"cannot be read: {error.strerror or error}", []
    return _problem(path, size, kind), tags


def _problem(path: Path, size: int, kind: str) -> str | None:
    if size > MAX_FILE_BYTES:
        return (
            f"is {size // MiB} MiB; recordings may be at most {MAX_FILE_BYTES // MiB} MiB "
            "(20 minutes of FLAC; OGG is far smaller)"
        )
    if kind not in ACCEPTED:
        return f"is {kind}, not a recording the kiosk plays: use {ACCEPTED_WORDS}"
    if path.suffix.lower() not in ACCEPTED[kind]:
        named = path.suffix or "without an extension"
        return f"is a recording in {NAMES[kind]} but is named {named}"
    return None


def tag_language(tag: str) -> str | None:
    """The language code a tag names; "" when it names none (undetermined); None when the
    kiosk cannot tell."""
    word = re.split(r"[-_,;/ ]", tag.strip().lower(), maxsplit=1)[0]
    if word in NO_LANGUAGE:
        return ""
    return LANGUAGE_OF.get(word)
