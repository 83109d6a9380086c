"""`kiosk preview`: staff see their edits on save, and findings on screen instead of a crash."""

# mypy: disable-error-code="comparison-overlap"
# (a tap changes the visit's screen after mypy narrowed it: `is Screen.HOME` after `is
# Screen.ATTRACT` is the point of these tests.)

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from conftest import views
from content_cases import copy_content, edit
from kiosk.core.session import Screen
from kiosk.ui.layout_check import find_clipped_text
from kiosk.ui.preview import Preview

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

REPO = Path(__file__).resolve().parents[1]


def test_errors_appear_on_screen_and_fixes_show_in_place(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    folder = copy_content(tmp_path)
    preview = Preview(qapp, folder, (1280, 800))
    try:
        assert preview.kiosk is not None
        # The shipped exhibit is sound; it only awaits translations (two warnings).
        assert "0 errors, 2 warnings: the content is shown" in preview.panel.heading.text()
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
        assert "0 errors" in preview.panel.heading.text()
        # Staff stay where they were, looking at their change.
        assert session.screen is Screen.TIMELINE and session.timeline_index == 2
        timeline = views(preview.kiosk.window).timeline
        assert timeline.title.text() == "The 44-day Patriotic War."
    finally:
        preview.close()


def test_invalid_content_shows_only_findings_until_fixed(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
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
        assert "0 errors" in preview.panel.heading.text()
    finally:
        preview.close()


def test_warnings_are_shown_with_the_content(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    folder = copy_content(tmp_path)
    preview = Preview(qapp, folder, (1280, 800))
    try:
        with qtbot.waitSignal(preview.live.applied, timeout=30_000):
            edit(folder / "exhibit.yaml", "languages: [az, en, ru]", "languages: [az, en]")
        assert preview.panel.isVisible()
        assert "0 errors, 1 warning: the content is shown" in preview.panel.heading.text()
        assert "texts have no 'az' version" in preview.panel.lines.text()
    finally:
        preview.close()


# -- the exhibit and the findings side by side, both usable ------------------------------


def real_click(qtbot: QtBot, widget: QWidget) -> None:
    """A mouse click where ``widget`` is drawn, sent to the top-level window as the display
    would send it: whatever lies on top at that point receives it.  New content lays its
    screens out on the next turns of the event loop (before anything is painted), so the
    click waits until ``widget`` is the one on top there, or fails naming what covers it."""
    top = widget.window()

    def point() -> QPoint:
        return widget.mapTo(top, widget.rect().center())

    def on_top() -> bool:
        hit = top.childAt(point())
        return hit is not None and (hit is widget or widget.isAncestorOf(hit))

    assert widget.isVisible(), f"{widget.objectName() or widget} is hidden"
    try:
        qtbot.waitUntil(on_top, timeout=30_000)  # a hang guard
    except AssertionError:
        raise AssertionError(f"{widget} is covered by {top.childAt(point())}") from None
    QTest.mouseClick(
        top.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point()
    )


def settled(qtbot: QtBot, preview: Preview) -> None:
    assert preview.kiosk is not None
    window = preview.kiosk.window
    # Hang guards: building the screens and a 300 ms fade take longer on a busy machine.
    qtbot.waitUntil(lambda: len(window.screens) == 5, timeout=30_000)
    qtbot.waitUntil(lambda: not window.fade.isVisible(), timeout=30_000)


def reload(qtbot: QtBot, preview: Preview, folder: Path, old: str, new: str) -> None:
    with qtbot.waitSignal(preview.live.applied, timeout=30_000):
        edit(folder / "timeline.yaml", old, new)
    settled(qtbot, preview)


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)], ids=["landscape", "portrait"])
def test_after_a_reload_the_nav_bar_language_buttons_and_year_rail_take_clicks(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, size: tuple[int, int]
) -> None:
    folder = copy_content(tmp_path)
    preview = Preview(qapp, folder, size)
    try:
        assert preview.kiosk is not None
        window, session = preview.kiosk.window, preview.kiosk.session
        qtbot.waitExposed(window.window())
        settled(qtbot, preview)
        reload(qtbot, preview, folder, "The 44-day Patriotic War\n", "The 44-day War\n")
        # The start screen's language buttons: a visit begins in the chosen language.
        assert session.screen is Screen.ATTRACT
        real_click(qtbot, window.attract.languages.buttons["en"])
        assert session.screen is Screen.HOME and session.language == "en"
        settled(qtbot, preview)
        session.open(Screen.TIMELINE)
        settled(qtbot, preview)
        reload(qtbot, preview, folder, "The 44-day War\n", "The 44-day Patriotic War\n")
        assert session.screen is Screen.TIMELINE
        timeline = views(window).timeline
        target = 1 if session.timeline_index != 1 else 2
        button = timeline.rail.button_for(target)
        assert button is not None
        real_click(qtbot, button)
        assert session.timeline_index == target
        settled(qtbot, preview)
        real_click(qtbot, window.nav.home_button)
        assert session.screen is Screen.HOME
    finally:
        preview.close()


