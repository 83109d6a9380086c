"""The cache of the validated content model: used when it is exactly this content, and
refused on any doubt (then the content is loaded the normal way).  No Qt."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import kiosk.cli
import kiosk.content_cache
from content_cases import build_case
from kiosk.content import loader
from kiosk.content.loader import load_exhibit
from kiosk.content.model import Exhibit

cli = kiosk.cli
content_cache = kiosk.content_cache


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The base exhibit, sealed, with pictures/light.png on its 1991 moment."""
    return build_case("image-ok", tmp_path)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _stored(folder: Path, data: Path) -> Exhibit:
    exhibit = load_exhibit(folder)
    assert content_cache.store(exhibit, folder, data)
    return exhibit


def _no_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(folder: Path) -> Exhibit:
        raise AssertionError("the content was parsed although its cache was valid")

    monkeypatch.setattr(loader, "load_exhibit", refuse)


def test_the_cache_names_the_files_the_loader_reads() -> None:
    assert content_cache.CONTENT_FILES == loader.FILES


def test_a_valid_cache_gives_the_same_exhibit_without_parsing(
    folder: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exhibit = _stored(folder, data)
    assert any(moment.image is not None for moment in exhibit.timeline)
    assert exhibit.statement.seal is not None
    _no_loader(monkeypatch)
    assert content_cache.load_cached(folder, data) == exhibit


def test_the_kiosk_command_loads_from_the_cache_and_fills_it_on_a_miss(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = Path(os.environ["KIOSK_DATA_DIR"])
    first = cli._load_to_show(folder)  # a miss: parsed, checked, kept
    assert first is not None
    assert content_cache.cache_path(data).is_file()
    _no_loader(monkeypatch)
    assert cli._load_to_show(folder) == first


def test_the_cache_file_is_for_its_owner_only(folder: Path, data: Path) -> None:
    _stored(folder, data)
    assert content_cache.cache_path(data).stat().st_mode & 0o077 == 0


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _doc(data: Path) -> dict[str, object]:
    document: dict[str, object] = json.loads(
        content_cache.cache_path(data).read_text(encoding="utf-8")
    )
    return document


def _write_doc(data: Path, document: dict[str, object]) -> None:
    content_cache.cache_path(data).write_text(json.dumps(document), encoding="utf-8")


def _figures_text(folder: Path) -> str:
    return (folder / "figures.yaml").read_text(encoding="utf-8")


def _folder_instead(data: Path) -> None:
    content_cache.cache_path(data).unlink()
    content_cache.cache_path(data).mkdir()


def _link_instead(data: Path) -> None:
    content_cache.cache_path(data).rename(data / "elsewhere.json")
    content_cache.cache_path(data).symlink_to(data / "elsewhere.json")


def _led_out(folder: Path) -> None:
    outside = folder.parent / "figures.yaml"
    outside.write_text(_figures_text(folder), encoding="utf-8")
    (folder / "figures.yaml").unlink()
    (folder / "figures.yaml").symlink_to(outside)


DOUBTS: dict[str, Callable[[Path, Path], object]] = {
    "a content file changed": lambda folder, data: _edit(
        folder / "figures.yaml", "schema_version: 1", "schema_version: 1 "
    ),
    "the seal's words file changed": lambda folder, data: (folder / "statement.seal").write_bytes(
        (folder / "statement.seal").read_bytes() + b"\n"
    ),
    "the picture was replaced": lambda folder, data: (
        folder / "pictures" / "light.png"
    ).write_bytes((folder / "pictures" / "light.png").read_bytes()),
    "the picture is gone": lambda folder, data: (folder / "pictures" / "light.png").unlink(),
    "the cache is cut short": lambda folder, data: content_cache.cache_path(data).write_bytes(
        content_cache.cache_path(data).read_bytes()[:100]
    ),
    "the cache is not JSON": lambda folder, data: content_cache.cache_path(data).write_bytes(
        b"\x80\x04\x95 not json"
    ),
    "the cache is empty": lambda folder, data: content_cache.cache_path(data).write_bytes(b""),
    "the cache is a folder": lambda folder, data: _folder_instead(data),
    "the cache is a link": lambda folder, data: _link_instead(data),
    "the cache is of another format": lambda folder, data: _write_doc(
        data, {**_doc(data), "format": content_cache.FORMAT + 1}
    ),
    "the cache names an unknown type": lambda folder, data: _write_doc(
        data,
        {
            **_doc(data),
            "exhibit": json.loads(
                json.dumps(_doc(data)["exhibit"]).replace('"Colours"', '"Popen"', 1)
            ),
        },
    ),
    "the cache has a field too many": lambda folder, data: _write_doc(
        data,
        {
            **_doc(data),
            "exhibit": json.loads(
                json.dumps(_doc(data)["exhibit"], separators=(",", ":")).replace(
                    '{"t":"Colours","f":[', '{"t":"Colours","f":["#000000",', 1
                )
            ),
        },
    ),
    "a content file leads out of the folder": lambda folder, data: _led_out(folder),
}


@pytest.mark.parametrize("doubt", sorted(DOUBTS))
def test_any_doubt_means_a_normal_load(folder: Path, data: Path, doubt: str) -> None:
    _stored(folder, data)
    DOUBTS[doubt](folder, data)
    assert content_cache.load_cached(folder, data) is None


def test_another_kiosk_version_does_not_use_the_cache(
    folder: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stored(folder, data)
    monkeypatch.setattr(content_cache, "__version__", "999.0")
    assert content_cache.load_cached(folder, data) is None


def test_changed_content_code_does_not_use_the_cache(
    folder: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stored(folder, data)
    monkeypatch.setattr(content_cache, "_code_stamp", lambda: "other code\0")
    assert content_cache.load_cached(folder, data) is None


def test_another_folder_with_the_same_files_does_not_use_the_cache(
    folder: Path, data: Path, tmp_path: Path
) -> None:
    _stored(folder, data)
    twin = tmp_path / "twin"
    folder.rename(twin)
    assert content_cache.load_cached(twin, data) is None


def test_words_planted_in_the_cache_are_held_to_the_seal(folder: Path, data: Path) -> None:
    """Someone who can write the data folder and computes the key still cannot change the
    sealed statement: the seal is checked against the cached words on every start."""
    exhibit = _stored(folder, data)
    paragraph = exhibit.statement.paragraphs[0].values["en"]
    document = _doc(data)
    planted = json.dumps(document).replace(json.dumps(paragraph)[1:-1], "Nothing happened.", 1)
    assert planted != json.dumps(document)
    content_cache.cache_path(data).write_text(planted, encoding="utf-8")
    assert content_cache.load_cached(folder, data) is None


def test_a_cache_that_cannot_be_written_is_no_error(folder: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert not content_cache.store(load_exhibit(folder), folder, blocked / "data")


def test_a_doubtful_cache_is_replaced_by_the_normal_load(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = Path(os.environ["KIOSK_DATA_DIR"])
    _stored(folder, data)
    content_cache.cache_path(data).write_bytes(b"{")
    loaded = cli._load_to_show(folder)
    assert loaded == load_exhibit(folder)
    _no_loader(monkeypatch)
    assert content_cache.load_cached(folder, data) == loaded  # written again, now valid


def test_content_that_does_not_load_is_not_cached(folder: Path) -> None:
    data = Path(os.environ["KIOSK_DATA_DIR"])
    _edit(folder / "exhibit.yaml", "schema_version: 1", "schema_version: nine")
    assert cli._load_to_show(folder) is None
    assert not content_cache.cache_path(data).exists()
