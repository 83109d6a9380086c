"""Helpers shared by the content-pack tests (this module holds no tests of its own)."""

from __future__ import annotations

import hashlib
import shutil
import warnings
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from kiosk.packs.cli import main
from kiosk.packs.manifest import Manifest
from kiosk.paths import default_content_dir

REGULAR = 0o100644 << 16


def content_copy(target: Path, *, variant: str = "", extra: dict[str, str] | None = None) -> Path:
    """A valid content folder: the shipped exhibit, told apart by ``variant`` (a changed
    idle timeout and a note file), plus any ``extra`` files."""
    shutil.copytree(default_content_dir(), target)
    if variant:
        exhibit = target / "exhibit.yaml"
        text = exhibit.read_text(encoding="utf-8")
        seconds = 30 + sum(variant.encode()) % 60
        assert "timeout_seconds: 90" in text
        exhibit.write_text(
            text.replace("timeout_seconds: 90", f"timeout_seconds: {seconds}"), encoding="utf-8"
        )
        (target / "notes").mkdir(exist_ok=True)
        (target / "notes" / f"{variant}.txt").write_text(f"version {variant}\n", "utf-8")
    for name, text in (extra or {}).items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_text(text, encoding="utf-8")
    return target


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by POSIX relative name, with its SHA-256."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def write_zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    """A zip holding exactly ``entries``, duplicates included (zipfile warns about those)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for member, data in entries:
                info = member if isinstance(member, zipfile.ZipInfo) else zipfile.ZipInfo(member)
                if not info.external_attr:
                    info.external_attr = REGULAR
                if info.compress_type == zipfile.ZIP_STORED and isinstance(member, str):
                    info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
    return path


def manifest_for(files: dict[str, bytes]) -> bytes:
    return Manifest(
        schema_version=1,
        created=datetime(2026, 11, 25, 19, 30, tzinfo=UTC),
        files={name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    ).to_bytes()


def crafted_pack(
    path: Path,
    files: dict[str, bytes],
    *,
    listed: dict[str, bytes] | None = None,
    extra_entries: list[tuple[zipfile.ZipInfo | str, bytes]] | None = None,
) -> Path:
    """A pack written by hand: ``files`` in the zip, ``listed`` (default: the same) in its
    manifest, plus raw ``extra_entries``: for packs that ``kiosk pack build`` would never
    make."""
    entries: list[tuple[zipfile.ZipInfo | str, bytes]] = list(files.items())
    entries += extra_entries or []
    entries.append(("manifest.json", manifest_for(files if listed is None else listed)))
    return write_zip(path, entries)


def folder_files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def pack_cli(*args: str | Path) -> int:
    """``kiosk pack ARGS...`` in this process; its exit code."""
    return main(["pack", *(str(arg) for arg in args)])
