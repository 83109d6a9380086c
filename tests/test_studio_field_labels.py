"""The studio form's field names and descriptions are interface words: every text the loader's
specs produce (kiosk.editing.outline.form_fields) has a translatable entry in
kiosk.ui.studio.field_labels, so a new spec field cannot reach the form untranslated."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QMessageBox

from content_cases import copy_content
from kiosk.editing.document import ContentDocument
from kiosk.editing.outline import ItemKind, form_fields, outline
from kiosk.ui.studio import field_labels
from kiosk.ui.studio.form_view import FormView
from kiosk.ui.translations import qm_path

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot


def generated_texts() -> set[str]:
    texts = set()
    for kind in ItemKind:
        for field in form_fields(kind):
            texts.add(field.label)
            if field.description:
                texts.add(field.description)
    return texts


@pytest.mark.parametrize("kind", list(ItemKind), ids=lambda kind: kind.name.lower())
def test_every_label_and_description_has_a_translatable_entry(kind: ItemKind) -> None:
    missing = [
        text
        for field in form_fields(kind)
        for text in (field.label, field.description)
        if text and text not in field_labels.SOURCES and text not in field_labels.DISPLAY
    ]
    assert missing == [], "add these to kiosk/ui/studio/field_labels.py, then translate them"


def test_no_entry_is_left_for_a_field_that_is_gone() -> None:
    generated = generated_texts()
    shown = {str(text) for text in field_labels.DISPLAY.values()}
    assert sorted(str(text) for text in field_labels.SOURCES if text not in generated | shown) == []
    assert sorted(set(field_labels.DISPLAY) - generated) == []


def test_generated_wording_is_shown_as_people_say_it() -> None:
    assert field_labels.translated("Idle timeout seconds") == "Seconds before 'Still there?'"
    assert field_labels.translated("Motion reduced") == "Reduce motion"
    assert field_labels.translated("Theme colours background") == "Background colour"
    assert field_labels.translated("Caption") == "Caption"


@pytest.fixture
def azerbaijani(qapp: object) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(qm_path("az")))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.mark.usefixtures("azerbaijani")
def test_each_shown_text_is_translated() -> None:
    for text in generated_texts():
        shown = field_labels.DISPLAY.get(text, text)
        assert field_labels.translated(text) != shown, text
    assert field_labels.translated("Motion reduced") == "Hərəkəti azalt"


@pytest.mark.usefixtures("azerbaijani")
def test_the_form_shows_the_fields_in_the_interface_language(qtbot: QtBot, tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    document = ContentDocument.open(folder)
    form = FormView()
    qtbot.addWidget(form)
    settings = next(item for item in outline(document) if item.kind is ItemKind.SETTINGS)
    form.show_item(document, settings)
    titles = {block.field.key: block.title.text() for block in form.blocks}
    assert titles[("motion", "reduced")] == "Hərəkəti azalt"
    assert titles[("title",)] == "Başlıq"


@pytest.mark.usefixtures("azerbaijani")
def test_the_studio_questions_buttons_speak_the_interface_language(qtbot: QtBot) -> None:
    """Qt names a question's standard buttons itself (context QPlatformTheme); the studio's
    translations carry those names, so an Azerbaijani question has Azerbaijani answers."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question, "?", "?", buttons.Save | buttons.Discard | buttons.Cancel
    )
    qtbot.addWidget(box)
    words = [
        box.button(button).text() for button in (buttons.Save, buttons.Discard, buttons.Cancel)
    ]
    assert words == ["Saxla", "Saxlama", "İmtina"]
