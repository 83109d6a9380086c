"""Icons from qtawesome, loaded only after the first frame: its fonts take time to load."""

from __future__ import annotations

from PySide6.QtGui import QIcon

# Names are qtawesome's; the mdi6 set is drawn with thin, calm strokes.
STATEMENT = "mdi6.script-text-outline"
TIMELINE = "mdi6.timeline-clock-outline"
FIGURES = "mdi6.numeric"
HOME = "mdi6.home-outline"
BACK = "mdi6.arrow-left"
PREVIOUS = "mdi6.chevron-left"
NEXT = "mdi6.chevron-right"


def icon(name: str, colour: str, pressed_colour: str | None = None) -> QIcon:
    """The named icon; ``pressed_colour`` is used in QIcon's Selected mode."""
    import qtawesome  # noqa: PLC0415 - deliberately late, see module docstring

    result: QIcon = qtawesome.icon(name, color=colour, color_selected=pressed_colour or colour)
    return result
