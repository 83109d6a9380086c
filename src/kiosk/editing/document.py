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

import io
import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter, RoundTripEmitter
from ruamel.yaml.error import CommentMark, MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarbool import ScalarBoolean
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

from kiosk.content.fields import BIDI_CONTROLS
from kiosk.content.issues import ContentError, Issue, Location
from kiosk.content.loader import FILES, _inside
from kiosk.content.model import Exhibit
from kiosk.content.sealing import write_atomically
from kiosk.content.source import (
    MAX_FILE_BYTES,
    Mapping,
    Node,
    Sequence,
    load_yaml_bytes,
    read_bounded,
)
from kiosk.content.validate import validate_texts

Address = tuple[str | int, ...]

# ruamel re-wraps plain and quoted scalars longer than its width; the bundled files keep
# long plain lines (statement.yaml's subtitle) on one line, so nothing is re-wrapped and
# folded texts break only where their own fold positions say.
DUMP_WIDTH = 4096
# New or changed folded texts are wrapped so lines stay within this many columns, as the
# bundled files are (their longest folded line is 94 characters).
FOLD_WIDTH = 94
# A text longer than this (or holding a line break) is written folded (>-) when new.
FOLD_AFTER = 60

_STR_TAG = "tag:yaml.org,2002:str"
# YAML 1.1 tools read yes/no/on/off as booleans and 1:20 as a number; content is read by
# more than ruamel (editors, PyYAML), so a text any of them would misread is quoted.
_RESOLVERS = (VersionedResolver(version=(1, 1)), VersionedResolver(version=(1, 2)))
_ANALYSER = Emitter(None, allow_unicode=True)
_ANALYSER.use_version = None  # type: ignore[attr-defined]  # asked of its serializer
_SPACE_BREAK = re.compile(r"(?<=\S) (?=\S)")
# Characters that show nothing (direction controls and marks, zero-width ones) and a stand-in
# for each from the last private-use plane while a quoted text is written (ruamel would write
# them raw), replaced by its escape in the dumped text.
INVISIBLE = "".join(sorted(BIDI_CONTROLS | set("\u200b\u200c\u200d\u2060\u00ad")))
_STAND_IN_BASE = 0x10FE00
_STAND_INS = {ord(ch): _STAND_IN_BASE + n for n, ch in enumerate(INVISIBLE)}
_ESCAPES = {
    _STAND_IN_BASE + n: f"\\x{ord(ch):02X}" if ord(ch) <= 0xFF else f"\\u{ord(ch):04X}"
    for n, ch in enumerate(INVISIBLE)
}


class NotEditableError(Exception):
    """An edit of a file YAML could not read, or of an address that is not there."""


class ChangedOnDiskError(OSError):
    """Files changed on disk since the studio read them (another editor saved them)."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        names = ", ".join(path.name for path in paths)
        super().__init__(
            f"{names} changed on disk since the studio opened it; save again to "
            "replace those changes, or reopen the folder to keep them"
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
        self.tree = tree
        self.readable = tree is not None
        self.problems = problems
        self.dirty = False
        self.generation = 0  # this file's own changes: its dump is cached by it
        self.newline = "\r\n" if data is not None and b"\r\n" in data else "\n"
        self.bom = data is not None and data.startswith(b"\xef\xbb\xbf")
        self._text: tuple[int, str] | None = None
        self._places: tuple[int, _Places] | None = None
        # Dumping by parts (see _assembled): the frame's version and each item's.
        self.shape = 0
        self._frame: tuple[int, str, list[str]] | None = None
        self._versions: dict[int, int] = {}
        self._items: dict[int, tuple[Any, int, str]] = {}
        # Each item's lines in the file as opened (None: not yet looked up).
        self._slices: dict[int, tuple[Any, str]] | None = None

    def text(self, yaml: YAML) -> str:
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

    def touched(self, address: Address, *, structural: bool = False) -> None:
        """Note a change at ``address``: within one item of a long list only that item's
        text is dumped again; anything else dumps the file's frame (and, for a change of
        the list itself, every item)."""
        self.generation += 1
        self.dirty = True
        item = None if structural else _item_at(self.tree, address)
        if item is not None:
            self._versions[id(item)] = self._versions.get(id(item), 0) + 1
            return
        self.shape += 1
        if structural:
            self._items.clear()
            self._slices = {}  # what followed each item stayed in place: its lines moved

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
                parts = dump(yaml, tree).split(f"  - {_MARKER}\n")
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
        if version == 0 and self._slices is None and self.original is not None:
            self._slices = original_slices(self.original, self.tree, key)
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

    def places(self, yaml: YAML) -> _Places | None:
        if self._places is None or self._places[0] != self.generation:
            data = self.data(yaml)
            if data is None:
                return None
            try:
                tree = load_yaml_bytes(data, self.name)
            except ContentError:
                return None
            self._places = (self.generation, _Places.of(self.name, tree))
        return self._places[1]


class _Place(NamedTuple):
    location: Location
    rank: int  # at one location: a value (0) before a key (1), outer before inner
    address: Address


class _Places:
    """Every value's and key's place in one file's text, both ways."""

    def __init__(self, values: dict[Address, Location], ordered: list[_Place]) -> None:
        self.values = values
        self.ordered = ordered
        self.keys = [place.location for place in ordered]

    @classmethod
    def of(cls, name: str, tree: Node) -> _Places:
        values: dict[Address, Location] = {}
        ordered: list[_Place] = []
        for address, location, is_key in _walk_places((name,), tree):
            if not is_key:
                values[address] = location
            ordered.append(_Place(location, 2 * len(address) + is_key, address))
        ordered.sort()
        return cls(values, ordered)

    def address_at(self, location: Location) -> Address | None:
        at = bisect_right(self.keys, location)
        if at == 0:
            return None
        found = self.ordered[at - 1].location
        # The first (outermost) of the places starting exactly there, or the last before it.
        first = at - 1
        while first > 0 and self.ordered[first - 1].location == found:
            first -= 1
        return self.ordered[first].address


