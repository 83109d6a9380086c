"""The focus indicator, in the window's own pixels: there once a key is used, gone at the
next touch; two bands of at least 3 px, one light and one dark, standing out from what is
around the control by at least 3:1."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from conftest import Finger, views
from kiosk.content.colour import contrast_ratio
from kiosk.core.session import Access, Screen
from kiosk.ui.keypad.focus_ring import MIN_BAND_PX

if TYPE_CHECKING:
    from conftest import KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.window import KioskWindow


def picture(window: KioskWindow) -> QImage:
    QCoreApplication.processEvents()
    return window.grab().toImage()


def colour(image: QImage, x: int, y: int) -> str:
    return image.pixelColor(x, y).name().upper()


def band_samples(ring: QRect, band: int) -> dict[str, list[tuple[int, int]]]:
    """Points in the middle of each side: on the outer band, on the inner band, and just
    outside the ring (the surroundings)."""
    middle_x, middle_y = ring.center().x(), ring.center().y()
    left, top, right, bottom = ring.left(), ring.top(), ring.right(), ring.bottom()
    return {
        "outer": [(middle_x, top + depth) for depth in range(band)]
        + [(left + depth, middle_y) for depth in range(band)]
        + [(middle_x, bottom - depth) for depth in range(band)]
        + [(right - depth, middle_y) for depth in range(band)],
        "inner": [(middle_x, top + band + depth) for depth in range(band)]
        + [(left + band + depth, middle_y) for depth in range(band)],
        "around": [
            (middle_x, top - 2),
            (left - 2, middle_y),
            (middle_x, bottom + 2),
            (right + 2, middle_y),
        ],
    }


@pytest.mark.parametrize(
    "access", [Access(), Access(high_contrast=True)], ids=["content-colours", "high-contrast"]
)
@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160), (1080, 1920)], ids=str)
def test_the_ring_shows_after_a_key_and_goes_at_the_next_touch(
    make_kiosk: KioskFactory,
    exhibit: Exhibit,
    finger: Finger,
    size: tuple[int, int],
    access: Access,
) -> None:
    kiosk = make_kiosk(exhibit, size, reduced_motion=True)
    window = kiosk.window
    finger.tap(window.attract)  # a touch visitor: no focus shown
    assert kiosk.session.screen is Screen.HOME
    kiosk.session.set_access(access)
    home = views(window).home
    touched = picture(window)
    assert not window.keypad.ring.isVisible()

    QTest.keyClick(window, Qt.Key.Key_Tab)
    assert window.keypad.focused() is home.tiles[Screen.STATEMENT]
    ring = window.keypad.ring
    band = ring.band
    assert band >= MIN_BAND_PX
    outer_rect = ring.outer_rect()
    tile = home.tiles[Screen.STATEMENT]
    tile_rect = QRect(tile.mapTo(window, tile.rect().topLeft()), tile.size())
    assert outer_rect.adjusted(2 * band, 2 * band, -2 * band, -2 * band) == tile_rect
    keyed = picture(window)
    outer, inner = ring.colours()
    assert {outer, inner} == {"#FFFFFF", "#000000"}  # light and dark: a shape, not a hue
    samples = band_samples(outer_rect, band)
    assert {colour(keyed, x, y) for x, y in samples["outer"]} == {outer}
    assert {colour(keyed, x, y) for x, y in samples["inner"]} == {inner}
    # The ring against its surroundings: at least 3:1 on every side.
    around = {colour(keyed, x, y) for x, y in samples["around"]}
    ratios = [contrast_ratio(outer, neighbour) for neighbour in around]
    assert min(ratios) >= 3, (around, ratios)
    # ... and none of those pixels was the ring's before the key.
    assert all(colour(touched, x, y) != outer for x, y in samples["outer"])

    # The next touch (on the title, which does nothing else) takes the ring away.
    finger.tap(home.title)
    assert not kiosk.controller.keypad.active
    assert not ring.isVisible()
    after = picture(window)
    for x, y in samples["outer"] + samples["inner"]:
        assert colour(after, x, y) == colour(touched, x, y)


def test_the_ring_follows_the_control_when_the_text_grows(
    make_kiosk: KioskFactory, exhibit: Exhibit
) -> None:
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    window = kiosk.window
    QTest.keyClick(window, Qt.Key.Key_Space)
    control = window.keypad.focused()
    assert control is not None
    kiosk.session.set_access(Access(text_step=2))
    QCoreApplication.processEvents()
    QCoreApplication.processEvents()
    band = window.keypad.ring.band
    placed = QRect(control.mapTo(window, control.rect().topLeft()), control.size())
    ring = window.keypad.ring.outer_rect()
    assert ring.adjusted(2 * band, 2 * band, -2 * band, -2 * band) == placed
