"""``kiosk pack install``: unpack, check, and switch to a pack's content, crash-safely.

Every step works on a fresh folder in ``staging/`` that nothing reads; the content becomes
visible in two atomic steps: the finished, flushed folder is renamed into ``versions/``,
then the ``active`` pointer is replaced.  A kill or power cut anywhere leaves the old
pointer (old content) or the new one (complete new content); leftovers in ``staging/`` and
``trash/`` are removed by the next install.

``_checkpoint`` marks each step.  ``KIOSK_PACK_CRASH_AT=<name or number>`` kills this process
there with SIGKILL: the crash tests run an install once per checkpoint.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.content.issues import Issue
from kiosk.packs import fsio
from kiosk.packs.archive import open_pack
from kiosk.packs.content_check import require_schema, require_valid_content
from kiosk.packs.errors import PackError, UsageError
from kiosk.packs.limits import DEFAULT_LIMITS, Limits
from kiosk.packs.lock import exclusive_lock
from kiosk.packs.manifest import version_id
from kiosk.packs.pointer import CONTENT
from kiosk.packs.replay import check_not_older, remember
from kiosk.packs.store import (
    FACTORY,
    MANIFEST_COPY,
    SIGNATURE_COPY,
    ContentStore,
    now_iso,
)
from kiosk.packs.verdict import SignatureVerdict
from kiosk.packs.verify import trusted_keys

CRASH_ENV = "KIOSK_PACK_CRASH_AT"
# In the order a fresh install reaches them; the last two only on reinstalling a version
# that is already in the store.
CHECKPOINTS = (
    "locked",
    "cleaned",
    "checked",
    "staging-created",
    "first-file-extracted",
    "extracted",
    "recorded",
    "validated",
    "synced",
    "renamed",
    "renamed-synced",
    "pointer-written",
    "pointer-replaced",
    "switched",
    "prune-moved",
    "pruned",
    "reuse-verified",
    "reuse-recorded",
)
# Windows has no SIGKILL; there os.kill with SIGTERM is TerminateProcess, just as abrupt.
_HARD_KILL: int = getattr(signal, "SIGKILL", signal.SIGTERM)


def _checkpoint(name: str) -> None:
    """A step boundary of an install; the crash tests die here on request."""
    target = os.environ.get(CRASH_ENV)
    if not target:
        return
    if target in (name, str(CHECKPOINTS.index(name) + 1)):
        os.kill(os.getpid(), _HARD_KILL)


@dataclass(frozen=True)
class Installed:
    version: str
    previous: str | None
    reused: bool
    file_count: int
    signature: SignatureVerdict
    warnings: list[Issue] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)


def install_pack(
    path: Path,
    trust: list[Path],
    *,
    store: ContentStore | None = None,
    limits: Limits = DEFAULT_LIMITS,
    allow_older: bool = False,
) -> Installed:
    """Install the pack at ``path`` and make it active; PackError if it is refused.

    Signatures are required when the station trusts any key (its ``trusted-keys/`` folder,
    plus ``trust``), or when its configuration cannot be read with certainty (then nothing
    is installed).  A pack older than the active one or already superseded is refused
    unless ``allow_older`` (see ``kiosk.packs.replay``).
    """
    store = store or ContentStore.default()
    keys = trusted_keys(trust, with_station=True)
    if not path.is_file():
        raise UsageError(f"{path}: no such pack file")
    store.prepare()
    with exclusive_lock(store.lock_path()):
        _checkpoint("locked")
        store.discard_abandoned()
        _checkpoint("cleaned")
        previous = store.active_id()
        with open_pack(path, limits, keys) as pack:
            checked = pack.checked
            verdict = checked.verdict
            assert verdict is not None  # opened with keys
            require_schema(checked.manifest.schema_version)
            version, intact = _place_for(
                store, version_id(checked.manifest, checked.manifest_bytes)
            )
            if not allow_older:
                check_not_older(store, checked.manifest, version)
            _checkpoint("checked")
            if intact:
                return _reuse(
                    store,
                    version=version,
                    previous=previous,
                    path=path,
                    verdict=verdict,
                    file_count=len(checked.members),
                )
            staging = store.new_staging()
            try:
                _checkpoint("staging-created")
                pack.extract(
                    staging / CONTENT, after_first=lambda: _checkpoint("first-file-extracted")
                )
                _checkpoint("extracted")
                (staging / MANIFEST_COPY).write_bytes(checked.manifest_bytes)
                if checked.signature is not None:
                    (staging / SIGNATURE_COPY).write_bytes(checked.signature)
                store.record(staging, _record(store.next_sequence(), path, verdict, previous))
                _checkpoint("recorded")
                warnings = require_valid_content(staging / CONTENT, path.name)
                _checkpoint("validated")
                fsio.fsync_tree(staging)
                fsio.fsync_dir(store.staging_dir)
                _checkpoint("synced")
                # The one step that makes the new version exist, complete, under its name.
                staging.rename(store.versions_dir / version)
            except BaseException:
                fsio.remove_tree(staging)  # a refused pack leaves nothing behind
                raise
        _checkpoint("renamed")
        fsio.fsync_dir(store.versions_dir)
        fsio.fsync_dir(store.staging_dir)
        _checkpoint("renamed-synced")
        store.set_active(version, step=lambda stage: _checkpoint(f"pointer-{stage}"))
        _checkpoint("switched")
        store.note_switch(previous)
        remember(store, checked.manifest, version)
        pruned = _prune(store)
        _checkpoint("pruned")
    return Installed(version, previous, False, len(checked.members), verdict, warnings, pruned)


def _place_for(store: ContentStore, version: str) -> tuple[str, bool]:
    """Where this pack goes: an intact copy already in the store (True), or a free id.

    A damaged copy (a failing disk, a hand edit) is never reused or overwritten: the
    fresh copy gets the next free id, ``<id>-2`` and so on, and pruning removes the other.
    """
    candidate, number = version, 1
    while store.has_version(candidate):
        try:
            store.check_intact(candidate)
        except PackError:
            number += 1
            candidate = f"{version}-{number}"
            continue
        return candidate, True
    return candidate, False


def _record(
    sequence: int, path: Path, verdict: SignatureVerdict, previous: str | None
) -> dict[str, Any]:
    return {
        "sequence": sequence,
        "previous": previous or FACTORY,  # where a rollback from this version goes
        "installed": now_iso(),
        "source": path.name,
        "signed": verdict.present,
        "signer": verdict.signer.fingerprint if verdict.signer else None,
    }


def _reuse(
    store: ContentStore,
    *,
    version: str,
    previous: str | None,
    path: Path,
    verdict: SignatureVerdict,
    file_count: int,
) -> Installed:
    """The same pack again: its content is in the store already.  It is checked against
    its manifest, moved to the top of the install order, and made active."""
    _checkpoint("reuse-verified")
    if previous != version:  # reinstalling the active version keeps its history
        record = _record(store.next_sequence(), path, verdict, previous)
        store.record(store.versions_dir / version, record)
    _checkpoint("reuse-recorded")
    store.set_active(version, step=lambda stage: _checkpoint(f"pointer-{stage}"))
    _checkpoint("switched")
    if previous != version:
        store.note_switch(previous)
    pruned = _prune(store)
    _checkpoint("pruned")
    return Installed(version, previous, True, file_count, verdict, [], pruned)


def _prune(store: ContentStore) -> list[str]:
    removed = []
    for version in store.prune_candidates():
        store.discard(version, step=lambda stage: _checkpoint(f"prune-{stage}"))
        removed.append(version)
    return removed
