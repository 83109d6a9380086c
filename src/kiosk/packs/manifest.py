"""The manifest: what a pack holds (each file's SHA-256), for which content schema, when made,
and its ``sequence``: a number that only grows from one build to the next, so a kiosk can
refuse a pack older than one it already showed (a replay of an old, validly signed pack).

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
# A manifest is an object of strings; anything nested deeper is hostile, and Python's JSON
# parser recurses once per level (100,000 levels: RecursionError).
MAX_DEPTH = 4
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_NOT_BRACKET = re.compile(rb"[^\[\]{}]")


@dataclass(frozen=True)
class Manifest:
    """``files`` maps each member name (POSIX, relative) to its SHA-256 in lowercase hex."""

    schema_version: int
    created: datetime
    files: dict[str, str] = field(default_factory=dict)
    format: int = FORMAT
    # None in packs made before sequences: then the time it was made stands in for it.
    sequence: int | None = None

    @property
    def order(self) -> int:
        """Where this pack stands among all packs: its sequence, or (older packs) the
        microseconds since 1970 when it was made, the scale ``pack build`` starts from."""
        if self.sequence is not None:
            return self.sequence
        return microseconds(self.created)

    def to_bytes(self) -> bytes:
        document: dict[str, object] = {
            "format": self.format,
            "schema_version": self.schema_version,
            "created": iso_utc(self.created),
        }
        if self.sequence is not None:
            document["sequence"] = self.sequence
        document["files"] = dict(sorted(self.files.items()))
        return (json.dumps(document, indent=2, ensure_ascii=True) + "\n").encode("ascii")


def iso_utc(moment: datetime) -> str:
    """2026-11-25T19:30:00Z: second precision, always UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def microseconds(moment: datetime) -> int:
    return int(moment.timestamp()) * 1_000_000 + moment.microsecond


def version_id(manifest: Manifest, manifest_bytes: bytes) -> str:
    """The name a pack's content gets in the store: when it was made, and which manifest.

    The same pack always gets the same name; different packs made in the same second do not.
    """
    stamp = manifest.created.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{stamp}-{hashlib.sha256(manifest_bytes).hexdigest()[:8]}"


def parse_manifest(data: bytes) -> Manifest:
    """The manifest in ``data``, or PackError saying what is wrong with it."""
    depth = _nesting(data)
    if depth > MAX_DEPTH:
        raise PackError(
            f"manifest.json is nested {depth} levels deep (a manifest has {MAX_DEPTH - 2}); "
            "it was not made by 'kiosk pack build'"
        )
    try:
        document = json.loads(data.decode("utf-8"), object_pairs_hook=_refuse_duplicate_keys)
    except (UnicodeDecodeError, ValueError) as error:
        raise PackError(f"manifest.json is not valid JSON: {error}") from None
    except RecursionError:  # the guard above should make this unreachable
        raise PackError("manifest.json is nested too deeply") from None
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
    sequence = document.get("sequence")
    if sequence is not None and (type(sequence) is not int or sequence < 0):
        raise PackError("manifest.json 'sequence' is not a whole number")
    return Manifest(
        schema_version=schema,
        created=_created(document.get("created")),
        files=_files(document.get("files")),
        format=form,
        sequence=sequence,
    )


def _nesting(data: bytes) -> int:
    """How deep the brackets of a JSON text go, outside its strings: a cheap scan that
    leaves only the brackets (a real manifest has four) before counting."""
    brackets = _NOT_BRACKET.sub(b"", _JSON_STRING.sub(b"", data))
    depth = deepest = 0
    for code in brackets:
        depth += 1 if code in b"[{" else -1
        deepest = max(deepest, depth)
    return deepest


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
