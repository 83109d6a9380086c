"""`kiosk fallback`: the calm notice after repeated crashes paints its message in three
languages, fits any window, loads nothing the kiosk reads, and logs that it is shown."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QColor, QImage

import kiosk.content.loader
import kiosk.packs.pointer
import kiosk.station
import kiosk.ui.fallback
from kiosk.cli import main
from kiosk.ui.fallback import (
    BACKGROUND,
    MARGIN,
    MESSAGES,
    FallbackScreen,
    fallback_image,
    load_fonts,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot


def pixel_rows(image: QImage) -> tuple[list[bytes], bytes]:
    """The image's rows as grey bytes, and the background's grey byte."""
    assert image.pixelColor(0, 0) == QColor(BACKGROUND)
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())
    stride, width = grey.bytesPerLine(), grey.width()
    rows = [data[y * stride : y * stride + width] for y in range(grey.height())]
    return rows, rows[0][:1]


def ink_box(image: QImage) -> tuple[int, int, int, int]:
    """Left, top, right and bottom margins of everything that is not background."""
    rows, blank = pixel_rows(image)
    inked = [y for y, row in enumerate(rows) if row.strip(blank)]
    assert inked, "nothing was painted"
    left = min(len(rows[y]) - len(rows[y].lstrip(blank)) for y in inked)
    right = min(len(rows[y]) - len(rows[y].rstrip(blank)) for y in inked)
    return left, inked[0], right, len(rows) - 1 - inked[-1]


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (3840, 2160), (800, 480)])
def test_the_message_is_painted_centred_and_whole(
    qapp: QApplication, size: tuple[int, int]
) -> None:
    image = fallback_image(size)
    assert (image.width(), image.height()) == size
    left, top, right, bottom = ink_box(image)
    width, height = size
    # Inside the margins on every side (nothing cut off), and centred.
    assert min(left, right) >= width * MARGIN * 0.95
    assert min(top, bottom) >= height * MARGIN * 0.95
    assert abs(left - right) <= max(4, width * 0.004)  # glyphs' side bearings differ
    assert abs(top - bottom) <= height * 0.03
    # Large type: the block of text is a good part of the screen, not a corner note.
    assert width - left - right >= width * 0.4


def test_six_lines_in_two_sizes(qapp: QApplication) -> None:
    image = fallback_image((1920, 1080))
    rows, blank = pixel_rows(image)
    bands: list[list[int]] = []  # runs of rows holding text
    for y, row in enumerate(rows):
        if row.strip(blank):
            if bands and bands[-1][-1] == y - 1:
                bands[-1].append(y)
            else:
                bands.append([y])
    heights = [len(band) for band in bands]
    assert len(heights) == 6, heights
    messages, requests = heights[0::2], heights[1::2]
    assert min(messages) > max(requests)  # each message larger than its request


def test_the_words_are_the_three_languages(qapp: QApplication, qtbot: QtBot) -> None:
    screen = FallbackScreen(load_fonts())
    qtbot.addWidget(screen)
    assert [language for language, _, _ in MESSAGES] == ["az", "en", "ru"]
    texts = [line.text for line in screen.lines()]
    assert texts[2:4] == ["This exhibit is paused for a moment.", "Please ask a member of staff."]
    assert "Bu sərgi qısa müddətə dayandırılıb." in texts
    assert "Пожалуйста, обратитесь к сотруднику." in texts
    assert not any("told" in text for text in texts)  # no promise nobody can keep
    assert "Please ask a member of staff." in screen.accessibleName()
    assert screen.family == "Noto Sans"


def test_it_cannot_be_closed_while_full_screen(qtbot: QtBot) -> None:
    screen = FallbackScreen()
    qtbot.addWidget(screen)
    screen.keep_open = True
    screen.resize(640, 480)
    screen.show()
    qtbot.waitExposed(screen)
    assert not screen.close()
    assert screen.isVisible()
    screen.keep_open = False
    assert screen.close()


def refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("the fallback must not read this")


@pytest.mark.parametrize("windowed", [True, False])
def test_it_shows_without_content_or_configuration(
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    windowed: bool,
) -> None:
    for module, name in [
        (kiosk.content.loader, "load_exhibit"),
        (kiosk.content.loader, "read_exhibit"),
        (kiosk.station, "load_station_config"),
        (kiosk.packs.pointer, "active_folder"),
    ]:
        monkeypatch.setattr(module, name, refuse)
    monkeypatch.setattr(kiosk.ui.fallback, "configure_logging", lambda **_: None)
    caplog.set_level(logging.INFO)
    arguments = ["fallback", "--exit-after-first-frame"]
    if windowed:
        arguments += ["--size", "1024x600"]
    assert main(arguments) == 0
    assert capsys.readouterr().out == "first-frame\n"
    shown = [r.getMessage() for r in caplog.records if r.name == "kiosk.ui.fallback"]
    # The test platform's screen is 3840x2160: full screen covers it.
    size = "1024x600" if windowed else "3840x2160"
    assert shown == [f"the fallback screen is shown ({size}): the kiosk itself is not running"]


def test_the_command_logs_to_the_kiosk_log(tmp_path: Path) -> None:
    broken = tmp_path / "station.yaml"
    broken.write_text("{ this is not: [valid", encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KIOSK_LOG_DIR=str(tmp_path / "logs"),
        KIOSK_CONFIG=str(broken),
    )
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "fallback", "--exit-after-first-frame"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "first-frame\n"), result.stderr
    log = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "WARNING kiosk.ui.fallback: the fallback screen is shown (" in log
    assert "Traceback" not in result.stderr


def test_a_fleet_sees_the_fallback_in_the_metrics_textfile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    textfile = tmp_path / "kiosk.prom"
    monkeypatch.setenv("KIOSK_METRICS_TEXTFILE", str(textfile))
    monkeypatch.setattr(kiosk.ui.fallback, "configure_logging", lambda **_: None)
    assert main(["fallback", "--exit-after-first-frame", "--size", "1024x600"]) == 0
    assert capsys.readouterr().out == "first-frame\n"
    metrics = textfile.read_text(encoding="utf-8").splitlines()
    assert "kiosk_fallback 1" in metrics
    assert "kiosk_up 0" in metrics
