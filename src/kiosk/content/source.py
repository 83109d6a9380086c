"""YAML reading that keeps every value's position and trusts nothing.

PyYAML's loaders turn ``no`` into False and ``1:20`` into 80, accept alias bombs and
silently overwrite duplicate keys.  We take only the event stream from libyaml's parser
and build our own tree: every scalar stays a string (the model decides its type),
anchors, aliases and explicit tags are refused, duplicate keys are errors, and size,
depth and node counts are bounded.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Protocol

import yaml

from kiosk.content.issues import ContentError, Issue, Location, shown

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 50_000

try:  # libyaml's C parser when available: several times faster at start-up.
    _Parser: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader


class _Mark(Protocol):
    """A parser position; libyaml's C parser and PyYAML's own have different classes."""

    line: int
    column: int


class Scalar(NamedTuple):
    text: str
    location: Location
    # An unquoted value followed by ` # ...` on its line: YAML made the rest a comment.
    comment_follows: bool = False


class Sequence(NamedTuple):
    items: tuple[Node, ...]
    location: Location


class Mapping(NamedTuple):
    entries: dict[str, Node]
    key_locations: dict[str, Location]
    location: Location


Node = Scalar | Sequence | Mapping


@dataclass
class _Builder:
    path: str
    end: Location  # just after the last character: libyaml may point past it at the end
    nodes: int = 0
    issues: list[Issue] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def where(self, mark: _Mark | None) -> Location:
        if mark is None:
            return Location(self.path)
        if mark.line + 1 > self.end.line:  # the end of a file without a final line break
            return self.end
        return Location(self.path, mark.line + 1, mark.column + 1)

    def fail(self, mark: _Mark | None, message: str) -> ContentError:
        return ContentError([Issue("error", self.where(mark), message)])


def load_yaml_file(path: Path, display_path: str) -> Node:
    """Read one content file into a position-carrying tree, or raise ContentError."""
    return load_yaml_bytes(read_bounded(path, display_path, MAX_FILE_BYTES), display_path)


def read_bounded(path: Path, display_path: str, limit: int) -> bytes:
    """A regular file's bytes, at most ``limit`` of them, or ContentError.

    Opened without blocking and checked on the open file itself, so a named pipe, a device
    such as /dev/zero or a file that grows while it is read can neither hang the reader nor
    fill its memory.
    """
    where = Location(display_path)
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        descriptor = os.open(path, flags)
        try:
            status = os.fstat(descriptor)
            if not stat.S_ISREG(status.st_mode):
                message = f"{display_path} is not a regular file (a folder, a device or a pipe)"
                raise ContentError([Issue("error", where, message)])
            if status.st_size > limit:
                raise _too_large(where, status.st_size, limit)
            with os.fdopen(descriptor, "rb", closefd=False) as stream:
                data = stream.read(limit + 1)
        finally:
            os.close(descriptor)
    except OSError as error:
        message = f"cannot read file: {error.strerror or error}"
        raise ContentError([Issue("error", where, message)]) from None
    if len(data) > limit:  # it grew after it was measured
        raise _too_large(where, len(data), limit)
    return data


def _too_large(where: Location, size: int, limit: int) -> ContentError:
    message = f"file is {size} bytes; content files may be at most {limit} bytes"
    return ContentError([Issue("error", where, message)])


def load_yaml_bytes(data: bytes, display_path: str) -> Node:
    """Compose the tree while libyaml parses, so the limits stop a hostile file early."""
    text = _decode(data, display_path)
    builder = _Builder(display_path, end_of(text, display_path), lines=text.splitlines())
    events = _events(text, builder)
    next(events, None)  # StreamStart
    start = next(events, None)
    if not isinstance(start, yaml.DocumentStartEvent):
        raise builder.fail(None, "the file is empty")
    tree = _compose(_next(events, builder), events, builder, depth=0)
    _next(events, builder)  # DocumentEnd
    following = next(events, None)
    if isinstance(following, yaml.DocumentStartEvent):
        raise builder.fail(following.start_mark, "only one YAML document per file")
    return tree


def end_of(text: str, display_path: str) -> Location:
    """Where a text ends, as an editor counts lines and columns."""
    last_break = text.rfind("\n")
    return Location(display_path, text.count("\n") + 1, len(text) - last_break)


def _events(text: str, builder: _Builder) -> Iterator[yaml.Event]:
    """libyaml's events one at a time; its complaints become ContentErrors with a place."""
    try:
        yield from yaml.parse(text, Loader=_Parser)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        tab_column = _tab_in_indent(text, mark)
        if tab_column is not None and mark is not None:
            location = Location(builder.path, mark.line + 1, tab_column + 1)
            message = "YAML syntax: a tab character; indent with spaces"
            raise ContentError([Issue("error", location, message)]) from None
        from kiosk.content.yaml_hints import explain  # noqa: PLC0415 - only on a mistake

        hint = explain(
            text, error.problem or "", error.problem_mark, error.context or "", error.context_mark
        )
        if hint is not None:
            location = Location(builder.path, hint.line, hint.column)
            raise ContentError([Issue("error", location, hint.message)]) from None
        raise builder.fail(mark, f"YAML syntax: {problem}") from None
    except yaml.reader.ReaderError as error:
        raise _reader_error(text, error, builder.path) from None
    except yaml.YAMLError as error:  # pragma: no cover - libyaml marks all its errors
        raise builder.fail(None, f"YAML syntax: {error}") from None


