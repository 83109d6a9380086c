"""`kiosk studio`: a curator edits, saves and publishes with the keyboard and the mouse only;
the files keep their comments and change only where staff changed them; nothing unsaved is
lost (close asks, a crash leaves a recovery copy); a file that could not be read is never
rewritten."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from content_cases import copy_content
from kiosk.cli import main
from kiosk.content.loader import FILES
from kiosk.content.validate import validate_folder
from kiosk.editing.document import ContentDocument
from kiosk.editing.outline import ItemKind
from kiosk.editing.publish import PublishResult, publish
from kiosk.editing.recovery import find_recovery
from kiosk.editing.studio_settings import SETTINGS_OVERRIDE
from kiosk.packs.keys import generate_keypair
from kiosk.ui.layout_check import find_clipped_text
from kiosk.ui.studio.publish_dialog import PublishDialog
from kiosk.ui.studio.window import Prompts, StudioWindow
from kiosk.ui.translations import Translations

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

MOMENTS = ("timeline.yaml", "moments")
CAPTION_1991 = ("timeline.yaml", "moments", 1, "caption", "en")
TITLE_1991_AZ = ("timeline.yaml", "moments", 1, "title", "az")
IMAGE_1991 = ("timeline.yaml", "moments", 1, "image")
NEW_CAPTION = (
    "The sacrifice of the martyrs of 20 January played a fundamental role in restoring "
    "the independence of Azerbaijan."
)
AZ_TITLE = "Müstəqillik bərpa olundu"
Button = QMessageBox.StandardButton


class AnsweringPrompts(Prompts):
    """The file choices a test makes (a platform file dialog is beyond a test's reach)."""

    folder: Path | None = None
    proof_file: Path | None = None

    def choose_folder(self, start: Path) -> Path | None:
        return self.folder

    def choose_proof_file(self, start: Path) -> Path | None:
        return self.proof_file


StudioFactory = Callable[[Path], StudioWindow]


@pytest.fixture
def studio(qtbot: QtBot) -> Iterator[StudioFactory]:
    def make(folder: Path) -> StudioWindow:
        window = StudioWindow(ContentDocument.open(folder), prompts=AnsweringPrompts)
        # At the end of the test nothing is unsaved any more: closing must not ask.
        qtbot.addWidget(window, before_close_func=forget_changes)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        # The preview's first picture is drawn on a hidden kiosk window, which can take the
        # activation while it is built: the studio is activated once it is drawn.
        qtbot.waitUntil(lambda: not window.preview.pending, timeout=30_000)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield make


def forget_changes(window: QWidget) -> None:
    assert isinstance(window, StudioWindow)
    window.undo_stack.setClean()
    window._restored = False


def answer(button: Button) -> list[str]:
    """Click ``button`` of the next message box as soon as it is up; its text is kept."""
    seen: list[str] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            chosen = box.button(button)
            if chosen is None:  # not the question expected: closed, and said in the test
                seen.append(f"(no {button.name} button)")
                box.reject()
            else:
                QTest.mouseClick(chosen, Qt.MouseButton.LeftButton)
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    return seen


def click_item(window: StudioWindow, kind: ItemKind, index: int | None = None) -> None:
    tree = window.outline_view.tree
    row = window.outline_view.row_of(kind, index)
    assert row is not None
    tree.scrollToItem(row)
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center()
    )
    assert window.outline_view.current() is not None


def type_into(
    qtbot: QtBot, window: StudioWindow, address: tuple[str | int, ...], text: str
) -> None:
    """Go to the field (as choosing a finding does), select what is there and type."""
    qtbot.waitUntil(window.isActiveWindow)  # the preview's hidden kiosk may just have drawn
    window.form.focus_field(address)
    editor = QApplication.focusWidget()
    assert editor is not None and window.form.isAncestorOf(editor)
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, text)


