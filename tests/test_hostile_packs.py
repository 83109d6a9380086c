"""Hostile packs: replays of older packs, the pack tool's edges (deep manifests, bombs at the
floor, one file too many, invisible names) and checks that verify and sign share with install;
the kept versions' size budget."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from kiosk.packs.archive import open_pack
from kiosk.packs.build import build_pack
from kiosk.packs.errors import PackError
from kiosk.packs.install import install_pack
from kiosk.packs.limits import MiB
from kiosk.packs.manifest import parse_manifest
from kiosk.packs.names import name_problem
from kiosk.packs.pointer import store_root
from kiosk.packs.store import ContentStore, active_content_dir
from test_packs_support import (
    content_copy,
    crafted_pack,
    folder_files,
    manifest_for,
    pack_cli,
    tree_hashes,
    write_zip,
)

ISO = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"


@pytest.fixture(scope="module")
def three_packs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Packs a, b and c, built in that order."""
    root = tmp_path_factory.mktemp("replay")
    packs = []
    for name in "abc":
        out = root / f"{name}.zip"
        build_pack(content_copy(root / f"content-{name}", variant=name), out)
        packs.append(out)
    return packs


def snapshot(data_dir: Path) -> dict[str, str]:
    return tree_hashes(data_dir) if data_dir.is_dir() else {}


def manifest_of(pack: Path) -> dict[str, object]:
    with zipfile.ZipFile(pack) as archive:
        document = json.loads(archive.read("manifest.json"))
    assert isinstance(document, dict)
    return document


# --- no downgrade, no replay -----------------------------------------------------------


def test_build_stamps_a_growing_sequence(three_packs: list[Path]) -> None:
    sequences = [manifest_of(pack)["sequence"] for pack in three_packs]
    numbers = [value for value in sequences if type(value) is int]
    assert numbers == sequences  # integers: not booleans, not strings
    assert numbers == sorted(numbers) and len(set(numbers)) == 3


def test_rebuilding_over_a_pack_never_lowers_its_sequence(tmp_path: Path) -> None:
    folder = content_copy(tmp_path / "content", variant="again")
    out = tmp_path / "again.zip"
    build_pack(folder, out)
    first = manifest_of(out)["sequence"]
    assert isinstance(first, int)
    # A pack from a machine whose clock was far ahead: the next build still goes up.
    document = manifest_of(out)
    document["sequence"] = first + 10**15
    with zipfile.ZipFile(out) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files["manifest.json"] = json.dumps(document).encode()
    write_zip(out, list(files.items()))
    build_pack(folder, out)
    assert manifest_of(out)["sequence"] == first + 10**15 + 1


