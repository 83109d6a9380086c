"""The studio's outline and forms: generated from the loader's specs, one source of truth."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from kiosk.content import loader
from kiosk.content.schema import Digests, Field, Object, Pattern, Spec, Text
from kiosk.content.validate import validate_folder
from kiosk.editing.document import ContentDocument
from kiosk.editing.outline import (
    FIGURES,
    SPECS,
    TIMELINE,
    FieldKind,
    ItemKind,
    OutlineItem,
    field_kind_of,
    form_fields,
    new_figure,
    new_moment,
    outline,
    sealed_addresses,
)

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def spec_keys(spec: Object[Any], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every leaf key of a spec, walked independently of the studio's own walk."""
    keys: list[tuple[str, ...]] = []
    for name, field in spec.fields.items():
        if isinstance(field.spec, Object):
            keys += spec_keys(field.spec, (*prefix, name))
        elif not isinstance(field.spec, Digests):
            keys.append((*prefix, name))
    return keys


def test_the_outline_lists_settings_statement_moments_and_figures() -> None:
    items = outline(ContentDocument.open(CONTENT))
    assert items[:3] == [
        OutlineItem(ItemKind.SETTINGS, None, "Exhibit settings", ("exhibit.yaml",)),
        OutlineItem(ItemKind.STATEMENT, None, "Statement", ("statement.yaml",)),
        OutlineItem(
            ItemKind.MOMENT, 0, "1990 · The tragedy of 20 January", ("timeline.yaml", "moments", 0)
        ),
    ]
    assert [item.label for item in items if item.kind is ItemKind.MOMENT][1] == (
        "1991 · Independence restored"
    )
    figures = [item for item in items if item.kind is ItemKind.FIGURE]
    assert figures[0] == OutlineItem(
        ItemKind.FIGURE, 0, "150 · civilians killed", ("figures.yaml", "figures", 0)
    )
    assert len(figures) == 3


def test_the_outline_labels_in_the_default_language(folder: Path) -> None:
    document = ContentDocument.open(folder)
    document.set(("timeline.yaml", "moments", 1, "title", "az"), "Müstəqillik bərpa olundu")
    document.set(("exhibit.yaml", "default_language"), "az")
    labels = [item.label for item in outline(document) if item.kind is ItemKind.MOMENT]
    assert labels[:2] == ["1990 · The tragedy of 20 January", "1991 · Müstəqillik bərpa olundu"]


def test_an_unreadable_timeline_lists_no_moments_and_the_rest(folder: Path) -> None:
    (folder / "timeline.yaml").write_text("moments:\n  - id: [unclosed\n", encoding="utf-8")
    kinds = [item.kind for item in outline(ContentDocument.open(folder))]
    assert ItemKind.MOMENT not in kinds
    assert kinds.count(ItemKind.FIGURE) == 3


@pytest.mark.parametrize("kind", list(ItemKind))
def test_each_form_has_exactly_the_specs_fields(kind: ItemKind) -> None:
    assert [field.key for field in form_fields(kind)] == spec_keys(SPECS[kind])


def test_the_forms_use_the_loaders_own_specs() -> None:
    assert SPECS[ItemKind.SETTINGS] is loader.EXHIBIT_FILE
    assert SPECS[ItemKind.STATEMENT] is loader.STATEMENT_FILE
    assert SPECS[ItemKind.MOMENT] is loader.MOMENT
    assert SPECS[ItemKind.FIGURE] is loader.FIGURE


def test_a_field_added_to_a_spec_shows_in_the_form(monkeypatch: pytest.MonkeyPatch) -> None:
    fields = {**loader.MOMENT.fields, "place": Field(Text("Where it happened."), required=False)}
    monkeypatch.setattr(loader.MOMENT, "fields", fields)
    added = form_fields(ItemKind.MOMENT)[-1]
    assert added.key == ("place",)
    assert added.kind is FieldKind.TEXT
    assert added.description == "Where it happened."
    assert not added.required


