"""The studio's edits as undoable commands: each calls one ContentDocument method and keeps
what it needs to take the edit back.  The rules of editing live in kiosk.editing; these only
remember."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from kiosk.editing.document import NotEditableError

if TYPE_CHECKING:
    from kiosk.editing.document import Address, ContentDocument

# Qt tries to merge a new command only with the one before it when both give the same id.
# Every value edit shares one id; mergeWith then compares the field and the typing run.
SET_VALUE_ID = 17_001


class DocumentCommand(QUndoCommand):
    """An edit of the document; ``done(self)`` is called after every redo and undo, so the
    window can re-read the document and show (or select) what changed."""

    def __init__(
        self,
        document: ContentDocument,
        text: str,
        done: Callable[[DocumentCommand], None] | None = None,
    ) -> None:
        super().__init__(text)
        self.document = document
        self.done = done
        # Where staff should look after this command ran (redo) or was taken back (undo).
        self.focus: Address | None = None
        self.structural = False
        self.refusal: str | None = None  # why the document refused it, if it did

    def _notify(self) -> None:
        if self.done is not None:
            self.done(self)

    def _refused(self, error: NotEditableError) -> None:
        """The document refused the edit (a place that is not there, a file it could not
        read): no step is kept, so no undo can write over what is there."""
        self.refusal = str(error)
        self.setObsolete(True)  # QUndoStack.push() drops a command obsolete after redo()
        self._notify()


class SetValue(DocumentCommand):
    """One field's value; typing in one field merges into one step while ``run`` stays the
    same (the window starts a new run when the field or the focus changes)."""

    def __init__(
        self,
        document: ContentDocument,
        address: Address,
        value: object | None,
        *,
        run: int = 0,
        text: str = "Change",
        done: Callable[[DocumentCommand], None] | None = None,
    ) -> None:
        super().__init__(document, text, done)
        self.address = address
        self.value = value
        self.run = run
        self.previous: object | None = None
        self.focus = address

    def redo(self) -> None:
        try:
            self.previous = self.document.set(self.address, self.value)
        except NotEditableError as error:
            self._refused(error)
            return
        self._notify()

    def undo(self) -> None:
        self.document.set(self.address, self.previous)
        self._notify()

    def id(self) -> int:
        return SET_VALUE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValue):
            return False
        if other.address != self.address or other.run != self.run:
            return False
        # Already applied by its own redo(); this step now spans both, and its undo goes
        # back to the value before the first keystroke.
        self.value = other.value
        if self.value == self.previous:
            self.setObsolete(True)  # typed and erased again: no step left to undo
        return True


class InsertItem(DocumentCommand):
    """A new moment or figure at ``index`` of the list at ``list_address``."""

    def __init__(
        self,
        document: ContentDocument,
        list_address: Address,
        index: int,
        item: dict[str, object],
        *,
        text: str = "Add",
        done: Callable[[DocumentCommand], None] | None = None,
    ) -> None:
        super().__init__(document, text, done)
        self.list_address = list_address
        self.index = index
        self.item = item
        self.structural = True

    def redo(self) -> None:
        try:
            self.document.insert_item(self.list_address, self.index, self.item)
        except NotEditableError as error:
            self._refused(error)
            return
        self.focus = (*self.list_address, self.index)
        self._notify()

    def undo(self) -> None:
        self.item = self.document.remove_item(self.list_address, self.index)
        count = self.document.length(self.list_address)
        self.focus = (*self.list_address, min(self.index, count - 1)) if count else None
        self._notify()


class RemoveItem(DocumentCommand):
    """The moment or figure at ``index`` removed (kept here, whole, for undo)."""

    def __init__(
        self,
        document: ContentDocument,
        list_address: Address,
        index: int,
        *,
        text: str = "Remove",
        done: Callable[[DocumentCommand], None] | None = None,
    ) -> None:
        super().__init__(document, text, done)
        self.list_address = list_address
        self.index = index
        self.item: dict[str, object] | None = None
        self.structural = True

    def redo(self) -> None:
        try:
            self.item = self.document.remove_item(self.list_address, self.index)
        except NotEditableError as error:
            self._refused(error)
            return
        count = self.document.length(self.list_address)
        self.focus = (*self.list_address, min(self.index, count - 1)) if count else None
        self._notify()

    def undo(self) -> None:
        assert self.item is not None  # redo() ran first
        self.document.insert_item(self.list_address, self.index, self.item)
        self.focus = (*self.list_address, self.index)
        self._notify()


class MoveItem(DocumentCommand):
    """A moment or figure moved from ``source`` to ``target`` (indices in the list as it is
    before the move, target being where the item ends up)."""

    def __init__(
        self,
        document: ContentDocument,
        list_address: Address,
        source: int,
        target: int,
        *,
        text: str = "Move",
        done: Callable[[DocumentCommand], None] | None = None,
    ) -> None:
        super().__init__(document, text, done)
        self.list_address = list_address
        self.source = source
        self.target = target
        self.structural = True

    def redo(self) -> None:
        try:
            self.document.move_item(self.list_address, self.source, self.target)
        except NotEditableError as error:
            self._refused(error)
            return
        self.focus = (*self.list_address, self.target)
        self._notify()

    def undo(self) -> None:
        self.document.move_item(self.list_address, self.target, self.source)
        self.focus = (*self.list_address, self.source)
        self._notify()
