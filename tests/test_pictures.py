"""Pictures staff add are shown scaled to fit, never blank because they are large."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QImage

from conftest import make_kiosk
from content_cases import build_case
from kiosk.content.loader import load_exhibit
from kiosk.core.session import Screen
from kiosk.ui.layout_check import find_clipped_text


@pytest.fixture
def exhibit_with_large_picture(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = build_case("image-ok", tmp_path)
    # 5000x3000 is 60 MB decoded: shown only because it is decoded at the size it is shown.
    image = QImage(5000, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor("#5A4A40"))
    assert image.save(str(folder / "pictures" / "light.png"))
    return load_exhibit(folder)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 800)])
def test_a_large_picture_is_shown_scaled(qtbot, exhibit_with_large_picture, size) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(qtbot, exhibit_with_large_picture, size=size, reduced_motion=True)
    try:
        kiosk.session.go_home()
        kiosk.session.open(Screen.TIMELINE)
        timeline = kiosk.window.screens[Screen.TIMELINE]
        assert not timeline.picture.isVisible()  # 1990 has no picture
        kiosk.session.set_timeline_index(1)
        QCoreApplication.processEvents()
        pixmap = timeline.picture.pixmap()
        assert timeline.picture.isVisible() and not pixmap.isNull()
        assert pixmap.width() <= timeline.width() and pixmap.height() <= size[1] // 3
        assert abs(pixmap.width() / pixmap.height() - 5 / 3) < 0.02  # proportions kept
        assert find_clipped_text(kiosk.window) == []
    finally:
        kiosk.close()
