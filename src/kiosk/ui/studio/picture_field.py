"""A moment's picture in the form: its thumbnail, *Choose picture...* and *Remove picture*.

Choosing runs kiosk.editing.pictures: a large picture is asked about first, then the file is
checked as `kiosk validate` checks it (decoding in a child process, so on a worker thread
while a small modal note says what is happening) and copied under a safe name.  A refusal is
shown beside the field in the validator's words; nothing reaches the content folder then.
Removing takes the picture out of the moment; the file stays (nothing staff made is lost).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import images
from kiosk.editing.document import Address, ContentDocument
from kiosk.editing.outline import FormField
from kiosk.editing.pictures import (
    ImportedPicture,
    PictureRefused,
    import_picture,
    picture_warning,
)
from kiosk.ui.studio.form_editors import FieldEditor, Notice, muted

THUMBNAIL = QSize(240, 150)
# Larger pictures are not decoded for a thumbnail (the validator refuses them anyway).
MAX_THUMBNAIL_PIXELS = 40_000_000

ChooseFile = Callable[[QWidget], Path | None]
AskYesNo = Callable[[QWidget, str, str], bool]


def choose_file(parent: QWidget) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        # Under a context of their own: lupdate files ``parent.tr`` under "parent", where
        # Qt never looks, so the dialog stayed English in az and ru.
        QCoreApplication.translate("PictureField", "Choose a picture"),
        "",
        QCoreApplication.translate(
            "PictureField", "Pictures (*.png *.jpg *.jpeg *.webp);;All files (*)"
        ),
    )
    return Path(chosen) if chosen else None


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class _Outcome(QObject):
    """Carries the worker's result to the GUI thread (a queued signal)."""

    done = Signal(object)


class PictureField(FieldEditor):
    """``choose_file`` and ``ask`` are seams: the form's (and the tests') own choices."""

    checked = Signal(str)  # after a choice: "added", "refused" or "kept" (not chosen, declined)

    def __init__(
        self,
        field: FormField,
        address: Address,
        folder: Path,
        *,
        choose: Callable[[], ChooseFile],
        ask: Callable[[], AskYesNo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(field, address, parent)
        self.folder = folder
        self._choose, self._ask = choose, ask
        self.relative: str | None = None
        self.shown = False
        # One above the other: a narrow form (the studio at 1366 pixels) has room for both.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.thumbnail = QLabel(self)
        self.thumbnail.setObjectName("Thumbnail")
        self.thumbnail.setFixedSize(THUMBNAIL)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setFrameShape(QLabel.Shape.StyledPanel)
        self.thumbnail.setWordWrap(True)
        layout.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignLeft)
        side = QVBoxLayout()
        side.setSpacing(6)
        self.name = muted(QLabel(self))
        self.name.setObjectName("PictureName")
        self.name.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose picture..."), self)
        self.choose_button.setObjectName("ChoosePicture")
        self.choose_button.setAccessibleName(
            self.tr("Choose picture for %1").replace("%1", field.label)
        )
        self.choose_button.setAccessibleDescription(field.description)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove picture"), self)
        self.remove_button.setObjectName("RemovePicture")
        self.remove_button.setAccessibleName(
            self.tr("Remove picture from %1").replace("%1", field.label)
        )
        self.remove_button.setAccessibleDescription(
            self.tr("The file stays in the content folder.")
        )
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.result = Notice("error", "", self)
        self.result.setObjectName("PictureResult")
        self.result.hide()
        side.addWidget(self.name)
        side.addLayout(buttons)
        side.addWidget(self.result)
        side.addStretch(1)
        layout.addLayout(side, 1)

    # -- showing ---------------------------------------------------------------------------

    def load(self, document: ContentDocument) -> None:
        value = document.get(self.address)
        relative = value if isinstance(value, str) and value else None
        if self.shown and relative == self.relative:
            return
        self.shown, self.relative = True, relative
        self.remove_button.setEnabled(relative is not None)
        self.name.setVisible(relative is not None)
        if relative is None:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.tr("No picture"))
            return
        self.name.setText(relative)
        pixmap = self._thumbnail(relative)
        if pixmap is None:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.tr("No preview (see the findings)"))
        else:
            self.thumbnail.setText("")
            self.thumbnail.setPixmap(pixmap)

    def _thumbnail(self, relative: str) -> QPixmap | None:
        """A small picture of a file inside the folder, decoded scaled down; None for
        anything the validator would refuse to look at (outside the folder, a link, huge)."""
        root = self.folder.resolve()
        try:
            path = (root / relative).resolve()
            if not path.is_relative_to(root) or not path.is_file():
                return None
            info = images.sniff(path)
        except (OSError, ValueError, RuntimeError):
            return None
        if info.width * info.height > MAX_THUMBNAIL_PIXELS or info.width <= 0:
            return None
        reader = QImageReader(str(path))
        size = QSize(info.width, info.height).scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio)
        reader.setScaledSize(size)
        image = reader.read()
        return None if image.isNull() else QPixmap.fromImage(image)

    def editors(self) -> list[tuple[Address, QWidget]]:
        return [(self.address, self.choose_button), ((*self.address, "remove"), self.remove_button)]

    def set_notes(self, notes: dict[Address, list[Notice]]) -> bool:
        return False

    def show_result(self, severity: str, message: str) -> None:
        self.result.say(severity, message)
        self.result.show()

    # -- choosing --------------------------------------------------------------------------

    def choose(self) -> None:
        source = self._choose()(self)
        if source is None:
            self.checked.emit("kept")
            return
        warning = picture_warning(source)
        if warning is not None:
            question = self.tr("%1\n\nAdd it all the same?").replace("%1", warning)
            if not self._ask()(self, self.tr("A large picture"), question):
                self.checked.emit("kept")
                return
        outcome = self._import(source)
        if not shiboken6.isValid(self):
            return  # the form was rebuilt meanwhile; the file, if copied, stays unused
        if not isinstance(outcome, ImportedPicture):
            self.show_result("error", str(outcome))
            self.checked.emit("refused")
            return
        if outcome.warning:
            self.show_result("warning", outcome.warning)
        else:
            self.result.hide()
        self.edited.emit(self.address, outcome.relative)
        self.checked.emit("added")

    def _import(self, source: Path) -> object:
        """import_picture on a worker thread; a small modal note (and its event loop) while
        it decodes, so the window keeps painting and nothing else changes meanwhile."""
        note = QDialog(self.window())
        note.setObjectName("CheckingPicture")
        note.setWindowTitle(self.tr("Checking the picture"))
        note.setModal(True)
        text = QLabel(
            self.tr("Checking '%1' as kiosk validate does...").replace("%1", source.name), note
        )
        text.setWordWrap(True)
        QVBoxLayout(note).addWidget(text)
        carrier = _Outcome()
        carrier.done.connect(note.accept)
        folder = self.folder
        result: list[object] = []

        def work() -> None:
            try:
                value: object = import_picture(source, folder)
            except PictureRefused as refused:
                value = refused
            except Exception as error:  # shown as a refusal in plain words, never a traceback
                value = PictureRefused(f"'{source.name}' could not be added: {error}")
            result.append(value)
            carrier.done.emit(value)

        worker = threading.Thread(target=work, name="picture-import", daemon=True)
        worker.start()
        # The answer is queued to this thread, so it arrives inside the note's own loop.
        note.exec()
        worker.join()  # at once, unless the note was closed early
        note.deleteLater()
        return result[0]

    def _remove(self) -> None:
        self.result.hide()
        self.edited.emit(self.address, None)
