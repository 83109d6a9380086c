"""The studio's live preview: the real kiosk screen, as `kiosk render` draws it, following
the staff's text once typing pauses, at the chosen state, size and language."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from conftest import fail_on_leaks, settle_deletions
from kiosk.content.loader import load_exhibit
from kiosk.content.model import Exhibit
from kiosk.core.session import Screen
from kiosk.paths import default_content_dir
from kiosk.render import render_all
from kiosk.ui.layout_check import find_clipped_text, find_overlapping_text
from kiosk.ui.studio import preview_pane
from kiosk.ui.studio.preview_pane import PreviewPane
from kiosk.ui.translations import Translations

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

CONTENT = default_content_dir()
NEW_CAPTION = "The martyrs of 20 January restored the independence of the Republic."


@pytest.fixture(scope="module")
def bundled() -> Exhibit:
    return load_exhibit(CONTENT)


@pytest.fixture
def pane(qapp: QApplication, qtbot: QtBot) -> Iterator[PreviewPane]:
    """A shown pane; afterwards its hidden kiosk must be gone with it (no window left)."""
    before = set(QApplication.topLevelWidgets())
    pane = PreviewPane()
    pane.resize(960, 640)
    pane.show()
    qtbot.waitExposed(pane)
    yield pane
    pane.close()
    pane.deleteLater()
    settle_deletions()
    fail_on_leaks(before)


def with_caption(exhibit: Exhibit, moment_id: str, text: str) -> Exhibit:
    """``exhibit`` with one moment's English caption changed, as the studio's text would read."""
    timeline = tuple(
        moment._replace(
            caption=moment.caption._replace(values={**moment.caption.values, "en": text})
        )
        if moment.id == moment_id
        else moment
        for moment in exhibit.timeline
    )
    return exhibit._replace(timeline=timeline)


def without_moment(exhibit: Exhibit, moment_id: str) -> Exhibit:
    timeline = tuple(moment for moment in exhibit.timeline if moment.id != moment_id)
    return exhibit._replace(timeline=timeline)


def rendered(qtbot: QtBot, pane: PreviewPane) -> QImage:
    """The next picture (the render itself is started by what the test did before)."""
    with qtbot.waitSignal(pane.rendered, timeout=30_000):
        pass
    return pane.picture()


def show(qtbot: QtBot, pane: PreviewPane, exhibit: Exhibit, state: str) -> QImage:
    with qtbot.waitSignal(pane.rendered, timeout=30_000):
        pane.show_exhibit(exhibit)
        pane.show_state(state)
    return pane.picture()


def same_pixels(first: QImage, second: QImage) -> bool:
    fmt = QImage.Format.Format_RGB32
    return first.convertToFormat(fmt) == second.convertToFormat(fmt)


def test_a_moment_and_the_figures_are_different_pictures(
    qtbot: QtBot, pane: PreviewPane, bundled: Exhibit
) -> None:
    moment = show(qtbot, pane, bundled, "timeline-1991")
    assert (moment.width(), moment.height()) == (1920, 1080)
    with qtbot.waitSignal(pane.rendered, timeout=30_000):
        pane.show_state("figures")
    figures = pane.picture()
    assert pane.shown_state == "figures"
    assert not same_pixels(moment, figures)


def test_a_changed_caption_is_what_kiosk_render_draws(
    qtbot: QtBot, pane: PreviewPane, bundled: Exhibit, tmp_path: Path
) -> None:
    before = show(qtbot, pane, bundled, "timeline-1991")
    kiosk = pane.kiosk
    changed = with_caption(bundled, "1991", NEW_CAPTION)
    with qtbot.waitSignal(pane.rendered, timeout=30_000):
        pane.show_exhibit(changed)
    after = pane.picture()
    assert not same_pixels(before, after)
    # The same hidden kiosk, its content replaced as hot reload replaces it.
    assert pane.kiosk is kiosk
    assert kiosk is not None and kiosk.window.built is not None
    assert kiosk.window.built.timeline.caption.text() == NEW_CAPTION
    # Pixel for pixel what `kiosk render` writes for the same exhibit, state and size.
    written = render_all(changed, tmp_path, [(1920, 1080)], "en")
    png = QImage(str(tmp_path / "timeline-1991.png"))
    assert [path.name for path in written if path.name == "timeline-1991.png"]
    assert same_pixels(after, png)


def test_each_state_is_what_kiosk_render_draws_in_another_language(
    qtbot: QtBot, pane: PreviewPane, bundled: Exhibit, tmp_path: Path
) -> None:
    # Qt draws the figures' large numerals a little differently the first time in a process
    # (`kiosk render` run twice in one process differs there too): both draw once first.
    render_all(bundled, tmp_path / "first", [(1280, 800)], "ru")
    pane.set_size((1280, 800))
    pane.set_language("ru")
    pictures = {"statement-end": show(qtbot, pane, bundled, "statement-end")}
    for state in (
        "home",
        "statement-top",
        "timeline-2020",
        "figures",
        "idle-warning",
        "access",
        "attract",
    ):
        with qtbot.waitSignal(pane.rendered, timeout=30_000):
            pane.show_state(state)
        pictures[state] = pane.picture()
    render_all(bundled, tmp_path, [(1280, 800)], "ru")
    for state, picture in pictures.items():
        assert same_pixels(picture, QImage(str(tmp_path / f"{state}.png"))), state


def test_a_portrait_size_gives_a_portrait_picture(
    qtbot: QtBot, pane: PreviewPane, bundled: Exhibit
) -> None:
    show(qtbot, pane, bundled, "home")
    landscape_kiosk = pane.kiosk
    with qtbot.waitSignal(pane.rendered, timeout=30_000):
        pane.set_size((1080, 1920))
    picture = pane.picture()
    assert (picture.width(), picture.height()) == (1080, 1920)
    assert pane.size_combo.currentIndex() == PreviewPane.SIZES.index((1080, 1920))
    assert pane.screen_size == (1080, 1920)
    # A new kiosk at the new size; the old one is closed (the fixture finds no window left).
    assert pane.kiosk is not landscape_kiosk
    # Shown to fit the pane, taller than wide.
    target = pane.view.target_rect()
    assert target.height() > target.width()
    assert target.height() <= pane.view.height()


def test_two_changes_while_typing_give_one_render_of_the_last(
    qtbot: QtBot, pane: PreviewPane, bundled: Exhibit
) -> None:
    show(qtbot, pane, bundled, "timeline-1991")
    renders = pane.renders
    with qtbot.waitSignal(pane.rendered, timeout=30_000):
        pane.show_exhibit(with_caption(bundled, "1991", "The martyrs"))
        pane.show_exhibit(with_caption(bundled, "1991", NEW_CAPTION))
    assert pane.renders == renders + 1
    assert not pane.pending
    kiosk = pane.kiosk
    assert kiosk is not None and kiosk.window.built is not None
    assert kiosk.window.built.timeline.caption.text() == NEW_CAPTION


def test_a_caller_that_waits_for_typing_itself_gets_the_picture_at_the_next_turn(
    qtbot: QtBot, bundled: Exhibit
) -> None:
    before = set(QApplication.topLevelWidgets())
    pane = PreviewPane(debounce_ms=0)
    pane.show()
    try:
        show(qtbot, pane, bundled, "timeline-1991")
        renders = pane.renders
        with qtbot.waitSignal(pane.rendered, timeout=30_000):
            pane.show_exhibit(with_caption(bundled, "1991", "The martyrs"))
            pane.show_exhibit(with_caption(bundled, "1991", NEW_CAPTION))
        assert pane.renders == renders + 1
        assert not pane.pending
        kiosk = pane.kiosk
        assert kiosk is not None and kiosk.window.built is not None
        assert kiosk.window.built.timeline.caption.text() == NEW_CAPTION
    finally:
        pane.close()
        pane.deleteLater()
        settle_deletions()
    fail_on_leaks(before)


def test_the_last_picture_stays_under_a_note_while_the_text_has_errors(
    qtbot: QtBot, pane: PreviewPane, bundled: Exhibit
) -> None:
    picture = show(qtbot, pane, bundled, "timeline-1991")
    renders = pane.renders
    pane.show_unavailable("timeline.yaml:12:5: the caption is missing")
    assert pane.view.note.isVisible()
    assert "caption is missing" in pane.view.note.text()
    assert pane.picture().cacheKey() == picture.cacheKey()
    assert pane.renders == renders
    assert not pane.pending
    with qtbot.waitSignal(pane.rendered, timeout=30_000):
        pane.show_exhibit(with_caption(bundled, "1991", NEW_CAPTION))
    assert not pane.view.note.isVisible()


def test_a_moment_that_is_gone_shows_the_home_screen(
    qtbot: QtBot, pane: PreviewPane, bundled: Exhibit
) -> None:
    show(qtbot, pane, bundled, "timeline-1991")
    with qtbot.waitSignal(pane.rendered, timeout=30_000):
        pane.show_exhibit(without_moment(bundled, "1991"))
    assert pane.shown_state == "home"
    assert pane.state == "timeline-1991"  # shown again once the moment is back


def test_the_preview_leaves_the_studio_its_language_keys_and_quiet(
    qtbot: QtBot, pane: PreviewPane, bundled: Exhibit
) -> None:
    """The hidden kiosk's translator, lockdown and idle timer are the application's or run on
    their own: none may reach the studio around it."""
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    pane.set_language("ru")
    show(qtbot, pane, bundled, "timeline-1991")
    # The studio's words stay in the studio's language, not the previewed one.
    assert QCoreApplication.translate("NavigationBar", "Home") == "Home"
    # Keys a kiosk blocks for visitors still reach the studio's fields (Ctrl+W, Escape).
    seen: list[int] = []
    field.keyPressEvent = lambda event: seen.append(event.key())  # type: ignore[method-assign]
    seen.clear()
    QTest.keyClick(field, Qt.Key.Key_Escape)
    QTest.keyClick(field, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert [key for key in seen if key != Qt.Key.Key_Control] == [Qt.Key.Key_Escape, Qt.Key.Key_W]
    # Nobody visits the hidden kiosk: no "Still there?" will come.
    kiosk = pane.kiosk
    assert kiosk is not None and not kiosk.idle.running


def test_the_controls_list_the_sizes_and_the_exhibits_languages(
    qtbot: QtBot, pane: PreviewPane, bundled: Exhibit
) -> None:
    show(qtbot, pane, bundled, "home")
    sizes = [pane.size_combo.itemText(i) for i in range(pane.size_combo.count())]
    assert [text.split(" (")[0] for text in sizes] == [
        "1920 × 1080",
        "3840 × 2160",
        "1080 × 1920",
        "1280 × 800",
    ]
    codes = [pane.language_combo.itemData(i) for i in range(pane.language_combo.count())]
    assert codes == list(bundled.settings.languages)
    for control in (pane.size_combo, pane.language_combo, pane.view):
        assert control.accessibleName()
    # Choosing with the keyboard renders in the language chosen.
    pane.language_combo.setFocus()
    assert pane.language_combo.currentData() == "en"  # the exhibit's default
    with qtbot.waitSignal(pane.rendered, timeout=30_000):
        QTest.keyClick(pane.language_combo, Qt.Key.Key_Up)  # en -> az, the one before
    kiosk = pane.kiosk
    assert kiosk is not None and kiosk.session.language == "az"


def test_the_studios_own_language_does_not_reach_the_kiosk_screen(
    qtbot: QtBot, pane: PreviewPane, bundled: Exhibit
) -> None:
    """The studio speaks Russian to its staff through the same translations as the kiosk;
    the preview in English still shows the kiosk's English words, and the studio keeps its."""
    changed = with_caption(bundled, "1991", NEW_CAPTION)
    english = show(qtbot, pane, changed, "home")
    studio = Translations()
    studio.use("ru")
    try:
        # Typing builds the kiosk's screens anew, a new size a new kiosk: all in English.
        steps: list[Callable[[], None]] = [
            lambda: pane.show_exhibit(bundled),
            lambda: pane.show_exhibit(changed),
            lambda: pane.set_size((1280, 800)),
        ]
        for step in steps:
            with qtbot.waitSignal(pane.rendered, timeout=30_000):
                step()
            kiosk = pane.kiosk
            assert kiosk is not None and kiosk.window.built is not None
            assert kiosk.window.nav.home_button.text() == "Home"
            assert kiosk.window.built.home.tiles[Screen.STATEMENT].text() == "Statement"
            if pane.screen_size == (1920, 1080):
                assert same_pixels(pane.picture(), english)
        assert QCoreApplication.translate("NavigationBar", "Home") == "Главная"
    finally:
        studio.release()


