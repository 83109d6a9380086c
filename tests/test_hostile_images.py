"""Hostile pictures named by the content: each refused (or accepted, with a warning where
staff should know) with a finding on the line that names it, within a second; decoding
happens only in the probe's own process, whose memory stays bounded."""

from __future__ import annotations

import logging
import random
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QImageReader, QImageWriter

from hostile import (
    IMAGE_AT,
    MAX_DECODER_MIB,
    MAX_GROWTH_MIB,
    SECONDS,
    animated_gif,
    assert_answered,
    baseline,
    errors,
    measure_isolated,
    png,
    png_bomb,
    set_image,
)
from kiosk.content import images
from kiosk.content.loader import load_exhibit
from kiosk.ui.pictures import load_scaled

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>\n'


def noisy_image(width: int = 320, height: int = 240) -> QImage:
    """Busy pixels, so that a JPEG of it has a long scan to cut short."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    chance = random.Random(20)
    for y in range(height):
        for x in range(0, width, 4):
            image.setPixelColor(x, y, QColor.fromRgb(chance.randrange(1 << 24)))
    return image


def jpeg(*, progressive: bool = False, cmyk: bool = False) -> bytes:
    """A JPEG written by Qt's own encoder: baseline, progressive, or with four (CMYK)
    components (Qt writes a CMYK JPEG from a CMYK8888 image)."""
    image = noisy_image()
    if cmyk:
        image = image.convertToFormat(QImage.Format.Format_CMYK8888)
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: PLC0415

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, b"jpeg")
    writer.setProgressiveScanWrite(progressive)
    assert writer.write(image), writer.errorString()
    buffer.close()
    return bytes(data.data())


def jpeg_frame(data: bytes) -> tuple[int, int]:
    """The start-of-frame marker and the number of components, read back for the test."""
    info = images.sniff_bytes(data)
    offset = 2
    while data[offset + 1] not in (0xC0, 0xC1, 0xC2):
        offset += 2 + struct.unpack(">H", data[offset + 2 : offset + 4])[0]
    return data[offset + 1], info.channels


def light_png() -> bytes:
    return (Path(__file__).parent / "fixtures" / "broken" / "image-ok" / "light.png").read_bytes()


def test_the_crafted_30000_square_png_is_what_it_claims(tmp_path: Path) -> None:
    data = png(30000, 30000)
    assert len(data) < 100
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (length, kind) == (13, b"IHDR")
    (crc,) = struct.unpack(">I", data[29:33])
    assert crc == zlib.crc32(data[12:29])
    path = tmp_path / "huge.png"
    path.write_bytes(data)
    assert QImageReader(str(path)).size() == QSize(30000, 30000)  # Qt believes it too


def test_the_generated_jpegs_are_progressive_and_cmyk() -> None:
    assert jpeg_frame(jpeg()) == (0xC0, 3)
    assert jpeg_frame(jpeg(progressive=True)) == (0xC2, 3)
    assert jpeg_frame(jpeg(cmyk=True)) == (0xC0, 4)


# (id, file name in pictures/, bytes) -> the exact finding on the moment's image line.
REFUSED: list[tuple[str, str, Callable[[], bytes], str]] = [
    (
        "png-declaring-30000x30000",
        "huge.png",
        lambda: png(30000, 30000),
        "is 30000x30000 pixels; images may have at most 40 megapixels",
    ),
    (
        "png-declaring-the-largest-size",
        "huge.png",
        lambda: png(2**31 - 1, 2**31 - 1),
        "is 2147483647x2147483647 pixels; images may have at most 40 megapixels",
    ),
    (
        "png-declaring-no-pixels",
        "empty.png",
        lambda: png(0, 0),
        "cannot be decoded: unreadable image: the file is damaged or cut short",
    ),
    (
        "png-cut-in-the-signature",
        "cut.png",
        lambda: light_png()[:6],
        "is not a PNG, JPEG or WebP image (it looks like unknown)",
    ),
    (
        "png-cut-in-the-size",
        "cut.png",
        lambda: light_png()[:20],
        "cannot be decoded: unreadable image: the file is damaged or cut short",
    ),
    (
        "png-cut-in-the-header-crc",
        "cut.png",
        lambda: light_png()[:31],
        "cannot be decoded: unreadable image: the file is damaged or cut short",
    ),
    (
        "png-cut-in-the-pixels",
        "cut.png",
        lambda: png_bomb(64)[:-20],
        "cannot be decoded: Unable to read image data",
    ),
    (
        "jpeg-cut-in-the-header",
        "cut.jpg",
        lambda: jpeg()[:300],
        "cannot be decoded: unreadable image: the file is damaged or cut short",
    ),
    (
        "jpeg-cut-in-the-scan",
        "cut.jpg",
        lambda: jpeg()[: len(jpeg()) * 2 // 3],
        "cannot be decoded: the file is cut short (Corrupt JPEG data: premature end of data "
        "segment)",
    ),
    (
        "progressive-jpeg-cut-in-the-scan",
        "cut.jpg",
        lambda: jpeg(progressive=True)[: len(jpeg(progressive=True)) // 2],
        "cannot be decoded: the file is cut short (Corrupt JPEG data: premature end of data "
        "segment)",
    ),
    (
        "png-named-jpg",
        "photo.jpg",
        light_png,
        "is a PNG image but is named .jpg",
    ),
    (
        "jpeg-named-png",
        "photo.png",
        jpeg,
        "is a JPEG image but is named .png",
    ),
    (
        "jpeg-without-extension",
        "photo",
        jpeg,
        "is a JPEG image but is named without an extension",
    ),
    (
        "text-named-png",
        "notes.png",
        "Şəkil gələcək\n".encode,
        "is a text file, not an image; content images must be PNG, JPEG or WebP",
    ),
    (
        "html-named-png",
        "page.png",
        lambda: b"<html><body>hello</body></html>\n",
        "is a text file, not an image; content images must be PNG, JPEG or WebP",
    ),
    (
        "empty-png",
        "empty.png",
        lambda: b"",
        "is an empty file; content images must be PNG, JPEG or WebP",
    ),
    (
        "random-bytes-png",
        "noise.png",
        lambda: bytes(random.Random(7).randrange(256) for _ in range(4096)),
        "is not a PNG, JPEG or WebP image (it looks like unknown)",
    ),
    (
        "animated-gif",
        "moving.gif",
        animated_gif,
        "is not a PNG, JPEG or WebP image (it looks like gif)",
    ),
    (
        "animated-gif-named-png",
        "moving.png",
        animated_gif,
        "is not a PNG, JPEG or WebP image (it looks like gif)",
    ),
    (
        "svg",
        "drawing.svg",
        lambda: SVG,
        "is an SVG drawing; content images must be PNG, JPEG or WebP",
    ),
    (
        "svg-named-png-behind-a-comment",
        "drawing.png",
        lambda: b'<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg>\n' + SVG,
        "is an SVG drawing; content images must be PNG, JPEG or WebP",
    ),
    (
        "svg-with-an-external-entity",
        "drawing.png",
        lambda: b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n' + SVG,
        "is an SVG drawing; content images must be PNG, JPEG or WebP",
    ),
]


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [pytest.param(name, make, message, id=case) for case, name, make, message in REFUSED],
)
def test_hostile_picture_is_refused_on_its_line(
    tmp_path: Path, file_name: str, content: Callable[[], bytes], message: str
) -> None:
    folder = baseline(tmp_path)
    (folder / "pictures" / file_name).write_bytes(content())
    set_image(folder, f"pictures/{file_name}")
    findings = assert_answered(folder)
    assert errors(findings) == [f"{IMAGE_AT}: error: 'pictures/{file_name}' {message}"]


def test_a_progressive_jpeg_is_accepted_and_shown(tmp_path: Path, qapp: QApplication) -> None:
    folder = baseline(tmp_path)
    (folder / "pictures" / "photo.jpg").write_bytes(jpeg(progressive=True))
    set_image(folder, "pictures/photo.jpg")
    assert assert_answered(folder) == []  # nothing to say: every decoder reads it
    exhibit = load_exhibit(folder)
    image = exhibit.timeline[1].image
    assert image is not None
    picture = load_scaled(exhibit.asset_path(image), QSize(160, 120))
    assert (picture.width(), picture.height()) == (160, 120)


def test_a_cmyk_jpeg_is_accepted_with_a_warning(tmp_path: Path, qapp: QApplication) -> None:
    folder = baseline(tmp_path)
    (folder / "pictures" / "print.jpg").write_bytes(jpeg(cmyk=True))
    set_image(folder, "pictures/print.jpg")
    assert assert_answered(folder) == [
        f"{IMAGE_AT}: warning: 'pictures/print.jpg' is a CMYK JPEG (made for print): it is "
        "shown with approximate colours; save it as RGB (sRGB) for the screen"
    ]
    exhibit = load_exhibit(folder)
    image = exhibit.timeline[1].image
    assert image is not None
    picture = load_scaled(exhibit.asset_path(image), QSize(160, 120))
    assert not picture.isNull()


def test_a_decompression_bomb_under_the_pixel_limit_decodes_in_bounded_memory(
    tmp_path: Path,
) -> None:
    """36 megapixels of black in 100 KB: legal (under 40 MP), so it is decoded, but only
    in the probe's process, scaled as shown; the validator itself does not grow."""
    good = baseline(tmp_path / "good")
    folder = baseline(tmp_path / "bomb")
    data = png_bomb(6000)
    assert len(data) < 200_000
    (folder / "pictures" / "light.png").write_bytes(data)
    report = measure_isolated(folder, good)
    growth = report["growth_kib"] / 1024
    decoder = report["children_kib"] / 1024
    print(f"png bomb: validator growth {growth:.1f} MiB, decoder peak {decoder:.0f} MiB")
    assert report["findings"] == []
    assert growth < MAX_GROWTH_MIB
    assert decoder < MAX_DECODER_MIB
    assert report["seconds"] < SECONDS  # hang guard


