"""The studio's document: round-trip saving that keeps the staff's layout, reading from
memory exactly as `kiosk validate` reads the saved folder, and findings mapped to fields."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
import yaml

from content_cases import build_case, case_names
from kiosk.content.issues import Location
from kiosk.content.loader import FILES
from kiosk.content.source import load_yaml_bytes
from kiosk.content.validate import validate_folder
from kiosk.editing import document as document_module
from kiosk.editing import document_styles
from kiosk.editing.document import Address, ChangedOnDiskError, ContentDocument, NotEditableError
from kiosk.editing.document_styles import dump, needs_quotes, round_trip
from kiosk.editing.outline import new_moment

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"
CAPTION = ("timeline.yaml", "moments", 1, "caption", "en")
MOMENTS = ("timeline.yaml", "moments")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def changed_lines(before: str, after: str) -> list[str]:
    """The diff's changed lines, without its headers and context."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def full_dump(document: ContentDocument, name: str) -> str:
    """The file dumped whole, as ruamel would without the studio's dumping by parts."""
    tree = document.files[name].tree
    assert tree is not None
    return dump(round_trip(), tree)


# --- round trip -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_an_unchanged_bundled_file_is_written_back_byte_for_byte(name: str) -> None:
    document = ContentDocument.open(CONTENT)
    on_disk = (CONTENT / name).read_bytes()
    assert document.text_of(name).encode("utf-8") == on_disk
    assert full_dump(document, name).encode("utf-8") == on_disk
    assert document.texts()[name] == on_disk
    assert not document.dirty


def test_changing_one_caption_changes_only_its_lines(folder: Path) -> None:
    document = ContentDocument.open(folder)
    before = document.text_of("timeline.yaml")
    previous = document.set(
        CAPTION,
        "The sacrifice of the martyrs of 20 January played a fundamental role in restoring "
        "the independence of Azerbaijan.",
    )
    assert isinstance(previous, str)
    assert previous.endswith("the Republic of Azerbaijan.")
    after = document.text_of("timeline.yaml")
    assert changed_lines(before, after) == [
        "-        the independence of the Republic of Azerbaijan.",
        "+        the independence of Azerbaijan.",
    ]
    assert after == full_dump(document, "timeline.yaml")
    assert [document.text_of(name) for name in FILES if name != "timeline.yaml"] == [
        (folder / name).read_text(encoding="utf-8") for name in FILES if name != "timeline.yaml"
    ]


def test_undoing_an_edit_gives_back_the_file_byte_for_byte(folder: Path) -> None:
    document = ContentDocument.open(folder)
    before = document.text_of("timeline.yaml")
    previous = document.set(CAPTION, "A different caption, long enough to be folded in the file.")
    document.set(CAPTION, previous)
    previous_title = document.set(("timeline.yaml", "moments", 1, "title", "en"), None)
    document.set(("timeline.yaml", "moments", 1, "title", "en"), previous_title)
    assert document.text_of("timeline.yaml") == before


def test_reordering_two_moments_moves_their_lines_and_nothing_else(folder: Path) -> None:
    document = ContentDocument.open(folder)
    before = document.text_of("timeline.yaml")
    lines = before.splitlines(keepends=True)
    starts = [n for n, line in enumerate(lines) if line.startswith("  - id:")]
    first, second = starts[0], starts[1]
    document.move_item(MOMENTS, 0, 1)
    expected = lines[:first] + lines[second : starts[2]] + lines[first:second] + lines[starts[2] :]
    assert document.text_of("timeline.yaml") == "".join(expected)
    assert document.get((*MOMENTS, 0, "id")) == "1991"
    # The last moment moved up keeps a blank line after it; the new last has none.
    document.move_item(MOMENTS, 3, 0)
    document.move_item(MOMENTS, 0, 3)
    assert document.text_of("timeline.yaml") == "".join(expected)
    document.move_item(MOMENTS, 1, 0)
    assert document.text_of("timeline.yaml") == before
    assert document.text_of("timeline.yaml") == full_dump(document, "timeline.yaml")


def test_moving_the_last_moment_keeps_the_blank_lines_between_moments(folder: Path) -> None:
    document = ContentDocument.open(folder)
    document.move_item(MOMENTS, 3, 0)
    text = document.text_of("timeline.yaml")
    assert text.count("\n\n  - id:") == 3
    assert text.endswith("operations of 2023.\n") or not text.endswith("\n\n")
    assert text == full_dump(document, "timeline.yaml")


