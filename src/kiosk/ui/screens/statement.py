"""The Statement in full: large serif type, a readable measure, finger scrolling.

While a finger (or the glide after it) moves the text, a picture of the page covers the
viewport (:class:`MovingPage`): a frame is then one copy of pixels instead of every visible
line laid out and drawn again (at 4K on the CPU, 13-18 ms a frame).  The picture is made
once, when a move starts, and kept until the text, its size or its colours change.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPixmap, QRegion
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Colours, Exhibit
from kiosk.ui.screens.base import ScreenView
from kiosk.ui.theme import SERIF, Metrics
from kiosk.ui.widgets.position_indicator import PositionIndicator
from kiosk.ui.widgets.text import make_label, make_rule

# Characters per line: typographers' comfortable range is 60-75.
MEASURE_CHARS = 66


class StatementScreen(ScreenView):
    """``scroll_area``: the one a previous Statement screen gave up (``take_scroll_area``),
    kept across new content because each new touch-scrolling target costs memory for the
    application's lifetime (a gesture type in Qt, a new enum member in PySide: about 12 KB
    a reload, found by the 100,000-event soak)."""

    def __init__(
        self,
        exhibit: Exhibit,
        parent: QWidget | None = None,
        *,
        scroll_area: QScrollArea | None = None,
    ) -> None:
        super().__init__(exhibit, parent)
        self.setObjectName("StatementScreen")
        reused = scroll_area is not None
        self.scroll_area = scroll_area or _new_scroll_area()
        self.scroll_area.setParent(self)
        # One control for keys (up and down scroll it), never focused by a touch.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        page = QWidget()
        page.setObjectName("StatementPage")
        self.column = QWidget(page)
        column_layout = self._column_layout = QVBoxLayout(self.column)
        self.kicker = make_label("kicker")
        self.subtitle = make_label("heading")
        self.meta = make_label("caption")
        self.rule = make_rule()
        column_layout.addWidget(self.kicker)
        column_layout.addWidget(self.subtitle)
        column_layout.addWidget(self.meta)
        column_layout.addWidget(self.rule)
        self.paragraphs: list[QLabel] = []
        for _ in exhibit.statement.paragraphs:
            paragraph = make_label("body")
            self.paragraphs.append(paragraph)
            column_layout.addWidget(paragraph)
        self.end_rule = make_rule()
        column_layout.addWidget(self.end_rule, 0, Qt.AlignmentFlag.AlignHCenter)
        page_layout = QHBoxLayout(page)
        page_layout.addStretch(1)
        page_layout.addWidget(self.column, 100)
        page_layout.addStretch(1)
        self.scroll_area.setWidget(page)  # deletes a reused area's previous page
        self.scroll_area.verticalScrollBar().setValue(0)

        outer = self._outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        colours = exhibit.settings.colours
        self._indicator_width = 6
        self.indicator = PositionIndicator(
            self.scroll_area.verticalScrollBar(), (colours.surface, colours.muted), self
        )
        if not reused:
            _grab_touch_scrolling(self.scroll_area)
        self.scroll_area.show()  # a reused area was hidden when it changed parents
        self.moving = MovingPage(self.scroll_area, QColor(colours.background))
        self.retranslate()

    def take_scroll_area(self) -> QScrollArea:
        """Give the scroll area up, touch scrolling and all, for the next Statement screen."""
        QScroller.scroller(self.scroll_area.viewport()).stop()
        QScroller.scroller(self.scroll_area).stop()
        self.moving.detach()
        area = self.scroll_area
        self._outer.removeWidget(area)
        area.setParent(None)
        return area

    def retranslate(self) -> None:
        statement = self.exhibit.statement
        self.kicker.setText(self.text(statement.heading))
        self.subtitle.setText(self.text(statement.subtitle))
        self.meta.setText(f"{self.text(statement.issuer)}  ·  {self.text(statement.date_text)}")
        for label, paragraph in zip(self.paragraphs, statement.paragraphs, strict=True):
            label.setText(self.text(paragraph))
        self.moving.forget()
        self.scroll_area.setAccessibleName(self.tr("The Statement"))
        self.scroll_area.setAccessibleDescription(self.tr("Slide a finger up or down to read"))

    def apply_metrics(self, m: Metrics) -> None:
        body = QFont(SERIF)
        body.setPixelSize(m.body_px)
        # The font's own average glyph is wider than real text; measure the text itself.
        text = " ".join(label.text() for label in self.paragraphs)
        per_char = QFontMetricsF(body).horizontalAdvance(text) / max(1, len(text))
        measure = round(per_char * MEASURE_CHARS)
        self.column.setMaximumWidth(measure + 2 * m.unit * 4)  # the column's side margins
        vertical = m.unit * (8 if m.portrait else 6)
        self._column_layout.setContentsMargins(m.unit * 4, vertical, m.unit * 4, vertical * 2)
        self._column_layout.setSpacing(m.unit * 3)
        self.rule.setFixedHeight(max(2, m.px(3)))
        self.end_rule.setFixedSize(m.px(120), max(2, m.px(3)))
        self._indicator_width = max(4, m.px(6))
        self._place_indicator()
        self.moving.forget()

    def resizeEvent(self, event: object) -> None:
        self._place_indicator()
        self.moving.forget()

    def _place_indicator(self) -> None:
        width = self._indicator_width
        height = round(self.height() * 0.5)
        self.indicator.setGeometry(
            self.width() - width * 5, (self.height() - height) // 2, width, height
        )
        self.indicator.raise_()

    def apply_access(self, colours: Colours) -> None:
        self.indicator.set_colours((colours.surface, colours.muted))
        self.moving.set_background(QColor(colours.background))

    def hideEvent(self, event: object) -> None:
        self.moving.forget()  # the picture's memory (tens of MiB at 4K) only while shown

    def reset(self) -> None:
        QScroller.scroller(self.scroll_area.viewport()).stop()
        self.scroll_area.verticalScrollBar().setValue(0)

    def scroll_by(self, *, lines: int = 0, pages: int = 0) -> None:
        """Keys: a line of the body text, or a screen less one line (the line the eye was
        on stays in sight)."""
        line = self.paragraphs[0].fontMetrics().lineSpacing() if self.paragraphs else 40
        page = max(line, self.scroll_area.viewport().height() - line)
        bar = self.scroll_area.verticalScrollBar()
        bar.setValue(bar.value() + lines * line + pages * page)

    def scroll_to_end(self) -> None:
        bar = self.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum())


class MovingPage(QWidget):
    """Covers the viewport with a picture of the page while touch scrolling moves it.

    Opaque, so Qt paints nothing beneath it; transparent for input, so touches still reach
    the viewport and its scroller.  Shown only while a scroller drags or glides; at rest
    the live page is what the visitor sees (and what accessibility tools read).
    """

    def __init__(self, area: QScrollArea, background: QColor) -> None:
        super().__init__(area.viewport())
        self.setObjectName("StatementMovingPage")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._area = area
        self._background = background
        self._picture = QPixmap()
        self._content = QRect()  # the part of the page in the picture, in page coordinates
        self._page_size = QSize()
        self.hide()
        self._scrollers = (QScroller.scroller(area.viewport()), QScroller.scroller(area))
        for scroller in self._scrollers:
            scroller.stateChanged.connect(self._on_state)
        area.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def detach(self) -> None:
        """Stop following the scroll area (it moves on to the next Statement screen)."""
        for scroller in self._scrollers:
            scroller.stateChanged.disconnect(self._on_state)
        self._area.verticalScrollBar().valueChanged.disconnect(self._on_scrolled)
        self.hide()
        self._picture = QPixmap()
        self.setParent(None)
        self.deleteLater()

    def set_background(self, colour: QColor) -> None:
        if colour != self._background:
            self._background = colour
            self.forget()

    def forget(self) -> None:
        """The page changed (text, size, colours): the next move takes a new picture."""
        self._picture = QPixmap()
        if self.isVisible():
            self._show_live()

    def _on_state(self, state: QScroller.State) -> None:
        moving = state in (QScroller.State.Dragging, QScroller.State.Scrolling)
        if moving and not self.isVisible():
            self._cover()
        elif (
            not moving
            and self.isVisible()
            and not any(
                s.state() in (QScroller.State.Dragging, QScroller.State.Scrolling)
                for s in self._scrollers
            )
        ):
            self._show_live()

    def _cover(self) -> None:
        page = self._area.widget()
        if page is None or page.width() <= 0 or page.height() <= 0:
            return
        # Only what the page's children cover (the column of text): beside it lies nothing
        # but background, and the picture is then about half the page (43 of 77 MiB at 4K).
        content = page.childrenRect().intersected(page.rect())
        if self._picture.isNull() or self._content != content or self._page_size != page.size():
            self._content, self._page_size = content, page.size()
            self._picture = self._take_picture(page, content)
        self.setGeometry(self._area.viewport().rect())
        self.raise_()
        self.show()
        # Again after show(): the style sheet's polish, which runs then, clears it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def _take_picture(self, page: QWidget, content: QRect) -> QPixmap:
        if content.isEmpty():
            return QPixmap()
        ratio = self.devicePixelRatioF()
        picture = QPixmap(round(content.width() * ratio), round(content.height() * ratio))
        picture.setDevicePixelRatio(ratio)
        picture.fill(self._background)
        painter = QPainter(picture)
        page.render(painter, QPoint(), QRegion(content), QWidget.RenderFlag.DrawChildren)
        painter.end()
        return picture

    def _show_live(self) -> None:
        self.hide()

    def _on_scrolled(self) -> None:
        if self.isVisible():
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        page = self._area.widget()
        painter = QPainter(self)
        area = event.rect()
        if page is None or self._picture.isNull():
            painter.fillRect(area, self._background)
        else:
            # The text's place in the viewport is where the scroll area has moved the page;
            # everything beside and beyond its picture is background.
            placed = self._content.translated(page.pos())
            for strip in _around(area, placed):
                painter.fillRect(strip, self._background)  # plain fills: no clip region
            shown = area.intersected(placed)
            if not shown.isEmpty():
                source = _scaled(shown.translated(-placed.topLeft()), self._picture)
                painter.drawPixmap(shown.topLeft(), self._picture, source)
        painter.end()


def _around(area: QRect, inner: QRect) -> list[QRect]:
    """The parts of ``area`` outside ``inner``: above, below, left and right of it."""
    if not area.intersects(inner):
        return [area]
    top, bottom = max(area.top(), inner.top()), min(area.bottom(), inner.bottom())
    strips = [
        QRect(area.left(), area.top(), area.width(), top - area.top()),
        QRect(area.left(), bottom + 1, area.width(), area.bottom() - bottom),
        QRect(area.left(), top, inner.left() - area.left(), bottom - top + 1),
        QRect(inner.right() + 1, top, area.right() - inner.right(), bottom - top + 1),
    ]
    return [strip for strip in strips if strip.width() > 0 and strip.height() > 0]


def _scaled(rect: QRect, picture: QPixmap) -> QRect:
    ratio = picture.devicePixelRatio()
    if ratio == 1.0:
        return rect
    return QRect(
        round(rect.x() * ratio),
        round(rect.y() * ratio),
        round(rect.width() * ratio),
        round(rect.height() * ratio),
    )


def _new_scroll_area() -> QScrollArea:
    area = QScrollArea()
    area.setObjectName("StatementScroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.viewport().setAutoFillBackground(False)
    return area


def _grab_touch_scrolling(area: QScrollArea) -> None:
    viewport = area.viewport()
    # Fingers on the viewport; a mouse (or a touch frame that reports itself as one) on
    # the scroll area, since one target takes one kind of gesture and Qt's mouse gesture
    # ignores the mouse events it makes up from touches.  Grab once per area, for good:
    # re-grabbing leaks (QTBUG-82355).
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
    QScroller.grabGesture(area, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    for target in (viewport, area):
        scroller = QScroller.scroller(target)
        properties = scroller.scrollerProperties()
        metric = QScrollerProperties.ScrollMetric
        properties.setScrollMetric(metric.VerticalOvershootPolicy, off)
        properties.setScrollMetric(metric.HorizontalOvershootPolicy, off)
        scroller.setScrollerProperties(properties)
