"""The visitor's own settings: text size, high contrast, less motion.  Reset on idle."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QVBoxLayout, QWidget

from kiosk.core.session import Access
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.modal import ModalLayer
from kiosk.ui.widgets.text import make_label


class AccessPanel(ModalLayer):
    chosen = Signal(object)  # Access

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("AccessPanel")
        self.panel = QFrame(self)
        self.panel.setProperty("role", "panel")
        self.heading = make_label("heading", self.panel)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sizes = QButtonGroup(self)
        self.size_buttons = []
        for step in range(3):
            button = TouchButton("language", self.panel, primary=True)
            button.setObjectName(f"TextSize-{step}")
            button.setCheckable(True)
            self.sizes.addButton(button, step)
            self.size_buttons.append(button)
        self.contrast = TouchButton("language", self.panel, primary=True)
        self.contrast.setObjectName("HighContrast")
        self.motion = TouchButton("language", self.panel, primary=True)
        self.motion.setObjectName("LessMotion")
        for toggle in (self.contrast, self.motion):
            toggle.setCheckable(True)
        self.done = TouchButton("primary", self.panel, primary=True)
        self.done.setObjectName("AccessDone")
        grid = QGridLayout()
        for step, button in enumerate(self.size_buttons):
            grid.addWidget(button, 0, step)
        grid.addWidget(self.contrast, 1, 0, 1, 3)
        grid.addWidget(self.motion, 2, 0, 1, 3)
        self._layout = QVBoxLayout(self.panel)
        self._layout.addWidget(self.heading)
        self._layout.addLayout(grid)
        self._layout.addWidget(self.done, 0, Qt.AlignmentFlag.AlignHCenter)
        self.sizes.idClicked.connect(lambda _step: self._emit())
        self.contrast.clicked.connect(self._emit)
        self.motion.clicked.connect(self._emit)
        self.done.clicked.connect(self.hide)
        self.retranslate()
        self.show_access(Access())
        self.hide()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Easier to see and read"))
        for button, name in zip(
            self.size_buttons,
            (self.tr("Standard text"), self.tr("Large text"), self.tr("Largest text")),
            strict=True,
        ):
            button.set_text(name)
        self.contrast.set_text(self.tr("High contrast"))
        self.motion.set_text(self.tr("Less motion"))
        self.done.set_text(self.tr("Done"))

    def show_access(self, access: Access) -> None:
        self.size_buttons[access.text_step].setChecked(True)
        self.contrast.setChecked(access.high_contrast)
        self.motion.setChecked(access.reduced_motion)

    def _emit(self) -> None:
        self.chosen.emit(
            Access(
                text_step=max(0, self.sizes.checkedId()),
                high_contrast=self.contrast.isChecked(),
                reduced_motion=self.motion.isChecked(),
            )
        )

    def apply_metrics(self, m: Metrics) -> None:
        for button in (*self.size_buttons, self.contrast, self.motion, self.done):
            button.set_target_size(m.minimum_target, m.primary_target)
        pad = m.unit * 4
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(m.unit * 3)
        self._place()

    def resizeEvent(self, event: object) -> None:
        self._place()

    def _place(self) -> None:
        hint = self.panel.sizeHint()
        width = min(hint.width(), self.width())
        wanted = self._layout.heightForWidth(width)
        height = min(wanted if wanted > 0 else hint.height(), self.height())
        left, top = (self.width() - width) // 2, (self.height() - height) // 2
        self.panel.setGeometry(left, top, width, height)
