"""Every screen at every supported size: rendered, with no clipped text, in bundled fonts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage, QRawFont

from conftest import views
from kiosk.core.session import Access
from kiosk.paths import fonts_dir
from kiosk.render import render_all, screen_states
from kiosk.ui.layout_check import find_clipped_text, find_overlapping_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit

SIZES = [(1920, 1080), (3840, 2160), (1080, 1920), (1280, 800)]
STATE_NAMES = [
    "attract",
    "home",
    "statement-top",
    "statement-end",
    "timeline-1990",
    "timeline-1991",
    "timeline-2020",
    "timeline-2023",
    "figures",
    "idle-warning",
    "access",
]


@pytest.mark.parametrize(
    ("language", "access"),
    [
        ("en", Access()),
        ("az", Access()),
        ("ru", Access()),
        ("en", Access(text_step=2, high_contrast=True)),
        ("ru", Access(text_step=2, high_contrast=True)),
        ("az", Access(text_step=2, high_contrast=True)),
    ],
    ids=["en", "az", "ru", "en-largest-contrast", "ru-largest-contrast", "az-largest-contrast"],
)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_text_is_clipped_on_any_screen(
    make_kiosk: KioskFactory,
    qtbot: QtBot,
    exhibit: Exhibit,
    size: tuple[int, int],
    language: str,
    access: Access,
) -> None:
    kiosk = make_kiosk(exhibit, size=size, reduced_motion=True)
    names = []
    for name, action in screen_states(kiosk, language, access):
        kiosk.window.close_layers()
        action()
        QCoreApplication.processEvents()
        names.append(name)
        assert find_clipped_text(kiosk.window) == [], f"{name} at {size}"
    assert names == STATE_NAMES


def test_the_clipping_check_catches_clipped_text(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit
) -> None:
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    title = kiosk.window.attract.title
    title.setFixedHeight(4)  # far too small for its text
    QCoreApplication.processEvents()
    assert any(found.text == title.text() for found in find_clipped_text(kiosk.window))


def test_the_window_keeps_the_size_of_the_display(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit
) -> None:
    """What does not fit gives way inside the window; the window itself never grows past the
    display (found by the soak test: a picture beside the largest text pushed Back and Home
    off the bottom of the screen, and the metrics, which follow the window, grew again)."""
    kiosk = make_kiosk(exhibit, size=(1280, 800), reduced_motion=True)
    kiosk.session.go_home()
    views(kiosk.window).home.setMinimumSize(2000, 1200)  # far too large
    QCoreApplication.processEvents()
    layout = kiosk.window.layout()
    assert layout is not None
    layout.activate()  # what Qt does next: the size it now needs
    QCoreApplication.processEvents()
    assert kiosk.window.size().toTuple() == (1280, 800)


def test_render_writes_one_png_per_state_per_size(
    qapp: QApplication, exhibit: Exhibit, tmp_path: Path
) -> None:
    written = render_all(exhibit, tmp_path, [(1920, 1080), (1080, 1920)])
    assert len(written) == 2 * len(STATE_NAMES)
    for folder, (width, height) in (("1920x1080", (1920, 1080)), ("1080x1920", (1080, 1920))):
        for name in STATE_NAMES:
            image = QImage(str(tmp_path / folder / f"{name}.png"))
            assert (image.width(), image.height()) == (width, height)
    attract = QImage(str(tmp_path / "1920x1080" / "attract.png"))
    home = QImage(str(tmp_path / "1920x1080" / "home.png"))
    assert attract != home


def test_bundled_fonts_have_a_glyph_for_every_character_of_the_content(
    qapp: QApplication, exhibit: Exhibit
) -> None:
    characters = {
        ch for text in exhibit.all_texts() for value in text.values.values() for ch in value
    }
    characters |= set("ƏəĞğIıİiŞşÇçÖöÜü") | set(
        "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    )
    characters |= set("0123456789\u202f·")
    fonts = sorted(fonts_dir().glob("*.ttf"))
    assert len(fonts) >= 2
    for path in fonts:
        raw = QRawFont(str(path), 24)
        assert raw.isValid(), path
        missing = sorted(
            ch for ch in characters if not ch.isspace() and not raw.supportsCharacter(ord(ch))
        )
        assert missing == [], f"{path.name} lacks {missing}"
    assert (fonts_dir() / "OFL.txt").is_file()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_pseudo_language_fits_everywhere(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(exhibit, size=size, reduced_motion=True)
    kiosk.window.use_pseudo_language()
    assert kiosk.window.nav.back_button.text() == "[Båçk ~~~]"
    for name, action in screen_states(kiosk):
        kiosk.window.close_layers()
        action()
        QCoreApplication.processEvents()
        assert find_clipped_text(kiosk.window) == [], f"{name} at {size}"
        assert find_overlapping_text(kiosk.window) == [], f"{name} at {size}"
