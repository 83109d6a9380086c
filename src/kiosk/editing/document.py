"""The content folder as an editable document: the four YAML files held as ruamel.yaml round
trip trees, so saving keeps the staff's comments, key order, blank lines, quoting and block
styles, and an unchanged file is written back byte for byte.

Reading (the exhibit, the findings) goes through the kiosk's own loader and validator on the
texts as they would be saved, so the studio shows exactly what ``kiosk validate`` would say
of the saved folder.  Positions (file:line:col <-> address) come from the kiosk's own reader
of the same texts: its locations are the ones the findings carry, and they stay true after
edits, which ruamel's load-time line numbers would not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.tokens import CommentToken

from kiosk.content.issues import ContentError, Issue, Location
from kiosk.content.loader import FILES, _inside
from kiosk.content.model import Exhibit
from kiosk.content.sealing import write_atomically
from kiosk.content.source import MAX_FILE_BYTES, load_yaml_bytes, read_bounded
from kiosk.content.validate import validate_texts
from kiosk.editing.document_places import Address, Places
from kiosk.editing.document_styles import (
    INDENT,
    build,
    dump,
    guess_indent,
    plain,
    round_trip,
    styled_text,
)
from kiosk.editing.document_trailers import (
    Layout,
    add_key,
    grown,
    last_slot,
    put,
    put_trailers,
    remove_key,
    shrunk,
    take,
    take_trailers,
)

REMEMBERED_REMOVALS = 100

__all__ = ["Address", "ChangedOnDiskError", "ContentDocument", "EditableFile", "NotEditableError"]


class NotEditableError(Exception):
    """An edit of a file YAML could not read, or of an address that is not there."""


class ChangedOnDiskError(OSError):
    """Files changed on disk since the studio read them (another editor saved them)."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        names = ", ".join(path.name for path in paths)
        super().__init__(
            f"{names} changed on disk since the studio read it (another program saved it); "
            "nothing was saved: reopen the folder to see those changes, or save over them"
        )


