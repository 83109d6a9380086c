"""Findings about content, each pinned to a file, line and column."""

from __future__ import annotations

from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]


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
        return f"{self.location}: {self.severity}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be shown; carries every error found, not just the first."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = sorted(issues, key=lambda issue: issue.location)
        super().__init__("\n".join(str(issue) for issue in self.issues))
