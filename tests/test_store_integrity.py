"""What is installed stays what was signed: an installed version edited after its install
(figures 150 -> 9999) is never shown, at start-up or by hot reload; the kiosk shows the last
intact version or the factory exhibit, and `kiosk pack list` and `kiosk self-test` say so."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kiosk.cli import content_folder, main
from kiosk.content.loader import load_exhibit
from kiosk.core.pack_follow import follow_intact_store
from kiosk.core.reloader import ActiveVersionFollower, ContentReloader
from kiosk.packs.build import build_pack
from kiosk.packs.integrity import IntegrityChecker, resolve_intact
from kiosk.packs.store import ContentStore, active_content_dir
from kiosk.paths import default_content_dir
from test_packs_support import content_copy, pack_cli, tree_hashes

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot


@pytest.fixture(scope="module")
def two_packs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("integrity")
    packs = []
    for name in ("first", "second"):
        out = root / f"{name}.zip"
        build_pack(content_copy(root / name, variant=name), out)
        packs.append(out)
    return packs


def tamper(folder: Path) -> None:
    figures = folder / "figures.yaml"
    text = figures.read_text("utf-8")
    assert "value: 150" in text
    figures.write_text(text.replace("value: 150", "value: 9999"), "utf-8")


def test_an_altered_active_version_is_never_shown(
    two_packs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert pack_cli("install", two_packs[0]) == 0
    store = ContentStore.default()
    active = store.active_id()
    assert active is not None
    tamper(store.content_dir(active))
    before = tree_hashes(store.root)
    capsys.readouterr()

    assert active_content_dir() is None  # the factory exhibit
    assert content_folder(None) == default_content_dir()
    assert f"{active} was altered: 'figures.yaml'" in capsys.readouterr().err
    assert tree_hashes(store.root) == before  # refusing changes nothing


def test_the_last_intact_version_is_shown_instead(two_packs: list[Path]) -> None:
    first, second = two_packs
    assert pack_cli("install", first) == 0
    assert pack_cli("install", second) == 0
    store = ContentStore.default()
    versions = [version.id for version in store.versions()]  # newest first
    tamper(store.content_dir(versions[0]))
    resolved = resolve_intact(store.root)
    assert resolved.version == versions[1]
    assert active_content_dir() == store.content_dir(versions[1])
    assert "notes/first.txt" in tree_hashes(content_folder(None))
    assert resolved.refused and versions[0] in resolved.refused[0]


def test_an_added_file_or_a_rewritten_manifest_is_caught(two_packs: list[Path]) -> None:
    assert pack_cli("install", two_packs[0]) == 0
    store = ContentStore.default()
    version = store.active_id() or ""
    extra = store.content_dir(version) / "notes" / "advert.txt"
    extra.write_text("buy now\n", "utf-8")
    assert "'notes/advert.txt' was added" in (IntegrityChecker().problem(store.root, version) or "")
    extra.unlink()
    assert IntegrityChecker().problem(store.root, version) is None
    manifest = store.versions_dir / version / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b'"format": 1', b'"format":  1'))
    assert "manifest is not the one installed" in (
        IntegrityChecker().problem(store.root, version) or ""
    )


def test_the_checker_notices_an_edit_after_it_verified(two_packs: list[Path]) -> None:
    assert pack_cli("install", two_packs[0]) == 0
    store = ContentStore.default()
    version = store.active_id() or ""
    checker = IntegrityChecker()
    assert checker.problem(store.root, version) is None
    tamper(store.content_dir(version))
    assert "'figures.yaml'" in (checker.problem(store.root, version) or "")


def test_pack_list_reports_the_alteration(
    two_packs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert pack_cli("install", two_packs[0]) == 0
    store = ContentStore.default()
    tamper(store.content_dir(store.active_id() or ""))
    capsys.readouterr()
    assert pack_cli("list") == 0
    out = capsys.readouterr().out
    assert "ALTERED" in out and "figures.yaml" in out
    assert "factory default (bundled)  (showing" in out
    assert "(active, NOT SHOWN)" in out


def test_self_test_fails_on_an_altered_version(
    qapp: QApplication, two_packs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert pack_cli("install", two_packs[0]) == 0
    store = ContentStore.default()
    version = store.active_id() or ""
    tamper(store.content_dir(version))
    capsys.readouterr()
    assert main(["self-test"]) == 1
    out, err = capsys.readouterr()
    assert "FAILED" in out
    assert f"content store: version {version} was altered: 'figures.yaml'" in err


def test_hot_reload_never_loads_an_altered_version(
    qtbot: QtBot, two_packs: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not the poll (an hour away here): the look the guard takes at each check.
    monkeypatch.setattr(ActiveVersionFollower, "POLL_MS", 3_600_000)
    assert pack_cli("install", two_packs[0]) == 0
    store = ContentStore.default()
    folder = active_content_dir()
    assert folder is not None
    reloader = ContentReloader(folder)
    loaded: list[object] = []
    reloader.content_ready.connect(loaded.append)
    follow_intact_store(reloader, store.root, default_content_dir())  # the reloader owns it
    tamper(folder)
    # The watcher sees the edit; the guard moves the reloader to the factory exhibit before
    # the edited folder's verdict can be loaded.
    qtbot.waitUntil(lambda: reloader.folder == default_content_dir(), timeout=30_000)
    qtbot.waitUntil(lambda: len(loaded) >= 1, timeout=60_000)
    qtbot.wait(0)
    expected = load_exhibit(default_content_dir())
    assert all(exhibit == expected for exhibit in loaded)
    reloader.deleteLater()


def forge_consistently(store: ContentStore, version: str) -> str:
    """The edit a determined forger makes: the file, its hash in the manifest copy, and the
    version's name to match the new manifest (standing in for grinding 2^32 hashes)."""
    folder = store.versions_dir / version
    tamper(folder / "content")
    manifest = json.loads((folder / "manifest.json").read_bytes())
    figures = (folder / "content" / "figures.yaml").read_bytes()
    manifest["files"]["figures.yaml"] = hashlib.sha256(figures).hexdigest()
    data = (json.dumps(manifest, indent=2) + "\n").encode()
    (folder / "manifest.json").write_bytes(data)
    forged = f"{version.split('-', maxsplit=1)[0]}-{hashlib.sha256(data).hexdigest()[:8]}"
    folder.rename(store.versions_dir / forged)
    store.pointer.write_text(forged + "\n", encoding="ascii")
    return forged


