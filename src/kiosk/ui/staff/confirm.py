"""The panel's confirmation: a question over the dimmed panel, where staff are looking, with
the action and Cancel; nothing beneath can be pressed until one of them is."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QFrame, QVBoxLayout, QWidget

from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.modal import ModalLayer
from kiosk.ui.widgets.text import make_label


class ConfirmLayer(ModalLayer):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, dim=170)
        self.setObjectName("StaffConfirmLayer")
        self.sheet = QFrame(self)
        self.sheet.setProperty("role", "panel")
        self.sheet.setObjectName("StaffConfirmSheet")
        self.text = make_label("body", self.sheet)
        self.yes = TouchButton("primary", self.sheet, primary=True)
        self.yes.setObjectName("StaffConfirm")
        self.no = TouchButton("nav", self.sheet, primary=True)
        self.no.setObjectName("StaffConfirmCancel")
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._row = row
        row.addStretch(1)
        row.addWidget(self.no)
        row.addWidget(self.yes)
        self._layout = QVBoxLayout(self.sheet)
        self._layout.addWidget(self.text)
        self._layout.addLayout(row)
        self.hide()

    def ask(self, question: str, yes: str, no: str) -> None:
        self.text.setText(question)
        self.yes.set_text(yes)
        self.no.set_text(no)
        self.cover()
        self._place()

    def apply_metrics(self, m: Metrics) -> None:
        for button in (self.yes, self.no):
            button.set_target_size(m.minimum_target, m.primary_target)
        pad = m.unit * 4
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(m.unit * 3)

    def resizeEvent(self, event: object) -> None:
        self._place()

    def _place(self) -> None:
        """Centred, as wide as a comfortable line (never wider than the panel), as tall as
        the question needs at that width."""
        margin = min(self.width(), self.height()) // 12
        margins = self._layout.contentsMargins()
        buttons = (
            self.yes.sizeHint().width()
            + self.no.sizeHint().width()
            + self._layout.spacing()
            + margins.left()
            + margins.right()
        )
        comfortable = round(self.text.fontMetrics().averageCharWidth() * 70)
        side_by_side = buttons <= self.width() - 2 * margin
        # Too long a pair for the screen (portrait, a longer language): one above the other.
        self._row.setDirection(
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.BottomToTop
        )
        self._layout.activate()
        width = self.width() - 2 * margin
        if side_by_side:
            width = max(min(width, comfortable), buttons)
        height = self.sheet.sizeHint().height()
        if self._layout.hasHeightForWidth():
            height = max(height, self._layout.totalHeightForWidth(width))
        height = min(height, self.height())
        self.sheet.setGeometry(
            (self.width() - width) // 2, (self.height() - height) // 2, width, height
        )