class StudioWords(QLabel):
    """A studio widget that words itself anew on every change of language."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("NavigationBar", "Home"))
        self.worded: list[str] = []

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setText(QCoreApplication.translate("NavigationBar", "Home"))
            self.worded.append(self.text())
        super().changeEvent(event)


def test_the_studio_never_flashes_the_previewed_language(
    qtbot: QtBot, pane: PreviewPane, bundled: Exhibit
) -> None:
    """While a render puts the kiosk's translators in and takes them out, the studio's own
    widgets are not told to word themselves in another language (they would show it)."""
    studio = Translations()
    studio.use("ru")
    words = StudioWords()
    qtbot.addWidget(words)
    words.show()
    try:
        assert words.text() == "Главная"
        for language in ("en", "az"):
            pane.set_language(language)
            show(qtbot, pane, bundled, "home")
        QCoreApplication.processEvents()  # whatever the renders left for the loop
        assert set(words.worded) <= {"Главная"}
        assert words.text() == "Главная"
    finally:
        studio.release()


def test_the_panes_own_words_fit(qtbot: QtBot, pane: PreviewPane, bundled: Exhibit) -> None:
    pane.resize(640, 420)
    show(qtbot, pane, bundled, "figures")
    pane.show_unavailable("statement.yaml:8:3: the heading is missing in az; shown in en.")
    QCoreApplication.processEvents()
    assert find_clipped_text(pane) == []
    assert find_overlapping_text(pane) == []
    note = pane.view.note.geometry()
    assert pane.view.target_rect().contains(note)


# The program renders and ends with no turn of the event loop after the render (Python then
# deletes the kiosk's idle watcher, which has no Qt parent, before the pane).
EXIT_SCRIPT = """
from kiosk.content.loader import load_exhibit
from kiosk.paths import default_content_dir
from kiosk.ui.application import create_application
from kiosk.ui.studio import preview_pane
from kiosk.ui.studio.preview_pane import PreviewPane

