"""The "Still there?" question, with a visible countdown that any touch dismisses."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout, QWidget

from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.countdown_ring import CountdownRing
from kiosk.ui.widgets.modal import ModalLayer
from kiosk.ui.widgets.text import make_label


class IdleOverlay(ModalLayer):
    def __init__(self, colours: tuple[str, str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("IdleOverlay")
        self.panel = QFrame(self)
        self.panel.setProperty("role", "panel")
        self.heading = make_label("heading", self.panel)
        self.message = make_label("caption", self.panel)
        self.countdown = CountdownRing(colours, self.panel)
        self.continue_button = TouchButton("primary", self.panel, primary=True)
        self.continue_button.setObjectName("ContinueButton")
        for label in (self.heading, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = self._panel_layout = QVBoxLayout(self.panel)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.countdown, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._seconds = 0
        # On the start screen nothing is left to "keep reading": what the visitor would
        # keep is their choices (language, text size), and the screen itself stays.
        self._at_start = False
        self._waiting_for_release = False
        self.retranslate()
        self.hide()

    def set_colours(self, colours: tuple[str, str]) -> None:
        self.countdown.set_colours(colours)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Still there?"))
        if self._at_start:
            message = self.tr(
                "Touch anywhere to keep your choices. "
                "Otherwise the exhibit starts afresh for the next visitor."
            )
        else:
            message = self.tr(
                "Touch anywhere to keep reading. Otherwise the exhibit returns to the start."
            )
        self.message.setText(message)
        self.continue_button.set_text(self.tr("Continue"))
        self.continue_button.setAccessibleDescription(self.tr("Stay on this screen"))
        self.set_seconds(self._seconds)

    def set_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        self.countdown.set_seconds(seconds)
        self.countdown.setAccessibleDescription(
            self.tr("Seconds until the exhibit starts afresh")
            if self._at_start
            else self.tr("Seconds until the exhibit returns to the start")
        )

    def start(self, seconds: int, *, at_start: bool = False) -> None:
        # A touch that answered the last question may still be down: its release must not
        # close this new one.
        self._stop_waiting_for_release()
        if at_start != self._at_start:
            self._at_start = at_start
            self.retranslate()
        self.countdown.set_total(seconds)
        self.set_seconds(seconds)

    def apply_metrics(self, m: Metrics) -> None:
        pad = m.unit * 5
        self._panel_layout.setContentsMargins(pad, pad, pad, pad)
        self._panel_layout.setSpacing(m.unit * 3)
        self.countdown.set_side(m.px(150))
        self.continue_button.set_target_size(m.minimum_target, m.primary_target)
        self.continue_button.setMinimumWidth(m.primary_target * 3)
        self._place_panel()

    def resizeEvent(self, event: object) -> None:
        self._place_panel()

    def _place_panel(self) -> None:
        width = min(
            self.width() - 4 * self._panel_layout.contentsMargins().left(),
            max(self.width() // 2, 1),
        )
        width = max(width, min(self.width(), 200))
        self.panel.setFixedWidth(width)
        height = self._panel_layout.heightForWidth(width)
        if height < 0:
            height = self.panel.sizeHint().height()
        self.panel.setFixedHeight(height)
        self.panel.move((self.width() - width) // 2, (self.height() - height) // 2)

    def dismiss(self) -> None:
        """Close once the touch that answered has ended.

        Hiding at the touch's start would hand the rest of that touch (its synthesized
        press and release) to whatever lies beneath, and the visitor would press a button
        they never saw.
        """
        if not self.isVisible():
            return
        QTimer.singleShot(0, self._hide_after_release)

    def _hide_after_release(self) -> None:
        app = QApplication.instance()
        if QApplication.mouseButtons() == Qt.MouseButton.NoButton or app is None:
            self.hide()
        elif not self._waiting_for_release:
            self._waiting_for_release = True
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
            self._stop_waiting_for_release()
            QTimer.singleShot(0, self.hide)
        return False

    def _stop_waiting_for_release(self) -> None:
        if self._waiting_for_release:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._waiting_for_release = False
