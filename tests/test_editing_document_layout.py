"""A file keeps its own layout when saved: its line endings (comment lines included) and its
indentation, so only the edited lines change (review of issue 17)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from content_cases import copy_content
from kiosk.editing.document import ContentDocument


def _indented(data: bytes, step: int) -> bytes:
    """The file written ``step`` spaces in per level: a list's items and their keys move by
    the first level's step, a mapping's keys double (exhibit.yaml has no lists)."""
    if step == 2:
        return data
    lines = data.split(b"\n")
    if b"\n  - " in data:
        return b"\n".join(b"  " + line if line.startswith(b"  ") else line for line in lines)
    return b"\n".join(b" " * (len(line) - len(line.lstrip(b" "))) + line for line in lines)


def _changed(before: bytes, after: bytes) -> list[str]:
    old, new = before.decode("utf-8").splitlines(True), after.decode("utf-8").splitlines(True)
    return [line for line in difflib.ndiff(old, new) if line[:1] in "+-"]


@pytest.mark.parametrize("newline", [b"\n", b"\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("step", [2, 4], ids=["two", "four"])
def test_every_file_keeps_its_layout_through_edits_and_a_new_moment(
    tmp_path: Path, newline: bytes, step: int
) -> None:
    folder = copy_content(tmp_path)
    originals = {}
    for name in ("exhibit.yaml", "timeline.yaml", "figures.yaml", "statement.yaml"):
        path = folder / name
        data = _indented(path.read_bytes(), step)
        data = data.replace(b"\n", newline)
        path.write_bytes(data)
        originals[name] = data
    document = ContentDocument.open(folder)
    document.set(("exhibit.yaml", "title", "en"), "A new title")
    document.set(("timeline.yaml", "moments", 0, "title", "en"), "Changed")
    document.save()
    for name, before in originals.items():
        after = (folder / name).read_bytes()
        assert b"\r\r" not in after
        if name in ("exhibit.yaml", "timeline.yaml"):
            assert len(_changed(before, after)) == 2, (name, _changed(before, after)[:6])
        else:
            assert after == before
    # The saved files read back as the kiosk reads them, with the edits.
    again = ContentDocument.open(folder)
    assert again.get(("timeline.yaml", "moments", 0, "title", "en")) == "Changed"
    assert not [issue for issue in again.read()[1] if issue.severity == "error"]


def test_a_new_moment_in_a_four_space_file_is_written_as_its_others(tmp_path: Path) -> None:
    from kiosk.editing.outline import new_moment  # noqa: PLC0415

    folder = copy_content(tmp_path)
    path = folder / "timeline.yaml"
    before = _indented(path.read_bytes(), 4)
    path.write_bytes(before)
    document = ContentDocument.open(folder)
    moments = ("timeline.yaml", "moments")
    document.insert_item(moments, document.length(moments), new_moment(document))
    document.save()
    changed = _changed(before, path.read_bytes())
    assert all(line.startswith("+") for line in changed), changed  # only the new lines
    assert any(line.startswith("+     - id:") for line in changed), changed


def test_undoing_a_text_edit_after_moves_gives_back_its_folded_lines(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    document = ContentDocument.open(folder)
    before = document.text_of("timeline.yaml")
    moments = ("timeline.yaml", "moments")
    caption = (*moments, 2, "caption", "en")
    original = document.get(caption)
    document.set(caption, "X")
    document.move_item(moments, 2, 3)  # the edited moment moves, and back (undo of the move)
    document.move_item(moments, 3, 2)
    document.insert_item(moments, 0, {"id": "new", "year": 1900})  # and another comes and goes
    document.remove_item(moments, 0)
    document.set(caption, original)  # undo of the text edit
    assert document.text_of("timeline.yaml") == before


def test_a_failed_save_names_the_content_file_not_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno  # noqa: PLC0415

    folder = copy_content(tmp_path)
    document = ContentDocument.open(folder)
    document.set(("timeline.yaml", "moments", 1, "title", "en"), "Independence")

    def full(path: Path, _data: bytes) -> None:
        temporary = path.with_name(f".{path.name}.q1_a2_el")
        raise OSError(errno.ENOSPC, "No space left on device", str(temporary))

    monkeypatch.setattr("kiosk.editing.document.write_atomically", full)
    with pytest.raises(OSError) as raised:
        document.save()
    said = str(raised.value)
    assert said == "timeline.yaml could not be written: No space left on device"
    assert raised.value.errno == errno.ENOSPC and document.dirty


def test_a_list_written_on_one_line_stays_on_one_line(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    before = (folder / "exhibit.yaml").read_bytes()
    assert b"languages: [az, en, ru]\n" in before
    document = ContentDocument.open(folder)
    document.set(("exhibit.yaml", "languages"), ["az", "en"])
    document.save()
    after = (folder / "exhibit.yaml").read_bytes()
    assert _changed(before, after) == ["- languages: [az, en, ru]\n", "+ languages: [az, en]\n"]
