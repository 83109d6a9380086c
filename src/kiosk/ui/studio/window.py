"""The exhibit studio's window: the outline, the form of the chosen item, the live preview
and the findings, tied together by one undo stack over one ContentDocument.

The window holds no rules: kiosk.editing says what an edit, a save, a recovery copy or a
pack is; the views show state and send intents; every change to the document goes through a
command on the undo stack (kiosk.ui.studio.commands)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QProcess, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.issues import ContentError, Issue
from kiosk.content.model import Exhibit
from kiosk.content.source import load_yaml_bytes
from kiosk.content.validate import validate_texts
from kiosk.editing.document import Address, ChangedOnDiskError, ContentDocument
from kiosk.editing.document_draft import draft_exhibit
from kiosk.editing.document_places import Places
from kiosk.editing.outline import ItemKind, OutlineItem, new_figure, new_moment, outline
from kiosk.editing.publish import PublishResult
from kiosk.editing.recovery import discard_recovery, find_recovery, write_recovery
from kiosk.editing.reseal import ResealError, reseal, seal_changes
from kiosk.paths import kiosk_command
from kiosk.ui.staff.worker import StaffWorker
from kiosk.ui.studio.commands import DocumentCommand, InsertItem, MoveItem, RemoveItem, SetValue
from kiosk.ui.studio.findings_view import FindingsView
from kiosk.ui.studio.form_view import FormView
from kiosk.ui.studio.outline_view import LIST_FILES, OutlineView
from kiosk.ui.studio.preview_pane import PreviewPane
from kiosk.ui.studio.publish_dialog import PublishDialog
from kiosk.ui.studio.seal_dialog import confirm_reseal

log = logging.getLogger(__name__)

REREAD_MS = 250  # typing settles this long before the findings and preview follow
AUTOSAVE_MS = 30_000  # a recovery copy at least this often while there are unsaved changes
IDLE_SAVE_MS = 3_000  # ... and once typing pauses this long
LIST_NAMES = {ItemKind.MOMENT: "moments", ItemKind.FIGURE: "figures"}
# The preview's screen, when staff choose one instead of following the selection.
FOLLOW = ""
STATES = ("attract", "home", "statement-top", "statement-end", "figures")


Finding = tuple[Address | None, Issue]


def read_texts(
    texts: dict[str, bytes], folder: Path
) -> tuple[Exhibit | None, list[Finding], Exhibit | None]:
    """ContentDocument.read() and address_at() for a copy of its texts: what the worker
    thread does while staff type on (the document itself stays on the GUI thread); and the
    exhibit the preview draws (see preview_exhibit)."""
    exhibit, issues = validate_texts(texts, folder)
    places: dict[str, Places | None] = {}
    found: list[Finding] = []
    for issue in issues:
        name = issue.location.path
        if name not in places:
            places[name] = places_of(name, texts.get(name))
        file_places = places[name]
        found.append(
            (None if file_places is None else file_places.address_at(issue.location), issue)
        )
    return exhibit, found, preview_exhibit(exhibit, issues, texts, folder)


def preview_exhibit(
    exhibit: Exhibit | None, issues: list[Issue], texts: dict[str, bytes], folder: Path
) -> Exhibit | None:
    """What the preview draws: the exhibit, or while the folder has errors that do not stop a
    screen from being drawn (the seal, order, wording...), a draft of it, so typing still
    shows (kiosk.editing.document_draft); None when nothing should be drawn."""
    if exhibit is not None and not any(issue.severity == "error" for issue in issues):
        return exhibit
    return draft_exhibit(texts, folder, issues)


def places_of(name: str, data: bytes | None) -> Places | None:
    """Where each field of a file's text is, read as the document reads it."""
    if data is None:
        return None
    try:
        return Places.of(name, load_yaml_bytes(data, name))
    except ContentError:
        return None


