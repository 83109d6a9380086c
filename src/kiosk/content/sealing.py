"""``kiosk statement seal``: fix the statement's words as issued, after a deliberate change.

The only writer of the seal.  statement.yaml is changed by a minimal text edit (its
``seal:`` block replaced, or appended with a comment), never re-dumped, so staff's comments
and layout stay; statement.seal is rewritten whole.  Both are written atomically (a
complete temporary file renamed over the old one), statement.seal first: a crash between
the two leaves a seal that does not match, which `kiosk validate` reports and sealing again
repairs.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TextIO

from kiosk.content.fields import FieldReader
from kiosk.content.issues import ContentError, Issue, Location
from kiosk.content.loader import STATEMENT_FILE
from kiosk.content.model import Statement
from kiosk.content.schema import FAILED
from kiosk.content.seal import (
    SEAL_FILE,
    Part,
    changes,
    digest,
    format_seal_file,
    load_seal_file,
    pairs,
    parts_of,
)
from kiosk.content.source import MAX_FILE_BYTES, Mapping, load_yaml_bytes, read_bounded

STATEMENT = "statement.yaml"
BOM = b"\xef\xbb\xbf"
SEAL_COMMENT = (
    "# The words of each issued language version, sealed by `kiosk statement seal` (the only",
    "# way to change them; statement.seal keeps the sealed words).",
)


def seal_statement(
    folder: Path, add: list[str], remove: list[str], out: TextIO, err: TextIO
) -> int:
    """Seal the statement of ``folder``; 0 when sealed, 1 when the statement has errors."""
    path = folder / STATEMENT
    try:
        data = read_bounded(path, STATEMENT, MAX_FILE_BYTES)
        tree = load_yaml_bytes(data, STATEMENT)
    except ContentError as error:
        return _refuse(error.issues, err)
    reader = FieldReader()
    statement = STATEMENT_FILE.read(reader, tree)
    problems = [issue for issue in reader.issues if issue.severity == "error"]
    if problems or statement is FAILED or not isinstance(tree, Mapping):
        return _refuse(problems, err)
    languages = _languages(statement, add, remove)
    if not languages and not remove:
        err.write("kiosk statement seal: name the issued language(s): --language en\n")
        return 1
    old_digests = statement.seal.digests if statement.seal else {}
    try:
        old_words = load_seal_file(folder)
    except ContentError:
        old_words = {}
    sealed: dict[str, list[tuple[str, str]]] = {}
    for language in languages:
        parts = parts_of(statement, language)
        if not parts:
            err.write(f"kiosk statement seal: the statement has no '{language}' text\n")
            return 1
        sealed[language] = pairs(parts)
        before = old_words.get(language)
        trusted = before is not None and digest(before) == old_digests.get(language)
        out.write(_report(language, parts, before if trusted else None, language in old_digests))
    for language in old_digests:
        if language not in sealed:
            out.write(f"{language}: no longer sealed\n")
    text = data.removeprefix(BOM).decode("utf-8")
    new_text = with_seal(text, tree, {lang: digest(lines) for lang, lines in sealed.items()})
    seal_path = folder / SEAL_FILE
    if sealed:
        write_atomically(seal_path, format_seal_file(sealed).encode("utf-8"))
    elif seal_path.exists():
        seal_path.unlink()
    prefix = BOM if data.startswith(BOM) else b""
    if new_text != text:
        write_atomically(path, prefix + new_text.encode("utf-8"))
    out.write(f"sealed: {', '.join(sealed) or 'nothing'} in {path}\n")
    return 0


def _refuse(issues: list[Issue], err: TextIO) -> int:
    for issue in issues:
        err.write(f"{issue}\n")
    err.write("kiosk statement seal: the statement has errors; nothing was sealed\n")
    return 1


def _languages(statement: Statement, add: list[str], remove: list[str]) -> list[str]:
    """Those sealed already and those added, less those removed; with none of these, the
    languages every paragraph is given in (a first seal of the statement as written)."""
    chosen = list(statement.seal.digests) if statement.seal else []
    chosen += [language for language in add if language not in chosen]
    if not chosen and not remove:
        paragraphs = [set(text.values) for text in statement.paragraphs]
        chosen = sorted(set.intersection(*paragraphs)) if paragraphs else []
    return [language for language in chosen if language not in remove]


def _report(
    language: str, parts: list[Part], before: list[tuple[str, str]] | None, was_sealed: bool
) -> str:
    if before is None:
        if was_sealed:
            lost = f"{SEAL_FILE} did not hold the old words"
            return f"{language}: sealed anew ({len(parts)} parts); {lost}\n"
        return f"{language}: sealed for the first time ({len(parts)} parts)\n"
    found = changes(before, parts, Location(STATEMENT), language)
    if not found:
        return f"{language}: no change\n"
    return "".join(f"{language}: {where}: {message}\n" for where, message in found)


def with_seal(text: str, tree: Mapping, digests: dict[str, str]) -> str:
    """``text`` with its top-level ``seal:`` block replaced (or appended, with a comment)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    block = [f"seal:{newline}"] if digests else []
    block += [f"  {language}: {value}{newline}" for language, value in digests.items()]
    lines = text.splitlines(keepends=True)
    comment = [line + newline for line in SEAL_COMMENT]
    where = tree.key_locations.get("seal")
    if where is not None:
        start = where.line - 1
        end = start + 1
        while end < len(lines) and lines[end][:1] in (" ", "\t"):
            end += 1
        above = start - len(comment)
        if not digests and above >= 0 and lines[above:start] == comment:
            start = above  # the seal's own comment goes with it
        return "".join([*lines[:start], *block, *lines[end:]])
    if not digests:
        return text
    if text and not text.endswith(("\n", "\r")):
        text += newline
    return text + "".join(comment) + "".join(block)


def write_atomically(path: Path, data: bytes) -> None:
    """The whole new file or the old one, never half of either (keeps the file's mode)."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