app = create_application()
exhibit = load_exhibit(default_content_dir())
pane = PreviewPane(debounce_ms=0)
pane.show()
pane.show_exhibit(exhibit)
pane._render()
print("rendered", flush=True)
"""


def test_a_program_that_ends_with_the_pane_open_ends_quietly(tmp_path: Path) -> None:
    """Python's own clean-up may delete the kiosk's parts before the pane's: nothing may be
    raised then (the studio would end with a traceback).  Which goes first varies from run
    to run (about one in two before the fix), so the program is run six times."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", EXIT_SCRIPT],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tmp_path,
        )
        for _ in range(6)
    ]
    for run in runs:
        stdout, stderr = run.communicate(timeout=180)
        assert stdout.strip() == "rendered"
        assert "Traceback" not in stderr, stderr
        assert run.returncode == 0


def test_the_hidden_kiosk_never_takes_the_keyboard_from_the_studio(
    qtbot: QtBot, pane: PreviewPane, bundled: Exhibit
) -> None:
    """Staff type on while the preview follows: a new hidden kiosk (at the first picture and
    at each new size) must not become the active window, or the keys would go nowhere."""
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    show(qtbot, pane, bundled, "home")
    with qtbot.waitSignal(pane.rendered, timeout=30_000):
        pane.set_size((1080, 1920))
    assert QApplication.activeWindow() is field
    assert field.hasFocus()
    QTest.keyClicks(field, "ok")
    assert field.text() == "ok"


def test_a_render_that_fails_leaves_the_last_picture_and_a_note(
    qtbot: QtBot, pane: PreviewPane, bundled: Exhibit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fault in drawing the kiosk (a kiosk bug some content brings out) must not take the
    studio down: the last picture stays with a note, and the next change draws again."""
    picture = show(qtbot, pane, bundled, "timeline-1991")

    def broken(*_args: object) -> QImage:
        raise ValueError("a kiosk screen could not be built")

    monkeypatch.setattr(preview_pane, "render_state", broken)
    with qtbot.waitSignal(pane.failed, timeout=30_000):
        pane.show_exhibit(with_caption(bundled, "1991", "The martyrs"))
    assert pane.view.note.isVisible()
    assert pane.picture().cacheKey() == picture.cacheKey()
    monkeypatch.undo()
    with qtbot.waitSignal(pane.rendered, timeout=30_000):
        pane.show_exhibit(with_caption(bundled, "1991", NEW_CAPTION))
    assert not pane.view.note.isVisible()
    kiosk = pane.kiosk
    assert kiosk is not None and kiosk.window.built is not None
    assert kiosk.window.built.timeline.caption.text() == NEW_CAPTION
