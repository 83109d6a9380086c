"""Pictures staff add are shown scaled to fit, never blank because they are large."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QSize, QThread
from PySide6.QtGui import QColor, QImage

from conftest import views
from content_cases import build_case
from kiosk.content.loader import load_exhibit
from kiosk.core.session import Access, Screen
from kiosk.render import render_all
from kiosk.ui import pictures
from kiosk.ui.layout_check import find_clipped_text
from kiosk.ui.screens.timeline import TimelineScreen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit

# A hang guard for a decode on the worker thread, not a speed bound: a 15 MP decode takes a
# fraction of a second on a quiet machine and many times that on a busy one.  How fast it
# must be is measured by bench/frames.py.
DECODED_MS = 60_000


@pytest.fixture
def exhibit_with_large_picture(tmp_path: Path) -> Exhibit:
    folder = build_case("image-ok", tmp_path)
    # 5000x3000 is 60 MB decoded: shown only because it is decoded at the size it is shown.
    image = QImage(5000, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor("#5A4A40"))
    assert image.save(str(folder / "pictures" / "light.png"))
    return load_exhibit(folder)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 800)])
def test_a_large_picture_is_shown_scaled(
    make_kiosk: KioskFactory,
    qtbot: QtBot,
    exhibit_with_large_picture: Exhibit,
    size: tuple[int, int],
) -> None:
    kiosk = make_kiosk(exhibit_with_large_picture, size=size, reduced_motion=True)
    kiosk.session.go_home()
    kiosk.session.open(Screen.TIMELINE)
    timeline = views(kiosk.window).timeline
    assert not timeline.picture.isVisible()  # 1990 has no picture
    kiosk.session.set_timeline_index(1)
    # Decoded on the worker thread.
    qtbot.waitUntil(timeline.pictures.is_idle, timeout=DECODED_MS)
    QCoreApplication.processEvents()
    pixmap = timeline.picture.pixmap()
    assert timeline.picture.isVisible() and not pixmap.isNull()
    assert pixmap.width() <= timeline.width() and pixmap.height() <= size[1] // 3
    assert abs(pixmap.width() / pixmap.height() - 5 / 3) < 0.02  # proportions kept
    assert find_clipped_text(kiosk.window) == []


@pytest.mark.parametrize(
    ("size", "language", "text_step"),
    [((1080, 1920), "en", 0), ((1920, 1080), "ru", 2), ((1280, 800), "ru", 2)],
    ids=["portrait", "largest-text", "small-largest-text"],
)
def test_a_picture_gives_way_to_the_text_and_never_grows_the_window(
    make_kiosk: KioskFactory,
    qtbot: QtBot,
    tmp_path: Path,
    size: tuple[int, int],
    language: str,
    text_step: int,
) -> None:
    """Found by the soak test: a landscape picture on a portrait screen, or beside the largest
    text, made the window's minimum larger than the display; the window grew past the edge of
    the screen (Back and Home with it), and the metrics, which follow the window, grew too."""
    folder = build_case("image-ok", tmp_path)
    exhibit_file = folder / "exhibit.yaml"
    exhibit_file.write_text(
        exhibit_file.read_text(encoding="utf-8").replace("languages: [en]", "languages: [en, ru]"),
        encoding="utf-8",
    )
    image = QImage(2400, 1350, QImage.Format.Format_RGB32)  # 16:9, wider than the card
    image.fill(QColor("#5A4A40"))
    assert image.save(str(folder / "pictures" / "light.png"))
    kiosk = make_kiosk(load_exhibit(folder), size=size, reduced_motion=True)
    session, window = kiosk.session, kiosk.window
    session.set_language(language)
    session.set_access(Access(text_step=text_step))
    session.go_home()
    session.open(Screen.TIMELINE)
    session.set_timeline_index(1)
    timeline = views(window).timeline
    # Decoded on the worker thread.
    qtbot.waitUntil(timeline.pictures.is_idle, timeout=DECODED_MS)
    QCoreApplication.processEvents()
    assert window.size().toTuple() == size
    assert find_clipped_text(window) == []
    shown = timeline.picture.shown_rect()
    assert timeline.picture.isVisible() and not shown.isEmpty()
    assert timeline.picture.contentsRect().contains(shown)
    assert abs(shown.width() / shown.height() - 16 / 9) < 0.03  # never stretched


def test_pictures_are_decoded_off_the_gui_thread_and_ahead_of_the_visitor(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit_with_large_picture: Exhibit
) -> None:
    """Found by bench/frames.py: a 12 MP picture decoded on the GUI thread froze each step of
    the timeline for about 175 ms."""
    kiosk = make_kiosk(exhibit_with_large_picture, reduced_motion=True)
    kiosk.session.go_home()
    kiosk.session.open(Screen.TIMELINE)
    timeline = views(kiosk.window).timeline
    # On 1990, with no picture of its own, the next moment's picture is already coming.
    assert not timeline.pictures.is_idle()
    decoded_on: list[object] = []
    real_read = pictures.read_scaled

    def spy(path: Path, bounds: QSize) -> QImage:
        decoded_on.append(QThread.currentThread())
        return real_read(path, bounds)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pictures, "read_scaled", spy)
        timeline.pictures.clear()
        timeline.pictures.prefetch(Path(decoded_on.__class__.__name__), QSize(640, 360))
        qtbot.waitUntil(timeline.pictures.is_idle, timeout=DECODED_MS)
    assert decoded_on and decoded_on[0] is not QThread.currentThread()
    qtbot.waitUntil(timeline.pictures.is_idle, timeout=DECODED_MS)
    kiosk.session.set_timeline_index(1)
    shown = timeline.picture.pixmap()
    assert timeline.picture.isVisible() and not shown.isNull()
    assert shown.toImage().pixelColor(5, 5) == QColor("#5A4A40")  # at once, not a placeholder


def test_rendered_proofs_wait_for_the_picture(
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    exhibit_with_large_picture: Exhibit,
) -> None:
    # Without decoding ahead, the picture is still on its way when the moment is shown.
    monkeypatch.setattr(TimelineScreen, "_prefetch_neighbours", lambda self: None)
    written = render_all(exhibit_with_large_picture, tmp_path / "out", [(1920, 1080)])
    moment = exhibit_with_large_picture.timeline[1]
    proof = QImage(str(next(path for path in written if path.stem == f"timeline-{moment.id}")))
    colours = {
        proof.pixelColor(x, y).name() for x in range(0, 1920, 40) for y in range(0, 1080, 40)
    }
    assert "#5a4a40" in colours
