"""On a tall portrait screen, what a visitor presses stays in the lower part, within reach."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton

from kiosk.render import screen_states

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit

LOWEST_REACH = 0.4  # no target's centre above 40% of the screen's height


def test_primary_targets_are_low_on_portrait_screens(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit
) -> None:
    kiosk = make_kiosk(exhibit, size=(1080, 1920), reduced_motion=True)
    window = kiosk.window
    for state, action in screen_states(kiosk):
        if state in ("idle-warning", "access"):
            continue  # any touch answers the question; the panel opens where asked
        window.close_layers()
        action()
        QCoreApplication.processEvents()
        for button in window.findChildren(QAbstractButton):
            if not button.isVisibleTo(window):
                continue
            centre = button.mapTo(window, button.rect().center())
            assert centre.y() >= LOWEST_REACH * window.height(), (
                f"{state}: {button.objectName()} at {centre.y() / window.height():.0%}"
            )
