"""``kiosk validate`` and ``kiosk schema``: reports for staff and schemas for their editors."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.content.checks import check_exhibit
from kiosk.content.issues import Issue
from kiosk.content.loader import FILE_SPECS, SCHEMA_VERSION, optional_specs, read_exhibit_texts
from kiosk.content.model import Exhibit


def validate_folder(folder: Path) -> list[Issue]:
    """Every finding about a content folder, with the thorough checks, sorted by place."""
    return validate_texts({}, folder)[1]


def validate_texts(texts: Mapping[str, bytes], folder: Path) -> tuple[Exhibit | None, list[Issue]]:
    """validate_folder's findings (and the exhibit) with the files named in ``texts`` read
    from those bytes: the studio's unsaved texts, as they would be found once saved."""
    exhibit, issues = read_exhibit_texts(texts, folder)
    if exhibit is not None:
        issues = [*issues, *check_exhibit(exhibit, folder, thorough=True, only_thorough=True)]
    return exhibit, sorted(issues, key=lambda issue: issue.location)


def format_text(issues: list[Issue]) -> str:
    return "\n".join(str(issue) for issue in issues)


def format_json(issues: list[Issue]) -> str:
    errors = sum(issue.severity == "error" for issue in issues)
    report = {
        "ok": errors == 0,
        "errors": errors,
        "warnings": len(issues) - errors,
        "findings": [
            {
                "path": issue.location.path,
                "line": issue.location.line,
                "column": issue.location.column,
                "severity": issue.severity,
                "message": issue.message,
            }
            for issue in issues
        ],
    }
    return json.dumps(report, ensure_ascii=False, indent=2)


def file_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one content file, for editors (yaml-language-server)."""
    spec = FILE_SPECS[name] if name in FILE_SPECS else optional_specs()[name]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **spec.json_schema(),
    }


def all_schemas() -> dict[str, Any]:
    """One document holding every content file's schema, under ``$defs`` by file name."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Memorial Kiosk content, schema_version {SCHEMA_VERSION}",
        "$defs": {name: file_schema(name) for name in _schema_files()},
    }


def write_schemas(target: Path) -> list[Path]:
    """A folder gets one ``<file>.schema.json`` per content file; a file gets them all."""
    if target.is_dir():
        written = []
        for name in _schema_files():
            path = target / name.replace(".yaml", ".schema.json")
            path.write_text(json.dumps(file_schema(name), indent=2) + "\n", encoding="utf-8")
            written.append(path)
        return written
    target.write_text(json.dumps(all_schemas(), indent=2) + "\n", encoding="utf-8")
    return [target]


def _schema_files() -> list[str]:
    """Every content file with a schema: the four, then the optional ones."""
    return [*FILE_SPECS, *optional_specs()]
