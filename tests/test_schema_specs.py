"""The schema machinery itself (kiosk.content.schema): each kind of spec accepts what it
should, refuses the rest with its message at the value's line and column, and describes
itself in JSON Schema.  The files' specs in loader.py are built from these."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.content.fields import FieldReader
from kiosk.content.issues import Location
from kiosk.content.model import AssetRef, LocalizedText, Seal
from kiosk.content.schema import (
    FAILED,
    AssetPath,
    Boolean,
    Choice,
    Colour,
    Digests,
    Field,
    Integer,
    IsoDate,
    Language,
    ListOf,
    Localized,
    Number,
    Object,
    Pattern,
    Spec,
    Text,
)
from kiosk.content.source import Mapping, load_yaml_bytes

DIGEST = "0123456789abcdef" * 4


def read(spec: Spec, value: str, *, languages: tuple[str, ...] = ()) -> tuple[Any, list[str]]:
    """``spec`` reading the value of ``v:`` in a one-key file: what it gives, and findings.

    The value starts at line 1, column 4 (or on line 2 when it is a block)."""
    tree = load_yaml_bytes(f"v: {value}\n".encode(), "f.yaml")
    assert isinstance(tree, Mapping)
    reader = FieldReader(languages=languages, default_language=languages[0] if languages else None)
    result = spec.read(reader, tree.entries["v"])
    return result, [str(issue) for issue in reader.issues]


def read_file(spec: Spec, text: str) -> tuple[Any, list[str]]:
    """``spec`` reading a whole file."""
    reader = FieldReader()
    result = spec.read(reader, load_yaml_bytes(text.encode(), "f.yaml"))
    return result, [str(issue) for issue in reader.issues]


def accepted(spec: Spec, value: str, **options: Any) -> Any:
    result, findings = read(spec, value, **options)
    assert findings == [] and result is not FAILED, findings
    return result


def refused(spec: Spec, value: str, **options: Any) -> list[str]:
    result, findings = read(spec, value, **options)
    assert result is FAILED, result
    return findings


# --- single values ---------------------------------------------------------------------------


def test_text() -> None:
    assert accepted(Text(), "A title") == "A title"
    assert accepted(Text(), "'no'") == "no"  # stays text, never a boolean
    assert accepted(Text(), "e\u0301") == "\u00e9"  # NFC, as the fonts' glyphs are
    assert refused(Text(), "''") == ["f.yaml:1:4: error: this text is empty"]
    assert refused(Text(), "[a, b]") == ["f.yaml:1:4: error: this value must be a single value"]
    assert refused(Text(), "'\u200b'") == [
        "f.yaml:1:4: error: this text has only invisible characters (zero-width, bidi marks): "
        "visitors would see nothing"
    ]


def test_text_warns_of_a_stray_quote_and_refuses_bidi_controls() -> None:
    result, findings = read(Text(), 'Independence"')
    assert result == 'Independence"'
    assert findings == [
        'f.yaml:1:4: warning: this text ends with a stray ": remove it, or quote the whole text'
    ]
    result, findings = read(Text(), '"a\u202eb"')
    assert findings == [
        "f.yaml:1:4: error: bidirectional control character U+202E at character 2; remove it"
    ]


def test_localized() -> None:
    text = accepted(Localized(), "{en: Statement, az: Bəyanat}")
    assert isinstance(text, LocalizedText)
    assert text.values == {"en": "Statement", "az": "Bəyanat"}
    assert text.location == Location("f.yaml", 1, 4)
    assert refused(Localized(), "Statement") == [
        'f.yaml:1:4: error: give this text per language, for example:  en: "..."'
    ]
    assert refused(Localized(), "en:Statement") == [
        "f.yaml:1:4: error: put a space after 'en:' so it names the language"
    ]
    assert refused(Localized(), "{}") == ["f.yaml:1:4: error: this text has no language"]
    assert refused(Localized(), "{English: Statement}") == [
        "f.yaml:1:5: error: 'English' is not a language code such as en or az"
    ]
    assert refused(Localized(), "[en]") == [
        "f.yaml:1:4: error: a text must be a mapping of keys to values"
    ]


def test_localized_holds_texts_to_the_exhibits_languages() -> None:
    both = ("en", "az")
    assert accepted(Localized(), "{en: a, az: b}", languages=both).values == {"en": "a", "az": "b"}
    assert refused(Localized(), "{enn: a}", languages=both) == [
        "f.yaml:1:5: error: 'enn' is not one of the exhibit's languages (en, az); did you mean "
        "'en'?"
    ]
    result, findings = read(Localized(), "{az: b}", languages=both)
    assert result == LocalizedText({"az": "b"}, Location("f.yaml", 1, 4))
    assert findings == [
        "f.yaml:1:4: error: this text has no 'en' version; every text needs the default language"
    ]


def test_localized_warns_where_a_comment_cut_the_text() -> None:
    result, findings = read(Localized(), "\n  en: killed #1 of the figures")
    assert result.values == {"en": "killed"}
    assert findings == [
        "f.yaml:2:7: warning: the text stops at ' #': the rest is a comment; put the whole "
        "text in quotes"
    ]


def test_boolean() -> None:
    assert accepted(Boolean(), "true") is True
    assert accepted(Boolean(), "false") is False
    for word, column in (("yes", 4), ("1", 4), ("True", 4), ("no", 4)):
        assert refused(Boolean(), word) == [
            f"f.yaml:1:{column}: error: expected true or false, found '{word}'"
        ]


def test_colour() -> None:
    assert accepted(Colour(), '"#14110f"') == "#14110F"
    # Unquoted, the rest is a comment: the value is empty, just after the colon.
    assert refused(Colour(), "#14110F") == [
        'f.yaml:1:3: error: put the colour in quotes, like "#1A1A1A": unquoted, # starts a comment'
    ]
    assert refused(Colour(), "red") == [
        "f.yaml:1:4: error: expected a colour like \"#1A1A1A\", found 'red'"
    ]
    assert refused(Colour(), '"#1411"') == [
        "f.yaml:1:4: error: expected a colour like \"#1A1A1A\", found '#1411'"
    ]


def test_language() -> None:
    assert accepted(Language(), "az") == "az"
    assert accepted(Language(), "en-GB") == "en-GB"
    assert refused(Language(), "English") == [
        "f.yaml:1:4: error: 'English' is not a language code such as en or az"
    ]
    assert refused(Language(), "{en: a}") == [
        "f.yaml:1:4: error: a language code must be a single value"
    ]


def test_iso_date() -> None:
    assert accepted(IsoDate(), "2026-01-20") == "2026-01-20"
    assert accepted(IsoDate(), '"2026-01-20"') == "2026-01-20"
    assert refused(IsoDate(), "20 January 2026") == [
        "f.yaml:1:4: error: expected a date like 2026-01-20, found '20 January 2026'"
    ]
    assert refused(IsoDate(), "2026-02-30") == [
        "f.yaml:1:4: error: expected a date like 2026-01-20, found '2026-02-30'"
    ]
    # Python reads ISO 8601's other forms too; editors' JSON Schema (and people) take only this
    # one (found by tests/test_schema_agreement.py).
    for other in ("20260120", "2026-W03-2", "2026-020"):
        assert refused(IsoDate(), other) == [
            f"f.yaml:1:4: error: expected a date like 2026-01-20, found '{other}'"
        ]


def test_asset_path() -> None:
    assert accepted(AssetPath(), "pictures/a.png") == AssetRef(
        "pictures/a.png", Location("f.yaml", 1, 4)
    )
    cases = {
        "/etc/hostname": "is an absolute path; give it relative to the content folder",
        "../a.png": "points outside the content folder (..)",
        "'C:/a.png'": "starts with a drive letter; give it relative to the content folder",
        "'pictures\\a.png'": "contains a backslash; use / between folders",
        "pictures/": "is not a file name",
    }
    for value, message in cases.items():
        written = value.strip("'").replace("\\\\", "\\")
        assert refused(AssetPath(), value) == [f"f.yaml:1:4: error: '{written}' {message}"]


def test_integer() -> None:
    year = Integer(1, 9999)
    assert accepted(year, "1991") == 1991
    assert accepted(year, "1_991") == 1991
    assert refused(year, "1991 AD") == [
        "f.yaml:1:4: error: expected a whole number, found '1991 AD'"
    ]
    assert refused(year, "''") == ["f.yaml:1:4: error: expected a whole number, found nothing"]
    assert refused(year, "0") == ["f.yaml:1:4: error: 0 is outside the allowed 1 to 9999"]
    assert refused(year, "017") == [
        "f.yaml:1:4: error: '017' has a leading zero, which some YAML tools read as an octal "
        "number; write 17"
    ]
    assert refused(year, "19.5") == ["f.yaml:1:4: error: expected a whole number, found '19.5'"]


def test_number() -> None:
    seconds = Number(0.05, 3600)
    assert accepted(seconds, "90") == 90.0
    assert accepted(seconds, "0.5") == 0.5
    assert refused(seconds, "1:20") == ["f.yaml:1:4: error: expected a number, found '1:20'"]
    assert refused(seconds, "0") == ["f.yaml:1:4: error: 0 is outside the allowed 0.05 to 3600"]
    assert refused(seconds, "auto") == ["f.yaml:1:4: error: expected a number, found 'auto'"]
    automatic = Number(0.5, 40, or_word="auto")
    assert accepted(automatic, "auto") is None
    assert accepted(automatic, "4.2") == 4.2


def test_choice_and_pattern() -> None:
    weekday = Choice(("monday", "tuesday"))
    assert accepted(weekday, "monday") == "monday"
    assert refused(weekday, "Monday") == [
        "f.yaml:1:4: error: expected one of monday, tuesday; found 'Monday'"
    ]
    hours = Pattern(r"\d\d:\d\d-\d\d:\d\d", "09:00-18:00")
    assert accepted(hours, "09:00-18:00") == "09:00-18:00"
    assert refused(hours, "9-18") == [
        "f.yaml:1:4: error: expected something like 09:00-18:00; found '9-18'"
    ]


def test_digests() -> None:
    seal = accepted(Digests(), f"{{en: {DIGEST}}}")
    assert isinstance(seal, Seal) and seal.digests == {"en": DIGEST}
    assert seal.key_locations == {"en": Location("f.yaml", 1, 5)}
    assert refused(Digests(), "{en: abc}") == [
        "f.yaml:1:9: error: a seal is 64 hexadecimal digits; only kiosk statement seal writes it"
    ]
    assert refused(Digests(), f"{{English: {DIGEST}}}") == [
        "f.yaml:1:5: error: 'English' is not a language code"
    ]
    assert refused(Digests(), "{}") == ["f.yaml:1:4: error: the seal names no language"]


# --- lists and objects -----------------------------------------------------------------------


def test_list_of() -> None:
    languages = ListOf(Language(), min_items=1)
    assert accepted(languages, "[en, az]") == ("en", "az")
    assert accepted(languages, "\n  - en\n  - az") == ("en", "az")
    assert refused(languages, "en") == [
        "f.yaml:1:4: error: this value must be a list, like [en, az] or lines starting with '- '"
    ]
    assert refused(languages, "{en: a}") == [
        "f.yaml:1:4: error: this value must be a list: start each item with '- '"
    ]
    result, findings = read(languages, "[]")
    assert result == () and findings == ["f.yaml:1:4: error: needs at least 1 item(s)"]
    # A bad item is reported and left out; the others are read.
    result, findings = read(languages, "[en, English, az]")
    assert result == ("en", "az")
    assert findings == ["f.yaml:1:9: error: 'English' is not a language code such as en or az"]


def test_list_of_unique_key() -> None:
    items = ListOf(Object({"id": Field(Text())}, build=dict), unique_key="id")
    assert accepted(items, "[{id: a}, {id: b}]") == ({"id": "a"}, {"id": "b"})
    findings = read(items, "\n  - id: a\n  - id: b\n  - id: a")[1]
    assert findings == ["f.yaml:4:9: error: id 'a' is used twice (first at line 2)"]


POINT: Object[dict[str, Any]] = Object(
    {
        "x": Field(Integer(0, 10)),
        "y": Field(Integer(0, 10), required=False, default=5),
        "label": Field(Localized(), required=False),
    },
    build=dict,
)


def test_object_reads_fields_and_fills_defaults() -> None:
    assert accepted(POINT, "{x: 1}") == {"x": 1, "y": 5, "label": None}
    point = accepted(POINT, "{x: 1, y: 2, label: {en: here}}")
    assert point["y"] == 2 and point["label"].values == {"en": "here"}


def test_object_names_missing_and_unknown_keys() -> None:
    assert refused(POINT, "{y: 1}") == ["f.yaml:1:4: error: missing key 'x'"]
    # An unknown key is an error (so the file is refused) but the known ones are still read.
    assert read(POINT, "{x: 1, z: 2}")[1] == [
        "f.yaml:1:11: error: unknown key 'z'; allowed here: x, y, label"
    ]
    assert read(POINT, "{x: 1, lable: {en: a}}")[1] == [
        "f.yaml:1:11: error: unknown key 'lable'; did you mean 'label'?"
    ]
    assert refused(POINT, "[1, 2]") == [
        "f.yaml:1:4: error: this value must be a mapping of keys to values"
    ]


def test_object_fails_when_any_field_fails_but_reports_every_one() -> None:
    assert refused(POINT, "{x: 11, y: a}") == [
        "f.yaml:1:8: error: 11 is outside the allowed 0 to 10",
        "f.yaml:1:15: error: expected a whole number, found 'a'",
    ]


def test_object_explains_a_language_key_written_level_with_its_text() -> None:
    result, findings = read_file(POINT, "x: 1\nlabel:\nen: here\n")
    assert result is FAILED
    assert findings == ["f.yaml:3:1: error: indent 'en:' under 'label:' by 2 more spaces"]


def test_object_passes_its_location_and_reads_extra_keys_for_its_parent() -> None:
    located: Object[dict[str, Any]] = Object(
        {"x": Field(Integer(0, 10))}, build=dict, pass_location=True
    )
    assert accepted(located, "{x: 1}") == {"x": 1, "location": Location("f.yaml", 1, 4)}
    versioned: Object[dict[str, Any]] = Object(
        {"x": Field(Integer(0, 10))}, build=dict, extra={"version": Field(Integer(1, 1))}
    )
    assert accepted(versioned, "{version: 1, x: 1}") == {"x": 1}
    assert read(versioned, "{x: 1}")[1] == ["f.yaml:1:4: error: missing key 'version'"]


# --- JSON Schema -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "schema"),
    [
        (Text("d"), {"description": "d", "type": "string", "minLength": 1}),
        (Boolean(), {"type": "boolean"}),
        (Colour(), {"type": "string", "pattern": "^#[0-9A-Fa-f]{6}$"}),
        (IsoDate(), {"type": "string", "format": "date"}),
        (AssetPath(), {"type": "string", "minLength": 1}),
        (Integer(1, 9), {"type": "integer", "minimum": 1, "maximum": 9}),
        (Number(0.5, 40), {"type": "number", "minimum": 0.5, "maximum": 40}),
        (
            Number(0.5, 40, or_word="auto"),
            {"anyOf": [{"type": "number", "minimum": 0.5, "maximum": 40}, {"const": "auto"}]},
        ),
        (Choice(("a", "b")), {"enum": ["a", "b"]}),
        (Pattern("a|b", "a"), {"type": "string", "pattern": "^(?:a|b)$"}),
        (
            ListOf(Boolean(), min_items=2),
            {"type": "array", "items": {"type": "boolean"}, "minItems": 2},
        ),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Spec) else "",
)
def test_json_schema_of_each_kind(spec: Spec, schema: dict[str, Any]) -> None:
    assert spec.json_schema() == schema


def test_json_schema_of_texts_and_objects() -> None:
    localized = Localized().json_schema()
    assert localized["type"] == "object" and localized["minProperties"] == 1
    assert localized["additionalProperties"] == {"type": "string", "minLength": 1}
    schema = Object(
        {"x": Field(Integer(0, 10))},
        build=dict,
        title="t.yaml",
        extra={"version": Field(Integer(1, 1))},
    ).json_schema()
    assert schema == {
        "title": "t.yaml",
        "type": "object",
        "properties": {
            "version": {"type": "integer", "minimum": 1, "maximum": 1},
            "x": {"type": "integer", "minimum": 0, "maximum": 10},
        },
        "required": ["version", "x"],
        "additionalProperties": False,
    }
    assert POINT.json_schema()["required"] == ["x"]
    digests = Digests().json_schema()
    assert digests["additionalProperties"] == {"type": "string", "pattern": "^[0-9a-f]{64}$"}
