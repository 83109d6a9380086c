"""``kiosk pack build``: a checked content folder to one pack file with its manifest."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import time
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.content.issues import Issue
from kiosk.content.loader import SCHEMA_VERSION
from kiosk.packs.archive import open_pack
from kiosk.packs.content_check import require_valid_content
from kiosk.packs.errors import PackError, UsageError
from kiosk.packs.fsio import CHUNK, fsync_dir, sibling_temp
from kiosk.packs.limits import DEFAULT_LIMITS, Limits
from kiosk.packs.manifest import Manifest, microseconds
from kiosk.packs.names import MANIFEST_NAME, RESERVED_NAMES, collision_key, name_problem

REGULAR_FILE_ATTR = 0o100644 << 16  # a regular file, rw-r--r--: the zip carries no owner
ZIP_EPOCH = 315_532_800  # 1980-01-01, the earliest time a zip entry can carry
# A PEM private key of any kind (the kiosk's PKCS#8, RSA, EC, OpenSSH, encrypted): found by
# what a file holds, not by its name, since a renamed or pasted key is just as secret.
PRIVATE_KEY_PEM = re.compile(rb"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----")
PEM_OVERLAP = 64  # bytes kept between chunks, so a marker split across two is still seen


@dataclass(frozen=True)
class Built:
    manifest: Manifest
    warnings: list[Issue]


def build_pack(folder: Path, out: Path, limits: Limits = DEFAULT_LIMITS) -> Built:
    """Check ``folder``, then write it with a manifest to ``out`` (replaced whole).

    The written pack is read back with the installer's own checks before it replaces
    ``out``, so a pack that builds is a pack that installs.
    """
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such content folder")
    if out.resolve().is_relative_to(folder.resolve()):
        raise UsageError(f"{out} is inside the content folder; write the pack elsewhere")
    warnings = require_valid_content(folder, str(folder))
    files = collect_files(folder, limits)
    created = datetime.now(UTC)
    sequence = next_sequence(created, out)
    temporary = sibling_temp(out)
    try:
        manifest = _write(folder, files, temporary, created.replace(microsecond=0), sequence)
        with open_pack(temporary, limits) as pack:
            pack.check_hashes()  # also catches a file edited while it was being packed
        temporary.replace(out)
    finally:
        temporary.unlink(missing_ok=True)
    fsync_dir(out.parent)
    return Built(manifest, warnings)


def collect_files(folder: Path, limits: Limits) -> list[str]:
    """Every file under ``folder`` as a POSIX relative name, sorted; symbolic links and
    special files are refused (a link could carry a file from outside the folder)."""
    names: list[str] = []
    seen: dict[str, str] = {}
    total = 0
    for current, folders, files in os.walk(folder):
        here = Path(current)
        for entry in sorted(folders) + sorted(files):
            path = here / entry
            name = path.relative_to(folder).as_posix()
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                raise PackError(f"'{name}' is a symbolic link; copy the file in instead")
            if stat.S_ISDIR(mode):
                continue
            if not stat.S_ISREG(mode):
                raise PackError(f"'{name}' is not a regular file")
            problem = name_problem(name)
            if problem:
                raise PackError(f"'{name}' {problem}")
            if name in RESERVED_NAMES:
                raise PackError(f"'{name}' is a name reserved for the pack; rename it")
            key = collision_key(name)
            if key in seen:
                raise PackError(f"'{name}' and '{seen[key]}' differ only in case")
            seen[key] = name
            size = path.lstat().st_size
            if size > limits.max_file_bytes:
                raise PackError(f"'{name}' is {size} bytes; at most {limits.max_file_bytes}")
            if holds_private_key(path):
                raise PackError(
                    f"'{name}' holds a private key, which must never reach a kiosk; "
                    "move it out of the content folder"
                )
            total += size
            names.append(name)
    if len(names) > limits.max_files:
        raise PackError(f"the folder has {len(names)} files; at most {limits.max_files}")
    if total > limits.max_total_bytes:
        raise PackError(f"the folder holds {total} bytes; at most {limits.max_total_bytes}")
    return sorted(names)


def holds_private_key(path: Path) -> bool:
    """True when the file holds a PEM private key anywhere in it."""
    tail = b""
    with path.open("rb") as reader:
        while chunk := reader.read(CHUNK):
            if PRIVATE_KEY_PEM.search(tail + chunk):
                return True
            tail = chunk[-PEM_OVERLAP:]
    return False


def next_sequence(now: datetime, previous: Path) -> int:
    """The new pack's sequence: the microseconds since 1970 (so packs built anywhere sort by
    when they were made), and never less than one more than the pack it replaces, should
    that one come from a machine whose clock ran ahead."""
    sequence = microseconds(now)
    try:
        with open_pack(previous) as pack:
            sequence = max(sequence, pack.checked.manifest.order + 1)
    except (PackError, OSError):
        pass  # no previous pack there (or not a pack): the clock alone
    return sequence


def _write(
    folder: Path, names: list[str], target: Path, created: datetime, sequence: int
) -> Manifest:
    hashes: dict[str, str] = {}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            source = folder / name
            info = zipfile.ZipInfo(name, _zip_time(source.stat().st_mtime))
            info.external_attr = REGULAR_FILE_ATTR
            info.compress_type = zipfile.ZIP_DEFLATED
            digest = hashlib.sha256()
            with source.open("rb") as reader, archive.open(info, "w") as writer:
                while chunk := reader.read(CHUNK):
                    digest.update(chunk)
                    writer.write(chunk)
            hashes[name] = digest.hexdigest()
        manifest = Manifest(
            schema_version=SCHEMA_VERSION, created=created, files=hashes, sequence=sequence
        )
        info = zipfile.ZipInfo(MANIFEST_NAME, _zip_time(time.time()))
        info.external_attr = REGULAR_FILE_ATTR
        archive.writestr(info, manifest.to_bytes(), zipfile.ZIP_DEFLATED)
    with target.open("rb") as handle:
        os.fsync(handle.fileno())
    return manifest


def _zip_time(timestamp: float) -> tuple[int, int, int, int, int, int]:
    moment = time.gmtime(max(timestamp, ZIP_EPOCH))
    return (
        moment.tm_year,
        moment.tm_mon,
        moment.tm_mday,
        moment.tm_hour,
        moment.tm_min,
        moment.tm_sec,
    )