class EditableFile:
    """One content file: its round-trip tree when YAML could read it, else its bytes."""

    def __init__(
        self,
        name: str,
        path: Path,
        data: bytes | None,
        tree: CommentedMap | None,
        problems: list[Issue],
    ) -> None:
        self.name = name
        self.path = path
        self.original = data  # the bytes on disk when opened (None: none could be read)
        self.source = data  # the bytes the tree was read from (a recovery copy's, or those)
        self.tree = tree
        self.readable = tree is not None
        self.problems = problems
        self.dirty = False
        self.generation = 0  # this file's own changes: its dump is cached by it
        self.newline = "\r\n" if data is not None and b"\r\n" in data else "\n"
        self.bom = data is not None and data.startswith(b"\xef\xbb\xbf")
        # The file's own indentation, kept when it is saved (its own dumper when not the
        # bundled files' 2/4/2).
        self.indent = INDENT if data is None else guess_indent(data.decode("utf-8-sig", "replace"))
        self.yaml = None if self.indent == INDENT else round_trip(self.indent)
        self._text: tuple[int, str] | None = None
        self._places: tuple[int, Places] | None = None
        # Dumping by parts (see _assembled): the frame's version and each item's.
        self.shape = 0
        self._frame: tuple[int, str, list[str]] | None = None
        self._versions: dict[int, int] = {}
        self._items: dict[int, tuple[Any, int, str]] = {}
        # Each item's lines in the file as opened (None: not yet looked up).
        self._slices: dict[int, tuple[Any, str]] | None = None

    def text(self, yaml: YAML) -> str:
        yaml = self.yaml or yaml
        if self.tree is None:
            return "" if self.original is None else self.original.decode("utf-8", "replace")
        if self._text is None or self._text[0] != self.generation:
            text = self._assembled(yaml, self.tree)
            if text is None:
                text = dump(yaml, self.tree)
            if self.newline != "\n":
                text = text.replace("\n", self.newline)
            self._text = (self.generation, text)
        return self._text[1]

    @property
    def item_start(self) -> str:
        """How an item of a top-level list starts its line in this file ("  - ")."""
        return " " * self.indent[2] + "- "

    def touched(self, address: Address, *, structural: bool = False) -> None:
        """Note a change at ``address``: within one item of a long list only that item's
        text is dumped again; anything else dumps the file's frame (and, for a change of
        the list itself, every item)."""
        self.generation += 1
        self.dirty = True
        item = None if structural else _item_at(self.tree, address)
        if item is not None:
            self.touch_item(item)
            return
        self.shape += 1
        key = None if self.tree is None else _split_key(self.tree)
        if self.tree is not None and key is not None and not structural:
            # Lines after a top-level entry may have moved onto the list's last item, the
            # innermost last entry before the entry that follows the list.
            self.touch_item(self.tree[key][-1])
        if structural:
            self._items.clear()
            self._slices = {}  # what followed each item stayed in place: its lines moved

    def touch_item(self, item: Any) -> None:
        """An item of the long list changed: its text is dumped again."""
        self._versions[id(item)] = self._versions.get(id(item), 0) + 1

    def _assembled(self, yaml: YAML, tree: CommentedMap) -> str | None:
        """The file's text from its frame (the long list's items as markers) and each
        item's own text, dumped again only when it changed: a keystroke in one of 1,000
        moments dumps one moment.  None when the file has no such list."""
        key = _split_key(tree)
        if key is None:
            return None
        items: CommentedSeq = tree[key]
        if self._frame is None or self._frame[:2] != (self.shape, key):
            markers = CommentedSeq([_MARKER] * len(items))
            markers.ca.comment = items.ca.comment
            markers.ca.end = items.ca.end
            tree[key] = markers
            try:
                parts = dump(yaml, tree).split(f"{self.item_start}{_MARKER}\n")
            finally:
                tree[key] = items
            if len(parts) != len(items) + 1:
                return None
            self._frame = (self.shape, key, parts)
        parts = self._frame[2]
        pieces = [parts[0]]
        for item, following in zip(items, parts[1:], strict=True):
            pieces += [self._item_text(yaml, key, item), following]
        return "".join(pieces)

    def _item_text(self, yaml: YAML, key: str, item: Any) -> str:
        version = self._versions.get(id(item), 0)
        cached = self._items.get(id(item))
        if cached is not None and cached[0] is item and cached[1] == version:
            return cached[2]
        if version == 0 and self._slices is None and self.source is not None:
            self._slices = original_slices(self.source, self.tree, key, self.item_start)
        kept = (self._slices or {}).get(id(item)) if version == 0 else None
        if kept is not None and kept[0] is item:  # unchanged since opened: its own lines
            self._items[id(item)] = (item, version, kept[1])
            return kept[1]
        alone = CommentedMap()
        alone[key] = CommentedSeq([item])
        text = dump(yaml, alone).partition("\n")[2]
        self._items[id(item)] = (item, version, text)
        return text

    def data(self, yaml: YAML) -> bytes | None:
        if self.tree is None:
            return self.original
        if not self.dirty and self.original is not None:
            return self.original  # unchanged: exactly what is on disk
        encoded = self.text(yaml).encode("utf-8")
        return b"\xef\xbb\xbf" + encoded if self.bom else encoded

    def changed_on_disk(self) -> bool:
        """True when the file on disk is no longer what was read (or last saved)."""
        try:
            now = read_bounded(self.path, self.name, MAX_FILE_BYTES)
        except ContentError:
            return self.path.exists() or self.path.is_symlink()  # gone: nothing to lose
        return now != self.original

    def places(self, yaml: YAML) -> Places | None:
        if self._places is None or self._places[0] != self.generation:
            data = self.data(yaml)
            if data is None:
                return None
            try:
                tree = load_yaml_bytes(data, self.name)
            except ContentError:
                return None
            self._places = (self.generation, Places.of(self.name, tree))
        return self._places[1]


