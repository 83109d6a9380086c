"""The studio's side of the statement's seal: which sealed words an edit changed, and sealing
them again after the staff confirm the change is the issued text.

The words are compared exactly as `kiosk validate` compares them (kiosk.content.seal), on the
statement as it is in the studio's memory, so the confirmation shows what the findings would
show after saving.  Sealing again is `kiosk statement seal` (kiosk.content.sealing), the only
writer of the seal, for the languages that are sealed already: the studio never seals a
language for the first time or unseals one (those stay deliberate commands).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Protocol

from kiosk.content.fields import FieldReader
from kiosk.content.issues import ContentError, Location
from kiosk.content.loader import STATEMENT_FILE
from kiosk.content.model import Statement
from kiosk.content.schema import FAILED
from kiosk.content.seal import SEAL_FILE, changes, digest, load_seal_file, pairs, parts_of
from kiosk.content.sealing import STATEMENT, seal_statement
from kiosk.content.source import load_yaml_bytes


class StatementTexts(Protocol):
    """What seal_changes needs of kiosk.editing.document.ContentDocument."""

    @property
    def folder(self) -> Path: ...

    def text_of(self, name: str) -> str: ...


class ResealError(Exception):
    """The statement could not be sealed (it has errors); str() says why, line by line."""


def seal_changes(document: StatementTexts) -> list[str]:
    """The words that differ from the seal, per sealed language and part, worded as `kiosk
    validate` words them ("paragraph 2 is not the sealed en text: '150' became '1500'");
    empty when every sealed language still has its sealed words (or nothing is sealed)."""
    statement = _statement(document.text_of(STATEMENT))
    if statement is None or statement.seal is None:
        return []
    found: list[str] = []
    sealed_words: dict[str, list[tuple[str, str]]] | None = None
    for language, expected in statement.seal.digests.items():
        parts = parts_of(statement, language)
        if parts and digest(pairs(parts)) == expected:
            continue
        if not parts:
            found.append(f"the sealed {language} text is gone")
            continue
        if sealed_words is None:
            try:
                sealed_words = load_seal_file(document.folder)
            except ContentError:
                sealed_words = {}
        old = sealed_words.get(language)
        if old is None or digest(old) != expected:
            # Without the sealed words the change cannot be shown word by word; it is still
            # a change to the issued text, and sealing repairs statement.seal too.
            message = f"the {language} words differ from the seal; {SEAL_FILE} cannot show which"
            found.append(message)
            continue
        found += [message for _, message in changes(old, parts, Location(STATEMENT), language)]
    return found


def _statement(text: str) -> Statement | None:
    """The statement as the loader reads it, or None when it cannot be read at all."""
    try:
        tree = load_yaml_bytes(text.encode("utf-8"), STATEMENT)
    except ContentError:
        return None
    statement = STATEMENT_FILE.read(FieldReader(), tree)
    return None if statement is FAILED else statement


def reseal(folder: Path) -> list[Path]:
    """Seal the saved statement of ``folder`` again in the languages sealed already; the
    files written (statement.seal, and statement.yaml when its seal lines changed).  Nothing
    is written, and ResealError raised, when the statement has errors or no seal."""
    statement_path, seal_path = folder / STATEMENT, folder / SEAL_FILE
    before = {path: _bytes(path) for path in (seal_path, statement_path)}
    statement = _statement(before[statement_path].decode("utf-8", errors="replace"))
    if statement is None or statement.seal is None or not statement.seal.digests:
        raise ResealError(f"{STATEMENT} has no seal to renew: nothing was sealed")
    out, err = io.StringIO(), io.StringIO()
    if seal_statement(folder, [], [], out, err) != 0:
        raise ResealError(err.getvalue().strip())
    return [path for path, data in before.items() if _bytes(path) != data]


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""