def press(qtbot: QtBot, window: StudioWindow, keys: str, widget: QWidget | None = None) -> None:
    """A key sequence for the window's shortcuts (in the outline unless ``widget`` says)."""
    qtbot.waitUntil(window.isActiveWindow)  # the preview's hidden kiosk may just have drawn
    QTest.keySequence(widget or window.outline_view.tree, keys)


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character (QTest.keyClicks knows only ASCII's keys; an
    Azerbaijani keyboard sends ə and ü as key events with that text)."""
    for character in text:
        if character.isascii():
            QTest.keyClicks(widget, character)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                character,
                Qt.KeyboardModifier.NoModifier,
            )


def settled(qtbot: QtBot, window: StudioWindow) -> None:
    """The findings and the preview have followed the last change."""
    qtbot.waitUntil(lambda: not window.reading, timeout=30_000)


def ids(window: StudioWindow) -> list[object]:
    document = window.document
    return [document.get((*MOMENTS, index, "id")) for index in range(document.length(MOMENTS))]


def small_png(path: Path) -> Path:
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#553322"))
    assert image.save(str(path))  # PNG, from the name
    return path


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    removed: list[str] = []
    added: list[str] = []
    for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        (removed if line.startswith("-") else added).append(line[1:])
    return removed, added


def test_a_curator_edits_reorders_undoes_saves_and_publishes(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_content(tmp_path)
    original = {name: (folder / name).read_text(encoding="utf-8") for name in FILES}
    window = studio(folder)
    assert "Exhibit studio" in window.windowTitle() and not window.isWindowModified()

    # The 1991 moment: its form, and the kiosk's timeline at 1991 in the preview.
    click_item(window, ItemKind.MOMENT, 1)
    assert window.preview.state == "timeline-1991"
    type_into(qtbot, window, CAPTION_1991, NEW_CAPTION)
    assert window.document.get(CAPTION_1991) == NEW_CAPTION
    assert window.undo_stack.count() == 1  # typing in one field is one step
    assert window.isWindowModified()
    type_into(qtbot, window, TITLE_1991_AZ, AZ_TITLE)
    assert window.document.get(TITLE_1991_AZ) == AZ_TITLE
    assert window.undo_stack.count() == 2

    # A picture for the moment, chosen through the form's own button.
    picture = small_png(tmp_path / "Independence Day 1991.png")
    window.form.choose_picture_file = lambda _parent: picture
    window.form.focus_field(IMAGE_1991)
    chooser = QApplication.focusWidget()
    assert chooser is not None
    QTest.keyClick(chooser, Qt.Key.Key_Space)
    relative = window.document.get(IMAGE_1991)
    assert isinstance(relative, str) and (folder / relative).is_file()
    settled(qtbot, window)
    assert not [issue for _address, issue in window.findings if issue.severity == "error"]

    # Ctrl+Z in a field is the studio's undo (not the field's own).
    type_into(qtbot, window, CAPTION_1991, NEW_CAPTION + " Again")
    steps = window.undo_stack.index()
    editor = QApplication.focusWidget()
    assert editor is not None
    press(qtbot, window, "Ctrl+Z", editor)
    assert window.undo_stack.index() == steps - 1
    assert window.document.get(CAPTION_1991) == NEW_CAPTION  # the next step drops its redo

    # Two moments swapped with the keyboard: the validator's order finding shows at once;
    # undone and redone from the keyboard, then moved back with the mouse.
    order = ids(window)
    click_item(window, ItemKind.MOMENT, 2)
    QTest.keyClick(window.outline_view.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert ids(window) == [order[0], order[1], order[3], order[2]]
    settled(qtbot, window)
    assert any("in order of their year" in issue.message for _address, issue in window.findings)
    press(qtbot, window, "Ctrl+Z")
    assert ids(window) == order
    press(qtbot, window, "Ctrl+Shift+Z")
    assert ids(window) == [order[0], order[1], order[3], order[2]]
    assert window.outline_view.current().index == 3  # type: ignore[union-attr]
    QTest.mouseClick(window.outline_view.up_button, Qt.MouseButton.LeftButton)
    assert ids(window) == order
    settled(qtbot, window)
    assert not any("in order" in issue.message for _address, issue in window.findings)

    # The caption's step undone and redone while other steps sit on top of it.
    while window.undo_stack.index() > 1:
        press(qtbot, window, "Ctrl+Z")
    assert window.document.get(CAPTION_1991) == NEW_CAPTION
    assert window.document.get(TITLE_1991_AZ) is None
    press(qtbot, window, "Ctrl+Z")
    assert window.document.get(CAPTION_1991) == ContentDocument.open(folder).get(CAPTION_1991)
    while window.undo_stack.canRedo():
        press(qtbot, window, "Ctrl+Shift+Z")
    assert window.document.get(TITLE_1991_AZ) == AZ_TITLE and ids(window) == order

    with qtbot.waitSignal(window.saved, timeout=10_000):
        press(qtbot, window, "Ctrl+S")
    assert not window.isWindowModified()

    # Only the changed lines changed; every comment is still there.
    for name in FILES:
        after = (folder / name).read_text(encoding="utf-8")
        if name != "timeline.yaml":
            assert after == original[name]
            continue
        removed, added = changed_lines(original[name], after)
        # Removed: the 1991 caption's own lines (its "en:" key and its folded text) only.
        caption_block = original[name].split("    caption:\n", 2)[2].split("    source:")[0]
        assert removed and all(line in caption_block.splitlines() for line in removed), removed
        # Added: that caption, the az title and the picture, nothing else.
        assert len(added) <= 5, added
        assert sum(1 for line in added if AZ_TITLE in line) == 1
        assert sum(1 for line in added if line.strip() == f"image: {relative}") == 1
        assert "the independence of Azerbaijan." in " ".join(added)
        comments = [line for line in original[name].splitlines() if line.lstrip().startswith("#")]
        assert comments and all(line in after.splitlines() for line in comments)

    assert not [issue for issue in validate_folder(folder) if issue.severity == "error"]
    private, public, _fingerprint = generate_keypair(tmp_path / "staff")
    (tmp_path / "stick").mkdir()
    result = publish(folder, private, tmp_path / "stick")
    capsys.readouterr()
    assert main(["pack", "verify", str(result.pack), "--trust", str(public)]) == 0
    assert "valid" in capsys.readouterr().out


def test_closing_with_unsaved_changes_asks(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    folder = copy_content(tmp_path)
    before = (folder / "timeline.yaml").read_bytes()
    window = studio(folder)
    click_item(window, ItemKind.MOMENT, 1)
    type_into(qtbot, window, CAPTION_1991, NEW_CAPTION)
    asked = answer(Button.Cancel)
    assert not window.close()
    assert asked and window.isVisible() and window.isWindowModified()
    answer(Button.Save)
    assert window.close()
    assert (folder / "timeline.yaml").read_bytes() != before
    assert ContentDocument.open(folder).get(CAPTION_1991) == NEW_CAPTION


def test_closing_and_discarding_keeps_the_files(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    folder = copy_content(tmp_path)
    before = {name: (folder / name).read_bytes() for name in FILES}
    window = studio(folder)
    click_item(window, ItemKind.MOMENT, 1)
    type_into(qtbot, window, CAPTION_1991, NEW_CAPTION)
    window.write_recovery_now()
    answer(Button.Discard)
    assert window.close()
    assert {name: (folder / name).read_bytes() for name in FILES} == before
    assert find_recovery(folder) is None


def test_a_crash_leaves_a_recovery_copy_that_is_offered_next_time(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    folder = copy_content(tmp_path)
    window = studio(folder)
    window.idle_timer.setInterval(50)  # the pause after typing, shortened for the test
    click_item(window, ItemKind.MOMENT, 1)
    with qtbot.waitSignal(window.recovery_written, timeout=10_000):
        type_into(qtbot, window, CAPTION_1991, NEW_CAPTION)
    # The studio dies here (no close, no save): the files are as they were.
    window.hide()
    assert ContentDocument.open(folder).get(CAPTION_1991) != NEW_CAPTION

    asked = answer(Button.Yes)
    again = studio(folder)
    assert asked, "the recovery copy was not offered"
    assert again.document.get(CAPTION_1991) == NEW_CAPTION
    assert again.isWindowModified()
    assert again.form.document is again.document  # the form edits the restored texts
    with qtbot.waitSignal(again.saved, timeout=10_000):
        press(qtbot, again, "Ctrl+S")
    assert ContentDocument.open(folder).get(CAPTION_1991) == NEW_CAPTION
    assert find_recovery(folder) is None  # a clean save discards it


def test_an_unreadable_file_is_shown_with_its_error_and_never_rewritten(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    folder = copy_content(tmp_path)
    broken = b"schema_version: 1\nfigures:\n  - id: 'unclosed\n"
    (folder / "figures.yaml").write_bytes(broken)
    window = studio(folder)
    texts = [row.text(0) for row in window.outline_view.rows()]
    assert "figures.yaml: could not be read" in texts
    assert any(issue.location.path == "figures.yaml" for _address, issue in window.findings)
    # An edit aimed at it (however it came) changes nothing.
    window.form.edit_requested.emit(("figures.yaml", "figures", 0, "id"), "x")
    assert window.undo_stack.count() == 0
    click_item(window, ItemKind.MOMENT, 1)
    type_into(qtbot, window, CAPTION_1991, NEW_CAPTION)
    with qtbot.waitSignal(window.saved, timeout=10_000):
        press(qtbot, window, "Ctrl+S")
    assert (folder / "figures.yaml").read_bytes() == broken
    assert ContentDocument.open(folder).get(CAPTION_1991) == NEW_CAPTION


def test_choosing_a_finding_selects_its_item_and_field(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    folder = copy_content(tmp_path)
    window = studio(folder)
    click_item(window, ItemKind.MOMENT, 1)
    year = ("timeline.yaml", "moments", 2, "year")
    window.form.focus_field(CAPTION_1991)
    window.undo_stack.push  # noqa: B018 - the edit below goes through the form's signal
    window.form.edit_requested.emit(year, 1000)
    settled(qtbot, window)
    rows = window.findings_view.list
    wanted = [
        index
        for index in range(rows.count())
        if "in order of their year" in rows.item(index).text()
    ]
    assert wanted
    item = rows.item(wanted[0])
    rows.scrollToItem(item)
    QTest.mouseClick(
        rows.viewport(), Qt.MouseButton.LeftButton, pos=rows.visualItemRect(item).center()
    )
    current = window.outline_view.current()
    assert current is not None and current.kind is ItemKind.MOMENT and current.index == 2
    # Enter on a finding does the same.
    click_item(window, ItemKind.SETTINGS)
    rows.setFocus()
    rows.setCurrentRow(wanted[0])
    QTest.keyClick(rows, Qt.Key.Key_Return)
    current = window.outline_view.current()
    assert current is not None and current.index == 2


def test_every_control_has_a_name_and_the_layout_fits(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    window = studio(copy_content(tmp_path))
    for width, height in ((1366, 768), (1920, 1080)):
        window.resize(width, height)
        window.arrange()
        QApplication.processEvents()
        nameless = [
            widget
            for widget in window.findChildren(QWidget)
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(window)
            and not widget.accessibleName()
            and not window.form.isAncestorOf(widget)
            and not window.preview.isAncestorOf(widget)
        ]
        assert not nameless, [type(widget).__name__ for widget in nameless]
        outline, form, right = window.main.sizes()
        assert outline >= 200 and form >= 300 and right >= 400
        assert window.preview.mapTo(window, QPoint(0, 0)).x() > form


# The offscreen platform has no keyboard to grab for the File menu's popup.
@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")
def test_the_proof_sheet_is_drawn_from_the_saved_files_without_blocking(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    folder = copy_content(tmp_path)
    window = studio(folder)
    sheet = tmp_path / "proof.png"
    assert isinstance(window.prompts, AnsweringPrompts)
    window.prompts.proof_file = sheet
    click_item(window, ItemKind.MOMENT, 1)
    type_into(qtbot, window, CAPTION_1991, NEW_CAPTION)
    asked = answer(Button.Save)  # the sheet shows the saved files: save first
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    menu = QApplication.activePopupWidget()
    assert menu is not None
    with qtbot.waitSignal(window.proof_finished, timeout=180_000) as finished:
        QTest.keyClick(menu, Qt.Key.Key_P)
        assert not window.proof_action.isEnabled()  # one at a time, the window still usable
    assert asked and not window.isWindowModified()
    assert finished.args is not None and finished.args[0] is True, finished.args
    assert QImage(str(sheet)).width() > 0
    assert window.proof_action.isEnabled()


def click_dialog_button(text: str) -> list[str]:
    """Click the button named ``text`` in the next modal dialog; the dialog's title kept."""
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        buttons = [] if dialog is None else dialog.findChildren(QPushButton)
        chosen = [button for button in buttons if button.text() == text]
        if dialog is not None and chosen:
            seen.append(dialog.windowTitle())
            QTest.mouseClick(chosen[0], Qt.MouseButton.LeftButton)
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    return seen


