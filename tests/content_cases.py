"""Builds a content folder from the fixtures' own base exhibit plus one broken case's changes.

The base (fixtures/broken/_base) is a frozen copy of the sample exhibit in one language, not
the sample itself: the golden findings (each case's expected.txt) name lines and columns, and
they must not all shift when the shipped sample gains a line.  Change the base only when
every case should see the change, and regenerate the expected files then.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"
BASE = BROKEN / "_base"
CASE_FILES = {"patch.yaml", "expected.txt"}


def case_names() -> list[str]:
    return sorted(path.name for path in BROKEN.iterdir() if path.is_dir() and path != BASE)


def expected_lines(name: str) -> list[str]:
    text = (BROKEN / name / "expected.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line]


def build_case(name: str, target: Path) -> Path:
    """The base exhibit with the case's patch applied; its other files go in pictures/.

    The base offers one language, so each case's findings are only its own (the shipped
    exhibit offers languages whose content staff have yet to translate)."""
    folder = target / "content"
    shutil.copytree(BASE, folder)
    case = BROKEN / name
    for change in yaml.safe_load((case / "patch.yaml").read_text(encoding="utf-8")):
        path = folder / change["file"]
        if "content" in change:
            path.write_text(change["content"], encoding="utf-8")
        elif "content_hex" in change:
            path.write_bytes(bytes.fromhex(change["content_hex"]))
        elif "prepend_hex" in change:
            path.write_bytes(bytes.fromhex(change["prepend_hex"]) + path.read_bytes())
        else:
            text = path.read_text(encoding="utf-8")
            assert text.count(change["find"]) == 1, f"{name}: patch must match exactly once"
            path.write_text(text.replace(change["find"], change["replace"]), encoding="utf-8")
    pictures = folder / "pictures"
    pictures.mkdir()
    for extra in case.iterdir():
        if extra.name not in CASE_FILES:
            shutil.copyfile(extra, pictures / extra.name)
    if name == "image-symlink-outside":  # git cannot carry a link to outside the repository
        outside = target / "outside.png"
        outside.write_bytes(b"\x89PNG\r\n\x1a\n")
        (pictures / "link.png").symlink_to(outside)
    return folder


def copy_content(target: Path) -> Path:
    """A private copy of the shipped content, to change in a test."""
    folder = target / "content"
    shutil.copytree(REPO / "content", folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact passage of a content file (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
