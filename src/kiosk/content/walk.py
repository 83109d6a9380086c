"""Every text (or picture) of an exhibit, found from the model's field types.

The checks that must see every visitor-visible text (glyphs, translations, word length,
the statement's seal) once kept their own lists of fields; a field added to the model but
forgotten in one list was silently skipped.  Here the lists come from the model itself: a
field is looked into when its type is the kind sought (``LocalizedText``), a model that
holds some, or a tuple or an optional of either.  A field that holds the kind in any other
shape (a dict, a list) is refused when its model is first walked, not skipped.

Each model class is planned once (``typing.get_type_hints`` is not free); a walk then only
indexes tuples.  Plans follow the class of each value met, so a model's subclass or a
stand-in with more fields is walked by its own fields.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import NamedTuple, TypeVar

from kiosk.content.model import AssetRef, LocalizedText

Sought = TypeVar("Sought")


class _Step(NamedTuple):
    """One field of a model that holds what is sought."""

    position: int
    name: str
    many: bool  # a tuple of them rather than one (or None)
    leaf: bool  # the sought kind itself, rather than a model to look inside


def texts(value: object, *, skip: tuple[type, ...] = ()) -> list[LocalizedText]:
    """Every ``LocalizedText`` inside ``value`` in field order, not looking inside models
    of the classes in ``skip``."""
    return find(value, LocalizedText, skip=skip)


def assets(value: object) -> list[AssetRef]:
    """Every file the content names (pictures), in field order."""
    return find(value, AssetRef)


def find(value: object, sought: type[Sought], *, skip: tuple[type, ...] = ()) -> list[Sought]:
    found: list[Sought] = []
    _collect(value, sought, skip, found)
    return found


def text_fields(model: type) -> tuple[str, ...]:
    """The names of ``model``'s fields that hold one text each (not a tuple of texts)."""
    return tuple(step.name for step in _plan(model, LocalizedText) if step.leaf and not step.many)


def _collect(value: object, sought: type, skip: tuple[type, ...], found: list[typing.Any]) -> None:
    model: type = type(value)
    for step in _plan(model, sought):
        held = value[step.position]  # type: ignore[index]  # planned classes are tuples
        if held is None:
            continue
        items = held if step.many else (held,)
        if step.leaf:
            found.extend(items)
            continue
        for item in items:
            if not isinstance(item, skip):
                _collect(item, sought, skip, found)


def is_model(kind: object) -> bool:
    """A NamedTuple class: a model of the content."""
    return isinstance(kind, type) and issubclass(kind, tuple) and hasattr(kind, "_fields")


@cache
def _plan(model: type, sought: type) -> tuple[_Step, ...]:
    """The fields of ``model`` that hold ``sought``, directly or inside other models."""
    if not is_model(model) or model is sought:
        return ()
    hints = _hints(model)
    steps = []
    for position, name in enumerate(model._fields):  # type: ignore[attr-defined]
        hint = hints.get(name)
        shape = _shape(hint, sought)
        if shape is not None:
            steps.append(_Step(position, name, *shape))
        elif _mentions(hint, sought):
            raise TypeError(
                f"{model.__name__}.{name}: a {sought.__name__} held as {hint} is not walked; "
                f"hold it directly, as a tuple of them, or optionally (kiosk.content.walk)"
            )
    return tuple(steps)


@cache
def _hints(model: type) -> dict[str, object]:
    """The model's field types, evaluated once where they are strings."""
    annotations: dict[str, object] = model.__annotations__
    if all(map(_evaluated, annotations.values())):
        return annotations
    return typing.get_type_hints(model)


def _evaluated(hint: object) -> bool:
    """False for a type still written as a string (NamedTuple keeps it as a ForwardRef)."""
    if isinstance(hint, (str, typing.ForwardRef)):
        return False
    return all(map(_evaluated, typing.get_args(hint)))


def _shape(hint: object, sought: type) -> tuple[bool, bool] | None:
    """(many, leaf) when a field of this type is walked, else None."""
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        hint = next(arg for arg in args if arg is not type(None))
        args, origin = typing.get_args(hint), typing.get_origin(hint)
    many = origin is tuple and len(args) == 2 and args[1] is Ellipsis
    item = args[0] if many else hint
    if item is sought:
        return many, True
    if is_model(item) and _plan(item, sought):
        return many, False
    return None


def _mentions(hint: object, sought: type) -> bool:
    if hint is sought or (is_model(hint) and _plan(hint, sought)):
        return True
    return any(_mentions(arg, sought) for arg in typing.get_args(hint))
