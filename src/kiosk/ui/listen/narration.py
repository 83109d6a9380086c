"""The reading queue for the screen shown: kiosk.core.listening decides what is read; this
module finds where the visitor is (the first paragraph in sight) and which labels show
each text, for the captions."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel

from kiosk.audio.narrator import NarrationItem
from kiosk.core.listening import Reading, readings_for
from kiosk.core.session import Screen

if TYPE_CHECKING:
    from kiosk.ui.screens.statement import StatementScreen
    from kiosk.ui.window import KioskWindow


class Queue(NamedTuple):
    items: tuple[NarrationItem, ...]
    marks: tuple[tuple[QLabel, ...], ...]  # per item: the labels that show its text


def first_paragraph_in_sight(statement: StatementScreen) -> int | None:
    """The first paragraph the visitor sees, or None while the statement's top (its
    heading) is in sight."""
    page = statement.scroll_area.widget()
    top = statement.scroll_area.verticalScrollBar().value()
    if page is None:
        return None
    heading = statement.kicker
    if heading.mapTo(page, QPoint(0, heading.height())).y() > top:
        return None
    for index, label in enumerate(statement.paragraphs):
        if label.mapTo(page, QPoint(0, label.height())).y() > top:
            return index
    return max(0, len(statement.paragraphs) - 1)


def queue_for(window: KioskWindow) -> Queue:
    """What Listen reads on the screen shown now, and where each text is."""
    session = window.controller.session
    screen = session.screen
    first = None
    built = window.built
    if screen is Screen.STATEMENT and built is not None:
        first = first_paragraph_in_sight(built.statement)
    readings = readings_for(
        window.exhibit,
        screen,
        session.language,
        timeline_index=session.timeline_index,
        first_paragraph=first,
    )
    items = tuple(NarrationItem(r.text, r.language, r.recording) for r in readings)
    marks = tuple(tuple(labels_for(window, r)) for r in readings)
    return Queue(items, marks)


def labels_for(window: KioskWindow, reading: Reading) -> list[QLabel]:
    """The labels that show ``reading``'s text on its screen."""
    built = window.built
    if built is None:
        return []
    statement, timeline, figures = built.statement, built.timeline, built.figures
    moment = [timeline.date, timeline.title, timeline.caption, timeline.source]
    fixed: dict[str, list[QLabel]] = {
        "title": [built.home.title],
        "heading": [statement.kicker],
        "subtitle": [statement.subtitle],
        "meta": [statement.meta],
        "moment": moment,
        "moment.date_text": moment[:1],
        "moment.title": moment[1:2],
        "moment.caption": moment[2:3],
        "moment.source": moment[3:],
        "figure.source": list(figures.sources),
    }
    if reading.mark in fixed:
        return fixed[reading.mark]
    kind, _, number = reading.mark.partition(".")
    numbered = {"paragraph": statement.paragraphs, "figure": figures.labels}.get(kind, [])
    index = int(number) if number.isdigit() else -1
    return [numbered[index]] if 0 <= index < len(numbered) else []