def _walk_places(address: Address, node: Node) -> Iterator[tuple[Address, Location, bool]]:
    yield address, node.location, False
    if isinstance(node, Mapping):
        for key, child in node.entries.items():
            yield (*address, key), node.key_locations[key], True
            yield from _walk_places((*address, key), child)
    elif isinstance(node, Sequence):
        for index, child in enumerate(node.items):
            yield from _walk_places((*address, index), child)


class ContentDocument:
    """The content folder's four files, edited in memory and saved on request."""

    def __init__(self, folder: Path, files: dict[str, EditableFile]) -> None:
        self.folder = folder
        self.files = files
        self.generation = 0
        self._yaml = _round_trip()
        # The object first replaced at an address and its key's position: setting the same
        # text back (undo) restores it exactly, fold positions and quotes included.
        self._originals: dict[Address, Any] = {}
        self._positions: dict[Address, int] = {}

    @classmethod
    def open(cls, folder: Path) -> ContentDocument:
        """Every content file of ``folder``; one YAML cannot read is kept read-only."""
        yaml = _round_trip()
        files = {name: _open_file(folder, name, yaml) for name in FILES}
        return cls(folder, files)

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
        if depth < len(address) - 1:  # a mapping on the way is missing
            if value is None:
                return None  # removing what is not there
            step = address[depth + 1]
            if not (isinstance(node, CommentedMap) and isinstance(step, str)):
                raise NotEditableError(f"no {address[: depth + 2]} to change")
            self._add(node, address[: depth + 2], self._nested(address, depth + 2, value))
            self._changed(file, address)
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
            self._prune(address[:-1], _remove_key(node, key))
        elif previous is _MISSING:
            self._add(node, address, self._styled(address, None, value))
        else:
            node[key] = self._styled(address, previous, value)
        self._changed(file, address)
        return None if previous is _MISSING else plain(previous)

    def _set_item(
        self, file: EditableFile, items: CommentedSeq, address: Address, value: object | None
    ) -> object | None:
        index = address[-1]
        if not isinstance(index, int) or not 0 <= index < len(items):
            raise NotEditableError(f"no item {index} at {address[:-1]}")
        if value is None:
            raise NotEditableError("list items are removed with remove_item")
        previous = items[index]
        trailer = _take(_last_slot(previous))
        items[index] = self._styled(address, previous, value)
        _put(_last_slot(items[index]), trailer)
        self._changed(file, address)
        return plain(previous)

    def insert_item(self, list_address: Address, index: int, item: dict[str, object]) -> None:
        file = self._editable(list_address)
        items = self._find(list_address)
        if not isinstance(items, CommentedSeq):
            raise NotEditableError(f"{list_address} is not a list")
        trailers = _take_trailers(items)
        items.insert(index, _build(item, _indent(list_address) + 2))
        _put_trailers(items, _grown(trailers, len(items)))
        self._forget(list_address)
        self._changed(file, list_address, structural=True)

    def remove_item(self, list_address: Address, index: int) -> dict[str, object]:
        file = self._editable(list_address)
        items = self._find(list_address)
        if not isinstance(items, CommentedSeq) or not 0 <= index < len(items):
            raise NotEditableError(f"no item {index} at {list_address}")
        trailers = _take_trailers(items)
        removed = items.pop(index)
        _put_trailers(items, _shrunk(trailers, len(items)))
        self._forget(list_address)
        self._changed(file, list_address, structural=True)
        value = plain(removed)
        return value if isinstance(value, dict) else {"value": value}

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
        trailers = _take_trailers(items)
        items.insert(target, items.pop(source))
        _put_trailers(items, trailers)
        self._forget(list_address)
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
            write_atomically(file.path, data)
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
        _add_key(mapping, key, value, self._positions.get(address))

    def _forget(self, list_address: Address) -> None:
        """Items moved: what was remembered by index no longer names the same item."""
        length = len(list_address)
        for memo in (self._positions, self._originals):
            for address in [a for a in memo if a[:length] == list_address]:
                del memo[address]

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
            carried = _remove_key(node, key, carried)
            address = address[:-1]
        if carried is not None:
            _put(_last_slot(self._find(address)), carried)

    def _styled(self, address: Address, previous: Any, value: object) -> Any:
        original = self._originals.get(address, _MISSING)
        if original is not _MISSING and plain(original) == value:
            return original
        if isinstance(value, str):
            return styled_text(value, _indent(address) + 2, previous)
        return _build(value, _indent(address))


