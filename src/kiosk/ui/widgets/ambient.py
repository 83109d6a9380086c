"""The start screen's slow light: a warm glow that breathes over sixteen seconds.

Drawn, not photographed: a radial gradient and a few fine arcs, painted once per window size
into a pixmap; each frame only blits that pixmap at a changing opacity, over the glow's own
square.  Reduced motion freezes it.

It costs almost nothing at rest because it paints only what the eye could see change:

- **A frame only when a pixel changes by one 8-bit level** (``widgets.breath``): the glow adds
  at most a few dozen levels to any pixel, so a breath has only that many visibly different
  frames; the timer sleeps until the next one is due (a few per second while the breath is
  steepest, about one a second at its slow ends) instead of ticking ten times a second.
- **Rings further out step less often**: the glow is faint away from its centre, so the square
  is split into a centre and two square rings, each stepping at the coarsest rate that still
  changes its own brightest pixel by at most one level (measured on the painted pixmap).  A
  ring repaints only when its own step changes, so the buttons at the bottom of the screen
  repaint a few times a breath, not with every step of the centre.

Each part is painted at the middle of its step, so no pixel is ever more than about half a
level from the light breathing continuously: the same colours, the same sixteen seconds.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QElapsedTimer, QPointF, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap, QRegion
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets import breath
from kiosk.ui.widgets.breath import PERIOD_MS

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

__all__ = ["PERIOD_MS", "AmbientLight", "paint_glow"]

# The centre steps with every visible level; the rings at a half and a quarter of that rate.
RING_DIVISORS = (1, 2, 4)


def paint_glow(size: QSize, accent: QColor) -> QPixmap:
    """The glow and its arcs at full strength, on a transparent square."""
    # Imported here: the first use of Qt's gradient class costs about 1.5 ms (its enums),
    # and the glow is painted after the start screen's first frame.
    from PySide6.QtGui import QRadialGradient  # noqa: PLC0415

    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(0, 0, size.width(), size.height())
    glow = QColor(accent)
    glow.setAlphaF(0.18)
    gradient = QRadialGradient(rect.center(), rect.width() / 2)
    gradient.setColorAt(0.0, glow)
    gradient.setColorAt(1.0, QColor(0, 0, 0, 0))
    painter.fillRect(rect, gradient)
    # Fine concentric arcs, like rings spreading on still water.
    line = QColor(accent)
    pen = QPen(line, max(1.0, rect.width() / 900))
    for ring in range(1, 5):
        line.setAlphaF(max(0.0, 0.10 - ring * 0.018))
        pen.setColor(line)
        painter.setPen(pen)
        radius = rect.width() / 2 * (0.38 + ring * 0.13)
        centre = rect.center()
        box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        painter.drawArc(box, 200 * 16, 140 * 16)
    painter.end()
    return pixmap


def radial_strength(glow: QImage, background: QColor | None) -> list[float]:
    """The most the glow adds to any pixel at each distance from its centre, in 8-bit levels.

    Read straight down from the centre, through the arcs (which span the lower part), where
    the glow is strongest at every distance.  Without the background colour, the bound that
    holds over any background."""
    from PySide6.QtGui import QImage  # noqa: PLC0415 - as QRadialGradient above

    image = glow.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    centre_x, centre_y = image.width() // 2, image.height() // 2
    columns = [x for x in (centre_x - 1, centre_x, centre_x + 1) if 0 <= x < image.width()]
    strengths = []
    for y in range(centre_y, image.height()):
        strongest = 0.0
        for x in columns:
            pixel = image.pixelColor(x, y)  # unpremultiplied
            alpha = pixel.alphaF()
            for value, under in zip(
                (pixel.red(), pixel.green(), pixel.blue()),
                (background.red(), background.green(), background.blue())
                if background is not None
                else (None, None, None),
                strict=True,
            ):
                added = alpha * value  # premultiplied: what the glow brings
                if under is None:
                    change = max(added, alpha * 255 - added)
                else:
                    change = abs(added - alpha * under)
                strongest = max(strongest, change)
        strengths.append(strongest)
    return strengths


class Part(NamedTuple):
    """A part of the glow's square that steps ``steps`` times between opacity 0 and 1."""

    region: QRegion
    steps: int


