"""Property: the loader and the JSON Schema that ``kiosk schema`` emits for editors agree.

Documents are generated from each file's schema, loosely: values in and out of range,
missing and unknown keys, texts and lists empty or not, values of the wrong shape.  Each is
written as YAML and read by the loader, and checked as data against the schema; a document
one accepts the other must accept, a document one refuses the other must refuse.

Only what JSON Schema can express is generated.  The loader's own rules beyond it are kept
out, each named where it is avoided:
- scalars are typed by the model, not by how YAML reads them (``en: 1991`` is the text 1991;
  to an editor it is a number): a text is generated as a string, never as a number or true;
- a text of only spaces or invisible characters is refused (visitors would see nothing);
- the exhibit's languages: each once, named by the kiosk, the default among them, and every
  text given in those languages and the default (the title in exhibit.yaml);
- ids unique in their list; picture paths inside the content folder; schema_version 1 (the
  schema allows the range a later version may read);
- a float with nothing after the point (1991.0) is an integer to JSON Schema, not to YAML.

Derandomized and without an example database, like the other property tests.
"""

from __future__ import annotations

import datetime
import string
from functools import cache
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from content_cases import BASE
from kiosk.content.fields import FieldReader
from kiosk.content.issues import ContentError
from kiosk.content.languages import ENDONYMS
from kiosk.content.loader import FILE_SPECS, read_file
from kiosk.content.schema import FAILED
from kiosk.content.validate import file_schema
from kiosk.content.words import is_blank

AGREE = settings(
    derandomize=True,
    database=None,
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
JSON = dict[str, Any]
Strategy = st.SearchStrategy[Any]

# A visible text: letters, digits, punctuation, symbols and spaces (no controls, no
# invisible formatting), with something to see.
TEXT = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=12
).filter(lambda text: not is_blank(text))
# A word that no reader takes for a number, a boolean, null or the word "auto".
WORD = st.text(string.ascii_letters, min_size=1, max_size=8).filter(
    lambda word: word.lower() not in {"true", "false", "null", "nan", "inf", "infinity", "auto"}
)
# Not a single value.  YAML's null is not among them where any text is taken: to the loader
# `en: null` is the text "null".
STRUCTURES: Strategy = st.one_of(st.just([]), st.just({}), st.lists(WORD, min_size=1, max_size=2))
NOT_A_SCALAR: Strategy = st.none() | STRUCTURES
Overrides = dict[str, Strategy]
# One value in this many is drawn from the bad side, so that about half of the documents
# (of some twenty values each) are good.
BAD_ONE_IN = 30


def bad(draw: st.DrawFn) -> bool:
    """True once in BAD_ONE_IN draws (a value in the middle: Hypothesis favours the ends
    of a range, which would make the bad side far more common)."""
    return draw(st.integers(0, BAD_ONE_IN - 1)) == BAD_ONE_IN // 2


def mostly(good: Strategy, wrong: Strategy) -> Strategy:
    @st.composite
    def pick(draw: st.DrawFn) -> Any:
        return draw(wrong if bad(draw) else good)

    return pick()


# Dates as JSON Schema writes them, and in ISO 8601's basic form, which it does not take.
DATES = st.dates(datetime.date(1000, 1, 1)).flatmap(
    lambda day: st.sampled_from([day.isoformat(), day.strftime("%Y%m%d")])
)
LANGUAGE_KEYS = mostly(
    st.sampled_from(["en", "az", "ru", "en-GB"]), st.sampled_from(["English", "EN", "e", "en_GB"])
)


def wrong(schema: JSON) -> Strategy:
    """A value of another shape than ``schema`` describes, that no reader takes for one."""
    kind = schema.get("type")
    if kind == "string":
        takes_any_text = "pattern" not in schema and "format" not in schema
        return STRUCTURES if takes_any_text else NOT_A_SCALAR
    others: list[Strategy] = [NOT_A_SCALAR, WORD]
    if kind == "integer":
        others += [st.booleans(), st.floats(-1e6, 1e6).filter(lambda x: not x.is_integer())]
    if kind == "number":
        others.append(st.booleans())
    if kind == "boolean":
        others.append(st.integers(-2, 2))
    return st.one_of(others)


def loose(schema: JSON, overrides: Overrides, path: str) -> Strategy:
    """Values for ``schema`` at ``path``: mostly of its shape, in and out of its bounds;
    sometimes of another shape."""
    if path in overrides:
        return overrides[path]
    return mostly(fitting(schema, overrides, path), wrong(schema))


def fitting(schema: JSON, overrides: Overrides, path: str) -> Strategy:
    """Values of the shape ``schema`` describes."""
    if "anyOf" in schema:
        return st.one_of([fitting(option, overrides, path) for option in schema["anyOf"]])
    if "const" in schema:
        return st.just(schema["const"])
    kind = schema.get("type")
    if kind == "object" and "properties" in schema:
        return _object(schema, overrides, path)
    if kind == "object":  # a map: language -> text, or language -> digest
        values = loose(schema["additionalProperties"], overrides, f"{path}.*")
        return mostly(st.dictionaries(LANGUAGE_KEYS, values, min_size=1, max_size=3), st.just({}))
    if kind == "array":
        return _array(schema, overrides, path)
    return _single(schema)


