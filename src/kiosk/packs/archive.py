"""Reading a pack safely: every entry's name, type and sizes are checked against the limits
and the manifest before a single byte is extracted, and sizes are enforced again while
streaming, since a zip's headers can lie."""

from __future__ import annotations

import hashlib
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kiosk.packs.errors import PackError, UsageError
from kiosk.packs.keys import PublicKey
from kiosk.packs.limits import DEFAULT_LIMITS, Limits
from kiosk.packs.manifest import Manifest, parse_manifest
from kiosk.packs.names import MANIFEST_NAME, SIGNATURE_NAME, collision_key, name_problem
from kiosk.packs.verdict import SignatureVerdict, check_manifest_signature

CHUNK = 1024 * 1024
ALLOWED_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
LOCAL_HEADER_BYTES = 30  # fixed part of a zip local file header
MSDOS_DIRECTORY = 0x10
UTF8_NAME = 0x800  # general purpose flag: the name is UTF-8, else code page 437


@dataclass(frozen=True)
class CheckedPack:
    """A pack whose structure passed every check; the content's hashes are checked as it
    is read (``OpenPack.read``)."""

    manifest: Manifest
    manifest_bytes: bytes
    signature: bytes | None
    members: tuple[zipfile.ZipInfo, ...]  # the content files, by name
    verdict: SignatureVerdict | None = None  # when opened with keys

    @property
    def total_bytes(self) -> int:
        return sum(info.file_size for info in self.members)


