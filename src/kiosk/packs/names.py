"""Which member names a pack may use: relative POSIX paths that land inside the content
folder on every system a kiosk runs on (Linux, Windows, macOS)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
RESERVED_NAMES = frozenset({MANIFEST_NAME, SIGNATURE_NAME})

MAX_NAME_CHARS = 512
MAX_DEPTH = 32
MAX_PART_BYTES = 255  # most file systems' limit for one name
# Characters Windows refuses in file names; ':' also makes drive letters (C:) and NTFS
# alternate data streams (file:stream).
_WINDOWS_FORBIDDEN = frozenset('<>:"|?*')
# CON, NUL, COM1... open devices on Windows whatever their extension.
_WINDOWS_DEVICES = re.compile(r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?")

# Unicode's format characters (bidi controls, zero-width, BOM) and line/paragraph separators.
_INVISIBLE = frozenset({"Cf", "Zl", "Zp"})

Rule = tuple[Callable[[str], bool], str]

# Checked in order, the first that applies is reported.
_NAME_RULES: tuple[Rule, ...] = (
    (lambda name: not name, "has an empty name"),
    (lambda name: "\x00" in name, "has a NUL character in its name"),
    (
        lambda name: any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in name),
        "has a control character in its name",
    ),
    (
        # Bidi controls reorder a name on screen ('exhibit<RLO>lmay.png' reads as a
        # picture); zero-width and other format characters make two names look the same.
        lambda name: any(unicodedata.category(ch) in _INVISIBLE for ch in name),
        "has an invisible or text-direction character in its name",
    ),
    (lambda name: "\\" in name, "uses a backslash; pack names use / between folders"),
    (lambda name: name.startswith("/"), "is an absolute path"),
    (lambda name: re.match(r"[A-Za-z]:", name) is not None, "starts with a drive letter"),
    (
        lambda name: len(name) > MAX_NAME_CHARS,
        f"has a name longer than {MAX_NAME_CHARS} characters",
    ),
    (
        lambda name: name.count("/") >= MAX_DEPTH,
        f"is nested deeper than {MAX_DEPTH} folders",
    ),
)

_PART_RULES: tuple[Rule, ...] = (
    (lambda part: part == "..", "leads out of the content folder (..)"),
    (lambda part: part in ("", "."), "has an empty or '.' folder in its path"),
    (
        lambda part: not _WINDOWS_FORBIDDEN.isdisjoint(part),
        'uses a character Windows forbids in names (< > : " | ? *)',
    ),
    (lambda part: part[-1] in ". ", "has a name ending in a dot or space, which Windows drops"),
    (
        lambda part: _WINDOWS_DEVICES.fullmatch(part) is not None,
        "uses a device name of Windows (CON, NUL, COM1...)",
    ),
    (
        lambda part: len(part.encode("utf-8")) > MAX_PART_BYTES,
        f"has a file name longer than {MAX_PART_BYTES} bytes",
    ),
)


def name_problem(name: str) -> str | None:
    """Why ``name`` is unsafe as a path inside the content folder, or None when it is fine."""
    for applies, message in _NAME_RULES:
        if applies(name):
            return message
    for part in name.split("/"):
        for applies, message in _PART_RULES:
            if applies(part):
                return message
    return None


def collision_key(name: str) -> str:
    """Names that are the same file on a case-insensitive or normalising file system
    (Windows, macOS) get the same key: 'A.yaml' and 'a.yaml' would overwrite each other."""
    return unicodedata.normalize("NFC", name).casefold()