def test_an_older_pack_after_a_newer_one_is_refused(
    data_dir: Path, three_packs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, _ = three_packs
    assert pack_cli("install", b) == 0
    before = snapshot(data_dir)
    capsys.readouterr()
    assert pack_cli("install", a) == 1
    err = capsys.readouterr().err
    assert len(re.findall(ISO, err)) >= 2, err  # its date and the active one's
    assert "older" in err and "--allow-older" in err
    assert snapshot(data_dir) == before
    # Staff who mean it can go back.
    assert pack_cli("install", a, "--allow-older") == 0
    assert "notes/a.txt" in tree_hashes(active_content_dir() or Path("/nonexistent"))


def test_a_superseded_pack_is_refused_even_over_a_rolled_back_version(
    data_dir: Path, three_packs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, c = three_packs
    assert pack_cli("install", a) == 0
    assert pack_cli("install", c) == 0
    assert pack_cli("rollback") == 0  # rollback is never blocked: back to a
    assert "notes/a.txt" in tree_hashes(active_content_dir() or Path("/nonexistent"))
    before = snapshot(data_dir)
    capsys.readouterr()
    assert pack_cli("install", b) == 1  # newer than a, but c superseded it
    err = capsys.readouterr().err
    assert "superseded" in err and len(re.findall(ISO, err)) >= 2, err
    assert snapshot(data_dir) == before
    assert pack_cli("install", c) == 0  # forward again is fine


# --- pack tool edges -------------------------------------------------------------------


def deep_manifest_pack(path: Path) -> Path:
    depth = 100_000
    return write_zip(path, [("exhibit.yaml", b"x"), ("manifest.json", b"[" * depth + b"]" * depth)])


def test_a_deeply_nested_manifest_is_refused_clearly(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = deep_manifest_pack(tmp_path / "deep.zip")
    with pytest.raises(PackError, match="nested"):
        parse_manifest(b"{" * 50_000)
    capsys.readouterr()
    assert pack_cli("verify", pack) == 1
    assert pack_cli("install", pack) == 1
    err = capsys.readouterr()
    assert "nested" in err.out + err.err
    assert not (data_dir / "content-store" / "versions").exists() or not any(
        (data_dir / "content-store" / "versions").iterdir()
    )


def test_the_signature_is_checked_before_the_manifest_is_parsed(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert pack_cli("keygen", "--out", tmp_path / "staff") == 0
    assert pack_cli("trust", tmp_path / "staff.pub") == 0
    pack = deep_manifest_pack(tmp_path / "deep.zip")
    capsys.readouterr()
    assert pack_cli("install", pack) == 1
    assert "not signed" in capsys.readouterr().err


def test_an_entry_of_exactly_one_mib_is_checked_for_its_ratio(tmp_path: Path) -> None:
    pack = crafted_pack(tmp_path / "bomb.zip", {"zeros.bin": bytes(MiB)})
    with pytest.raises(PackError, match="expands"), open_pack(pack):
        pass


def test_an_unsigned_pack_may_hold_2000_files_not_2001(tmp_path: Path) -> None:
    files = {f"n/{index}.txt": b"x" for index in range(2001)}
    with (
        pytest.raises(PackError, match="2001 files; at most 2000"),
        open_pack(crafted_pack(tmp_path / "many.zip", files)),
    ):
        pass
    del files["n/0.txt"]
    with open_pack(crafted_pack(tmp_path / "enough.zip", files)) as opened:
        assert len(opened.checked.members) == 2000


@pytest.mark.parametrize(
    "name",
    [
        "exhibit\u202egpj.yaml",  # right-to-left override
        "pic\u200b.png",  # zero-width space
        "a\u2066b.txt",  # left-to-right isolate
        "\ufeffstatement.yaml",  # byte order mark
        "x\u200d.txt",  # zero-width joiner
        "y\u061c.txt",  # Arabic letter mark
    ],
)
def test_invisible_and_direction_characters_are_refused_in_names(name: str, tmp_path: Path) -> None:
    assert name_problem(name) is not None
    pack = crafted_pack(tmp_path / "names.zip", {name: b"x"})
    with pytest.raises(PackError, match="invisible"), open_pack(pack):
        pass


def test_verify_and_sign_refuse_content_that_install_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {"hello.txt": b"not an exhibit"}
    pack = crafted_pack(tmp_path / "junk.zip", files)
    assert pack_cli("keygen", "--out", tmp_path / "staff") == 0
    capsys.readouterr()
    assert pack_cli("verify", pack) == 1
    out = capsys.readouterr()
    assert "INVALID" in out.out or "error" in out.err
    assert "valid:" not in out.out
    before = pack.read_bytes()
    assert pack_cli("sign", pack, "--key", tmp_path / "staff.key") == 1
    assert pack.read_bytes() == before


def test_verify_refuses_an_unknown_content_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = content_copy(tmp_path / "content")
    files = folder_files(folder)
    manifest = json.loads(manifest_for(files))
    manifest["schema_version"] = 99
    pack = write_zip(
        tmp_path / "future.zip",
        [*files.items(), ("manifest.json", json.dumps(manifest).encode())],
    )
    capsys.readouterr()
    assert pack_cli("verify", pack) == 1
    assert "schema 99" in capsys.readouterr().out


# --- kept versions: a size budget --------------------------------------------------------


def test_kept_versions_fit_a_size_budget_but_active_previous_stay(
    tmp_path: Path, data_dir: Path, three_packs: list[Path]
) -> None:
    # Each version of the shipped exhibit is a few MB; a budget of 64 MiB would hold them
    # all, so the store is told its budget directly.
    (tmp_path / "station.yaml").write_text("content_store_budget_mib: 64\n", "utf-8")
    for pack in three_packs:
        assert pack_cli("install", pack) == 0
    store = ContentStore.default()
    assert store.budget_bytes == 64 * MiB
    assert len(store.versions()) == 3
    store.budget_bytes = 1  # nothing fits: only the active one and the previous stay
    assert len(store.prune_candidates()) == 1
    active = store.active_id()
    kept = {v.id for v in store.versions()} - set(store.prune_candidates())
    assert active in kept and store.rollback_chain(active or "")[0] in kept


def test_verify_says_when_this_station_would_refuse_a_pack_as_older(
    three_packs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, _ = three_packs
    assert pack_cli("install", b) == 0
    capsys.readouterr()
    assert pack_cli("verify", a) == 0  # the pack itself is fine
    out = capsys.readouterr().out
    assert "valid:" in out and "needs --allow-older" in out


def test_installs_prune_to_the_budget_keeping_active_and_previous(
    data_dir: Path, three_packs: list[Path]
) -> None:
    store = ContentStore(store_root(None), budget_bytes=1)  # nothing fits
    for pack in three_packs:
        install_pack(pack, [], store=store)
    kept = [version.id for version in store.versions()]
    assert len(kept) == 2
    active = store.active_id()
    assert active == kept[0] and store.rollback_chain(active)[0] == kept[1]