class OpenPack:
    """An open pack file; use ``open_pack``."""

    def __init__(self, archive: zipfile.ZipFile, checked: CheckedPack, limits: Limits) -> None:
        self._archive = archive
        self.checked = checked
        self._limits = limits

    def read(self, info: zipfile.ZipInfo, sink: Callable[[bytes], object]) -> None:
        """Stream one content file to ``sink`` and refuse it if its hash or size is wrong.

        The size is counted here rather than trusted from the header: reading stops as soon
        as an entry gives more than it declared (zip bombs with forged sizes).
        """
        digest = hashlib.sha256()
        count = 0
        try:
            with self._archive.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    count += len(chunk)
                    if count > info.file_size or count > self._limits.max_file_bytes:
                        raise PackError(f"'{info.filename}' holds more data than it declares")
                    digest.update(chunk)
                    sink(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise PackError(f"'{info.filename}' is damaged: {error}") from None
        if count != info.file_size:
            raise PackError(f"'{info.filename}' holds less data than it declares")
        if digest.hexdigest() != self.checked.manifest.files[info.filename]:
            raise PackError(
                f"'{info.filename}' does not match its hash in the manifest: "
                "the pack was altered or damaged"
            )

    def check_hashes(self) -> None:
        for info in self.checked.members:
            self.read(info, lambda _chunk: None)

    def extract(self, root: Path, after_first: Callable[[], None] = lambda: None) -> None:
        """Write each content file under ``root`` (made here), checking its size and hash
        as it streams."""
        root.mkdir()
        resolved_root = root.resolve()
        for index, info in enumerate(self.checked.members):
            target = root / info.filename
            # The names were checked already; this guards the checker.
            if not target.resolve().is_relative_to(resolved_root):
                raise PackError(f"entry '{info.filename}' leads out of the content folder")
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("xb") as handle:  # x: never through an existing file or link
                self.read(info, handle.write)
            if index == 0:
                after_first()


@contextmanager
def open_pack(
    path: Path, limits: Limits = DEFAULT_LIMITS, keys: list[PublicKey] | None = None
) -> Iterator[OpenPack]:
    """Open and check a pack's structure and manifest; PackError on the first problem.

    With ``keys`` (the trusted ones; empty: none required) the signature is checked on the
    manifest's raw bytes before they are parsed, and the verdict kept in ``checked``.
    """
    if not path.is_file():
        raise UsageError(f"{path}: no such pack file")
    size = path.stat().st_size
    if size > limits.max_pack_bytes:
        raise PackError(f"{path} is {size} bytes; packs may be at most {limits.max_pack_bytes}")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as error:
        raise PackError(f"{path} is not a readable zip file: {error}") from None
    with archive:
        checked = _check(archive, size, limits, keys)
        yield OpenPack(archive, checked, limits)


def _check(
    archive: zipfile.ZipFile, pack_size: int, limits: Limits, keys: list[PublicKey] | None
) -> CheckedPack:
    infos = archive.infolist()
    # Counted without the manifest and its signature, so an unsigned pack gets no extra file.
    files = sum(1 for info in infos if info.filename not in _PACK_FILES)
    if files > limits.max_files:
        raise PackError(f"the pack has {files} files; at most {limits.max_files} allowed")
    # +2: the manifest and its signature (duplicates of them are refused below).
    if len(infos) > limits.max_files + 2:
        raise PackError(f"the pack has {len(infos)} entries; at most {limits.max_files} allowed")
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        _check_entry(info, limits)
        key = collision_key(info.filename)
        if key in seen:
            raise PackError(
                f"'{info.filename}' appears twice in the pack"
                + ("" if seen[key] == info.filename else f" (as '{seen[key]}')")
            )
        seen[key] = info.filename
        total += info.file_size
        if total > limits.max_total_bytes:
            raise PackError(
                f"the pack unpacks to more than {limits.max_total_bytes} bytes "
                f"(reached at '{info.filename}')"
            )
    _check_no_overlap(infos, pack_size)
    by_name = {info.filename: info for info in infos}
    manifest_bytes = _read_small(archive, by_name, MANIFEST_NAME, limits.max_manifest_bytes)
    if manifest_bytes is None:
        raise PackError("the pack has no manifest.json: it was not made by 'kiosk pack build'")
    signature = _read_small(archive, by_name, SIGNATURE_NAME, limits.max_signature_bytes)
    verdict = None if keys is None else check_manifest_signature(manifest_bytes, signature, keys)
    manifest = parse_manifest(manifest_bytes)
    content = {name: info for name, info in by_name.items() if name not in _PACK_FILES}
    for name in sorted(content):
        if name not in manifest.files:
            raise PackError(f"'{name}' is in the pack but not listed in the manifest")
    for name in sorted(manifest.files):
        if name not in content:
            raise PackError(f"'{name}' is listed in the manifest but missing from the pack")
    members = tuple(content[name] for name in sorted(content))
    return CheckedPack(manifest, manifest_bytes, signature, members, verdict)


_PACK_FILES = frozenset({MANIFEST_NAME, SIGNATURE_NAME})


def _check_entry(info: zipfile.ZipInfo, limits: Limits) -> None:
    name = info.filename
    mode = info.external_attr >> 16
    if info.is_dir() or info.external_attr & MSDOS_DIRECTORY or stat.S_ISDIR(mode):
        raise PackError(f"entry '{name}' is a folder entry; packs hold only regular files")
    problem = name_problem(name)
    if problem:
        raise PackError(f"entry '{name}' {problem}")
    if stat.S_ISLNK(mode):
        raise PackError(f"entry '{name}' is a symbolic link; packs hold only regular files")
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG):
        raise PackError(f"entry '{name}' is a special file; packs hold only regular files")
    if info.flag_bits & 0x1:
        raise PackError(f"entry '{name}' is encrypted")
    if info.compress_type not in ALLOWED_COMPRESSION:
        raise PackError(f"entry '{name}' uses an unsupported compression method")
    if info.file_size > limits.max_file_bytes:
        raise PackError(
            f"entry '{name}' is {info.file_size} bytes; "
            f"files may be at most {limits.max_file_bytes}"
        )
    if info.file_size >= limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(
        info.compress_size, 1
    ):
        ratio = info.file_size / max(info.compress_size, 1)
        raise PackError(
            f"entry '{name}' expands {ratio:.0f} times (at most {limits.max_ratio:.0f}): "
            "a zip bomb?"
        )


def _check_no_overlap(infos: list[zipfile.ZipInfo], pack_size: int) -> None:
    """Entries must not share compressed data: overlapping entries let a small file unpack
    to many large ones (the 'overlapped zip bomb')."""
    ordered = sorted(infos, key=lambda info: info.header_offset)
    for info, following in zip(ordered, [*ordered[1:], None], strict=True):
        # The local header's extra field may add more; this is the least the entry occupies.
        end = (
            info.header_offset
            + LOCAL_HEADER_BYTES
            + len(info.filename.encode("utf-8" if info.flag_bits & UTF8_NAME else "cp437"))
            + info.compress_size
        )
        limit = pack_size if following is None else following.header_offset
        if end > limit:
            raise PackError(f"entry '{info.filename}' overlaps another entry or the pack's end")


def _read_small(
    archive: zipfile.ZipFile, by_name: dict[str, zipfile.ZipInfo], name: str, limit: int
) -> bytes | None:
    info = by_name.get(name)
    if info is None:
        return None
    if info.file_size > limit:
        raise PackError(f"'{name}' is {info.file_size} bytes; at most {limit} allowed")
    try:
        with archive.open(info) as stream:
            data = stream.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise PackError(f"'{name}' is damaged: {error}") from None
    if len(data) > limit:
        raise PackError(f"'{name}' holds more data than it declares")
    return data