ISSUER = ("statement.yaml", "issuer", "en")


@pytest.mark.parametrize("answer_text", ["Seal", "Don't seal"])
def test_saving_changed_sealed_words_asks_before_sealing_again(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path, answer_text: str
) -> None:
    folder = copy_content(tmp_path)
    seal_before = (folder / "statement.seal").read_bytes()
    window = studio(folder)
    click_item(window, ItemKind.STATEMENT)
    window.form.ask_unlock = lambda _parent: True
    window.form.unlock()
    type_into(qtbot, window, ISSUER, "Ministry of Foreign Affairs of Azerbaijan")
    asked = click_dialog_button(answer_text)
    with qtbot.waitSignal(window.saved, timeout=30_000):
        press(qtbot, window, "Ctrl+S")
    assert asked, "the changed sealed words were not shown"
    assert not window.isWindowModified()
    reopened = ContentDocument.open(folder)
    assert reopened.get(ISSUER) == "Ministry of Foreign Affairs of Azerbaijan"
    errors = [issue for issue in validate_folder(folder) if issue.severity == "error"]
    if answer_text == "Seal":
        assert (folder / "statement.seal").read_bytes() != seal_before
        assert not errors, errors
        # The seal is on disk: the studio reads the folder again, on the same item.
        assert window.document is not None and window.undo_stack.count() == 0
        current = window.outline_view.current()
        assert current is not None and current.kind is ItemKind.STATEMENT
        assert window.form.document is window.document  # the form edits the new one
    else:
        assert (folder / "statement.seal").read_bytes() == seal_before
        assert any("seal" in issue.message.lower() for issue in errors)


