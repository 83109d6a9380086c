"""Content packs: installing, listing, rolling back, pruning, trusted keys, the pointer."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from kiosk.packs.build import build_pack
from kiosk.packs.errors import PackError
from kiosk.packs.install import install_pack
from kiosk.packs.lock import exclusive_lock
from kiosk.packs.rollback import rollback
from kiosk.packs.store import FACTORY, ContentStore, active_content_dir
from test_packs_support import (
    content_copy,
    crafted_pack,
    folder_files,
    manifest_for,
    pack_cli,
    tree_hashes,
    write_zip,
)


def make_pack(tmp_path: Path, variant: str) -> tuple[Path, Path]:
    """A built pack of the shipped content, told apart by ``variant``; and its folder."""
    folder = content_copy(tmp_path / f"content-{variant}", variant=variant)
    out = tmp_path / f"{variant}.zip"
    build_pack(folder, out)
    return out, folder


def listing(capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert pack_cli("list") == 0
    return capsys.readouterr().out.splitlines()[1:]  # after the store's path


def version_of(line: str) -> str:
    return line[2:].split(maxsplit=1)[0]


def active_hashes() -> dict[str, str]:
    folder = active_content_dir()
    assert folder is not None
    return tree_hashes(folder)


def test_nothing_installed_means_the_factory_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert active_content_dir() is None
    assert listing(capsys) == ["* factory default (bundled)  (active, showing)"]
    assert pack_cli("rollback") == 1
    assert "nothing to roll back to" in capsys.readouterr().err


def test_install_list_install_rollback_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, first_folder = make_pack(tmp_path, "first")
    second, second_folder = make_pack(tmp_path, "second")

    assert pack_cli("install", first) == 0
    files = len(tree_hashes(first_folder))  # the shipped exhibit's files, plus a note
    assert f"installed: {files} files, unsigned" in (out := capsys.readouterr().out)
    assert "now active (was the factory default)" in out
    assert active_hashes() == tree_hashes(first_folder)
    lines = listing(capsys)
    assert len(lines) == 2
    assert lines[0].startswith("* ") and lines[0].endswith("(active, showing)")
    assert "from first.zip" in lines[0] and '"' in lines[0]  # the exhibit's title
    assert "schema 1" in lines[0] and "made 20" in lines[0] and "installed 20" in lines[0]
    assert "unsigned" in lines[0]
    assert lines[1] == "  factory default (bundled)"
    first_id = version_of(lines[0])

    assert pack_cli("install", second) == 0
    assert active_hashes() == tree_hashes(second_folder)
    lines = listing(capsys)
    second_id = version_of(lines[0])
    assert [line[:1] for line in lines] == ["*", " ", " "]
    assert version_of(lines[1]) == first_id  # newest first

    assert pack_cli("rollback") == 0
    assert f"{first_id} is now active (was {second_id})" in capsys.readouterr().out
    assert active_hashes() == tree_hashes(first_folder)
    lines = listing(capsys)
    assert [version_of(line) for line in lines[:2]] == [second_id, first_id]
    assert lines[1].startswith(f"* {first_id}")

    # Before the earliest version: the factory default it replaced.
    assert pack_cli("rollback") == 0
    assert active_content_dir() is None
    assert pack_cli("rollback", "--to", "factory") == 1
    assert "factory is already active" in capsys.readouterr().err
    assert listing(capsys)[-1] == "* factory default (bundled)  (active, showing)"
    assert pack_cli("rollback", "--to", second_id) == 0  # forward again
    assert active_hashes() == tree_hashes(second_folder)
    assert pack_cli("rollback", "--to", "20990101T000000Z-00000000") == 1


def test_installed_content_is_exactly_the_packed_folder(tmp_path: Path) -> None:
    pack, folder = make_pack(tmp_path, "exact")
    installed = install_pack(pack, [])
    assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{8}", installed.version)
    content = active_content_dir()
    assert content is not None
    assert content == ContentStore.default().content_dir(installed.version)
    assert tree_hashes(content) == tree_hashes(folder)


def test_trusted_keys_make_signatures_required(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack, folder = make_pack(tmp_path, "signed")
    assert pack_cli("keygen", "--out", tmp_path / "staff") == 0
    assert pack_cli("keygen", "--out", tmp_path / "other") == 0
    keys = data_dir / "trusted-keys"
    keys.mkdir(parents=True)
    (keys / "staff.pub").write_bytes((tmp_path / "staff.pub").read_bytes())
    capsys.readouterr()

    assert pack_cli("install", pack) == 1
    assert "not signed, and signed packs are required" in capsys.readouterr().err
    assert pack_cli("sign", pack, "--key", tmp_path / "other.key") == 0
    assert pack_cli("install", pack) == 1
    assert "does not match any trusted key" in capsys.readouterr().err
    assert active_content_dir() is None
    assert pack_cli("install", pack, "--trust", tmp_path / "other.pub") == 0  # --trust adds
    assert pack_cli("sign", pack, "--key", tmp_path / "staff.key") == 0
    assert pack_cli("rollback", "--to", "factory") == 0
    assert pack_cli("install", pack) == 0
    assert active_hashes() == tree_hashes(folder)
    assert "signed by " in listing(capsys)[0]


def test_damaged_trusted_key_refuses_installs(tmp_path: Path, data_dir: Path) -> None:
    pack, _ = make_pack(tmp_path, "any")
    (data_dir / "trusted-keys").mkdir(parents=True)
    (data_dir / "trusted-keys" / "broken.pub").write_text("not a key", "utf-8")
    with pytest.raises(PackError, match=r"broken\.pub is not a PEM public key"):
        install_pack(pack, [])


def test_invalid_content_in_a_pack_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, good_folder = make_pack(tmp_path, "good")
    assert pack_cli("install", good) == 0
    folder = content_copy(tmp_path / "broken")
    figures = folder / "figures.yaml"
    figures.write_text(figures.read_text("utf-8").replace("figures:", "figures: [", 1), "utf-8")
    # Build refuses such content, so the pack is made by hand, with correct hashes.
    pack = crafted_pack(tmp_path / "broken.zip", folder_files(folder))
    capsys.readouterr()
    # Made by hand with an old date: allowed as older, so the content check is what refuses.
    assert pack_cli("install", pack, "--allow-older") == 1
    err = capsys.readouterr().err
    assert "figures.yaml:" in err and ": error: " in err
    assert "error" in err and "nothing was changed" in err
    assert active_hashes() == tree_hashes(good_folder)
    store = ContentStore.default()
    assert list(store.staging_dir.iterdir()) == []
    assert len(store.versions()) == 1


def test_pack_for_another_schema_is_refused(tmp_path: Path) -> None:
    folder = content_copy(tmp_path / "content")
    files = folder_files(folder)
    manifest = json.loads(manifest_for(files))
    manifest["schema_version"] = 2
    pack = write_zip(
        tmp_path / "future.zip",
        [*files.items(), ("manifest.json", json.dumps(manifest).encode())],
    )
    with pytest.raises(PackError, match="content schema 2; this kiosk reads schema 1"):
        install_pack(pack, [])


def test_old_versions_are_pruned_keeping_the_active_and_three_before_it(
    tmp_path: Path,
) -> None:
    store = ContentStore.default()
    installed = [install_pack(make_pack(tmp_path, f"v{n}")[0], []).version for n in range(7)]
    kept = [version.id for version in store.versions()]
    assert kept == installed[::-1][:5]
    assert store.active_id() == installed[-1]
    assert list(store.trash_dir.iterdir()) == []
    # Back three times, then a new install over installed[3].
    for _ in range(3):
        rollback(store)
    assert store.active_id() == installed[3]
    newest = install_pack(make_pack(tmp_path, "v7")[0], []).version
    kept = [version.id for version in store.versions()]
    # Kept: the active one, where rollbacks from it go (3, then 2; 1 is gone already),
    # then the most recent others up to five.
    assert kept == [newest, installed[6], installed[5], installed[3], installed[2]]
    assert store.rollback_chain(newest) == [installed[3], installed[2]]
    assert rollback(store).active == installed[3]  # undoes the install: what showed before
    assert rollback(store).active == installed[2]


def test_reinstalling_a_pack_reuses_it_and_moves_it_to_the_top(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, first_folder = make_pack(tmp_path, "first")
    second, _ = make_pack(tmp_path, "second")
    one = install_pack(first, []).version
    two = install_pack(second, []).version
    again = install_pack(first, [], allow_older=True)  # older than second: a deliberate return
    assert again.reused and again.version == one and again.previous == two
    assert active_hashes() == tree_hashes(first_folder)
    assert [version.id for version in ContentStore.default().versions()] == [one, two]
    assert rollback(ContentStore.default()).active == two  # back to what was showing


def test_a_damaged_installed_version_is_never_reused_or_rolled_back_to(
    tmp_path: Path,
) -> None:
    first, first_folder = make_pack(tmp_path, "first")
    second, _ = make_pack(tmp_path, "second")
    store = ContentStore.default()
    one = install_pack(first, []).version
    install_pack(second, [])
    (store.content_dir(one) / "exhibit.yaml").write_text("edited by hand\n", "utf-8")
    with pytest.raises(PackError, match=f"version {one} was altered: 'exhibit.yaml'"):
        rollback(store)
    fresh = install_pack(first, [], allow_older=True)
    assert not fresh.reused and fresh.version == f"{one}-2"
    assert active_hashes() == tree_hashes(first_folder)


def test_abandoned_staging_is_removed_by_the_next_install(tmp_path: Path) -> None:
    store = ContentStore.default()
    store.prepare()
    leftover = store.staging_dir / "install-crashed"
    (leftover / "content").mkdir(parents=True)
    (leftover / "content" / "exhibit.yaml").write_text("half", "utf-8")
    (store.trash_dir / "old").mkdir()
    install_pack(make_pack(tmp_path, "v")[0], [])
    assert list(store.staging_dir.iterdir()) == []
    assert list(store.trash_dir.iterdir()) == []


def test_one_install_at_a_time(tmp_path: Path) -> None:
    pack, _ = make_pack(tmp_path, "v")
    store = ContentStore.default()
    store.prepare()
    with exclusive_lock(store.lock_path()), pytest.raises(PackError, match="another pack"):
        install_pack(pack, [])
    install_pack(pack, [])  # the lock is free again


@pytest.mark.parametrize(
    "pointer",
    [
        b"",
        b"\xff\xfe\x00garbage",
        b"20261125T193000Z-deadbeef\n",  # a version that is not there
        b"../../etc\n",
        b"x" * 10_000,
        FACTORY.encode(),
    ],
)
def test_active_content_dir_with_a_corrupt_pointer_is_none(tmp_path: Path, pointer: bytes) -> None:
    install_pack(make_pack(tmp_path, "v")[0], [])
    store = ContentStore.default()
    assert active_content_dir() is not None
    store.pointer.write_bytes(pointer)
    assert active_content_dir() is None


def test_active_content_dir_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", "utf-8")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(not_a_folder))
    assert active_content_dir() is None
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "other"))
    store = ContentStore.default()
    store.prepare()
    store.pointer.mkdir()  # a folder where the pointer file should be
    assert active_content_dir() is None


def test_list_notes_a_damaged_pointer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    install_pack(make_pack(tmp_path, "v")[0], [])
    ContentStore.default().pointer.write_bytes(b"nonsense")
    lines = listing(capsys)
    assert lines[-2] == "* factory default (bundled)  (active, showing)"
    assert "is damaged" in lines[-1]


def test_install_is_quick(tmp_path: Path) -> None:
    pack, _ = make_pack(tmp_path, "v")
    started = time.perf_counter()
    install_pack(pack, [])
    assert time.perf_counter() - started < 5


def test_rollback_undoes_the_last_switch_and_walks_back_the_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, first_folder = make_pack(tmp_path, "first")
    second, second_folder = make_pack(tmp_path, "second")
    assert pack_cli("install", first) == 0
    assert pack_cli("rollback") == 0  # the first install undone: the factory default
    assert active_content_dir() is None
    assert pack_cli("install", first) == 0
    assert pack_cli("install", second) == 0
    assert pack_cli("rollback", "--to", "factory") == 0
    # Each rollback undoes one more switch, newest first.
    assert pack_cli("rollback") == 0
    assert active_hashes() == tree_hashes(second_folder)
    assert pack_cli("rollback") == 0
    assert active_hashes() == tree_hashes(first_folder)
    assert pack_cli("rollback") == 0
    assert active_content_dir() is None
    capsys.readouterr()
    assert pack_cli("rollback") == 1
    assert "nothing to roll back to" in capsys.readouterr().err
