"""Validation findings shown on screen in the staff preview, instead of a crash."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.content.issues import Issue
from kiosk.ui.widgets.text import make_label

MAX_SHOWN = 12


class FindingsPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FindingsPanel")
        self.setStyleSheet(
            "QFrame#FindingsPanel { background: #2B1B17; border-top: 3px solid #E0735E; }"
            "QLabel { color: #F6EEE8; font-size: 18px; }"
        )
        self.heading = make_label("findings-heading", self)
        self.lines = make_label("findings", self)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.lines)
        self.issues: list[Issue] = []
        self.hide()

    def show_issues(self, issues: list[Issue], *, showing_last_good: bool) -> None:
        self.issues = issues
        if not issues:
            self.hide()
            return
        errors = sum(issue.severity == "error" for issue in issues)
        warnings = len(issues) - errors
        if errors and showing_last_good:
            state = self.tr("the last good version stays on screen")
        elif errors:
            state = self.tr("nothing can be shown until they are fixed")
        else:
            state = self.tr("the content is shown")
        self.heading.setText(
            self.tr("%1 error(s), %2 warning(s): %3")
            .replace("%1", str(errors))
            .replace("%2", str(warnings))
            .replace("%3", state)
        )
        shown = [str(issue) for issue in issues[:MAX_SHOWN]]
        if len(issues) > MAX_SHOWN:
            shown.append(self.tr("... and %1 more").replace("%1", str(len(issues) - MAX_SHOWN)))
        self.lines.setText("\n".join(shown))
        self.show()
        self.raise_()

    def place(self) -> None:
        """Along the bottom of the window it belongs to."""
        window = self.parentWidget()
        if window is None:
            return
        height = min(self.sizeHint().height(), window.height() // 2)
        self.setGeometry(0, window.height() - height, window.width(), height)
