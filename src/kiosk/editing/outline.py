"""The studio's outline (exhibit settings, statement, moments, figures) and the form of each
kind of item, generated from the loader's field specs: a field added to a spec appears in
the form without a line here."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Any, NamedTuple

from kiosk.content.checks import MAX_LABEL_WORDS
from kiosk.content.fields import COLOUR, LANGUAGE_CODE
from kiosk.content.loader import EXHIBIT_FILE, FIGURE, MOMENT, STATEMENT_FILE
from kiosk.content.model import AssetRef, LocalizedText
from kiosk.content.schema import Choice, Digests, Field, Integer, ListOf, Number, Object, Spec
from kiosk.content.seal import PARTS
from kiosk.editing.document import Address, ContentDocument


class ItemKind(Enum):
    SETTINGS = "settings"
    STATEMENT = "statement"
    MOMENT = "moment"
    FIGURE = "figure"


class OutlineItem(NamedTuple):
    kind: ItemKind
    index: int | None  # type: ignore[assignment]  # for moments and figures (shadows tuple.index)
    label: str  # "1991 · Independence restored" (default language)
    base: Address  # ("timeline.yaml", "moments", 1); ("exhibit.yaml",) ...


class FieldKind(Enum):
    LOCALIZED = "localized"
    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    COLOUR = "colour"
    LANGUAGE = "language"
    LANGUAGES = "languages"
    DATE = "date"
    ASSET = "asset"
    PARAGRAPHS = "paragraphs"
    CHOICE = "choice"


class FormField(NamedTuple):
    key: tuple[str | int, ...]  # relative to the item's base: ("caption",)
    label: str  # "Caption"
    kind: FieldKind
    description: str  # the spec's description (tooltip/help)
    required: bool
    low: float | None = None
    high: float | None = None
    word_guide: int | None = None  # words a text should stay within (labels: 70)


# Each kind of item: the spec its form is generated from, and where it lives.
SPECS: dict[ItemKind, Object[Any]] = {
    ItemKind.SETTINGS: EXHIBIT_FILE,
    ItemKind.STATEMENT: STATEMENT_FILE,
    ItemKind.MOMENT: MOMENT,
    ItemKind.FIGURE: FIGURE,
}
TIMELINE: Address = ("timeline.yaml", "moments")
FIGURES: Address = ("figures.yaml", "figures")
# Texts the validator holds to the label length (kiosk.content.checks._label_lengths).
LABELS = frozenset({(ItemKind.MOMENT, ("caption",))})
# Written only by `kiosk statement seal`: never a form field.
NOT_IN_FORMS: tuple[type[Spec], ...] = (Digests,)
WORD_LABELS = {"id": "ID", "mm": "(mm)"}


def form_fields(kind: ItemKind) -> list[FormField]:
    """Every field of ``kind``'s spec, nested objects flattened into their keys."""
    return list(_fields(SPECS[kind], (), kind, required=True))


def _fields(
    spec: Object[Any], prefix: tuple[str | int, ...], kind: ItemKind, *, required: bool
) -> Iterator[FormField]:
    for name, field in spec.fields.items():
        key = (*prefix, name)
        if isinstance(field.spec, Object):
            yield from _fields(field.spec, key, kind, required=required and field.required)
        elif not isinstance(field.spec, NOT_IN_FORMS):
            yield _form_field(key, field, kind, required=required and field.required)


def _form_field(
    key: tuple[str | int, ...], field: Field, kind: ItemKind, *, required: bool
) -> FormField:
    spec = field.spec
    field_kind = field_kind_of(spec)
    low = high = None
    if isinstance(spec, Integer | Number):
        low, high = float(spec.low), float(spec.high)
    guide = MAX_LABEL_WORDS if (kind, key) in LABELS else None
    return FormField(key, label_of(key), field_kind, spec.description, required, low, high, guide)


def field_kind_of(spec: Spec) -> FieldKind:
    """The editor a spec needs; a spec of a new kind is refused here, not shown wrongly."""
    for spec_type, kind in _BY_TYPE:
        if isinstance(spec, spec_type):
            return kind
    if isinstance(spec, ListOf):
        item = field_kind_of(spec.item)
        if item in _LISTS:
            return _LISTS[item]
    elif spec.produces in _BY_PRODUCT:
        return _BY_PRODUCT[spec.produces]
    else:
        schema = spec.json_schema()
        for word, value, kind in _BY_SCHEMA:
            if schema.get(word) == value:
                return kind
    raise TypeError(f"the studio has no editor for {type(spec).__name__}: {spec.description}")


_BY_TYPE: tuple[tuple[type[Spec], FieldKind], ...] = (
    (Integer, FieldKind.INTEGER),
    (Number, FieldKind.NUMBER),
    (Choice, FieldKind.CHOICE),
)
_LISTS = {FieldKind.LANGUAGE: FieldKind.LANGUAGES, FieldKind.LOCALIZED: FieldKind.PARAGRAPHS}
_BY_PRODUCT: dict[object, FieldKind] = {
    LocalizedText: FieldKind.LOCALIZED,
    AssetRef: FieldKind.ASSET,
    bool: FieldKind.BOOLEAN,
}
# Values told apart by the JSON Schema they describe themselves with, most specific first.
_BY_SCHEMA = (
    ("format", "date", FieldKind.DATE),
    ("pattern", COLOUR.pattern, FieldKind.COLOUR),
    ("pattern", LANGUAGE_CODE.pattern, FieldKind.LANGUAGE),
    ("type", "string", FieldKind.TEXT),
)


