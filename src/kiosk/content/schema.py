"""Declarative field specifications: one description of each content file that both reads
the YAML tree (with positions and friendly messages) and emits the JSON Schema editors use.

Why not pydantic or msgspec: pydantic's import alone costs the kiosk about 100 ms and 20 MiB
at start-up (its start-up budget is 1.5x a bare Qt window), and both stop at the first error
or accept ``1``/``True`` for a boolean; staff get every error of a file at once, in words.

The specs are plain classes rather than dataclasses: building a dataclass costs most of a
millisecond at import, and these are imported on every start.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from kiosk.content.fields import COLOUR, LANGUAGE_CODE, FieldReader
from kiosk.content.issues import Location, shown
from kiosk.content.model import AssetRef, LocalizedText, Seal
from kiosk.content.source import Mapping as MappingNode
from kiosk.content.source import Node, Scalar

T = TypeVar("T")
JSON = dict[str, Any]


class Failed:
    """Marks a value that could not be read; its Issue is already recorded."""


FAILED = Failed()


class Spec:
    """How to read one value and how to describe it in JSON Schema."""

    # The type read() gives (``object``: not stated), so a test holds each spec to the
    # model field it fills: the checks find texts by the model's types, the loader by specs.
    produces: object = object

    def __init__(self, description: str = "") -> None:
        self.description = description

    def read(self, reader: FieldReader, node: Node) -> Any:
        raise NotImplementedError

    def json_schema(self) -> JSON:
        raise NotImplementedError

    def _described(self, schema: JSON) -> JSON:
        return {"description": self.description, **schema} if self.description else schema


class Value(Spec):
    """A single value read by one of FieldReader's typed readers."""

    def __init__(
        self,
        reader: Callable[[FieldReader, Node], Any],
        schema: JSON,
        description: str = "",
        produces: object = str,
    ) -> None:
        super().__init__(description)
        self._reader = reader
        self._schema = schema
        self.produces = produces

    def read(self, reader: FieldReader, node: Node) -> Any:
        value = self._reader(reader, node)
        return FAILED if value is None else value

    def json_schema(self) -> JSON:
        return self._described(dict(self._schema))


def Text(description: str = "") -> Value:
    return Value(FieldReader.plain_text, {"type": "string", "minLength": 1}, description)


def Localized(description: str = "") -> Value:
    """A text per language: ``{en: ..., az: ...}``."""
    schema = {
        "type": "object",
        "propertyNames": {"pattern": LANGUAGE_CODE.pattern},
        "additionalProperties": {"type": "string", "minLength": 1},
        "minProperties": 1,
    }
    return Value(FieldReader.localized, schema, description, LocalizedText)


def Boolean(description: str = "") -> Value:
    return Value(FieldReader.boolean, {"type": "boolean"}, description, bool)


def Colour(description: str = "") -> Value:
    return Value(FieldReader.colour, {"type": "string", "pattern": COLOUR.pattern}, description)


def Language(description: str = "") -> Value:
    schema = {"type": "string", "pattern": LANGUAGE_CODE.pattern}
    return Value(FieldReader.language, schema, description)


def IsoDate(description: str = "") -> Value:
    return Value(FieldReader.iso_date, {"type": "string", "format": "date"}, description)


def AssetPath(description: str = "") -> Value:
    """A file inside the content folder, given relative to it."""
    schema = {"type": "string", "minLength": 1}
    return Value(FieldReader.asset, schema, description, AssetRef)


class Integer(Spec):
    produces = int

    def __init__(self, low: int, high: int, description: str = "") -> None:
        super().__init__(description)
        self.low, self.high = low, high

    def read(self, reader: FieldReader, node: Node) -> Any:
        value = reader.integer(node, self.low, self.high)
        return FAILED if value is None else value

    def json_schema(self) -> JSON:
        return self._described({"type": "integer", "minimum": self.low, "maximum": self.high})