class ContentDocument:
    """The content folder's four files, edited in memory and saved on request."""

    def __init__(self, folder: Path, files: dict[str, EditableFile]) -> None:
        self.folder = folder
        self.files = files
        self.generation = 0
        self._yaml = round_trip()
        # The object first replaced at an address and its key's position: setting the same
        # text back (undo) restores it exactly, fold positions and quotes included.
        self._originals: dict[Address, Any] = {}
        self._positions: dict[Address, int] = {}
        # The layout before each removal (undo puts it back) and the mappings it emptied.
        self._layouts: dict[Address, tuple[list[Any], Layout, list[object]]] = {}
        self._pruned: dict[Address, Any] = {}
        # Items removed lately, as they were: inserting one back (undo) restores its lines.
        self._removed: list[tuple[Address, object, Any]] = []
        # Recovered texts that could not stand in for their file (it or they unreadable):
        # kept, so a recovery copy still holds them until they can be restored.
        self.unrestored: dict[str, bytes] = {}

    @classmethod
    def open(cls, folder: Path, *, recovered: Mapping[str, bytes] | None = None) -> ContentDocument:
        """Every content file of ``folder``; one YAML cannot read is kept read-only.

        ``recovered`` (a recovery copy's texts) stand in for the files they differ from,
        unsaved, when YAML can read both them and the file on disk; the others are kept in
        ``unrestored`` (never dropped)."""
        yaml = round_trip()
        texts = recovered or {}
        files = {name: _open_file(folder, name, yaml, texts.get(name)) for name in FILES}
        document = cls(folder, files)
        document.unrestored = {
            name: text
            for name, text in texts.items()
            if name in files and text != files[name].original and not files[name].dirty
        }
        document.generation = sum(file.generation for file in files.values())
        return document

    # --- reading --------------------------------------------------------------------------

    def get(self, address: Address) -> object | None:
        node = self._find(address)
        found: object | None = None if node is _MISSING else plain(node)
        return found

    def length(self, list_address: Address) -> int:
        node = self._find(list_address)
        return len(node) if isinstance(node, CommentedSeq) else 0

    def text_of(self, name: str) -> str:
        return self.files[name].text(self._yaml)

    def texts(self) -> dict[str, bytes]:
        found = {name: file.data(self._yaml) for name, file in self.files.items()}
        return {name: data for name, data in found.items() if data is not None}

    def read(self) -> tuple[Exhibit | None, list[Issue]]:
        return validate_texts(self.texts(), self.folder)

    @property
    def dirty(self) -> bool:
        return any(file.dirty for file in self.files.values())

    def location_of(self, address: Address) -> Location | None:
        file = self.files.get(str(address[0])) if address else None
        places = None if file is None else file.places(self._yaml)
        return None if places is None else places.values.get(address)

    def address_at(self, location: Location) -> Address | None:
        file = self.files.get(location.path)
        places = None if file is None else file.places(self._yaml)
        found = None if places is None else places.address_at(location)
        return (location.path,) if found is None and file is not None else found

    # --- editing ----------------------------------------------------------------------------

    def set(self, address: Address, value: object | None) -> object | None:
        """Set the value at ``address`` (None or an empty text removes the key); the
        previous value is returned, for undo."""
        if isinstance(value, str) and not value.strip():
            value = None
        file = self._editable(address)
        if len(address) < 2:  # a file and a key
            raise NotEditableError(f"{address} names no field")
        node, depth = self._deepest(address)
        undo = self._undoes_removal(address, value)
        if depth < len(address) - 1:  # a mapping on the way is missing
            if value is None:
                return None  # removing what is not there
            step = address[depth + 1]
            if not (isinstance(node, CommentedMap) and isinstance(step, str)):
                raise NotEditableError(f"no {address[: depth + 2]} to change")
            self._add(node, address[: depth + 2], self._nested(address, depth + 2, value))
            self._changed(file, address)
            self._lay_back(file, address, undo)
            return None
        key = address[-1]
        if isinstance(node, CommentedSeq):
            return self._set_item(file, node, address, value)
        if not (isinstance(node, CommentedMap) and isinstance(key, str)):
            where = ".".join(str(step) for step in address[1:-1])
            raise NotEditableError(f"{address[0]}: {where} holds one value, not keys")
        previous = node.get(key, _MISSING)
        if previous is not _MISSING:
            self._remember(node, address)
        if value is None:
            if previous is _MISSING:
                return None
            scope = self._scope(address)
            before = Layout(scope)
            self._prune(address[:-1], remove_key(node, key))
            self._layouts[address] = (scope, before, Layout(scope).fingerprint())
        elif previous is _MISSING:
            self._add(node, address, self._styled(address, None, value))
        else:
            node[key] = self._styled(address, previous, value)
        self._changed(file, address)
        self._lay_back(file, address, undo)
        return None if previous is _MISSING else plain(previous)

    def _scope(self, address: Address) -> list[Any]:
        """The containers whose lines a removal at ``address`` may move: its item of a long
        list and the one before it, or the whole file."""
        index = address[2] if len(address) > 3 else None
        items = self._find(address[:2])
        if isinstance(index, int) and isinstance(items, CommentedSeq):
            return [items[index], *([items[index - 1]] if index > 0 else [])]
        return [self._find(address[:1])]

    def _undoes_removal(self, address: Address, value: object | None) -> Layout | None:
        """The layout before the removal at ``address``, when ``value`` brings back what it
        removed and nothing has moved a line since."""
        memo = self._layouts.get(address)
        original = self._originals.get(address, _MISSING)
        if memo is None or value is None or original is _MISSING or plain(original) != value:
            return None
        scope, before, after = memo
        return before if Layout(scope).fingerprint() == after else None

    def _lay_back(self, file: EditableFile, address: Address, undo: Layout | None) -> None:
        if undo is None:
            return
        undo.restore()
        del self._layouts[address]
        for node, _, _ in undo.entries[:2]:  # the item(s) of a long list, or the file
            file.touch_item(node)
        if len(address) <= 3:
            file.touched(address, structural=True)

    def _set_item(
        self, file: EditableFile, items: CommentedSeq, address: Address, value: object | None
    ) -> object | None:
        index = address[-1]
        if not isinstance(index, int) or not 0 <= index < len(items):
            raise NotEditableError(f"no item {index} at {address[:-1]}")
        if value is None:
            raise NotEditableError("list items are removed with remove_item")
        previous = items[index]
        trailer = take(last_slot(previous))
        items[index] = self._styled(address, previous, value)
        put(last_slot(items[index]), trailer)
        self._changed(file, address)
        return plain(previous)

    def insert_item(self, list_address: Address, index: int, item: dict[str, object]) -> None:
        file = self._editable(list_address)
        items = self._find(list_address)
        if not isinstance(items, CommentedSeq):
            raise NotEditableError(f"{list_address} is not a list")
        trailers = take_trailers(items)
        node = self._removed_node(list_address, item)
        if node is None:
            node = build(item, _indent(list_address) + 2)
        items.insert(index, node)
        put_trailers(items, grown(trailers, len(items)))
        self._forget(list_address, lambda old: old + 1 if old >= index else old)
        self._changed(file, list_address, structural=True)

    def remove_item(self, list_address: Address, index: int) -> dict[str, object]:
        file = self._editable(list_address)
        items = self._find(list_address)
        if not isinstance(items, CommentedSeq) or not 0 <= index < len(items):
            raise NotEditableError(f"no item {index} at {list_address}")
        trailers = take_trailers(items)
        removed = items.pop(index)
        put_trailers(items, shrunk(trailers, len(items)))
        self._forget(
            list_address, lambda old: None if old == index else old - 1 if old > index else old
        )
        self._changed(file, list_address, structural=True)
        value = plain(removed)
        self._removed = [*self._removed[-REMEMBERED_REMOVALS + 1 :], (list_address, value, removed)]
        return value if isinstance(value, dict) else {"value": value}

    def _removed_node(self, list_address: Address, item: dict[str, object]) -> Any:
        """The removed item ``item`` equals, as it was (undo gives back its very lines)."""
        for at, (where, value, node) in enumerate(reversed(self._removed)):
            if where == list_address and value == item:
                del self._removed[len(self._removed) - 1 - at]
                return node
        return None

    def move_item(self, list_address: Address, source: int, target: int) -> None:
        file = self._editable(list_address)
        items = self._find(list_address)
        if not isinstance(items, CommentedSeq):
            raise NotEditableError(f"{list_address} is not a list")
        if not (0 <= source < len(items) and 0 <= target < len(items)):
            raise NotEditableError(f"cannot move item {source} to {target} in {list_address}")
        if source == target:
            return
        # Blank lines and comments between items stay where they are; the items move.
        trailers = take_trailers(items)
        items.insert(target, items.pop(source))
        put_trailers(items, trailers)
        self._forget(list_address, lambda old: _moved_index(old, source, target))
        self._changed(file, list_address, structural=True)

    # --- saving ---------------------------------------------------------------------------

    def save(self, *, overwrite: bool = False) -> list[Path]:
        """Write each changed file YAML could read, atomically; the paths written.

        A file changed on disk since it was opened (or last saved) is overwritten only when
        asked: otherwise ChangedOnDiskError names them all, before anything is written."""
        dirty = [file for file in self.files.values() if file.readable and file.dirty]
        changed = [file.path for file in dirty if not overwrite and file.changed_on_disk()]
        if changed:
            raise ChangedOnDiskError(changed)
        written = []
        for file in dirty:
            data = file.data(self._yaml)
            assert data is not None  # a readable file always has a text
            try:
                write_atomically(file.path, data)
            except OSError as error:
                # Named by the content file: the error names the temporary file beside it.
                said = OSError(f"{file.name} could not be written: {error.strerror or error}")
                said.errno = error.errno
                raise said from error
            file.original = data
            file.dirty = False
            written.append(file.path)
        return written

    # --- inside ---------------------------------------------------------------------------

    def _editable(self, address: Address) -> EditableFile:
        file = self.files.get(str(address[0])) if address else None
        if file is None:
            raise NotEditableError(f"no content file {address[:1]}")
        if not file.readable:
            raise NotEditableError(f"{file.name} could not be read as YAML; it is read-only")
        return file

    def _changed(self, file: EditableFile, address: Address, *, structural: bool = False) -> None:
        file.touched(address, structural=structural)
        self.generation += 1

    def _find(self, address: Address) -> Any:
        file = self.files.get(str(address[0])) if address else None
        node: Any = _MISSING if file is None or file.tree is None else file.tree
        for step in address[1:]:
            node = _child(node, step)
            if node is _MISSING:
                break
        return node

    def _deepest(self, address: Address) -> tuple[Any, int]:
        """The container of ``address``'s value, or the deepest one on its way that is
        there, with its depth in ``address``."""
        node: Any = self._find(address[:1])
        for depth, step in enumerate(address[1:-1], 1):
            child = _child(node, step)
            if child is _MISSING:
                return node, depth - 1
            node = child
        return node, len(address) - 1

    def _nested(self, address: Address, depth: int, value: object) -> Any:
        """``value`` inside new mappings for the keys of ``address`` from ``depth`` on."""
        node = self._styled(address, None, value)
        for end in range(len(address) - 1, depth - 1, -1):
            key = address[end]
            if not isinstance(key, str):
                raise NotEditableError(f"no list at {address[:end]}")
            mapping = self._pruned.pop(address[:end], None)  # itself, when it comes back
            if not isinstance(mapping, CommentedMap) or mapping:
                mapping = CommentedMap()
            mapping[key] = node
            node = mapping
        return node

    def _remember(self, mapping: CommentedMap, address: Address) -> None:
        """Where a key stood and what it held, before its first change (for undo)."""
        key = address[-1]
        self._positions.setdefault(address, list(mapping).index(key))
        self._originals.setdefault(address, mapping[key])

    def _add(self, mapping: CommentedMap, address: Address, value: Any) -> None:
        key = address[-1]
        assert isinstance(key, str)
        add_key(mapping, key, value, self._positions.get(address))

    def _forget(
        self, list_address: Address, moved: Callable[[int], int | None] | None = None
    ) -> None:
        """Items moved: what was remembered by index follows its item to its new index
        (``moved``: old index -> new, None when the item is gone), so undoing a text edit
        after a move still gives back its very style (a folded text its own lines)."""
        length = len(list_address)
        for memo in (self._positions, self._originals, self._layouts, self._pruned):
            kept: dict[Address, Any] = {}
            for address in [a for a in memo if a[:length] == list_address]:
                value = memo.pop(address)
                index = address[length] if len(address) > length else None
                new = moved(index) if moved is not None and isinstance(index, int) else None
                if new is not None:
                    kept[(*list_address, new, *address[length + 1 :])] = value
            memo.update(kept)

    def _prune(self, address: Address, carried: CommentToken | None) -> None:
        """Mappings an edit left empty go too (``caption: {}`` says nothing); what followed
        them stays in its place."""
        while len(address) > 1:
            node, depth = self._deepest(address)
            key = address[-1]
            empty = depth == len(address) - 1 and isinstance(node, CommentedMap)
            if not (empty and isinstance(key, str) and node.get(key) == {}):
                break
            self._remember(node, address)
            self._pruned[address] = node[key]
            carried = remove_key(node, key, carried)
            address = address[:-1]
        while carried is not None and len(address) > 1:
            # After the innermost last entry of what is left; an emptied list item ({})
            # cannot hold lines after it, the item before it can.
            slot = last_slot(self._find(address))
            index = address[-1]
            if slot is None and isinstance(index, int) and index > 0:
                before = self._find((*address[:-1], index - 1))
                slot = last_slot(before) or (self._find(address[:-1]), index - 1)
                self.files[str(address[0])].touch_item(before)
            carried = put(slot, carried)
            address = address[:-1]

    def _styled(self, address: Address, previous: Any, value: object) -> Any:
        original = self._originals.get(address, _MISSING)
        if original is not _MISSING and plain(original) == value:
            return original
        if isinstance(value, str):
            return styled_text(value, _indent(address) + 2, previous)
        built = build(value, _indent(address))
        flow = isinstance(previous, CommentedMap | CommentedSeq) and previous.fa.flow_style()
        if flow and isinstance(built, CommentedMap | CommentedSeq):
            built.fa.set_flow_style()  # [az, en, ru] stays on its line
        return built


