"""A screen reader (Orca through AT-SPI, Narrator) can name and describe everything a visitor
can touch, on every screen, in every language: checked through Qt's accessibility interface."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.render import screen_states

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit


def interactive(window: QWidget) -> list[QWidget]:
    widgets: list[QWidget] = [
        w for w in window.findChildren(QAbstractButton) if w.isVisibleTo(window)
    ]
    for name in ("AttractScreen", "StatementScroll", "MomentCard"):
        found = window.findChild(QWidget, name)
        if found is not None and found.isVisibleTo(window):
            widgets.append(found)
    return widgets


@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_everything_touchable_has_a_name_and_a_description(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit, language: str
) -> None:
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    checked = 0
    for state, action in screen_states(kiosk, language):
        kiosk.window.close_layers()
        action()
        QCoreApplication.processEvents()
        for widget in interactive(kiosk.window):
            accessible = QAccessible.queryAccessibleInterface(widget)
            assert accessible is not None
            label = f"{state}: {widget.objectName()}"
            assert accessible.text(QAccessible.Text.Name).strip(), label
            assert accessible.text(QAccessible.Text.Description).strip(), label
            checked += 1
    assert checked > 60