def test_form_fields_carry_kinds_limits_and_descriptions() -> None:
    moment = {field.key: field for field in form_fields(ItemKind.MOMENT)}
    assert moment[("year",)].kind is FieldKind.INTEGER
    assert (moment[("year",)].low, moment[("year",)].high) == (1, 9999)
    assert moment[("caption",)].kind is FieldKind.LOCALIZED
    assert moment[("caption",)].word_guide == 70
    assert moment[("title",)].word_guide is None
    assert moment[("image",)].kind is FieldKind.ASSET
    assert not moment[("image",)].required
    assert moment[("caption",)].description == loader.MOMENT.fields["caption"].spec.description
    settings = {field.key: field for field in form_fields(ItemKind.SETTINGS)}
    assert settings[("theme", "colours", "text")].kind is FieldKind.COLOUR
    assert settings[("languages",)].kind is FieldKind.LANGUAGES
    assert settings[("default_language",)].kind is FieldKind.LANGUAGE
    assert settings[("motion", "reduced")].kind is FieldKind.BOOLEAN
    assert not settings[("idle", "timeout_seconds")].required
    assert settings[("idle", "timeout_seconds")].kind is FieldKind.NUMBER
    statement = {field.key: field for field in form_fields(ItemKind.STATEMENT)}
    assert statement[("paragraphs",)].kind is FieldKind.PARAGRAPHS
    assert statement[("date",)].kind is FieldKind.DATE
    assert ("seal",) not in statement  # written only by `kiosk statement seal`
    assert ("schema_version",) not in settings


def test_a_spec_the_studio_cannot_edit_is_refused_not_shown_wrongly() -> None:
    class Strange(Spec):
        def json_schema(self) -> dict[str, Any]:
            return {"type": "object"}

    with pytest.raises(TypeError, match="no editor"):
        field_kind_of(Strange("odd"))
    assert field_kind_of(Pattern(r"\d+", "12")) is FieldKind.TEXT


def test_the_sealed_statement_texts_are_listed() -> None:
    document = ContentDocument.open(CONTENT)
    sealed = sealed_addresses(document)
    assert ("statement.yaml", "heading", "en") in sealed
    assert ("statement.yaml", "subtitle", "en") in sealed
    assert ("statement.yaml", "paragraphs", 0, "en") in sealed
    paragraphs = document.length(("statement.yaml", "paragraphs"))
    assert ("statement.yaml", "paragraphs", paragraphs - 1, "en") in sealed
    assert ("statement.yaml", "seal") in sealed
    assert ("statement.yaml", "paragraphs") in sealed  # no paragraph added, removed, moved
    assert ("statement.yaml", "heading", "az") not in sealed  # a translation, not issued
    assert ("statement.yaml", "date") not in sealed
    assert not any(address[0] != "statement.yaml" for address in sealed)


def test_an_unsealed_statement_has_nothing_sealed(folder: Path) -> None:
    document = ContentDocument.open(folder)
    document.set(("statement.yaml", "seal"), None)
    assert sealed_addresses(document) == frozenset()


def test_a_new_moment_follows_the_last_and_its_empty_texts_are_findings(folder: Path) -> None:
    document = ContentDocument.open(folder)
    moment = new_moment(document)
    assert moment == {
        "id": "2024",
        "year": 2024,
        "date_text": {"en": ""},
        "title": {"en": ""},
        "caption": {"en": ""},
        "source": {"en": ""},
    }
    document.insert_item(TIMELINE, document.length(TIMELINE), moment)
    assert new_moment(document)["id"] == "2025"
    document.save()
    empty = [issue for issue in validate_folder(folder) if "empty" in issue.message]
    assert len(empty) == 4
    assert {document.address_at(issue.location) for issue in empty} == {
        ("timeline.yaml", "moments", 4, name, "en")
        for name in ("date_text", "title", "caption", "source")
    }


def test_new_ids_are_unique(folder: Path) -> None:
    document = ContentDocument.open(folder)
    document.set(("timeline.yaml", "moments", 3, "id"), "2024")
    assert new_moment(document)["id"] == "2024-2"
    first = new_figure(document)
    assert first == {"id": "figure", "value": 0, "label": {"en": ""}, "source": {"en": ""}}
    document.insert_item(FIGURES, 3, first)
    assert new_figure(document)["id"] == "figure-2"
