"""The running exhibit is unaffected by hostile content saved into its folder: the hot
reload validates it in another process, refuses it with its findings, and the visitor's
exhibit stays exactly as it was."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from hostile import IMAGE_AT, baseline, billion_laughs, png, set_image
from kiosk.content.loader import load_exhibit
from kiosk.content.source import MAX_FILE_BYTES
from kiosk.core.reloader import ContentReloader
from kiosk.ui.live_content import LiveContent

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory

MIB = 1024 * 1024


def yaml_bomb(folder: Path) -> None:
    (folder / "figures.yaml").write_bytes(billion_laughs())


def fifty_megabytes(folder: Path) -> None:
    (folder / "statement.yaml").write_bytes(b"# " + b"x" * (50 * MIB) + b"\n")


def png_30000_square(folder: Path) -> None:
    (folder / "pictures" / "light.png").write_bytes(png(30000, 30000))


def traversal(folder: Path) -> None:
    set_image(folder, "../../etc/passwd")


CASES: list[tuple[Callable[[Path], None], str]] = [
    (yaml_bomb, "figures.yaml:1:4: error: anchors (&name) are not allowed in content"),
    (
        fifty_megabytes,
        f"statement.yaml:1:1: error: file is {50 * MIB + 3} bytes; content files may be at "
        f"most {MAX_FILE_BYTES} bytes",
    ),
    (
        png_30000_square,
        f"{IMAGE_AT}: error: 'pictures/light.png' is 30000x30000 pixels; images may have at "
        "most 40 megapixels",
    ),
    (
        traversal,
        f"{IMAGE_AT}: error: '../../etc/passwd' points outside the content folder (..)",
    ),
]


@pytest.mark.parametrize(
    ("save", "finding"), [pytest.param(save, finding, id=save.__name__) for save, finding in CASES]
)
def test_hostile_content_saved_into_the_live_folder_changes_nothing_on_screen(
    make_kiosk: KioskFactory,
    qtbot: QtBot,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    save: Callable[[Path], None],
    finding: str,
) -> None:
    folder = baseline(tmp_path)
    kiosk = make_kiosk(load_exhibit(folder), reduced_motion=True)
    reloader = ContentReloader(folder, kiosk.window)
    LiveContent(kiosk.controller, reloader, parent=kiosk.window)
    shown_before = kiosk.window.exhibit
    title_before = kiosk.window.attract.title.text()
    arrived: list[object] = []
    reloader.content_ready.connect(arrived.append)
    caplog.set_level(logging.WARNING)
    with qtbot.waitSignal(reloader.content_refused, timeout=30_000) as refused:
        save(folder)
    reported = [str(issue) for issue in refused.args[0]]
    assert finding in reported
    assert arrived == []
    assert kiosk.window.exhibit is shown_before
    assert (
        kiosk.window.attract.title.text() == title_before == ("20 January - National Mourning Day")
    )
    assert "was refused" in caplog.text and finding in caplog.text