class Number(Spec):
    def __init__(
        self, low: float, high: float, description: str = "", or_word: str | None = None
    ) -> None:
        super().__init__(description)
        self.low, self.high = low, high
        # A word accepted instead of a number, read as None ("auto": let the kiosk decide).
        self.or_word = or_word
        self.produces = float | None if or_word else float

    def read(self, reader: FieldReader, node: Node) -> Any:
        if self.or_word and isinstance(node, Scalar) and node.text == self.or_word:
            return None
        value = reader.number(node, self.low, self.high)
        return FAILED if value is None else value

    def json_schema(self) -> JSON:
        number = {"type": "number", "minimum": self.low, "maximum": self.high}
        if self.or_word:
            return self._described({"anyOf": [number, {"const": self.or_word}]})
        return self._described(number)


class ListOf(Spec):
    def __init__(
        self,
        item: Spec,
        min_items: int = 0,
        description: str = "",
        unique_key: str | None = None,
    ) -> None:
        super().__init__(description)
        self.item = item
        self.min_items = min_items
        # Items are mappings whose value under this key must be unique in the list.
        self.unique_key = unique_key
        self.produces = tuple[item.produces, ...]  # type: ignore[name-defined]

    def read(self, reader: FieldReader, node: Node) -> Any:
        sequence = reader.sequence(node, "this value")
        if sequence is None:
            return FAILED
        if len(sequence.items) < self.min_items:
            reader.error(sequence.location, f"needs at least {self.min_items} item(s)")
        if self.unique_key:
            self._check_unique(reader, sequence.items)
        values = [self.item.read(reader, child) for child in sequence.items]
        return tuple(value for value in values if value is not FAILED)

    def _check_unique(self, reader: FieldReader, items: tuple[Node, ...]) -> None:
        seen: dict[str, Location] = {}
        for child in items:
            if not isinstance(child, MappingNode) or self.unique_key not in child.entries:
                continue
            value = child.entries[self.unique_key]
            if not isinstance(value, Scalar):
                continue
            if value.text in seen:
                first = seen[value.text].line
                reader.error(
                    value.location,
                    f"{self.unique_key} '{shown(value.text)}' is used twice "
                    f"(first at line {first})",
                )
            else:
                seen[value.text] = value.location

    def json_schema(self) -> JSON:
        schema: JSON = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return self._described(schema)


class Field:
    """A key of an Object: its spec, whether it must be given, and its default."""

    def __init__(self, spec: Spec, required: bool = True, default: Any = None) -> None:
        self.spec, self.required, self.default = spec, required, default


class Object(Spec, Generic[T]):
    """A mapping with known keys, built into a model object once every field is read."""

    def __init__(
        self,
        fields: Mapping[str, Field],
        build: Callable[..., T],
        *,
        description: str = "",
        title: str = "",
        extra: Mapping[str, Field] | None = None,
        pass_location: bool = False,
    ) -> None:
        super().__init__(description)
        self.fields = fields
        self.build = build
        self.title = title
        # Keys read by a parent rather than the built object (schema_version at a file's top).
        self.extra = extra or {}
        # Hand the mapping's position to build() as ``location``, for later checks' messages.
        self.pass_location = pass_location
        # A model class builds it (the loader's own functions say nothing of their result).
        self.produces = build if isinstance(build, type) else object

    def read(self, reader: FieldReader, node: Node) -> Any:
        mapping = reader.mapping(node, "this value")
        if mapping is None:
            return FAILED
        every = {**self.fields, **self.extra}
        misplaced = _misindented(reader, mapping, every)
        reader.check_keys(
            mapping,
            {name for name, spec in every.items() if spec.required},
            {name for name, spec in every.items() if not spec.required},
            order=tuple(every),
            explained=frozenset(misplaced),
        )
        values: dict[str, Any] = {}
        failed = False
        for name, spec in self.fields.items():
            child = mapping.entries.get(name)
            if child is None or name in misplaced.values():
                failed |= spec.required or child is not None
                values[name] = spec.default
                continue
            value = spec.spec.read(reader, child)
            failed |= value is FAILED
            values[name] = value
        if self.pass_location:
            values["location"] = mapping.location
        return FAILED if failed else self.build(**values)

    def json_schema(self) -> JSON:
        every = {**self.extra, **self.fields}
        schema: JSON = {
            "type": "object",
            "properties": {name: spec.spec.json_schema() for name, spec in every.items()},
            "required": [name for name, spec in every.items() if spec.required],
            "additionalProperties": False,
        }
        if self.title:
            schema = {"title": self.title, **schema}
        return self._described(schema)


