"""Every touch target is large enough for a finger, measured in millimetres on the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.render import screen_states
from kiosk.ui.theme import pixels_per_mm
from kiosk.ui.widgets.buttons import TileButton, TouchButton

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit

SIZES = [(1920, 1080), (3840, 2160), (1080, 1920), (1280, 800)]


def visible_buttons(window: QWidget) -> list[QAbstractButton]:
    return [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_targets_meet_their_minimum_sizes(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(exhibit, size=size, reduced_motion=True)
    density = pixels_per_mm(exhibit.settings, kiosk.window.screen())
    touch = exhibit.settings.touch
    checked = 0
    for name, action in screen_states(kiosk):
        action()
        QCoreApplication.processEvents()
        for button in visible_buttons(kiosk.window):
            assert isinstance(button, TouchButton | TileButton), f"{name}: {button.objectName()}"
            floor_mm = touch.primary_target_mm if button.primary else touch.minimum_target_mm
            side_mm = min(button.width(), button.height()) / density
            assert side_mm >= floor_mm, f"{name}: {button.objectName()} is {side_mm:.1f} mm"
            checked += 1
    assert checked > 30


def test_a_misreporting_display_is_overridden_by_content(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit
) -> None:
    touch = exhibit.settings.touch._replace(pixels_per_mm=12.0)  # a dense panel
    settings = exhibit.settings._replace(touch=touch)
    dense = exhibit._replace(settings=settings)
    kiosk = make_kiosk(dense, reduced_motion=True)
    kiosk.session.go_home()
    QCoreApplication.processEvents()
    back = kiosk.window.nav.back_button
    assert back.height() >= round(10 * 12.0)  # 10 mm at 12 px/mm


def test_every_button_has_an_accessible_name(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit
) -> None:
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    for name, action in screen_states(kiosk):
        action()
        for button in visible_buttons(kiosk.window):
            assert button.accessibleName(), f"{name}: {button.objectName()}"
