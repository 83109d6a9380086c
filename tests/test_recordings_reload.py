"""Hot reload follows narration.yaml and the recordings like any other content file: a bad
recording is refused (the visitor keeps the last good exhibit), a good one comes in."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from content_cases import copy_content
from kiosk.content.loader import load_exhibit
from kiosk.content.model import recording_for
from kiosk.core.reloader import ContentReloader

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory

TONES = Path(__file__).resolve().parent / "fixtures" / "audio"
TAGGED = Path(__file__).resolve().parent / "fixtures" / "recordings"


def test_narration_added_to_a_showing_exhibit_is_checked_and_taken_in(
    make_kiosk: KioskFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    content = copy_content(tmp_path)
    kiosk = make_kiosk(load_exhibit(content), reduced_motion=True)
    reloader = ContentReloader(content, kiosk.window)
    (content / "audio").mkdir()
    shutil.copyfile(TAGGED / "tagged-ru.ogg", content / "audio" / "title.ogg")
    with qtbot.waitSignal(reloader.content_refused, timeout=30_000) as refused:
        (content / "narration.yaml").write_text(
            "schema_version: 1\nrecordings:\n  exhibit.title: {en: audio/title.ogg}\n",
            encoding="utf-8",
        )
    assert any("is tagged as Russian" in str(issue) for issue in refused.args[0])
    assert kiosk.window.exhibit.narration is None  # the last good exhibit stays
    with qtbot.waitSignal(reloader.content_ready, timeout=30_000) as ready:
        shutil.copyfile(TONES / "tone.ogg", content / "audio" / "title.ogg")
    exhibit = ready.args[0]
    assert recording_for(exhibit, "exhibit.title", "en") == content / "audio" / "title.ogg"
