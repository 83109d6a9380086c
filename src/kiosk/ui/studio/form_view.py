"""The form of the item chosen in the outline: one editor per field of the loader's spec
(kiosk.editing.outline.form_fields, never a list of keys here), each text in the exhibit's
languages side by side, the findings beside their fields, the sealed statement read-only
until the staff unlock it for this studio session.

The form shows state and sends intents: ``edit_requested(address, value)`` for every change;
the window makes it an undoable command and calls ``refresh()`` after an undo or redo."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFont
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.issues import Issue
from kiosk.editing.document import Address, ContentDocument
from kiosk.editing.outline import (
    FieldKind,
    FormField,
    ItemKind,
    OutlineItem,
    default_language,
    form_fields,
    languages,
    outline,
    sealed_addresses,
)
from kiosk.ui.studio.field_labels import shown_field
from kiosk.ui.studio.form_editors import (
    BooleanEditor,
    FieldEditor,
    LanguageEditor,
    LanguagesEditor,
    LineEditor,
    LocalizedEditor,
    Notice,
    NumberEditor,
    ParagraphsEditor,
    muted,
)
from kiosk.ui.studio.picture_field import (
    AskYesNo,
    ChooseFile,
    PictureField,
    ask_yes_no,
    choose_file,
)
from kiosk.ui.studio.seal_dialog import confirm_unlock

SCROLL_MARGIN = 60  # pixels kept visible around a field the form scrolls to


EDITORS: dict[FieldKind, type[FieldEditor]] = {
    FieldKind.INTEGER: NumberEditor,
    FieldKind.NUMBER: NumberEditor,
    FieldKind.BOOLEAN: BooleanEditor,
    FieldKind.LANGUAGE: LanguageEditor,
    FieldKind.LANGUAGES: LanguagesEditor,
}


class FieldBlock(QWidget):
    """A field's name, its description, its editor and the findings about it."""

    def __init__(
        self, field: FormField, editor: FieldEditor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.field, self.editor = field, editor
        self.setObjectName("Field-" + "-".join(str(part) for part in field.key))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.title = QLabel(field.label, self)
        self.title.setObjectName("FieldTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        if field.description and field.kind is not FieldKind.BOOLEAN:
            about = muted(QLabel(field.description, self))
            about.setObjectName("FieldDescription")
            about.setWordWrap(True)
            layout.addWidget(about)
        layout.addWidget(editor)
        self.notes = QVBoxLayout()
        self.notes.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.notes)


class _TabAnchor(QWidget):
    """A stop of no size in the window's Tab order where the form stands: Tab passes on
    to the form's first control, Shift+Tab back to the control before the form.  The
    form's controls are chained after it each time they are built."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("FormTabAnchor")
        self.setFixedSize(0, 0)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.BacktabFocusReason:
            self.focusPreviousChild()
        else:
            self.focusNextChild()


class FormView(QWidget):
    """``show_item``, ``refresh``, ``focus_field``, ``set_findings``; sends edit_requested."""

    edit_requested = Signal(object, object)  # (Address, new value or None to remove)
    picture_checked = Signal(str)  # "added", "refused" or "kept", after Choose picture...
    unlocked_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FormView")
        # Seams: the questions the form asks (tests answer them; a native file dialog is
        # beyond a test's reach).
        self.choose_picture_file: ChooseFile = choose_file
        self.ask_yes_no: AskYesNo = ask_yes_no
        self.ask_unlock: Callable[[QWidget], bool] = confirm_unlock
        self.unlocked = False  # the sealed texts, for this studio session
        self.document: ContentDocument | None = None
        self.item: OutlineItem | None = None
        self.blocks: list[FieldBlock] = []
        self.findings: list[tuple[Address | None, Issue]] = []
        self._placed: list[tuple[Address | None, Issue]] = []
        self._notices: list[Notice] = []
        self._shape: object = None
        self.sealed: frozenset[Address] = frozenset()
        self.unlock_button: QPushButton | None = None
        self.seal_note: QLabel | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.anchor = _TabAnchor(self)  # first child: it follows the form in the Tab order
        self.anchor.setAccessibleName(self.tr("Form of the selected item"))
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("FormScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.scroll_area)
        # One holder for the form's whole life, each item's form built inside it and
        # deleted by Qt: the scroll area never hands a widget over to Python (takeWidget)
        # to be deleted by its wrapper.  (Tab order: see _chain.)
        self.holder = QWidget()
        self.holder.setObjectName("FormHolder")
        self.holder_layout = QVBoxLayout(self.holder)
        self.holder_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area.setWidget(self.holder)
        self.current: QWidget = QLabel(
            self.tr("Choose an item in the outline to edit it."), self.holder
        )
        self.current.setObjectName("FormEmpty")
        self.current.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current.setWordWrap(True)
        self.holder_layout.addWidget(self.current)
        self.title: QLabel | None = None
        self.item_notes: QVBoxLayout | None = None

    # -- building --------------------------------------------------------------------------

    def show_item(self, document: ContentDocument, item: OutlineItem) -> None:
        self.document, self.item = document, item
        self._build()

    def _build(self) -> None:
        document, item = self.document, self.item
        assert document is not None and item is not None
        offered = reading_order(document)
        self.sealed = sealed_addresses(document) if item.kind is ItemKind.STATEMENT else frozenset()
        content = QWidget(self.holder)
        content.setObjectName("FormContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(18)
        self.title = QLabel(item.label, content)
        self.title.setObjectName("FormTitle")
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.item_notes = QVBoxLayout()
        self.item_notes.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.item_notes)
        self.unlock_button = self.seal_note = None
        if self.sealed:
            layout.addWidget(self._seal_bar(content))
        self.blocks = []
        # Labels and descriptions as shown, in the interface language (keys unchanged).
        for field in map(shown_field, form_fields(item.kind)):
            editor = self._editor(field, (*item.base, *field.key), offered, document, content)
            editor.load(document)
            editor.edited.connect(self.edit_requested)
            self.blocks.append(FieldBlock(field, editor, content))
            layout.addWidget(self.blocks[-1])
        layout.addStretch(1)
        self._lock()
        self._shape = self._shape_of(document)
        old, self.current = self.current, content
        self.holder_layout.replaceWidget(old, content)
        content.show()  # at once: a layout shows a new child only later (queued)
        old.hide()
        old.deleteLater()  # later: this may run inside one of its own controls' signals
        self._chain()
        self._placed = []
        self._place_findings()

    def _editor(
        self,
        field: FormField,
        address: Address,
        offered: list[str],
        document: ContentDocument,
        parent: QWidget,
    ) -> FieldEditor:
        kind = field.kind
        if kind is FieldKind.PARAGRAPHS:
            return ParagraphsEditor(field, address, offered, document.length(address), parent)
        if kind is FieldKind.ASSET:
            picture = PictureField(
                field,
                address,
                document.folder,
                choose=lambda: self.choose_picture_file,
                ask=lambda: self.ask_yes_no,
                parent=parent,
            )
            picture.checked.connect(self.picture_checked)
            return picture
        if kind is FieldKind.LOCALIZED:
            return LocalizedEditor(field, address, offered, parent)
        # TEXT, DATE, COLOUR and CHOICE are a line of text.
        return EDITORS.get(kind, LineEditor)(field, address, parent)

    def _seal_bar(self, parent: QWidget) -> QWidget:
        bar = QFrame(parent)
        bar.setObjectName("SealBar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(10, 8, 10, 8)
        self.seal_note = QLabel(bar)
        self.seal_note.setObjectName("SealNote")
        self.seal_note.setWordWrap(True)
        layout.addWidget(self.seal_note, 1)
        self.unlock_button = QPushButton(self.tr("Unlock to change the issued text..."), bar)
        self.unlock_button.setObjectName("UnlockSealed")
        self.unlock_button.setAccessibleName(self.tr("Unlock to change the issued text"))
        self.unlock_button.setAccessibleDescription(
            self.tr("Explains the seal first; the texts stay editable until the studio closes.")
        )
        self.unlock_button.clicked.connect(self.unlock)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignTop)
        return bar

    def _lock(self) -> None:
        locked = frozenset() if self.unlocked else self.sealed
        for block in self.blocks:
            block.editor.set_locked(locked)
        if self.seal_note is not None and self.unlock_button is not None:
            if self.unlocked:
                self.seal_note.setText(
                    self.tr(
                        "Issued text — unlocked for this session. When you save, the changed "
                        "words are shown and sealed only if you confirm."
                    )
                )
            else:
                self.seal_note.setText(
                    self.tr("Issued text — sealed: the statement's words are read-only.")
                )
            self.unlock_button.setVisible(not self.unlocked)

    def unlock(self) -> None:
        """Ask (the explaining dialog), then make the sealed texts editable this session."""
        if self.unlocked or not self.ask_unlock(self):
            return
        self.unlocked = True
        focus = self.unlock_button
        self._lock()
        self.unlocked_changed.emit(True)
        if focus is not None and focus.hasFocus():
            first = next((w for a, w in self._editors() if a in self.sealed), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _chain(self) -> None:
        """Tab goes through the controls in reading order (the seal's button first)."""
        widgets: list[QWidget] = []
        if self.unlock_button is not None:
            widgets.append(self.unlock_button)
        widgets += [widget for _address, widget in self._editors()]
        # Hung after the anchor, which stands where the form stands in the window's order
        # (new widgets would otherwise come last, after everything else in the window).
        for first, second in itertools.pairwise([self.anchor, *widgets]):
            QWidget.setTabOrder(first, second)

    def _editors(self) -> list[tuple[Address, QWidget]]:
        return [pair for block in self.blocks for pair in block.editor.editors()]

    def _shape_of(self, document: ContentDocument) -> object:
        return (
            tuple(reading_order(document)),
            tuple(block.editor.shape(document) for block in self.blocks),
        )

    # -- following the document ------------------------------------------------------------

    def refresh(self) -> None:
        """Show the document's values again (after an undo or redo), keeping the focused
        editor and its cursor; built again only when its shape changed (a paragraph)."""
        document, item = self.document, self.item
        if document is None or item is None:
            return
        self._relabel(document, item)
        if self._shape_of(document) != self._shape:
            focused = self._focused()
            cursor = _cursor_of(QApplication.focusWidget())
            self._build()
            if focused is not None:
                self.focus_field(focused)
                _set_cursor(QApplication.focusWidget(), cursor)
            return
        self.sealed = sealed_addresses(document) if item.kind is ItemKind.STATEMENT else frozenset()
        for block in self.blocks:
            block.editor.load(document)
        self._lock()

    def _relabel(self, document: ContentDocument, item: OutlineItem) -> None:
        for found in outline(document):
            if found.base == item.base and found.kind is item.kind:
                self.item = found
                if self.title is not None:
                    self.title.setText(found.label)
                return

    def _focused(self) -> Address | None:
        focus = QApplication.focusWidget()
        return next((address for address, widget in self._editors() if widget is focus), None)

    def focus_field(self, address: Address) -> None:
        """Scroll to the field at ``address`` (or the one holding it) and focus its editor."""
        address = tuple(address)
        editors = self._editors()
        chosen = next((w for a, w in editors if a == address), None)
        if chosen is None:  # a field named without its language: its first part
            chosen = next((w for a, w in editors if a[: len(address)] == address), None)
        if chosen is None:  # a place inside a field: the field's editor
            inside = [(len(a), w) for a, w in editors if address[: len(a)] == a]
            chosen = max(inside, key=lambda pair: pair[0])[1] if inside else None
        if chosen is None:
            return
        content = self.scroll_area.widget()
        arranged = content.layout() if content is not None else None
        if arranged is not None:
            arranged.activate()
        self.scroll_area.ensureWidgetVisible(chosen, SCROLL_MARGIN, SCROLL_MARGIN)
        chosen.setFocus(Qt.FocusReason.OtherFocusReason)
        # Once more after the layout settles (a form just built has no geometry yet).
        QTimer.singleShot(0, lambda: self._scroll_to(chosen))

    def _scroll_to(self, widget: QWidget) -> None:
        if shiboken6.isValid(widget) and self.isAncestorOf(widget):
            self.scroll_area.ensureWidgetVisible(widget, SCROLL_MARGIN, SCROLL_MARGIN)

    # -- findings --------------------------------------------------------------------------

    def set_findings(self, findings: list[tuple[Address | None, Issue]]) -> None:
        self.findings = list(findings)
        self._place_findings()

    def _place_findings(self) -> None:
        item = self.item
        if item is None or self.item_notes is None:
            return
        base = item.base
        here: list[tuple[Address | None, Issue]] = [
            (address, issue)
            for address, issue in self.findings
            if address is not None and tuple(address[: len(base)]) == base
        ]
        if here == self._placed:
            return  # unchanged: no flicker while typing
        self._placed = here
        for notice in self._notices:
            if shiboken6.isValid(notice):
                notice.deleteLater()
        self._notices = []
        for address, issue in here:
            self._place(tuple(address) if address is not None else base, issue)

    def _place(self, address: Address, issue: Issue) -> None:
        notice = Notice(issue.severity, issue.message)
        notice.setToolTip(str(issue))
        self._notices.append(notice)
        for block in self.blocks:
            field_address = (*self.item.base, *block.field.key) if self.item else ()
            if address[: len(field_address)] != field_address:
                continue
            if not block.editor.set_notes({address: [notice]}):
                block.notes.addWidget(notice)
            notice.show()  # a layout shows a new child only later (queued)
            return
        assert self.item_notes is not None
        self.item_notes.addWidget(notice)
        notice.show()

    def notices(self) -> list[Notice]:
        return [notice for notice in self._notices if shiboken6.isValid(notice)]


def reading_order(document: ContentDocument) -> list[str]:
    """The exhibit's languages, the default first (the text the others translate)."""
    default = default_language(document)
    return [default, *(code for code in languages(document) if code != default)]


def _cursor_of(widget: QWidget | None) -> int | None:
    if isinstance(widget, QPlainTextEdit):
        return widget.textCursor().position()
    if isinstance(widget, QLineEdit):
        return widget.cursorPosition()
    return None


def _set_cursor(widget: QWidget | None, position: int | None) -> None:
    if position is None:
        return
    if isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        cursor.setPosition(min(position, len(widget.toPlainText())))
        widget.setTextCursor(cursor)
    elif isinstance(widget, QLineEdit):
        widget.setCursorPosition(position)
