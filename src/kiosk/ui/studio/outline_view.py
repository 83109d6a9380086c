"""The studio's outline: Exhibit settings, Statement, the moments and the figures, with
buttons, keys and drag and drop to add, remove and reorder moments and figures.

It shows the outline kiosk.editing.outline makes of the document and sends intents (chosen,
add, remove, move); the window turns them into undoable commands and rebuilds it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.editing.document import Address
from kiosk.editing.outline import ItemKind, OutlineItem

# The rows kiosk.editing.outline names in English (it has no Qt), in the interface language.
CONTEXT = "OutlineView"  # written out in each QT_TRANSLATE_NOOP: lupdate reads literals
FIXED_LABELS: dict[ItemKind, str] = {
    ItemKind.SETTINGS: QT_TRANSLATE_NOOP("OutlineView", "Exhibit settings"),  # type: ignore[dict-item]
    ItemKind.STATEMENT: QT_TRANSLATE_NOOP("OutlineView", "Statement"),  # type: ignore[dict-item]
}
ITEM_ROLE = Qt.ItemDataRole.UserRole
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
LISTS = (ItemKind.MOMENT, ItemKind.FIGURE)


class OutlineTree(QTreeWidget):
    """The tree itself: keys and drops become intents instead of moving rows by itself (the
    document decides the order; the tree is rebuilt from it)."""

    move_requested = Signal(object, int, int)  # kind, source index, target index
    add_requested = Signal()
    remove_requested = Signal()
    step_requested = Signal(int)  # -1 up, +1 down

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        alt = modifiers & Qt.KeyboardModifier.AltModifier
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_Insert and not modifiers:
            self.add_requested.emit()
        elif key == Qt.Key.Key_Delete and not modifiers:
            self.remove_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        dragged = self.currentItem()
        point = event.position().toPoint()
        target = self.itemAt(point)
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()  # never let the view move rows itself
        item = outline_item(dragged)
        if dragged is None or item is None or item.kind not in LISTS or item.index is None:
            return
        kind = item.kind
        group = dragged.parent()
        if target is None or group is None:
            return
        if target is group:
            self.move_requested.emit(kind, item.index, 0)
            return
        aimed = outline_item(target)
        if aimed is None or aimed.kind is not kind or aimed.index is None:
            return  # another group: moments and figures stay in their own list
        place = aimed.index
        # Dropped on the lower half of a row: after it (the indicator the view drew).
        if point.y() > self.visualItemRect(target).center().y():
            place += 1
        # The list after taking the item out: what was after it moves up by one.
        if place > item.index:
            place -= 1
        if place != item.index:
            self.move_requested.emit(kind, item.index, place)


def shown(item: OutlineItem) -> OutlineItem:
    """``item`` with its label in the interface language (a moment's or figure's label is
    the content's own words, shown as written)."""
    fixed = FIXED_LABELS.get(item.kind)
    return (
        item if fixed is None else item._replace(label=QCoreApplication.translate(CONTEXT, fixed))
    )


def outline_item(tree_item: QTreeWidgetItem | None) -> OutlineItem | None:
    if tree_item is None:
        return None
    value = tree_item.data(0, ITEM_ROLE)
    return value if isinstance(value, OutlineItem) else None


class OutlineView(QWidget):
    """The outline with its buttons.  ``chosen`` carries the OutlineItem staff selected (None
    for a group heading or an unreadable file)."""

    chosen = Signal(object)
    add_requested = Signal(object, int)  # kind, index where the new item goes
    remove_requested = Signal(object, int)  # kind, index
    move_requested = Signal(object, int, int)  # kind, source, target

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StudioOutline")
        self.tree = OutlineTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Outline of the exhibit"))
        self.tree.setAccessibleDescription(
            self.tr(
                "Alt+Up and Alt+Down move a moment or figure, Insert adds one, Delete removes it"
            )
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setUniformRowHeights(True)
        self.add_button = self._button(self.tr("Add"), self.tr("Add a moment or figure"))
        self.remove_button = self._button(
            self.tr("Remove"), self.tr("Remove the selected moment or figure")
        )
        self.up_button = self._button(self.tr("Move up"), self.tr("Move the selection up"))
        self.down_button = self._button(self.tr("Move down"), self.tr("Move the selection down"))
        # Two by two: the outline stays narrow beside the form and the preview.
        buttons = QGridLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.remove_button, 0, 1)
        buttons.addWidget(self.up_button, 1, 0)
        buttons.addWidget(self.down_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.unreadable: dict[str, str] = {}
        self._rebuilding = False
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.move_requested.connect(self.move_requested)
        self.tree.add_requested.connect(self.add)
        self.tree.remove_requested.connect(self.remove)
        self.tree.step_requested.connect(self.step)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.step(-1))
        self.down_button.clicked.connect(lambda: self.step(1))
        self._update_buttons()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.setToolTip(name)
        return button

    # -- what is shown -------------------------------------------------------------------

    def set_items(self, items: list[OutlineItem], unreadable: dict[str, str]) -> None:
        """Show ``items``; ``unreadable`` maps each file that could not be read to its error
        (listed with it; what comes from it is read-only).  The selection stays on the same
        place (kind and index) when there still is one."""
        current = self.current()
        self.unreadable = dict(unreadable)
        self._rebuilding = True
        try:
            self.tree.clear()
            groups = {
                ItemKind.MOMENT: self._group(self.tr("Timeline"), ItemKind.MOMENT),
                ItemKind.FIGURE: self._group(self.tr("Figures"), ItemKind.FIGURE),
            }
            position = 0
            for item in map(shown, items):
                row = QTreeWidgetItem([item.label])
                row.setData(0, ITEM_ROLE, item)
                row.setToolTip(0, item.label)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if item.kind in LISTS and str(item.base[0]) not in unreadable:
                    flags |= Qt.ItemFlag.ItemIsDragEnabled
                row.setFlags(flags)
                group = groups.get(item.kind)
                if group is None:
                    self.tree.insertTopLevelItem(position, row)
                    position += 1
                else:
                    group.addChild(row)
            for name, error in unreadable.items():
                row = QTreeWidgetItem([self.tr("%1: could not be read").replace("%1", name)])
                row.setToolTip(0, error)
                row.setData(0, GROUP_ROLE, name)
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.tree.addTopLevelItem(row)
            self.tree.expandAll()
        finally:
            self._rebuilding = False
        if current is not None and not self.select(current.base):
            self.select_kind(current.kind, current.index)
        self._update_buttons()

    def relabel(self, items: list[OutlineItem]) -> None:
        """New labels for the same items (typing a title): rows keep their place and the
        selection; a different set of items is shown afresh."""
        items = list(map(shown, items))
        rows = [row for row in self.rows() if outline_item(row) is not None]
        same = len(rows) == len(items) and all(
            (old := outline_item(row)) is not None
            and (old.kind, old.index) == (item.kind, item.index)
            for row, item in zip(rows, items, strict=False)
        )
        if not same:
            self.set_items(items, self.unreadable)
            return
        self._rebuilding = True
        try:
            for row, item in zip(rows, items, strict=True):
                if outline_item(row) != item:
                    row.setData(0, ITEM_ROLE, item)
                    row.setText(0, item.label)
                    row.setToolTip(0, item.label)
        finally:
            self._rebuilding = False

    def _group(self, text: str, kind: ItemKind) -> QTreeWidgetItem:
        group = QTreeWidgetItem([text])
        group.setData(0, GROUP_ROLE, kind)
        group.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        )
        self.tree.addTopLevelItem(group)
        return group

    def rows(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for top in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(top)
            if item is None:
                continue
            found.append(item)
            for child in range(item.childCount()):
                row = item.child(child)
                if row is not None:
                    found.append(row)
        return found

    def items(self) -> list[OutlineItem]:
        return [item for row in self.rows() if (item := outline_item(row)) is not None]

    def current(self) -> OutlineItem | None:
        return outline_item(self.tree.currentItem())

    def row_of(self, kind: ItemKind, index: int | None = None) -> QTreeWidgetItem | None:
        for row in self.rows():
            item = outline_item(row)
            if item is not None and item.kind is kind and item.index == index:
                return row
        return None

    def select(self, address: Address) -> bool:
        """Select the item holding ``address`` (its base is the longest start of it)."""
        best: QTreeWidgetItem | None = None
        length = -1
        for row in self.rows():
            item = outline_item(row)
            if item is None:
                continue
            base = tuple(item.base)
            if tuple(address[: len(base)]) == base and len(base) > length:
                best, length = row, len(base)
        if best is None:
            # A finding of a file that could not be read: its "could not be read" row.
            best = next(
                (row for row in self.rows() if address and row.data(0, GROUP_ROLE) == address[0]),
                None,
            )
        if best is None:
            return False
        self.tree.setCurrentItem(best)
        return True

    def select_kind(self, kind: ItemKind, index: int | None) -> None:
        rows = [row for row in self.rows() if (item := outline_item(row)) and item.kind is kind]
        if not rows:
            return
        wanted = [row for row in rows if outline_item(row).index == index]  # type: ignore[union-attr]
        self.tree.setCurrentItem(wanted[0] if wanted else rows[-1])

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self._update_buttons()
        if not self._rebuilding:
            self.chosen.emit(outline_item(current))

    # -- intents ---------------------------------------------------------------------------

    def _list_place(self) -> tuple[ItemKind, int | None] | None:
        """The list the selection belongs to, and the selected index in it (None: the
        group's heading)."""
        row = self.tree.currentItem()
        if row is None:
            return None
        item = outline_item(row)
        if item is not None:
            return (item.kind, item.index) if item.kind in LISTS else None
        group = row.data(0, GROUP_ROLE)
        return (group, None) if isinstance(group, ItemKind) else None

    def _writable(self, kind: ItemKind) -> bool:
        return LIST_FILES[kind] not in self.unreadable

    def _count(self, kind: ItemKind) -> int:
        return sum(1 for item in self.items() if item.kind is kind)

    def add(self) -> None:
        place = self._list_place()
        if place is None or not self._writable(place[0]):
            return
        kind, index = place
        self.add_requested.emit(kind, self._count(kind) if index is None else index + 1)

    def remove(self) -> None:
        place = self._list_place()
        if place is None or place[1] is None or not self._writable(place[0]):
            return
        self.remove_requested.emit(place[0], place[1])

    def step(self, direction: int) -> None:
        place = self._list_place()
        if place is None or place[1] is None or not self._writable(place[0]):
            return
        kind, index = place[0], place[1]
        target = index + direction
        if 0 <= target < self._count(kind):
            self.move_requested.emit(kind, index, target)

    def _update_buttons(self) -> None:
        place = self._list_place()
        writable = place is not None and self._writable(place[0])
        chosen = writable and place is not None and place[1] is not None
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(chosen)
        index = place[1] if place is not None and place[1] is not None else 0
        self.up_button.setEnabled(chosen and index > 0)
        self.down_button.setEnabled(
            chosen and place is not None and index < self._count(place[0]) - 1
        )


# The file each list lives in (a list in a file that could not be read is not changed).
LIST_FILES = {ItemKind.MOMENT: "timeline.yaml", ItemKind.FIGURE: "figures.yaml"}
