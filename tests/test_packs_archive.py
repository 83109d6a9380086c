"""Content packs: every unsafe archive is refused before anything is extracted."""

from __future__ import annotations

import io
import stat
import struct
import zipfile
from pathlib import Path
from typing import IO

import pytest

from kiosk.packs.archive import open_pack
from kiosk.packs.errors import PackError
from kiosk.packs.install import install_pack
from kiosk.packs.limits import Limits
from kiosk.packs.names import name_problem
from kiosk.packs.store import ContentStore, active_content_dir
from test_packs_support import content_copy, crafted_pack, folder_files, write_zip

GOOD = {"exhibit.yaml": b"schema_version: 1\n", "notes/a.txt": b"hello\n"}


def refusal(pack: Path, limits: Limits | None = None) -> str:
    """The message a pack is refused with, by the same checks install and verify use."""
    # The refusal may come from opening (structure) or reading (hashes, sizes).
    with pytest.raises(PackError) as caught, open_pack(pack, limits or Limits()) as opened:
        opened.check_hashes()
    return str(caught.value)


def zip_info(name: str, mode: int = 0o100644) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = mode << 16
    return info


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../x", "leads out of the content folder"),
        ("a/../../x", "leads out of the content folder"),
        ("/abs", "is an absolute path"),
        ("C:/x", "starts with a drive letter"),
        ("c:x", "starts with a drive letter"),
        ("a\\b", "uses a backslash"),
        ("a//b", "empty or '.' folder"),
        ("./a", "empty or '.' folder"),
        ("notes/file:stream", "Windows forbids"),
        ("notes/CON.txt", "device name"),
        ("trailing. ", "ending in a dot or space"),
        ("bell\x07", "control character"),
    ],
)
def test_unsafe_names_are_refused(tmp_path: Path, name: str, reason: str) -> None:
    pack = crafted_pack(tmp_path / "bad.zip", {**GOOD, name: b"x"})
    message = refusal(pack)
    assert f"entry '{name}'" in message
    assert reason in message


def test_nul_in_a_name_is_refused() -> None:
    # zipfile cuts names at NUL as it reads them, so this is checked on the name itself.
    assert name_problem("a\x00b") == "has a NUL character in its name"
    assert name_problem("notes/a.txt") is None


def test_symlink_entry_is_refused(tmp_path: Path) -> None:
    link = zip_info("exhibit-link.yaml", stat.S_IFLNK | 0o777)
    pack = crafted_pack(tmp_path / "bad.zip", GOOD, extra_entries=[(link, b"/etc/passwd")])
    assert "entry 'exhibit-link.yaml' is a symbolic link" in refusal(pack)


def test_folder_and_special_entries_are_refused(tmp_path: Path) -> None:
    folder = crafted_pack(tmp_path / "dir.zip", GOOD, extra_entries=[(zip_info("notes/"), b"")])
    assert "entry 'notes/' is a folder entry" in refusal(folder)
    fifo = zip_info("pipe", stat.S_IFIFO | 0o644)
    special = crafted_pack(tmp_path / "fifo.zip", GOOD, extra_entries=[(fifo, b"")])
    assert "entry 'pipe' is a special file" in refusal(special)


def test_duplicate_names_are_refused(tmp_path: Path) -> None:
    twice = crafted_pack(tmp_path / "twice.zip", GOOD, extra_entries=[("notes/a.txt", b"evil")])
    assert "'notes/a.txt' appears twice" in refusal(twice)
    cased = crafted_pack(tmp_path / "cased.zip", GOOD, extra_entries=[("Notes/A.txt", b"x")])
    assert "'Notes/A.txt' appears twice in the pack (as 'notes/a.txt')" in refusal(cased)


def test_oversized_entry_is_refused(tmp_path: Path) -> None:
    pack = crafted_pack(tmp_path / "big.zip", {**GOOD, "big.bin": bytes(range(256)) * 8})
    message = refusal(pack, Limits(max_file_bytes=1000))
    assert "entry 'big.bin' is 2048 bytes; files may be at most 1000" in message


def test_zip_bomb_by_ratio_is_refused(tmp_path: Path) -> None:
    zeros = bytes(2 * 1024 * 1024)  # deflates to about 2 KB: 1000:1
    pack = crafted_pack(tmp_path / "bomb.zip", {**GOOD, "zeros.bin": zeros})
    message = refusal(pack)  # the real limits: 100:1 above 1 MiB
    assert "entry 'zeros.bin' expands" in message and "zip bomb" in message
    # Smaller limits catch a smaller bomb; tiny files (below the floor) are never bombs.
    small = crafted_pack(tmp_path / "small.zip", {**GOOD, "zeros.bin": bytes(64 * 1024)})
    assert "expands" in refusal(small, Limits(ratio_floor_bytes=1024))
    with open_pack(small) as opened:
        opened.check_hashes()


def test_total_size_and_file_count_are_bounded(tmp_path: Path) -> None:
    files = {f"notes/{index}.txt": bytes([65 + index]) * 400 for index in range(5)}
    pack = crafted_pack(tmp_path / "many.zip", files)
    assert "unpacks to more than 1000 bytes" in refusal(pack, Limits(max_total_bytes=1000))
    assert "the pack has 5 files; at most 3 allowed" in refusal(pack, Limits(max_files=3))


