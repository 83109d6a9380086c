"""Recovery copies: unsaved texts kept outside the content folder, offered again only when
they differ from the files on disk, whole or absent, bounded, and removed on request."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from kiosk.content.source import MAX_FILE_BYTES
from kiosk.editing.recovery import (
    discard_recovery,
    find_recovery,
    recovery_path,
    write_recovery,
)
from kiosk.paths import data_dir


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    (content / "timeline.yaml").write_bytes(b"# the staff's comment\nmoments: []\n")
    (content / "exhibit.yaml").write_bytes(b"title: {en: Memorial}\n")
    return content


def test_a_changed_text_is_kept_outside_the_folder_and_found_again(folder: Path) -> None:
    before = sorted(folder.iterdir())
    texts = {
        "timeline.yaml": "# the staff's comment\nmoments: [] # Şəhidlər\n".encode(),
        "exhibit.yaml": (folder / "exhibit.yaml").read_bytes(),
    }
    path = write_recovery(folder, texts)
    assert path == recovery_path(folder)
    assert path.is_relative_to(data_dir())
    assert not path.resolve().is_relative_to(folder.resolve())
    assert sorted(folder.iterdir()) == before  # nothing written into the content folder
    assert find_recovery(folder) == texts
    # The same folder named another way (relative, with ..) is the same folder.
    assert find_recovery(folder / ".." / folder.name) == texts
    assert [entry.name for entry in path.parent.iterdir()] == [path.name]  # no temporary

    discard_recovery(folder)
    assert find_recovery(folder) is None
    assert not path.exists()
    discard_recovery(folder)  # twice is harmless


def test_a_copy_equal_to_the_files_on_disk_is_not_offered(folder: Path) -> None:
    write_recovery(folder, {"timeline.yaml": (folder / "timeline.yaml").read_bytes()})
    assert find_recovery(folder) is None
    (folder / "timeline.yaml").unlink()  # the file went: the copy is what is left of it
    assert find_recovery(folder) == {"timeline.yaml": b"# the staff's comment\nmoments: []\n"}


def test_bytes_that_are_not_utf8_come_back_unchanged(folder: Path) -> None:
    texts = {"figures.yaml": b"figures:\n  - \xff\xfe broken \x00\n"}
    write_recovery(folder, texts)
    assert find_recovery(folder) == texts


def test_each_folder_has_its_own_copy(folder: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    write_recovery(folder, {"timeline.yaml": b"one\n"})
    write_recovery(other, {"timeline.yaml": b"two\n"})
    assert recovery_path(folder) != recovery_path(other)
    assert find_recovery(folder) == {"timeline.yaml": b"one\n"}
    assert find_recovery(other) == {"timeline.yaml": b"two\n"}
    discard_recovery(folder)
    discard_recovery(other)


def test_a_replaced_copy_is_whole(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_recovery(folder, {"timeline.yaml": b"first\n"})

    def power_cut(*_args: object) -> None:
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as patch, pytest.raises(OSError, match="Input/output"):
        patch.setattr(os, "fsync", power_cut)
        write_recovery(folder, {"timeline.yaml": b"second\n"})
    assert find_recovery(folder) == {"timeline.yaml": b"first\n"}
    assert [entry.name for entry in recovery_path(folder).parent.iterdir()] == [
        recovery_path(folder).name
    ]
    discard_recovery(folder)


def test_too_large_or_oddly_named_texts_are_left_out(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    huge = b"#" * (MAX_FILE_BYTES + 1)
    with caplog.at_level(logging.WARNING, logger="kiosk.editing.recovery"):
        write_recovery(
            folder, {"timeline.yaml": b"kept\n", "statement.yaml": huge, "../escape": b"x"}
        )
    assert find_recovery(folder) == {"timeline.yaml": b"kept\n"}
    assert "statement.yaml" in caplog.text
    assert "../escape" in caplog.text
    discard_recovery(folder)


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"folder": 1, "files": []}',
        b"[" * 100_000,
        b"\xff\xfe",
    ],
    ids=["empty", "broken", "list", "wrong-types", "deep", "not-utf8"],
)
def test_a_damaged_copy_is_ignored_and_left_for_a_person(
    folder: Path, damage: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path = recovery_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(damage)
    with caplog.at_level(logging.WARNING, logger="kiosk.editing.recovery"):
        assert find_recovery(folder) is None
    assert "ignored" in caplog.text
    assert path.read_bytes() == damage
    discard_recovery(folder)


def test_a_copy_naming_an_escaping_file_is_refused(folder: Path) -> None:
    path = recovery_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    record = f'{{"folder": "{folder.resolve()}", "files": {{"../x.yaml": {{"text": "a"}}}}}}'
    path.write_text(record, encoding="utf-8")
    assert find_recovery(folder) is None
    discard_recovery(folder)


def test_a_pipe_in_place_of_a_file_never_hangs_the_studio(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = recovery_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    with caplog.at_level(logging.WARNING, logger="kiosk.editing.recovery"):
        assert find_recovery(folder) is None
    assert "not a regular file" in caplog.text
    path.unlink()

    # A content file that became a pipe: the recovered text is what is left of it.
    write_recovery(folder, {"timeline.yaml": b"moments: []\n"})
    (folder / "timeline.yaml").unlink()
    os.mkfifo(folder / "timeline.yaml")
    assert find_recovery(folder) == {"timeline.yaml": b"moments: []\n"}
    discard_recovery(folder)
