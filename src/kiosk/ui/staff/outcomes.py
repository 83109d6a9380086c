"""A ``kiosk pack`` command's outcome as one of a few kinds staff can be told in plain words
(the panel words each kind; the command's own last line is kept as the detail).

The child's output is the command line's, written for a terminal; this reads its exit and a
few fixed phrases of the packs code's messages, so a new message only falls back to the
general "not installed" sentence, never to a wrong one."""

from __future__ import annotations

INSTALLED, REINSTALLED, SWITCHED = "installed", "reinstalled", "switched"
UNTRUSTED, OLDER, DAMAGED, MISTAKES, DISK_FULL, READ_ONLY, NOTHING, FAILED = (
    "untrusted",
    "older",
    "damaged",
    "mistakes",
    "disk-full",
    "read-only",
    "nothing",
    "failed",
)

# Phrases of the packs code's messages, most specific first.
_FAILURES = (
    ("not signed, and signed packs are required", UNTRUSTED),
    ("does not match any trusted key", UNTRUSTED),
    ("signatures are required", UNTRUSTED),
    ("refused: this pack was made", OLDER),
    ("no space left on device", DISK_FULL),
    ("read-only file system", READ_ONLY),
    ("nothing to roll back to", NOTHING),
    ("is already active", NOTHING),
    ("the exhibit has", MISTAKES),
    ("error:", MISTAKES),
    ("does not match its hash", DAMAGED),
    ("is not a readable zip", DAMAGED),
    ("is damaged", DAMAGED),
    ("holds more data", DAMAGED),
    ("holds less data", DAMAGED),
)


def classify(command: str, ok: bool, output: str) -> tuple[str, str]:
    """(kind, detail): what happened, and the command's last line for support."""
    lines = [line for line in output.splitlines() if line.strip()]
    detail = lines[-1].removeprefix("kiosk pack: ") if lines else ""
    if ok:
        if command == "install":
            return (REINSTALLED if "was installed already" in output else INSTALLED), detail
        return SWITCHED, detail
    lowered = output.lower()
    for phrase, kind in _FAILURES:
        if phrase in lowered:
            return kind, detail
    return FAILED, detail
