"""``kiosk pack rollback``: undo the last switch of content, whatever it was.

Every switch (an install, a ``rollback --to``) records what it replaced in the store's
``history.json``; a plain rollback undoes the newest switch not yet undone, so repeated
rollbacks walk back through the history: to the version before, the one before that, and
in the end the factory default the first install replaced.  Versions removed since (or
damaged) are passed over.  ``--to factory`` switches to the bundled content explicitly,
and ``--to ID`` to any installed version (also forward again).  A store from before the
history was kept follows the install records (``ContentStore.rollback_chain``).
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
        stack = store.undo_stack()
        if to is None and stack is not None:
            target = _undo_target(store, current, stack)
        else:
            target = _target(store, current) if to is None else to
        if target == (current or FACTORY):
            raise PackError(f"{target} is already active")
        if target != FACTORY:
            if not store.has_version(target):
                raise PackError(f"version {target} is not installed (see 'kiosk pack list')")
            store.check_intact(target)  # never switch to content that was damaged since
        store.set_active(target)
        if to is None and stack is not None:
            store.note_switch(current, undoing=True)
        else:
            store.note_switch(current)
    return Switched(current, target)


def _undo_target(store: ContentStore, current: str | None, stack: list[str]) -> str:
    """The newest entry of the history that can still be shown; entries passed over
    (versions removed since, or what is showing already) are dropped from it.  A damaged
    version is not passed over: the rollback is refused, naming it (switch() checks)."""
    while stack:
        candidate = stack[-1]
        usable = candidate == FACTORY or store.has_version(candidate)
        if usable and candidate != (current or FACTORY):
            return candidate
        stack.pop()
        store.note_switch(None, undoing=True)  # passed over for good
    raise PackError(
        "nothing to roll back to: every switch has been undone"
        + ("" if current is None else "; 'kiosk pack rollback --to ID' chooses a version")
    )


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
