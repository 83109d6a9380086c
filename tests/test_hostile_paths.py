"""Hostile file references in content, and content files that are not what they seem: each
refused on the line that names it, before anything outside the folder is opened."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from hostile import IMAGE_AT, assert_answered, baseline, errors, set_image

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX links, pipes and devices")

# reference -> what is wrong with it; none of these is ever looked up on disk.
REFUSED_AS_WRITTEN = [
    ("../../etc/passwd", "points outside the content folder (..)"),
    ("pictures/../../../etc/passwd", "points outside the content folder (..)"),
    ("pictures/..", "points outside the content folder (..)"),
    ("/etc/passwd", "is an absolute path; give it relative to the content folder"),
    ("//server/share/a.png", "is an absolute path; give it relative to the content folder"),
    ("C:/Windows/win.ini", "starts with a drive letter; give it relative to the content folder"),
    ("c:pictures/a.png", "starts with a drive letter; give it relative to the content folder"),
    ("C:\\Windows\\win.ini", "contains a backslash; use / between folders"),
    ("\\\\server\\share\\a.png", "contains a backslash; use / between folders"),
    ("\\\\?\\C:\\a.png", "contains a backslash; use / between folders"),
    ("..\\..\\a.png", "contains a backslash; use / between folders"),
    ("pictures/a\0.png", "contains a NUL character"),
    ("pictures/light.png\0.txt", "contains a NUL character"),
    (
        "pictures/a\n.png",
        "contains a control or invisible formatting character; type the name again",
    ),
    (
        "pictures/\u202egnp.exe",
        "contains a control or invisible formatting character; type the name again",
    ),
    ("", "is not a file name"),
    ("   ", "is not a file name"),
    ("pictures/", "is not a file name"),
]


def shown(reference: str) -> str:
    """As a finding shows it: control characters escaped (the finding stays one line)."""
    return reference.replace("\0", "\\x00").replace("\n", "\\x0a").replace("\u202e", "\\u202e")


@pytest.mark.parametrize(("reference", "problem"), REFUSED_AS_WRITTEN)
def test_a_hostile_reference_is_refused_on_its_line(
    tmp_path: Path, reference: str, problem: str
) -> None:
    folder = baseline(tmp_path)
    set_image(folder, reference)
    findings = assert_answered(folder)
    assert errors(findings) == [f"{IMAGE_AT}: error: '{shown(reference)}' {problem}"]


def outside_file(folder: Path) -> Path:
    outside = folder.parent / "outside.png"
    outside.write_bytes((folder / "pictures" / "light.png").read_bytes())
    return outside


# Set-ups at test time (git cannot carry links that leave the repository).
def link_to_a_file_outside(folder: Path) -> str:
    (folder / "pictures" / "link.png").symlink_to(outside_file(folder))
    return "pictures/link.png"


def relative_link_outside(folder: Path) -> str:
    outside_file(folder)
    (folder / "pictures" / "link.png").symlink_to("../../outside.png")
    return "pictures/link.png"


def folder_link_outside(folder: Path) -> str:
    outside_file(folder)
    (folder / "elsewhere").symlink_to(folder.parent, target_is_directory=True)
    return "elsewhere/outside.png"


def link_to_etc_passwd(folder: Path) -> str:
    (folder / "pictures" / "passwd.png").symlink_to("/etc/passwd")
    return "pictures/passwd.png"


def link_to_dev_zero(folder: Path) -> str:
    (folder / "pictures" / "zero.png").symlink_to("/dev/zero")
    return "pictures/zero.png"


def link_loop(folder: Path) -> str:
    (folder / "pictures" / "a.png").symlink_to("b.png")
    (folder / "pictures" / "b.png").symlink_to("a.png")
    return "pictures/a.png"


def dangling_link(folder: Path) -> str:
    (folder / "pictures" / "gone.png").symlink_to("nothing-here.png")
    return "pictures/gone.png"


def named_pipe(folder: Path) -> str:
    os.mkfifo(folder / "pictures" / "pipe.png")
    return "pictures/pipe.png"


def a_folder(folder: Path) -> str:
    (folder / "pictures" / "album.png").mkdir()
    return "pictures/album.png"


def over_long_name(folder: Path) -> str:
    return "pictures/" + "a" * 300 + ".png"


def through_a_file(folder: Path) -> str:
    return "pictures/light.png/inner.png"


LONG = "pictures/" + "a" * 70 + "\u2026 (313 characters)"
ON_DISK = [
    (link_to_a_file_outside, "'pictures/link.png' leads outside the content folder"),
    (relative_link_outside, "'pictures/link.png' leads outside the content folder"),
    (folder_link_outside, "'elsewhere/outside.png' leads outside the content folder"),
    (link_to_etc_passwd, "'pictures/passwd.png' leads outside the content folder"),
    (link_to_dev_zero, "'pictures/zero.png' leads outside the content folder"),
    (link_loop, "'pictures/a.png' is a symbolic link that loops back on itself"),
    (dangling_link, "'pictures/gone.png' does not exist in the content folder"),
    (named_pipe, "'pictures/pipe.png' is not a regular file (a device or a pipe)"),
    (a_folder, "'pictures/album.png' is a folder, not an image file"),
    (over_long_name, f"'{LONG}' cannot be opened: File name too long"),
    (through_a_file, "'pictures/light.png/inner.png' does not exist in the content folder"),
]


@POSIX
@pytest.mark.parametrize(
    ("make", "message"),
    [pytest.param(make, message, id=make.__name__) for make, message in ON_DISK],
)
def test_a_reference_to_something_hostile_on_disk_is_refused(
    tmp_path: Path, make: Callable[[Path], str], message: str
) -> None:
    folder = baseline(tmp_path)
    set_image(folder, make(folder))
    findings = assert_answered(folder)
    assert errors(findings) == [f"{IMAGE_AT}: error: {message}"]


def test_a_link_that_stays_inside_the_folder_is_fine(tmp_path: Path) -> None:
    folder = baseline(tmp_path)
    (folder / "pictures" / "same.png").symlink_to("light.png")
    set_image(folder, "pictures/same.png")
    assert assert_answered(folder) == []


def test_odd_but_harmless_names_are_only_not_found(tmp_path: Path) -> None:
    """URLs, a home folder, full-width dots: names of files that are not there."""
    for reference in ("file:///etc/passwd", "~/a.png", "pictures/\uff0e\uff0e/a.png"):
        folder = baseline(tmp_path / str(abs(hash(reference))))
        set_image(folder, reference)
        assert errors(assert_answered(folder)) == [
            f"{IMAGE_AT}: error: '{reference}' does not exist in the content folder"
        ]


# The content files themselves (a link to /dev/zero and a named pipe, which would hang or
# fill memory on a regression, are in test_hostile_yaml's isolated heavy cases).
def content_link_outside(folder: Path) -> None:
    secret = folder.parent / "secret.yaml"
    secret.write_text("root: x:0:0:secret\n", encoding="utf-8")
    (folder / "figures.yaml").unlink()
    (folder / "figures.yaml").symlink_to(secret)


def content_link_loop(folder: Path) -> None:
    (folder / "figures.yaml").unlink()
    (folder / "figures.yaml").symlink_to("figures.yaml")


def content_folder_instead(folder: Path) -> None:
    (folder / "figures.yaml").unlink()
    (folder / "figures.yaml").mkdir()


CONTENT_FILES = [
    (
        content_link_outside,
        "figures.yaml is a symbolic link leading outside the content folder; copy it in",
    ),
    (content_link_loop, "figures.yaml is a symbolic link that loops back on itself"),
    (content_folder_instead, "figures.yaml is not a regular file (a folder, a device or a pipe)"),
]


@POSIX
@pytest.mark.parametrize(
    ("make", "message"),
    [pytest.param(make, message, id=make.__name__) for make, message in CONTENT_FILES],
)
def test_a_content_file_that_is_not_a_file_in_the_folder_is_refused(
    tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    folder = baseline(tmp_path)
    make(folder)
    findings = assert_answered(folder)
    assert errors(findings) == [f"figures.yaml:1:1: error: {message}"]
    assert not any("secret" in line for line in findings)  # nothing of it is quoted
