"""Broken content gets an exact message with file, line and column; never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from kiosk.content.issues import ContentError
from kiosk.content.loader import load_exhibit


def content_with(tmp_path: Path, name: str, text: str | bytes) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    for source in (REPO / "content").glob("*.yaml"):
        (folder / source.name).write_bytes(source.read_bytes())
    data = text.encode("utf-8") if isinstance(text, str) else text
    (folder / name).write_bytes(data)
    return folder


def replace_in(name: str, old: str, new: str) -> str:
    text = (REPO / "content" / name).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def errors_for(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_exhibit(folder)
    return [str(issue) for issue in caught.value.issues]


CASES = [
    (
        "exhibit.yaml",
        replace_in("exhibit.yaml", "default_language: en", "default_langauge: en"),
        "exhibit.yaml:5:1: error: unknown key 'default_langauge'; did you mean 'default_language'?",
    ),
    (
        "exhibit.yaml",
        replace_in("exhibit.yaml", "timeout_seconds: 90", "timeout_seconds: soon"),
        "exhibit.yaml:10:20: error: expected a number, found 'soon'",
    ),
    (
        "exhibit.yaml",
        replace_in("exhibit.yaml", "reduced: false", "reduced: no"),
        "exhibit.yaml:16:12: error: expected true or false, found 'no'",
    ),
    (
        "exhibit.yaml",
        replace_in("exhibit.yaml", 'background: "#14110F"', 'background: "dark"'),
        "exhibit.yaml:20:17: error: expected a colour like \"#1A1A1A\", found 'dark'",
    ),
    (
        "figures.yaml",
        replace_in("figures.yaml", "value: 744", "value: 744\n    value: 745"),
        "figures.yaml:16:5: error: duplicate key 'value' (first given at line 15)",
    ),
    (
        "figures.yaml",
        replace_in("figures.yaml", "value: 150", "value: &n 150"),
        "figures.yaml:5:12: error: anchors (&name) are not allowed in content",
    ),
    (
        "timeline.yaml",
        replace_in("timeline.yaml", "    year: 1991", "\tyear: 1991"),
        "timeline.yaml:21:1: error: YAML syntax: a tab character; indent with spaces",
    ),
    (
        "timeline.yaml",
        replace_in("timeline.yaml", 'id: "1990"', "id: !!python/object:os.system x"),
        "timeline.yaml:5:9: error: tags such as tag:yaml.org,2002:python/object:os.system "
        "are not allowed in content",
    ),
    (
        "statement.yaml",
        replace_in("statement.yaml", 'date: "2026-01-20"', 'date: "20/01/2026"'),
        "statement.yaml:11:7: error: expected a date like 2026-01-20, found '20/01/2026'",
    ),
    (
        "statement.yaml",
        replace_in("statement.yaml", "  en: STATEMENT", "  en: STATE\u202eMENT"),
        "statement.yaml:6:7: error: bidirectional control character U+202E at character 6; "
        "remove it",
    ),
    (
        "figures.yaml",
        b"schema_version: 1\nfigures:\n  - id: killed\n    label:\n      en: caf\xe9\n",
        "figures.yaml:5:14: error: the file is not valid UTF-8; save it as UTF-8",
    ),
    ("figures.yaml", "", "figures.yaml:1:1: error: the file is empty"),
    (
        "figures.yaml",
        replace_in("figures.yaml", "schema_version: 1", "schema_version: 9"),
        "figures.yaml:2:17: error: schema_version 9 is not supported; this kiosk reads 1",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "expected"), CASES, ids=[c[2].split(": ", 2)[2][:40] for c in CASES]
)
def test_each_error_is_reported_exactly(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    assert expected in errors_for(content_with(tmp_path, name, text))


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    folder = content_with(tmp_path, "figures.yaml", (REPO / "content" / "figures.yaml").read_text())
    (folder / "timeline.yaml").unlink()
    assert errors_for(folder) == [
        "timeline.yaml:1:1: error: cannot read file: No such file or directory"
    ]


def test_every_error_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = replace_in("exhibit.yaml", "timeout_seconds: 90", "timeout_seconds: -1")
    text = text.replace('accent: "#D98A76"', 'accent: "red"')
    errors = errors_for(content_with(tmp_path, "exhibit.yaml", text))
    assert len(errors) == 2


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    text = (REPO / "content" / "figures.yaml").read_bytes()
    assert load_exhibit(content_with(tmp_path, "figures.yaml", b"\xef\xbb\xbf" + text)).figures
