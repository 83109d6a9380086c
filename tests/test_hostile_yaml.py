"""Hostile YAML in the content files: each is refused (or, where harmless, accepted) with a
finding that names file, line and column, within a second and without growing memory."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from hostile import (
    MAX_GROWTH_MIB,
    SECONDS,
    assert_answered,
    baseline,
    billion_laughs,
    errors,
    measure_isolated,
    nested,
)
from kiosk.content.loader import load_exhibit
from kiosk.content.source import MAX_FILE_BYTES

MIB = 1024 * 1024


def patch(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{name}: {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


# (id, file, content) -> the exact findings expected (the first few, in file order).
WHOLE_FILES: list[tuple[str, str, Callable[[], bytes], list[str]]] = [
    (
        "python-object-apply",
        "figures.yaml",
        lambda: b"figures: !!python/object/apply:os.system [rm -rf /]\n",
        [
            "figures.yaml:1:10: error: tags such as tag:yaml.org,2002:python/object/apply:"
            "os.system are not allowed in content"
        ],
    ),
    (
        "python-object-new",
        "figures.yaml",
        lambda: b"figures: !!python/object/new:subprocess.Popen {args: [sh]}\n",
        [
            "figures.yaml:1:10: error: tags such as tag:yaml.org,2002:python/object/new:"
            "subprocess.Popen are not allowed in content"
        ],
    ),
    (
        "python-name",
        "exhibit.yaml",
        lambda: b"title: !!python/name:os.system\n",
        [
            "exhibit.yaml:1:8: error: tags such as tag:yaml.org,2002:python/name:os.system "
            "are not allowed in content"
        ],
    ),
    (
        "python-object-in-a-key",
        "exhibit.yaml",
        lambda: b"? !!python/object:__main__.X {}\n: 1\n",
        [
            "exhibit.yaml:1:3: error: tags such as tag:yaml.org,2002:python/object:__main__.X "
            "are not allowed in content"
        ],
    ),
    (
        "binary-tag",
        "statement.yaml",
        lambda: b"heading:\n  en: !!binary aGVsbG8=\n",
        [
            "statement.yaml:2:7: error: tags such as tag:yaml.org,2002:binary are not "
            "allowed in content"
        ],
    ),
    (
        "tag-directive",
        "statement.yaml",
        lambda: b"%TAG !py! tag:yaml.org,2002:python/\n---\nheading: !py!object:os.X {}\n",
        [
            "statement.yaml:3:10: error: tags such as tag:yaml.org,2002:python/object:os.X "
            "are not allowed in content"
        ],
    ),
    (
        "billion-laughs",
        "figures.yaml",
        billion_laughs,
        ["figures.yaml:1:4: error: anchors (&name) are not allowed in content"],
    ),
    (
        "alias-without-anchor",
        "figures.yaml",
        lambda: b"figures: *nowhere\n",
        ["figures.yaml:1:10: error: aliases (*name) are not allowed in content"],
    ),
    (
        "merge-key",
        "exhibit.yaml",
        lambda: b"base: &b {en: x}\ntitle:\n  <<: *b\n",
        ["exhibit.yaml:1:7: error: anchors (&name) are not allowed in content"],
    ),
    (
        "nesting-1000-block-mapping",
        "timeline.yaml",
        lambda: nested(1000, "block-mapping"),
        ["timeline.yaml:33:65: error: nested deeper than 32 levels"],
    ),
    (
        "nesting-1000-block-sequence",
        "timeline.yaml",
        lambda: nested(1000, "block-sequence"),
        ["timeline.yaml:1:67: error: nested deeper than 32 levels"],
    ),
    (
        "nesting-1000-flow-sequence",
        "timeline.yaml",
        lambda: nested(1000, "flow-sequence"),
        # libyaml's own limit is met while it scans the brackets, before any value exists.
        ["timeline.yaml:1:1003: error: YAML syntax: exceeded maximum nesting depth"],
    ),
    (
        "nesting-1000-flow-mapping",
        "timeline.yaml",
        lambda: nested(1000, "flow-mapping"),
        ["timeline.yaml:1:129: error: nested deeper than 32 levels"],
    ),
    (
        "50-MB",
        "statement.yaml",
        lambda: b"heading: {en: x}\n" + b"# " + b"x" * (50 * MIB) + b"\n",
        [
            f"statement.yaml:1:1: error: file is {50 * MIB + 20} bytes; content files may be "
            f"at most {MAX_FILE_BYTES} bytes"
        ],
    ),
    (
        "just-over-the-limit",
        "statement.yaml",
        lambda: b"#" * MAX_FILE_BYTES + b"\n",
        [
            f"statement.yaml:1:1: error: file is {MAX_FILE_BYTES + 1} bytes; content files "
            f"may be at most {MAX_FILE_BYTES} bytes"
        ],
    ),
    (
        "2-MB-of-values",
        "timeline.yaml",
        lambda: b"- a\n" * (MAX_FILE_BYTES // 4),
        ["timeline.yaml:50000:3: error: more than 50000 values in one file"],
    ),
    (
        "2-MB-flow-of-values",
        "timeline.yaml",
        lambda: b"[" + b"a," * (MAX_FILE_BYTES // 2 - 2) + b"a]",
        ["timeline.yaml:1:100000: error: more than 50000 values in one file"],
    ),
    (
        "one-2-MB-line",
        "figures.yaml",
        lambda: b"figures: " + b"x" * (MAX_FILE_BYTES - 20) + b"\n",
        [
            "figures.yaml:1:10: error: this value must be a list, like [en, az] or lines "
            "starting with '- '"
        ],
    ),
    (
        "invalid-utf8-continuation-byte",
        "figures.yaml",
        lambda: b"schema_version: 1\nfigures:\n  - id: \x80bad\n",
        ["figures.yaml:3:9: error: the file is not valid UTF-8; save it as UTF-8"],
    ),
    (
        "invalid-utf8-overlong-slash",
        "figures.yaml",
        lambda: b"figures: ..\xc0\xaf..\n",
        ["figures.yaml:1:12: error: the file is not valid UTF-8; save it as UTF-8"],
    ),
    (
        "invalid-utf8-encoded-surrogate",
        "figures.yaml",
        lambda: b"figures:\n\n  x: \xed\xa0\x80\n",
        ["figures.yaml:3:6: error: the file is not valid UTF-8; save it as UTF-8"],
    ),
    (
        "windows-1254-text",
        "exhibit.yaml",
        lambda: "title:\n  az: Bakı\n".encode("cp1254"),
        ["exhibit.yaml:2:10: error: the file is not valid UTF-8; save it as UTF-8"],
    ),
    (
        "utf-16-with-bom",
        "exhibit.yaml",
        lambda: "title: x\n".encode("utf-16"),
        ["exhibit.yaml:1:1: error: the file is not valid UTF-8; save it as UTF-8"],
    ),
    (
        "nul-byte",
        "figures.yaml",
        lambda: b"schema_version: 1\nfigures: a\x00b\n",
        [
            "figures.yaml:2:11: error: YAML syntax: control characters are not allowed "
            "(U+0000 here); remove it"
        ],
    ),
    (
        "escape-character-after-multibyte-text",
        "figures.yaml",
        lambda: b"figures: " + "Bakı ə".encode() + b"\x1b[2J\n",
        [
            "figures.yaml:1:16: error: YAML syntax: control characters are not allowed "
            "(U+001B here); remove it"
        ],
    ),
    (
        "empty-file",
        "statement.yaml",
        lambda: b"",
        ["statement.yaml:1:1: error: the file is empty"],
    ),
    (
        "only-whitespace",
        "statement.yaml",
        lambda: b"  \n\n   \n",
        ["statement.yaml:1:1: error: the file is empty"],
    ),
    (
        "only-comments",
        "statement.yaml",
        lambda: b"# schema_version: 1\n",
        ["statement.yaml:1:1: error: the file is empty"],
    ),
    (
        "only-a-document-marker",
        "statement.yaml",
        lambda: b"---\n",
        ["statement.yaml:2:1: error: this value must be a mapping of keys to values"],
    ),
    (
        "two-documents",
        "statement.yaml",
        lambda: b"heading: {en: x}\n---\nheading: {en: y}\n",
        ["statement.yaml:2:1: error: only one YAML document per file"],
    ),
    (
        "truncated-in-a-quoted-string",
        "figures.yaml",
        lambda: b'schema_version: 1\nfigures:\n  - id: "kil',
        [
            "figures.yaml:3:9: error: this line starts a quote that is never closed: "
            'end the text with "'
        ],
    ),
    (
        "truncated-in-a-flow-list",
        "exhibit.yaml",
        lambda: b"schema_version: 1\nlanguages: [en, a",
        ["exhibit.yaml:2:12: error: this [ is never closed: end the list with ]"],
    ),
    (
        "truncated-in-a-character",
        "exhibit.yaml",
        lambda: "title:\n  az: Bakı".encode()[:-1],
        ["exhibit.yaml:2:10: error: the file is not valid UTF-8; save it as UTF-8"],
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        pytest.param(name, content, expected, id=case)
        for case, name, content, expected in WHOLE_FILES
    ],
)
def test_hostile_file_is_refused_with_its_place(
    tmp_path: Path, name: str, content: Callable[[], bytes], expected: list[str]
) -> None:
    folder = baseline(tmp_path)
    (folder / name).write_bytes(content())
    assert_answered(folder, *expected)


# (id, file, passage, replacement) -> the exact finding; edits in place of the real files.
EDITS: list[tuple[str, str, str, str, str]] = [
    (
        "duplicate-top-level-key",
        "exhibit.yaml",
        "default_language: en\n",
        "default_language: en\ndefault_language: az\n",
        "exhibit.yaml:7:1: error: duplicate key 'default_language' (first given at line 6)",
    ),
    (
        "duplicate-key-quoted-and-plain",
        "figures.yaml",
        "    value: 150\n",
        "    value: 150\n    'value': 151\n",
        "figures.yaml:7:5: error: duplicate key 'value' (first given at line 6)",
    ),
    (
        "duplicate-language",
        "exhibit.yaml",
        "  en: 20 January - National Mourning Day\n",
        "  en: 20 January - National Mourning Day\n  en: 20 Yanvar\n",
        "exhibit.yaml:6:3: error: duplicate key 'en' (first given at line 5)",
    ),
    (
        "tab-indentation",
        "exhibit.yaml",
        "  timeout_seconds: 90",
        "\ttimeout_seconds: 90",
        "exhibit.yaml:11:1: error: YAML syntax: a tab character; indent with spaces",
    ),
    (
        "yes-for-a-boolean",
        "exhibit.yaml",
        "reduced: false",
        "reduced: yes",
        "exhibit.yaml:17:12: error: expected true or false, found 'yes'",
    ),
    (
        "on-for-a-boolean",
        "exhibit.yaml",
        "reduced: false",
        "reduced: on",
        "exhibit.yaml:17:12: error: expected true or false, found 'on'",
    ),
    (
        "off-for-a-boolean",
        "exhibit.yaml",
        "reduced: false",
        "reduced: off",
        "exhibit.yaml:17:12: error: expected true or false, found 'off'",
    ),
    (
        "capitalised-boolean",
        "exhibit.yaml",
        "reduced: false",
        "reduced: False",
        "exhibit.yaml:17:12: error: expected true or false, found 'False'",
    ),
    (
        "NO-as-a-language-code",
        "exhibit.yaml",
        "languages: [en]",
        "languages: [en, NO]",
        "exhibit.yaml:7:17: error: 'NO' is not a language code such as en or az",
    ),
    (
        "exponent-for-a-whole-number",
        "figures.yaml",
        "value: 150",
        "value: 1e3",
        "figures.yaml:6:12: error: expected a whole number, found '1e3'",
    ),
    (
        "octal-0o-for-a-whole-number",
        "figures.yaml",
        "value: 150",
        "value: 0o17",
        "figures.yaml:6:12: error: expected a whole number, found '0o17'",
    ),
    (
        "leading-zero-octal-in-yaml-1.1",
        "figures.yaml",
        "value: 150",
        "value: 017",
        "figures.yaml:6:12: error: '017' has a leading zero, which some YAML tools read as "
        "an octal number; write 17",
    ),
    (
        "hexadecimal",
        "figures.yaml",
        "value: 150",
        "value: 0x96",
        "figures.yaml:6:12: error: expected a whole number, found '0x96'",
    ),
    (
        "date-for-a-year",
        "timeline.yaml",
        "year: 1991",
        "year: 1991-01-20",
        "timeline.yaml:22:11: error: expected a whole number, found '1991-01-20'",
    ),
    (
        "sexagesimal-time-for-seconds",
        "exhibit.yaml",
        "timeout_seconds: 90",
        "timeout_seconds: 1:30",
        "exhibit.yaml:11:20: error: expected a number, found '1:30'",
    ),
    (
        "yaml-infinity",
        "exhibit.yaml",
        "timeout_seconds: 90",
        "timeout_seconds: .inf",
        "exhibit.yaml:11:20: error: expected a number, found '.inf'",
    ),
    (
        "null-for-a-number",
        "figures.yaml",
        "value: 150",
        "value: ~",
        "figures.yaml:6:12: error: expected a whole number, found '~'",
    ),
    (
        "timestamp-for-a-date",
        "statement.yaml",
        'date: "2026-01-20"',
        "date: 2026-01-20 10:30:00",
        "statement.yaml:12:7: error: expected a date like 2026-01-20, found '2026-01-20 10:30:00'",
    ),
    (
        "line-break-in-a-quoted-value",
        "figures.yaml",
        "value: 150",
        'value: "150\\nrm -rf /"',
        "figures.yaml:6:12: error: expected a whole number, found '150\\x0arm -rf /'",
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [pytest.param(name, old, new, expected, id=case) for case, name, old, new, expected in EDITS],
)
def test_hostile_edit_is_refused_with_its_place(
    tmp_path: Path, name: str, old: str, new: str, expected: str
) -> None:
    folder = baseline(tmp_path)
    patch(folder, name, old, new)
    findings = assert_answered(folder, expected)
    assert errors(findings) == [expected]


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    folder = baseline(tmp_path)
    for name in ("exhibit.yaml", "figures.yaml"):
        path = folder / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert assert_answered(folder) == []
    assert load_exhibit(folder).figures[0].value == 150


def test_no_stays_the_norwegian_language_code(tmp_path: Path) -> None:
    """The "Norway problem": `no` is text here, never false; the kiosk names only the
    languages it ships names for (issue 13), so it says it cannot name 'no' yet."""
    folder = baseline(tmp_path)
    patch(folder, "exhibit.yaml", "languages: [en]", "languages: [en, no]")
    assert errors(assert_answered(folder)) == [
        "exhibit.yaml:7:17: error: the kiosk has no name for 'no', so visitors could not "
        "choose it; it names az, en, ru"
    ]


def test_an_exponent_is_a_number_where_a_number_is_asked(tmp_path: Path) -> None:
    """Unambiguous where the schema asks for a number (YAML 1.2 reads it so too)."""
    folder = baseline(tmp_path)
    patch(folder, "exhibit.yaml", "timeout_seconds: 90", "timeout_seconds: 1e2")
    assert errors(assert_answered(folder)) == []
    assert load_exhibit(folder).settings.idle_timeout_s == 100.0


FILES = ["exhibit.yaml", "statement.yaml", "timeline.yaml", "figures.yaml"]


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.999])
def test_each_file_cut_short_is_refused_or_warned_about(
    tmp_path: Path, name: str, fraction: float
) -> None:
    """Cut mid-line, a file is an error or, when what is left is still valid, a warning at
    its end: a half-saved file never passes unremarked."""
    folder = baseline(tmp_path)
    path = folder / name
    data = path.read_bytes()
    cut = int(len(data) * fraction)
    if data[:cut].endswith(b"\n"):
        cut -= 1  # mid-line: a cut at a line break leaves a shorter, complete file
    path.write_bytes(data[:cut])
    findings = assert_answered(folder)
    # Without Qt (scripts/test_without_qt.sh) pictures get a "not decoded" warning of their own.
    ours = [
        line for line in findings if line.startswith(f"{name}:") and "was not decoded" not in line
    ]
    left = data[:cut].decode("utf-8", "replace")
    end = f"{name}:{left.count(chr(10)) + 1}:{len(left) - left.rfind(chr(10))}"
    assert errors(ours) or ours == [
        f"{end}: warning: the file does not end with a line break: if it was cut short while "
        "saving, content is missing; check its end and save it again"
    ]


def test_a_long_quoted_value_is_shortened_in_the_finding(tmp_path: Path) -> None:
    folder = baseline(tmp_path)
    patch(folder, "figures.yaml", "value: 150", "value: " + "9x" * 500_000)
    (finding,) = errors(assert_answered(folder))
    assert finding.startswith("figures.yaml:6:12: error: expected a whole number, found '9x9x")
    assert finding.endswith("\u2026 (1000000 characters)'")
    assert len(finding) < 200


def test_many_bidi_controls_give_a_few_findings_not_thousands(tmp_path: Path) -> None:
    folder = baseline(tmp_path)
    patch(folder, "exhibit.yaml", "en: 20 January", "en: " + "\u202e" * 300_000 + "20 January")
    found = errors(assert_answered(folder))
    assert len(found) == 11
    assert found[-1] == (
        "exhibit.yaml:5:7: error: 299990 more bidirectional control characters; remove them"
    )


def test_thousands_of_unknown_keys_are_all_reported_quickly(tmp_path: Path) -> None:
    folder = baseline(tmp_path)
    keys = "".join(f"default_languag{index}: x\n" for index in range(20_000))
    patch(folder, "exhibit.yaml", "default_language: en\n", f"default_language: en\n{keys}")
    found = errors(assert_answered(folder))
    assert len(found) == 20_000
    assert found[0] == (
        "exhibit.yaml:7:1: error: unknown key 'default_languag0'; did you mean 'default_language'?"
    )


def test_a_maximal_statement_and_thousands_of_sources_are_checked_in_time(
    tmp_path: Path,
) -> None:
    """Each source is searched for in the statement: 2 MB of statement and thousands of
    near-miss sources once took seconds; the search now has a budget."""
    folder = baseline(tmp_path)
    paragraph = "word " * 2000
    count = (MAX_FILE_BYTES - 1000) // (len(paragraph) + 16)
    statement = folder / "statement.yaml"
    text = statement.read_text(encoding="utf-8")
    head = text[: text.index("paragraphs:")]
    statement.write_text(
        head + "paragraphs:\n" + "".join(f'  - en: "{paragraph}"\n' for _ in range(count)),
        encoding="utf-8",
    )
    moments = "".join(
        f'  - id: "m{index}"\n    year: {1000 + index}\n    date_text: {{en: d}}\n'
        f"    title: {{en: t}}\n    caption: {{en: c}}\n"
        f'    source: {{en: "word word word{index}"}}\n'
        for index in range(2000)
    )
    (folder / "timeline.yaml").write_text(
        f"schema_version: 1\nmoments:\n{moments}", encoding="utf-8"
    )
    findings = assert_answered(folder)
    assert errors(findings) == []
    assert any("were not compared with the statement" in line for line in findings)


def replace_with_link(folder: Path, name: str, target: str) -> None:
    (folder / name).unlink()
    (folder / name).symlink_to(target)


def replace_with_pipe(folder: Path, name: str) -> None:
    (folder / name).unlink()
    os.mkfifo(folder / name)


NOT_A_FILE = "figures.yaml is not a regular file (a folder, a device or a pipe)"
OUTSIDE = "figures.yaml is a symbolic link leading outside the content folder; copy it in"
# Run in a process of their own, with a time-out and an address-space limit: a regression
# here reads without end or blocks forever, and must fail the test, not stall or starve CI.
HEAVY: dict[str, tuple[Callable[[Path], object], str]] = {
    "50-MB": (
        lambda folder: (folder / "statement.yaml").write_bytes(b"# " + b"x" * 50 * MIB),
        f"statement.yaml:1:1: error: file is {50 * MIB + 2} bytes; content files may be at "
        f"most {MAX_FILE_BYTES} bytes",
    ),
    "billion-laughs": (
        lambda folder: (folder / "figures.yaml").write_bytes(billion_laughs()),
        "figures.yaml:1:4: error: anchors (&name) are not allowed in content",
    ),
    "nesting-1000": (
        lambda folder: (folder / "timeline.yaml").write_bytes(nested(1000, "block-mapping")),
        "timeline.yaml:33:65: error: nested deeper than 32 levels",
    ),
    "2-MB-of-values": (
        lambda folder: (folder / "timeline.yaml").write_bytes(b"- a\n" * (MAX_FILE_BYTES // 4)),
        "timeline.yaml:50000:3: error: more than 50000 values in one file",
    ),
    "link-to-dev-zero": (
        lambda folder: replace_with_link(folder, "figures.yaml", "/dev/zero"),
        f"figures.yaml:1:1: error: {OUTSIDE}",
    ),
    "named-pipe": (
        lambda folder: replace_with_pipe(folder, "figures.yaml"),
        f"figures.yaml:1:1: error: {NOT_A_FILE}",
    ),
}


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="POSIX: /dev/zero, pipes, /proc")
@pytest.mark.parametrize("case", sorted(HEAVY))
def test_heavy_content_is_answered_without_growing_memory(tmp_path: Path, case: str) -> None:
    good = baseline(tmp_path / "good")
    folder = baseline(tmp_path / "hostile")
    make, expected = HEAVY[case]
    make(folder)
    report = measure_isolated(folder, good)
    growth_mib = report["growth_kib"] / 1024
    peak_mib = report["peak_kib"] / 1024
    seconds = report["seconds"]
    print(f"{case}: RSS growth {growth_mib:.1f} MiB (peak {peak_mib:.0f}) in {seconds:.3f} s")
    assert growth_mib < MAX_GROWTH_MIB
    assert seconds < SECONDS
    assert expected in report["findings"]


def test_the_memory_meter_sees_growth(tmp_path: Path) -> None:
    """The bound above can fail: 300 MiB held during the measured call is seen."""
    good = baseline(tmp_path)
    report = measure_isolated(good, good, ballast_mib=300)
    assert report["growth_kib"] / 1024 > MAX_GROWTH_MIB