def test_self_test_holds_a_signed_version_to_its_signature(
    qapp: QApplication, tmp_path: Path, two_packs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert pack_cli("keygen", "--out", tmp_path / "staff") == 0
    assert pack_cli("trust", tmp_path / "staff.pub") == 0
    pack = tmp_path / "signed.zip"
    shutil.copy(two_packs[0], pack)
    assert pack_cli("sign", pack, "--key", tmp_path / "staff.key") == 0
    assert pack_cli("install", pack) == 0
    store = ContentStore.default()
    forged = forge_consistently(store, store.active_id() or "")
    problem = IntegrityChecker().problem(store.root, forged)  # the name's 32 bits, forged
    assert problem is not None
    assert f"version {forged} is not shown" in problem  # the signature does not cover it
    assert content_folder(None) == default_content_dir()
    capsys.readouterr()
    assert main(["self-test"]) == 1
    assert f"version {forged}" in capsys.readouterr().err


def test_a_station_that_requires_signatures_never_shows_an_unsigned_version(
    tmp_path: Path, two_packs: list[Path]
) -> None:
    """Found by review: signatures were checked at install only, so an unsigned version put
    in the store by the kiosk's own account (which can write it) was shown."""
    assert pack_cli("install", two_packs[0]) == 0  # unsigned, while nothing is trusted
    store = ContentStore.default()
    unsigned = store.active_id()
    assert resolve_intact(store.root).version == unsigned  # no trust: unsigned is fine
    assert pack_cli("keygen", "--out", tmp_path / "staff") == 0
    assert pack_cli("trust", tmp_path / "staff.pub") == 0
    resolved = resolve_intact(store.root)
    assert resolved.folder is None  # the factory exhibit
    assert any(
        "it is not signed, and this station requires signatures" in why for why in resolved.refused
    )


def test_a_linked_folder_inside_a_version_is_refused(tmp_path: Path, two_packs: list[Path]) -> None:
    assert pack_cli("install", two_packs[0]) == 0
    store = ContentStore.default()
    active = store.active_id() or ""
    outside = tmp_path / "outside"
    outside.mkdir()
    (store.content_dir(active) / "extra").symlink_to(outside, target_is_directory=True)
    problem = IntegrityChecker().problem(store.root, active)
    assert problem == f"version {active} was altered: 'extra' is a link"


def test_self_test_fails_when_trust_cannot_be_known(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "station.yaml"
    config.write_text("trusted_keys: [museum.pub\n", encoding="utf-8")
    assert main(["self-test"]) == 1
    err = capsys.readouterr().err
    assert "trust: the station configuration cannot be read with certainty" in err
    assert f"{config}:" in err


def test_the_follower_logs_an_altered_version_once_as_an_error(
    qtbot: QtBot,
    two_packs: list[Path],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An error in the log is what health's "last error" and the staff panel show."""
    monkeypatch.setattr(ActiveVersionFollower, "POLL_MS", 3_600_000)  # only the looks below
    assert pack_cli("install", two_packs[0]) == 0
    store = ContentStore.default()
    folder = active_content_dir()
    assert folder is not None
    reloader = ContentReloader(default_content_dir())
    guard = follow_intact_store(reloader, store.root, default_content_dir())
    tamper(folder)
    with caplog.at_level("ERROR"):
        assert guard.resolve() == default_content_dir()
        assert guard.resolve() == default_content_dir()
    errors = [r for r in caplog.records if r.levelname == "ERROR" and "was altered" in r.message]
    assert len(errors) == 1
    assert "figures.yaml" in errors[0].message and "it is not shown" in errors[0].message
    reloader.deleteLater()


def _hand_installed_versions(root: Path, count: int, files: int) -> list[str]:
    """``count`` installed versions of the same small manifest (its hash names them, as
    the store's installer does), each in its own folder."""
    names = {f"part-{index}.txt": f"part {index}\n".encode() for index in range(files)}
    manifest = json.dumps(
        {
            "schema_version": 1,
            "created": "2026-01-20T00:00:00Z",
            "files": {name: hashlib.sha256(data).hexdigest() for name, data in names.items()},
        }
    ).encode()
    digest = hashlib.sha256(manifest).hexdigest()[:8]
    versions = []
    for number in range(count):
        version = f"20260120T{number:06d}Z-{digest}"
        content = root / "versions" / version / "content"
        content.mkdir(parents=True)
        (content.parent / "manifest.json").write_bytes(manifest)
        for name, data in names.items():
            (content / name).write_bytes(data)
        versions.append(version)
    return versions


def test_the_checker_remembers_a_few_versions_not_every_one_ever_installed(
    tmp_path: Path,
) -> None:
    """A kiosk on a channel installs a new version every publication, for years; what the
    checker remembers of files it hashed must not grow with each of them (the 100,000-event
    soak grew by 0.43 MB per 10,000 events with 400 installs)."""
    import tracemalloc  # noqa: PLC0415

    versions = _hand_installed_versions(tmp_path, 160, files=8)
    checker = IntegrityChecker()
    tracemalloc.start()
    try:
        for version in versions[:40]:
            assert checker.problem(tmp_path, version) is None
        settled, _ = tracemalloc.get_traced_memory()
        for version in versions[40:]:
            assert checker.problem(tmp_path, version) is None
        grown = tracemalloc.get_traced_memory()[0] - settled
    finally:
        tracemalloc.stop()
    assert grown < 100_000, f"{grown} bytes kept for 120 more versions"
    # What it still remembers is still right: a changed file of a recent version is caught.
    (tmp_path / "versions" / versions[-1] / "content" / "part-3.txt").write_bytes(b"9999\n")
    assert "part-3.txt" in (checker.problem(tmp_path, versions[-1]) or "")
