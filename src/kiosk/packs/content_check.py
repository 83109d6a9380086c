"""The content gate: a pack is built from, and installed as, content that loads."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.issues import Issue
from kiosk.content.validate import validate_folder
from kiosk.packs.errors import InvalidContentError


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
