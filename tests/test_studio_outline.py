"""The studio's outline: moments and figures added, removed and reordered by buttons, keys and
drag and drop, each as an intent (the window makes it an undoable command); a file that
could not be read is listed with its error and nothing in it can be changed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidgetItem

from content_cases import copy_content
from kiosk.editing.document import ContentDocument
from kiosk.editing.outline import ItemKind, OutlineItem, outline
from kiosk.ui.studio.outline_view import OutlineView

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def shown(qtbot: QtBot, folder: Path) -> tuple[OutlineView, ContentDocument]:
    document = ContentDocument.open(folder)
    view = OutlineView()
    qtbot.addWidget(view)
    view.resize(320, 600)
    unreadable = {
        name: "; ".join(str(problem) for problem in file.problems)
        for name, file in document.files.items()
        if not file.readable
    }
    view.set_items(outline(document), unreadable)
    view.show()
    qtbot.waitExposed(view)
    return view, document


def click(qtbot: QtBot, view: OutlineView, row: QTreeWidgetItem) -> None:
    view.tree.scrollToItem(row)
    QTest.mouseClick(
        view.tree.viewport(), Qt.MouseButton.LeftButton, pos=view.tree.visualItemRect(row).center()
    )


def test_buttons_and_keys_ask_for_changes_of_the_selected_list(
    qtbot: QtBot, tmp_path: Path
) -> None:
    view, _document = shown(qtbot, copy_content(tmp_path))
    asked: list[tuple[object, ...]] = []
    view.add_requested.connect(lambda *args: asked.append(("add", *args)))
    view.remove_requested.connect(lambda *args: asked.append(("remove", *args)))
    view.move_requested.connect(lambda *args: asked.append(("move", *args)))
    chosen: list[OutlineItem] = []
    view.chosen.connect(chosen.append)

    settings = view.row_of(ItemKind.SETTINGS)
    assert settings is not None
    click(qtbot, view, settings)
    assert chosen[-1].kind == ItemKind.SETTINGS
    # Exhibit settings and the statement are one each: nothing to add, remove or move.
    assert not view.add_button.isEnabled() and not view.remove_button.isEnabled()

    moment = view.row_of(ItemKind.MOMENT, 1)
    assert moment is not None
    click(qtbot, view, moment)
    assert (chosen[-1].kind, chosen[-1].index) == (ItemKind.MOMENT, 1)
    assert view.up_button.isEnabled() and view.down_button.isEnabled()
    QTest.keyClick(view.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(view.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(view.tree, Qt.Key.Key_Insert)
    QTest.keyClick(view.tree, Qt.Key.Key_Delete)
    QTest.mouseClick(view.down_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert asked == [
        ("move", ItemKind.MOMENT, 1, 2),
        ("move", ItemKind.MOMENT, 1, 0),
        ("add", ItemKind.MOMENT, 2),
        ("remove", ItemKind.MOMENT, 1),
        ("move", ItemKind.MOMENT, 1, 2),
        ("add", ItemKind.MOMENT, 2),
    ]
    # The first cannot go up, the last cannot go down.
    first = view.row_of(ItemKind.FIGURE, 0)
    assert first is not None
    click(qtbot, view, first)
    assert not view.up_button.isEnabled() and view.down_button.isEnabled()
    asked.clear()
    QTest.keyClick(view.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert asked == []
    # Plain arrows still walk the outline.
    QTest.keyClick(view.tree, Qt.Key.Key_Down)
    assert view.current() is not None and view.current().index == 1  # type: ignore[union-attr]


def drop(view: OutlineView, dragged: QTreeWidgetItem, onto: QTreeWidgetItem, lower: bool) -> None:
    """A drop as the view receives it at the end of a drag: the drag's own loop needs a
    window system, and Qt's notify() passes drop events only from a running drag, so the
    handler Qt would call is called with the event it would get."""
    view.tree.setCurrentItem(dragged)
    rect = view.tree.visualItemRect(onto)
    point = QPoint(rect.center().x(), rect.bottom() - 2 if lower else rect.top() + 2)
    mime = view.tree.mimeData([dragged])
    event = QDropEvent(
        point,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.tree.dropEvent(event)


def test_drag_and_drop_reorders_within_a_list_only(qtbot: QtBot, tmp_path: Path) -> None:
    view, _document = shown(qtbot, copy_content(tmp_path))
    moves: list[tuple[object, int, int]] = []
    view.move_requested.connect(lambda *args: moves.append(args))
    moments = [view.row_of(ItemKind.MOMENT, index) for index in range(4)]
    figure = view.row_of(ItemKind.FIGURE, 0)
    assert all(moments) and figure is not None
    drop(view, moments[0], moments[2], lower=True)  # type: ignore[arg-type]
    drop(view, moments[3], moments[1], lower=False)  # type: ignore[arg-type]
    drop(view, moments[1], figure, lower=False)  # type: ignore[arg-type]
    assert moves == [(ItemKind.MOMENT, 0, 2), (ItemKind.MOMENT, 3, 1)]
    # The view never moved a row itself: the document's order is shown until it changes.
    assert [item.index for item in view.items() if item.kind is ItemKind.MOMENT] == [0, 1, 2, 3]


def test_an_unreadable_file_is_listed_with_its_error_and_its_list_is_locked(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = copy_content(tmp_path)
    (folder / "figures.yaml").write_text("figures:\n  - id: [unclosed\n", encoding="utf-8")
    view, document = shown(qtbot, folder)
    assert not document.files["figures.yaml"].readable
    texts = [row.text(0) for row in view.rows()]
    assert "figures.yaml: could not be read" in texts
    row = view.rows()[texts.index("figures.yaml: could not be read")]
    assert "figures.yaml:" in row.toolTip(0)
    group = next(r for r in view.rows() if r.text(0) == "Figures")
    click(qtbot, view, group)
    assert not view.add_button.isEnabled()
    moment = view.row_of(ItemKind.MOMENT, 0)
    assert moment is not None
    click(qtbot, view, moment)
    assert view.add_button.isEnabled()
