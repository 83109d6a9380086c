"""Cross-fades between screens by fading a snapshot of the old one away.

Animating a snapshot costs one blit per frame, whatever the screen holds, which keeps
transitions smooth at 4K without a GPU.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, Qt, QVariantAnimation
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

FADE_MS = 300


class FadeOverlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._snapshot = QPixmap()
        self._opacity = 0.0
        self._animation = QVariantAnimation(self, duration=FADE_MS)
        self._animation.setStartValue(1.0)
        self._animation.setEndValue(0.0)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._animation.valueChanged.connect(self._set_opacity)
        self._animation.finished.connect(self._finish)
        self.hide()

    def is_running(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def fade_from(self, snapshot: QPixmap) -> None:
        self._snapshot = snapshot
        self.setGeometry(self.parentWidget().rect())  # type: ignore[union-attr]
        self._opacity = 1.0
        self.show()
        self.raise_()
        self._animation.stop()
        self._animation.start()

    def finish_now(self) -> None:
        if self.is_running():
            self._animation.stop()
        self._finish()

    def _set_opacity(self, value: float) -> None:
        self._opacity = value
        self.update()

    def _finish(self) -> None:
        self._snapshot = QPixmap()
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._snapshot.isNull():
            return
        painter = QPainter(self)
        painter.setOpacity(self._opacity)
        painter.drawPixmap(0, 0, self._snapshot)
        painter.end()
