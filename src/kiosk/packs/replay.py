"""No downgrade, no replay: a pack made before the active one, or before any pack this
station has installed since, is refused (an old, validly signed pack carried in again would
otherwise bring back words that were withdrawn).  Staff who mean to return to older content
use ``kiosk pack rollback``, which this never blocks, or ``install --allow-older``.

The order is the manifest's signed ``sequence`` (``Manifest.order``).  The newest pack ever
installed is remembered in the store's ``newest.json``; the versions still in the store
count too, so a crash before that record is written loses nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from kiosk.packs import fsio
from kiosk.packs.errors import PackError
from kiosk.packs.manifest import Manifest, iso_utc, parse_manifest
from kiosk.packs.store import MANIFEST_COPY, ContentStore

NEWEST = "newest.json"


class OlderPackError(PackError):
    """The pack is older than the active one or already superseded."""


@dataclass(frozen=True)
class Mark:
    order: int
    made: str  # ISO time the pack was made
    version: str


def check_not_older(store: ContentStore, manifest: Manifest, version: str) -> None:
    """OlderPackError naming both packs' dates unless ``manifest`` may become active."""
    active = store.active_id()
    if version == active:
        return  # the same pack again: nothing changes
    made = iso_utc(manifest.created)
    hint = (
        "'kiosk pack rollback' returns to an installed version; to install this pack "
        "anyway, confirm a deliberate return with --allow-older"
    )
    current = _mark_of(store, active) if active else None
    if current is not None and manifest.order < current.order:
        raise OlderPackError(
            f"refused: this pack was made {made}, before the active version {current.version} "
            f"(made {current.made}); it is older than what is showing. {hint}"
        )
    newest = newest_installed(store)
    if newest is not None and manifest.order < newest.order and version != newest.version:
        raise OlderPackError(
            f"refused: this pack was made {made} and was already superseded by "
            f"{newest.version} (made {newest.made}), installed on this station since. {hint}"
        )


def newest_installed(store: ContentStore) -> Mark | None:
    marks = [_mark_of(store, version.id) for version in store.versions()]
    marks.append(_recorded(store))
    return max((mark for mark in marks if mark is not None), key=lambda m: m.order, default=None)


def remember(store: ContentStore, manifest: Manifest, version: str) -> None:
    """Record ``manifest`` as the newest installed if it is (atomically; never lowered)."""
    newest = newest_installed(store)
    if newest is not None and newest.order >= manifest.order:
        return
    record = {"order": manifest.order, "made": iso_utc(manifest.created), "version": version}
    fsio.atomic_write(store.root / NEWEST, json.dumps(record).encode("utf-8"))


def _mark_of(store: ContentStore, version: str) -> Mark | None:
    try:
        manifest = parse_manifest((store.versions_dir / version / MANIFEST_COPY).read_bytes())
    except (OSError, PackError):
        return None
    return Mark(manifest.order, iso_utc(manifest.created), version)


def _recorded(store: ContentStore) -> Mark | None:
    try:
        document = json.loads((store.root / NEWEST).read_text(encoding="utf-8"))
        order, made, version = document["order"], document["made"], document["version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if type(order) is not int or not isinstance(made, str) or not isinstance(version, str):
        return None
    return Mark(order, made, version)