def label_of(key: tuple[str | int, ...]) -> str:
    """("theme", "colours", "text") -> "Theme colours text"; ("id",) -> "ID"."""
    words = [word for part in key for word in str(part).split("_")]
    if words[-2:] == ["per", "mm"]:
        words[-1] = "millimetre"
    shown = [WORD_LABELS.get(word, word) for word in words]
    text = " ".join(shown)
    return text[:1].upper() + text[1:]


# --- the outline ------------------------------------------------------------------------------


def default_language(document: ContentDocument) -> str:
    language = document.get(("exhibit.yaml", "default_language"))
    return language if isinstance(language, str) and language else "en"


def languages(document: ContentDocument) -> list[str]:
    offered = document.get(("exhibit.yaml", "languages"))
    found = [code for code in offered if isinstance(code, str)] if isinstance(offered, list) else []
    default = default_language(document)
    return found if default in found else [default, *found]


def text_in(value: object, language: str) -> str:
    """A per-language text in ``language``, else in any language it has, else ""."""
    if isinstance(value, dict):
        chosen = value.get(language)
        if isinstance(chosen, str) and chosen:
            return chosen
        return next((text for text in value.values() if isinstance(text, str) and text), "")
    return value if isinstance(value, str) else ""


def outline(document: ContentDocument) -> list[OutlineItem]:
    """Exhibit settings, the statement, each moment, each figure."""
    language = default_language(document)
    items = [
        OutlineItem(ItemKind.SETTINGS, None, "Exhibit settings", ("exhibit.yaml",)),
        OutlineItem(ItemKind.STATEMENT, None, "Statement", ("statement.yaml",)),
    ]
    for index in range(document.length(TIMELINE)):
        base = (*TIMELINE, index)
        year = document.get((*base, "year"))
        title = text_in(document.get((*base, "title")), language)
        label = " · ".join(str(part) for part in (year, title) if part not in (None, ""))
        identity = document.get((*base, "id"))
        items.append(OutlineItem(ItemKind.MOMENT, index, label or str(identity or ""), base))
    for index in range(document.length(FIGURES)):
        base = (*FIGURES, index)
        value = document.get((*base, "value"))
        name = text_in(document.get((*base, "label")), language)
        label = " · ".join(str(part) for part in (value, name) if part not in (None, ""))
        identity = document.get((*base, "id"))
        items.append(OutlineItem(ItemKind.FIGURE, index, label or str(identity or ""), base))
    return items


def sealed_addresses(document: ContentDocument) -> frozenset[Address]:
    """The statement's texts in each sealed language (statement.yaml's ``seal:``), the seal
    itself and the list of paragraphs (adding, removing or reordering one changes the sealed
    words): only ``kiosk statement seal`` (the studio's unlock) changes them."""
    seal = document.get(("statement.yaml", "seal"))
    if not isinstance(seal, dict) or not seal:
        return frozenset()
    sealed: set[Address] = {("statement.yaml", "seal"), ("statement.yaml", "paragraphs")}
    paragraphs = document.length(("statement.yaml", "paragraphs"))
    for language in seal:
        sealed.update(("statement.yaml", part, language) for part in PARTS)
        sealed.update(("statement.yaml", "paragraphs", n, language) for n in range(paragraphs))
    return frozenset(sealed)


# --- new items ----------------------------------------------------------------------------------


def new_moment(document: ContentDocument) -> dict[str, object]:
    """A moment after the last: a unique id, the year after the last, and every text in the
    default language, empty (the findings then list what to fill in)."""
    years = [document.get((*TIMELINE, n, "year")) for n in range(document.length(TIMELINE))]
    year = max([y for y in years if isinstance(y, int)], default=2000) + 1
    return _new_item(document, ItemKind.MOMENT, TIMELINE, str(year), {"year": year})


def new_figure(document: ContentDocument) -> dict[str, object]:
    """A figure with a unique id, the value 0 and every text empty in the default language."""
    return _new_item(document, ItemKind.FIGURE, FIGURES, "figure", {})


def _new_item(
    document: ContentDocument,
    kind: ItemKind,
    where: Address,
    stem: str,
    given: dict[str, object],
) -> dict[str, object]:
    used = {document.get((*where, n, "id")) for n in range(document.length(where))}
    identity = next(
        name for name in (stem, *(f"{stem}-{n}" for n in range(2, 10**6))) if name not in used
    )
    language = default_language(document)
    item: dict[str, object] = {}
    for name, field in SPECS[kind].fields.items():
        if not field.required:
            continue
        if name == "id":
            item[name] = identity
        elif name in given:
            item[name] = given[name]
        elif isinstance(field.spec, Integer):
            item[name] = field.spec.low
        elif field_kind_of(field.spec) is FieldKind.LOCALIZED:
            item[name] = {language: ""}
        else:
            item[name] = ""
    return item
