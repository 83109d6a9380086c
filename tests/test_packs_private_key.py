"""A private key lying in the content folder never goes into a pack, by any route: it is
found by what it holds (a PEM private key), whatever its name (review of issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.packs.keys import generate_keypair
from test_packs_support import content_copy, pack_cli


@pytest.mark.parametrize(
    "place",
    ["old-staff.key", "notes/backup.txt", "pictures/readme"],
    ids=["keygen-name", "renamed", "no-suffix"],
)
def test_pack_build_refuses_a_private_key_in_the_folder_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], place: str
) -> None:
    folder = content_copy(tmp_path / "content")
    key, _public, _fingerprint = generate_keypair(tmp_path / "staff")
    target = folder / place
    target.parent.mkdir(parents=True, exist_ok=True)
    # Some text before it, as a note pasted into a file would have.
    target.write_bytes(b"kept here for safety\n" + key.read_bytes())
    out = tmp_path / "exhibit.zip"
    assert pack_cli("build", folder, "-o", out) == 1
    said = capsys.readouterr().err
    assert f"'{place}'" in said and "private key" in said and "move it out" in said
    assert not out.exists()


def test_a_public_key_in_the_folder_is_packed(tmp_path: Path) -> None:
    folder = content_copy(tmp_path / "content")
    generate_keypair(tmp_path / "staff")
    (folder / "staff.pub").write_bytes((tmp_path / "staff.pub").read_bytes())
    assert pack_cli("build", folder, "-o", tmp_path / "exhibit.zip") == 0
