"""The statement's words are sealed: typography may change, words may not, and only
`kiosk statement seal` changes the sealed words (issue 13)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from content_cases import copy_content, edit
from hostile import assert_answered, errors
from kiosk.content.seal import read_sealed_words
from kiosk.content.validate import validate_folder
from kiosk.content.words import normalise

SHARED_SEED = REPO.parent / "shared" / "seed" / "statement.md"
# Paragraph 2 ("36 years ago ... 150 civilians ...") starts here in the shipped statement.
PARAGRAPH_2 = "statement.yaml:19:5"


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def messages(folder: Path) -> list[str]:
    return [str(issue) for issue in validate_folder(folder)]


def test_a_changed_number_in_the_statement_is_an_error_showing_the_words(
    tmp_path: Path,
) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "statement.yaml", "150 civilians", "1500 civilians")
    found = errors(assert_answered(folder))
    changed = [line for line in found if line.startswith(PARAGRAPH_2)]
    assert changed, found
    assert "'150'" in changed[0] and "'1500'" in changed[0]
    assert "paragraph 2" in changed[0]


def test_a_paragraph_replaced_by_an_advertisement_is_an_error(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    path = folder / "statement.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - en: >-\n      The tragedy of 20 January")
    end = text.index("  - en: >-\n      However,")
    advert = "  - en: >-\n      Visit our gift shop: memorial mugs, two for the price of one!\n"
    path.write_text(text[:start] + advert + text[end:], encoding="utf-8")
    found = errors(assert_answered(folder))
    paragraph = [line for line in found if line.startswith("statement.yaml:23:5: ")]
    assert paragraph and "paragraph 3" in paragraph[0], found
    assert "gift" in paragraph[0]


def test_typography_may_change_but_not_words(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    path = folder / "statement.yaml"
    edit(path, "20 January - National Mourning Day", "20\u00a0January \u2014 National Mourning Day")
    edit(path, "Commander-in-Chief", "Commander\u2011in\u2011Chief")
    # The same words wrapped at other places and with curly quotes where none were.
    edit(
        path,
        "      20 January 1990, constitutes one of the most tragic, yet dignified and proud "
        "pages in\n      the modern history",
        "      20 January 1990, constitutes one of the most\n"
        "      tragic, yet dignified and proud pages in the modern history",
    )
    assert errors(messages(folder)) == []


def test_the_shipped_statement_is_sealed_and_validates(tmp_path: Path) -> None:
    text = (REPO / "content" / "statement.yaml").read_text(encoding="utf-8")
    assert re.search(r"^seal:\n  en: [0-9a-f]{64}$", text, re.MULTILINE)
    assert (REPO / "content" / "statement.seal").is_file()
    assert errors(messages(copy_content(tmp_path))) == []


def test_the_seal_holds_the_words_of_the_issued_statement() -> None:
    if not SHARED_SEED.is_file():
        pytest.skip(f"{SHARED_SEED} is not present here")
    blocks = [b.strip() for b in SHARED_SEED.read_text(encoding="utf-8").split("\n\n")]
    blocks = [re.sub(r"^#+\s*", "", b).replace("**", "").strip() for b in blocks if b]
    heading, subtitle, date, *paragraphs = blocks
    sealed = read_sealed_words(REPO / "content" / "statement.seal")["en"]
    assert sealed["heading"] == normalise(heading)
    assert sealed["subtitle"] == normalise(subtitle)
    assert sealed["date_text"] == normalise(date)
    assert sealed["paragraphs"] == [normalise(p) for p in paragraphs]


def test_statement_seal_reseals_a_deliberate_change_and_keeps_comments(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    path = folder / "statement.yaml"
    edit(path, "150 civilians", "1500 civilians")
    before = path.read_text(encoding="utf-8")
    result = kiosk("statement", "seal", str(folder))
    assert result.returncode == 0, result.stderr
    assert "paragraph 2" in result.stdout and "'150' became '1500'" in result.stdout
    after = path.read_text(encoding="utf-8")
    changed = [
        (old, new)
        for old, new in zip(before.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    assert len(changed) == 1 and changed[0][0].startswith("  en: ")  # only the seal line
    assert after.startswith("# yaml-language-server:")
    # The statement itself now validates; the figure still quotes the old words.
    assert not [line for line in errors(messages(folder)) if "paragraph" in line]
    again = kiosk("statement", "seal", str(folder))
    assert again.returncode == 0 and "no change" in again.stdout


def test_sealing_a_new_language_marks_it_issued(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    path = folder / "statement.yaml"
    edit(path, "  en: STATEMENT\n", "  en: STATEMENT\n  ru: ЗАЯВЛЕНИЕ\n")
    result = kiosk("statement", "seal", str(folder), "--language", "ru")
    assert result.returncode == 0, result.stderr
    assert re.search(r"^  ru: [0-9a-f]{64}$", path.read_text(encoding="utf-8"), re.MULTILINE)
    edit(path, "  ru: ЗАЯВЛЕНИЕ\n", "  ru: ОБЪЯВЛЕНИЕ\n")
    found = errors(messages(folder))
    assert any("'ЗАЯВЛЕНИЕ' became 'ОБЪЯВЛЕНИЕ'" in line for line in found), found


def test_the_sealed_words_file_cannot_be_changed_to_agree(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "statement.yaml", "150 civilians", "1500 civilians")
    edit(folder / "statement.seal", "150 civilians", "1500 civilians")
    found = errors(assert_answered(folder))
    assert any("statement.seal" in line and "does not match" in line for line in found), found


def test_a_missing_sealed_words_file_is_an_error(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    (folder / "statement.seal").unlink()
    edit(folder / "statement.yaml", "150 civilians", "1500 civilians")
    found = errors(assert_answered(folder))
    assert any("statement.seal" in line for line in found), found


def test_a_sealed_languages_sources_must_quote_the_statement(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "timeline.yaml", "Azerbaijan in 1991.", "Azerbaijan in 1992.")
    found = assert_answered(folder)
    assert any(": error: " in line and "source of moment '1991'" in line for line in found), found


def test_seal_messages_are_short(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    path = folder / "statement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("the ", "a "), encoding="utf-8")
    for line in assert_answered(folder):
        message = line.split(": ", 2)[2]
        assert len(message) < 120, line


def test_sealing_a_statement_with_errors_changes_nothing(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    path = folder / "statement.yaml"
    edit(path, 'date: "2026-01-20"', "date: someday")
    edit(path, "150 civilians", "1500 civilians")
    before = {name: (folder / name).read_bytes() for name in ("statement.yaml", "statement.seal")}
    result = kiosk("statement", "seal", str(folder))
    assert result.returncode == 1
    assert "statement.yaml:12:7: error: expected a date like 2026-01-20" in result.stderr
    assert "Traceback" not in result.stderr
    assert {name: (folder / name).read_bytes() for name in before} == before


def test_sealing_keeps_windows_line_endings(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    path = folder / "statement.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n").replace(b"150 c", b"151 c"))
    assert kiosk("statement", "seal", str(folder)).returncode == 0
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")
    assert errors(messages(folder)) == [
        line for line in errors(messages(folder)) if line.startswith("figures.yaml")
    ]


def test_a_damaged_sealed_words_file_is_named_with_its_line(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "statement.seal", "paragraph 3: ", "paragraph three ")
    edit(folder / "statement.yaml", "150 civilians", "1500 civilians")
    found = errors(assert_answered(folder))
    assert (
        "statement.seal:11:1: error: statement.seal is damaged at this line; restore it or run "
        "kiosk statement seal" in found
    ), found
    assert any("cannot show which" in line for line in found), found


def test_unsealing_and_sealing_again_gives_the_same_file(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    path = folder / "statement.yaml"
    shipped = path.read_bytes()
    assert kiosk("statement", "seal", str(folder), "--unseal", "en").returncode == 0
    assert b"seal" not in path.read_bytes().split(b"20 January.\n")[-1]
    assert not (folder / "statement.seal").exists()
    assert kiosk("statement", "seal", str(folder)).returncode == 0
    assert path.read_bytes() == shipped
