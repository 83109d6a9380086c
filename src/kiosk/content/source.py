"""YAML reading that keeps every value's position and trusts nothing.

PyYAML's loaders turn ``no`` into False and ``1:20`` into 80, accept alias bombs and
silently overwrite duplicate keys.  We take only the event stream from libyaml's parser
and build our own tree: every scalar stays a string (the model decides its type),
anchors, aliases and explicit tags are refused, duplicate keys are errors, and size,
depth and node counts are bounded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Protocol

import yaml

from kiosk.content.issues import ContentError, Issue, Location

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
    nodes: int = 0
    issues: list[Issue] = field(default_factory=list)

    def where(self, mark: _Mark | None) -> Location:
        if mark is None:
            return Location(self.path)
        return Location(self.path, mark.line + 1, mark.column + 1)

    def fail(self, mark: _Mark | None, message: str) -> ContentError:
        return ContentError([Issue("error", self.where(mark), message)])


def load_yaml_file(path: Path, display_path: str) -> Node:
    """Read one content file into a position-carrying tree, or raise ContentError."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContentError(
                [
                    Issue(
                        "error",
                        Location(display_path),
                        f"file is {size} bytes; content files may be at most "
                        f"{MAX_FILE_BYTES} bytes",
                    )
                ]
            )
        data = path.read_bytes()
    except OSError as error:
        raise ContentError(
            [Issue("error", Location(display_path), f"cannot read file: {error.strerror}")]
        ) from None
    return load_yaml_bytes(data, display_path)


def load_yaml_bytes(data: bytes, display_path: str) -> Node:
    text = _decode(data, display_path)
    builder = _Builder(display_path)
    try:
        events = list(yaml.parse(text, Loader=_Parser))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        tab_column = _tab_in_indent(text, mark)
        if tab_column is not None and mark is not None:
            location = Location(display_path, mark.line + 1, tab_column + 1)
            message = "YAML syntax: a tab character; indent with spaces"
            raise ContentError([Issue("error", location, message)]) from None
        raise builder.fail(mark, f"YAML syntax: {problem}") from None
    except yaml.YAMLError as error:
        raise builder.fail(None, f"YAML syntax: {error}") from None
    documents = [e for e in events if isinstance(e, yaml.DocumentStartEvent)]
    if not documents:
        raise builder.fail(None, "the file is empty")
    if len(documents) > 1:
        raise builder.fail(documents[1].start_mark, "only one YAML document per file")
    stream = iter(events[2:])  # past StreamStart and DocumentStart
    return _compose(next(stream), stream, builder, depth=0)


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
    event: yaml.Event, stream: Iterator[yaml.Event], builder: _Builder, depth: int
) -> Node:
    _refuse_unsafe(event, builder, depth)
    location = builder.where(event.start_mark)
    if isinstance(event, yaml.ScalarEvent):
        return Scalar(event.value, location)
    if isinstance(event, yaml.SequenceStartEvent):
        return _compose_sequence(location, stream, builder, depth)
    if isinstance(event, yaml.MappingStartEvent):
        return _compose_mapping(location, stream, builder, depth)
    raise builder.fail(event.start_mark, "unexpected end of the YAML document")


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
        items.append(_compose(child, stream, builder, depth + 1))
    raise builder.fail(None, "unexpected end of the YAML document")


def _compose_mapping(
    location: Location, stream: Iterator[yaml.Event], builder: _Builder, depth: int
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
            message = f"duplicate key '{key.text}' (first given at line {first.line})"
            raise ContentError([Issue("error", key.location, message)])
        entries[key.text] = _compose(next(stream), stream, builder, depth + 1)
        key_locations[key.text] = key.location
    raise builder.fail(None, "unexpected end of the YAML document")