def test_the_30000_square_png_costs_neither_time_nor_memory(tmp_path: Path) -> None:
    good = baseline(tmp_path / "good")
    folder = baseline(tmp_path / "huge")
    (folder / "pictures" / "light.png").write_bytes(png(30000, 30000))
    report = measure_isolated(folder, good)
    growth = report["growth_kib"] / 1024
    print(f"30000x30000 png: validator growth {growth:.1f} MiB")
    assert report["findings"] == [
        f"{IMAGE_AT}: error: 'pictures/light.png' is 30000x30000 pixels; images may have at "
        "most 40 megapixels"
    ]
    assert growth < MAX_GROWTH_MIB
    assert report["seconds"] < SECONDS  # hang guard


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("huge.png", lambda: png(30000, 30000)),
        ("drawing.png", lambda: SVG),
        ("moving.png", animated_gif),
    ],
    ids=["30000-square", "svg", "gif"],
)
def test_the_kiosk_itself_refuses_a_picture_swapped_after_its_check(
    tmp_path: Path,
    qapp: QApplication,
    caplog: pytest.LogCaptureFixture,
    name: str,
    content: Callable[[], bytes],
) -> None:
    """A file replaced after validation: no decode (Qt would warn, or decode an SVG), an
    empty picture and a line in the log."""
    path = tmp_path / name
    path.write_bytes(content())
    caplog.set_level(logging.WARNING)
    assert load_scaled(path, QSize(800, 600)).isNull()
    assert f"picture {path} is refused" in caplog.text


def test_header_sniffing_never_raises_on_any_prefix() -> None:
    """Every prefix of real PNG, JPEG and WebP-looking headers (the cut-short cases)."""
    samples = [light_png(), jpeg(), jpeg(progressive=True), png(30000, 30000)]
    samples.append(b"RIFF\x00\x00\x00\x00WEBPVP8X" + bytes(20))
    for sample in samples:
        for end in range(len(sample[:600]) + 1):
            images.sniff_bytes(sample[:end])
