"""The exhibit a preview may draw while the folder still has errors.

The kiosk's loader gives no exhibit once any check finds an error, rightly: a kiosk never
shows such content.  The studio's preview is not a kiosk: staff keep typing while, say, the
seal still differs from a changed word (after *Don't seal*), and the preview should follow.
So every file is read by the loader's own specs, and the draft is drawn when:

- every file reads without an error of its own (a missing or wrong field stops it: a screen
  might not be drawable), and
- no error is about a picture (missing, outside the folder, not decodable): a picture is
  only ever opened in the studio after the checks passed it, as for a valid exhibit.

The other errors are about the exhibit as a whole (timeline order, contrast, the seal,
quotations, figure values, wording, translations, lengths): the screens can be drawn with
them, and the findings say what a kiosk would refuse.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.content import walk
from kiosk.content.checks import check_exhibit
from kiosk.content.fields import FieldReader
from kiosk.content.issues import ContentError, Issue
from kiosk.content.loader import FILE_SPECS, read_file
from kiosk.content.model import Exhibit
from kiosk.content.schema import FAILED


def draft_exhibit(texts: Mapping[str, bytes], folder: Path, issues: list[Issue]) -> Exhibit | None:
    """The exhibit of ``texts`` to preview despite the error-level ``issues`` (those the
    checks found for these texts), or None when a screen might not be drawable from it."""
    parts = _parts(texts)
    if parts is None:
        return None
    draft = Exhibit(
        settings=parts["exhibit.yaml"],
        statement=parts["statement.yaml"],
        timeline=parts["timeline.yaml"],
        figures=parts["figures.yaml"],
        root=folder,
        narration=None,  # the preview plays no recording
    )
    pictures = {ref.location for ref in walk.assets(draft)}
    errors = [issue for issue in issues if issue.severity == "error"]
    if any(issue.location in pictures for issue in errors):
        return None
    # The thorough checks did not run (the loader gave no exhibit): each picture is decoded
    # by them (in a child process) before the preview may open it.
    thorough = check_exhibit(draft, folder, only_thorough=True)
    if any(issue.severity == "error" and issue.location in pictures for issue in thorough):
        return None
    return draft


def _parts(texts: Mapping[str, bytes]) -> dict[str, Any] | None:
    """Each file read by the loader's spec, or None when one has an error of its own."""
    reader = FieldReader()
    parts = {}
    for name in FILE_SPECS:
        try:
            part = FAILED if name not in texts else read_file(reader, name, texts[name])
        except ContentError:
            return None
        if part is FAILED:
            return None
        parts[name] = part
    return None if any(issue.severity == "error" for issue in reader.issues) else parts
