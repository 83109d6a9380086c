"""The fade between screens: the old screen, as it was last painted, fades into the new one,
and the old screen is not painted a second time to get there."""

# mypy: disable-error-code="comparison-overlap"
# (a tap changes the visit's screen after mypy narrowed it: `is Screen.HOME` after `is
# Screen.STATEMENT` is the point of these tests.)

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QWidget

from conftest import Finger, make_kiosk
from kiosk.core.session import Screen
from kiosk.ui.widgets.fade import last_frame

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from kiosk.content.model import Exhibit


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted: set[int] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.add(id(watched))
        return False


def _in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _alike(one: QImage, other: QImage) -> bool:
    """The same picture to the eye: equal sizes, and at an eighth of the size no colour
    channel differs by more than 12 of 255."""
    if one.size() != other.size():
        return False
    small = one.size() / 8
    mode = Qt.TransformationMode.SmoothTransformation
    a = one.convertToFormat(QImage.Format.Format_RGB32).scaled(small, mode=mode)
    b = other.convertToFormat(QImage.Format.Format_RGB32).scaled(small, mode=mode)
    return all(
        abs(QColor(a.pixel(x, y)).red() - QColor(b.pixel(x, y)).red()) <= 12
        and abs(QColor(a.pixel(x, y)).green() - QColor(b.pixel(x, y)).green()) <= 12
        and abs(QColor(a.pixel(x, y)).blue() - QColor(b.pixel(x, y)).blue()) <= 12
        for y in range(a.height())
        for x in range(a.width())
    )


def _as_image(snapshot: object) -> QImage:
    return snapshot if isinstance(snapshot, QImage) else snapshot.toImage()  # type: ignore[attr-defined]


def test_the_fade_starts_from_the_frame_on_screen_without_painting_the_old_screen_again(
    qtbot: QtBot, exhibit: Exhibit, finger: Finger
) -> None:
    kiosk = make_kiosk(qtbot, exhibit, reduced_motion=False)
    try:
        window = kiosk.window
        finger.tap(window.attract)
        qtbot.waitUntil(lambda: not window.fade.isVisible(), timeout=30_000)
        assert window.built is not None
        home = window.built.home
        shown = window.grab().toImage()  # the home screen at rest, as the visitor sees it
        tapped = home.tiles[Screen.STATEMENT]
        # Everything of the home screen away from the tapped tile (whose pressed look may
        # be painted once): rendering the old screen again would paint all of it.
        tapped_area = _in_window(tapped, window)
        away = [
            w
            for w in home.findChildren(QLabel)
            if w.isVisible() and not _in_window(w, window).intersects(tapped_area)
        ]
        assert away, "the home screen has labels away from the tapped tile"
        # The frame the last fade's end asked for is painted, as it would be before a tap.
        QCoreApplication.sendPostedEvents(window, QEvent.Type.UpdateRequest)
        counter = PaintCounter()
        for widget in away:
            widget.installEventFilter(counter)
        try:
            finger.tap(tapped)
        finally:
            for widget in away:
                widget.removeEventFilter(counter)
        assert kiosk.session.screen is Screen.STATEMENT and window.fade.is_running()
        assert counter.painted == set()
        # The fade's first frame is the home screen as it was shown.
        # The fade's first frame is the home screen as it was shown (icons may differ by a
        # shade at their antialiased edges between the screen and a fresh rendering).
        assert _alike(_as_image(window.fade.snapshot()), shown)
        assert _alike(window.grab().toImage(), shown)  # covered by the old screen
        # And on the screen itself: the first frame leaves the old screen in the window's
        # backing store (it is not drawn again there).
        QCoreApplication.sendPostedEvents(window, QEvent.Type.UpdateRequest)
        on_screen = window.backingStore().paintDevice()
        assert isinstance(on_screen, QImage)
        assert _alike(on_screen.copy(), shown)
        qtbot.waitUntil(lambda: not window.fade.isVisible(), timeout=30_000)
        assert window.stack.currentWidget() is window.built.statement
        assert not _alike(window.grab().toImage(), shown)  # then the new screen, alone
        # The next fade copies into the memory of the last one: the statement, not home.
        statement_shown = window.grab().toImage()
        finger.tap(window.nav.back_button)
        assert kiosk.session.screen is Screen.HOME and window.fade.is_running()
        assert _alike(_as_image(window.fade.snapshot()), statement_shown)
        qtbot.waitUntil(lambda: not window.fade.isVisible(), timeout=30_000)
        assert _alike(window.grab().toImage(), shown)
    finally:
        kiosk.close()


def test_a_widget_without_a_frame_of_its_own_is_rendered(qtbot: QtBot) -> None:
    """Not shown (or held in the rotated host's scene): no backing store to copy."""
    label = QLabel("Hello")
    qtbot.addWidget(label)
    label.resize(200, 80)
    frame = last_frame(label)
    assert _as_image(frame).size() == label.grab().size()
    assert _as_image(frame) == label.grab().toImage()