class Prompts:
    """The questions the window asks, as one seam: tests answer the file choices here (a
    native file dialog is not something a test can drive), and see the rest as real dialogs.

    Its words are the window's: translated in the context "StudioWindow", written out in
    each call so lupdate files them there."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def choose_folder(self, start: Path) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(
            self.parent,
            QCoreApplication.translate("StudioWindow", "Open an exhibit folder"),
            str(start),
        )
        return Path(chosen) if chosen else None

    def choose_proof_file(self, start: Path) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.parent,
            QCoreApplication.translate("StudioWindow", "Write the proof sheet"),
            str(start),
            QCoreApplication.translate("StudioWindow", "PNG pictures (*.png)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".png" else path.with_suffix(".png")


class StudioWindow(QMainWindow):
    """``StudioWindow(document)``: the studio on an open ContentDocument."""

    reread = Signal()  # after the findings and the preview followed a change
    recovery_written = Signal(object)  # the recovery copy's path
    saved = Signal()
    proof_finished = Signal(bool, str)  # written, and the message shown

    def __init__(
        self,
        document: ContentDocument,
        *,
        prompts: Callable[[QWidget], Prompts] = Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("StudioWindow")
        self.prompts = prompts(self)
        # The Publish dialog as a seam too (tests give it their key and folder choices).
        self.publish_dialog: Callable[[Path, QWidget], PublishDialog] = PublishDialog
        self.document = document
        self.undo_stack = QUndoStack(self)
        self.exhibit: Exhibit | None = None
        self.findings: list[Finding] = []
        self.title = document.folder.name
        self._typing_run = 0  # a new run of typing starts when the focus moves
        self._from_form = False
        self._restored = False  # recovered texts not yet saved: unsaved, with no undo step
        self._proof: QProcess | None = None
        self._arranged = False

        self._build_views()
        self._build_menus()
        self.statusBar().setAccessibleName(self.tr("Status"))

        self.reread_timer = QTimer(self, singleShot=True, interval=REREAD_MS)
        self.reread_timer.timeout.connect(self.reread_soon)
        self._reader = StaffWorker(self)
        self._closed = False
        self._relabel_pending = False
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.write_recovery_now)
        self.idle_timer = QTimer(self, singleShot=True, interval=IDLE_SAVE_MS)
        self.idle_timer.timeout.connect(self.write_recovery_now)
        self._opening = False
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self.resize(1366, 768)
        self._open_document(document)

    # -- building ----------------------------------------------------------------------------

    def _build_views(self) -> None:
        self.outline_view = OutlineView(self)
        self.outline_view.setAccessibleName(self.tr("Outline"))
        self.read_only_note = QLabel(self)
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setAccessibleName(self.tr("Read-only file"))
        self.read_only_note.hide()
        self.form = FormView(self)
        self.form.setAccessibleName(self.tr("Form of the selected item"))
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.read_only_note)
        middle_layout.addWidget(self.form, 1)

        self.right = self._build_right()
        self.main = QSplitter(Qt.Orientation.Horizontal, self)
        self.main.setAccessibleName(self.tr("Outline, form and preview"))
        self.main.addWidget(self.outline_view)
        self.main.addWidget(middle)
        self.main.addWidget(self.right)
        for index, stretch in enumerate((2, 4, 4)):
            self.main.setStretchFactor(index, stretch)
        for splitter in (self.main, self.right):
            splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.main)
        # Tab goes outline -> form -> preview -> findings, the order they are read in: the
        # order they are made in (the form hangs each new item's editors in its own place).

        self.outline_view.chosen.connect(self._item_chosen)
        self.outline_view.add_requested.connect(self.add_item)
        self.outline_view.remove_requested.connect(self.remove_item)
        self.outline_view.move_requested.connect(self.move_item)
        self.form.edit_requested.connect(self._edit_requested)
        self.findings_view.finding_chosen.connect(self.go_to)
        self.state_combo.currentIndexChanged.connect(lambda _index: self._show_state())

    def _build_right(self) -> QSplitter:
        """The preview (with the choice of screen) above the findings."""
        self.state_label = QLabel(self.tr("Screen:"), self)
        self.state_combo = QComboBox(self)
        self.state_combo.setAccessibleName(self.tr("Preview screen"))
        self.state_label.setBuddy(self.state_combo)
        for text, state in (
            (self.tr("The selected item"), FOLLOW),
            (self.tr("Attract"), "attract"),
            (self.tr("Home"), "home"),
            (self.tr("Statement, top"), "statement-top"),
            (self.tr("Statement, end"), "statement-end"),
            (self.tr("Figures"), "figures"),
        ):
            self.state_combo.addItem(text, state)
        # No pause of its own: the window already waits REREAD_MS for typing to settle.
        self.preview = PreviewPane(self, debounce_ms=0)
        self.preview.setAccessibleName(self.tr("Preview of the kiosk screen"))
        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        state_row = QHBoxLayout()
        state_row.addWidget(self.state_label)
        state_row.addWidget(self.state_combo)
        state_row.addStretch(1)
        preview_layout.addLayout(state_row)
        preview_layout.addWidget(self.preview, 1)
        self.findings_view = FindingsView(self)
        self.findings_view.setAccessibleName(self.tr("Findings"))
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.setAccessibleName(self.tr("Preview and findings"))
        right.addWidget(preview_box)
        right.addWidget(self.findings_view)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        return right

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._arranged:
            self.arrange()

    def arrange(self) -> None:
        """The columns' shares of the window (the preview's own size hint would take it
        all): the outline narrow, the form and the preview wide, the findings below."""
        self._arranged = True
        width = max(1, self.main.width())
        outline = max(200, min(320, round(width * 0.17)))
        form = round((width - outline) * 0.45)
        self.main.setSizes([outline, form, width - outline - form])
        height = max(1, self.right.height())
        self.right.setSizes([round(height * 0.68), height - round(height * 0.68)])

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._action(
            file_menu, self.tr("&Open folder..."), self.open_folder, QKeySequence.StandardKey.Open
        )
        self.save_action = self._action(
            file_menu, self.tr("&Save"), self.save, QKeySequence.StandardKey.Save
        )
        file_menu.addSeparator()
        self.proof_action = self._action(file_menu, self.tr("&Proof sheet..."), self.proof_sheet)
        self.publish_action = self._action(file_menu, self.tr("P&ublish..."), self.publish)
        file_menu.addSeparator()
        self.quit_action = self._action(
            file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit
        )
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

    def _action(
        self,
        menu: object,
        text: str,
        slot: Callable[[], object],
        keys: QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcuts(keys)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # -- the document ----------------------------------------------------------------------

    def _open_document(self, document: ContentDocument, keep: Address | None = None) -> None:
        """Show ``document``; offer a recovery copy newer than its files."""
        self.document = document
        self._opening = True  # the stack emptied for another document: its copy stays
        try:
            self.undo_stack.clear()
            self.undo_stack.setClean()
        finally:
            self._opening = False
        self._restored = False
        self.exhibit = None
        self.title = document.folder.name
        self._rebuild_outline(keep)
        if keep is None:
            self.outline_view.select_kind(ItemKind.SETTINGS, None)
        self._offer_recovery()
        self.reread_now()
        self._modified_changed()

    def _offer_recovery(self) -> None:
        texts = find_recovery(self.document.folder)
        if texts is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes found"),
            self.tr(
                "The studio closed last time with changes that were not saved. "
                "Restore them? (Discard keeps the files as they are.)"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            discard_recovery(self.document.folder)
            return
        self.document = ContentDocument.open(self.document.folder, recovered=texts)
        self._restored = self.document.dirty
        self._rebuild_outline(None)
        self.form.refresh()
        if self.document.unrestored:
            self.statusBar().showMessage(
                self.tr(
                    "Not restored, as the file cannot be read now: %1. Its recovered text "
                    "is kept until the file is mended and the folder opened again."
                ).replace("%1", ", ".join(self.document.unrestored))
            )

    def _clean_changed(self, clean: bool) -> None:
        if (
            clean
            and not self._opening
            and shiboken6.isValid(self.undo_stack)
            and not self.modified()
        ):
            # Undone back to the saved files: the recovery copy would offer stale changes
            # after a later crash.
            self.settle_recovery()
        self._modified_changed()

    def modified(self) -> bool:
        return self._restored or not self.undo_stack.isClean()

    def _modified_changed(self, *_clean: bool) -> None:
        if not shiboken6.isValid(self.undo_stack):
            return  # the window is being destroyed (the stack's clear() says it is clean)
        modified = self.modified()
        self.setWindowModified(modified)
        if modified and not self.autosave_timer.isActive():
            self.autosave_timer.start()
        elif not modified:
            self.autosave_timer.stop()
            self.idle_timer.stop()

    def _update_title(self) -> None:
        if self.exhibit is not None:
            settings = self.exhibit.settings
            self.title = settings.title.text(settings.default_language, settings.default_language)
        self.setWindowTitle(self.tr("%1 — Exhibit studio").replace("%1", self.title) + "[*]")

    def unreadable(self) -> dict[str, str]:
        kept = self.tr(
            "The text recovered for it is kept in the recovery copy until the file can be "
            "read again."
        )
        return {
            name: "\n".join(str(problem) for problem in file.problems)
            + (f"\n{kept}" if name in self.document.unrestored else "")
            for name, file in self.document.files.items()
            if not file.readable
        }

    def recovery_texts(self) -> dict[str, bytes]:
        """What a recovery copy keeps: the texts as they would be saved, and the recovered
        texts that could not be restored (their files unreadable) as they were."""
        return {**self.document.texts(), **self.document.unrestored}

    def settle_recovery(self) -> None:
        """Nothing unsaved any more: the recovery copy goes, unless it still holds texts
        that could not be restored (then it keeps only those and the saved texts)."""
        if not self.document.unrestored:
            discard_recovery(self.document.folder)
            return
        try:
            write_recovery(self.document.folder, self.recovery_texts())
        except OSError as error:
            log.warning("studio: the recovery copy could not be rewritten: %s", error)

    def _rebuild_outline(self, select: Address | None) -> None:
        self.outline_view.set_items(outline(self.document), self.unreadable())
        if select is not None:
            self.outline_view.select(select)

    # -- edits -----------------------------------------------------------------------------

    def _focus_moved(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self._typing_run += 1  # the next keystroke is a new undo step

    def _writable(self, address: Address) -> bool:
        return bool(address) and str(address[0]) not in self.unreadable()

    def _edit_requested(self, requested: object, value: object) -> None:
        address: Address = tuple(requested) if isinstance(requested, (tuple, list)) else ()
        if not self._writable(address):
            return  # a file that could not be read is never changed
        command = SetValue(
            self.document,
            address,
            value,
            run=self._typing_run,
            text=self.tr("Typing"),
            done=self._command_done,
        )
        self._from_form = True
        try:
            self.undo_stack.push(command)
        finally:
            self._from_form = False

    def add_item(self, kind: ItemKind, index: int) -> None:
        if not self._writable(self._list_address(kind)):
            return
        if kind is ItemKind.MOMENT:
            # A new moment takes the year after the last (new_moment): it goes last, where
            # the timeline's order puts that year, wherever staff were in the outline.
            index = self.document.length(self._list_address(kind))
        maker = new_moment if kind is ItemKind.MOMENT else new_figure
        self.undo_stack.push(
            InsertItem(
                self.document,
                self._list_address(kind),
                index,
                maker(self.document),
                text=self.tr("Add"),
                done=self._command_done,
            )
        )

    def remove_item(self, kind: ItemKind, index: int) -> None:
        if not self._writable(self._list_address(kind)):
            return
        self.undo_stack.push(
            RemoveItem(
                self.document,
                self._list_address(kind),
                index,
                text=self.tr("Remove"),
                done=self._command_done,
            )
        )

    def move_item(self, kind: ItemKind, source: int, target: int) -> None:
        if not self._writable(self._list_address(kind)):
            return
        self.undo_stack.push(
            MoveItem(
                self.document,
                self._list_address(kind),
                source,
                target,
                text=self.tr("Move"),
                done=self._command_done,
            )
        )

    @staticmethod
    def _list_address(kind: ItemKind) -> Address:
        return (LIST_FILES[kind], LIST_NAMES[kind])

    def _command_done(self, command: DocumentCommand) -> None:
        """After every command, done or undone: the outline and form follow at once, the
        findings and preview once typing settles."""
        if command.refusal is not None:
            self.statusBar().showMessage(
                self.tr("Not changed: %1").replace("%1", command.refusal), 15_000
            )
            return
        if command.structural:
            self._rebuild_outline(command.focus)
        else:
            self._relabel_pending = True  # with the findings: a whole outline per keystroke
            # is too much for 1,000 moments
            if not self._from_form:
                # Undo or redo: show where the value changed, with its field.
                if command.focus is not None and self.outline_view.select(command.focus):
                    self.form.refresh()
                    self.form.focus_field(command.focus)
                else:
                    self.form.refresh()
        self.idle_timer.start()
        self.reread_timer.start()
        self._modified_changed()

    def reread_now(self) -> None:
        """The findings and the preview for the texts in memory, at once (on opening)."""
        self.reread_timer.stop()
        exhibit, issues = self.document.read()
        found = [(self.document.address_at(issue.location), issue) for issue in issues]
        texts = self.document.texts()
        self._show_read(
            exhibit, found, preview_exhibit(exhibit, issues, texts, self.document.folder)
        )

    def reread_soon(self) -> None:
        """The same, read on the worker thread: reading a large exhibit (1,000 moments:
        about a third of a second, and as long again to place the findings) must not stop
        the typing.  The texts are taken now; a read overtaken by newer typing is dropped
        (the newer one is on its way)."""
        self.reread_timer.stop()
        if self._relabel_pending:
            self._relabel_pending = False
            self.outline_view.relabel(outline(self.document))
        document, texts = self.document, self.document.texts()
        generation = document.generation

        def done(result: tuple[Exhibit | None, list[Finding], Exhibit | None]) -> None:
            current = document is self.document and document.generation == generation
            if current and not self._closed:
                self._show_read(*result)

        self._reader.run("read", lambda: read_texts(texts, document.folder), done)

    @property
    def reading(self) -> bool:
        """Whether findings and preview are still to follow the last change."""
        return self.reread_timer.isActive() or self._reader.busy

    def _show_read(
        self, exhibit: Exhibit | None, found: list[Finding], shown: Exhibit | None = None
    ) -> None:
        """The findings, and the preview of ``shown`` (the exhibit or a draft of it: see
        preview_exhibit); with nothing to draw, the last picture stays with a note."""
        issues = [issue for _address, issue in found]
        self.findings = found
        self.findings_view.set_findings(self.findings)
        self.form.set_findings(self.findings)
        errors = [issue for issue in issues if issue.severity == "error"]
        if shown is None and exhibit is not None and not errors:
            shown = exhibit
        if shown is not None:
            self.exhibit = shown
            self.preview.show_exhibit(shown)
            self._show_state()
        elif self.preview.picture().isNull():
            self.preview.show_unavailable(
                self.tr(
                    "%n error(s): nothing can be drawn until they are mended (see Findings).",
                    "",
                    len(errors),
                )
            )
        else:
            self.preview.show_unavailable(
                self.tr(
                    "%n error(s): the preview shows the last version that could be drawn.",
                    "",
                    len(errors),
                )
            )
        self._update_title()
        self.reread.emit()

    # -- selection -------------------------------------------------------------------------

    def _item_chosen(self, item: OutlineItem | None) -> None:
        if item is None:
            return
        readable = self._writable(tuple(item.base))
        self.form.setEnabled(readable)
        if readable:
            self.read_only_note.hide()
        else:
            name = str(item.base[0])
            self.read_only_note.setText(
                self.tr("%1 could not be read, so it is shown read-only and never saved:\n%2")
                .replace("%1", name)
                .replace("%2", self.unreadable()[name])
            )
            self.read_only_note.show()
        self.form.show_item(self.document, item)
        self._show_state()

    def state_for(self, item: OutlineItem | None) -> str:
        """The preview's screen for an outline item."""
        if item is None or item.kind is ItemKind.SETTINGS:
            return "home"
        if item.kind is ItemKind.STATEMENT:
            return "statement-top"
        if item.kind is ItemKind.FIGURE:
            return "figures"
        return f"timeline-{self.document.get((*item.base, 'id'))}"

    def _show_state(self) -> None:
        chosen = self.state_combo.currentData()
        state = chosen if chosen else self.state_for(self.outline_view.current())
        if state != self.preview.state:
            self.preview.show_state(state)

    def go_to(self, address: Address) -> None:
        """A finding chosen: its item selected, its field focused."""
        if self.outline_view.select(address):
            self.form.focus_field(address)

    # -- files -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Write the changed files (never one that could not be read); re-seal after the
        staff confirm the changed sealed words.  False if nothing was saved."""
        changes = seal_changes(self.document)
        answer = confirm_reseal(self, changes) if changes else False
        if answer is None:  # Cancel: nothing is saved, the changes stay here
            self.statusBar().showMessage(self.tr("Not saved."), 5000)
            return False
        resealing = answer
        try:
            try:
                self.document.save()
            except ChangedOnDiskError as changed:
                if not self._save_over(changed):
                    return False
                self.document.save(overwrite=True)
        except (OSError, ValueError) as error:
            QMessageBox.critical(
                self,
                self.tr("Not saved"),
                self.tr("The files could not be written: %1\nYour changes are still here.").replace(
                    "%1", str(error)
                ),
            )
            return False
        self.settle_recovery()
        if resealing and not self._reseal():
            resealing = False  # saved all the same: the findings show the changed words
        if resealing:
            # The seal is on disk: the document starts again from the files (no undo across).
            place = self.outline_view.current()
            self._open_document(
                ContentDocument.open(self.document.folder),
                keep=tuple(place.base) if place is not None else None,
            )
        self._restored = False
        self.undo_stack.setClean()
        self._modified_changed()
        self.statusBar().showMessage(self.tr("Saved."), 5000)
        self.saved.emit()
        return True

    def _reseal(self) -> bool:
        """Seal the saved statement again; a refusal (the statement has errors, a file
        could not be written) is said in words: the files are saved either way."""
        try:
            reseal(self.document.folder)
        except (ResealError, OSError, ValueError) as error:
            QMessageBox.warning(
                self,
                self.tr("Saved, not sealed"),
                self.tr(
                    "Your changes are saved, but the seal could not be renewed:\n%1\n"
                    "The checks show each changed word until it is sealed or put back."
                ).replace("%1", str(error)),
            )
            return False
        return True

    def _save_over(self, changed: ChangedOnDiskError) -> bool:
        """Another program saved a file the studio changed: whose version stays?"""
        names = ", ".join(path.name for path in changed.paths)
        answer = QMessageBox.warning(
            self,
            self.tr("Changed by another program"),
            self.tr(
                "%1 changed on disk since the studio read it (another program saved it). "
                "Save the studio's version over it? Cancel saves nothing: your changes stay "
                "here, and the other program's stay on disk."
            ).replace("%1", names),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def write_recovery_now(self) -> None:
        """Keep the unsaved texts where a crash cannot take them (outside the folder)."""
        if not self.modified():
            return
        try:
            path = write_recovery(self.document.folder, self.recovery_texts())
        except OSError as error:
            self.statusBar().showMessage(
                self.tr("No recovery copy could be written: %1").replace("%1", str(error))
            )
            return
        self.recovery_written.emit(path)

    def ask_unsaved(self) -> bool:
        """Save, Discard or Cancel the unsaved changes; True when it is fine to go on."""
        if not self.modified():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to %1?").replace("%1", self.title),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.settle_recovery()
            self._restored = False
            self.undo_stack.setClean()
            return True
        return False

    def open_folder(self) -> None:
        if not self.ask_unsaved():
            return
        folder = self.prompts.choose_folder(self.document.folder)
        if folder is not None:
            # Unlocking is for the exhibit it was asked for: another one (or this one opened
            # again) starts sealed, and Unlock explains the seal again.
            if self.form.unlocked:
                self.form.unlocked = False
                self.form.unlocked_changed.emit(False)
            self._open_document(ContentDocument.open(folder))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ask_unsaved():
            event.ignore()
            return
        self.autosave_timer.stop()
        self.idle_timer.stop()
        self.reread_timer.stop()
        self._closed = True
        if self._proof is not None:  # a proof sheet half drawn is of no use to anyone
            proof, self._proof = self._proof, None
            proof.kill()
            proof.waitForFinished(5000)
        self.preview.release()
        event.accept()

    def _save_first(self, why: str) -> bool:
        """Proofing and publishing read the saved folder: offer to save first."""
        if not self.modified():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Save first?"),
            why,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        return answer == QMessageBox.StandardButton.Save and self.save()

    def proof_sheet(self) -> None:
        """Every screen on one PNG, drawn by `kiosk render` in a child process (the studio
        stays usable meanwhile)."""
        if self._proof is not None:
            return
        if not self._save_first(self.tr("The proof sheet shows the saved files. Save now?")):
            return
        target = self.prompts.choose_proof_file(self.document.folder.parent / "proof-sheet.png")
        if target is None:
            return
        command = kiosk_command(
            "render", "--content", str(self.document.folder), "--contact-sheet", str(target)
        )
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.finished.connect(lambda code, _status: self._proof_done(process, code, target))
        process.errorOccurred.connect(
            lambda error: (
                self._proof_done(process, -1, target)
                if error == QProcess.ProcessError.FailedToStart
                else None
            )
        )
        self._proof = process
        self.proof_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Writing the proof sheet..."))
        process.start(command[0], command[1:])

    def _proof_done(self, process: QProcess, code: int, target: Path) -> None:
        if self._proof is not process:
            return
        self._proof = None
        self.proof_action.setEnabled(True)
        output = bytes(process.readAll().data()).decode("utf-8", "replace").strip()
        process.deleteLater()
        if code == 0 and target.is_file():
            message = self.tr("Proof sheet written: %1").replace("%1", str(target))
            self.statusBar().showMessage(message, 10_000)
            self.proof_finished.emit(True, message)
            return
        message = self.tr("The proof sheet could not be written.") + (
            f"\n{output}" if output else ""
        )
        self.statusBar().showMessage(self.tr("The proof sheet could not be written."), 10_000)
        self.proof_finished.emit(False, message)
        QMessageBox.warning(self, self.tr("Proof sheet"), message)

    def publish(self) -> None:
        if not self._save_first(self.tr("A pack is made from the saved files. Save now?")):
            return
        dialog = self.publish_dialog(self.document.folder, self)
        dialog.published.connect(self._published)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _published(self, result: PublishResult) -> None:
        self.statusBar().showMessage(
            self.tr("Published: %1").replace("%1", str(result.pack)), 15_000
        )
