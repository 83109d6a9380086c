"""Findings about content, each pinned to a file, line and column."""

from __future__ import annotations

from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]

# Content quoted in a message may hold line breaks, other control characters or bidi
# controls; shown as escapes they cannot split a `path:line:col: error:` line in two or
# reorder it on a terminal.
_SHOWN_ESCAPED = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in [
        *range(0x20),
        *range(0x7F, 0xA0),
        0x2028,
        0x2029,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ]
}

MAX_SHOWN = 80
MAX_NAME = 24  # an id named inside a longer message


def shown(text: str) -> str:
    """Content quoted in a message, cut to a readable length (a value may be megabytes)."""
    if len(text) <= MAX_SHOWN:
        return text
    return f"{text[: MAX_SHOWN - 1]}… ({len(text)} characters)"


def named(name: str) -> str:
    """An id inside a message, short enough that the message stays one readable line."""
    return name if len(name) <= MAX_NAME else f"{name[: MAX_NAME - 1]}…"


class Location(NamedTuple):
    """A place in a content file; line and column count from 1 as editors do."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class Issue(NamedTuple):
    """One finding: what is wrong and exactly where."""

    severity: Severity
    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message.translate(_SHOWN_ESCAPED)}"


class ContentError(Exception):
    """Raised when content cannot be shown; carries every error found, not just the first."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = sorted(issues, key=lambda issue: issue.location)
        super().__init__("\n".join(str(issue) for issue in self.issues))