_MISSING: Any = object()
# Stands for one item of a long list in the frame of a file dumped by parts.
_MARKER = "kiosk-studio-item-a81f3c"
# Lists at least this long (of mappings, at a file's top) are dumped by parts.
SPLIT_FROM = 2


def _moved_index(old: int, source: int, target: int) -> int:
    """Where the item at ``old`` is after the item at ``source`` moved to ``target``."""
    if old == source:
        return target
    if source < old <= target:
        return old - 1
    if target <= old < source:
        return old + 1
    return old


def _item_at(tree: CommentedMap | None, address: Address) -> Any:
    """The item of a top-level list that ``address`` lies inside, if it does."""
    if tree is None or len(address) < 4:
        return None
    items, index = tree.get(address[1]), address[2]
    if isinstance(items, CommentedSeq) and isinstance(index, int) and 0 <= index < len(items):
        return items[index]
    return None


def original_slices(
    data: bytes, tree: CommentedMap | None, key: str, start: str = "  - "
) -> dict[int, tuple[Any, str]]:
    """Each item of the list under ``key`` with its lines in ``data`` (up to the next item,
    so with the blank lines and comments after it, as its dump has them): an item not
    changed since the file was opened needs no dumping.  Empty unless every item starts a
    line exactly as the dump would start it (``  - ``), so the two kinds can be mixed."""
    if tree is None:
        return {}
    items = tree.get(key)
    keys = list(tree)
    lines = data.decode("utf-8-sig").replace("\r\n", "\n").splitlines(keepends=True)
    try:
        starts = [items.lc.item(index)[0] for index in range(len(items))]
        following = keys.index(key) + 1
        end = tree.lc.key(keys[following])[0] if following < len(keys) else len(lines)
    except (AttributeError, KeyError, TypeError, ValueError):
        return {}
    bounds = [*starts, end]
    if any(
        not (0 <= first < stop <= len(lines)) or not lines[first].startswith(start)
        for first, stop in pairwise(bounds)
    ):
        return {}
    return {
        id(item): (item, "".join(lines[first:stop]))
        for item, (first, stop) in zip(items, pairwise(bounds), strict=True)
    }


