"""Content a careless editor could make: languages that are not languages, text nobody can
read, figures their sentence does not give, and words the statement never said (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from content_cases import copy_content, edit
from hostile import assert_answered, baseline, errors
from kiosk.content.words import numbers_in


def warnings(findings: list[str]) -> list[str]:
    return [line for line in findings if ": warning: " in line]


def test_a_misspelt_language_key_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    folder = baseline(tmp_path)
    edit(folder / "timeline.yaml", "      en: The tragedy of 20 January", "      enn: The tragedy")
    found = errors(assert_answered(folder))
    assert any(
        line.startswith("timeline.yaml:11:7: error: ")
        and "'enn'" in line
        and "did you mean 'en'?" in line
        for line in found
    ), found


def test_every_text_needs_the_default_language(tmp_path: Path) -> None:
    folder = baseline(tmp_path)
    edit(folder / "exhibit.yaml", "languages: [en]", "languages: [en, az]")
    edit(folder / "timeline.yaml", "      en: The tragedy of 20 January", "      az: Faciə")
    found = errors(assert_answered(folder))
    assert any(
        line.startswith("timeline.yaml:11:7: error: ") and "no 'en' version" in line
        for line in found
    ), found


@pytest.mark.parametrize("code", ["xx", "zzz-Latn", "de"])
def test_a_language_the_kiosk_cannot_name_is_an_error(tmp_path: Path, code: str) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "exhibit.yaml", "languages: [az, en, ru]", f"languages: [az, en, ru, {code}]")
    found = errors(assert_answered(folder))
    assert [line for line in found if line.startswith("exhibit.yaml:7:")] == [
        f"exhibit.yaml:7:25: error: the kiosk has no name for '{code}', so visitors could not "
        "choose it; it names az, en, ru"
    ]


def test_a_language_listed_twice_is_an_error(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "exhibit.yaml", "languages: [az, en, ru]", "languages: [en, en, en]")
    found = errors(assert_answered(folder))
    assert found == [
        "exhibit.yaml:7:17: error: 'en' is listed twice (first at column 13)",
        "exhibit.yaml:7:21: error: 'en' is listed twice (first at column 13)",
    ]


def test_the_translation_warning_names_the_missing_language(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    found = warnings(assert_answered(folder))
    assert any(
        "texts have no 'az' version" in line and "Azerbaijani" in line and "English" in line
        for line in found
    ), found


@pytest.mark.parametrize(
    "invisible",
    ["\\u200b\\u200b", "\\u200e\\u200f", "\\u2060\\ufeff\\u200d", "\\u00ad"],
    ids=["zero-width-space", "bidi-marks", "joiners", "soft-hyphen"],
)
def test_a_text_of_invisible_characters_is_an_error(tmp_path: Path, invisible: str) -> None:
    folder = baseline(tmp_path)
    edit(folder / "figures.yaml", "en: civilians killed", f'en: "{invisible}"')
    found = errors(assert_answered(folder))
    assert any(
        line.startswith("figures.yaml:8:11: error: ") and "invisible" in line for line in found
    ), found


def test_a_direction_mark_in_the_statement_is_an_error_and_breaks_the_seal(
    tmp_path: Path,
) -> None:
    """Found by review: right-to-left marks around numbers reorder what a visitor reads
    ("killed in 150/744 :1988-1990") while the sealed words stay the same."""
    folder = baseline(tmp_path)
    edit(folder / "statement.yaml", "150 civilians", "\u200f150\u200f civilians")
    found = errors(assert_answered(folder))
    assert any("bidirectional control character U+200F" in line for line in found), found
    assert any("is not the sealed en text" in line for line in found), found


def test_a_word_too_long_to_wrap_is_an_error(tmp_path: Path) -> None:
    folder = baseline(tmp_path)
    word = "Memorial" * 12
    edit(folder / "figures.yaml", "en: civilians killed", f"en: civilians {word}")
    found = errors(assert_answered(folder))
    assert any(
        line.startswith("figures.yaml:8:7: error: ") and "96 characters" in line for line in found
    ), found


def test_long_words_that_can_wrap_are_fine(tmp_path: Path) -> None:
    folder = baseline(tmp_path)
    edit(
        folder / "figures.yaml",
        "en: civilians killed",
        "en: civilians killed Commander-in-Chief-of-the-glorious-army-of-the-Republic",
    )
    assert not [line for line in errors(assert_answered(folder)) if "characters" in line]


@pytest.mark.parametrize(("old", "new"), [("value: 150", "value: 1500"), ("value: 4", "value: 5")])
def test_a_figure_its_sentence_does_not_give_is_an_error(
    tmp_path: Path, old: str, new: str
) -> None:
    folder = baseline(tmp_path)
    edit(folder / "figures.yaml", old, new)
    found = errors(assert_answered(folder))
    assert any("figures.yaml:" in line and new.split()[1] in line for line in found), found


@pytest.mark.parametrize(
    ("sentence", "language", "given"),
    [
        ("one hundred and fifty civilians", "en", {150}),
        ("a hundred and fifty civilians", "en", {150}),
        ("nine thousand nine hundred ninety-nine", "en", {9999}),
        ("fifteen hundred people", "en", {1500}),
        ("150 thousand people", "en", {150_000}),
        ("1.5 million people", "en", set()),
        ("1.50 metres", "en", set()),
        ("1,500 people, 744 people and four people", "en", {1500, 744, 4}),
        ("150 тысяч человек", "ru", {150_000}),
    ],
)
def test_numbers_are_read_as_phrases(sentence: str, language: str, given: set[int]) -> None:
    """Found by review: "one hundred and fifty" was read as 1 and 50, so a figure of 50
    passed against a sentence that gives 150."""
    assert numbers_in(sentence, language) == given


def test_a_figure_written_in_words_is_found(tmp_path: Path) -> None:
    folder = baseline(tmp_path)
    # An unsealed language: its sources are compared with the statement as a warning only.
    edit(folder / "exhibit.yaml", "languages: [en]", "languages: [en, ru]")
    edit(
        folder / "figures.yaml",
        "      en: people went missing\n",
        "      en: people went missing\n      ru: пропали без вести\n",
    )
    path = folder / "figures.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "went missing.\n"
    at = text.rindex(marker) + len(marker)
    path.write_text(
        text[:at] + "      ru: Четыре человека пропали без вести.\n" + text[at:], encoding="utf-8"
    )
    found = assert_answered(folder)
    assert errors(found) == [], found
    assert any("ru source of figure 'missing'" in line for line in warnings(found)), found


def test_words_not_in_the_statement_are_listed(tmp_path: Path) -> None:
    folder = baseline(tmp_path)
    edit(folder / "timeline.yaml", "en: Independence restored", "en: Independence bravely won")
    found = warnings(assert_answered(folder))
    assert any(
        line.startswith("timeline.yaml:")
        and "not in the statement" in line
        and "bravely, won" in line
        for line in found
    ), found


def test_inflections_of_the_statements_words_are_not_listed(tmp_path: Path) -> None:
    folder = baseline(tmp_path)
    # martyr (martyrs), restore (restored), nations (nation), honoring (honor)
    edit(folder / "timeline.yaml", "en: Independence restored", "en: Martyr nations honoring")
    found = warnings(assert_answered(folder))
    assert not [line for line in found if "not in the statement" in line], found


def test_shipped_content_has_no_invented_words(tmp_path: Path) -> None:
    found = assert_answered(copy_content(tmp_path))
    assert not [line for line in found if "not in the statement" in line], found


def test_content_messages_are_short(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "exhibit.yaml", "languages: [az, en, ru]", "languages: [az, en, ru, zzz-Latn]")
    edit(folder / "figures.yaml", "value: 150", "value: 1500")
    edit(folder / "timeline.yaml", "en: Independence restored", "en: " + "Splendid " * 30)
    for line in assert_answered(folder):
        assert len(line.split(": ", 2)[2]) < 120, line


def test_the_wrapping_bound_follows_the_largest_text_size() -> None:
    from kiosk.content.legibility import LARGEST_TEXT, longest_word_allowed  # noqa: PLC0415
    from kiosk.ui.theme import TEXT_SCALES  # noqa: PLC0415 - imports Qt

    assert max(TEXT_SCALES) == LARGEST_TEXT
    assert longest_word_allowed(32) == 48 and longest_word_allowed(72) == 21


def test_a_huge_statement_in_another_language_is_compared_within_bounds(tmp_path: Path) -> None:
    """Hostile: a megabyte Russian statement of distinct words and a Russian caption; the
    vocabulary is built from its start only, and the answer still comes."""
    folder = baseline(tmp_path)
    edit(folder / "exhibit.yaml", "languages: [en]", "languages: [en, ru]")
    words = " ".join(f"слово{index}" for index in range(120_000))
    edit(
        folder / "statement.yaml",
        "  - en: >-\n      20 January 1990",
        f"  - ru: {words}\n    en: >-\n      20 January 1990",
    )
    edit(
        folder / "timeline.yaml",
        "      en: Independence restored",
        "      en: Independence restored\n      ru: слово5 победа",
    )
    found = assert_answered(folder)
    assert any("ru title of '1991'" in line and "победа" in line for line in found), found


def test_messages_about_long_ids_stay_short(tmp_path: Path) -> None:
    folder = baseline(tmp_path)
    long_id = "killed-" + "x" * 200
    edit(folder / "figures.yaml", "  - id: killed", f"  - id: {long_id}")
    edit(folder / "figures.yaml", "value: 150", "value: 1500")
    edit(folder / "figures.yaml", "en: civilians killed", "en: civilians slaughtered")
    edit(folder / "timeline.yaml", '  - id: "1991"', f'  - id: "{long_id}"')
    edit(folder / "timeline.yaml", "Azerbaijan in 1991.", "Azerbaijan in 1992.")
    found = assert_answered(folder)
    assert len(found) >= 3, found
    for line in found:
        assert len(line.split(": ", 2)[2]) < 120, line
