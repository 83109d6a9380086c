"""The station's content store: installed versions, the pointer to the active one, and the
atomic switch between them.

Layout, under ``<data dir>/content-store/``::

    active                 the active version's id, or "factory"; replaced atomically
    versions/<id>/content/ an installed content folder, never changed after install
    versions/<id>/manifest.json, manifest.sig   the pack's manifest (and signature), as is
    versions/<id>/install.json                  when and in what order it was installed
    staging/               installs in progress; what a crash leaves here is removed later
    trash/                 versions being removed by pruning
    lock                   held by the one install or rollback running

A version folder appears in ``versions/`` only by renaming a complete, flushed folder out
of ``staging/``, and ``active`` only ever names such a folder, so a reader sees the old
content or the new, never a mix.  Ids look like ``20261125T193000Z-1a2b3c4d``: when the
pack was made, then the start of its manifest's SHA-256 (``-2``... is added when a damaged
copy of the same pack already holds that name).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.packs import fsio
from kiosk.packs.errors import PackError
from kiosk.packs.integrity import IntegrityChecker, resolve_intact
from kiosk.packs.manifest import iso_utc
from kiosk.packs.pointer import (
    CONTENT,
    VERSION_ID,
    active_version,
    read_pointer,
    store_root,
)

FACTORY = "factory"
HISTORY = "history.json"  # the switches rollback can undo
MAX_UNDO = 50
MANIFEST_COPY, SIGNATURE_COPY, RECORD = "manifest.json", "manifest.sig", "install.json"
KEEP_VERSIONS = 5  # at most, the active one included
KEEP_PREVIOUS = 3  # at least, of those installed before the active one (budget allowing)
DEFAULT_BUDGET_BYTES = 2048 * 1024 * 1024  # see station.py's content_store_budget_mib


@dataclass(frozen=True)
class Version:
    """An installed version as ``kiosk pack list`` shows it; fields read from a damaged
    record are None (listing must never fail)."""

    id: str
    sequence: int
    installed: str | None
    created: str | None
    schema_version: int | None
    signed: bool
    signer: str | None  # the fingerprint of the trusted key that verified it
    source: str | None
    previous: str | None  # what was active when this was installed, or FACTORY


class ContentStore:
    def __init__(self, root: Path, budget_bytes: int = DEFAULT_BUDGET_BYTES) -> None:
        self.root = root
        # Kept versions, at most, in bytes; the active and the previous one are kept even
        # when they alone are larger.
        self.budget_bytes = budget_bytes
        self.versions_dir = root / "versions"
        self.staging_dir = root / "staging"
        self.trash_dir = root / "trash"
        self.pointer = root / "active"

    @classmethod
    def default(cls) -> ContentStore:
        """The station's store: ``content_store`` in the station configuration, else the
        data folder's ``content-store/``."""
        from kiosk.station import load_station_config  # noqa: PLC0415 - avoids a cycle

        config = load_station_config()[0]
        return cls(store_root(config.content_store), config.store_budget_mib * 1024 * 1024)

    # --- reading ---------------------------------------------------------------------

    def content_dir(self, version: str) -> Path:
        return self.versions_dir / version / CONTENT

    def has_version(self, version: str) -> bool:
        return self.content_dir(version).is_dir()

    def pointer_text(self) -> str | None:
        """What ``active`` says, or None when it is missing or unreadable."""
        return read_pointer(self.root)

    def active_id(self) -> str | None:
        """The active version's id; None for the factory default, and for a pointer that
        is missing, damaged or names a version that is not there."""
        return active_version(self.root)

    def versions(self) -> list[Version]:
        """Installed versions, the most recently installed first."""
        if not self.versions_dir.is_dir():
            return []
        found = [
            _read_version(entry)
            for entry in self.versions_dir.iterdir()
            if VERSION_ID.fullmatch(entry.name) and (entry / CONTENT).is_dir()
        ]
        return sorted(found, key=lambda version: (version.sequence, version.id), reverse=True)

    def check_intact(self, version: str) -> None:
        """PackError unless the version holds exactly the files its manifest lists,
        unchanged (a disk can fail; someone can edit files by hand)."""
        problem = IntegrityChecker().problem(self.root, version)
        if problem is not None:
            raise PackError(problem)

    def next_sequence(self) -> int:
        return 1 + max((version.sequence for version in self.versions()), default=0)

    # --- changing ----------------------------------------------------------------------

    def prepare(self) -> None:
        """Create the store's folders, flushed so that they (and so the first install in
        them) survive a power cut."""
        if not self.root.is_dir():
            self.root.mkdir(parents=True, exist_ok=True)
            fsio.fsync_dir(self.root.parent)
        for folder in (self.versions_dir, self.staging_dir, self.trash_dir):
            if not folder.is_dir():
                folder.mkdir(exist_ok=True)
                fsio.fsync_dir(self.root)

    def lock_path(self) -> Path:
        return self.root / "lock"

    def new_staging(self) -> Path:
        folder = Path(tempfile.mkdtemp(prefix="install-", dir=self.staging_dir))
        folder.chmod(0o755)  # mkdtemp's 0700 would follow the version into versions/
        return folder

    def set_active(self, version: str, step: Callable[[str], None] = lambda _name: None) -> None:
        """Atomically point at ``version`` (or FACTORY): write, flush, replace, flush."""
        if version != FACTORY and not self.has_version(version):
            raise PackError(f"version {version} is not installed")
        fsio.atomic_write(self.pointer, (version + "\n").encode("ascii"), step)

    def undo_stack(self) -> list[str] | None:
        """What each switch still to be undone replaced, the last switch last (version ids
        or FACTORY); None for a store from before switches were recorded."""
        document = _read_json(self.root / HISTORY)
        stack = document.get("undo")
        if not isinstance(stack, list):
            return None
        return [entry for entry in stack if isinstance(entry, str)]

    def note_switch(self, previous: str | None, *, undoing: bool = False) -> None:
        """Record a switch away from ``previous`` (None: the factory default) so that
        ``kiosk pack rollback`` can undo it; an undo pops instead of pushing.  Written after
        the pointer: a crash in between leaves one switch that rollback does not know."""
        stack = self.undo_stack() or []
        stack = stack[:-1] if undoing else [*stack, previous or FACTORY][-MAX_UNDO:]
        fsio.atomic_write(self.root / HISTORY, json.dumps({"undo": stack}).encode("utf-8"))

    def record(self, folder: Path, record: dict[str, Any]) -> None:
        fsio.atomic_write(folder / RECORD, json.dumps(record, indent=2).encode("utf-8"))

    def discard_abandoned(self) -> list[str]:
        """Remove what crashed installs and prunes left in ``staging/`` and ``trash/``."""
        removed = []
        for folder in (self.staging_dir, self.trash_dir):
            if folder.is_dir():
                for entry in folder.iterdir():
                    if entry.is_dir() and not entry.is_symlink():
                        fsio.remove_tree(entry)
                    else:
                        entry.unlink()
                    removed.append(entry.name)
        return removed

    def rollback_chain(self, version: str) -> list[str]:
        """The versions successive rollbacks from ``version`` go to, nearest first.

        Each step goes to what was active when that version was installed, which undoes
        the install even when it was made over a rolled-back version; where that version
        is gone (or its record damaged), to the most recent one installed before it.  The
        chain ends where a version was installed over the factory default.
        """
        by_id = {v.id: v for v in self.versions()}
        chain: list[str] = []
        current = by_id.get(version)
        while current is not None and current.previous != FACTORY:
            step = by_id.get(current.previous or "") or _latest_before(by_id, current.sequence)
            if step is None or step.id == version or step.id in chain:
                break
            chain.append(step.id)
            current = step
        return chain

    def prune_candidates(self) -> list[str]:
        """Versions to remove: keep the active one, the KEEP_PREVIOUS that rollback would go
        to from it, and the most recent others up to KEEP_VERSIONS in all; then, while the
        kept ones are larger than the budget, drop the least needed of them, but never the
        active one or the one rollback goes to first.  (The factory default is bundled with
        the kiosk, outside the store: it is never removed.)"""
        versions = self.versions()
        active = self.active_id()
        keep: list[str] = []
        if active is not None:
            keep = [active, *self.rollback_chain(active)[:KEEP_PREVIOUS]]
        for version in versions:
            if len(keep) >= KEEP_VERSIONS:
                break
            if version.id not in keep:
                keep.append(version.id)
        protected = 2 if active is not None else 1  # the active and the previous
        sizes = {version: self.size_of(version) for version in keep}
        while len(keep) > protected and sum(sizes[v] for v in keep) > self.budget_bytes:
            keep.pop()  # the last kept is the least needed
        return [version.id for version in versions if version.id not in keep]

    def size_of(self, version: str) -> int:
        """Bytes the version's files take (not counting the file system's own blocks)."""
        total = 0
        for path in (self.versions_dir / version).rglob("*"):
            try:
                if path.is_file() and not path.is_symlink():
                    total += path.stat().st_size
            except OSError:
                continue
        return total

    def discard(self, version: str, step: Callable[[str], None] = lambda _name: None) -> None:
        """Remove a version: first renamed into ``trash/`` (one atomic step), so
        ``versions/`` never holds half a version, then deleted."""
        if version == self.active_id():
            raise PackError(f"version {version} is active; it cannot be removed")
        target = Path(tempfile.mkdtemp(prefix=f"{version}-", dir=self.trash_dir))
        (self.versions_dir / version).replace(target / version)
        fsio.fsync_dir(self.versions_dir)
        step("moved")
        fsio.remove_tree(target)


