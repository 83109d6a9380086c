"""The start screen's title is drawn once and then only blended while the light breathes
under it (kiosk.ui.widgets.drawn_once): it must look exactly as QLabel draws it, and be drawn
anew whenever its text, size or look changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from conftest import Finger, KioskFactory
from kiosk.content.model import Exhibit
from kiosk.core.session import Access
from kiosk.ui.widgets.drawn_once import DrawnOnceLabel
from kiosk.ui.widgets.text import make_label
from paint_counter import PaintCounter

STYLE = """
    QWidget { background: transparent; color: #f2ebe3; font-family: "Noto Serif"; }
    QWidget#Host { background: #2a1f1c; }
    QLabel[role="title"] { font-size: 96px; }
    QLabel[role="note"] { font-size: 22px; color: #b9a89a; }
"""


def plain_twin(label: QLabel) -> QLabel:
    """A plain QLabel beside ``label``, as make_label would make it, showing the same."""
    twin = make_label(str(label.property("role")), label.parentWidget(), wrap=label.wordWrap())
    twin.setAlignment(label.alignment())
    twin.setText(label.text())
    twin.setGeometry(label.geometry())
    twin.show()
    return twin


def image(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


# Glyph outlines filled at two moments of a long test session can differ at their edges by a
# few levels of coverage (seen up to 0x20 after other tests had run, while a drawing made at
# the same moment matched exactly; Qt's font engines are cached and made anew).  A wrong
# drawing (other text, size, colour or place) differs by far more in many pixels.
EDGE_NOISE = 64


def assert_looks_like_qlabel(label: QLabel) -> None:
    twin = plain_twin(label)
    try:
        image(label)  # a first paint with a new look is QLabel's own; the second is drawn
        drawings = getattr(label, "drawings", 0)
        drawn, plain = image(label), image(twin)
        if isinstance(label, DrawnOnceLabel):
            assert label.drawings in (drawings, drawings + 1) and label.drawings > 0
        assert drawn.size() == plain.size()
        apart = [
            index
            for index, (one, other) in enumerate(
                zip(bytes(drawn.constBits()), bytes(plain.constBits()), strict=True)
            )
            if abs(one - other) > EDGE_NOISE
        ]
        assert apart == [], f"{len(apart)} channel values differ by more than {EDGE_NOISE}"
    finally:
        twin.deleteLater()


@pytest.mark.parametrize(
    ("role", "text", "wrap", "alignment"),
    [
        ("title", "20 January - National Mourning Day", True, Qt.AlignmentFlag.AlignCenter),
        (
            "title",
            "A title long enough to wrap onto a second line here",
            True,
            Qt.AlignmentFlag.AlignLeft,
        ),
        ("title", "Ölüm, iş, ğ, ə, ı: Azərbaycan", False, Qt.AlignmentFlag.AlignRight),
        ("title", "שלום עולם", True, Qt.AlignmentFlag.AlignLeft),  # right to left
        ("note", "Shown in English", True, Qt.AlignmentFlag.AlignCenter),
        ("title", "Memory & Mourning: <b>not</b> markup", True, Qt.AlignmentFlag.AlignCenter),
    ],
)
def test_it_looks_exactly_as_qlabel_draws_it(
    qtbot: QtBot, role: str, text: str, wrap: bool, alignment: Qt.AlignmentFlag
) -> None:
    host = QWidget()
    host.setObjectName("Host")
    host.setStyleSheet(STYLE)
    qtbot.addWidget(host)
    host.resize(1200, 400)
    label = make_label(role, host, wrap=wrap, drawn_once=True)
    assert isinstance(label, DrawnOnceLabel)
    label.setAlignment(alignment)
    label.setText(text)
    label.setGeometry(20, 30, 1100, 300)
    host.show()
    qtbot.waitExposed(host)
    assert_looks_like_qlabel(label)
    assert label.drawings == 1


def test_the_title_is_drawn_once_while_the_light_breathes_and_anew_when_it_changes(
    qtbot: QtBot, make_kiosk: KioskFactory, exhibit: Exhibit, finger: Finger
) -> None:
    # A title staff translated (the content policy leaves content translations to them).
    title_text = exhibit.settings.title._replace(
        values={**exhibit.settings.title.values, "az": "Staff's own title in Azerbaijani"}
    )
    exhibit = exhibit._replace(settings=exhibit.settings._replace(title=title_text))
    kiosk = make_kiosk(exhibit, reduced_motion=False)
    attract = kiosk.window.attract
    title = attract.title
    assert isinstance(title, DrawnOnceLabel)
    assert attract.ambient.is_animating()
    title_paints, light_paints = PaintCounter(), PaintCounter()
    title.installEventFilter(title_paints)
    attract.ambient.installEventFilter(light_paints)
    # The light's frames repaint the screen under the title: the title paints with each.
    qtbot.waitUntil(lambda: light_paints.paints >= 4 and title_paints.paints >= 4, timeout=20_000)
    assert title.drawings == 1
    assert_looks_like_qlabel(title)

    # Larger text: the style sheet's new font, drawn anew at its new size.
    height, drawings = title.height(), title.drawings
    kiosk.session.set_access(Access(text_step=2, reduced_motion=False))
    qtbot.waitUntil(lambda: title.height() > height, timeout=10_000)
    qtbot.waitUntil(lambda: title.drawings > drawings, timeout=10_000)
    assert_looks_like_qlabel(title)

    # High contrast: other colours, same size, drawn anew.
    drawings = title.drawings
    kiosk.session.set_access(Access(text_step=2, high_contrast=True, reduced_motion=False))
    qtbot.waitUntil(lambda: title.drawings > drawings, timeout=10_000)
    assert_looks_like_qlabel(title)

    # Another language: another text, drawn anew (a language chosen begins the visit).
    english, drawings = title.text(), title.drawings
    other = next(
        b for b in attract.languages.findChildren(QWidget) if b.objectName() == "Language-az"
    )
    finger.tap(other)
    qtbot.waitUntil(lambda: title.text() != english, timeout=10_000)
    assert title.text() == "Staff's own title in Azerbaijani"
    # The visit has begun (the start screen is hidden): its next paints draw the new text.
    assert_looks_like_qlabel(title)
    assert title.drawings > drawings


@pytest.mark.parametrize(
    ("text", "right_to_left"),
    [("20 January", False), ("2026 שלום", True), ("ال", True), ("123", False), ("", False)],
)
def test_the_direction_is_the_first_strong_letters(text: str, right_to_left: bool) -> None:
    from kiosk.ui.widgets.drawn_once import _right_to_left  # noqa: PLC0415

    assert _right_to_left(text) is right_to_left
