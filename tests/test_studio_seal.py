"""The seal's two questions in the studio (issue 17): Unlock explains the seal; sealing again
shows the changed words; both answer no unless the staff choose yes."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QListWidget, QPushButton, QWidget

from kiosk.ui.studio.seal_dialog import confirm_reseal, confirm_unlock

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

HANG_GUARD_S = 60
CHANGES = ["paragraph 2 is not the sealed en text: '150' became '1500'"]


class ModalAnswer:
    """Answers the next modal dialog named ``name`` from inside its own event loop: a timer
    looks for it (no sleeps), lets ``look`` see it, then presses ``button`` (or Escape)."""

    def __init__(
        self, name: str, button: str | None, look: Callable[[QDialog], None] | None = None
    ) -> None:
        self.name, self.button, self.look = name, button, look
        self.seen: QDialog | None = None
        self.deadline = time.monotonic() + HANG_GUARD_S
        self.texts: list[str] = []
        # Kept by the caller: a dialog never answered would hang the test, so the caller
        # holds the answer (and its timer) until the dialog returns.
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if time.monotonic() > self.deadline and isinstance(dialog, QDialog):
            self.timer.stop()  # a hang guard only: the test then fails on what it saw
            dialog.reject()
            return
        if not isinstance(dialog, QDialog) or dialog.objectName() != self.name:
            return
        if not dialog.isVisible():
            return
        self.timer.stop()
        self.seen = dialog
        self.texts = [label.text() for label in dialog.findChildren(QLabel)]
        if self.look is not None:
            self.look(dialog)
        if self.button is None:
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
            return
        button = dialog.findChild(QPushButton, self.button)
        assert button is not None
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_unlock_explains_the_seal_and_unlocks_only_on_unlock(parent: QWidget) -> None:
    answer = ModalAnswer("UnlockDialog", "SealYes")
    assert confirm_unlock(parent) is True
    said = " ".join(answer.texts)
    assert "sealed" in said and "not a signature" in said
    assert "every changed word is shown" in said and "confirm" in said
    answer = ModalAnswer("UnlockDialog", "SealNo")
    assert confirm_unlock(parent) is False
    answer = ModalAnswer("UnlockDialog", None)
    assert confirm_unlock(parent) is False
    assert answer.seen is not None


def test_unlock_buttons_are_named_and_cancel_is_the_default(parent: QWidget) -> None:
    def look(dialog: QDialog) -> None:
        yes = dialog.findChild(QPushButton, "SealYes")
        no = dialog.findChild(QPushButton, "SealNo")
        assert yes is not None and no is not None
        assert yes.accessibleName() == "Unlock" and no.accessibleName() == "Cancel"
        assert no.isDefault() and not yes.isDefault()

    answer = ModalAnswer("UnlockDialog", None, look)
    assert confirm_unlock(parent) is False
    assert answer.seen is not None


def test_reseal_shows_the_changed_words(parent: QWidget) -> None:
    shown: list[str] = []

    def look(dialog: QDialog) -> None:
        listing = dialog.findChild(QListWidget, "ResealChanges")
        assert listing is not None
        shown.extend(listing.item(row).text() for row in range(listing.count()))
        assert listing.accessibleName()

    answer = ModalAnswer("ResealDialog", "SealYes", look)
    assert confirm_reseal(parent, CHANGES) is True
    assert shown == CHANGES
    answer = ModalAnswer("ResealDialog", "SealNo")
    assert confirm_reseal(parent, CHANGES) is False
    answer = ModalAnswer("ResealDialog", "SealCancel")
    assert confirm_reseal(parent, CHANGES) is None  # Cancel: save nothing
    answer = ModalAnswer("ResealDialog", None)
    assert confirm_reseal(parent, CHANGES) is None  # Escape too
    assert answer.seen is not None
