"""What is installed stays what was signed: every installed version keeps its pack's manifest
(each file's SHA-256), and its files are checked against it before the kiosk shows them.

An altered version (a hand edit of the store, a failing card) is refused: the kiosk shows
the last intact version it would roll back to, else the factory exhibit.  The check also
binds the manifest copy to the version's name, whose second part is the start of the
manifest's SHA-256, so editing a file and its hash together is caught as well (fully so
for signed versions only by reinstalling: the signature is checked at install).

``IntegrityChecker`` remembers files it has hashed by their inode, size and change times,
so the kiosk's periodic look at the active version costs a ``stat`` per file; a file that
was written since (its ctime moves, whatever the writer does to mtime) is hashed again.

Read on every start with a version installed, before the first frame: so it imports little
(no dataclasses, no datetime, not the manifest's full parser: the manifest copy is first
checked against the version's name, and it was fully checked at install).
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from pathlib import Path
from typing import Any

from kiosk.packs.pointer import CONTENT, active_version

# As store.MANIFEST_COPY and SIGNATURE_COPY (store imports this module).
MANIFEST_COPY, SIGNATURE_COPY = "manifest.json", "manifest.sig"

Signature = tuple[int, int, int, int]  # inode, size, mtime_ns, ctime_ns
KEYS_TTL_S = 30.0  # how long the station's trusted keys are taken as read


# Versions whose verified files are remembered: the active one and what a rollback would
# look at next.  A kiosk on a channel installs a version at every publication, for years:
# remembering every version ever checked would grow with each of them.
REMEMBERED_VERSIONS = 4


class IntegrityChecker:
    """Checks installed versions against their manifests; keeps what it has verified, for
    the last few versions it checked."""

    def __init__(self) -> None:
        # Per version folder, most recently checked last: each file's signature when hashed.
        self._verified: OrderedDict[Path, dict[Path, Signature]] = OrderedDict()
        self._signed: dict[Path, tuple[Signature, Signature, tuple[str, ...]]] = {}
        self._keys_read: tuple[float, list[Any] | None] | None = None
        self._keys_stamp: tuple[str, ...] = ()

    def problem(self, root: Path, version: str) -> str | None:
        """Why ``version`` in the store at ``root`` is not what was installed, or None."""
        folder = root / "versions" / version
        files = _installed_manifest(folder, version)
        if isinstance(files, str):
            return files
        content = folder / CONTENT
        try:
            entries = list(content.rglob("*"))
            # A linked folder would read files from outside the store (a pack never holds one).
            link = next((path for path in entries if path.is_symlink()), None)
            present = {
                path.relative_to(content).as_posix() for path in entries if not path.is_dir()
            }
        except OSError as error:
            return f"version {version} cannot be read: {error}"
        if link is not None:
            name = link.relative_to(content).as_posix()
            return f"version {version} was altered: '{name}' is a link"
        extra = sorted(present - set(files))
        if extra:
            return f"version {version} was altered: '{extra[0]}' was added"
        verified = self._remembered(folder)
        for name, expected in sorted(files.items()):
            if not _matches(content / name, expected, verified):
                return f"version {version} was altered: '{name}' is missing or changed"
        return self._signature_problem(folder, version)

    def _signature_problem(self, folder: Path, version: str) -> str | None:
        """While the station requires signatures, a version is shown only if its manifest
        copy carries a valid signature by a key the station trusts now.  The store is
        writable by the kiosk's own account, so the name's 32 bits and the install records
        prove nothing against someone who can write there; the signature does."""
        keys = self._keys()
        if keys is None:
            return None  # the station trusts no key: unsigned content is allowed
        manifest_path, signature_path = folder / MANIFEST_COPY, folder / SIGNATURE_COPY
        try:
            stamp = (_stamp(manifest_path), _stamp(signature_path), self._keys_stamp)
            if self._signed.get(folder) == stamp:
                return None
            manifest_bytes = manifest_path.read_bytes()
            signature = signature_path.read_bytes()
        except OSError:
            return (
                f"version {version} is not shown: it is not signed, and this station "
                "requires signatures"
            )
        from kiosk.packs.errors import PackError  # noqa: PLC0415
        from kiosk.packs.verdict import check_manifest_signature  # noqa: PLC0415

        try:
            check_manifest_signature(manifest_bytes, signature, keys)
        except PackError as error:
            self._signed.pop(folder, None)
            return f"version {version} is not shown: {error}"
        self._signed[folder] = stamp
        return None

    def _keys(self) -> list[Any] | None:
        """The keys a shown version must be signed by; None when the station trusts none.
        Read again at most every KEYS_TTL_S (the follower looks every two seconds).  When
        the station's trust cannot be read with certainty, signatures are still required,
        by the keys of the trusted-keys folder alone."""
        import time  # noqa: PLC0415

        now = time.monotonic()
        if self._keys_read is not None and now - self._keys_read[0] < KEYS_TTL_S:
            return self._keys_read[1]
        from kiosk.packs.errors import PackError  # noqa: PLC0415
        from kiosk.packs.keys import (  # noqa: PLC0415
            TrustUncertainError,
            load_public_key,
            station_key_paths,
            station_keys,
        )

        keys: list[Any] | None
        try:
            keys = station_keys() or None
        except TrustUncertainError:
            keys = []
            for path in station_key_paths():
                try:
                    keys.append(load_public_key(path))
                except PackError:
                    continue  # an unusable key signs nothing
        except PackError:
            keys = []  # a damaged key file: required, and nothing can satisfy it
        self._keys_read = (now, keys)
        self._keys_stamp = tuple(sorted(key.fingerprint for key in keys or []))
        return keys

    def _remembered(self, folder: Path) -> dict[Path, Signature]:
        """What is remembered of ``folder``'s files; the least recently checked version
        beyond REMEMBERED_VERSIONS is forgotten (it is hashed again if checked again)."""
        verified = self._verified.pop(folder, {})
        self._verified[folder] = verified
        while len(self._verified) > REMEMBERED_VERSIONS:
            forgotten, _ = self._verified.popitem(last=False)
            self._signed.pop(forgotten, None)
        return verified


def _matches(path: Path, expected: str, verified: dict[Path, Signature]) -> bool:
    try:
        status = path.lstat()
        if not path.is_file() or path.is_symlink():
            return False
        signature = (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
        if verified.get(path) == signature:
            return True
        with path.open("rb") as handle:
            actual = hashlib.file_digest(handle, "sha256").hexdigest()
        if actual != expected:
            verified.pop(path, None)
            return False
    except OSError:
        return False
    verified[path] = signature
    return True


def _stamp(path: Path) -> Signature:
    status = path.lstat()
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def _installed_manifest(folder: Path, version: str) -> dict[str, str] | str:
    """The files and hashes of the manifest installed with ``version``, or the problem."""
    try:
        manifest_bytes = (folder / MANIFEST_COPY).read_bytes()
    except OSError as error:
        return f"version {version} has no readable manifest: {error.strerror or error}"
    digest = hashlib.sha256(manifest_bytes).hexdigest()
    parts = version.split("-")
    if len(parts) < 2 or not digest.startswith(parts[1]):
        return f"version {version} was altered: its manifest is not the one installed"
    files = _listed_files(manifest_bytes)
    if files is None:
        return f"version {version} has no readable manifest"
    return files


def _listed_files(manifest_bytes: bytes) -> dict[str, str] | None:
    """The manifest's files and hashes (a manifest already checked at install)."""
    try:
        files = json.loads(manifest_bytes.decode("utf-8")).get("files")
    except (ValueError, AttributeError, RecursionError):
        return None
    if not isinstance(files, dict) or not all(
        isinstance(name, str) and isinstance(digest, str) for name, digest in files.items()
    ):
        return None
    return files


