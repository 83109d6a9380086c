"""Content packs: building, keys, signing and verifying."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from test_packs_support import content_copy, crafted_pack, folder_files, pack_cli, write_zip

PUBLIC_PEM_HEADER = b"-----BEGIN PUBLIC KEY-----"


def build(tmp_path: Path, name: str = "exhibit.zip", **kwargs: object) -> Path:
    folder = content_copy(tmp_path / f"content-{name}", **kwargs)  # type: ignore[arg-type]
    out = tmp_path / name
    assert pack_cli("build", folder, "-o", out) == 0
    return out


def keypair(tmp_path: Path, name: str) -> tuple[Path, Path]:
    assert pack_cli("keygen", "--out", tmp_path / name) == 0
    return tmp_path / f"{name}.key", tmp_path / f"{name}.pub"


def test_build_writes_every_file_and_a_manifest_of_their_hashes(tmp_path: Path) -> None:
    folder = content_copy(tmp_path / "content", variant="a", extra={"deep/er/file.txt": "x"})
    out = tmp_path / "exhibit.zip"
    assert pack_cli("build", folder, "-o", out) == 0
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        contents = {name: archive.read(name) for name in names - {"manifest.json"}}
    expected = folder_files(folder)
    assert names == {*expected, "manifest.json"}
    assert "deep/er/file.txt" in names and "notes/a.txt" in names  # POSIX, relative
    assert contents == expected
    assert manifest["format"] == 1
    assert manifest["schema_version"] == 1
    assert manifest["files"] == {
        name: hashlib.sha256(data).hexdigest() for name, data in expected.items()
    }
    created = datetime.fromisoformat(manifest["created"])
    assert manifest["created"].endswith("Z")
    assert abs((datetime.now(UTC) - created).total_seconds()) < 600
    assert stat.S_IMODE(out.stat().st_mode) & 0o044  # readable by others: a normal file


def test_build_then_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = build(tmp_path)
    capsys.readouterr()
    assert pack_cli("verify", out) == 0
    verdict = capsys.readouterr().out
    assert "valid" in verdict and "INVALID" not in verdict
    assert "unsigned" in verdict


def test_build_refuses_invalid_content_and_prints_its_issues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = content_copy(tmp_path / "content")
    timeline = folder / "timeline.yaml"
    timeline.write_text(timeline.read_text("utf-8") + "\n  - [unclosed\n", "utf-8")
    out = tmp_path / "exhibit.zip"
    assert pack_cli("build", folder, "-o", out) == 1
    err = capsys.readouterr().err
    assert "timeline.yaml:" in err and ": error: " in err
    assert "kiosk pack: 1 error in the content of" in err
    assert err.rstrip().endswith("no pack was built")
    assert not out.exists()
    assert list(tmp_path.glob(".exhibit.zip*")) == []


def test_build_refuses_symlinks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = content_copy(tmp_path / "content")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the kiosk", "utf-8")
    (folder / "linked.txt").symlink_to(secret)
    assert pack_cli("build", folder, "-o", tmp_path / "exhibit.zip") == 1
    assert "'linked.txt' is a symbolic link" in capsys.readouterr().err


def test_build_refuses_a_linked_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = content_copy(tmp_path / "content")
    (tmp_path / "elsewhere").mkdir()
    (folder / "images").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert pack_cli("build", folder, "-o", tmp_path / "exhibit.zip") == 1
    assert "'images' is a symbolic link" in capsys.readouterr().err


def test_build_usage_problems_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert pack_cli("build", tmp_path / "missing", "-o", tmp_path / "x.zip") == 2
    assert "no such content folder" in capsys.readouterr().err
    folder = content_copy(tmp_path / "content")
    assert pack_cli("build", folder, "-o", folder / "inside.zip") == 2
    assert "inside the content folder" in capsys.readouterr().err
    assert pack_cli() == 2
    assert pack_cli("install") == 2  # argparse: FILE missing


def test_keygen_writes_a_private_key_only_its_owner_reads(tmp_path: Path) -> None:
    private, public = keypair(tmp_path, "staff")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert private.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")  # PKCS#8
    assert public.read_bytes().startswith(PUBLIC_PEM_HEADER)


def test_keygen_never_overwrites_a_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    private, _ = keypair(tmp_path, "staff")
    before = private.read_bytes()
    assert pack_cli("keygen", "--out", tmp_path / "staff") == 2
    assert "already exists" in capsys.readouterr().err
    assert private.read_bytes() == before


def test_signed_pack_verifies_with_the_right_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = build(tmp_path)
    private, public = keypair(tmp_path, "staff")
    assert pack_cli("sign", out, "--key", private) == 0
    with zipfile.ZipFile(out) as archive:
        assert "manifest.sig" in archive.namelist()
    capsys.readouterr()
    assert pack_cli("verify", out, "--trust", public) == 0
    assert "signed by trusted key" in capsys.readouterr().out


def test_station_keys_are_used_when_none_are_given(tmp_path: Path, data_dir: Path) -> None:
    out = build(tmp_path)
    private, public = keypair(tmp_path, "staff")
    _, other = keypair(tmp_path, "other")
    (data_dir / "trusted-keys").mkdir(parents=True)
    (data_dir / "trusted-keys" / "other.pub").write_bytes(other.read_bytes())
    assert pack_cli("verify", out) == 1  # unsigned, and this station trusts a key
    assert pack_cli("sign", out, "--key", private) == 0
    assert pack_cli("verify", out) == 1  # signed by a key the station does not trust
    (data_dir / "trusted-keys" / "staff.pub").write_bytes(public.read_bytes())
    assert pack_cli("verify", out) == 0


def test_wrong_key_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = build(tmp_path)
    private, _ = keypair(tmp_path, "staff")
    _, other = keypair(tmp_path, "other")
    assert pack_cli("sign", out, "--key", private) == 0
    capsys.readouterr()
    assert pack_cli("verify", out, "--trust", other) == 1
    assert "INVALID: the signature does not match any trusted key" in capsys.readouterr().out


def test_unsigned_pack_is_refused_when_a_key_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = build(tmp_path)
    _, public = keypair(tmp_path, "staff")
    capsys.readouterr()
    assert pack_cli("verify", out, "--trust", public) == 1
    assert "not signed" in capsys.readouterr().out


def test_resigning_replaces_the_signature(tmp_path: Path) -> None:
    out = build(tmp_path)
    first, first_public = keypair(tmp_path, "first")
    second, second_public = keypair(tmp_path, "second")
    assert pack_cli("sign", out, "--key", first) == 0
    assert pack_cli("sign", out, "--key", second) == 0
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist().count("manifest.sig") == 1
    assert pack_cli("verify", out, "--trust", second_public) == 0
    assert pack_cli("verify", out, "--trust", first_public) == 1


def _rewrite(pack: Path, replace: dict[str, bytes]) -> None:
    """The pack with some members' bytes replaced, everything else as it was."""
    with zipfile.ZipFile(pack) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    write_zip(pack, [(name, replace.get(name, data)) for name, data in entries])


