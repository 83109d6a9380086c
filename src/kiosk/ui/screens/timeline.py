"""The timeline: one moment at a time, on a rail of years; swipe or tap a year."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Colours, Exhibit, Moment
from kiosk.core.session import VisitSession
from kiosk.ui import icons
from kiosk.ui.pictures import PictureLoader, fitted_size
from kiosk.ui.screens.base import ScreenView
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.fade import FadeOverlay
from kiosk.ui.widgets.picture import FittedPicture
from kiosk.ui.widgets.source_block import SourceBlock
from kiosk.ui.widgets.swipe import SwipeDetector
from kiosk.ui.widgets.text import make_label, relayout
from kiosk.ui.widgets.year_rail import YearRail


class TimelineScreen(ScreenView):
    step_requested = Signal(int)
    index_requested = Signal(int)

    def __init__(
        self, exhibit: Exhibit, session: VisitSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(exhibit, parent)
        self.setObjectName("TimelineScreen")
        # The visitor's place is the session's; this screen only shows it.
        self._session = session
        self.animate = True

        self.card = QFrame()
        self.card.setObjectName("MomentCard")
        self.picture = FittedPicture()
        self.picture.setObjectName("MomentPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.picture.hide()
        self._picture_bounds = QSize(640, 360)
        self.pictures = PictureLoader(self)
        self.pictures.ready.connect(self._picture_ready)
        self.date = make_label("kicker")
        self.title = make_label("heading")
        self.caption = make_label("body")
        self.source_block = SourceBlock()
        self.source = self.source_block.lines[0]
        card_layout = self._card_layout = QVBoxLayout(self.card)
        card_layout.addStretch(1)
        card_layout.addWidget(self.picture)
        for widget in (self.date, self.title, self.caption):
            card_layout.addWidget(widget)
        card_layout.addSpacing(1)
        card_layout.addWidget(self.source_block)
        card_layout.addStretch(1)
        self.fade = FadeOverlay(self.card)
        self.swipe = SwipeDetector(self.card)
        self.swipe.swiped.connect(self.step_requested)

        self.previous_button = TouchButton("quiet", primary=True)
        self.previous_button.setObjectName("PreviousMoment")
        self.next_button = TouchButton("quiet", primary=True)
        self.next_button.setObjectName("NextMoment")
        self.previous_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(1))

        middle = QHBoxLayout()
        middle.addWidget(self.previous_button, 0, Qt.AlignmentFlag.AlignVCenter)
        middle.addWidget(self.card, 1)
        middle.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)

        years = [moment.year for moment in exhibit.timeline]
        self.rail = YearRail(years, exhibit.settings.colours.muted)
        self.rail.year_chosen.connect(self.index_requested)

        layout = self._layout = QVBoxLayout(self)
        layout.addLayout(middle, 1)
        # The rail sits low, near the navigation bar, within reach on tall screens too.
        layout.addWidget(self.rail)
        self.retranslate()

    def retranslate(self) -> None:
        self.source_block.retranslate()
        self.previous_button.setAccessibleName(self.tr("Previous moment"))
        self.next_button.setAccessibleName(self.tr("Next moment"))
        self.previous_button.setAccessibleDescription(self.tr("Show the earlier moment"))
        self.next_button.setAccessibleDescription(self.tr("Show the later moment"))
        for index, moment in enumerate(self.exhibit.timeline):
            self.rail.describe(index, self.text(moment.title))
        self._show_texts()

    @property
    def index(self) -> int:
        """The moment shown: the session's place in the timeline (bounded, for the moment
        after new content when this screen, about to go, still holds the old timeline)."""
        return min(self._session.timeline_index, len(self.exhibit.timeline) - 1)

    def show_moment(self, _index: int) -> None:
        """The session moved to another moment (it signals only real moves)."""
        if self.animate and self.isVisible():
            self.fade.fade_from(self.card.grab())
        self._show_texts()

    def _show_texts(self) -> None:
        moment = self.exhibit.timeline[self.index]
        self.date.setText(self.text(moment.date_text))
        self.title.setText(self.text(moment.title))
        self.caption.setText(self.text(moment.caption))
        self.source.setText(self.text(moment.source))
        self._show_picture(moment)
        self.rail.set_current(self.index)
        last = len(self.exhibit.timeline) - 1
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < last)
        self.card.setAccessibleName(self.text(moment.title))
        self.card.setAccessibleDescription(self.text(moment.caption))
        relayout(self.source, self.caption, self.title)

    def _show_picture(self, moment: Moment) -> None:
        if moment.image is None:
            self.picture.clear()
            self.picture.hide()
        else:
            path = self.exhibit.asset_path(moment.image)
            pixmap = self.pictures.get(path, self._picture_bounds)
            if pixmap is None:
                # Decoding on the worker thread: hold the picture's place, so the text does
                # not jump when it arrives.
                pixmap = QPixmap(fitted_size(path, self._picture_bounds))
                pixmap.fill(Qt.GlobalColor.transparent)
            self.picture.setPixmap(pixmap)
            self.picture.setVisible(not pixmap.isNull())
            self.picture.setAccessibleName(self.text(moment.title))
        self._prefetch_neighbours()

    def _prefetch_neighbours(self) -> None:
        """The moments a visitor can step to next, decoded before they get there."""
        timeline = self.exhibit.timeline
        for index in (self.index + 1, self.index - 1):
            image = timeline[index].image if 0 <= index < len(timeline) else None
            if image is not None:
                self.pictures.prefetch(self.exhibit.asset_path(image), self._picture_bounds)

    def _picture_ready(self, key: object) -> None:
        moment = self.exhibit.timeline[self.index]
        if moment.image is not None and key == self.pictures.key(
            self.exhibit.asset_path(moment.image), self._picture_bounds
        ):
            self._show_picture(moment)

    def apply_metrics(self, m: Metrics) -> None:
        # Pictures share the card with text: a third of a landscape screen's height at most.
        self._picture_bounds = QSize(m.px(1100), m.px(300 if not m.portrait else 420))
        self._show_picture(self.exhibit.timeline[self.index])
        margin = m.unit * (6 if not m.portrait else 3)
        self._layout.setContentsMargins(margin, margin, margin, m.unit * 2)
        self._layout.setSpacing(m.unit * 3)
        self._card_layout.setContentsMargins(m.unit * 4, 0, m.unit * 4, 0)
        self._card_layout.setSpacing(m.unit * 3)
        self.card.setMaximumWidth(m.px(1300))
        self.source_block.apply_metrics(m)
        self.swipe.min_distance_px = max(round(8 * m.pixels_per_mm), m.px(60))
        for button in (self.previous_button, self.next_button):
            button.set_target_size(m.minimum_target, m.primary_target)
            button.setFixedWidth(m.primary_target)
        self.rail.apply_metrics(m)

    def apply_access(self, colours: Colours) -> None:
        self.rail.set_line_colour(colours.muted)
        self.load_icons(colours.text)

    def load_icons(self, colour: str) -> None:
        self.previous_button.setIcon(icons.icon(icons.PREVIOUS, colour))
        self.next_button.setIcon(icons.icon(icons.NEXT, colour))

    def reset(self) -> None:
        self.fade.finish_now()