_MISSING: Any = object()
# Stands for one item of a long list in the frame of a file dumped by parts.
_MARKER = "kiosk-studio-item-a81f3c"
# Lists at least this long (of mappings, at a file's top) are dumped by parts.
SPLIT_FROM = 2


def dump(yaml: YAML, tree: Any) -> str:
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue().translate(_ESCAPES)


class _Emitter(RoundTripEmitter):
    """Writes invisible characters in a quoted text as escapes (\\u202E), as the staff
    wrote them, never raw: a raw one cannot be seen in an editor."""

    def write_double_quoted(self, text: Any, split: Any = True) -> None:
        super().write_double_quoted(str(text).translate(_STAND_INS), split)


def _item_at(tree: CommentedMap | None, address: Address) -> Any:
    """The item of a top-level list that ``address`` lies inside, if it does."""
    if tree is None or len(address) < 4:
        return None
    items, index = tree.get(address[1]), address[2]
    if isinstance(items, CommentedSeq) and isinstance(index, int) and 0 <= index < len(items):
        return items[index]
    return None


def original_slices(data: bytes, tree: CommentedMap | None, key: str) -> dict[int, tuple[Any, str]]:
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
        not (0 <= start < stop <= len(lines)) or not lines[start].startswith("  - ")
        for start, stop in pairwise(bounds)
    ):
        return {}
    return {
        id(item): (item, "".join(lines[start:stop]))
        for item, (start, stop) in zip(items, pairwise(bounds), strict=True)
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


def _round_trip() -> YAML:
    yaml = YAML()  # round trip
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = DUMP_WIDTH
    yaml.preserve_quotes = True
    yaml.Emitter = _Emitter
    return yaml


def _open_file(folder: Path, name: str, yaml: YAML) -> EditableFile:
    path = folder / name
    try:
        data = read_bounded(_inside(path, folder.resolve(), name), name, MAX_FILE_BYTES)
    except ContentError as error:
        return EditableFile(name, path, None, None, error.issues)
    try:
        load_yaml_bytes(data, name)  # the kiosk's own reader: its findings, file:line:col
    except ContentError as error:
        return EditableFile(name, path, data, None, error.issues)
    try:
        tree = yaml.load(data.decode("utf-8-sig"))
    except YAMLError as error:
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


def plain(value: Any) -> object:
    """A round-trip value as plain Python: dict, list, str, int, float, bool or None."""
    if isinstance(value, dict):
        return {str(key): plain(child) for key, child in value.items()}
    if isinstance(value, list):
        return [plain(child) for child in value]
    for kind in (bool, ScalarBoolean, str, int, float):
        if isinstance(value, kind):
            return bool(value) if kind is ScalarBoolean else kind(value)
    return value


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


# --- styles ---------------------------------------------------------------------------------


def needs_quotes(text: str) -> bool:
    """True when YAML would misread ``text`` written plain (a colon and a space, a leading
    special character, or a word or number some YAML reader takes for something else)."""
    if any(ch in INVISIBLE for ch in text):
        return True  # written as escapes, which only a double-quoted text has
    analysis = _ANALYSER.analyze_scalar(text)
    if not (analysis.allow_block_plain and analysis.allow_flow_plain) or analysis.multiline:
        return True
    return any(
        resolver.resolve(ScalarNode, text, (True, False)) != _STR_TAG for resolver in _RESOLVERS
    )


def styled_text(text: str, column: int, previous: Any = None) -> Any:
    """``text`` in the style its previous value had, or for a new text: plain when short and
    safe, quoted when YAML would misread it, folded (>-) when long."""
    if isinstance(previous, FoldedScalarString) and _foldable(text):
        return folded(text, column, previous)
    if isinstance(previous, LiteralScalarString):
        return LiteralScalarString(text)
    if isinstance(previous, SingleQuotedScalarString) and "\n" not in text:
        return SingleQuotedScalarString(text)
    if isinstance(previous, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(text)
    if (len(text) > FOLD_AFTER or "\n" in text) and _foldable(text):
        return folded(text, column)
    return DoubleQuotedScalarString(text) if needs_quotes(text) else text


def _foldable(text: str) -> bool:
    """A folded block keeps the text exactly only without edge or doubled spaces and tabs."""
    return (
        text == text.strip()
        and "  " not in text
        and "\t" not in text
        and not any(ch in INVISIBLE for ch in text)
        and "\n\n" not in text
        and not any(ch in text for ch in "\r\x85\u2028\u2029\a")
        and text.isprintable() | ("\n" in text)
    )


def folded(text: str, column: int, previous: Any = None) -> FoldedScalarString:
    """A folded (>-) text whose lines, starting at ``column``, stay within FOLD_WIDTH.

    Changing a folded text keeps its lines before the change as they were and, once a new
    line can end where an old one did, the lines after it too: the file's diff shows the
    lines that changed, not a whole paragraph wrapped anew."""
    old = str(previous) if isinstance(previous, FoldedScalarString) else ""
    old_breaks: list[int] = list(getattr(previous, "fold_pos", None) or []) if old else []
    prefix = _common_prefix(old, text)
    suffix = _common_prefix(old[prefix:][::-1], text[prefix:][::-1])
    positions = [p for p in old_breaks if p < prefix]
    tail = [p + len(text) - len(old) for p in old_breaks if p >= len(old) - suffix]
    spaces = [match.start() for match in _SPACE_BREAK.finditer(text)]
    limit = FOLD_WIDTH - column
    start = positions[-1] + 1 if positions else 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start <= limit:
            start = end + 1
            continue
        reachable = [q for q in tail if start < q <= start + limit]
        if reachable:  # from here on the old lines fit as they were
            positions += [q for q in tail if q >= reachable[-1]]
            break
        fitting = [c for c in spaces if start < c < end and c - start <= limit]
        beyond = [c for c in spaces if start + limit < c < end][:1]  # a word wider than a line
        if not (fitting or beyond):
            start = end + 1
            continue
        chosen = fitting[-1] if fitting else beyond[0]
        positions.append(chosen)
        start = chosen + 1
    value: FoldedScalarString = FoldedScalarString(text)
    value.fold_pos = positions  # type: ignore[attr-defined]  # set on instances only
    return value


def _common_prefix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


def _build(value: object, column: int) -> Any:
    """A new value as round-trip nodes, each text styled for where it goes; ``column`` is
    that of the key holding it."""
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, child in value.items():
            mapping[str(key)] = _build(child, column + 2)
        return mapping
    if isinstance(value, list | tuple):
        return CommentedSeq([_build(child, column + 2) for child in value])
    if isinstance(value, str):
        return styled_text(value, column + 2)
    return value


# --- comments and blank lines that follow a value -------------------------------------------
# ruamel keeps the blank lines and comments after a value on the innermost last entry
# before them (the blank line after a moment sits on its source's last language).  They
# belong to the place, not the entry: moving, adding or removing entries keeps them where
# they were.

Slot = tuple[Any, str | int]


def _slot_of(owner: Any, key: str | int) -> Slot:
    """Where what follows the entry ``key`` of ``owner`` is kept."""
    value = owner[key]
    return _last_slot(value) or (owner, key)


def _last_slot(node: Any) -> Slot | None:
    """Where what follows ``node`` is kept: its innermost last entry."""
    slot = None
    while isinstance(node, CommentedMap | CommentedSeq) and len(node):
        key: str | int = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        slot = (node, key)
        node = node[key]
    return slot


def _take(slot: Slot | None) -> CommentToken | None:
    """Detach the lines after a slot's value (a comment on the value's own line stays).

    ruamel keeps them differently after a block text (>-, |), which ends its own line, and
    after any other value, whose line break the token starts with; what is returned is the
    lines alone, so they can follow a value of either kind."""
    if slot is None:
        return None
    owner, key = slot
    entry = owner.ca.items.get(key)
    where = 2 if isinstance(owner, CommentedMap) else 0
    if not entry or len(entry) <= where or not isinstance(entry[where], CommentToken):
        return None
    token: CommentToken = entry[where]
    text = token.value
    if _ends_its_line(owner[key]):
        entry[where] = None
        lines = token
    elif text.startswith("\n"):
        entry[where] = None
        lines = _token(text[1:])
    else:  # a comment on the value's own line stays with it
        own, newline, rest = text.partition("\n")
        entry[where] = CommentToken(own + newline, token.start_mark)
        lines = _token(rest)
    if not any(entry):
        del owner.ca.items[key]
    return lines if lines.value else None


def _put(slot: Slot | None, token: CommentToken | None) -> CommentToken | None:
    """Attach lines (as _take gives them) after a slot's value; returned when there is no
    slot to take them."""
    if token is None or slot is None:
        return token
    owner, key = slot
    where = 2 if isinstance(owner, CommentedMap) else 0
    entry = owner.ca.items.setdefault(key, [None, None, None, None])
    while len(entry) <= where:
        entry.append(None)
    current = entry[where]
    if isinstance(current, CommentToken):
        current.value = current.value + token.value
    elif _ends_its_line(owner[key]):
        entry[where] = token
    else:
        entry[where] = _token("\n" + token.value)
    return None


def _ends_its_line(value: Any) -> bool:
    return isinstance(value, FoldedScalarString | LiteralScalarString)


def _token(text: str, column: int = 0) -> CommentToken:
    return CommentToken(text, CommentMark(column))


def _joined(first: CommentToken | None, second: CommentToken | None) -> CommentToken | None:
    if first is None or second is None:
        return first or second
    return _token(first.value + second.value)


def _take_trailers(items: CommentedSeq) -> list[CommentToken | None]:
    return [_take(_last_slot(item)) for item in items]


def _put_trailers(items: CommentedSeq, trailers: list[CommentToken | None]) -> None:
    for item, trailer in zip(items, trailers, strict=False):
        _put(_last_slot(item), trailer)


def _separator(trailers: list[CommentToken | None]) -> CommentToken | None:
    """What usually stands between two items: blank lines, if the list has them."""
    between = [t for t in trailers[:-1] if t is not None and not t.value.strip("\n")]
    return _token(between[0].value) if between else None


def _grown(trailers: list[CommentToken | None], count: int) -> list[CommentToken | None]:
    """Trailers for a list one item longer: one more separator before the end's."""
    if len(trailers) < 1:
        return [None] * count
    if len(trailers) == 1:  # no example of a separator: a blank line, as the bundled files
        return [_token("\n"), trailers[-1]]
    return [*trailers[:-1], _separator(trailers), trailers[-1]]


def _shrunk(trailers: list[CommentToken | None], count: int) -> list[CommentToken | None]:
    """Trailers for a list one item shorter: one separator fewer, the end's kept."""
    if count == 0:
        return []
    return [*trailers[: count - 1], trailers[-1]]


def _add_key(mapping: CommentedMap, key: str, value: Any, position: int | None) -> None:
    """A new key (at ``position``, else last); what followed the mapping still follows it."""
    if position is not None and position < len(mapping):
        mapping.insert(position, key, value)
        return
    trailer = _take(_last_slot(mapping))
    mapping[key] = value
    _put(_last_slot(mapping), trailer)


def _remove_key(
    mapping: CommentedMap, key: str, carried: CommentToken | None = None
) -> CommentToken | None:
    """Remove ``key``; what followed its entry now follows the entry before it.  Returned
    when there is none (the caller's parent places it)."""
    keys = list(mapping)
    at = keys.index(key)
    trailer = _joined(carried, _take(_slot_of(mapping, key)))
    mapping.ca.items.pop(key, None)
    del mapping[key]
    if at > 0:
        return _put(_slot_of(mapping, keys[at - 1]), trailer)
    return trailer if not mapping else None