DIGEST = re.compile(r"^[0-9a-f]{64}$")


class Digests(Spec):
    """Language code -> a SHA-256 in hex: the statement's seal, as ``kiosk statement seal``
    writes it."""

    produces = Seal

    def read(self, reader: FieldReader, node: Node) -> Any:
        mapping = reader.mapping(node, "the seal")
        if mapping is None:
            return FAILED
        digests: dict[str, str] = {}
        for code, child in mapping.entries.items():
            scalar = reader.scalar(child, "a language's seal")
            if not LANGUAGE_CODE.match(code):
                reader.error(mapping.key_locations[code], f"'{shown(code)}' is not a language code")
            elif scalar is not None and not DIGEST.match(scalar.text):
                reader.error(
                    scalar.location,
                    "a seal is 64 hexadecimal digits; only kiosk statement seal writes it",
                )
            elif scalar is not None:
                digests[code] = scalar.text
        if len(digests) < len(mapping.entries) or not digests:
            if not mapping.entries:
                reader.error(mapping.location, "the seal names no language")
            return FAILED
        return Seal(digests, mapping.location, dict(mapping.key_locations))

    def json_schema(self) -> JSON:
        schema = {
            "type": "object",
            "propertyNames": {"pattern": LANGUAGE_CODE.pattern},
            "additionalProperties": {"type": "string", "pattern": DIGEST.pattern},
            "minProperties": 1,
        }
        return self._described(schema)


def _misindented(
    reader: FieldReader, mapping: MappingNode, known: Mapping[str, Any]
) -> dict[str, str]:
    """Language keys written level with the key they belong under (``title:`` empty, then
    ``en:`` beside it): one message each saying how to indent them, instead of "unknown key"
    and "give this text per language".  Returns each such key with its owner."""
    misplaced: dict[str, str] = {}
    owner: str | None = None
    for key, location in mapping.key_locations.items():
        value = mapping.entries[key]
        if key in known:
            empty = isinstance(value, Scalar) and not value.text
            owner = key if empty else None
        elif owner is not None and LANGUAGE_CODE.match(key):
            spaces = mapping.key_locations[owner].column + 2 - location.column
            reader.error(
                location,
                f"indent '{shown(key)}:' under '{owner}:' by {spaces} more spaces",
            )
            misplaced[key] = owner
        else:
            owner = None
    return misplaced


class Choice(Spec):
    """One of a few words."""

    produces = str

    def __init__(self, options: tuple[str, ...], description: str = "") -> None:
        super().__init__(description)
        self.options = options

    def read(self, reader: FieldReader, node: Node) -> Any:
        scalar = reader.scalar(node, "this value")
        if scalar is None:
            return FAILED
        if scalar.text in self.options:
            return scalar.text
        choices = ", ".join(self.options)
        reader.error(scalar.location, f"expected one of {choices}; found '{shown(scalar.text)}'")
        return FAILED

    def json_schema(self) -> JSON:
        return self._described({"enum": list(self.options)})


class Pattern(Spec):
    """Text of a set form, e.g. ``09:00-18:00``."""

    produces = str

    def __init__(self, regex: str, example: str, description: str = "") -> None:
        super().__init__(description)
        self.regex, self.example = regex, example

    def read(self, reader: FieldReader, node: Node) -> Any:
        scalar = reader.scalar(node, "this value")
        if scalar is None:
            return FAILED
        if re.fullmatch(self.regex, scalar.text):
            return scalar.text
        found = shown(scalar.text)
        reader.error(scalar.location, f"expected something like {self.example}; found '{found}'")
        return FAILED

    def json_schema(self) -> JSON:
        return self._described({"type": "string", "pattern": f"^(?:{self.regex})$"})