def test_an_emptied_translation_is_removed_not_written_empty(folder: Path) -> None:
    document = ContentDocument.open(folder)
    before = document.text_of("timeline.yaml")
    title_az = ("timeline.yaml", "moments", 1, "title", "az")
    document.set(title_az, "Müstəqillik bərpa olundu")
    assert changed_lines(before, document.text_of("timeline.yaml")) == [
        "+      az: Müstəqillik bərpa olundu"
    ]
    assert document.set(title_az, "") == "Müstəqillik bərpa olundu"
    assert document.get(title_az) is None
    assert document.text_of("timeline.yaml") == before
    document.set(title_az, "   ")
    assert document.text_of("timeline.yaml") == before


def test_removing_the_last_text_of_a_moment_keeps_the_blank_line_after_it(folder: Path) -> None:
    document = ContentDocument.open(folder)
    before = document.text_of("timeline.yaml")
    source = ("timeline.yaml", "moments", 0, "source", "en")
    previous = document.set(source, None)
    after = document.text_of("timeline.yaml")
    assert '\n\n  - id: "1991"' in after
    assert [line for line in changed_lines(before, after) if line[0] == "+"] == []
    document.set(source, previous)
    assert document.text_of("timeline.yaml") == before


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Independence restored", "Independence restored"),
        ("yes", '"yes"'),
        ("No", '"No"'),
        ("1991", '"1991"'),
        ("2026-01-20", '"2026-01-20"'),
        ("1:20", '"1:20"'),
        ("Baku: 20 January", '"Baku: 20 January"'),
        ("#14110F", '"#14110F"'),
        ("- a list?", '"- a list?"'),
        ("a # not a comment", '"a # not a comment"'),
        ("'quoted'", "\"'quoted'\""),
        ("Ağ şəhər", "Ağ şəhər"),
    ],
)
def test_a_new_text_is_plain_when_safe_and_quoted_when_yaml_would_misread_it(
    folder: Path, text: str, written: str
) -> None:
    document = ContentDocument.open(folder)
    document.set(("timeline.yaml", "moments", 1, "title", "ru"), text)
    saved = document.text_of("timeline.yaml")
    assert f"      ru: {written}\n" in saved
    assert needs_quotes(text) == (written != text)
    # Every YAML reader gets the text back: the kiosk's own, and PyYAML's YAML 1.1 one.
    reopened = yaml.safe_load(saved)
    assert reopened["moments"][1]["title"]["ru"] == text


def test_a_long_new_text_is_folded_within_the_files_width(folder: Path) -> None:
    document = ContentDocument.open(folder)
    text = " ".join(["Words of a long translated caption,"] * 12) + " ended."
    document.set(("timeline.yaml", "moments", 1, "caption", "ru"), text)
    saved = document.text_of("timeline.yaml")
    lines = saved.splitlines()
    at = lines.index("      ru: >-")
    body = lines[at + 1 : at + 7]
    assert all(line.startswith("        ") for line in body)
    assert max(len(line) for line in lines) <= document_styles.FOLD_WIDTH
    assert yaml.safe_load(saved)["moments"][1]["caption"]["ru"] == text
    assert document.get(("timeline.yaml", "moments", 1, "caption", "ru")) == text


def test_a_folded_text_stays_folded_when_it_becomes_short(folder: Path) -> None:
    document = ContentDocument.open(folder)
    document.set(CAPTION, "Short.")
    assert "    caption:\n      en: >-\n        Short.\n" in document.text_of("timeline.yaml")


def test_windows_line_endings_and_a_byte_order_mark_are_kept(folder: Path) -> None:
    path = folder / "figures.yaml"
    data = b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(data)
    document = ContentDocument.open(folder)
    assert document.texts()["figures.yaml"] == data
    document.set(("figures.yaml", "figures", 0, "label", "en"), "civilians were killed")
    document.save()
    saved = path.read_bytes()
    assert saved.startswith(b"\xef\xbb\xbf")
    assert saved.count(b"\n") == saved.count(b"\r\n") == data.count(b"\r\n")


# --- lists --------------------------------------------------------------------------------------


