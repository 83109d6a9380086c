"""The start screen's breathing light: a frame only when the eye could see a change, only over
the glow's own parts, the same sixteen-second breath, and no timer at all when it rests.

Time is a clock the tests hold (milliseconds), never the wall clock: the light is told the
moment and asked for its frame, as its timer would."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QLabel, QWidget

from conftest import make_kiosk
from kiosk.core.session import Access
from kiosk.ui.display_sleep import DisplaySleep
from kiosk.ui.widgets import breath
from kiosk.ui.widgets.ambient import AmbientLight, paint_glow

ACCENT, BACKGROUND = "#D98A76", "#14110F"
MONDAY_NOON = datetime.datetime(2026, 11, 23, 12, 0)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Paints(QObject):
    """Records the region of every paint event a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.regions: list[QRegion] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.regions.append(QRegion(event.region()))
        return False


@pytest.fixture
def light(qtbot):  # type: ignore[no-untyped-def]
    """A light alone on a host the size of a 1080p screen, with a label in a corner."""
    clock = Clock()
    host = QWidget()
    host.resize(1920, 1080)
    host.setStyleSheet(f"background: {BACKGROUND};")
    qtbot.addWidget(host)
    ambient = AmbientLight(ACCENT, host, background=BACKGROUND, clock=clock)
    ambient.setGeometry(host.rect())
    corner = QLabel("corner", host)
    corner.setGeometry(10, 980, 200, 90)  # left of the glow's square
    host.show()
    qtbot.waitExposed(host)
    ambient.set_moving(True)
    yield ambient, clock, corner
    host.close()


def step_through_breath(ambient: AmbientLight, clock: Clock, span_ms: float) -> list[float]:
    """Advance the clock frame by frame, as the timer would; the moments of the frames."""
    moments = []
    while clock.now < span_ms:
        clock.now += ambient.frame_interval_ms()
        ambient.next_frame()
        moments.append(clock.now)
    return moments


def running_timers(widget: QWidget) -> list[QTimer]:
    return [timer for timer in widget.findChildren(QTimer) if timer.isActive()]


# -- the breath's arithmetic --------------------------------------------------------------------


def test_the_breath_takes_sixteen_seconds() -> None:
    assert breath.PERIOD_MS == 16_000
    for moment in range(0, 16_000, 250):
        assert breath.opacity(moment) == pytest.approx(breath.opacity(moment + 16_000))
    assert breath.opacity(4_000) == pytest.approx(breath.HIGH)  # fully lit a quarter in
    assert breath.opacity(12_000) == pytest.approx(breath.LOW)  # dimmest three quarters in


@pytest.mark.parametrize("steps", [36, 18, 9, 4])
def test_the_next_change_is_exactly_when_the_step_changes(steps: int) -> None:
    moment = 0.0
    while moment < 32_000:
        wait = breath.next_change_ms(moment, steps)
        now = breath.level(moment, steps)
        # Nothing changes before the moment given, and something changes just after it.
        for fraction in (0.1, 0.5, 0.99):
            assert breath.level(moment + wait * fraction, steps) == now
        assert breath.level(moment + wait + 0.01, steps) != now
        moment += wait + 0.01


# -- the widget ------------------------------------------------------------------------------


def test_the_frame_interval_adapts_to_the_breath(light) -> None:  # type: ignore[no-untyped-def]
    ambient, clock, _ = light
    steep = ambient.frame_interval_ms()  # the breath begins at its steepest
    clock.now = 3_900.0  # near the top, where the light hardly changes
    ambient.next_frame()
    slow = ambient.frame_interval_ms()
    assert 0 < steep < slow
    assert slow >= 4 * steep
    # Far fewer frames than ten a second, and the same sequence of steps every sixteen seconds.
    moments = step_through_breath(ambient, clock, 3_900.0 + 2 * 16_000)
    first = [m for m in moments if m < 3_900.0 + 16_000]
    assert 20 <= len(first) <= 48  # one per visible step of the brightest pixel (160 before)
    later = [m - 16_000 for m in moments if 3_900.0 + 16_000 <= m < 3_900.0 + 32_000]
    assert [round(m) for m in first] == pytest.approx([round(m) for m in later], abs=2)


def test_the_light_repaints_only_its_own_parts(qtbot, light) -> None:  # type: ignore[no-untyped-def]
    ambient, clock, corner = light
    parts = ambient.parts()
    assert len(parts) >= 2  # a centre and at least one coarser ring
    glow = QRegion()
    for region, _ in parts:
        glow = glow.united(region)
    QCoreApplication.processEvents()  # the first, whole paint, before counting
    light_paints, corner_paints = Paints(ambient), Paints(corner)
    centre = parts[0][0]
    outer = min((part for part in parts if part[1] > 0), key=lambda part: part[1])[0]
    centre_repaints = outer_repaints = 0
    for _ in range(40):
        clock.now += ambient.frame_interval_ms()
        before = len(light_paints.regions)
        ambient.next_frame()
        qtbot.waitUntil(lambda before=before: len(light_paints.regions) > before)
        painted = light_paints.regions[-1]
        assert painted.subtracted(glow).isEmpty()  # never outside the glow's square
        centre_repaints += not painted.intersected(centre).isEmpty()
        outer_repaints += not painted.intersected(outer).isEmpty()
    assert corner_paints.regions == []  # what lies outside the glow is left alone
    assert outer_repaints < centre_repaints / 2  # the faint rim steps less often


