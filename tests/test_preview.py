"""`kiosk preview`: staff see their edits on save, and findings on screen instead of a crash."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from content_cases import copy_content, edit
from kiosk.core.session import Screen
from kiosk.ui.preview import Preview

REPO = Path(__file__).resolve().parents[1]


def test_errors_appear_on_screen_and_fixes_show_in_place(qtbot, qapp, tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    preview = Preview(qapp, folder, (1280, 800))
    try:
        assert preview.kiosk is not None
        # The shipped exhibit is sound; it only awaits translations (two warnings).
        assert "0 error(s), 2 warning(s): the content is shown" in preview.panel.heading.text()
        session = preview.kiosk.session
        session.go_home()
        session.open(Screen.TIMELINE)
        session.set_timeline_index(2)
        with qtbot.waitSignal(preview.reloader.content_refused, timeout=30_000):
            edit(folder / "timeline.yaml", "    year: 2020", "    year: twenty")
        assert preview.panel.isVisible()
        assert "timeline.yaml:37:11: error: expected a whole number, found 'twenty'" in (
            preview.panel.lines.text()
        )
        assert "the last good version stays on screen" in preview.panel.heading.text()
        with qtbot.waitSignal(preview.live.applied, timeout=30_000):
            edit(folder / "timeline.yaml", "    year: twenty", "    year: 2020")
            edit(
                folder / "timeline.yaml",
                "The 44-day Patriotic War\n",
                "The 44-day Patriotic War.\n",
            )
        QCoreApplication.processEvents()
        assert "0 error(s)" in preview.panel.heading.text()
        # Staff stay where they were, looking at their change.
        assert session.screen is Screen.TIMELINE and session.timeline_index == 2
        timeline = preview.kiosk.window.screens[Screen.TIMELINE]
        assert timeline.title.text() == "The 44-day Patriotic War."
    finally:
        preview.kiosk.close() if preview.kiosk else None


def test_invalid_content_shows_only_findings_until_fixed(qtbot, qapp, tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "figures.yaml", "    value: 150", "    value: many")
    preview = Preview(qapp, folder, (1280, 800))
    try:
        assert preview.kiosk is None and preview.placeholder is not None
        assert preview.panel.isVisible()
        assert "nothing can be shown until they are fixed" in preview.panel.heading.text()
        assert "figures.yaml:6:12: error: expected a whole number, found 'many'" in (
            preview.panel.lines.text()
        )
        with qtbot.waitSignal(preview.reloader.content_ready, timeout=30_000):
            edit(folder / "figures.yaml", "    value: many", "    value: 150")
        assert preview.kiosk is not None
        assert preview.kiosk.window.isVisible()
        assert "0 error(s)" in preview.panel.heading.text()
    finally:
        preview.kiosk.close() if preview.kiosk else None


def test_warnings_are_shown_with_the_content(qtbot, qapp, tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    preview = Preview(qapp, folder, (1280, 800))
    try:
        with qtbot.waitSignal(preview.live.applied, timeout=30_000):
            edit(folder / "exhibit.yaml", "languages: [az, en, ru]", "languages: [az, en]")
        assert preview.panel.isVisible()
        assert "0 error(s), 1 warning(s): the content is shown" in preview.panel.heading.text()
        assert "texts have no 'az' version" in preview.panel.lines.text()
    finally:
        preview.kiosk.close() if preview.kiosk else None
