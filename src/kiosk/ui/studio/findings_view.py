"""The studio's findings: what `kiosk validate` would say about the texts in memory, one line
each; choosing one (click, or Enter) asks the window to show its item and field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kiosk.content.issues import Issue
from kiosk.editing.document import Address

ADDRESS_ROLE = Qt.ItemDataRole.UserRole
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1


class FindingsView(QWidget):
    """``finding_chosen(address)`` when staff choose a finding that points at a field."""

    finding_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StudioFindings")
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Summary of the findings"))
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(self.tr("Findings"))
        self.list.setAccessibleDescription(
            self.tr("Choose a finding to go to its field (Enter or a click)")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        self.heading.setBuddy(self.list)
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)  # Enter, or a double click
        self.findings: list[tuple[Address | None, Issue]] = []
        self.set_findings([])

    def set_findings(self, findings: list[tuple[Address | None, Issue]]) -> None:
        """Show ``findings`` (each with the field it points at, if any), errors first."""
        if findings == self.findings and self.list.count() == len(findings):
            return  # typing that changed nothing found: keep the list (and its scroll) still
        self.findings = list(findings)
        ordered = sorted(findings, key=lambda pair: (pair[1].severity != "error", pair[1]))
        chosen = self.list.currentRow()
        self.list.clear()
        for address, issue in ordered:
            row = QListWidgetItem(self._line(issue))
            row.setData(ADDRESS_ROLE, address)
            row.setData(ISSUE_ROLE, str(issue))
            row.setToolTip(str(issue))
            self.list.addItem(row)
        if 0 <= chosen < self.list.count():
            self.list.setCurrentRow(chosen)
        errors = sum(1 for _address, issue in findings if issue.severity == "error")
        warnings = len(findings) - errors
        if not findings:
            self.heading.setText(self.tr("No findings: the exhibit is ready to publish."))
        elif errors:
            self.heading.setText(
                self.tr("%1 errors, %2 warnings: fix the errors before publishing.")
                .replace("%1", str(errors))
                .replace("%2", str(warnings))
            )
        else:
            self.heading.setText(
                self.tr("%1 warnings: the exhibit can be published.").replace("%1", str(warnings))
            )

    def _line(self, issue: Issue) -> str:
        kind = self.tr("error") if issue.severity == "error" else self.tr("warning")
        # str(issue) shows control characters in a message as escapes; its own words follow
        # the place and the severity.
        message = str(issue)[len(f"{issue.location}: {issue.severity}: ") :]
        return f"{kind}: {message}  ({issue.location})"

    def _chosen(self, row: QListWidgetItem) -> None:
        address = row.data(ADDRESS_ROLE)
        if address is not None:
            self.finding_chosen.emit(tuple(address))