def _split_key(tree: CommentedMap) -> str | None:
    """The top-level key holding a long list of mappings with no comments of its own
    between items (timeline's moments, figures), if there is one."""
    for key, value in tree.items():
        if (
            isinstance(value, CommentedSeq)
            and len(value) >= SPLIT_FROM
            and not value.ca.items
            and all(isinstance(item, CommentedMap) for item in value)
        ):
            return str(key)
    return None


def _open_file(folder: Path, name: str, yaml: YAML, recovered: bytes | None = None) -> EditableFile:
    path = folder / name
    try:
        data = read_bounded(_inside(path, folder.resolve(), name), name, MAX_FILE_BYTES)
    except ContentError as error:
        return EditableFile(name, path, None, None, error.issues)
    file = _read_tree(name, path, data, yaml)
    if not file.readable or recovered is None or recovered == data:
        return file  # a file that cannot be read is never replaced, not even by a recovery
    stand_in = _read_tree(name, path, recovered, yaml)
    if not stand_in.readable:
        return file
    stand_in.original = data  # what a save compares the disk with
    stand_in.dirty = True
    stand_in.generation = 1
    return stand_in


def _read_tree(name: str, path: Path, data: bytes, yaml: YAML) -> EditableFile:
    try:
        load_yaml_bytes(data, name)  # the kiosk's own reader: its findings, file:line:col
    except ContentError as error:
        return EditableFile(name, path, data, None, error.issues)
    try:
        # Windows line endings become "\n" here and again "\r\n" when saved: ruamel would
        # keep each CR inside a comment and the saving add another (CR CR LF).
        tree = yaml.load(data.decode("utf-8-sig").replace("\r\n", "\n"))
    except (YAMLError, ValueError, OverflowError, RecursionError) as error:
        # ValueError and the rest: whatever ruamel still raises unplaced (the constructor
        # places what it can, see document_styles); the file is shown read-only either way.
        mark = error.problem_mark if isinstance(error, MarkedYAMLError) else None
        where = Location(name) if mark is None else Location(name, mark.line + 1, mark.column + 1)
        problem = Issue("error", where, f"YAML syntax: {getattr(error, 'problem', error)}")
        return EditableFile(name, path, data, None, [problem])
    if not isinstance(tree, CommentedMap):
        problem = Issue("error", Location(name), "the file must be a mapping of keys to values")
        return EditableFile(name, path, data, None, [problem])
    return EditableFile(name, path, data, tree, [])


def _child(node: Any, step: str | int) -> Any:
    if isinstance(node, CommentedMap) and isinstance(step, str):
        return node.get(step, _MISSING)
    if isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return _MISSING


def _indent(address: Address) -> int:
    """The column of the key (or item) ``address`` names, with this module's indentation:
    a mapping's keys 2 in from their parent key, a list's items 4 (``  - ``)."""
    column = 0
    for before, step in pairwise(address[1:]):
        if isinstance(step, int):
            column += 4
        elif not isinstance(before, int):
            column += 2
    return column
