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
        self._grid = QGridLayout()
        self._arranged_portrait: bool | None = None
        self._arrange(portrait=False)
        self._layout = QVBoxLayout(self.panel)
        self._layout.addWidget(self.heading)
        self._layout.addLayout(self._grid)
        self._layout.addWidget(self.done, 0, Qt.AlignmentFlag.AlignHCenter)
        self.sizes.idClicked.connect(lambda _step: self._emit())
        self.contrast.clicked.connect(self._emit)
        self.motion.clicked.connect(self._emit)
        self.done.clicked.connect(self.hide)
        # The panel sits in the middle of the layer; the layout sizes it to its content.
        outer = QGridLayout(self)
        outer.addWidget(self.panel, 1, 1)
        outer.setRowStretch(0, 1)
        outer.setRowStretch(2, 1)
        outer.setColumnStretch(0, 1)
        outer.setColumnStretch(2, 1)
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
            button.setAccessibleDescription(self.tr("Text size"))
        self.contrast.set_text(self.tr("High contrast"))
        self.contrast.setAccessibleDescription(self.tr("White and yellow on black"))
        self.motion.set_text(self.tr("Less motion"))
        self.motion.setAccessibleDescription(self.tr("No moving light and no fades"))
        self.done.set_text(self.tr("Done"))
        self.done.setAccessibleDescription(self.tr("Close these settings"))

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

    def _arrange(self, *, portrait: bool) -> None:
        """The three sizes side by side, or one above another on a narrow screen."""
        if portrait == self._arranged_portrait:
            return
        self._arranged_portrait = portrait
        for widget in (*self.size_buttons, self.contrast, self.motion):
            self._grid.removeWidget(widget)
        for step, button in enumerate(self.size_buttons):
            self._grid.addWidget(button, step if portrait else 0, 0 if portrait else step)
        row = 3 if portrait else 1
        self._grid.addWidget(self.contrast, row, 0, 1, 3)
        self._grid.addWidget(self.motion, row + 1, 0, 1, 3)

    def apply_metrics(self, m: Metrics) -> None:
        self._arrange(portrait=m.portrait)
        for button in (*self.size_buttons, self.contrast, self.motion, self.done):
            button.set_target_size(m.minimum_target, m.primary_target)
        pad = m.unit * 4
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(m.unit * 3)
