"""The Statement in full: large serif type, a readable measure, finger scrolling."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
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
    def __init__(self, exhibit: Exhibit, parent: QWidget | None = None) -> None:
        super().__init__(exhibit, parent)
        self.setObjectName("StatementScreen")
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("StatementScroll")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.viewport().setAutoFillBackground(False)

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
        self.scroll_area.setWidget(page)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        colours = exhibit.settings.colours
        self._indicator_width = 6
        self.indicator = PositionIndicator(
            self.scroll_area.verticalScrollBar(), (colours.surface, colours.muted), self
        )
        self._grab_touch_scrolling()
        self.retranslate()

    def _grab_touch_scrolling(self) -> None:
        viewport = self.scroll_area.viewport()
        # Fingers on the viewport; a mouse (or a touch frame that reports itself as one) on
        # the scroll area, since one target takes one kind of gesture and Qt's mouse gesture
        # ignores the mouse events it makes up from touches.  Grab once, at construction:
        # re-grabbing leaks (QTBUG-82355).
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
        QScroller.grabGesture(
            self.scroll_area, QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
        for target in (viewport, self.scroll_area):
            scroller = QScroller.scroller(target)
            properties = scroller.scrollerProperties()
            metric = QScrollerProperties.ScrollMetric
            properties.setScrollMetric(metric.VerticalOvershootPolicy, off)
            properties.setScrollMetric(metric.HorizontalOvershootPolicy, off)
            scroller.setScrollerProperties(properties)

    def retranslate(self) -> None:
        statement = self.exhibit.statement
        self.kicker.setText(self.text(statement.heading))
        self.subtitle.setText(self.text(statement.subtitle))
        self.meta.setText(f"{self.text(statement.issuer)}  ·  {self.text(statement.date_text)}")
        for label, paragraph in zip(self.paragraphs, statement.paragraphs, strict=True):
            label.setText(self.text(paragraph))
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

    def resizeEvent(self, event: object) -> None:
        self._place_indicator()

    def _place_indicator(self) -> None:
        width = self._indicator_width
        height = round(self.height() * 0.5)
        self.indicator.setGeometry(
            self.width() - width * 5, (self.height() - height) // 2, width, height
        )
        self.indicator.raise_()

    def apply_access(self, colours: Colours) -> None:
        self.indicator.set_colours((colours.surface, colours.muted))

    def reset(self) -> None:
        QScroller.scroller(self.scroll_area.viewport()).stop()
        self.scroll_area.verticalScrollBar().setValue(0)

    def scroll_to_end(self) -> None:
        bar = self.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum())
