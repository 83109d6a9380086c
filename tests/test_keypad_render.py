"""The screens with the focus ring shown, at the four sizes, written as pictures (to
``KIOSK_KEYPAD_RENDERS`` when set, for proofing) and checked: the ring lies inside the
window around the focused control, and no text is clipped or overlaps."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtTest import QTest

from conftest import views
from kiosk.core.session import Access, Screen
from kiosk.ui.layout_check import find_clipped_text, find_overlapping_text

if TYPE_CHECKING:
    from conftest import KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk
    from kiosk.ui.window import KioskWindow

SIZES = [(1920, 1080), (3840, 2160), (1080, 1920), (1280, 800)]


def press(window: KioskWindow, key: Qt.Key) -> None:
    QTest.keyClick(window.focusWidget() or window, key)


def tab_to(window: KioskWindow, target: object) -> None:
    for _ in range(40):
        if window.keypad.focused() is target:
            return
        press(window, Qt.Key.Key_Tab)
    raise AssertionError("not reached")


def keyed_states(kiosk: Kiosk) -> list[tuple[str, Callable[[], None]]]:
    """Each state reached by keys from the one before."""
    window = kiosk.window

    def home() -> None:
        press(window, Qt.Key.Key_Space)

    def language() -> None:
        tab_to(window, window.nav.languages.buttons["az"])

    def statement() -> None:
        tab_to(window, views(window).home.tiles[Screen.STATEMENT])
        press(window, Qt.Key.Key_Return)
        press(window, Qt.Key.Key_PageDown)

    def timeline() -> None:
        press(window, Qt.Key.Key_Home)
        tab_to(window, views(window).home.tiles[Screen.TIMELINE])
        press(window, Qt.Key.Key_Return)
        press(window, Qt.Key.Key_Right)

    def year() -> None:
        tab_to(window, views(window).timeline.rail.buttons[0])

    def figures() -> None:
        press(window, Qt.Key.Key_Home)
        tab_to(window, views(window).home.tiles[Screen.FIGURES])
        press(window, Qt.Key.Key_Return)

    def access() -> None:
        tab_to(window, window.nav.access_button)
        press(window, Qt.Key.Key_Return)
        press(window, Qt.Key.Key_Tab)

    return [
        ("home", home),
        ("language", language),
        ("statement", statement),
        ("timeline", timeline),
        ("year", year),
        ("figures", figures),
        ("access", access),
    ]


@pytest.mark.parametrize(
    ("language", "access"),
    [("en", Access()), ("ru", Access(text_step=2, high_contrast=True))],
    ids=["en", "ru-largest-contrast"],
)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_screens_with_the_focus_ring_at_every_size(
    make_kiosk: KioskFactory,
    exhibit: Exhibit,
    tmp_path: Path,
    size: tuple[int, int],
    language: str,
    access: Access,
) -> None:
    out = Path(os.environ.get("KIOSK_KEYPAD_RENDERS") or tmp_path)
    folder = out / f"{size[0]}x{size[1]}-{language}"
    folder.mkdir(parents=True, exist_ok=True)
    kiosk = make_kiosk(exhibit, size, reduced_motion=True)
    window = kiosk.window
    for name, action in keyed_states(kiosk):
        action()
        if name == "home":
            kiosk.session.set_language(language)
            kiosk.session.set_access(access)
        QCoreApplication.processEvents()
        ring = window.keypad.ring
        control = window.keypad.focused()
        assert control is not None and ring.isVisible(), name
        band = ring.band
        placed = QRect(control.mapTo(window, control.rect().topLeft()), control.size())
        assert window.rect().contains(ring.outer_rect()), name
        assert ring.outer_rect().contains(placed) or placed.contains(ring.outer_rect()), name
        assert band >= 3
        image = window.grab().toImage()
        assert image.save(str(folder / f"{name}.png"))
        assert find_clipped_text(window) == [], f"{name} at {size}"
        assert find_overlapping_text(window) == [], f"{name} at {size}"
