"""The shipped exhibit: the Statement verbatim, and nothing on screen that it does not say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO
from kiosk.content.loader import load_exhibit
from kiosk.content.model import Exhibit, LocalizedText

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
