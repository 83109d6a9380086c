"""``kiosk pack rollback``: switch back to the version installed before the active one.

"Before" is the install history, not the packs' creation dates: rollback returns to what
was active when the active version was installed (see ``ContentStore.rollback_chain``), so
it undoes the last install even after earlier rollbacks.  From a version installed over the
factory default there is nothing to roll back to; ``--to factory`` switches to the bundled
content explicitly, and ``--to ID`` to any installed version (also forward again).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.packs.errors import PackError
from kiosk.packs.lock import exclusive_lock
from kiosk.packs.store import FACTORY, ContentStore


@dataclass(frozen=True)
class Switched:
    previous: str | None  # None: the factory default was showing
    active: str  # a version id, or FACTORY


def rollback(store: ContentStore, to: str | None = None) -> Switched:
    store.prepare()
    with exclusive_lock(store.lock_path()):
        current = store.active_id()
        target = _target(store, current) if to is None else to
        if target == current:
            raise PackError(f"{target} is already active")
        if target != FACTORY:
            if not store.has_version(target):
                raise PackError(f"version {target} is not installed (see 'kiosk pack list')")
            store.check_intact(target)  # never switch to content that was damaged since
        store.set_active(target)
    return Switched(current, target)


def _target(store: ContentStore, current: str | None) -> str:
    if current is None:
        raise PackError("nothing to roll back to: the factory default content is active")
    chain = store.rollback_chain(current)
    if not chain:
        raise PackError(
            f"no installed version to roll back to from {current}; "
            "'kiosk pack rollback --to factory' switches to the bundled content"
        )
    return chain[0]
