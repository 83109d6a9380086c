"""Declarative field specifications: one description of each content file that both reads
the YAML tree (with positions and friendly messages) and emits the JSON Schema editors use.

Why not pydantic or msgspec: pydantic's import alone costs the kiosk about 100 ms and 20 MiB
at start-up (its start-up budget is 1.5x a bare Qt window), and both stop at the first error
or accept ``1``/``True`` for a boolean; staff get every error of a file at once, in words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from kiosk.content.fields import COLOUR, LANGUAGE_CODE, FieldReader
from kiosk.content.issues import Location
from kiosk.content.source import Mapping as MappingNode
from kiosk.content.source import Node, Scalar

T = TypeVar("T")
JSON = dict[str, Any]


class Failed:
    """Marks a value that could not be read; its Issue is already recorded."""


FAILED = Failed()


class Spec:
    """How to read one value and how to describe it in JSON Schema."""

    description = ""

    def read(self, reader: FieldReader, node: Node) -> Any:
        raise NotImplementedError

    def json_schema(self) -> JSON:
        raise NotImplementedError

    def _described(self, schema: JSON) -> JSON:
        return {"description": self.description, **schema} if self.description else schema


def _or_failed(value: Any) -> Any:
    return FAILED if value is None else value


@dataclass(frozen=True)
class Text(Spec):
    description: str = ""

    def read(self, reader: FieldReader, node: Node) -> Any:
        return _or_failed(reader.plain_text(node))

    def json_schema(self) -> JSON:
        return self._described({"type": "string", "minLength": 1})


@dataclass(frozen=True)
class Localized(Spec):
    """A text per language: ``{en: ..., az: ...}``."""

    description: str = ""

    def read(self, reader: FieldReader, node: Node) -> Any:
        return _or_failed(reader.localized(node))

    def json_schema(self) -> JSON:
        return self._described(
            {
                "type": "object",
                "propertyNames": {"pattern": LANGUAGE_CODE.pattern},
                "additionalProperties": {"type": "string", "minLength": 1},
                "minProperties": 1,
            }
        )


@dataclass(frozen=True)
class Integer(Spec):
    low: int
    high: int
    description: str = ""

    def read(self, reader: FieldReader, node: Node) -> Any:
        return _or_failed(reader.integer(node, self.low, self.high))

    def json_schema(self) -> JSON:
        return self._described({"type": "integer", "minimum": self.low, "maximum": self.high})


@dataclass(frozen=True)
class Number(Spec):
    low: float
    high: float
    description: str = ""
    # A word accepted instead of a number, read as None ("auto": let the kiosk decide).
    or_word: str | None = None

    def read(self, reader: FieldReader, node: Node) -> Any:
        if self.or_word and isinstance(node, Scalar) and node.text == self.or_word:
            return None
        return _or_failed(reader.number(node, self.low, self.high))

    def json_schema(self) -> JSON:
        number = {"type": "number", "minimum": self.low, "maximum": self.high}
        if self.or_word:
            return self._described({"anyOf": [number, {"const": self.or_word}]})
        return self._described(number)


@dataclass(frozen=True)
class Boolean(Spec):
    description: str = ""

    def read(self, reader: FieldReader, node: Node) -> Any:
        return _or_failed(reader.boolean(node))

    def json_schema(self) -> JSON:
        return self._described({"type": "boolean"})


@dataclass(frozen=True)
class Colour(Spec):
    description: str = ""

    def read(self, reader: FieldReader, node: Node) -> Any:
        return _or_failed(reader.colour(node))

    def json_schema(self) -> JSON:
        return self._described({"type": "string", "pattern": COLOUR.pattern})


@dataclass(frozen=True)
class Language(Spec):
    description: str = ""

    def read(self, reader: FieldReader, node: Node) -> Any:
        return _or_failed(reader.language(node))

    def json_schema(self) -> JSON:
        return self._described({"type": "string", "pattern": LANGUAGE_CODE.pattern})


@dataclass(frozen=True)
class IsoDate(Spec):
    description: str = ""

    def read(self, reader: FieldReader, node: Node) -> Any:
        return _or_failed(reader.iso_date(node))

    def json_schema(self) -> JSON:
        return self._described({"type": "string", "format": "date"})


@dataclass(frozen=True)
class AssetPath(Spec):
    """A file inside the content folder, given relative to it."""

    description: str = ""

    def read(self, reader: FieldReader, node: Node) -> Any:
        return _or_failed(reader.asset(node))

    def json_schema(self) -> JSON:
        return self._described({"type": "string", "minLength": 1})


@dataclass(frozen=True)
class ListOf(Spec):
    item: Spec
    min_items: int = 0
    description: str = ""
    # Items are mappings whose value under this key must be unique in the list.
    unique_key: str | None = None

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
                    f"{self.unique_key} '{value.text}' is used twice (first at line {first})",
                )
            else:
                seen[value.text] = value.location

    def json_schema(self) -> JSON:
        schema: JSON = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return self._described(schema)


@dataclass(frozen=True)
class Field:
    spec: Spec
    required: bool = True
    default: Any = None


@dataclass(frozen=True)
class Object(Spec, Generic[T]):
    """A mapping with known keys, built into a model object once every field is read."""

    fields: Mapping[str, Field]
    build: Callable[..., T]
    description: str = ""
    title: str = ""
    # Keys read by a parent rather than the built object (schema_version at a file's top).
    extra: Mapping[str, Field] = field(default_factory=dict)
    # Hand the mapping's position to build() as ``location``, for later checks' messages.
    pass_location: bool = False

    def read(self, reader: FieldReader, node: Node) -> Any:
        mapping = reader.mapping(node, "this value")
        if mapping is None:
            return FAILED
        every = {**self.fields, **self.extra}
        reader.check_keys(
            mapping,
            {name for name, spec in every.items() if spec.required},
            {name for name, spec in every.items() if not spec.required},
        )
        values: dict[str, Any] = {}
        failed = False
        for name, spec in self.fields.items():
            child = mapping.entries.get(name)
            if child is None:
                failed |= spec.required
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


@dataclass(frozen=True)
class Choice(Spec):
    """One of a few words."""

    options: tuple[str, ...]
    description: str = ""

    def read(self, reader: FieldReader, node: Node) -> Any:
        scalar = reader.scalar(node, "this value")
        if scalar is None:
            return FAILED
        if scalar.text in self.options:
            return scalar.text
        choices = ", ".join(self.options)
        reader.error(scalar.location, f"expected one of {choices}; found '{scalar.text}'")
        return FAILED

    def json_schema(self) -> JSON:
        return self._described({"enum": list(self.options)})


@dataclass(frozen=True)
class Pattern(Spec):
    """Text of a set form, e.g. ``09:00-18:00``."""

    regex: str
    example: str
    description: str = ""

    def read(self, reader: FieldReader, node: Node) -> Any:
        scalar = reader.scalar(node, "this value")
        if scalar is None:
            return FAILED
        if re.fullmatch(self.regex, scalar.text):
            return scalar.text
        reader.error(
            scalar.location, f"expected something like {self.example}; found '{scalar.text}'"
        )
        return FAILED

    def json_schema(self) -> JSON:
        return self._described({"type": "string", "pattern": f"^(?:{self.regex})$"})
