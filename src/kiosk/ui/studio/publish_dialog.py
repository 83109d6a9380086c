"""*Publish...*: the signing key (chosen once, remembered outside the content folder), the
folder or USB stick to write to, and one button; the work runs on a worker thread
(kiosk.editing.publish) and the outcome is said in plain words: the file, the key's
fingerprint and the pack's sequence, or why nothing was published."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStorageInfo, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.editing.publish import PublishRefused, PublishResult, public_half, publish
from kiosk.editing.studio_settings import (
    SettingRefusedError,
    StudioSettings,
    key_problem,
    load_settings,
    save_settings,
)
from kiosk.packs.errors import PackError
from kiosk.packs.keys import PRIVATE_SUFFIX, PUBLIC_SUFFIX, generate_keypair, load_private_key
from kiosk.ui.staff.worker import StaffWorker

log = logging.getLogger(__name__)

# Where desktops mount USB sticks: udisks (/media/USER, /run/media/USER) and macOS.
REMOVABLE_ROOTS = ("/media/", "/run/media/", "/Volumes/")
MAX_ISSUES_SHOWN = 5
DRIVE_REMOVABLE = 2  # GetDriveTypeW

# (parent, current) -> the chosen file or folder, or None: the native dialogs by default,
# replaced in tests (a native dialog cannot be driven there).
Chooser = Callable[[QWidget, Path | None], Path | None]
Publisher = Callable[[Path, Path, Path], PublishResult]


def choose_key_file(parent: QWidget, current: Path | None) -> Path | None:
    start = str(current.parent) if current is not None else str(Path.home())
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("PublishDialog", "Choose the signing key"),
        start,
        QCoreApplication.translate("PublishDialog", "Private keys (*.key);;All files (*)"),
    )
    return Path(name) if name else None


def choose_new_key_file(parent: QWidget, current: Path | None) -> Path | None:
    start = current.parent if current is not None else Path.home()
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PublishDialog", "Make a signing key pair"),
        str(start / ("museum" + PRIVATE_SUFFIX)),
        QCoreApplication.translate("PublishDialog", "Private keys (*.key)"),
    )
    return Path(name) if name else None


def choose_target_folder(parent: QWidget, current: Path | None) -> Path | None:
    start = str(current) if current is not None else str(Path.home())
    name = QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("PublishDialog", "Choose the folder or USB stick for the pack"),
        start,
    )
    return Path(name) if name else None


def removable_folders() -> list[Path]:
    """Mounted USB sticks and other removable volumes that can be written, as far as the
    platform says (an empty list when it does not: the folder chooser remains)."""
    found: list[Path] = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if sys.platform == "win32":
            if _windows_removable(root):
                found.append(Path(root))
        elif root.startswith(REMOVABLE_ROOTS) and os.access(root, os.W_OK):
            found.append(Path(root))
    return sorted(set(found))


def _windows_removable(root: str) -> bool:
    import ctypes  # noqa: PLC0415 - Windows only

    kernel = getattr(ctypes, "windll", None)
    return kernel is not None and kernel.kernel32.GetDriveTypeW(root) == DRIVE_REMOVABLE


class PublishDialog(QDialog):
    """``published(PublishResult)`` after a pack was written and verified."""

    published = Signal(object)
    # Each outcome, shown or not, for tests and the window's status line.
    finished_publishing = Signal(object)

    def __init__(
        self,
        folder: Path,
        parent: QWidget | None = None,
        *,
        choose_key: Chooser = choose_key_file,
        choose_target: Chooser = choose_target_folder,
        choose_new_key: Chooser = choose_new_key_file,
        list_removable: Callable[[], list[Path]] = removable_folders,
        publisher: Publisher = publish,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self._choose_key, self._choose_target = choose_key, choose_target
        self._choose_new_key = choose_new_key
        self._publisher = publisher
        self._settings = load_settings()
        self._key: Path | None = self._settings.key_path
        self._worker = StaffWorker(self)
        self.busy = False
        self.setObjectName("PublishDialog")
        self.setWindowTitle(self.tr("Publish the exhibit"))
        self.setModal(True)
        self._build()
        self._fill_targets(list_removable())
        self._show_key()
        self._update()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        about = QLabel(
            self.tr(
                "Publishing checks this folder, packs it into one file, signs the file with "
                "your key and writes it to the folder you choose (a USB stick), then checks "
                "the written file as a kiosk will."
            ),
            self,
        )
        about.setWordWrap(True)
        about.setMinimumWidth(560)
        about.setObjectName("PublishAbout")
        layout.addWidget(about)
        layout.addLayout(self._choices())
        layout.addWidget(self._status_line())
        layout.addWidget(self._button_box())

    def _choices(self) -> QGridLayout:
        grid = QGridLayout()
        self.key_label = QLabel(self.tr("Signing key:"), self)
        self.key_field = QLineEdit(self)
        self.key_field.setReadOnly(True)
        self.key_field.setObjectName("PublishKey")
        self.key_field.setAccessibleName(self.tr("Signing key"))
        self.key_label.setBuddy(self.key_field)
        self.key_button = QPushButton(self.tr("Change key..."), self)
        self.key_button.setObjectName("PublishChangeKey")
        self.key_button.setAccessibleName(self.tr("Change the signing key"))
        self.key_button.setAutoDefault(False)
        self.key_button.clicked.connect(self._change_key)
        self.new_key_button = QPushButton(self.tr("New key..."), self)
        self.new_key_button.setObjectName("PublishNewKey")
        self.new_key_button.setAccessibleName(self.tr("Make a new signing key pair"))
        self.new_key_button.setAutoDefault(False)
        self.new_key_button.clicked.connect(self._new_key)
        self.key_note = QLabel(self)
        self.key_note.setObjectName("PublishKeyNote")
        self.key_note.setAccessibleName(self.tr("About the signing key"))
        self.key_note.setWordWrap(True)
        self.key_note.setTextFormat(Qt.TextFormat.PlainText)
        grid.addWidget(self.key_label, 0, 0)
        grid.addWidget(self.key_field, 0, 1)
        grid.addWidget(self.key_button, 0, 2)
        grid.addWidget(self.new_key_button, 0, 3)
        grid.addWidget(self.key_note, 1, 1, 1, 3)

        self.target_label = QLabel(self.tr("Write to:"), self)
        self.target_box = QComboBox(self)
        self.target_box.setObjectName("PublishTarget")
        self.target_box.setAccessibleName(self.tr("Folder or USB stick for the pack"))
        self.target_box.setMinimumContentsLength(30)
        self.target_box.currentIndexChanged.connect(self._update)
        self.target_label.setBuddy(self.target_box)
        self.target_button = QPushButton(self.tr("Choose folder..."), self)
        self.target_button.setObjectName("PublishChooseTarget")
        self.target_button.setAccessibleName(self.tr("Choose the folder for the pack"))
        self.target_button.setAutoDefault(False)
        self.target_button.clicked.connect(self._change_target)
        grid.addWidget(self.target_label, 2, 0)
        grid.addWidget(self.target_box, 2, 1)
        grid.addWidget(self.target_button, 2, 2)
        grid.setColumnStretch(1, 1)
        return grid

    def _status_line(self) -> QLabel:
        self.status = QLabel(self)
        self.status.setObjectName("PublishStatus")
        self.status.setAccessibleName(self.tr("Publishing outcome"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.status.setMinimumHeight(80)
        return self.status

    def _button_box(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(self)
        self.publish_button = self.buttons.addButton(
            self.tr("&Publish"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.publish_button.setObjectName("PublishGo")
        self.publish_button.setAccessibleName(self.tr("Publish"))
        self.publish_button.setDefault(True)
        self.close_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setObjectName("PublishClose")
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        # Not accepted(): the dialog stays open to show what happened.
        self.publish_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        return self.buttons

    def _fill_targets(self, removable: list[Path]) -> None:
        last = self._settings.last_target
        for folder in ([last] if last is not None else []) + removable:
            self._add_target(folder)
        if self.target_box.count():
            self.target_box.setCurrentIndex(0)

    def _add_target(self, folder: Path) -> int:
        index = self.target_box.findData(str(folder))
        if index < 0:
            self.target_box.addItem(str(folder), str(folder))
            index = self.target_box.count() - 1
        return index

    # --- state ------------------------------------------------------------------------------

    @property
    def key(self) -> Path | None:
        return self._key

    @property
    def target(self) -> Path | None:
        data = self.target_box.currentData()
        return Path(data) if isinstance(data, str) else None

    def _show_key(self) -> None:
        if self._key is None:
            self.key_field.setText(self.tr("No key chosen yet"))
            self.key_button.setText(self.tr("Choose key..."))
            self.key_note.setText(
                self.tr("No key yet? New key... makes a pair once; keep the .key file safe.")
            )
            return
        self.key_field.setText(str(self._key))
        self.key_button.setText(self.tr("Change key..."))
        try:
            # A few hundred bytes: read here so staff see which key signs before they publish.
            private = load_private_key(self._key)
        except (PackError, OSError) as error:
            self.key_note.setText(self.tr("This key cannot be read: %1").replace("%1", str(error)))
            return
        try:
            shown = public_half(self._key, private).fingerprint
        except (PackError, OSError) as error:
            self.key_note.setText(self.tr("This key cannot be used: %1").replace("%1", str(error)))
            return
        self.key_note.setText(
            self.tr("Fingerprint %1: kiosks that trust its .pub file install these packs.").replace(
                "%1", shown
            )
        )

    def _update(self) -> None:
        ready = self._key is not None and self.target is not None and not self.busy
        self.publish_button.setEnabled(ready)
        for control in (self.key_button, self.new_key_button, self.target_button, self.target_box):
            control.setEnabled(not self.busy)
        self.close_button.setEnabled(not self.busy)
        if self.busy:
            return
        if self._key is None:
            self._say(self.tr("Choose your signing key: the .key file 'kiosk pack keygen' made."))
        elif self.target is None:
            self._say(self.tr("Choose the folder or USB stick to write the pack to."))

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # --- choices ----------------------------------------------------------------------------

    def _change_key(self) -> None:
        chosen = self._choose_key(self, self._key)
        if chosen is None:
            return
        problem = key_problem(chosen, self.folder)
        if problem:
            self._say(self.tr("This key cannot be used: %1").replace("%1", problem))
            return
        self._key = chosen
        self._remember(replace(self._settings, key_path=chosen))
        self._show_key()
        self._update()

    def _new_key(self) -> None:
        chosen = self._choose_new_key(self, self._key)
        if chosen is None:
            return
        prefix = (
            chosen.with_suffix("") if chosen.suffix in (PRIVATE_SUFFIX, PUBLIC_SUFFIX) else chosen
        )
        problem = key_problem(prefix.with_name(prefix.name + PRIVATE_SUFFIX), self.folder)
        if problem:
            self._say(self.tr("The key was not made: %1").replace("%1", problem))
            return
        try:
            private, public, made = generate_keypair(prefix)
        except (PackError, OSError) as error:
            self._say(self.tr("The key was not made: %1").replace("%1", str(error)))
            return
        self._key = private
        self._remember(replace(self._settings, key_path=private))
        self._show_key()
        self._update()
        self._say(
            self.tr(
                "Made %1 (private: keep it secret, never copy it to a kiosk) and %2 (public: "
                "each kiosk trusts it with 'kiosk pack trust'; compare the fingerprint %3)."
            )
            .replace("%1", str(private))
            .replace("%2", str(public))
            .replace("%3", made)
        )

    def _change_target(self) -> None:
        chosen = self._choose_target(self, self.target)
        if chosen is None:
            return
        self.target_box.setCurrentIndex(self._add_target(chosen))
        self._update()

    def _remember(self, settings: StudioSettings) -> None:
        try:
            save_settings(settings)
        except (SettingRefusedError, OSError) as error:
            # Used for this session all the same; only remembering it failed.
            log.warning("studio: settings not saved: %s", error)
            return
        self._settings = settings

    # --- publishing -------------------------------------------------------------------------

    def start(self) -> None:
        key, target = self._key, self.target
        if self.busy or key is None or target is None:
            return
        self.busy = True
        self._update()
        self._say(self.tr("Publishing: checking, packing, signing, writing and checking again..."))
        folder, publisher = self.folder, self._publisher

        def job() -> PublishResult | PublishRefused:
            try:
                return publisher(folder, key, target)
            except PublishRefused as refused:
                return refused
            except Exception as error:  # the dialog must come back whatever happens
                log.exception("studio: publishing failed")
                return PublishRefused(str(error) or type(error).__name__)

        self._worker.run("publish", job, self._finished)

    def _finished(self, outcome: object) -> None:
        self.busy = False
        if isinstance(outcome, PublishResult):
            self._say(
                "\n".join(
                    [
                        self.tr("Published and checked."),
                        self.tr("File: %1").replace("%1", str(outcome.pack)),
                        self.tr("Signed by key: %1").replace("%1", outcome.fingerprint),
                        self.tr("Sequence: %1").replace("%1", str(outcome.sequence)),
                    ]
                )
            )
            self._remember(replace(self._settings, last_target=outcome.pack.parent))
            self.published.emit(outcome)
        elif isinstance(outcome, PublishRefused):
            lines = [self.tr("Not published: %1").replace("%1", str(outcome))]
            lines += [str(issue) for issue in outcome.issues[:MAX_ISSUES_SHOWN]]
            more = len(outcome.issues) - MAX_ISSUES_SHOWN
            if more > 0:
                lines.append(self.tr("... and %1 more (see the findings)").replace("%1", str(more)))
            self._say("\n".join(lines))
        self._update()
        self.finished_publishing.emit(outcome)

    # --- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        if self.busy:
            return  # the pack is being written: closing now would hide how it ends
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.busy:
            event.accept()
            return
        super().keyPressEvent(event)
