"""The screens while they are read aloud: the Listen control (showing Pause) in the bar and
the caption mark on the part being read, at the kiosk's sizes, written as pictures (to
``KIOSK_LISTEN_RENDERS`` when set, for proofing) and checked: the mark's bar lies in the
window beside its text, and no text is clipped or overlaps."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QRect

from conftest import views
from kiosk.core.listening import ReadingState
from kiosk.core.session import Access, Screen
from kiosk.ui.layout_check import find_clipped_text, find_overlapping_text
from kiosk.ui.listen.captions import bar_of
from listen_support import listening

if TYPE_CHECKING:
    from conftest import KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk

SIZES = [(1920, 1080), (3840, 2160), (1080, 1920), (1280, 800)]


def states(kiosk: Kiosk) -> list[tuple[str, Callable[[], None]]]:
    window, session = kiosk.window, kiosk.session
    listen = window.listen

    def home() -> None:
        listen.listen()

    def statement() -> None:
        session.open(Screen.STATEMENT)
        listen.listen()
        for _ in range(5):  # on to the second paragraph: the page follows the part read
            listen.narrator.next()

    def timeline() -> None:
        session.go_home()
        session.open(Screen.TIMELINE)
        session.set_timeline_index(2)
        listen.listen()
        listen.narrator.next()  # the moment's title

    def figures() -> None:
        session.go_home()
        session.open(Screen.FIGURES)
        listen.listen()
        listen.narrator.next()

    return [("home", home), ("statement", statement), ("timeline", timeline), ("figures", figures)]


@pytest.mark.parametrize(
    ("language", "access"),
    [("en", Access()), ("ru", Access(text_step=2, high_contrast=True))],
    ids=["en", "ru-largest-contrast"],
)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_screens_being_read_aloud_at_every_size(
    make_kiosk: KioskFactory,
    exhibit: Exhibit,
    tmp_path: Path,
    size: tuple[int, int],
    language: str,
    access: Access,
) -> None:
    out = Path(os.environ.get("KIOSK_LISTEN_RENDERS") or tmp_path)
    folder = out / f"{size[0]}x{size[1]}-{language}"
    folder.mkdir(parents=True, exist_ok=True)
    kiosk = make_kiosk(exhibit, size, reduced_motion=True)
    window = kiosk.window
    listening(kiosk)
    kiosk.controller.begin_in(language)
    kiosk.session.set_access(access)
    for name, action in states(kiosk):
        action()
        QCoreApplication.processEvents()
        assert window.listen.reading_state() is ReadingState.PLAYING, name
        button = window.nav.listen_button
        assert button.isVisible() and button.text() == button.accessibleName() != "Listen"
        marked = window.listen.captions.marked
        assert marked, name
        for label in marked:
            bar = bar_of(label)
            assert bar is not None and bar.isVisible(), name
            placed = QRect(bar.mapTo(window, bar.rect().topLeft()), bar.size())
            assert window.rect().contains(placed), name
        if name == "statement":
            # The paragraph read is in sight.
            area = views(window).statement.scroll_area
            top = marked[0].mapTo(area.viewport(), marked[0].rect().topLeft()).y()
            assert 0 <= top < area.viewport().height()
        image = window.grab().toImage()
        assert image.save(str(folder / f"{name}.png"))
        assert find_clipped_text(window) == [], f"{name} at {size}"
        assert find_overlapping_text(window) == [], f"{name} at {size}"
