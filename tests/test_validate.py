"""`kiosk validate`: each failure class, from a broken fixture, reported exactly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

import content_cases
from content_cases import build_case, case_names, expected_lines
from kiosk.content import checks, source
from kiosk.content.issues import ContentError
from kiosk.content.loader import load_exhibit
from kiosk.content.validate import file_schema, validate_folder

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", case_names())
def test_each_broken_fixture_gives_its_exact_findings(tmp_path: Path, name: str) -> None:
    folder = build_case(name, tmp_path)
    assert [str(issue) for issue in validate_folder(folder)] == expected_lines(name)


def test_the_fixtures_base_exhibit_has_no_findings() -> None:
    """Each case's findings are only its own."""
    assert validate_folder(content_cases.BASE) == []


def test_the_golden_findings_do_not_move_when_the_sample_exhibit_gains_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16: the cases are built from their own base, not from the shipped sample, so an
    edit of the sample shifts no expected line."""
    sample = tmp_path / "repo" / "content"
    shutil.copytree(REPO / "content", sample)
    for path in sample.glob("*.yaml"):
        path.write_text("# one more line\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(content_cases, "REPO", sample.parent)
    for name in ("edit-colon-forgotten", "schema-unknown-key", "reference-timeline-order"):
        folder = build_case(name, tmp_path / name)
        assert [str(issue) for issue in validate_folder(folder)] == expected_lines(name)


def test_every_failure_class_has_a_fixture() -> None:
    names = set(case_names())
    for prefix in ("image-", "yaml-", "schema-", "reference-", "text-", "theme-"):
        assert any(name.startswith(prefix) for name in names), prefix
    assert len(names) >= 35


def test_common_editing_mistakes_are_explained_in_plain_words() -> None:
    """Issue 15: a corpus of real editing mistakes (the fixtures named edit-*), each
    answered at the line of the mistake, in words saying what to do, under 120 characters."""
    mistakes = [name for name in case_names() if name.startswith("edit-")]
    assert len(mistakes) >= 30
    for name in mistakes:
        lines = expected_lines(name)
        assert lines, name
        for line in lines:
            message = line.split(": ", 2)[2]
            assert len(message) < 120, line
            assert "YAML syntax" not in message and "in this context" not in message, line


def test_shipped_content_has_no_errors_only_untranslated_languages() -> None:
    findings = [str(issue) for issue in validate_folder(REPO / "content")]
    assert findings == [
        f"exhibit.yaml:5:3: warning: 23 of 23 texts have no '{language}' version ({name}; the "
        "first is here); visitors choosing it read English, marked"
        for language, name in (("az", "Azerbaijani"), ("ru", "Russian"))
    ]


def test_text_is_normalised_to_nfc(tmp_path: Path) -> None:
    folder = build_case("yaml-bom-accepted", tmp_path)
    decomposed = unicodedata.normalize("NFD", "Ümumxalq Hüzn Günü")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    path = folder / "figures.yaml"
    text = path.read_text(encoding="utf-8-sig").replace("civilians killed", decomposed)
    path.write_text(text, encoding="utf-8")
    label = load_exhibit(folder).figures[0].label.values["en"]
    assert label == unicodedata.normalize("NFC", decomposed)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a:\n" + "  " * 1 + ("- " * 40) + "x\n", "nested deeper than 32 levels"),
        ("a: [" + "1, " * 60_000 + "1]\n", "more than 50000 values in one file"),
    ],
    ids=["deep", "many-nodes"],
)
def test_structure_limits(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "figures.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        source.load_yaml_file(path, "figures.yaml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("figures.yaml:")


def test_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "timeline.yaml"
    path.write_bytes(b"# " + b"x" * source.MAX_FILE_BYTES + b"\n")
    with pytest.raises(ContentError) as caught:
        source.load_yaml_file(path, "timeline.yaml")
    assert "content files may be at most 2097152 bytes" in str(caught.value)


def run_validate(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_validate_exit_codes_and_formats(tmp_path: Path) -> None:
    clean = run_validate(str(REPO / "content"))
    assert clean.returncode == 0 and ": error:" not in clean.stdout
    broken = build_case("theme-low-contrast", tmp_path)
    text = run_validate(str(broken))
    assert text.returncode == 1
    assert text.stdout.splitlines() == expected_lines("theme-low-contrast")
    assert "2 error(s), 0 warning(s)" in text.stderr
    report = json.loads(run_validate(str(broken), "--format", "json").stdout)
    assert report["ok"] is False and report["errors"] == 2
    assert report["findings"][0]["line"] == 21 and report["findings"][0]["column"] == 5
    warned = build_case("text-label-too-long", tmp_path / "warned")
    assert run_validate(str(warned)).returncode == 0  # warnings alone do not fail
    missing = run_validate(str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


@pytest.mark.parametrize(
    "name", ["exhibit.yaml", "statement.yaml", "timeline.yaml", "figures.yaml"]
)
def test_shipped_schemas_are_current_and_accept_the_content(name: str) -> None:
    schema_path = REPO / "content" / "schema" / name.replace(".yaml", ".schema.json")
    shipped = json.loads(schema_path.read_text(encoding="utf-8"))
    assert shipped == file_schema(name), "run: kiosk schema --out content/schema"
    content_text = (REPO / "content" / name).read_text(encoding="utf-8")
    assert content_text.startswith(f"# yaml-language-server: $schema=schema/{schema_path.name}")
    errors = list(Draft202012Validator(shipped).iter_errors(yaml.safe_load(content_text)))
    assert errors == []


def test_the_schema_rejects_what_the_loader_rejects() -> None:
    schema = file_schema("exhibit.yaml")
    validator = Draft202012Validator(schema)
    data = yaml.safe_load((REPO / "content" / "exhibit.yaml").read_text(encoding="utf-8"))
    data["default_langauge"] = data.pop("default_language")
    assert not validator.is_valid(data)
    data["default_language"] = data.pop("default_langauge")
    data["theme"]["colours"]["accent"] = "red"
    assert not validator.is_valid(data)


def test_the_decoders_time_limit_grows_with_the_number_of_pictures(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Found by bench/scale.py: one 30 s limit for all pictures together refused a valid
    exhibit of 200 large pictures as a whole."""
    limits: list[float] = []

    def fake_run(command, **options):  # type: ignore[no-untyped-def]
        limits.append(options["timeout"])
        return subprocess.CompletedProcess(command, 0, stdout="", stderr="")

    monkeypatch.setattr(subprocess, "run", fake_run)
    checks.decode_images([Path(f"/pictures/{index}.jpg") for index in range(200)])
    checks.decode_images([Path("/pictures/one.jpg")])
    assert limits[0] >= checks.PROBE_TIMEOUT_S + 200 * 2
    assert limits[1] < limits[0]