def test_a_new_moment_is_added_with_a_blank_line_like_the_others(folder: Path) -> None:
    document = ContentDocument.open(folder)
    before = document.text_of("timeline.yaml")
    document.insert_item(MOMENTS, 4, new_moment(document))
    after = document.text_of("timeline.yaml")
    assert after.startswith(before[:-1] + '\n\n  - id: "2024"\n    year: 2024\n')
    assert after == full_dump(document, "timeline.yaml")
    removed = document.remove_item(MOMENTS, 4)
    assert removed["id"] == "2024"
    assert document.text_of("timeline.yaml") == before
    document.insert_item(MOMENTS, 0, new_moment(document))
    assert document.text_of("timeline.yaml").count("\n\n  - id:") == 4
    assert document.length(MOMENTS) == 5


def test_dumping_by_parts_gives_the_whole_dump_after_many_edits(folder: Path) -> None:
    document = ContentDocument.open(folder)
    for step in range(12):
        index = step % document.length(MOMENTS)
        document.set((*MOMENTS, index, "caption", "az"), f"Başlıq {step}")
        if step % 3 == 0:
            document.move_item(MOMENTS, index, (index + 2) % document.length(MOMENTS))
        if step % 5 == 0:
            document.insert_item(MOMENTS, index, new_moment(document))
        if step % 7 == 0:
            document.remove_item(MOMENTS, 0)
        document.set(("timeline.yaml", "schema_version"), 1)
        assert document.text_of("timeline.yaml") == full_dump(document, "timeline.yaml")


# --- unreadable files ---------------------------------------------------------------------------


def test_a_file_yaml_cannot_read_is_read_only_and_never_rewritten(folder: Path) -> None:
    broken = (folder / "timeline.yaml").read_bytes().replace(b'  - id: "1991"', b'  - id: "1991')
    (folder / "timeline.yaml").write_bytes(broken)
    document = ContentDocument.open(folder)
    timeline = document.files["timeline.yaml"]
    assert not timeline.readable
    assert [str(issue) for issue in timeline.problems] == [
        str(issue) for issue in validate_folder(folder) if issue.location.path == "timeline.yaml"
    ]
    assert timeline.problems[0].location.line > 1
    assert document.texts()["timeline.yaml"] == broken
    assert document.length(MOMENTS) == 0
    with pytest.raises(NotEditableError):
        document.set(CAPTION, "anything")
    with pytest.raises(NotEditableError):
        document.move_item(MOMENTS, 0, 1)
    document.set(("figures.yaml", "figures", 0, "label", "az"), "öldürülən mülki şəxslər")
    assert document.save() == [folder / "figures.yaml"]
    assert (folder / "timeline.yaml").read_bytes() == broken
    exhibit, issues = document.read()
    assert exhibit is None
    assert issues == validate_folder(folder)


def test_a_file_with_spec_errors_is_still_editable(folder: Path) -> None:
    path = folder / "timeline.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("year: 1991", "year: soon"), encoding="utf-8"
    )
    document = ContentDocument.open(folder)
    assert document.files["timeline.yaml"].readable
    _, issues = document.read()
    assert any("expected a whole number" in issue.message for issue in issues)
    document.set(("timeline.yaml", "moments", 1, "year"), 1991)
    exhibit, issues = document.read()
    assert exhibit is not None
    assert "year: 1991\n" in document.text_of("timeline.yaml")


def test_a_missing_file_is_reported_and_the_others_stay_editable(folder: Path) -> None:
    (folder / "figures.yaml").unlink()
    document = ContentDocument.open(folder)
    assert not document.files["figures.yaml"].readable
    assert "figures.yaml" not in document.texts()
    assert document.read()[1] == validate_folder(folder)
    document.set(CAPTION, "Changed.")
    assert document.save() == [folder / "timeline.yaml"]
    assert not (folder / "figures.yaml").exists()


# --- reading as kiosk validate --------------------------------------------------------------


def test_reading_from_memory_finds_what_validate_finds_on_disk(folder: Path) -> None:
    exhibit, issues = ContentDocument.open(CONTENT).read()
    assert exhibit is not None
    assert issues == validate_folder(CONTENT)
    document = ContentDocument.open(folder)
    document.set(("timeline.yaml", "moments", 2, "year"), 1980)
    document.set(("timeline.yaml", "moments", 0, "title", "xx"), "unknown language")
    document.set(("exhibit.yaml", "theme", "colours", "muted"), "#333333")
    in_memory = document.read()[1]
    assert validate_folder(folder) != in_memory  # nothing was saved yet
    written = document.save()
    assert sorted(written) == sorted([folder / "timeline.yaml", folder / "exhibit.yaml"])
    assert in_memory == validate_folder(folder)
    assert not document.dirty
    assert document.save() == []


