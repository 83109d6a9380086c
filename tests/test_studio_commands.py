"""The studio's undo steps: each command changes the document and takes its change back
exactly; typing in one field is one step until the field or the focus changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack

from content_cases import copy_content
from kiosk.editing.document import ContentDocument
from kiosk.ui.studio.commands import DocumentCommand, InsertItem, MoveItem, RemoveItem, SetValue

CAPTION = ("timeline.yaml", "moments", 1, "caption", "en")
TITLE = ("timeline.yaml", "moments", 1, "title", "en")
MOMENTS = ("timeline.yaml", "moments")


def opened(tmp_path: Path) -> tuple[ContentDocument, dict[str, bytes]]:
    document = ContentDocument.open(copy_content(tmp_path))
    return document, document.texts()


def ids(document: ContentDocument) -> list[object]:
    return [document.get((*MOMENTS, index, "id")) for index in range(document.length(MOMENTS))]


def test_typing_in_one_field_is_one_step_and_undo_restores_the_bytes(
    qapp: object, tmp_path: Path
) -> None:
    document, before = opened(tmp_path)
    stack = QUndoStack()
    seen: list[DocumentCommand] = []
    typed = ""
    for letter in "Freedom":
        typed += letter
        stack.push(SetValue(document, CAPTION, typed, run=1, done=seen.append))
    assert stack.count() == 1 and document.get(CAPTION) == "Freedom"
    # Another field, or the same field after the focus moved: new steps.
    stack.push(SetValue(document, TITLE, "Restored", run=1, done=seen.append))
    stack.push(SetValue(document, CAPTION, "Freedom!", run=2, done=seen.append))
    assert stack.count() == 3
    stack.undo()
    assert document.get(CAPTION) == "Freedom"
    stack.undo()
    stack.undo()
    assert document.texts() == before
    assert seen[-1].focus == CAPTION  # the window shows where the undone change was
    stack.redo()
    assert document.get(CAPTION) == "Freedom"


def test_typed_and_erased_again_leaves_no_step(qapp: object, tmp_path: Path) -> None:
    document, before = opened(tmp_path)
    original = document.get(TITLE)
    assert isinstance(original, str)
    stack = QUndoStack()
    stack.push(SetValue(document, TITLE, original + "x", run=5))
    stack.push(SetValue(document, TITLE, original, run=5))
    assert stack.count() == 0
    assert document.texts() == before


def test_insert_remove_and_move_are_undone_exactly(qapp: object, tmp_path: Path) -> None:
    document, before = opened(tmp_path)
    order = ids(document)
    stack = QUndoStack()
    stack.push(MoveItem(document, MOMENTS, 1, 2))
    assert ids(document) == [order[0], order[2], order[1], *order[3:]]
    stack.undo()
    assert document.texts() == before  # a move taken back is exact, byte for byte
    stack.redo()
    stack.push(RemoveItem(document, MOMENTS, 0))
    assert ids(document) == [order[2], order[1], *order[3:]]
    new = {"id": "2030", "year": 2030, "title": {"en": "New"}, "caption": {"en": "New"}}
    stack.push(InsertItem(document, MOMENTS, 1, new))
    assert ids(document)[1] == "2030"
    assert stack.command(2).focus == (*MOMENTS, 1)  # type: ignore[attr-defined]
    while stack.canUndo():
        stack.undo()
    assert ids(document) == order
    assert document.texts() == before  # every step taken back exactly
    while stack.canRedo():
        stack.redo()
    assert ids(document) == [order[2], "2030", order[1], *order[3:]]
