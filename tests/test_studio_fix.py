"""Studio fixes after the review of issue 17 (see /work/notes/studio-fix.md): behaviour the
review's own tests (tests/test_studio_review.py) do not cover."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from content_cases import copy_content
from test_studio import StudioFactory, settled, studio  # noqa: F401  (the fixture)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def test_a_folder_opened_with_an_error_says_the_preview_has_nothing_to_draw(
    qtbot: QtBot,
    studio: StudioFactory,  # noqa: F811
    tmp_path: Path,
) -> None:
    folder = copy_content(tmp_path)
    (folder / "figures.yaml").write_bytes(b"schema_version: 1\nfigures:\n  - id: 'unclosed\n")
    window = studio(folder)
    settled(qtbot, window)
    note = window.preview.view.note
    assert note.isVisible() and "nothing can be drawn" in note.text(), note.text()