def test_file_missing_from_the_manifest_is_refused(tmp_path: Path) -> None:
    pack = crafted_pack(tmp_path / "extra.zip", {**GOOD, "stowaway.txt": b"x"}, listed=GOOD)
    assert "'stowaway.txt' is in the pack but not listed in the manifest" in refusal(pack)


def test_listed_file_missing_from_the_pack_is_refused(tmp_path: Path) -> None:
    pack = crafted_pack(tmp_path / "gone.zip", GOOD, listed={**GOOD, "gone.txt": b"x"})
    assert "'gone.txt' is listed in the manifest but missing from the pack" in refusal(pack)


def test_hash_mismatch_is_refused(tmp_path: Path) -> None:
    pack = crafted_pack(tmp_path / "changed.zip", GOOD, listed={**GOOD, "notes/a.txt": b"hi"})
    assert "'notes/a.txt' does not match its hash in the manifest" in refusal(pack)


def _central_record(raw: bytes | bytearray, name: bytes) -> int:
    """Where the central directory record of ``name`` starts."""
    at = raw.index(b"PK\x01\x02")
    while raw[at + 46 : at + 46 + len(name)] != name:
        at = raw.index(b"PK\x01\x02", at + 4)
    return at


def test_header_that_understates_a_size_is_caught_while_streaming(tmp_path: Path) -> None:
    data = b"A" * 1000
    stored = zipfile.ZipInfo("notes/a.txt")
    stored.compress_type = zipfile.ZIP_STORED
    stored.external_attr = 0o100644 << 16
    files = {"exhibit.yaml": GOOD["exhibit.yaml"]}
    pack = crafted_pack(
        tmp_path / "liar.zip",
        files,
        listed={**files, "notes/a.txt": data},
        extra_entries=[(stored, data)],
    )
    raw = bytearray(pack.read_bytes())
    # The directory now says 10 bytes; the data (and the manifest's hash) are of 1000.
    struct.pack_into("<I", raw, _central_record(raw, b"notes/a.txt") + 24, 10)
    pack.write_bytes(bytes(raw))
    with zipfile.ZipFile(pack) as archive:
        assert archive.getinfo("notes/a.txt").file_size == 10
    message = refusal(pack)
    assert message.startswith("'notes/a.txt' ")
    assert "damaged" in message or "more data than it declares" in message


def test_overlapping_entries_are_refused(tmp_path: Path) -> None:
    pack = crafted_pack(tmp_path / "overlap.zip", GOOD)
    raw = bytearray(pack.read_bytes())
    # The second entry's data now starts where the first's does.
    struct.pack_into("<I", raw, _central_record(raw, b"notes/a.txt") + 42, 0)
    pack.write_bytes(bytes(raw))
    assert "overlaps another entry" in refusal(pack)


def test_broken_and_foreign_files_are_refused(tmp_path: Path) -> None:
    not_zip = tmp_path / "notes.zip"
    not_zip.write_text("hello", "utf-8")
    assert "not a readable zip file" in refusal(not_zip)
    plain = write_zip(tmp_path / "plain.zip", list(GOOD.items()))
    assert "has no manifest.json" in refusal(plain)
    bad_json = write_zip(tmp_path / "json.zip", [*GOOD.items(), ("manifest.json", b"{nope")])
    assert "manifest.json is not valid JSON" in refusal(bad_json)
    doubled = b'{"format": 1, "format": 1}'
    twice = write_zip(tmp_path / "dup.zip", [*GOOD.items(), ("manifest.json", doubled)])
    assert "duplicate key 'format'" in refusal(twice)
    future = b'{"format": 2, "schema_version": 1, "created": "2026-11-25T19:30:00Z", "files": {}}'
    newer = write_zip(tmp_path / "new.zip", [*GOOD.items(), ("manifest.json", future)])
    assert "format 2" in refusal(newer)


def test_refused_pack_leaves_no_trace(tmp_path: Path, data_dir: Path) -> None:
    folder = content_copy(tmp_path / "content")
    files = folder_files(folder)
    pack = crafted_pack(tmp_path / "slip.zip", {**files, "../escaped.txt": b"x"})
    with pytest.raises(PackError, match="leads out"):
        install_pack(pack, [])
    store = ContentStore.default()
    assert not (tmp_path / "escaped.txt").exists()
    assert not (data_dir / "escaped.txt").exists()
    assert list(store.staging_dir.iterdir()) == []
    assert store.versions() == []
    assert active_content_dir() is None


def test_reading_stops_when_an_entry_gives_more_than_it_declared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # zipfile itself stops at the declared size (then the CRC fails); this proves the
    # pack reader's own count holds even for a decoder that does not.
    pack = crafted_pack(tmp_path / "ok.zip", GOOD)
    real_open = zipfile.ZipFile.open

    def generous_open(
        self: zipfile.ZipFile, name: object, *args: object, **kwargs: object
    ) -> IO[bytes]:
        if getattr(name, "filename", name) == "notes/a.txt":
            return io.BytesIO(b"A" * 10_000)
        return real_open(self, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", generous_open)
    assert refusal(pack) == "'notes/a.txt' holds more data than it declares"
