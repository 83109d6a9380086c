"""Validation findings shown in the staff preview, in an area of their own, instead of a crash.

The panel speaks the staff's language, not the visitor's: the kiosk beside it installs the
visitor's translator for the whole application whenever a visitor picks a language, so the
panel translates through a translator of its own instead of the application's."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.content.issues import Issue
from kiosk.ui.translations import SOURCE_LANGUAGE, qm_path
from kiosk.ui.widgets.text import make_label

MAX_SHOWN = 12


def counted(text: str, n: int) -> str:
    """A ``%n`` count filled in, in English's two forms where no translation chose one:
    English is the source language, so "%n error(s)" has no translator to pick "1 error"
    or "2 errors" (Russian and Azerbaijani get their forms from their .qm files)."""
    if n < 0:
        return text
    return text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")


class FindingsPanel(QFrame):
    def __init__(self, parent: QWidget | None = None, *, language: str = SOURCE_LANGUAGE) -> None:
        super().__init__(parent)
        self.setObjectName("FindingsPanel")
        self.language = language
        self._translator: QTranslator | None = None
        if language != SOURCE_LANGUAGE:
            translator = QTranslator(self)
            if translator.load(str(qm_path(language))):
                self._translator = translator
        self._below = False
        self._text_px = 18
        self.heading = make_label("findings-heading", self)
        self.heading.setObjectName("FindingsHeading")
        self.lines = make_label("findings")
        self.lines.setObjectName("FindingsText")
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Long findings scroll within the panel; the exhibit's area never gives way to them.
        holder = QWidget()
        holder.setObjectName("FindingsLines")
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.lines)
        inner.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(holder)
        layout = self._layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroll_area, 1)
        self._restyle()
        self.issues: list[Issue] = []

    def tr(self, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        """The staff's words: this panel's own translator, never the visitor's.  Still
        ``self.tr`` so that lupdate finds the words under this class's context."""
        translated = None
        if self._translator is not None:
            translated = self._translator.translate("FindingsPanel", source, disambiguation, n)
        return counted(translated or source, n)

    def set_below(self, below: bool) -> None:
        """The accent line faces the exhibit: on the left beside it, on top below it."""
        self._below = below
        self._restyle()

    def set_text_size(self, pixels: int) -> None:
        """Type in step with the exhibit beside it (a 4K exhibit next to desktop-sized words
        would leave them unreadable at a glance)."""
        if pixels != self._text_px:
            self._text_px = pixels
            self._restyle()

    def _restyle(self) -> None:
        edge = "top" if self._below else "left"
        px = self._text_px
        self.setStyleSheet(
            f"QFrame#FindingsPanel {{ background: #2B1B17; border-{edge}: 3px solid #E0735E; }}"
            "QScrollArea, QWidget#FindingsLines { background: transparent; border: none; }"
            f"QLabel {{ color: #F6EEE8; font-size: {px}px; }}"
            f"QLabel#FindingsHeading {{ font-size: {round(px * 1.15)}px; font-weight: 600; }}"
        )
        margin = max(12, px)
        self._layout.setContentsMargins(margin, round(margin * 0.75), margin, margin)

    def show_issues(self, issues: list[Issue], *, showing_last_good: bool) -> None:
        self.issues = issues
        errors = sum(issue.severity == "error" for issue in issues)
        warnings = len(issues) - errors
        if errors and showing_last_good:
            state = self.tr("the last good version stays on screen")
        elif errors:
            state = self.tr("nothing can be shown until they are fixed")
        else:
            state = self.tr("the content is shown")
        self.heading.setText(
            self.tr("%1, %2: %3")
            .replace("%1", self.tr("%n error(s)", "", errors))
            .replace("%2", self.tr("%n warning(s)", "", warnings))
            .replace("%3", state)
        )
        shown = [str(issue) for issue in issues[:MAX_SHOWN]]
        if len(issues) > MAX_SHOWN:
            shown.append(self.tr("... and %n more", "", len(issues) - MAX_SHOWN))
        self.lines.setText("\n\n".join(shown))  # a blank line between wrapped findings
