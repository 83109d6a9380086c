"""The shipped exhibit: the Statement verbatim, and nothing on screen that it does not say."""

from __future__ import annotations

import re
import shutil
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import FIXTURES, REPO
from content_cases import BASE, edit
from kiosk.content import loader, walk
from kiosk.content.checks import check_exhibit
from kiosk.content.loader import FILE_SPECS, MOMENT, load_exhibit, read_exhibit
from kiosk.content.model import (
    AssetRef,
    Exhibit,
    Figure,
    LocalizedText,
    Moment,
    Settings,
    Statement,
)
from kiosk.content.schema import Field, ListOf, Localized, Object, Spec

SEED_COPIES = [FIXTURES / "seed-statement.md", REPO.parent / "shared" / "seed" / "statement.md"]


def seed_blocks(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    return [re.sub(r"^#+\s*", "", block).replace("**", "").strip() for block in blocks]


def statement_text(exhibit: Exhibit) -> str:
    return " ".join(paragraph.values["en"] for paragraph in exhibit.statement.paragraphs)


def english(text: LocalizedText) -> str:
    return text.values["en"]


@pytest.mark.parametrize("seed", SEED_COPIES, ids=["fixture", "shared"])
def test_statement_is_verbatim(exhibit: Exhibit, seed: Path) -> None:
    if not seed.is_file():
        pytest.skip(f"{seed} is not present here")
    heading, subtitle, date, *paragraphs = seed_blocks(seed)
    statement = exhibit.statement
    assert english(statement.heading) == heading == "STATEMENT"
    assert english(statement.subtitle) == subtitle
    assert english(statement.date_text) == date == "20 January 2026"
    assert statement.date_iso == "2026-01-20"
    assert [english(p) for p in statement.paragraphs] == paragraphs
    assert english(statement.issuer) in subtitle


def test_the_statement_is_not_translated(exhibit: Exhibit) -> None:
    statement = exhibit.statement
    for text in (statement.heading, statement.subtitle, statement.date_text, *statement.paragraphs):
        assert set(text.values) == {"en"}


def test_timeline_has_the_four_moments_each_resting_on_a_sentence(exhibit: Exhibit) -> None:
    full = statement_text(exhibit)
    assert [moment.year for moment in exhibit.timeline] == [1990, 1991, 2020, 2023]
    assert english(exhibit.timeline[0].date_text) == "20 January 1990"
    assert "44-day Patriotic War" in english(exhibit.timeline[2].title)
    for moment in exhibit.timeline:
        source = english(moment.source)
        assert source in full, f"{moment.id}: source is not a quotation of the Statement"
        assert str(moment.year) in source or (moment.year == 1990 and "20 January" in source)


def words(text: str) -> set[str]:
    return set(re.findall(r"[\w-]+", text.lower()))


def test_captions_and_titles_use_only_the_statements_words(exhibit: Exhibit) -> None:
    vocabulary = words(statement_text(exhibit)) | words(english(exhibit.statement.subtitle))
    for moment in exhibit.timeline:
        for field in (moment.title, moment.caption, moment.date_text):
            invented = words(english(field)) - vocabulary
            assert not invented, f"{moment.id}: words not in the Statement: {invented}"
    for figure in exhibit.figures:
        assert not words(english(figure.label)) - vocabulary


def test_figures_are_the_statements_numbers_with_their_sentence(exhibit: Exhibit) -> None:
    full = statement_text(exhibit)
    assert [(f.id, f.value) for f in exhibit.figures] == [
        ("killed", 150),
        ("injured", 744),
        ("missing", 4),
    ]
    for figure in exhibit.figures:
        source = english(figure.source)
        assert source in full
        assert re.search(rf"\b{figure.value}\b", source)


def test_settings(exhibit: Exhibit) -> None:
    settings = exhibit.settings
    assert settings.default_language == "en"
    assert settings.idle_timeout_s == 90
    assert settings.idle_warning_s == 20
    assert english(settings.title) == "20 January - National Mourning Day"


def test_text_falls_back_to_the_default_language() -> None:
    text = LocalizedText({"en": "Statement"})
    assert text.resolve("az", "en") == ("Statement", "en")
    both = LocalizedText({"en": "Statement", "az": "Bəyanat"})
    assert both.resolve("az", "en") == ("Bəyanat", "az")


def copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    target.mkdir()
    for source in (REPO / "content").glob("*.yaml"):
        (target / source.name).write_bytes(source.read_bytes())
    return target


def test_shipped_content_loads(tmp_path: Path) -> None:
    assert load_exhibit(copy_content(tmp_path)).timeline


# --- one source of truth per field ---------------------------------------------------------
#
# The loader reads by the specs (loader.py), the checks find texts by the model's field types
# (kiosk.content.walk); these tests hold the two together, so a text field added to one and
# not the other fails here instead of going unchecked.

# Keys of a file whose value the loader spreads over differently named model fields.
SPREAD: dict[str, dict[str, tuple[str, ...]]] = {
    "exhibit.yaml": {
        "idle": ("idle_timeout_s", "idle_warning_s"),
        "motion": ("reduced_motion",),
        "theme": ("colours", "type_sizes"),
    },
    "statement.yaml": {"date": ("date_iso",)},
}
FILE_MODELS: dict[str, tuple[type, str]] = {
    "exhibit.yaml": (Settings, "settings"),
    "statement.yaml": (Statement, "statement"),
    "timeline.yaml": (Exhibit, "timeline"),
    "figures.yaml": (Exhibit, "figures"),
}


def model_objects(spec: Spec) -> Iterator[Object[typing.Any]]:
    """Every Object inside ``spec`` (itself included) that a model class builds."""
    if isinstance(spec, ListOf):
        yield from model_objects(spec.item)
    if isinstance(spec, Object):
        if spec.produces is not object:
            yield spec
        for field in spec.fields.values():
            yield from model_objects(field.spec)


def expected_type(field: Field) -> object:
    """The model field type a spec's value fits: optional when it may be left out."""
    produced: typing.Any = field.spec.produces
    return produced | None if not field.required and field.default is None else produced


def test_each_file_spec_names_its_models_fields() -> None:
    for name, (model, _) in FILE_MODELS.items():
        if model is Exhibit:
            continue  # a file of one list: below
        keys = [field for key in FILE_SPECS[name].fields for field in SPREAD[name].get(key, (key,))]
        assert keys == list(model._fields), name  # type: ignore[attr-defined]


def test_each_spec_a_model_builds_names_that_models_fields_with_their_types() -> None:
    built = [obj for spec in FILE_SPECS.values() for obj in model_objects(spec)]
    assert {obj.produces for obj in built} >= {Moment, Figure}
    for obj in built:
        model = obj.produces
        hints = typing.get_type_hints(model)
        keys = [*obj.fields, *(["location"] if obj.pass_location else [])]
        assert keys == list(model._fields), model  # type: ignore[attr-defined]
        for key, field in obj.fields.items():
            assert hints[key] == expected_type(field), f"{model}.{key}"


def test_each_file_fills_its_exhibit_field_with_the_type_the_model_declares() -> None:
    """The texts the loader reads into the model are typed as the checks will look for."""
    for name, (model, attribute) in FILE_MODELS.items():
        spec = FILE_SPECS[name]
        if model is Exhibit:  # the file's one list is the exhibit's field
            (field,) = spec.fields.values()
            assert typing.get_type_hints(Exhibit)[attribute] == expected_type(field), name
            continue
        hints = typing.get_type_hints(model)
        for key, field in spec.fields.items():
            if key not in SPREAD.get(name, {}):
                assert hints[key] == expected_type(field), f"{name}: {key}"
            elif field.spec.produces is LocalizedText:
                pytest.fail(f"{name}: {key} is a text the loader spreads: the checks miss it")


def test_the_walk_finds_every_text_and_picture_the_model_holds(exhibit: Exhibit) -> None:
    found = walk.texts(exhibit)
    statement_texts = 4 + len(exhibit.statement.paragraphs)
    every = 1 + statement_texts + 4 * len(exhibit.timeline) + 2 * len(exhibit.figures)
    assert len(found) == len({id(text) for text in found}) == every
    assert found[0] is exhibit.settings.title and found[-1] is exhibit.figures[-1].source
    assert exhibit.statement.paragraphs[0] in found and exhibit.timeline[2].caption in found
    statement = walk.texts(exhibit.statement)
    assert not set(map(id, walk.texts(exhibit, skip=(Statement,)))) & set(map(id, statement))
    assert walk.text_fields(Statement) == ("heading", "subtitle", "issuer", "date_text")
    picture = AssetRef("pictures/a.png", exhibit.timeline[1].title.location)
    pictured = exhibit._replace(timeline=(exhibit.timeline[1]._replace(image=picture),))
    assert walk.assets(pictured) == [picture]


def test_a_text_held_in_a_shape_the_walk_cannot_follow_is_refused() -> None:
    class Glossary(NamedTuple):
        terms: dict[str, LocalizedText]

    with pytest.raises(TypeError, match=r"Glossary\.terms"):
        walk.texts(Glossary({}))


class NotedMoment(NamedTuple):
    """Moment with one more optional text, as a developer would add one."""

    id: str
    year: int
    date_text: LocalizedText
    title: LocalizedText
    caption: LocalizedText
    source: LocalizedText
    image: AssetRef | None = None
    note: LocalizedText | None = None


def test_a_new_optional_text_field_is_checked_without_naming_it_anywhere_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16: a text field added to a model and its spec alone (nothing in the checks)
    is still held to the bundled fonts and counted among the texts to translate."""
    note = Field(Localized("A note under the caption."), required=False)
    monkeypatch.setattr(MOMENT, "fields", {**MOMENT.fields, "note": note})
    monkeypatch.setattr(MOMENT, "build", NotedMoment)
    folder = tmp_path / "content"
    shutil.copytree(BASE, folder)  # the broken fixtures' base: its lines do not move
    edit(folder / "exhibit.yaml", "languages: [en]", "languages: [en, az]")
    edit(
        folder / "timeline.yaml",
        "    year: 1991\n",
        '    year: 1991\n    note:\n      en: "Independence \u6b89"\n',
    )
    exhibit, issues = read_exhibit(folder)
    assert exhibit is not None, [str(issue) for issue in issues]
    assert exhibit.timeline[1].note.values["en"] == "Independence \u6b89"  # type: ignore[attr-defined]
    translation = [str(issue) for issue in issues if "texts have no 'az' version" in str(issue)]
    assert len(translation) == 1 and "24 of 24 texts" in translation[0]  # 23 without it
    glyphs = [str(issue) for issue in check_exhibit(exhibit, folder, only_thorough=True)]
    assert glyphs == [
        "timeline.yaml:24:7: error: the en text has characters the bundled fonts cannot "
        "show: \u6b89 (U+6B89)"
    ]
    assert loader.MOMENT is MOMENT  # the patched spec is the one the loader reads