def _single(schema: JSON) -> Strategy:
    """A single value: in bounds or just outside them."""
    kind = schema.get("type")
    if kind == "integer":
        low, high = schema["minimum"], schema["maximum"]
        return mostly(st.integers(low, high), st.sampled_from([low - 1, high + 1]))
    if kind == "number":
        low, high = schema["minimum"], schema["maximum"]
        inside = st.floats(low, high) | st.integers(int(low) + 1, int(high))
        return mostly(inside, st.floats(high, high + 10, exclude_min=True) | st.just(low / 2))
    if kind == "boolean":
        return st.booleans()
    if schema.get("format") == "date":
        return mostly(DATES, WORD)
    if "pattern" in schema:
        return mostly(st.from_regex(schema["pattern"], fullmatch=True), WORD | st.just(""))
    assert kind == "string", schema
    return mostly(TEXT, st.just(""))


def _object(schema: JSON, overrides: Overrides, path: str) -> Strategy:
    properties: dict[str, JSON] = schema["properties"]
    required = set(schema["required"])
    unknown = WORD.map(str.lower).filter(lambda key: key not in properties)
    # Built once: a strategy made at every draw would cost most of the test's time.
    values = {
        key: loose(child, overrides, f"{path}.{key}".lstrip("."))
        for key, child in properties.items()
    }

    @st.composite
    def build(draw: st.DrawFn) -> JSON:
        document: JSON = {}
        for key, value in values.items():
            # A required key is nearly always there; an optional one half the time.
            there = not bad(draw) if key in required else draw(st.booleans())
            if there:
                document[key] = draw(value)
        if bad(draw):
            document[draw(unknown)] = draw(TEXT)
        return document

    return build()


def _array(schema: JSON, overrides: Overrides, path: str) -> Strategy:
    items = loose(schema["items"], overrides, f"{path}[]")

    def unique_ids(values: list[Any]) -> list[Any]:
        for index, item in enumerate(values):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                item["id"] = f"{item['id']}-{index}"
        return values

    least = schema.get("minItems", 0)
    return mostly(st.lists(items, min_size=least, max_size=3), st.just([])).map(unique_ids)


def exhibit_languages(offered: tuple[str, ...], default: str) -> Overrides:
    """exhibit.yaml's languages, default and title as the loader's own rules want them, or
    of a wrong shape (which both refuse)."""
    title = st.fixed_dictionaries(
        {default: TEXT}, optional={code: TEXT for code in offered if code != default}
    )
    return {
        "languages": mostly(st.just(list(offered)), st.none() | st.just({}) | st.just(default)),
        "default_language": mostly(st.just(default), NOT_A_SCALAR),
        "title": mostly(title, NOT_A_SCALAR),
    }


@cache
def documents_with(name: str, offered: tuple[str, ...] = (), default: str = "") -> Strategy:
    overrides: Overrides = {
        "schema_version": mostly(st.just(1), NOT_A_SCALAR | WORD),
        "moments[].image": mostly(st.sampled_from(["pictures/a.png", "b.jpg"]), STRUCTURES),
    }
    if offered:
        overrides.update(exhibit_languages(offered, default))
    return fitting(file_schema(name), overrides, "")


def documents(name: str) -> Strategy:
    if name != "exhibit.yaml":
        return documents_with(name)
    languages = st.lists(st.sampled_from(sorted(ENDONYMS)), min_size=1, unique=True)
    return languages.flatmap(
        lambda offered: st.sampled_from(offered).flatmap(
            lambda default: documents_with(name, tuple(offered), default)
        )
    )


class _NoAliases(yaml.SafeDumper):
    """The loader refuses anchors and aliases: a value used twice is written twice."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def loader_accepts(name: str, document: JSON) -> tuple[bool, list[str]]:
    text = yaml.dump(document, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    reader = FieldReader()
    try:
        part = read_file(reader, name, text.encode("utf-8"))
    except ContentError as error:
        return False, [str(issue) for issue in error.issues]
    errors = [str(issue) for issue in reader.issues if issue.severity == "error"]
    return part is not FAILED and not errors, errors


@cache
def validator(name: str) -> Draft202012Validator:
    schema = file_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_accepts(name: str, document: JSON) -> tuple[bool, list[str]]:
    errors = [
        f"{list(error.absolute_path)}: {error.message}"
        for error in validator(name).iter_errors(document)
    ]
    return not errors, errors


@pytest.mark.parametrize("name", list(FILE_SPECS))
def test_the_loader_and_the_json_schema_agree(name: str) -> None:
    @AGREE
    @given(documents(name))
    def agree(document: JSON) -> None:
        by_loader, loader_errors = loader_accepts(name, document)
        by_schema, schema_errors = schema_accepts(name, document)
        assert by_loader == by_schema, (
            f"loader {'accepts' if by_loader else 'refuses'}, schema "
            f"{'accepts' if by_schema else 'refuses'}: {loader_errors} {schema_errors}"
        )

    agree()


def test_both_accept_and_both_refuse_among_the_generated_documents() -> None:
    """The property is not vacuous: generated documents land on both sides."""
    seen: set[bool] = set()

    @settings(derandomize=True, database=None, max_examples=60, deadline=None)
    @given(documents("timeline.yaml"))
    def sample(document: JSON) -> None:
        seen.add(schema_accepts("timeline.yaml", document)[0])

    sample()
    assert seen == {True, False}


@pytest.mark.parametrize("name", ["statement.yaml", "timeline.yaml", "figures.yaml"])
def test_the_shipped_files_pass_both(name: str) -> None:
    """(exhibit.yaml offers languages the loader only takes with the others' texts.)"""
    document = yaml.safe_load((BASE / name).read_text(encoding="utf-8"))
    assert loader_accepts(name, document) == (True, [])
    assert schema_accepts(name, document) == (True, [])