class Resolved:
    """The content folder to show (None: the factory exhibit) and the versions refused on
    the way, each with its reason."""

    def __init__(
        self, folder: Path | None, version: str | None, refused: tuple[str, ...] = ()
    ) -> None:
        self.folder = folder
        self.version = version
        self.refused = refused


def resolve_intact(root: Path, checker: IntegrityChecker | None = None) -> Resolved:
    """The active version if intact, else the nearest intact one rollback would go to, else
    the factory exhibit.  Never raises: the kiosk must start whatever the store's state."""
    checker = checker or IntegrityChecker()
    refused: list[str] = []
    try:
        version = active_version(root)
        if version is None:
            return Resolved(None, None)
        problem = checker.problem(root, version)
        if problem is None:  # the usual case: the install records are never read
            return Resolved(root / "versions" / version / CONTENT, version)
        refused.append(problem)
        from kiosk.packs.store import ContentStore  # noqa: PLC0415 - store imports this

        for candidate in ContentStore(root).rollback_chain(version):
            problem = checker.problem(root, candidate)
            if problem is None:
                folder = root / "versions" / candidate / CONTENT
                return Resolved(folder, candidate, tuple(refused))
            refused.append(problem)
    except Exception as error:  # a store too damaged to read: the factory exhibit
        refused.append(f"the content store cannot be read: {error}")
    return Resolved(None, None, tuple(refused))


def signature_problem(root: Path, version: str, signer: str | None, keys: list[Any]) -> str | None:
    """For a version installed as signed by ``signer`` (a key fingerprint) that the station
    still trusts: None if that key's signature still covers the manifest copy, else why not.
    The file check above binds the manifest to the version's name by 32 bits only; this
    binds it by the signature (not on the start path: it needs the cryptography library)."""
    from kiosk.packs.errors import PackError  # noqa: PLC0415
    from kiosk.packs.verdict import check_manifest_signature  # noqa: PLC0415

    key = next((key for key in keys if key.fingerprint == signer), None)
    if signer is None or key is None:
        return None  # unsigned, or its signer is no longer trusted: nothing to hold it to
    folder = root / "versions" / version
    try:
        manifest_bytes = (folder / MANIFEST_COPY).read_bytes()
        signature = (folder / SIGNATURE_COPY).read_bytes()
        check_manifest_signature(manifest_bytes, signature, [key])
    except OSError as error:
        return f"version {version} lost its signature: {error.strerror or error}"
    except PackError as error:
        return (
            f"version {version} was altered: its manifest is not the one {signer} signed ({error})"
        )
    return None
