"""The errors pack commands report to staff as one clear message, never as a traceback."""

from __future__ import annotations

from kiosk.content.issues import Issue

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class PackError(Exception):
    """A pack, key or store was refused; the message says why, naming the entry."""

    exit_code = EXIT_REFUSED


class UsageError(PackError):
    """The command was asked for something impossible: a missing file, an existing key."""

    exit_code = EXIT_USAGE


class InvalidContentError(PackError):
    """The content inside a folder or pack does not load; carries every error found."""

    def __init__(self, where: str, issues: list[Issue]) -> None:
        self.issues = issues
        count = len(issues)
        super().__init__(f"{count} error{'s' if count != 1 else ''} in the content of {where}")
