"""YAML reading that keeps every value's position and trusts nothing.

PyYAML's loaders turn ``no`` into False and ``1:20`` into 80, accept alias bombs and
silently overwrite duplicate keys.  We take only the event stream from libyaml's parser
and build our own tree: every scalar stays a string (the model decides its type),
anchors, aliases and explicit tags are refused, duplicate keys are errors, and size,
depth and node counts are bounded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kiosk.content.issues import ContentError, Issue, Location

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 50_000

try:  # libyaml's C parser when available: several times faster at start-up.
    _Parser: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader


@dataclass(frozen=True)
class Scalar:
    text: str
    location: Location


@dataclass(frozen=True)
class Sequence:
    items: tuple[Node, ...]
    location: Location


@dataclass(frozen=True)
class Mapping:
    entries: dict[str, Node]
    key_locations: dict[str, Location]
    location: Location


Node = Scalar | Sequence | Mapping


@dataclass
class _Builder:
    path: str
    nodes: int = 0
    issues: list[Issue] = field(default_factory=list)

    def where(self, mark: yaml.Mark | None) -> Location:
        if mark is None:
            return Location(self.path)
        return Location(self.path, mark.line + 1, mark.column + 1)

    def fail(self, mark: yaml.Mark | None, message: str) -> ContentError:
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
        if "\t" in problem or "'\\t'" in problem:
            problem = "a tab character; indent with spaces"
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


def _compose(event: yaml.Event, stream: object, builder: _Builder, depth: int) -> Node:
    assert hasattr(stream, "__next__")
    builder.nodes += 1
    if builder.nodes > MAX_NODES:
        raise builder.fail(event.start_mark, f"more than {MAX_NODES} values in one file")
    if depth > MAX_DEPTH:
        raise builder.fail(event.start_mark, f"nested deeper than {MAX_DEPTH} levels")
    if isinstance(event, yaml.AliasEvent):
        raise builder.fail(event.start_mark, "aliases (*name) are not allowed in content")
    anchor = getattr(event, "anchor", None)
    if anchor is not None:
        raise builder.fail(event.start_mark, "anchors (&name) are not allowed in content")
    tag = getattr(event, "tag", None)
    if tag not in (None, "!"):
        raise builder.fail(event.start_mark, f"tags such as {tag} are not allowed in content")
    location = builder.where(event.start_mark)
    if isinstance(event, yaml.ScalarEvent):
        return Scalar(event.value, location)
    if isinstance(event, yaml.SequenceStartEvent):
        items: list[Node] = []
        for child in stream:
            if isinstance(child, yaml.SequenceEndEvent):
                return Sequence(tuple(items), location)
            items.append(_compose(child, stream, builder, depth + 1))
    if isinstance(event, yaml.MappingStartEvent):
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
                raise ContentError(
                    [
                        Issue(
                            "error",
                            key.location,
                            f"duplicate key '{key.text}' (first given at line {first.line})",
                        )
                    ]
                )
            entries[key.text] = _compose(next(stream), stream, builder, depth + 1)
            key_locations[key.text] = key.location
    raise builder.fail(event.start_mark, "unexpected end of the YAML document")
