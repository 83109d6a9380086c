"""An on-screen PIN pad: large digits, the PIN shown only as dots."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.security import MAX_PIN_DIGITS
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.modal import ModalLayer
from kiosk.ui.widgets.text import make_label

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "enter")


class PinPad(ModalLayer):
    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, dim=200)
        self.setObjectName("PinPad")
        self._digits = ""
        self.panel = QFrame(self)
        self.panel.setProperty("role", "panel")
        self.heading = make_label("heading", self.panel)
        self.dots = make_label("heading", self.panel, wrap=False)
        self.message = make_label("caption", self.panel)
        for label in (self.heading, self.dots, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keys: dict[str, TouchButton] = {}
        grid = QGridLayout()
        for index, key in enumerate(KEYS):
            button = TouchButton("key", self.panel, primary=True)
            button.setObjectName(f"PinKey-{key}")
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            self.keys[key] = button
            grid.addWidget(button, index // 3, index % 3)
        self.cancel_button = TouchButton("nav", self.panel)
        self.cancel_button.setObjectName("PinCancel")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        self._layout = QVBoxLayout(self.panel)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.dots)
        self._layout.addWidget(self.message)
        self._layout.addLayout(grid)
        self._layout.addLayout(row)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Staff PIN"))
        for key, button in self.keys.items():
            names = {"clear": self.tr("Clear"), "enter": self.tr("OK")}
            button.set_text(names.get(key, key))
        self.cancel_button.set_text(self.tr("Cancel"))

    def open(self, message: str = "", *, keys: bool = True) -> None:
        """Ask for the PIN; with ``keys=False`` only show ``message`` (how to set a PIN when
        none is set: there is nothing to type, so nothing to type it with)."""
        self._digits = ""
        self._show_dots()
        self.dots.setVisible(keys)
        for button in self.keys.values():
            button.setVisible(keys)
        self.message.setText(message)
        self.cover()
        self._place()

    def set_message(self, message: str) -> None:
        self.message.setText(message)
        self._place()

    def cancel(self) -> None:
        self._digits = ""
        self.hide()
        self.cancelled.emit()

    def _press(self, key: str) -> None:
        if key == "clear":
            self._digits = ""
        elif key == "enter":
            digits, self._digits = self._digits, ""
            self.submitted.emit(digits)
        elif len(self._digits) < MAX_PIN_DIGITS:
            self._digits += key
        self._show_dots()

    def _show_dots(self) -> None:
        self.dots.setText("●" * len(self._digits) or " ")

    def apply_metrics(self, m: Metrics) -> None:
        for button in (*self.keys.values(), self.cancel_button):
            button.set_target_size(m.minimum_target, m.primary_target)
            button.setMinimumWidth(round(m.primary_target * 1.4))
        self._layout.setSpacing(m.unit * 2)
        pad = m.unit * 4
        self._layout.setContentsMargins(pad, pad, pad, pad)

    def resizeEvent(self, event: object) -> None:
        self._place()

    def _place(self) -> None:
        """Centre the pad at the size its contents need now: a message that wraps onto more
        lines than the last one must not squeeze the keys together."""
        self._layout.activate()
        hint = self.panel.sizeHint()
        width = min(hint.width(), self.width())
        height = hint.height()
        if self._layout.hasHeightForWidth():
            height = max(height, self._layout.totalHeightForWidth(width))
        height = min(height, self.height())
        self.panel.setGeometry(
            (self.width() - width) // 2, (self.height() - height) // 2, width, height
        )
