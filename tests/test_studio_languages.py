"""The whole studio window in Azerbaijani and Russian: no word of the outline, form, preview
controls or findings is cut at either desktop size, whichever kind of item is open.  (The
shell's own test checks its buttons and headings; this one every text the window shows.)"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from content_cases import copy_content
from kiosk.editing.document import ContentDocument
from kiosk.editing.outline import ItemKind
from kiosk.ui.layout_check import find_clipped_text
from kiosk.ui.studio.seal_dialog import ResealDialog, UnlockDialog
from kiosk.ui.studio.window import StudioWindow
from kiosk.ui.translations import Translations
from test_studio import AnsweringPrompts, forget_changes

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

EVIDENCE = Path(__file__).resolve().parents[1] / "build" / "studio-languages"
ITEMS = (
    (ItemKind.SETTINGS, None),
    (ItemKind.STATEMENT, None),
    (ItemKind.MOMENT, 1),
    (ItemKind.FIGURE, 0),
)


@pytest.mark.parametrize(
    "size", [(1366, 768), (1920, 1080)], ids=lambda size: "x".join(map(str, size))
)
@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_no_text_is_cut_in_the_interface_languages(
    qtbot: QtBot, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    translations = Translations()
    translations.use(language)
    try:
        document = ContentDocument.open(copy_content(tmp_path))
        window = StudioWindow(document, prompts=AnsweringPrompts)
        qtbot.addWidget(window, before_close_func=forget_changes)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        EVIDENCE.mkdir(parents=True, exist_ok=True)
        clipped = []
        for kind, index in ITEMS:
            window.outline_view.select_kind(kind, index)
            window.arrange()
            QApplication.processEvents()
            clipped += [f"{kind.name}: {found}" for found in find_clipped_text(window)]
            # A scroll area's content is exempt from the check above: it must not be wider
            # than its view instead (a long button pushed the form's third language out).
            clipped += [
                f"{kind.name}: {area.objectName() or type(area.widget()).__name__} scrolls sideways"
                for area in window.findChildren(QScrollArea)
                if area.isVisible() and area.horizontalScrollBar().isVisible()
            ]
            name = f"studio-{language}-{kind.name.lower()}-{size[0]}x{size[1]}.png"
            window.grab().save(str(EVIDENCE / name))
        assert clipped == []
    finally:
        translations.release()


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_seal_questions_fit_in_the_interface_languages(qtbot: QtBot, language: str) -> None:
    translations = Translations()
    translations.use(language)
    try:
        EVIDENCE.mkdir(parents=True, exist_ok=True)
        changes = ["paragraph 2 (en): '150' became '1500'"]
        for dialog in (UnlockDialog(), ResealDialog(changes)):
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            assert find_clipped_text(dialog) == [], type(dialog).__name__
            dialog.grab().save(str(EVIDENCE / f"{type(dialog).__name__}-{language}.png"))
            dialog.reject()
    finally:
        translations.release()