def _reader_error(text: str, error: yaml.reader.ReaderError, display_path: str) -> ContentError:
    """A character YAML does not allow (control characters, NUL): where it is, by line."""
    # libyaml counts the offset in the UTF-8 bytes it was given.
    before = text.encode("utf-8")[: max(error.position, 0)].decode("utf-8", "replace")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    character = error.character if isinstance(error.character, int) else None
    here = f" (U+{character:04X} here)" if character is not None else ""
    message = f"YAML syntax: {error.reason}{here}; remove it"
    return ContentError([Issue("error", Location(display_path, line, column), message)])


def _next(events: Iterator[yaml.Event], builder: _Builder) -> yaml.Event:
    event = next(events, None)
    if event is None:  # pragma: no cover - libyaml reports a syntax error first
        raise builder.fail(None, "unexpected end of the YAML document")
    return event


def _tab_in_indent(text: str, mark: _Mark | None) -> int | None:
    """The column of a tab in the indentation of the line where parsing failed, if any."""
    if mark is None:
        return None
    lines = text.splitlines()
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    return indent.index("\t") if "\t" in indent else None


def _decode(data: bytes, display_path: str) -> str:
    try:
        return data.decode("utf-8-sig")  # a byte-order mark is harmless
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise ContentError(
            [
                Issue(
                    "error",
                    Location(display_path, line, column),
                    "the file is not valid UTF-8; save it as UTF-8",
                )
            ]
        ) from None


def _compose(
    event: yaml.Event,
    stream: Iterator[yaml.Event],
    builder: _Builder,
    depth: int,
    *,
    item: bool = False,
) -> Node:
    _refuse_unsafe(event, builder, depth)
    location = builder.where(event.start_mark)
    if isinstance(event, yaml.ScalarEvent):
        return Scalar(event.value, location, _comment_follows(event, builder))
    if isinstance(event, yaml.SequenceStartEvent):
        return _compose_sequence(location, stream, builder, depth)
    if isinstance(event, yaml.MappingStartEvent):
        return _compose_mapping(location, stream, builder, depth, item=item)
    raise builder.fail(event.start_mark, "unexpected end of the YAML document")


def _comment_follows(event: yaml.ScalarEvent, builder: _Builder) -> bool:
    """True when an unquoted value is followed by a comment on the same line."""
    end = event.end_mark
    if event.style or end is None or not 0 <= end.line < len(builder.lines):
        return False
    return builder.lines[end.line][end.column :].lstrip().startswith("#")


def _refuse_unsafe(event: yaml.Event, builder: _Builder, depth: int) -> None:
    builder.nodes += 1
    if builder.nodes > MAX_NODES:
        raise builder.fail(event.start_mark, f"more than {MAX_NODES} values in one file")
    if depth > MAX_DEPTH:
        raise builder.fail(event.start_mark, f"nested deeper than {MAX_DEPTH} levels")
    if isinstance(event, yaml.AliasEvent):
        raise builder.fail(event.start_mark, "aliases (*name) are not allowed in content")
    if getattr(event, "anchor", None) is not None:
        raise builder.fail(event.start_mark, "anchors (&name) are not allowed in content")
    tag = getattr(event, "tag", None)
    if tag not in (None, "!"):
        raise builder.fail(event.start_mark, f"tags such as {tag} are not allowed in content")


def _compose_sequence(
    location: Location, stream: Iterator[yaml.Event], builder: _Builder, depth: int
) -> Sequence:
    items: list[Node] = []
    for child in stream:
        if isinstance(child, yaml.SequenceEndEvent):
            return Sequence(tuple(items), location)
        items.append(_compose(child, stream, builder, depth + 1, item=True))
    raise builder.fail(None, "unexpected end of the YAML document")


def _compose_mapping(
    location: Location,
    stream: Iterator[yaml.Event],
    builder: _Builder,
    depth: int,
    *,
    item: bool = False,
) -> Mapping:
    entries: dict[str, Node] = {}
    key_locations: dict[str, Location] = {}
    for key_event in stream:
        if isinstance(key_event, yaml.MappingEndEvent):
            return Mapping(entries, key_locations, location)
        key = _compose(key_event, stream, builder, depth + 1)
        if not isinstance(key, Scalar):
            raise builder.fail(key_event.start_mark, "a key must be plain text")
        if key.text in entries:
            first = key_locations[key.text]
            message = f"duplicate key '{shown(key.text)}' (first given at line {first.line})"
            if item and key.text == next(iter(entries)):  # a list item's first key, again
                message += "; if a new item starts here, begin it with '- '"
            raise ContentError([Issue("error", key.location, message)])
        entries[key.text] = _compose(_next(stream, builder), stream, builder, depth + 1)
        key_locations[key.text] = key.location
    raise builder.fail(None, "unexpected end of the YAML document")