# ruamel keeps no record of a text written on the line after its key; this file has one
# (a mistake the validator reports), and it moves up beside its key once the file is saved.
REFLOWED = {("edit-no-space-after-language", "timeline.yaml")}


@pytest.mark.parametrize("name", case_names())
def test_every_broken_fixture_reads_as_validate_reads_it(tmp_path: Path, name: str) -> None:
    folder = build_case(name, tmp_path)
    document = ContentDocument.open(folder)
    assert document.read()[1] == validate_folder(folder)
    for file in document.files.values():
        if not file.readable:
            assert file.problems
            assert document.texts()[file.name] == file.path.read_bytes()
        elif (name, file.name) not in REFLOWED:
            disk = file.path.read_bytes().decode("utf-8-sig")
            assert document.text_of(file.name) == disk, file.name
    if document.files["timeline.yaml"].readable and document.length(MOMENTS) > 1:
        # The moments not changed keep their lines; the whole is what ruamel would dump.
        try:
            document.set((*MOMENTS, 1, "caption", "az"), "Başlıq")
        except NotEditableError:  # this case's caption is one text, not one per language
            assert isinstance(document.get((*MOMENTS, 1, "caption")), str)
        if (name, "timeline.yaml") not in REFLOWED:
            assert document.text_of("timeline.yaml") == full_dump(document, "timeline.yaml")


def test_invisible_characters_stay_escapes_and_new_ones_are_escaped(tmp_path: Path) -> None:
    folder = build_case("text-bidi-control", tmp_path)
    document = ContentDocument.open(folder)
    assert '"STATE\\u202EMENT"' in document.text_of("statement.yaml")
    document.set(("statement.yaml", "issuer", "az"), "Xarici\u200fİşlər")
    document.save()
    saved = (folder / "statement.yaml").read_text(encoding="utf-8")
    assert '"STATE\\u202EMENT"' in saved
    assert 'az: "Xarici\\u200Fİşlər"' in saved
    assert "\u202e" not in saved and "\u200f" not in saved
    assert yaml.safe_load(saved)["issuer"]["az"] == "Xarici\u200fİşlər"


# --- places ---------------------------------------------------------------------------------


def test_a_finding_leads_to_its_field_and_back(folder: Path) -> None:
    document = ContentDocument.open(folder)
    document.set(("timeline.yaml", "moments", 1, "title", "xx"), "a language not offered")
    document.set(("timeline.yaml", "moments", 2, "title"), None)
    document.set(("figures.yaml", "figures", 0, "value"), "many")
    _, issues = document.read()
    found = {issue.message.split(";")[0]: issue.location for issue in issues}
    unknown = next(where for message, where in found.items() if "'xx'" in message)
    missing = found["missing key 'title'"]
    number = next(where for message, where in found.items() if "whole number" in message)
    assert document.address_at(unknown) == ("timeline.yaml", "moments", 1, "title", "xx")
    assert document.address_at(missing) == ("timeline.yaml", "moments", 2)
    assert document.address_at(number) == ("figures.yaml", "figures", 0, "value")
    assert document.location_of(("figures.yaml", "figures", 0, "value")) == number
    assert document.location_of(("timeline.yaml", "moments", 2)) == missing
    caption = document.location_of(CAPTION)
    assert caption is not None
    line = document.text_of("timeline.yaml").splitlines()[caption.line - 1]
    assert line[caption.column - 1 :].startswith(">-")
    assert document.address_at(caption) == CAPTION
    assert document.location_of(("timeline.yaml", "moments", 1, "title", "de")) is None
    assert document.address_at(Location("nowhere.yaml", 1, 1)) is None


def test_a_place_inside_a_text_leads_to_that_text(folder: Path) -> None:
    document = ContentDocument.open(folder)
    caption = document.location_of(CAPTION)
    assert caption is not None
    inside = Location("timeline.yaml", caption.line + 1, 12)
    assert document.address_at(inside) == CAPTION


