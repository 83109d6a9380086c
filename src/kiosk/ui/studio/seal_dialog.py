"""The two questions about the statement's seal: unlocking the issued text for editing, and
sealing changed words again when saving.  Both say in plain words what the seal is for, and
both default to the careful answer (Cancel: nothing unlocked, nothing saved)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class _Question(QDialog):
    """A short question with a yes and a no button; no is the default (Enter, Esc)."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setModal(True)
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(12)
        self.buttons = QDialogButtonBox(self)
        self.yes: QPushButton | None = None
        self.no: QPushButton | None = None

    def paragraph(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setMinimumWidth(520)
        self._layout.addWidget(label)
        return label

    def answers(self, yes: str, no: str) -> None:
        self.yes = self.buttons.addButton(yes, QDialogButtonBox.ButtonRole.AcceptRole)
        self.no = self.buttons.addButton(no, QDialogButtonBox.ButtonRole.RejectRole)
        self.yes.setObjectName("SealYes")
        self.no.setObjectName("SealNo")
        self.yes.setAccessibleName(yes.replace("...", ""))
        self.no.setAccessibleName(no)
        self.yes.setAutoDefault(False)
        self.no.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout.addWidget(self.buttons)
        self.no.setFocus()


class UnlockDialog(_Question):
    """Why the statement's words are sealed, before they can be changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, "UnlockDialog")
        self.setWindowTitle(self.tr("Unlock the issued text?"))
        self.paragraph(
            self.tr(
                "The statement is shown exactly as it was issued. Its words are sealed, so "
                "that a slip of the keyboard cannot change them unnoticed. Line breaks, "
                "spaces, quotes and dashes may change; words may not."
            ),
            "UnlockWhat",
        )
        self.paragraph(
            self.tr(
                "Unlock only to put in a corrected issued text or a new official translation. "
                "The texts stay editable until you close the studio. When you save, every "
                "changed word is shown, and the new words are sealed only after you confirm "
                "them; until then the checks report each changed word."
            ),
            "UnlockThen",
        )
        self.paragraph(
            self.tr(
                "The seal is not a signature: it guards against careless edits and shows what "
                "changed. Who issued an exhibit is proven by the pack's signature."
            ),
            "UnlockNotSignature",
        )
        self.answers(self.tr("Unlock"), self.tr("Cancel"))


class ResealDialog(_Question):
    """The changed sealed words, and whether they are the issued text now."""

    def __init__(self, changes: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent, "ResealDialog")
        self.setWindowTitle(self.tr("Seal the changed words?"))
        self.paragraph(
            self.tr("These words of the issued statement differ from the sealed ones:"),
            "ResealIntro",
        )
        self.changes = QListWidget(self)
        self.changes.setObjectName("ResealChanges")
        self.changes.setAccessibleName(self.tr("Changed words"))
        self.changes.setWordWrap(True)
        self.changes.addItems(changes)
        self.changes.setMinimumWidth(620)
        rows = sum(self.changes.sizeHintForRow(row) for row in range(min(len(changes), 8)))
        self.changes.setMinimumHeight(rows + 2 * self.changes.frameWidth() + 4)
        self._layout.addWidget(self.changes)
        self.paragraph(
            self.tr(
                "Seal them only if this is the issued text (a corrected statement, a new "
                "official translation). Don't seal saves your changes all the same; the "
                "checks then show each changed word until it is sealed or put back."
            ),
            "ResealAdvice",
        )
        self.answers(self.tr("Seal"), self.tr("Don't seal"))
        # Cancel (also Escape and Enter) saves nothing: a question about the issued words
        # closed without reading it must not write them.
        assert self.no is not None and self.yes is not None
        self.buttons.rejected.disconnect(self.reject)
        self.no.clicked.connect(lambda: self.done(DONT_SEAL))
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setObjectName("SealCancel")
        self.cancel.setAccessibleName(self.cancel.text().replace("&", ""))
        self.cancel.clicked.connect(self.reject)
        self.no.setDefault(False)
        self.no.setAutoDefault(False)
        self.cancel.setDefault(True)
        self.cancel.setFocus()


DONT_SEAL = 2  # the Reseal dialog's result for Don't seal (Accepted: Seal; Rejected: Cancel)


def confirm_unlock(parent: QWidget | None) -> bool:
    """Whether the staff chose Unlock after reading what the seal is."""
    dialog = UnlockDialog(parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def confirm_reseal(parent: QWidget | None, changes: list[str]) -> bool | None:
    """True: Seal these changed words; False: Don't seal (save them unsealed); None: Cancel,
    save nothing (the default, and Escape)."""
    dialog = ResealDialog(changes, parent)
    try:
        result = dialog.exec()
    finally:
        dialog.deleteLater()
    if result == QDialog.DialogCode.Accepted:
        return True
    return False if result == DONT_SEAL else None