def split_glow(rect: QRect, strengths: list[float]) -> list[Part]:
    """The centre and square rings of ``rect``, each with the fewest steps that keep its
    brightest pixel's change per step to one level.  Steps are one count divided by 1, 2 and
    4, so a ring's step changes only together with the centre's: one timer serves all."""
    finest = max(4, 4 * math.ceil(max(strengths, default=1.0) / 4))
    # What any pixel at this distance or further out adds, at most.
    outward = list(strengths)
    for distance in range(len(outward) - 2, -1, -1):
        outward[distance] = max(outward[distance], outward[distance + 1])
    parts: list[Part] = []
    inside = QRegion()
    for divisor in RING_DIVISORS[1:]:
        steps = finest // divisor
        # The smallest half-side outside which every pixel adds at most ``steps`` levels.
        half = next((d for d, s in enumerate(outward) if s <= steps), None)
        if half is None:
            break
        square = QRegion(
            QRect(rect.center().x() - half, rect.center().y() - half, 2 * half, 2 * half)
        ).intersected(QRegion(rect))
        parts.append(Part(square.subtracted(inside), finest // (divisor // 2)))
        inside = square
    parts.append(Part(QRegion(rect).subtracted(inside), finest // RING_DIVISORS[len(parts)]))
    return [part for part in parts if not part.region.isEmpty()]


class AmbientLight(QWidget):
    def __init__(
        self,
        accent: str,
        parent: QWidget | None = None,
        *,
        background: str | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        self._accent = QColor(accent)
        self._background = QColor(background) if background else None
        self._elapsed = QElapsedTimer()
        self._elapsed.start()
        # Milliseconds on any steady clock; tests pass their own.
        self._clock = clock or (lambda: float(self._elapsed.elapsed()))
        self._origin = 0.0
        self._timer = QTimer(self, singleShot=True, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.next_frame)
        self._moving = False
        self._glow = QPixmap()
        self._parts: list[Part] = []
        self._steps = 1
        self._levels: list[int] = []
        self._held = False
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    # -- what the screen asks ---------------------------------------------------------------

    def set_accent(self, accent: str) -> None:
        if QColor(accent) != self._accent:
            self._accent = QColor(accent)
            self._forget_glow()
            self.update()

    def set_background(self, background: str) -> None:
        """The colour under the glow, for measuring how much each pixel can change."""
        if QColor(background) != self._background:
            self._background = QColor(background)
            self._forget_glow()
            self.update()

    def hold(self) -> None:
        """Paint nothing and stay still until ``release()``.  The runner holds the light
        for the start screen's first frame: painting and measuring the glow (a 1,188-pixel
        square at 1080p) takes about 12 ms that the exhibit's first sight does not need."""
        self._held = True
        self._timer.stop()
        self._forget_glow()

    def release(self) -> None:
        """Paint and breathe from now on, on screen at once if the light is shown."""
        if not self._held:
            return
        self._held = False
        self.set_moving(self._moving)
        if self.isVisible():
            self.repaint()  # before whatever the event loop runs next (the other screens)

    def set_moving(self, moving: bool) -> None:
        self._moving = moving
        if moving and self.isVisible() and not self._held:
            self._origin = self._clock()
            self._prepare()
            self._levels = self._levels_at(0.0)
            self._schedule(0.0)
        else:
            self._timer.stop()
        self.update()

    def is_animating(self) -> bool:
        return self._timer.isActive()

    def frame_interval_ms(self) -> int:
        """How long the light sleeps before its next frame (0 when it is still)."""
        return self._timer.interval() if self._timer.isActive() else 0

    def parts(self) -> list[tuple[QRegion, int]]:
        """The glow's parts and how many steps each takes between opacity 0 and 1."""
        self._prepare()
        return [(part.region, part.steps) for part in self._parts]

    def breath(self) -> float:
        """0 to 1: how bright the light is now; a still, fully lit frame without motion."""
        if not self._timer.isActive():
            return 1.0
        return breath.breath(self._clock() - self._origin)

    # -- Qt ----------------------------------------------------------------------------------

    def showEvent(self, event: object) -> None:
        self.set_moving(self._moving)

    def hideEvent(self, event: object) -> None:
        self._timer.stop()

    def resizeEvent(self, event: object) -> None:
        self._forget_glow()  # painted anew for the new size, when next needed

    def paintEvent(self, event: QPaintEvent) -> None:
        self._prepare()
        rect = self.glow_rect()
        painter = QPainter(self)
        moving = self._timer.isActive()
        for index, part in enumerate(self._parts):
            clip = part.region.intersected(event.region())
            if clip.isEmpty():
                continue
            painter.setClipRegion(clip)
            if moving:
                painter.setOpacity(breath.stepped_opacity(self._levels[index], part.steps))
            painter.drawPixmap(rect.topLeft(), self._glow)
        painter.end()

    # -- frames ------------------------------------------------------------------------------

    def glow_rect(self) -> QRect:
        """The glow's square, in the light's coordinates (it may reach past the edges)."""
        radius = min(self.width(), self.height()) * 0.55
        centre = QPointF(self.width() / 2, self.height() * 0.42)
        square = QRectF(centre.x() - radius, centre.y() - radius, radius * 2, radius * 2)
        return square.toAlignedRect()

    def _forget_glow(self) -> None:
        self._glow = QPixmap()
        self._parts = []

    def _prepare(self) -> None:
        """The glow's pixmap and parts for the current size and colours, once."""
        if self._held:
            return  # nothing painted (no parts) until released
        rect = self.glow_rect()
        if self._glow.size() == rect.size() and self._parts:
            return
        if rect.isEmpty():  # not laid out yet: nothing to paint
            self._glow, self._parts, self._steps, self._levels = QPixmap(), [], 0, []
            return
        self._glow = paint_glow(rect.size(), self._accent)
        strengths = radial_strength(self._glow.toImage(), self._background)
        self._parts = split_glow(rect, strengths)
        self._steps = max((part.steps for part in self._parts), default=0)
        # Steps counted for the old parts mean nothing for the new ones.
        self._levels = self._levels_at(self._clock() - self._origin)

    def _levels_at(self, elapsed_ms: float) -> list[int]:
        return [breath.level(elapsed_ms, part.steps) for part in self._parts]

    def _schedule(self, elapsed_ms: float) -> None:
        if self._steps <= 0:  # nothing to paint yet: look again in a breath
            self._timer.start(PERIOD_MS)
            return
        wait = breath.next_change_ms(elapsed_ms, self._steps)
        # Just past the moment the step changes, so the frame shows the new step.
        self._timer.start(max(1, math.ceil(wait) + 1))

    def next_frame(self) -> None:
        """The frame for the clock's present moment, and the timer set for the next step."""
        if not self._moving or not self.isVisible():
            return
        if not self._parts:  # new size or colours: every part anew
            self._prepare()
            self.update(self.glow_rect())
        elapsed = self._clock() - self._origin
        levels = self._levels_at(elapsed)
        for part, old, new in zip(self._parts, self._levels, levels, strict=True):
            if old != new:
                self.update(part.region)
        self._levels = levels
        self._schedule(elapsed)
