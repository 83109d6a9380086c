"""The studio's form (issue 17), driven with real keys and clicks on a copy of the shipped
content: every edit is an intent with its address, the languages side by side, empty
translations marked, the word counter, the sealed statement, pictures, findings, focus."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from content_cases import copy_content
from kiosk.content import images
from kiosk.content.issues import Issue, Location
from kiosk.content.validate import validate_folder
from kiosk.editing.document import Address, ContentDocument
from kiosk.editing.outline import ItemKind, outline
from kiosk.editing.reseal import reseal, seal_changes
from kiosk.ui.layout_check import find_clipped_text
from kiosk.ui.studio.form_editors import GrowingText, LanguageRow, Notice, TextColumn
from kiosk.ui.studio.form_view import FormView
from test_studio_seal import ModalAnswer

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

MOMENT_1991 = ("timeline.yaml", "moments", 1)
CAPTION_1991 = (*MOMENT_1991, "caption", "en")
TITLE_1991_AZ = (*MOMENT_1991, "title", "az")
IMAGE_1991 = (*MOMENT_1991, "image")
PARAGRAPH_2 = ("statement.yaml", "paragraphs", 1, "en")
PARAGRAPH_8 = ("statement.yaml", "paragraphs", 7, "en")
EVIDENCE = Path(__file__).resolve().parents[1] / "build" / "studio-form"


@dataclass
class Studio:
    """The form as the window uses it: each intent applied to the document at once."""

    form: FormView
    document: ContentDocument
    folder: Path
    edits: list[tuple[Address, object]] = field(default_factory=list)

    def last(self) -> tuple[Address, object]:
        return self.edits[-1]

    def apply(self, address: object, value: object) -> None:
        assert isinstance(address, tuple)
        key: Address = address
        self.edits.append((key, value))
        self.document.set(key, value)

    def show(self, kind: ItemKind, index: int | None = None) -> None:
        item = next(i for i in outline(self.document) if i.kind is kind and i.index == index)
        self.form.show_item(self.document, item)
        QApplication.processEvents()

    def editor(self, address: Address) -> QWidget:
        if not self.form.isActiveWindow():  # after a dialog closed
            self.form.activateWindow()
            QTest.qWaitForWindowActive(self.form)
        self.form.focus_field(address)
        widget = QApplication.focusWidget()
        assert widget is not None and self.form.isAncestorOf(widget), address
        return widget

    def column(self, address: Address) -> TextColumn:
        widget = self.editor(address)
        row = widget.parentWidget()
        assert isinstance(row, LanguageRow)
        column = row.column_of(widget)
        assert column is not None
        return column


@pytest.fixture
def studio(qtbot: QtBot, tmp_path: Path) -> Studio:
    folder = copy_content(tmp_path)
    document = ContentDocument.open(folder)
    form = FormView()
    qtbot.addWidget(form)
    form.resize(1400, 1000)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    made = Studio(form, document, folder)
    form.edit_requested.connect(made.apply)
    return made


def go_to_end(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def test_typing_in_the_1991_caption_sends_its_address_and_text(studio: Studio) -> None:
    studio.show(ItemKind.MOMENT, 1)
    before = studio.document.get(CAPTION_1991)
    assert isinstance(before, str)
    box = studio.editor(CAPTION_1991)
    assert isinstance(box, QPlainTextEdit) and box.toPlainText() == before
    go_to_end(box)
    QTest.keyClicks(box, " Again")
    assert len(studio.edits) == len(" Again")  # one intent per keystroke
    assert studio.edits[-1] == (CAPTION_1991, before + " Again")
    assert studio.document.get(CAPTION_1991) == before + " Again"


def test_clearing_a_translation_sends_none(studio: Studio) -> None:
    studio.show(ItemKind.MOMENT, 1)
    box = studio.editor(TITLE_1991_AZ)
    QTest.keyClicks(box, "Istiqlal")
    assert studio.edits[-1] == (TITLE_1991_AZ, "Istiqlal")
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(box, Qt.Key.Key_Backspace)
    assert studio.last() == (TITLE_1991_AZ, None)
    assert studio.document.get(TITLE_1991_AZ) is None  # removed, never written as ""


def test_an_empty_translation_is_marked_in_words(studio: Studio) -> None:
    studio.show(ItemKind.MOMENT, 1)
    column = studio.column(TITLE_1991_AZ)
    assert column.box.placeholderText() == "No az translation yet"
    assert column.status.isVisibleTo(studio.form)
    assert "Not translated yet" in column.status.text()
    assert "Not translated yet" in column.box.accessibleDescription()
    QTest.keyClicks(column.box, "Istiqlal")
    assert column.status.text() == "1 word"
    english = studio.column((*MOMENT_1991, "title", "en"))
    assert english.status.text() == "2 words"


def test_the_languages_stand_side_by_side_default_first(studio: Studio) -> None:
    studio.show(ItemKind.MOMENT, 1)
    boxes = [studio.editor((*MOMENT_1991, "caption", code)) for code in ("en", "az", "ru")]
    lefts = [box.mapTo(studio.form, box.rect().topLeft()) for box in boxes]
    assert lefts[0].x() < lefts[1].x() < lefts[2].x()
    assert lefts[0].y() == lefts[1].y() == lefts[2].y()
    assert [box.accessibleName() for box in boxes] == ["Caption, en", "Caption, az", "Caption, ru"]


def test_the_word_counter_warns_past_the_label_guidance(studio: Studio) -> None:
    studio.show(ItemKind.MOMENT, 1)
    column = studio.column(CAPTION_1991)
    assert column.status.text() == "21 words"
    assert not column.advice.isVisibleTo(studio.form)
    QTest.keyClick(column.box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(column.box, "Words of the statement here. " * 15)  # 75 words, short sentences
    assert column.status.text() == "75 words"
    assert column.advice.isVisibleTo(studio.form)
    warning = column.advice.message()
    assert warning.startswith("Warning (en): ") and "75 words; labels up to about 70" in warning


def test_the_sealed_paragraph_is_read_only_until_unlock_is_confirmed(
    studio: Studio, qtbot: QtBot
) -> None:
    studio.show(ItemKind.STATEMENT)
    column = studio.column(PARAGRAPH_2)
    before = column.box.toPlainText()
    assert column.box.isReadOnly()
    assert "Issued text — sealed" in column.status.text()
    QTest.keyClicks(column.box, "x")
    assert column.box.toPlainText() == before and studio.edits == []
    unlock = studio.form.findChild(QPushButton, "UnlockSealed")
    assert unlock is not None and unlock.text() == "Unlock to change the issued text..."

    answer = ModalAnswer("UnlockDialog", "SealNo")
    QTest.mouseClick(unlock, Qt.MouseButton.LeftButton)
    assert answer.seen is not None and column.box.isReadOnly()

    answer = ModalAnswer("UnlockDialog", "SealYes")
    QTest.mouseClick(unlock, Qt.MouseButton.LeftButton)
    assert answer.seen is not None
    assert not column.box.isReadOnly() and not unlock.isVisibleTo(studio.form)
    # Unlocked for the session: the statement shown again stays editable.
    studio.show(ItemKind.MOMENT, 0)
    studio.show(ItemKind.STATEMENT)
    box = studio.editor(PARAGRAPH_2)
    assert isinstance(box, QPlainTextEdit) and not box.isReadOnly()
    go_to_end(box)
    QTest.keyClicks(box, "!")
    assert studio.edits[-1] == (PARAGRAPH_2, before + "!")


def unlocked_statement(studio: Studio) -> None:
    studio.form.ask_unlock = lambda _parent: True
    studio.show(ItemKind.STATEMENT)
    unlock = studio.form.findChild(QPushButton, "UnlockSealed")
    assert unlock is not None
    QTest.mouseClick(unlock, Qt.MouseButton.LeftButton)


def put_cursor_after(box: QPlainTextEdit, passage: str) -> None:
    cursor = box.textCursor()
    cursor.setPosition(box.toPlainText().index(passage) + len(passage))
    box.setTextCursor(cursor)


def test_seal_changes_lists_the_number_typed_into_the_statement(studio: Studio) -> None:
    unlocked_statement(studio)
    box = studio.editor(PARAGRAPH_2)
    assert isinstance(box, QPlainTextEdit)
    put_cursor_after(box, "150")
    QTest.keyClicks(box, "0")
    assert "1500 civilians" in str(studio.document.get(PARAGRAPH_2))
    assert seal_changes(studio.document) == [
        "paragraph 2 is not the sealed en text: '150' became '1500'"
    ]


def test_resealing_the_typed_change_makes_validate_clean(studio: Studio) -> None:
    unlocked_statement(studio)
    box = studio.editor(PARAGRAPH_8)
    assert isinstance(box, QPlainTextEdit)
    put_cursor_after(box, "We once")
    for _ in range(len(" once")):
        QTest.keyClick(box, Qt.Key.Key_Backspace)
    assert seal_changes(studio.document) == [
        "paragraph 8 is not the sealed en text: 'once' removed"
    ]
    studio.document.save()
    assert any("sealed" in str(issue) for issue in validate_folder(studio.folder))
    reseal(studio.folder)
    assert [str(i) for i in validate_folder(studio.folder) if i.severity == "error"] == []
    assert seal_changes(ContentDocument.open(studio.folder)) == []


def picture_of(path: Path, width: int = 320, height: int = 200) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#553322"))
    assert image.save(str(path))  # PNG, from the name
    return path


def choose(studio: Studio, qtbot: QtBot) -> str:
    button = studio.editor(IMAGE_1991)
    assert isinstance(button, QPushButton) and button.text() == "Choose picture..."
    with qtbot.waitSignal(studio.form.picture_checked, timeout=60_000) as checked:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    return str(checked.args[0]) if checked.args else ""


def test_a_text_file_named_png_is_refused_with_the_validators_words(
    studio: Studio, qtbot: QtBot, tmp_path: Path
) -> None:
    fake = tmp_path / "photo.png"
    fake.write_text("hello, I am not a picture\n", encoding="utf-8")
    studio.form.choose_picture_file = lambda _parent: fake
    studio.show(ItemKind.MOMENT, 1)
    assert choose(studio, qtbot) == "refused"
    notices = [n for n in studio.form.findChildren(Notice, "PictureResult") if n.isVisible()]
    assert len(notices) == 1
    assert notices[0].message() == f"Error: 'photo.png' {images.problem_with(fake)}"
    assert studio.edits == [] and not (studio.folder / "pictures").exists()


def test_a_picture_is_added_with_a_thumbnail_and_removed(
    studio: Studio, qtbot: QtBot, tmp_path: Path
) -> None:
    studio.form.choose_picture_file = lambda _parent: picture_of(tmp_path / "Crowd 1991.png")
    studio.show(ItemKind.MOMENT, 1)
    assert choose(studio, qtbot) == "added"
    address, relative = studio.edits[-1]
    assert address == IMAGE_1991 and isinstance(relative, str)
    assert (studio.folder / relative).is_file() and relative.startswith("pictures/")
    studio.form.refresh()
    thumbnail = studio.form.findChild(QWidget, "Thumbnail")
    assert thumbnail is not None and not thumbnail.pixmap().isNull()  # type: ignore[attr-defined]
    remove = studio.form.findChild(QPushButton, "RemovePicture")
    assert remove is not None and remove.isEnabled()
    QTest.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert studio.edits[-1] == (IMAGE_1991, None)
    assert (studio.folder / relative).is_file()  # the file stays; only the moment lets go


def test_a_large_picture_is_asked_about_first(studio: Studio, qtbot: QtBot, tmp_path: Path) -> None:
    large = picture_of(tmp_path / "huge.png", 4000, 2500)
    asked: list[str] = []

    def say_no(_parent: QWidget, _title: str, question: str) -> bool:
        asked.append(question)
        return False

    studio.form.choose_picture_file = lambda _parent: large
    studio.form.ask_yes_no = say_no
    studio.show(ItemKind.MOMENT, 1)
    assert choose(studio, qtbot) == "kept"
    assert len(asked) == 1 and "4000x2500" in asked[0]
    assert studio.edits == [] and not (studio.folder / "pictures").exists()


def test_refresh_after_an_undo_keeps_the_focus_and_the_cursor(studio: Studio) -> None:
    studio.show(ItemKind.MOMENT, 1)
    box = studio.editor(CAPTION_1991)
    assert isinstance(box, QPlainTextEdit)
    before = box.toPlainText()
    put_cursor_after(box, "The sacrifice")
    QTest.keyClicks(box, "s")
    studio.document.set(CAPTION_1991, before)  # what the window's undo does
    studio.form.refresh()
    assert QApplication.focusWidget() is box and box.toPlainText() == before
    assert box.textCursor().position() == len("The sacrifices")
    assert len(studio.edits) == 1  # showing the undone text is not a new edit


def test_findings_stand_beside_their_fields(studio: Studio) -> None:
    studio.show(ItemKind.MOMENT, 1)
    caption = Issue("error", Location("timeline.yaml", 27, 9), "the caption is wrong here")
    other = Issue("warning", Location("timeline.yaml", 9, 9), "about the 1990 moment")
    title = Issue("warning", Location("timeline.yaml", 25, 9), "a title finding")
    studio.form.set_findings(
        [
            (CAPTION_1991, caption),
            ((*MOMENT_1991, "title"), title),
            (("timeline.yaml", "moments", 0, "caption", "en"), other),
            (None, other),
        ]
    )
    column = studio.column(CAPTION_1991)
    notes = column.row.notes
    placed = [notes.itemAt(index) for index in range(notes.count())]
    shown = [
        notice.message()
        for item in placed
        if item is not None and isinstance(notice := item.widget(), Notice)
    ]
    assert "Error (en): the caption is wrong here" in shown
    everything = [n.message() for n in studio.form.notices()]
    assert sorted(everything) == [
        "Error (en): the caption is wrong here",
        "Warning: a title finding",
    ]


def test_focus_field_scrolls_to_the_last_paragraph(studio: Studio, qtbot: QtBot) -> None:
    studio.form.resize(1000, 500)
    studio.show(ItemKind.STATEMENT)
    box = studio.editor(PARAGRAPH_8)
    qtbot.waitUntil(lambda: studio.form.scroll_area.verticalScrollBar().value() > 0)
    top = box.mapTo(studio.form.scroll_area.viewport(), box.rect().topLeft()).y()
    assert 0 <= top < studio.form.scroll_area.viewport().height()


def test_tab_goes_through_the_editors_in_reading_order(studio: Studio) -> None:
    studio.show(ItemKind.MOMENT, 1)
    box = studio.editor(("timeline.yaml", "moments", 1, "id"))
    order = [widget for _address, widget in studio.form._editors() if widget.isEnabled()]
    assert order[0] is box
    visited = [box]
    for _ in order[1:]:
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())  # type: ignore[arg-type]
    assert visited == order
    assert "\t" not in str(studio.document.get(CAPTION_1991))


@pytest.mark.parametrize(
    "kind", [ItemKind.SETTINGS, ItemKind.STATEMENT, ItemKind.MOMENT, ItemKind.FIGURE]
)
def test_every_control_is_named(studio: Studio, kind: ItemKind) -> None:
    studio.show(kind, 0 if kind in (ItemKind.MOMENT, ItemKind.FIGURE) else None)
    controls = [
        w
        for w in studio.form.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.isVisibleTo(studio.form)
        and not isinstance(w.parentWidget(), QAbstractSpinBox)
        and w.objectName() != "qt_scrollarea_viewport"
    ]
    assert controls
    for control in controls:
        assert control.accessibleName().strip(), (control.objectName(), type(control).__name__)


def test_settings_use_spin_boxes_check_boxes_and_languages(studio: Studio) -> None:
    studio.show(ItemKind.SETTINGS)
    motion = studio.editor(("exhibit.yaml", "motion", "reduced"))
    assert isinstance(motion, QCheckBox) and not motion.isChecked()
    QTest.keyClick(motion, Qt.Key.Key_Space)
    assert studio.edits[-1] == (("exhibit.yaml", "motion", "reduced"), True)
    timeout = studio.editor(("exhibit.yaml", "idle", "timeout_seconds"))
    assert isinstance(timeout, QAbstractSpinBox)
    QTest.keyClick(timeout, Qt.Key.Key_Up)
    assert studio.edits[-1] == (("exhibit.yaml", "idle", "timeout_seconds"), 91)
    russian = studio.editor(("exhibit.yaml", "languages", "ru"))
    assert isinstance(russian, QCheckBox) and russian.isChecked()
    QTest.keyClick(russian, Qt.Key.Key_Space)
    assert studio.last() == (("exhibit.yaml", "languages"), ["az", "en"])


@pytest.mark.parametrize(
    ("kind", "index", "name"),
    [(ItemKind.STATEMENT, None, "statement"), (ItemKind.MOMENT, 1, "moment-1991")],
)
def test_the_form_renders_without_clipped_text_at_1920x1080(
    studio: Studio, kind: ItemKind, index: int | None, name: str
) -> None:
    studio.form.resize(1920, 1080)
    studio.show(kind, index)
    studio.form.focus_field(studio.form._editors()[0][0])
    QApplication.processEvents()
    assert find_clipped_text(studio.form) == []
    boxes = [box for box in studio.form.findChildren(GrowingText) if box.isVisibleTo(studio.form)]
    for box in boxes:  # each text box shows all its lines
        metrics = box.fontMetrics()
        lines = box.document().documentLayout().documentSize().height()  # laid out: shown
        needed = lines * metrics.lineSpacing()
        assert box.viewport().height() >= needed, box.toPlainText()[:40]
    EVIDENCE.mkdir(parents=True, exist_ok=True)
    assert studio.form.grab().save(str(EVIDENCE / f"{name}-1920x1080.png"))


@pytest.mark.parametrize("kind", list(ItemKind))
def test_a_narrow_form_keeps_the_languages_side_by_side_without_clipping(
    studio: Studio, kind: ItemKind
) -> None:
    """The form's share of the studio at 1366x768 is under 500 pixels: three languages
    still stand side by side, and nothing needs scrolling sideways."""
    studio.form.resize(470, 700)
    studio.show(kind, 0 if kind in (ItemKind.MOMENT, ItemKind.FIGURE) else None)
    QApplication.processEvents()
    assert studio.form.scroll_area.horizontalScrollBar().maximum() == 0
    assert find_clipped_text(studio.form) == []


def test_a_text_that_is_not_per_language_is_shown_read_only(qtbot: QtBot, tmp_path: Path) -> None:
    """`caption: plain words` (no language keys): typing could only replace it unseen, and
    the document refuses keys under a single value; the form says to fix it in the file."""
    folder = copy_content(tmp_path)
    path = folder / "timeline.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    caption:\n      en: >-\n        The sacrifice")
    end = text.index("    source:", start)
    path.write_text(text[:start] + "    caption: Plain words\n" + text[end:], encoding="utf-8")
    document = ContentDocument.open(folder)
    form = FormView()
    qtbot.addWidget(form)
    form.show()
    edits: list[object] = []
    form.edit_requested.connect(lambda address, value: edits.append((address, value)))
    item = next(i for i in outline(document) if i.kind is ItemKind.MOMENT and i.index == 1)
    form.show_item(document, item)
    boxes = [w for a, w in form._editors() if a[:-1] == (*MOMENT_1991, "caption")]
    assert len(boxes) == 3
    for box in boxes:
        assert isinstance(box, QPlainTextEdit) and box.isReadOnly()
        QTest.keyClicks(box, "x")
    assert edits == []
    row = boxes[0].parentWidget()
    assert isinstance(row, LanguageRow)
    assert "fix it there" in row.columns[0].status.text()


def test_tab_leaves_a_rebuilt_form_where_it_stands_in_the_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A form built again (another item chosen) has new controls: Tab still goes from the
    control before the form into it and from its last control to the one after it (new
    widgets would otherwise come last in the window, after everything else)."""
    document = ContentDocument.open(copy_content(tmp_path))
    window = QWidget()
    qtbot.addWidget(window)
    layout = QHBoxLayout(window)
    before, form, after = QPushButton("Before"), FormView(), QPushButton("After")
    for widget in (before, form, after):
        layout.addWidget(widget)
    window.resize(1600, 900)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    items = outline(document)
    for item in (items[2], items[3], items[1]):
        form.show_item(document, item)  # no events processed: Tab may come at once
        controls = [w for _a, w in form._editors() if w.isEnabled()]
        if form.unlock_button is not None:
            controls.insert(0, form.unlock_button)
        before.setFocus()
        QTest.keyClick(before, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is controls[0], item.label
        controls[-1].setFocus()
        QTest.keyClick(controls[-1], Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is after, item.label
        QTest.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is controls[-1], item.label


def test_long_findings_wrap_beside_their_fields_in_a_narrow_form(studio: Studio) -> None:
    studio.form.resize(470, 900)
    studio.show(ItemKind.MOMENT, 1)
    long = (
        "timeline and figure texts use only the statement's words: 'independence' and "
        "'restored' occur nowhere in the statement (case, punctuation and endings ignored)"
    )
    where = Location("timeline.yaml", 27, 9)
    studio.form.set_findings(
        [
            (CAPTION_1991, Issue("warning", where, long)),
            ((*MOMENT_1991, "caption", "ru"), Issue("error", where, long)),
            ((*MOMENT_1991, "year"), Issue("error", where, long)),
            (MOMENT_1991, Issue("error", where, long)),
        ]
    )
    QApplication.processEvents()
    notices = studio.form.notices()
    assert len(notices) == 4 and all(n.isVisibleTo(studio.form) for n in notices)
    assert studio.form.scroll_area.horizontalScrollBar().maximum() == 0
    assert find_clipped_text(studio.form) == []
    for notice in notices:  # a wrapped label cuts a word longer than its width
        longest = max(notice.text.text().split(), key=notice.text.fontMetrics().horizontalAdvance)
        width = notice.text.fontMetrics().horizontalAdvance(longest)
        assert width <= notice.text.contentsRect().width(), notice.text.text()


def wheel(widget: QWidget, notches: int) -> None:
    at = QPointF(widget.rect().center())
    event = QWheelEvent(
        at,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_form_past_a_number_without_changing_it(studio: Studio) -> None:
    studio.form.resize(600, 400)
    studio.show(ItemKind.SETTINGS)
    studio.editor(("exhibit.yaml", "title", "en"))
    spin = next(
        w for a, w in studio.form._editors() if a == ("exhibit.yaml", "idle", "timeout_seconds")
    )
    assert isinstance(spin, QAbstractSpinBox) and not spin.hasFocus()
    wheel(spin, -1)
    assert studio.edits == []  # the value under the pointer stays
    spin.setFocus()
    wheel(spin, 1)
    assert studio.edits == [(("exhibit.yaml", "idle", "timeout_seconds"), 91)]