def test_tampered_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = build(tmp_path)
    private, public = keypair(tmp_path, "staff")
    assert pack_cli("sign", out, "--key", private) == 0
    with zipfile.ZipFile(out) as archive:
        statement = archive.read("statement.yaml")
    _rewrite(out, {"statement.yaml": statement.replace(b"January", b"Janvier", 1)})
    capsys.readouterr()
    assert pack_cli("verify", out, "--trust", public) == 1
    verdict = capsys.readouterr().out
    assert "'statement.yaml' does not match its hash in the manifest" in verdict


def test_tampered_manifest_breaks_the_signature(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = build(tmp_path)
    private, public = keypair(tmp_path, "staff")
    assert pack_cli("sign", out, "--key", private) == 0
    with zipfile.ZipFile(out) as archive:
        statement = archive.read("statement.yaml") + b"# added after signing\n"
        manifest = json.loads(archive.read("manifest.json"))
    # A consistent forgery: the file and its hash both changed; only the signature knows.
    # (A comment, so the content itself stays valid: verify checks the content too.)
    manifest["files"]["statement.yaml"] = hashlib.sha256(statement).hexdigest()
    forged = (json.dumps(manifest, indent=2) + "\n").encode()
    _rewrite(out, {"statement.yaml": statement, "manifest.json": forged})
    capsys.readouterr()
    assert pack_cli("verify", out, "--trust", public) == 1
    assert "signature does not match" in capsys.readouterr().out
    assert pack_cli("verify", out) == 0  # without keys only integrity is checked: it holds


def test_signing_refuses_an_altered_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = content_copy(tmp_path / "content")
    files = folder_files(folder)
    listed = {**files, "exhibit.yaml": b"something else"}
    out = crafted_pack(tmp_path / "altered.zip", files, listed=listed)
    private, _ = keypair(tmp_path, "staff")
    assert pack_cli("sign", out, "--key", private) == 1
    assert "'exhibit.yaml' does not match its hash" in capsys.readouterr().err
    with zipfile.ZipFile(out) as archive:
        assert "manifest.sig" not in archive.namelist()


def test_key_files_of_the_wrong_kind_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = build(tmp_path)
    private, public = keypair(tmp_path, "staff")
    assert pack_cli("sign", out, "--key", public) == 1
    assert "not a PEM private key" in capsys.readouterr().err
    assert pack_cli("verify", out, "--trust", private) == 1
    assert "not a PEM public key" in capsys.readouterr().err
    assert pack_cli("verify", out, "--trust", tmp_path / "nope.pub") == 2
    assert "no such key file" in capsys.readouterr().err


def test_pack_modules_never_import_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, kiosk.packs; "
        "[importlib.import_module('kiosk.packs.' + m.name) "
        " for m in pkgutil.iter_modules(kiosk.packs.__path__)]; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == "[]"
