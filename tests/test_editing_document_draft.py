"""The preview's draft exhibit: drawn while the folder has errors that leave every screen
drawable (a changed sealed word), never when a file or a picture is in error."""

from __future__ import annotations

from pathlib import Path

from content_cases import copy_content
from kiosk.editing.document import ContentDocument
from kiosk.editing.document_draft import draft_exhibit

ISSUED = "Ministry of Foreign Affairs of the Republic of Azerbaijan\n"


def _draft(document: ContentDocument) -> object:
    _exhibit, issues = document.read()
    assert any(issue.severity == "error" for issue in issues)
    return draft_exhibit(document.texts(), document.folder, issues)


def test_a_changed_sealed_word_still_gives_a_draft_with_the_typed_text(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    statement = folder / "statement.yaml"
    text = statement.read_text("utf-8")
    statement.write_text(text.replace(ISSUED, "Ministry of Foreign Affairs\n", 1), "utf-8")
    document = ContentDocument.open(folder)
    document.set(("timeline.yaml", "moments", 1, "title", "en"), "Restored")
    draft = _draft(document)
    assert draft is not None
    assert draft.timeline[1].title.text("en", "en") == "Restored"  # type: ignore[attr-defined]


def test_a_picture_in_error_gives_no_draft(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    (folder / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not a picture")
    document = ContentDocument.open(folder)
    document.set(("timeline.yaml", "moments", 1, "image"), "broken.png")
    assert _draft(document) is None
    document.set(("timeline.yaml", "moments", 1, "image"), "missing.png")
    assert _draft(document) is None


def test_a_field_in_error_gives_no_draft(tmp_path: Path) -> None:
    document = ContentDocument.open(copy_content(tmp_path))
    document.set(("timeline.yaml", "moments", 1, "year"), "nineteen")
    assert _draft(document) is None