def test_the_light_looks_as_it_did(qtbot) -> None:  # type: ignore[no-untyped-def]
    """At matching moments, no pixel differs by more than one 8-bit level from the light at the
    breath's exact opacity (the old ten-frames-a-second paint)."""
    clock = Clock()
    host = QWidget()
    host.resize(480, 270)
    host.setStyleSheet(f"background: {BACKGROUND};")
    qtbot.addWidget(host)
    ambient = AmbientLight(ACCENT, host, background=BACKGROUND, clock=clock)
    ambient.setGeometry(host.rect())
    host.show()
    qtbot.waitExposed(host)
    ambient.set_moving(True)
    square = ambient.glow_rect().intersected(host.rect())
    glow = paint_glow(ambient.glow_rect().size(), QColor(ACCENT))
    for moment in (0, 1_000, 2_500, 4_000, 6_000, 8_000, 10_000, 12_000, 14_500):
        clock.now = 16_000.0 + moment
        ambient.next_frame()
        ambient.update()
        after = host.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        before = QImage(host.size(), QImage.Format.Format_RGB32)
        before.fill(QColor(BACKGROUND))
        painter = QPainter(before)
        painter.setOpacity(breath.opacity(moment))
        painter.drawPixmap(ambient.glow_rect().topLeft(), glow)
        painter.end()
        worst = max(
            abs(
                getattr(before.pixelColor(x, y), channel)()
                - getattr(after.pixelColor(x, y), channel)()
            )
            for x in range(square.left(), square.right(), 3)
            for y in range(square.top(), square.bottom(), 3)
            for channel in ("red", "green", "blue")
        )
        assert worst <= 1, f"{moment} ms: a pixel {worst} levels away"


# -- resting --------------------------------------------------------------------------------


def test_less_motion_and_closed_hours_leave_no_timer_running(qtbot, exhibit) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(qtbot, exhibit, reduced_motion=False)
    try:
        attract = kiosk.window.attract
        assert len(running_timers(attract)) == 1  # the light's, while it breathes
        kiosk.session.set_access(Access(reduced_motion=True))
        assert running_timers(attract) == []
        kiosk.session.set_access(Access())
        assert len(running_timers(attract)) == 1
        DisplaySleep(
            kiosk.window,
            {"daily": "closed"},
            clock=lambda: MONDAY_NOON,
            controller=kiosk.controller,
        )
        assert running_timers(attract) == []
    finally:
        kiosk.close()


def test_a_hidden_start_screen_runs_no_timer(qtbot, exhibit) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(qtbot, exhibit, reduced_motion=False)
    try:
        attract = kiosk.window.attract
        assert len(running_timers(attract)) == 1
        kiosk.session.go_home()
        assert running_timers(attract) == []
        kiosk.session.reset()
        assert len(running_timers(attract)) == 1
        kiosk.window.hide()
        assert running_timers(attract) == []
    finally:
        kiosk.close()


def test_a_new_size_or_background_makes_new_parts(qtbot, light) -> None:  # type: ignore[no-untyped-def]
    ambient, clock, _ = light
    before = [region.boundingRect() for region, _ in ambient.parts()]
    ambient.parentWidget().resize(3840, 2160)
    ambient.setGeometry(ambient.parentWidget().rect())
    clock.now += ambient.frame_interval_ms()
    ambient.next_frame()
    assert [region.boundingRect() for region, _ in ambient.parts()] != before
    assert ambient.is_animating()
    black = max(steps for _, steps in ambient.parts())
    ambient.set_background("#FFFFFF")  # the same glow changes a white screen far less
    assert max(steps for _, steps in ambient.parts()) < black


def test_a_light_not_laid_out_yet_paints_nothing_and_waits(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(400, 300)
    ambient = AmbientLight(ACCENT, host, background=BACKGROUND, clock=clock)
    ambient.resize(0, 0)
    host.show()
    qtbot.waitExposed(host)
    ambient.set_moving(True)
    ambient.repaint()
    assert ambient.parts() == []
    assert ambient.frame_interval_ms() == breath.PERIOD_MS  # at most one wake-up a breath
    ambient.setGeometry(host.rect())
    clock.now += breath.PERIOD_MS
    ambient.next_frame()
    assert ambient.parts() != []
    assert 0 < ambient.frame_interval_ms() < breath.PERIOD_MS
