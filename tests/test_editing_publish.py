"""*Publish...*: one step from a content folder to a signed pack on a stick that `kiosk pack
verify` accepts with the staff's public key; refused in plain words when it cannot be, and a
stick that stores other bytes than it was given is caught before the pack takes its name."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

import pytest

from hostile import baseline
from kiosk import cli
from kiosk.editing import publish as publishing
from kiosk.editing.publish import PublishRefused, pack_name, publish
from kiosk.packs import build as building
from kiosk.packs.archive import open_pack
from kiosk.packs.build import build_pack
from kiosk.packs.keys import generate_keypair, load_private_key
from kiosk.packs.signing import sign_pack

DAY = date(2026, 1, 20)
PACK = "20-january-national-mourning-day-2026-01-20.kioskpack"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return baseline(tmp_path / "work")


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path, str]:
    (tmp_path / "keys").mkdir()
    return generate_keypair(tmp_path / "keys" / "museum")


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    target = tmp_path / "media" / "USB STICK"
    target.mkdir(parents=True)
    return target


def test_the_published_pack_passes_kiosk_pack_verify_with_the_staff_key(
    folder: Path, keys: tuple[Path, Path, str], stick: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    private, public, fingerprint = keys
    result = publish(folder, private, stick, DAY)
    assert result.pack == stick / PACK
    assert result.fingerprint == fingerprint
    with open_pack(result.pack) as pack:
        assert pack.checked.manifest.order == result.sequence
    assert sorted(path.name for path in stick.iterdir()) == [PACK]  # no temporary left

    capsys.readouterr()
    assert cli.main(["pack", "verify", str(result.pack), "--trust", str(public)]) == 0
    said = capsys.readouterr().out
    assert f"{result.pack}: valid:" in said
    assert f"signed by trusted key {fingerprint}" in said


def test_a_pack_another_key_signed_is_not_valid_for_the_kiosk(
    folder: Path, keys: tuple[Path, Path, str], stick: Path, tmp_path: Path
) -> None:
    _other_private, other_public, _ = generate_keypair(tmp_path / "keys" / "stranger")
    result = publish(folder, keys[0], stick, DAY)
    assert cli.main(["pack", "verify", str(result.pack), "--trust", str(other_public)]) == 1


def test_the_sequence_only_grows(
    folder: Path, keys: tuple[Path, Path, str], stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = publish(folder, keys[0], stick, DAY)
    again = publish(folder, keys[0], stick, DAY)  # the same name: replaced, and newer
    assert again.sequence > first.sequence
    assert sorted(path.name for path in stick.iterdir()) == [PACK]

    # A pack on the stick from a machine whose clock ran a year ahead: still outranked.
    class Ahead(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Ahead:
            moment = datetime.now(UTC) + timedelta(days=365)
            return cls.fromtimestamp(moment.timestamp(), UTC)

    with monkeypatch.context() as patch:
        patch.setattr(building, "datetime", Ahead)
        build_pack(folder, stick / "from-the-future.kioskpack")
        build_pack(folder, stick / "unsigned-from-the-future.kioskpack")
    sign_pack(stick / "from-the-future.kioskpack", load_private_key(keys[0]))
    with open_pack(stick / "from-the-future.kioskpack") as pack:
        ahead = pack.checked.manifest.order
    later = publish(folder, keys[0], stick, DAY + timedelta(days=1))
    assert later.sequence == ahead + 1
    assert (stick / "from-the-future.kioskpack").is_file()  # read, never replaced

    # Only packs signed with the same key count: a stranger's file cannot push the number.
    (stick / "from-the-future.kioskpack").unlink()
    with open_pack(stick / "unsigned-from-the-future.kioskpack") as pack:
        unsigned = pack.checked.manifest.order
    assert publish(folder, keys[0], stick, DAY + timedelta(days=2)).sequence < unsigned


def test_content_with_errors_is_refused_with_the_findings(
    folder: Path, keys: tuple[Path, Path, str], stick: Path
) -> None:
    timeline = folder / "timeline.yaml"
    timeline.write_text(
        timeline.read_text(encoding="utf-8").replace("year: 1991", "year: nineteen"),
        encoding="utf-8",
    )
    with pytest.raises(PublishRefused) as refused:
        publish(folder, keys[0], stick, DAY)
    assert str(refused.value) == (
        "the content has 1 error; fix it (see the findings) and publish again"
    )
    assert [issue.location.path for issue in refused.value.issues] == ["timeline.yaml"]
    assert list(stick.iterdir()) == []


def test_a_thorough_check_refuses_too(
    folder: Path, keys: tuple[Path, Path, str], stick: Path
) -> None:
    """A picture that does not decode is found by the checks `pack build` makes."""
    picture = folder / "pictures" / "light.png"
    picture.write_bytes(picture.read_bytes()[:40])
    with pytest.raises(PublishRefused) as refused:
        publish(folder, keys[0], stick, DAY)
    assert "cannot be decoded" in refused.value.issues[0].message
    assert list(stick.iterdir()) == []


def test_a_key_inside_the_content_folder_is_refused(
    folder: Path, keys: tuple[Path, Path, str], stick: Path
) -> None:
    inside = folder / "pictures" / "museum.key"
    inside.write_bytes(keys[0].read_bytes())
    with pytest.raises(PublishRefused, match="is inside the content folder"):
        publish(folder, inside, stick, DAY)
    assert list(stick.iterdir()) == []


def test_a_key_that_cannot_be_read_is_refused(
    folder: Path, keys: tuple[Path, Path, str], stick: Path, tmp_path: Path
) -> None:
    with pytest.raises(PublishRefused) as public_given:
        publish(folder, keys[1], stick, DAY)
    assert str(public_given.value) == (
        f"the key cannot be used: {keys[1]} is not a PEM private key"
    )
    with pytest.raises(PublishRefused) as missing:
        publish(folder, tmp_path / "keys" / "lost.key", stick, DAY)
    assert str(missing.value) == (
        f"the key cannot be used: {tmp_path / 'keys' / 'lost.key'}: no such key file"
    )
    assert list(stick.iterdir()) == []


def test_a_missing_target_is_refused(folder: Path, keys: tuple[Path, Path, str]) -> None:
    gone = folder.parent / "unplugged"
    with pytest.raises(PublishRefused, match="is the USB stick plugged in"):
        publish(folder, keys[0], gone, DAY)
    with pytest.raises(PublishRefused, match="inside the content folder"):
        publish(folder, keys[0], folder / "pictures", DAY)


def test_a_stick_that_stores_other_bytes_is_caught(
    folder: Path, keys: tuple[Path, Path, str], stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = publish(folder, keys[0], stick, DAY)
    before = good.pack.read_bytes()

    def failing_stick(reader: BinaryIO, writer: BinaryIO) -> None:
        data = bytearray(reader.read())
        data[len(data) // 2] ^= 0x40  # one bit flipped, as a worn flash cell does
        writer.write(bytes(data))

    monkeypatch.setattr(publishing, "copy_into", failing_stick)
    with pytest.raises(PublishRefused) as refused:
        publish(folder, keys[0], stick, DAY)
    assert "did not verify" in str(refused.value)
    assert "try another one" in str(refused.value)
    # The damaged copy never took the pack's name; the pack published before is untouched.
    assert sorted(path.name for path in stick.iterdir()) == [PACK]
    assert good.pack.read_bytes() == before


def test_the_pack_is_named_after_the_exhibit_and_the_day(tmp_path: Path) -> None:
    folder = tmp_path / "Şəhidlər xatirəsi"
    assert pack_name("20 January - National Mourning Day", folder, DAY) == PACK
    assert pack_name("20 Yanvar", folder, DAY) == "20-yanvar-2026-01-20.kioskpack"
    assert pack_name("…", folder, DAY) == "sehidler-xatiresi-2026-01-20.kioskpack"
    assert pack_name("…", tmp_path / "…", DAY) == "exhibit-2026-01-20.kioskpack"
    long = pack_name("A" * 200, folder, DAY)
    assert long == "a" * 40 + "-2026-01-20.kioskpack"


def test_a_target_name_taken_by_a_folder_is_refused_in_plain_words(
    folder: Path, keys: tuple[Path, Path, str], stick: Path
) -> None:
    (stick / PACK).mkdir()
    with pytest.raises(PublishRefused) as refused:
        publish(folder, keys[0], stick, DAY)
    assert str(refused.value).startswith(f"the pack could not be named {PACK} in {stick}: ")
    assert [path.name for path in stick.iterdir()] == [PACK]  # no temporary left
    assert (stick / PACK).is_dir()


def test_a_pub_file_beside_the_key_that_is_another_keys_is_refused(
    folder: Path, keys: tuple[Path, Path, str], stick: Path, tmp_path: Path
) -> None:
    """Kiosks are given museum.pub to trust: a museum.key that is not its pair would sign
    packs every one of them refuses."""
    private, public, fingerprint = keys
    _, stranger, stranger_print = generate_keypair(tmp_path / "keys" / "stranger")
    public.write_bytes(stranger.read_bytes())
    with pytest.raises(PublishRefused) as refused:
        publish(folder, private, stick, DAY)
    assert str(refused.value) == (
        f"the key cannot be used: {public} beside it is another key's public half "
        f"({stranger_print}, not {fingerprint}): kiosks that trust that file would refuse "
        "these packs"
    )
    assert list(stick.iterdir()) == []
    public.unlink()  # without a .pub beside it, the key's own public half is used
    assert publish(folder, private, stick, DAY).fingerprint == fingerprint
