"""Visitors cannot close, leave or take apart the exhibit from inside the application."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QTextEdit, QWidget

from kiosk.render import screen_states

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk

KEY_SWEEP = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
]


@pytest.fixture
def full_screen(make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit) -> Kiosk:
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    kiosk.window.showFullScreen()
    kiosk.lockdown.full_screen = True
    qtbot.waitUntil(kiosk.window.isFullScreen)
    return kiosk


def test_the_key_sweep_changes_nothing(qtbot: QtBot, full_screen: Kiosk) -> None:
    window = full_screen.window
    screen = window.screen()
    for state, action in screen_states(full_screen):
        window.close_layers()
        action()
        for key, modifiers in KEY_SWEEP:
            QTest.keyClick(window, key, modifiers)
        QCoreApplication.processEvents()
        assert window.isVisible() and window.isFullScreen(), state
        assert window.screen() is screen
    assert full_screen.session.screen is not None


def test_close_requests_are_refused_until_staff_allow_exit(
    qtbot: QtBot, full_screen: Kiosk
) -> None:
    window = full_screen.window
    assert not window.close()
    assert window.isVisible()
    full_screen.lockdown.allow_exit()
    assert window.close()


def test_the_window_takes_full_screen_back(qtbot: QtBot, full_screen: Kiosk) -> None:
    window = full_screen.window
    window.showNormal()
    qtbot.waitUntil(window.isFullScreen, timeout=3000)


def test_no_widget_offers_menus_drops_selection_or_links(full_screen: Kiosk) -> None:
    window = full_screen.window
    widgets = [window, *window.findChildren(QWidget)]
    assert len(widgets) > 80
    for widget in widgets:
        name = f"{type(widget).__name__} {widget.objectName()}"
        assert widget.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu, name
        assert not widget.acceptDrops(), name
        assert not isinstance(widget, QLineEdit | QTextEdit), name
        if isinstance(widget, QLabel):
            assert widget.textFormat() == Qt.TextFormat.PlainText, name
            assert widget.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
            assert not widget.openExternalLinks(), name


def at_full_screen(window: QWidget) -> bool:
    return bool(
        window.isVisible()
        and window.isFullScreen()
        and window.geometry() == window.screen().geometry()
    )


# What xdotool windowsize, windowmove and windowunmap do under X11 without a window manager
# (the kiosk was left at 800x600): the window takes the whole screen back.
@pytest.mark.parametrize(
    "change",
    [
        lambda window: window.resize(800, 600),
        lambda window: window.move(200, 150),
        lambda window: window.setGeometry(10, 10, 800, 600),
        lambda window: window.hide(),
        lambda window: window.showMinimized(),
        lambda window: window.windowHandle().setVisible(False),
    ],
    ids=["resize", "move", "geometry", "hide", "minimize", "unmap"],
)
def test_the_window_takes_the_whole_screen_back(
    qtbot: QtBot, full_screen: Kiosk, change: Callable[[QWidget], object]
) -> None:
    window = full_screen.window
    change(window)
    qtbot.waitUntil(lambda: at_full_screen(window), timeout=3000)


def test_a_window_unmapped_behind_qts_back_is_mapped_again(
    qtbot: QtBot, full_screen: Kiosk
) -> None:
    """X11 without a window manager: ``xdotool windowunmap`` leaves Qt believing the window
    is shown; it only stops being exposed.  The lockdown's periodic look shows it anew."""
    window = full_screen.window
    handle = window.windowHandle()
    shown_again: list[bool] = []
    handle.visibleChanged.connect(shown_again.append)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(handle, "isExposed", lambda: False)  # an unmap, as Qt sees it
        qtbot.waitUntil(lambda: True in shown_again, timeout=5000)
    assert shown_again[:2] == [False, True]  # hidden and shown: mapped again
    qtbot.waitUntil(lambda: at_full_screen(window), timeout=3000)