def test_places_follow_edits(folder: Path) -> None:
    document = ContentDocument.open(folder)
    before = document.location_of((*MOMENTS, 2, "year"))
    document.set((*MOMENTS, 0, "title", "az"), "Faciə")
    after = document.location_of((*MOMENTS, 2, "year"))
    assert before is not None and after is not None
    assert after.line == before.line + 1
    tree = load_yaml_bytes(document.texts()["timeline.yaml"], "timeline.yaml")
    assert tree is not None


def test_an_edit_of_a_missing_address_is_refused(folder: Path) -> None:
    document = ContentDocument.open(folder)
    with pytest.raises(NotEditableError):
        document.set(("timeline.yaml", "moments", 9, "year"), 2000)
    with pytest.raises(NotEditableError):
        document.set(("nothing.yaml", "key"), 1)
    assert document.set(("timeline.yaml", "moments", 1, "nothing", "en"), None) is None
    assert not document.dirty
    document.set(("exhibit.yaml", "idle", "later", "seconds"), 5)
    assert document.get(("exhibit.yaml", "idle", "later")) == {"seconds": 5}


def test_a_keystroke_in_a_long_timeline_dumps_only_its_moment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With hundreds of moments, a caption's change dumps that moment alone: the work of a
    keystroke does not grow with the moments around it (bench: 1,000 moments)."""
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    from exhibit_gen import generate  # noqa: PLC0415 - the benchmarks' own generator

    folder = tmp_path / "large"
    generate(folder, 600, 0)
    document = ContentDocument.open(folder)
    caption = (*MOMENTS, 300, "caption", "en")
    document.set(caption, "A first change.")
    document.text_of("timeline.yaml")
    dumped: list[int] = []
    real_dump = dump

    def counting(yaml_: object, tree: object) -> str:
        items = tree.get("moments") if isinstance(tree, dict) else None
        dumped.append(len(items) if isinstance(items, list) else -1)
        return real_dump(yaml_, tree)  # type: ignore[arg-type]

    monkeypatch.setattr(document_module, "dump", counting)
    for text in ("A", "A s", "A second change."):
        document.set(caption, text)
        assert document.get(caption) == text
        assert document.text_of("timeline.yaml").count("A second change.") <= 1
    exhibit, _ = document.read()
    assert dumped == [1, 1, 1]
    assert exhibit is not None and exhibit.timeline[300].caption.values["en"] == text
    monkeypatch.undo()
    assert document.text_of("timeline.yaml") == full_dump(document, "timeline.yaml")


def test_saving_over_a_file_changed_on_disk_is_refused_until_asked(folder: Path) -> None:
    """Nothing staff made is lost: an edit made in another editor since the studio opened
    the folder is not overwritten without being asked."""
    document = ContentDocument.open(folder)
    document.set(CAPTION, "Changed in the studio.")
    document.set(("figures.yaml", "figures", 0, "label", "az"), "öldürülən mülki şəxslər")
    path = folder / "timeline.yaml"
    elsewhere = path.read_text(encoding="utf-8") + "# added in another editor\n"
    path.write_text(elsewhere, encoding="utf-8")
    figures = (folder / "figures.yaml").read_bytes()
    with pytest.raises(ChangedOnDiskError) as refused:
        document.save()
    assert isinstance(refused.value, OSError)
    assert refused.value.paths == [path]
    assert "timeline.yaml" in str(refused.value)
    assert path.read_text(encoding="utf-8") == elsewhere
    assert (folder / "figures.yaml").read_bytes() == figures  # nothing written
    assert document.dirty
    assert document.save(overwrite=True) == [path, folder / "figures.yaml"]
    assert "Changed in the studio." in path.read_text(encoding="utf-8")
    path.unlink()  # gone from disk: nothing of the staff's is overwritten by writing it
    document.set(CAPTION, "Again.")
    assert document.save() == [path]


def test_a_place_before_any_value_leads_to_its_file(folder: Path) -> None:
    document = ContentDocument.open(folder)
    assert document.address_at(Location("exhibit.yaml", 1, 1)) == ("exhibit.yaml",)
    assert document.address_at(Location("statement.yaml")) == ("statement.yaml",)


def test_recovered_texts_stand_in_for_the_files_and_are_saved(folder: Path) -> None:
    """A recovery copy opened over the folder: its texts are the document's (unsaved), the
    files on disk stay what a later save compares against."""
    before = ContentDocument.open(folder)
    before.move_item(MOMENTS, 0, 1)
    before.set(CAPTION, "Recovered caption.")
    recovered = {"timeline.yaml": before.texts()["timeline.yaml"]}
    recovered["figures.yaml"] = (folder / "figures.yaml").read_bytes()  # unchanged
    document = ContentDocument.open(folder, recovered=recovered)
    assert document.files["timeline.yaml"].dirty
    assert not document.files["figures.yaml"].dirty
    assert document.text_of("timeline.yaml") == before.text_of("timeline.yaml")
    document.set((*MOMENTS, 3, "title", "az"), "Antiterror əməliyyatları")
    assert document.text_of("timeline.yaml") == full_dump(document, "timeline.yaml")
    assert document.save() == [folder / "timeline.yaml"]
    assert "Recovered caption." in (folder / "timeline.yaml").read_text(encoding="utf-8")


def test_undoing_a_removal_gives_back_the_moment_byte_for_byte(folder: Path) -> None:
    document = ContentDocument.open(folder)
    before = document.text_of("timeline.yaml")
    removed = document.remove_item(MOMENTS, 1)
    document.insert_item(MOMENTS, 1, removed)
    assert document.text_of("timeline.yaml") == before
    last = document.remove_item(MOMENTS, 3)
    document.insert_item(MOMENTS, 3, dict(last))  # a copy of it is just as good
    assert document.text_of("timeline.yaml") == before


def test_removing_a_first_key_keeps_the_comment_on_the_key_after_it(folder: Path) -> None:
    document = ContentDocument.open(folder)
    before = document.text_of("exhibit.yaml")
    previous = document.set(("exhibit.yaml", "idle", "timeout_seconds"), None)
    after = document.text_of("exhibit.yaml")
    assert changed_lines(before, after) == ["-  timeout_seconds: 90"]
    assert "  # The countdown before returning to the start" in after
    document.set(("exhibit.yaml", "idle", "timeout_seconds"), previous)
    assert document.text_of("exhibit.yaml").count("# The countdown before") == 1
    assert document.read()[1] == validate_folder(folder)


@pytest.mark.parametrize(
    "address",
    [
        ("statement.yaml", "seal", "en"),  # its comment goes after the last paragraph
        ("statement.yaml", "paragraphs", 7, "en"),  # the comment after it, to the one before
        ("statement.yaml", "schema_version"),
        ("timeline.yaml", "moments", 3, "source", "en"),
    ],
)
def test_lines_moved_into_another_item_are_written(folder: Path, address: Address) -> None:
    """A removal can move the comment after one item onto another (the item before, or the
    list's last from outside it): that item is written anew too, and no comment is lost."""
    document = ContentDocument.open(folder)
    name = str(address[0])
    before = document.text_of(name)
    document.set(address, None)
    after = document.text_of(name)
    assert after == full_dump(document, name)
    comments = [line.strip() for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments == [
        line.strip() for line in after.splitlines() if line.lstrip().startswith("#")
    ]


def leaf_addresses(value: object, address: Address) -> list[Address]:
    if isinstance(value, dict):
        return [a for key, child in value.items() for a in leaf_addresses(child, (*address, key))]
    if isinstance(value, list):
        return [a for n, child in enumerate(value) for a in leaf_addresses(child, (*address, n))]
    return [address]


@pytest.mark.parametrize("name", FILES)
def test_removing_any_value_loses_no_comment_and_undo_gives_the_file_back(name: str) -> None:
    """Every value of the bundled files, emptied and then set back as undo does: no comment
    is lost on the way, and the file comes back byte for byte."""
    opened = ContentDocument.open(CONTENT)
    original = opened.text_of(name)
    comments = sorted(line.strip() for line in original.splitlines() if line.strip()[:1] == "#")
    for address in leaf_addresses(opened.get((name,)), (name,)):
        if isinstance(address[-1], int):
            continue  # a list's own items are removed with remove_item
        document = ContentDocument.open(CONTENT)
        previous = document.set(address, None)
        emptied = document.text_of(name)
        kept = sorted(line.strip() for line in emptied.splitlines() if line.strip()[:1] == "#")
        assert kept == comments, address
        assert emptied == full_dump(document, name), address
        document.set(address, previous)
        assert document.text_of(name) == original, address
