"""The blank lines and comments after a value in the content's YAML, kept in their place
while the studio adds, removes and moves entries."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

# ruamel keeps the blank lines and comments after a value on the innermost last entry
# before them (the blank line after a moment sits on its source's last language).  They
# belong to the place, not the entry: moving, adding or removing entries keeps them where
# they were.

Slot = tuple[Any, str | int]


def slot_of(owner: Any, key: str | int) -> Slot:
    """Where what follows the entry ``key`` of ``owner`` is kept."""
    value = owner[key]
    return last_slot(value) or (owner, key)


def last_slot(node: Any) -> Slot | None:
    """Where what follows ``node`` is kept: its innermost last entry."""
    slot = None
    while isinstance(node, CommentedMap | CommentedSeq) and len(node):
        key: str | int = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        slot = (node, key)
        node = node[key]
    return slot


def take(slot: Slot | None) -> CommentToken | None:
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


def put(slot: Slot | None, token: CommentToken | None) -> CommentToken | None:
    """Attach lines (as take gives them) after a slot's value; returned when there is no
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


def joined(first: CommentToken | None, second: CommentToken | None) -> CommentToken | None:
    if first is None or second is None:
        return first or second
    return _token(first.value + second.value)


def take_trailers(items: CommentedSeq) -> list[CommentToken | None]:
    return [take(last_slot(item)) for item in items]


def put_trailers(items: CommentedSeq, trailers: list[CommentToken | None]) -> None:
    for item, trailer in zip(items, trailers, strict=False):
        put(last_slot(item), trailer)


def _separator(trailers: list[CommentToken | None]) -> CommentToken | None:
    """What usually stands between two items: blank lines, if the list has them."""
    between = [t for t in trailers[:-1] if t is not None and not t.value.strip("\n")]
    return _token(between[0].value) if between else None


def grown(trailers: list[CommentToken | None], count: int) -> list[CommentToken | None]:
    """Trailers for a list one item longer: one more separator before the end's."""
    if len(trailers) < 1:
        return [None] * count
    if len(trailers) == 1:  # no example of a separator: a blank line, as the bundled files
        return [_token("\n"), trailers[-1]]
    return [*trailers[:-1], _separator(trailers), trailers[-1]]


def shrunk(trailers: list[CommentToken | None], count: int) -> list[CommentToken | None]:
    """Trailers for a list one item shorter: one separator fewer, the end's kept."""
    if count == 0:
        return []
    return [*trailers[: count - 1], trailers[-1]]


def add_key(mapping: CommentedMap, key: str, value: Any, position: int | None) -> None:
    """A new key (at ``position``, else last); what followed the mapping still follows it."""
    if position is not None and position < len(mapping):
        mapping.insert(position, key, value)
        return
    trailer = take(last_slot(mapping))
    mapping[key] = value
    put(last_slot(mapping), trailer)


def remove_key(
    mapping: CommentedMap, key: str, carried: CommentToken | None = None
) -> CommentToken | None:
    """Remove ``key``; what followed its entry now follows the entry before it.  Returned
    when there is none (the caller's parent places it)."""
    keys = list(mapping)
    at = keys.index(key)
    before = _lines_before_first(mapping[key], mapping.ca.items.get(key))
    trailer = joined(joined(before, carried), take(slot_of(mapping, key)))
    mapping.ca.items.pop(key, None)
    del mapping[key]
    if at > 0:
        return put(slot_of(mapping, keys[at - 1]), trailer)
    if not mapping:
        return trailer
    if trailer is not None:  # the first key went: its lines now come before the new first
        _put_before_first(mapping, trailer)
    return None


def _put_before_first(mapping: CommentedMap, token: CommentToken) -> None:
    """Lines before a mapping's first key (ruamel keeps them in the mapping's comment, and
    the same token on its parent's entry: the token is extended, not replaced)."""
    comment = mapping.ca.comment
    if comment and len(comment) > 1 and comment[1]:
        comment[1][-1].value = comment[1][-1].value + token.value
    else:
        mapping.ca.comment = [None, [token]]


def _lines_before_first(value: Any, entry: list[Any] | None) -> CommentToken | None:
    """The comment lines between a key and its mapping's first key (``motion:``, a comment,
    ``reduced: false``), as lines that can follow a value: kept when the key goes."""
    tokens: list[Any] = []
    comment = getattr(value, "ca", None) and value.ca.comment
    if comment and len(comment) > 1 and comment[1]:
        tokens = list(comment[1])
    elif entry and len(entry) > 3 and entry[3]:
        tokens = list(entry[3])
    text = "".join(
        token.value if token.value.startswith("\n") else " " * _column(token) + token.value
        for token in tokens
        if isinstance(token, CommentToken)
    )
    return _token(text) if text else None


def _column(token: CommentToken) -> int:
    mark = getattr(token, "start_mark", None)
    column = getattr(mark, "column", 0)
    return column if isinstance(column, int) else 0


# --- putting the lines back exactly (undo) ---------------------------------------------------


class Layout:
    """The comments and blank lines kept on some containers and all inside them: taken
    before a removal, put back when the removed value comes back (undo), so the file is
    byte for byte what it was."""

    def __init__(self, roots: list[Any]) -> None:
        self.entries: list[tuple[Any, dict[Any, list[Any]], list[Any] | None]] = []
        self.values: list[tuple[CommentToken, str]] = []
        for node in _containers(roots):
            items = {key: list(entry) for key, entry in node.ca.items.items()}
            comment = _copied(node.ca.comment)
            self.entries.append((node, items, comment))
            self.values += [(token, token.value) for token in _tokens([*items.values(), comment])]

    def fingerprint(self) -> list[object]:
        """What the layout is, by the identity of its containers and tokens."""
        shape: list[object] = [
            (id(node), [(key, _ids(entry)) for key, entry in items.items()], _ids(_trim(comment)))
            for node, items, comment in self.entries
        ]
        return shape + [(id(token), value) for token, value in self.values]

    def restore(self) -> None:
        for node, items, comment in self.entries:
            node.ca.items.clear()
            node.ca.items.update({key: list(entry) for key, entry in items.items()})
            node.ca.comment = _copied(comment)
        for token, value in self.values:
            token.value = value


def _containers(roots: list[Any]) -> list[Any]:
    found: list[Any] = []
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        if isinstance(node, CommentedMap | CommentedSeq):
            found.append(node)
            children = node.values() if isinstance(node, CommentedMap) else node
            stack.extend(reversed(list(children)))
    return found


def _copied(comment: Any) -> list[Any] | None:
    if comment is None:
        return None
    return [list(part) if isinstance(part, list) else part for part in comment]


def _trim(comment: list[Any] | None) -> list[Any] | None:
    """A mapping's comment less the empty places each dump appends to it (ruamel's
    representer adds its end comment to the very list)."""
    if comment is None:
        return None
    end = len(comment)
    while end and not comment[end - 1]:
        end -= 1
    return comment[:end]


def _tokens(parts: list[Any]) -> list[CommentToken]:
    found: list[CommentToken] = []
    for part in parts:
        if isinstance(part, CommentToken):
            found.append(part)
        elif isinstance(part, list):
            found += _tokens(part)
    return found


def _ids(part: Any) -> object:
    if isinstance(part, list):
        return tuple(_ids(child) for child in part)
    return None if part is None else id(part)
