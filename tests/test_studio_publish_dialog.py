"""The studio's *Publish...* dialog, driven with real clicks and keys: the key chosen once and
remembered, the stick chosen, the pack published on a worker thread and verified by
`kiosk pack verify`; refusals in plain words; nothing closes the dialog mid-write."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from hostile import baseline
from kiosk import cli
from kiosk.editing.publish import PublishRefused, PublishResult
from kiosk.editing.studio_settings import SETTINGS_OVERRIDE, StudioSettings, load_settings
from kiosk.packs.keys import generate_keypair
from kiosk.ui.layout_check import find_clipped_text, find_overlapping_text
from kiosk.ui.studio.publish_dialog import REMOVABLE_ROOTS, PublishDialog, removable_folders
from kiosk.ui.translations import Translations

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

HANG_GUARD_MS = 120_000
PACK_NAME = "20-january-national-mourning-day-2026-01-20.kioskpack"


@pytest.fixture(autouse=True)
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "studio.json"
    monkeypatch.setenv(SETTINGS_OVERRIDE, str(path))
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return baseline(tmp_path / "work")


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path, str]:
    (tmp_path / "keys").mkdir()
    return generate_keypair(tmp_path / "keys" / "museum")


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    target = tmp_path / "media" / "staff" / "EXHIBITS"
    target.mkdir(parents=True)
    return target


class Chooser:
    """Stands in for a native file dialog: answers what the test put in, records the asks."""

    def __init__(self, *answers: Path | None) -> None:
        self.answers = list(answers)
        self.asked = 0

    def __call__(self, _parent: QWidget, _current: Path | None) -> Path | None:
        self.asked += 1
        return self.answers.pop(0)


def dialog_for(qtbot: QtBot, folder: Path, **seams: object) -> PublishDialog:
    seams.setdefault("list_removable", list)
    dialog = PublishDialog(folder, None, **seams)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_publish_with_a_key_chosen_once_gives_a_pack_kiosk_pack_verify_accepts(
    qtbot: QtBot,
    folder: Path,
    keys: tuple[Path, Path, str],
    stick: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    private, public, fingerprint = keys
    choose_key = Chooser(private)
    dialog = dialog_for(qtbot, folder, choose_key=choose_key, list_removable=lambda: [stick])
    assert not dialog.publish_button.isEnabled()  # no key yet
    assert "Choose your signing key" in dialog.status.text()
    assert dialog.key_button.text() == "Choose key..."
    assert dialog.target == stick  # the mounted stick is offered

    click(qtbot, dialog.key_button)
    assert dialog.key_field.text() == str(private)
    assert load_settings().key_path == private.absolute()  # remembered
    assert dialog.publish_button.isEnabled()

    with qtbot.waitSignal(dialog.finished_publishing, timeout=HANG_GUARD_MS) as outcome:
        click(qtbot, dialog.publish_button)
        assert dialog.busy
        assert not dialog.publish_button.isEnabled()
    result = outcome.args[0]
    assert isinstance(result, PublishResult)
    lines = dialog.status.text().splitlines()
    assert lines == [
        "Published and checked.",
        f"File: {result.pack}",
        f"Signed by key: {fingerprint}",
        f"Sequence: {result.sequence}",
    ]
    assert result.pack.parent == stick
    assert load_settings() == StudioSettings(private.absolute(), stick.absolute())

    capsys.readouterr()
    assert cli.main(["pack", "verify", str(result.pack), "--trust", str(public)]) == 0
    assert f"signed by trusted key {fingerprint}" in capsys.readouterr().out

    # Opened again: the key and the stick are remembered; Enter publishes.
    dialog.close()
    again = dialog_for(qtbot, folder, choose_key=Chooser())
    assert again.key_field.text() == str(private.absolute())
    assert again.key_button.text() == "Change key..."
    assert again.target == stick.absolute()
    with qtbot.waitSignal(again.finished_publishing, timeout=HANG_GUARD_MS) as second:
        QTest.keyClick(again, Qt.Key.Key_Return)
    assert second.args[0].sequence > result.sequence


def test_content_errors_are_shown_in_plain_words(
    qtbot: QtBot, folder: Path, keys: tuple[Path, Path, str], stick: Path
) -> None:
    timeline = folder / "timeline.yaml"
    timeline.write_text(
        timeline.read_text(encoding="utf-8").replace("year: 1991", "year: nineteen"),
        encoding="utf-8",
    )
    dialog = dialog_for(qtbot, folder, choose_key=Chooser(keys[0]), choose_target=Chooser(stick))
    click(qtbot, dialog.key_button)
    click(qtbot, dialog.target_button)
    assert dialog.target == stick
    with qtbot.waitSignal(dialog.finished_publishing, timeout=HANG_GUARD_MS):
        click(qtbot, dialog.publish_button)
    lines = dialog.status.text().splitlines()
    assert lines[0] == (
        "Not published: the content has 1 error; fix it (see the findings) and publish again"
    )
    assert lines[1].startswith("timeline.yaml:")
    assert list(stick.iterdir()) == []
    assert dialog.publish_button.isEnabled()  # fix it and try again
    assert load_settings().last_target is None  # only a published target is remembered


def test_a_key_inside_the_content_folder_is_refused_and_not_remembered(
    qtbot: QtBot, folder: Path, keys: tuple[Path, Path, str]
) -> None:
    inside = folder / "museum.key"
    inside.write_bytes(keys[0].read_bytes())
    dialog = dialog_for(qtbot, folder, choose_key=Chooser(inside, None))
    click(qtbot, dialog.key_button)
    assert dialog.status.text().startswith("This key cannot be used: the key ")
    assert "inside the content folder" in dialog.status.text()
    assert dialog.key is None
    assert load_settings().key_path is None
    click(qtbot, dialog.key_button)  # cancelled: nothing changes
    assert dialog.key is None


def test_the_dialog_cannot_be_closed_while_the_pack_is_written(
    qtbot: QtBot, folder: Path, keys: tuple[Path, Path, str], stick: Path
) -> None:
    release = threading.Event()
    started = threading.Event()

    def slow_stick(_folder: Path, _key: Path, target: Path) -> PublishResult:
        started.set()
        assert release.wait(HANG_GUARD_MS / 1000)
        raise PublishRefused(f"cannot write to {target}: No space left on device")

    dialog = dialog_for(
        qtbot,
        folder,
        choose_key=Chooser(keys[0]),
        list_removable=lambda: [stick],
        publisher=slow_stick,
    )
    click(qtbot, dialog.key_button)
    click(qtbot, dialog.publish_button)
    qtbot.waitUntil(started.is_set, timeout=HANG_GUARD_MS)
    assert "Publishing:" in dialog.status.text()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible()
    for control in (dialog.close_button, dialog.key_button, dialog.target_button):
        assert not control.isEnabled()
    with qtbot.waitSignal(dialog.finished_publishing, timeout=HANG_GUARD_MS):
        release.set()
    assert dialog.status.text() == (
        f"Not published: cannot write to {stick}: No space left on device"
    )
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()


def test_an_unexpected_failure_is_reported_not_lost(
    qtbot: QtBot, folder: Path, keys: tuple[Path, Path, str], stick: Path
) -> None:
    def broken(_folder: Path, _key: Path, _target: Path) -> PublishResult:
        raise RuntimeError("the disk went away")

    dialog = dialog_for(
        qtbot, folder, choose_key=Chooser(keys[0]), list_removable=lambda: [stick], publisher=broken
    )
    click(qtbot, dialog.key_button)
    with qtbot.waitSignal(dialog.finished_publishing, timeout=HANG_GUARD_MS):
        click(qtbot, dialog.publish_button)
    assert dialog.status.text() == "Not published: the disk went away"
    assert dialog.close_button.isEnabled()


def test_every_control_has_a_name_and_the_keyboard_reaches_it(
    qtbot: QtBot, folder: Path, keys: tuple[Path, Path, str], stick: Path
) -> None:
    dialog = dialog_for(qtbot, folder, choose_key=Chooser(keys[0]), list_removable=lambda: [stick])
    click(qtbot, dialog.key_button)
    controls = [
        *dialog.findChildren(QAbstractButton),
        *dialog.findChildren(QComboBox),
        *dialog.findChildren(QLineEdit),
    ]
    assert len(controls) >= 6
    for control in controls:
        assert control.accessibleName(), control.objectName()
    assert dialog.status.accessibleName()
    assert dialog.key_note.accessibleName()
    # Tab goes round every enabled control.
    reached = set()
    dialog.key_field.setFocus()
    for _ in range(len(controls) + 2):
        reached.add(dialog.focusWidget())
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    wanted = {
        dialog.key_field,
        dialog.key_button,
        dialog.new_key_button,
        dialog.target_box,
        dialog.target_button,
        dialog.publish_button,
        dialog.close_button,
    }
    assert wanted <= reached
    # The labels name their fields (screen readers read them together).
    assert dialog.key_label.buddy() is dialog.key_field
    assert dialog.target_label.buddy() is dialog.target_box


def test_a_new_key_pair_is_made_once_and_used(
    qtbot: QtBot, folder: Path, stick: Path, tmp_path: Path
) -> None:
    (tmp_path / "safe").mkdir()
    wanted = tmp_path / "safe" / "museum.key"
    choose_new_key = Chooser(folder / "pictures" / "museum.key", wanted, wanted)
    dialog = dialog_for(
        qtbot, folder, choose_new_key=choose_new_key, list_removable=lambda: [stick]
    )
    assert "New key..." in dialog.key_note.text()

    click(qtbot, dialog.new_key_button)  # inside the content folder: not made
    assert dialog.status.text().startswith("The key was not made: the key ")
    assert not (folder / "pictures" / "museum.key").exists()
    assert dialog.key is None

    click(qtbot, dialog.new_key_button)
    public = tmp_path / "safe" / "museum.pub"
    assert dialog.key == wanted
    assert public.is_file()
    assert load_settings().key_path == wanted
    said = dialog.status.text()
    assert said.startswith(f"Made {wanted} (private: keep it secret, never copy it to a kiosk)")
    fingerprint = dialog.key_note.text().split()[1].rstrip(":")
    assert fingerprint in said
    assert len(fingerprint) == 16

    click(qtbot, dialog.new_key_button)  # never over an existing key: a lost key is final
    assert dialog.status.text() == (
        f"The key was not made: {wanted} already exists; choose another name"
    )
    assert dialog.key == wanted

    with qtbot.waitSignal(dialog.finished_publishing, timeout=HANG_GUARD_MS) as outcome:
        click(qtbot, dialog.publish_button)
    assert outcome.args[0].fingerprint == fingerprint


def test_a_remembered_key_that_cannot_be_read_is_said_before_publishing(
    qtbot: QtBot, folder: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.key"
    broken.write_text("not a key\n", encoding="utf-8")
    dialog = dialog_for(qtbot, folder, choose_key=Chooser(broken))
    click(qtbot, dialog.key_button)
    assert dialog.key_note.text() == (f"This key cannot be read: {broken} is not a PEM private key")


@pytest.mark.parametrize("language", ["en", "az", "ru", "pseudo"])
def test_no_text_is_clipped_in_any_interface_language(
    qtbot: QtBot, folder: Path, keys: tuple[Path, Path, str], stick: Path, language: str
) -> None:
    """Every word fits, at the dialog's own size, on the smallest supported desktop
    (1366x768); the pseudo-language makes every word 40% longer, as translations may be."""
    translations = Translations()
    if language == "pseudo":
        translations.use_pseudo()
    else:
        translations.use(language)
    try:
        outcome = PublishResult(stick / PACK_NAME, "1e52704ffc29a560", 1_796_539_310_430_909)
        dialog = dialog_for(
            qtbot,
            folder,
            choose_key=Chooser(keys[0]),
            list_removable=lambda: [stick],
            publisher=lambda *_: outcome,
        )
        click(qtbot, dialog.key_button)
        with qtbot.waitSignal(dialog.finished_publishing, timeout=HANG_GUARD_MS):
            click(qtbot, dialog.publish_button)
        dialog.adjustSize()
        layout = dialog.layout()
        assert layout is not None
        qtbot.waitUntil(lambda: layout.geometry().size() == dialog.size())
        assert dialog.width() <= 1366
        assert dialog.height() <= 768
        assert find_clipped_text(dialog) == []
        assert find_overlapping_text(dialog) == []
    finally:
        translations.release()


def test_mounted_sticks_are_offered_as_the_platform_names_them(qtbot: QtBot, folder: Path) -> None:
    found = removable_folders()
    assert all(str(path).startswith(REMOVABLE_ROOTS) for path in found)
    # Escape closes the dialog when nothing is being written.
    dialog = dialog_for(qtbot, folder)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_key_whose_pub_file_is_another_keys_is_said_before_publishing(
    qtbot: QtBot, folder: Path, keys: tuple[Path, Path, str], tmp_path: Path
) -> None:
    private, public, _ = keys
    _, stranger, _ = generate_keypair(tmp_path / "keys" / "stranger")
    public.write_bytes(stranger.read_bytes())
    dialog = dialog_for(qtbot, folder, choose_key=Chooser(private))
    click(qtbot, dialog.key_button)
    assert dialog.key_note.text().startswith(f"This key cannot be used: {public} beside it")
