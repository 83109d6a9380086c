"""What every screen offers the window: language, metrics, and a reset for the next visitor."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.model import Colours, Exhibit, LocalizedText
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.text import relayout


class ScreenView(QWidget):
    def __init__(self, exhibit: Exhibit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exhibit = exhibit
        self.language = exhibit.settings.default_language
        # Languages shown in place of the visitor's, because staff have not translated a text.
        self.fallbacks: set[str] = set()
        # Content in the pseudo-language too, for layout testing (kiosk render --pseudo).
        self.pseudo = False

    def text(self, value: LocalizedText) -> str:
        text, used = value.resolve(self.language, self.exhibit.settings.default_language)
        if used != self.language:
            self.fallbacks.add(used)
        if self.pseudo:
            from kiosk.ui.pseudo import pseudo  # noqa: PLC0415

            return pseudo(text)
        return text

    def set_language(self, language: str) -> None:
        self.language = language
        self.fallbacks = set()
        self.retranslate()
        relayout(*self.findChildren(QLabel))

    def retranslate(self) -> None:
        """Put content and interface words in the current language."""

    def apply_metrics(self, m: Metrics) -> None:
        """Adapt sizes to the display."""

    def apply_access(self, colours: Colours) -> None:
        """Colours chosen by the visitor (high contrast) for parts painted by hand."""

    def reset(self) -> None:
        """Forget the last visitor: scroll positions and the like."""

    def load_icons(self, colour: str) -> None:
        """Called after the first frame, when icons may be loaded."""