def test_tab_goes_outline_form_preview_findings(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    window = studio(copy_content(tmp_path))
    click_item(window, ItemKind.MOMENT, 1)
    window.outline_view.tree.setFocus()
    preview_box = window.right.widget(0)
    assert preview_box is not None
    regions: dict[str, QWidget] = {
        "outline": window.outline_view,
        "form": window.form,
        "preview": preview_box,
        "findings": window.findings_view,
    }
    visited: list[str] = []
    for _step in range(200):
        qtbot.waitUntil(window.isActiveWindow)
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        region = next(
            (name for name, area in regions.items() if focus and area.isAncestorOf(focus)), ""
        )
        if region and (not visited or visited[-1] != region):
            visited.append(region)
        if region == "outline" and len(visited) > 1:
            break
    assert visited[:5] == ["outline", "form", "preview", "findings", "outline"], visited


def test_open_folder_asks_about_unsaved_changes_first(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    first = copy_content(tmp_path / "one")
    second = copy_content(tmp_path / "two")
    window = studio(first)
    assert isinstance(window.prompts, AnsweringPrompts)
    window.prompts.folder = second
    click_item(window, ItemKind.MOMENT, 1)
    type_into(qtbot, window, CAPTION_1991, NEW_CAPTION)
    asked = answer(Button.Cancel)
    press(qtbot, window, "Ctrl+O")
    assert asked and window.document.folder == first and window.isWindowModified()
    answer(Button.Discard)
    press(qtbot, window, "Ctrl+O")
    assert window.document.folder == second and not window.isWindowModified()
    assert window.undo_stack.count() == 0
    assert ContentDocument.open(first).get(CAPTION_1991) != NEW_CAPTION


@pytest.mark.parametrize("language", ["en", "az", "ru", "pseudo"])
def test_the_studio_words_fit_at_both_desktop_sizes(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    """The shell's own words (outline, screen choice, findings) are not cut at 1366x768 or
    1920x1080 in any interface language, nor 40% longer (the pseudo-language)."""
    translations = Translations()
    if language == "pseudo":
        translations.use_pseudo()
    else:
        translations.use(language)
    try:
        window = StudioWindow(
            ContentDocument.open(copy_content(tmp_path)), prompts=AnsweringPrompts
        )
        qtbot.addWidget(window, before_close_func=forget_changes)
        window.show()
        qtbot.waitExposed(window)
        for width, height in ((1366, 768), (1920, 1080)):
            window.resize(width, height)
            window.arrange()
            QApplication.processEvents()
            mine = {widget.text() for widget in own_labels(window)}
            clipped = [str(found) for found in find_clipped_text(window) if found.text in mine]
            assert clipped == [], (width, height, clipped)
    finally:
        translations.release()


def own_labels(window: StudioWindow) -> list[QAbstractButton | QLabel]:
    """The labels and buttons of the shell's own views (the form and preview test theirs)."""
    return [
        window.outline_view.add_button,
        window.outline_view.remove_button,
        window.outline_view.up_button,
        window.outline_view.down_button,
        window.state_label,
        window.findings_view.heading,
    ]


def test_publish_from_the_file_menu_saves_first_and_writes_a_verified_pack(
    qtbot: QtBot,
    studio: StudioFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(SETTINGS_OVERRIDE, str(tmp_path / "config" / "studio.json"))
    folder = copy_content(tmp_path)
    (tmp_path / "keys").mkdir()
    private, public, _fingerprint = generate_keypair(tmp_path / "keys" / "museum")
    stick = tmp_path / "stick"
    stick.mkdir()
    window = studio(folder)
    window.publish_dialog = lambda folder, parent: PublishDialog(
        folder,
        parent,
        choose_key=lambda _parent, _current: private,
        list_removable=lambda: [stick],
    )
    click_item(window, ItemKind.MOMENT, 1)
    type_into(qtbot, window, CAPTION_1991, NEW_CAPTION)
    asked = answer(Button.Save)  # a pack is made from the saved files
    outcomes: list[object] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PublishDialog):
            QTimer.singleShot(10, drive)
            return
        assert dialog.folder == folder

        def finished(outcome: object) -> None:
            outcomes.append(outcome)
            dialog.accept()

        dialog.finished_publishing.connect(finished)
        QTest.mouseClick(dialog.key_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, drive)
    window.publish_action.trigger()  # returns when the dialog closes
    assert asked and not window.isWindowModified()
    assert len(outcomes) == 1
    result = outcomes[0]
    assert isinstance(result, PublishResult), result
    assert str(result.pack) in window.statusBar().currentMessage()
    capsys.readouterr()
    assert main(["pack", "verify", str(result.pack), "--trust", str(public)]) == 0


def test_the_outline_follows_a_typed_title_once_typing_pauses(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    window = studio(copy_content(tmp_path))
    click_item(window, ItemKind.MOMENT, 1)
    type_into(qtbot, window, ("timeline.yaml", "moments", 1, "title", "en"), "Independence")
    settled(qtbot, window)
    row = window.outline_view.row_of(ItemKind.MOMENT, 1)
    assert row is not None and row.text(0) == "1991 · Independence"
    current = window.outline_view.current()
    assert current is not None and current.index == 1  # the selection stays


def test_the_form_shows_what_the_outline_shows_after_a_removal_and_its_undo(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    """After Delete the same row number holds another moment: the form shows that one (it
    must never go on editing the removed one)."""
    window = studio(copy_content(tmp_path))
    order = ids(window)
    click_item(window, ItemKind.MOMENT, 1)
    QTest.keyClick(window.outline_view.tree, Qt.Key.Key_Delete)
    assert ids(window) == [order[0], *order[2:]]
    current = window.outline_view.current()
    assert current is not None and current.index == 1
    assert window.form.item == current and window.form.document is window.document
    press(qtbot, window, "Ctrl+Z")
    assert ids(window) == order
    assert window.form.item == window.outline_view.current()


def test_a_new_moment_goes_last_where_its_year_belongs(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    """The new moment takes the year after the last, so it goes last wherever staff were:
    put after the selected moment it broke the timeline's order at once."""
    window = studio(copy_content(tmp_path))
    order = ids(window)
    click_item(window, ItemKind.MOMENT, 1)
    QTest.keyClick(window.outline_view.tree, Qt.Key.Key_Insert)
    assert ids(window)[: len(order)] == order and len(ids(window)) == len(order) + 1
    current = window.outline_view.current()
    assert current is not None and current.index == len(order)  # the new one, to fill in
    settled(qtbot, window)
    assert not any("in order of their year" in issue.message for _a, issue in window.findings)


def test_an_edit_the_document_refuses_is_said_and_leaves_no_step(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    """An edit kiosk.editing cannot make (a place that is not there) is named in the status
    line; no undo step is left whose undo would write over the field."""
    folder = copy_content(tmp_path)
    window = studio(folder)
    before = window.document.texts()
    window.form.edit_requested.emit(("timeline.yaml", "moments", 9, "title", "en"), "x")
    window.form.edit_requested.emit((*CAPTION_1991, "deeper"), "x")
    assert window.undo_stack.count() == 0 and not window.isWindowModified()
    assert window.document.texts() == before
    assert "Not changed" in window.statusBar().currentMessage()


def test_a_file_another_program_saved_meanwhile_is_overwritten_only_when_staff_say_so(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    folder = copy_content(tmp_path)
    window = studio(folder)
    click_item(window, ItemKind.MOMENT, 1)
    type_into(qtbot, window, CAPTION_1991, NEW_CAPTION)
    elsewhere = (folder / "timeline.yaml").read_text(encoding="utf-8") + "# a note\n"
    (folder / "timeline.yaml").write_text(elsewhere, encoding="utf-8")
    asked = answer(Button.Cancel)
    press(qtbot, window, "Ctrl+S")
    assert asked and "timeline.yaml" in asked[0]
    assert (folder / "timeline.yaml").read_text(encoding="utf-8") == elsewhere  # kept
    assert window.isWindowModified()  # and the studio's changes too
    answer(Button.Save)  # save over it
    with qtbot.waitSignal(window.saved, timeout=10_000):
        press(qtbot, window, "Ctrl+S")
    assert ContentDocument.open(folder).get(CAPTION_1991) == NEW_CAPTION
    assert not window.isWindowModified()


def test_an_item_of_an_unreadable_file_is_shown_read_only_with_its_error(
    qtbot: QtBot, studio: StudioFactory, tmp_path: Path
) -> None:
    folder = copy_content(tmp_path)
    broken = (folder / "exhibit.yaml").read_bytes() + b"title: [unclosed\n"
    (folder / "exhibit.yaml").write_bytes(broken)
    window = studio(folder)
    click_item(window, ItemKind.SETTINGS)
    assert not window.form.isEnabled()
    assert window.read_only_note.isVisible()
    assert "exhibit.yaml" in window.read_only_note.text()
    assert "never saved" in window.read_only_note.text()
    click_item(window, ItemKind.MOMENT, 1)
    assert window.form.isEnabled() and not window.read_only_note.isVisible()
    press(qtbot, window, "Ctrl+S")
    assert (folder / "exhibit.yaml").read_bytes() == broken