def on_top(widget: QWidget) -> QRect:
    """``widget``'s rectangle in its top-level window's coordinates."""
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


@pytest.mark.parametrize(
    ("size", "beside"),
    [((1920, 1080), True), ((3840, 2160), True), ((1080, 1920), False)],
    ids=["1080p", "4k", "portrait"],
)
def test_the_findings_have_their_own_area_beside_or_below_the_exhibit(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, size: tuple[int, int], beside: bool
) -> None:
    folder = copy_content(tmp_path)
    edit(folder / "exhibit.yaml", "languages: [az, en, ru]", "languages: [az, en]")
    preview = Preview(qapp, folder, size)
    try:
        assert preview.kiosk is not None and preview.panel is not None
        window, panel = preview.kiosk.window, preview.panel
        qtbot.waitExposed(window.window())
        settled(qtbot, preview)
        preview.kiosk.session.go_home()
        settled(qtbot, preview)
        assert panel.isVisible() and window.nav.isVisible()
        assert panel.window() is window.window()  # one window for staff to move
        exhibit, findings = on_top(window), on_top(panel)
        assert not exhibit.intersects(findings), (exhibit, findings)
        if beside:
            assert findings.left() >= exhibit.right() and findings.height() == exhibit.height()
        else:
            assert findings.top() >= exhibit.bottom() and findings.width() == exhibit.width()
        # The exhibit keeps the shape of the screen it stands for.
        ratio = size[0] / size[1]
        assert abs(exhibit.width() / exhibit.height() - ratio) < 0.02, exhibit
        assert find_clipped_text(window.window()) == []
    finally:
        preview.close()


def test_the_findings_keep_the_staffs_language_when_a_visitor_changes_theirs(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    folder = copy_content(tmp_path)
    preview = Preview(qapp, folder, (1280, 800))
    try:
        assert preview.kiosk is not None and preview.panel is not None
        window = preview.kiosk.window
        settled(qtbot, preview)
        real_click(qtbot, window.attract.languages.buttons["ru"])
        assert preview.kiosk.session.language == "ru"
        with qtbot.waitSignal(preview.reloader.content_refused, timeout=30_000):
            edit(folder / "timeline.yaml", "    year: 2020", "    year: twenty")
        assert "the last good version stays on screen" in preview.panel.heading.text()
    finally:
        preview.close()


def test_a_russian_speaking_staff_reads_the_findings_in_russian(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    folder = copy_content(tmp_path)
    preview = Preview(qapp, folder, (1280, 800), language="ru")
    try:
        assert preview.kiosk is not None and preview.kiosk.session.language != "ru"
        assert "0 ошибок, 2 предупреждения" in preview.panel.heading.text()
    finally:
        preview.close()
