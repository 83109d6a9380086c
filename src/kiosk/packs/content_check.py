"""The content gate: a pack is built from, checked as, signed as and installed as content
that loads.  ``kiosk pack build``, ``verify``, ``sign`` and ``install`` all pass here, so
none of them calls "valid" what another refuses."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.issues import Issue
from kiosk.content.loader import SCHEMA_VERSION
from kiosk.content.validate import validate_folder
from kiosk.packs.errors import InvalidContentError, PackError

if TYPE_CHECKING:
    from kiosk.packs.archive import OpenPack


def require_valid_content(folder: Path, where: str) -> list[Issue]:
    """Raise InvalidContentError listing every error; otherwise return the warnings.

    The same checks as ``kiosk validate`` (``load_exhibit``'s, plus the thorough glyph and
    image-decoding checks): content that reaches a kiosk this way has passed all of them.
    """
    issues = validate_folder(folder)
    errors = [issue for issue in issues if issue.severity == "error"]
    if errors:
        raise InvalidContentError(where, errors)
    return [issue for issue in issues if issue.severity != "error"]


def require_schema(schema_version: int) -> None:
    if schema_version != SCHEMA_VERSION:
        hint = "update this kiosk first" if schema_version > SCHEMA_VERSION else "rebuild it"
        raise PackError(
            f"the pack holds content schema {schema_version}; this kiosk reads schema "
            f"{SCHEMA_VERSION}: {hint}"
        )


def check_pack_content(pack: OpenPack, where: str) -> list[Issue]:
    """An open pack's schema, hashes and content, as install checks them (unpacked into a
    temporary folder that is removed afterwards); the warnings, or PackError."""
    require_schema(pack.checked.manifest.schema_version)
    with tempfile.TemporaryDirectory(prefix="kiosk-pack-check-") as scratch:
        root = Path(scratch) / "content"
        pack.extract(root)
        return require_valid_content(root, where)