def _latest_before(by_id: dict[str, Version], sequence: int) -> Version | None:
    earlier = [v for v in by_id.values() if v.sequence < sequence]
    return max(earlier, key=lambda v: (v.sequence, v.id), default=None)


def _read_version(folder: Path) -> Version:
    record = _read_json(folder / RECORD)
    manifest = _read_json(folder / MANIFEST_COPY)
    sequence = record.get("sequence")
    schema = manifest.get("schema_version")
    return Version(
        id=folder.name,
        sequence=sequence if type(sequence) is int else 0,
        installed=_text(record.get("installed")),
        created=_text(manifest.get("created")),
        schema_version=schema if type(schema) is int else None,
        signed=record.get("signed") is True,
        signer=_text(record.get("signer")),
        source=_text(record.get("source")),
        previous=_text(record.get("previous")),
    )


def _read_json(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return document if isinstance(document, dict) else {}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def now_iso() -> str:
    return iso_utc(datetime.now(UTC))


def active_content_dir() -> Path | None:
    """The installed content to show, or None to show the bundled factory content
    (``kiosk.paths.default_content_dir()``): nothing installed, factory chosen by rollback,
    or a pointer that is missing, damaged or dangling.

    An installed version whose files no longer match its manifest is never returned: the
    last intact version rollback would go to is, else None (``packs.integrity``).

    Never raises: whatever state the store is in, the kiosk must start.
    """
    try:
        return resolve_intact(ContentStore.default().root).folder
    except Exception:
        return None
