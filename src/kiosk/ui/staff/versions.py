"""What the staff panel says about content versions and packs, in human terms: titles, file
names, dates, signers, and what *Roll back* would show.  Read from the packs API (no Qt, no
parsing of the command line's words), and never raising: the panel must always open."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.packs.errors import PackError
from kiosk.packs.integrity import IntegrityChecker, resolve_intact
from kiosk.packs.store import FACTORY, ContentStore

# What the panel can offer for a pack found on a stick.
NEW, INSTALLED, SHOWING, OLDER, UNREADABLE = "new", "installed", "showing", "older", "unreadable"


@dataclass(frozen=True)
class Shown:
    """One thing that can be shown: an installed version, or the factory exhibit."""

    id: str  # a version id, or FACTORY
    title: str | None
    file: str | None  # the pack's file name it was installed from
    made: str | None  # ISO time the pack was made
    installed: str | None  # ISO time it was installed
    signer: str | None  # key fingerprint
    showing: bool
    problem: str | None = None  # why it is not shown (altered since install)


@dataclass(frozen=True)
class FoundPack:
    path: Path
    state: str  # NEW, INSTALLED, SHOWING, OLDER or UNREADABLE
    version: str | None = None
    made: str | None = None
    newer_made: str | None = None  # for OLDER: when the pack that supersedes it was made
    problem: str | None = None


def exhibit_title(folder: Path) -> str | None:
    """The exhibit's title in its default language; None if it does not load."""
    from kiosk.content.issues import ContentError  # noqa: PLC0415
    from kiosk.content.loader import load_exhibit  # noqa: PLC0415

    try:
        settings = load_exhibit(folder).settings
    except (ContentError, OSError, ValueError):
        return None
    return settings.title.text(settings.default_language, settings.default_language)


class StoreView:
    """The store as staff see it; titles are cached by version (versions never change)."""

    def __init__(self, store: ContentStore, factory_folder: Path) -> None:
        self.store = store
        self.factory_folder = factory_folder
        self._titles: dict[str, str | None] = {}
        # Kept: it remembers files already verified (by stat), so opening the panel again
        # hashes only what changed, not every installed version's pictures.
        self.checker = IntegrityChecker()
        # Packs on a stick, read once per file version: (size, mtime, inode), manifest, id.
        self._packs: dict[Path, tuple[tuple[int, int, int], Any, str]] = {}

    def title(self, version: str) -> str | None:
        if version not in self._titles:
            folder = self.factory_folder if version == FACTORY else self.store.content_dir(version)
            self._titles[version] = exhibit_title(folder)
        return self._titles[version]

    def showing_id(self) -> str:
        try:
            return resolve_intact(self.store.root, self.checker).version or FACTORY
        except Exception:  # a damaged store shows the factory exhibit
            return FACTORY

    def listing(self) -> list[Shown]:
        """Installed versions, most recent first, then the factory exhibit."""
        showing = self.showing_id()
        checker = self.checker
        shown: list[Shown] = []
        try:
            versions = self.store.versions()
        except OSError:
            versions = []
        for version in versions:
            shown.append(
                Shown(
                    id=version.id,
                    title=self.title(version.id),
                    file=version.source,
                    made=version.created,
                    installed=version.installed,
                    signer=version.signer,
                    showing=version.id == showing,
                    problem=checker.problem(self.store.root, version.id),
                )
            )
        shown.append(self.factory(showing == FACTORY))
        return shown

    def factory(self, showing: bool | None = None) -> Shown:
        if showing is None:
            showing = self.showing_id() == FACTORY
        return Shown(FACTORY, self.title(FACTORY), None, None, None, None, showing)

    def describe(self, version: str) -> Shown:
        if version == FACTORY:
            return self.factory()
        for shown in self.listing():
            if shown.id == version:
                return shown
        return Shown(version, None, None, None, None, None, False)

    def altered(self) -> list[Shown]:
        return [shown for shown in self.listing() if shown.problem is not None]

    def rollback_target(self) -> str | None:
        """What ``kiosk pack rollback`` would show now (a version id or FACTORY), read
        without changing anything; None when there is nothing to roll back to."""
        try:
            current = self.store.active_id()
            stack = self.store.undo_stack()
            if stack is None:  # a store from before the history was kept
                if current is None:
                    return None
                chain = self.store.rollback_chain(current)
                return chain[0] if chain else None
            for candidate in reversed(stack):
                usable = candidate == FACTORY or self.store.has_version(candidate)
                if usable and candidate != (current or FACTORY):
                    return candidate
        except OSError:
            return None
        return None

    def examine(self, pack: Path) -> FoundPack:
        """Whether a pack on a stick is new here, installed already, showing, or older
        than what this station has (a downgrade, installed only when confirmed)."""
        from kiosk.packs.archive import open_pack  # noqa: PLC0415
        from kiosk.packs.manifest import iso_utc, version_id  # noqa: PLC0415
        from kiosk.packs.replay import OlderPackError, check_not_older  # noqa: PLC0415

        try:
            info = pack.stat()
            key = (info.st_size, info.st_mtime_ns, info.st_ino)
            cached = self._packs.get(pack)
            if cached is not None and cached[0] == key:
                manifest, version = cached[1], cached[2]
            else:  # the manifest only: a zip's directory, not its content
                with open_pack(pack) as opened:
                    manifest = opened.checked.manifest
                    version = version_id(manifest, opened.checked.manifest_bytes)
                self._packs[pack] = (key, manifest, version)
        except (PackError, OSError) as error:
            return FoundPack(pack, UNREADABLE, problem=str(error))
        made = iso_utc(manifest.created)
        if self.store.has_version(version):
            state = SHOWING if version == self.showing_id() else INSTALLED
            return FoundPack(pack, state, version, made)
        try:
            check_not_older(self.store, manifest, version)
        except OlderPackError:
            newer = self._newest_made()
            return FoundPack(pack, OLDER, version, made, newer_made=newer)
        except (PackError, OSError):
            pass  # install says what is wrong, in full
        return FoundPack(pack, NEW, version, made)

    def _newest_made(self) -> str | None:
        from kiosk.packs.replay import newest_installed  # noqa: PLC0415

        showing = self.showing_id()
        if showing != FACTORY:
            shown = self.describe(showing)
            if shown.made:
                return shown.made
        newest = newest_installed(self.store)
        return newest.made if newest else None
