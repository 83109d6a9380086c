"""The studio's seal (issue 17): the changed sealed words as `kiosk validate` words them, and
sealing again only the languages sealed already, after the staff confirm."""

from __future__ import annotations

from pathlib import Path

import pytest

from content_cases import copy_content, edit
from kiosk.content.seal import SEAL_FILE, read_sealed_words
from kiosk.content.validate import validate_folder
from kiosk.editing.reseal import ResealError, reseal, seal_changes


class SavedTexts:
    """The files as saved: what seal_changes reads of a document, for the no-edit cases."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def text_of(self, name: str) -> str:
        return (self.folder / name).read_text(encoding="utf-8")


def errors(folder: Path) -> list[str]:
    return [str(issue) for issue in validate_folder(folder) if issue.severity == "error"]


def test_nothing_changed_means_no_changes(tmp_path: Path) -> None:
    assert seal_changes(SavedTexts(copy_content(tmp_path))) == []


def test_typography_is_not_a_change(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "statement.yaml", "20 January - National", "20 January \u2014 National")
    edit(folder / "statement.yaml", "150 civilians\n      were", "150   civilians were")
    assert seal_changes(SavedTexts(folder)) == []


def test_a_changed_number_is_listed_as_validate_words_it(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "statement.yaml", "150 civilians", "1500 civilians")
    changed = seal_changes(SavedTexts(folder))
    assert changed == ["paragraph 2 is not the sealed en text: '150' became '1500'"]
    # the same words kiosk validate reports
    assert any(changed[0] in line for line in errors(folder))


def test_a_missing_seal_file_still_reports_a_change(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "statement.yaml", "150 civilians", "1500 civilians")
    (folder / SEAL_FILE).unlink()
    assert seal_changes(SavedTexts(folder)) == [
        "the en words differ from the seal; statement.seal cannot show which"
    ]


def test_an_unsealed_statement_has_no_changes(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    path = folder / "statement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("# The words of each issued")], encoding="utf-8")
    assert seal_changes(SavedTexts(folder)) == []
    with pytest.raises(ResealError, match="no seal"):
        reseal(folder)
    assert not errors(folder)


def test_reseal_makes_validate_clean_and_keeps_comments(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "statement.yaml", "We once again declare", "We again declare")
    assert seal_changes(SavedTexts(folder)) == [
        "paragraph 8 is not the sealed en text: 'once' removed"
    ]
    assert errors(folder)
    before = (folder / "statement.yaml").read_text(encoding="utf-8")
    written = reseal(folder)
    assert sorted(path.name for path in written) == ["statement.seal", "statement.yaml"]
    assert errors(folder) == []
    assert seal_changes(SavedTexts(folder)) == []
    after = (folder / "statement.yaml").read_text(encoding="utf-8")
    changed = [
        (old, new)
        for old, new in zip(before.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    assert len(changed) == 1 and changed[0][1].startswith("  en: ")  # only the seal line
    assert "We again declare" in str(read_sealed_words(folder / SEAL_FILE)["en"]["paragraphs"])


def test_after_reseal_only_the_quotations_of_the_old_number_remain(tmp_path: Path) -> None:
    """The seal findings go; the figure and moment still quoting '150 civilians' are their
    own findings, which the staff then see and fix."""
    folder = copy_content(tmp_path)
    edit(folder / "statement.yaml", "150 civilians", "1500 civilians")
    assert any("sealed" in line for line in errors(folder))
    reseal(folder)
    left = errors(folder)
    assert left and not any("seal" in line for line in left)
    assert all(line.startswith("figures.yaml") for line in left), left


def test_reseal_with_nothing_changed_writes_nothing(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    assert reseal(folder) == []


def test_reseal_refuses_a_broken_statement_and_writes_nothing(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "statement.yaml", "heading:\n  en: STATEMENT", "heading:\n  en: [STATEMENT")
    seal_before = (folder / SEAL_FILE).read_bytes()
    with pytest.raises(ResealError):
        reseal(folder)
    assert (folder / SEAL_FILE).read_bytes() == seal_before
