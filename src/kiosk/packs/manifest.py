"""The manifest: what a pack holds (each file's SHA-256), for which content schema, when made.

Stored as ``manifest.json`` at the root of the pack; the signature covers its exact bytes,
so it is parsed from, and hashed as, those bytes and never re-serialised for checking.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from kiosk.packs.errors import PackError
from kiosk.packs.names import RESERVED_NAMES, name_problem

FORMAT = 1
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Manifest:
    """``files`` maps each member name (POSIX, relative) to its SHA-256 in lowercase hex."""

    schema_version: int
    created: datetime
    files: dict[str, str] = field(default_factory=dict)
    format: int = FORMAT

    def to_bytes(self) -> bytes:
        document = {
            "format": self.format,
            "schema_version": self.schema_version,
            "created": iso_utc(self.created),
            "files": dict(sorted(self.files.items())),
        }
        return (json.dumps(document, indent=2, ensure_ascii=True) + "\n").encode("ascii")


def iso_utc(moment: datetime) -> str:
    """2026-11-25T19:30:00Z: second precision, always UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def version_id(manifest: Manifest, manifest_bytes: bytes) -> str:
    """The name a pack's content gets in the store: when it was made, and which manifest.

    The same pack always gets the same name; different packs made in the same second do not.
    """
    stamp = manifest.created.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{stamp}-{hashlib.sha256(manifest_bytes).hexdigest()[:8]}"


def parse_manifest(data: bytes) -> Manifest:
    """The manifest in ``data``, or PackError saying what is wrong with it."""
    try:
        document = json.loads(data.decode("utf-8"), object_pairs_hook=_refuse_duplicate_keys)
    except (UnicodeDecodeError, ValueError) as error:
        raise PackError(f"manifest.json is not valid JSON: {error}") from None
    if not isinstance(document, dict):
        raise PackError("manifest.json is not a JSON object")
    form = document.get("format")
    if type(form) is not int:
        raise PackError("manifest.json has no integer 'format'")
    if form != FORMAT:
        raise PackError(
            f"manifest.json has format {form}; this kiosk reads format {FORMAT} "
            "(was the pack made by a newer kiosk?)"
        )
    schema = document.get("schema_version")
    if type(schema) is not int or schema < 1:
        raise PackError("manifest.json has no positive integer 'schema_version'")
    return Manifest(
        schema_version=schema,
        created=_created(document.get("created")),
        files=_files(document.get("files")),
        format=form,
    )


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            # json.loads would keep the last silently: a way to show a checker one hash and
            # an installer another.
            raise ValueError(f"duplicate key '{key}'")
        result[key] = value
    return result


def _created(value: object) -> datetime:
    if not isinstance(value, str):
        raise PackError("manifest.json has no 'created' time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise PackError(f"manifest.json 'created' is not an ISO-8601 time: {value!r}") from None
    if moment.tzinfo is None:
        raise PackError(f"manifest.json 'created' has no time zone: {value!r}")
    return moment


def _files(value: object) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise PackError("manifest.json lists no 'files'")
    files: dict[str, str] = {}
    for name, digest in value.items():
        problem = name_problem(name)
        if problem:
            raise PackError(f"manifest.json entry '{name}' {problem}")
        if name in RESERVED_NAMES:
            raise PackError(f"manifest.json lists '{name}', a name reserved for the pack")
        if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
            raise PackError(f"manifest.json entry '{name}' has no SHA-256 (64 hex digits)")
        files[name] = digest
    return files
