"""Studio fixes after the review of issue 17 (see /work/notes/studio-fix.md): behaviour the
review's own tests (tests/test_studio_review.py) do not cover."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from content_cases import copy_content
from test_studio import StudioFactory, settled, studio  # noqa: F401  (the fixture)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def test_a_folder_opened_with_an_error_says_the_preview_has_nothing_to_draw(
    qtbot: QtBot,
    studio: StudioFactory,  # noqa: F811
    tmp_path: Path,
) -> None:
    folder = copy_content(tmp_path)
    (folder / "figures.yaml").write_bytes(b"schema_version: 1\nfigures:\n  - id: 'unclosed\n")
    window = studio(folder)
    settled(qtbot, window)
    note = window.preview.view.note
    assert note.isVisible() and "nothing can be drawn" in note.text(), note.text()


def test_the_preview_waits_for_typing_once(
    qtbot: QtBot,
    studio: StudioFactory,  # noqa: F811
    tmp_path: Path,
) -> None:
    window = studio(copy_content(tmp_path))
    assert window.preview.debounce_ms == 0  # the window's own REREAD_MS is the one pause


def _filed(module: object, tmp_path: Path) -> dict[str | None, str | None]:
    """Each source text of ``module`` with the context lupdate files it under."""
    import xml.etree.ElementTree as ET  # noqa: PLC0415

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    ts = tmp_path / "words.ts"
    source = str(module.__file__)  # type: ignore[attr-defined]
    subprocess.run([str(lupdate), source, "-ts", str(ts)], check=True, capture_output=True)
    return {
        message.findtext("source"): context.findtext("name")
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }


def test_lupdate_files_the_file_dialogs_words_under_the_windows_context(tmp_path: Path) -> None:
    """Qt looks the words up under StudioWindow (the class's tr()); lupdate must file them
    there too, or no translation of them can ever be found (they were under 'self.parent')."""
    from kiosk.ui.studio import window  # noqa: PLC0415

    filed = _filed(window, tmp_path)
    words = ["Open an exhibit folder", "Write the proof sheet", "PNG pictures (*.png)"]
    assert [filed.get(text) for text in words] == ["StudioWindow"] * 3


def test_lupdate_files_the_picture_dialogs_words_under_the_fields_context(
    tmp_path: Path,
) -> None:
    """The same for the picture chooser (its words were under 'parent')."""
    from kiosk.ui.studio import picture_field  # noqa: PLC0415

    filed = _filed(picture_field, tmp_path)
    words = ["Choose a picture", "Pictures (*.png *.jpg *.jpeg *.webp);;All files (*)"]
    assert [filed.get(text) for text in words] == ["PictureField"] * 2


def test_the_forms_language_columns_name_each_language_in_itself() -> None:
    """No English language names in an az or ru studio: each as on the kiosk's switch."""
    from kiosk.ui.studio.form_editors import language_name  # noqa: PLC0415

    assert [language_name(code) for code in ("az", "en", "ru")] == [
        "Azərbaycan dili (az)",
        "English (en)",
        "Русский (ru)",
    ]


def test_the_outline_names_its_fixed_rows_in_the_interface_language(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Exhibit settings" and "Statement" come from kiosk.editing.outline (no Qt) in English:
    the outline shows them translated (and lupdate files them where they are looked up)."""
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415

    from kiosk.editing.document import ContentDocument  # noqa: PLC0415
    from kiosk.editing.outline import outline  # noqa: PLC0415
    from kiosk.ui.studio import outline_view  # noqa: PLC0415

    filed = _filed(outline_view, tmp_path)
    assert filed.get("Exhibit settings") == filed.get("Statement") == "OutlineView"
    asked: list[tuple[str, str]] = []

    def translate(context: str, text: str, *_rest: object) -> str:
        asked.append((context, text))
        return f"<{text}>"

    monkeypatch.setattr(QCoreApplication, "translate", translate)
    view = outline_view.OutlineView()
    qtbot.addWidget(view)
    view.set_items(outline(ContentDocument.open(copy_content(tmp_path))), {})
    labels = [row.text(0) for row in view.rows()]
    assert labels[:2] == ["<Exhibit settings>", "<Statement>"]
    assert ("OutlineView", "Statement") in asked


def test_undoing_back_to_the_saved_files_throws_the_recovery_copy_away(
    qtbot: QtBot,
    studio: StudioFactory,  # noqa: F811
    tmp_path: Path,
) -> None:
    from kiosk.editing.outline import ItemKind  # noqa: PLC0415
    from kiosk.editing.recovery import find_recovery  # noqa: PLC0415
    from test_studio import click_item, type_into  # noqa: PLC0415

    folder = copy_content(tmp_path)
    window = studio(folder)
    click_item(window, ItemKind.SETTINGS)
    type_into(qtbot, window, ("exhibit.yaml", "title", "en"), "A passing title")
    window.write_recovery_now()
    assert find_recovery(folder) is not None
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert not window.modified()
    assert find_recovery(folder) is None  # a later crash offers nothing stale


def test_cancel_in_the_seal_question_saves_nothing(
    qtbot: QtBot,
    studio: StudioFactory,  # noqa: F811
    tmp_path: Path,
) -> None:
    from kiosk.editing.outline import ItemKind  # noqa: PLC0415
    from test_studio import ISSUER, click_dialog_button, click_item, type_into  # noqa: PLC0415

    folder = copy_content(tmp_path)
    before = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
    window = studio(folder)
    click_item(window, ItemKind.STATEMENT)
    window.form.ask_unlock = lambda _parent: True
    window.form.unlock()
    type_into(qtbot, window, ISSUER, "Ministry of Foreign Affairs of Azerbaijan")
    asked = click_dialog_button("Cancel")
    assert window.save() is False  # before the fix: Escape/Enter meant Don't seal, and saved
    assert asked == ["Seal the changed words?"]
    assert {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()} == before
    assert window.modified() and window.document.get(ISSUER) == (
        "Ministry of Foreign Affairs of Azerbaijan"
    )


def test_every_line_edit_of_the_forms_has_a_name(
    qtbot: QtBot,
    studio: StudioFactory,  # noqa: F811
    tmp_path: Path,
) -> None:
    from PySide6.QtWidgets import QLineEdit  # noqa: PLC0415

    from kiosk.editing.outline import ItemKind  # noqa: PLC0415
    from test_studio import click_item  # noqa: PLC0415

    window = studio(copy_content(tmp_path))
    for kind, index in [
        (ItemKind.SETTINGS, None),
        (ItemKind.STATEMENT, None),
        (ItemKind.MOMENT, 1),
        (ItemKind.FIGURE, 0),
    ]:
        click_item(window, kind, index)
        edits = window.form.findChildren(QLineEdit)
        assert edits
        unnamed = [type(edit.parent()).__name__ for edit in edits if not edit.accessibleName()]
        assert not unnamed, (kind, unnamed)  # a spin box's own line edit had none
