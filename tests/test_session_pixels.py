"""The pixel check CI's session test runs on screenshots of cage's output
(packaging/linux/session_pixels.py): it must fail on a black, partly covered or
title-barred output, and on one without the start screen's text, and pass on the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

from script_modules import load_script
from test_packaging import LINUX

SIZE = (320, 180)
SCREEN = QColor("#14110F")  # the exhibit's background: dark, never cage's black
TITLE = QRect(60, 60, 200, 24)


pixels = load_script(LINUX / "session_pixels.py")


def start_screen() -> QImage:
    """A stand-in for the rendered start screen: a dark background, bright title text."""
    image = QImage(*SIZE, QImage.Format.Format_RGB32)
    image.fill(SCREEN)
    painter = QPainter(image)
    painter.fillRect(TITLE, QColor("#ECE7DF"))
    painter.end()
    return image


def painted(image: QImage, rect: QRect, colour: str) -> QImage:
    result = image.copy()
    painter = QPainter(result)
    painter.fillRect(rect, QColor(colour))
    painter.end()
    return result


def problems(shot: QImage) -> list[str]:
    # The checker is loaded from its file (not a package): mypy cannot see its types.
    found: list[str] = pixels.coverage_problems(shot, "start screen")
    found += pixels.likeness_problems(shot, start_screen(), "start screen")
    return found


def test_the_screen_over_the_whole_output_passes() -> None:
    assert problems(start_screen()) == []


def test_a_black_output_fails() -> None:
    black = QImage(*SIZE, QImage.Format.Format_RGB32)
    black.fill(QColor("black"))
    found = problems(black)
    assert any("100% of the output is the compositor's background" in p for p in found)
    assert any("text" in p for p in found)


@pytest.mark.parametrize(
    ("edge", "rect"),
    [
        ("right", QRect(SIZE[0] - 40, 0, 40, SIZE[1])),  # a window narrower than the output
        ("bottom", QRect(0, SIZE[1] - 30, SIZE[0], 30)),
        ("left", QRect(0, 0, 6, SIZE[1])),  # moved a few pixels
    ],
)
def test_a_partly_covered_output_fails(edge: str, rect: QRect) -> None:
    found = problems(painted(start_screen(), rect, "black"))
    assert any(f"the {edge} edge shows the compositor's background" in p for p in found), found


def test_a_title_bar_fails() -> None:
    found = problems(painted(start_screen(), QRect(0, 0, SIZE[0], 12), "#EFEFEF"))
    assert any("the top edge differs from the reference" in p for p in found), found


def test_an_output_without_the_title_text_fails() -> None:
    found = problems(painted(start_screen(), TITLE, SCREEN.name()))
    assert any("of the reference's text is on the output" in p for p in found), found


def test_an_output_of_another_size_fails() -> None:
    shot = start_screen().scaled(SIZE[0] * 2, SIZE[1] * 2)
    assert problems(shot)[-1].startswith("start screen: the output is 640x360")


def pin_pad_over(screen: QImage) -> QImage:
    """The screen dimmed nearly to black, with a lighter panel and its text in the middle."""
    result = screen.copy()
    painter = QPainter(result)
    painter.fillRect(result.rect(), QColor(0, 0, 0, 210))
    painter.fillRect(QRect(110, 40, 100, 100), QColor("#231E1B"))
    painter.fillRect(QRect(130, 60, 60, 12), QColor("#ECE7DF"))
    painter.end()
    return result


def test_the_pin_pad_over_the_dimmed_screen_passes() -> None:
    assert pixels.layer_problems(pin_pad_over(start_screen()), "PIN pad") == []


def test_the_screen_without_its_pin_pad_fails() -> None:
    found = pixels.layer_problems(start_screen(), "PIN pad")
    assert any("not dimmed" in p for p in found), found


def test_a_pin_pad_window_smaller_than_the_output_fails() -> None:
    shot = painted(pin_pad_over(start_screen()), QRect(0, SIZE[1] - 20, SIZE[0], 20), "black")
    found = pixels.layer_problems(shot, "PIN pad")
    assert any("the bottom edge shows the compositor's background" in p for p in found), found
