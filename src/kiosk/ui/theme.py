"""Sizes and styles derived from the display and the exhibit's theme.

Type and spacing scale with the shorter side of the window (designed at 1080 pixels), so a
4K panel looks like a 1080p one, only sharper.  Touch targets additionally have floors in
millimetres, computed from the screen's physical size (or the content's override, since
displays often misreport it).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QScreen

from kiosk.content.model import Colours, Settings

SERIF = "Noto Serif"
SANS = "Noto Sans"
DESIGN_SIDE_PX = 1080


class Metrics(NamedTuple):
    scale: float
    pixels_per_mm: float
    primary_target: int
    minimum_target: int
    title_px: int
    heading_px: int
    body_px: int
    caption_px: int
    figure_px: int
    unit: int  # the spacing grain
    portrait: bool

    def px(self, design_px: float) -> int:
        return max(1, round(design_px * self.scale))


def pixels_per_mm(settings: Settings, screen: QScreen | None) -> float:
    if settings.touch.pixels_per_mm is not None:
        return settings.touch.pixels_per_mm
    if screen is not None and screen.physicalDotsPerInch() > 10:
        return screen.physicalDotsPerInch() / 25.4
    return 96 / 25.4


# The visitor's text sizes: standard, large, largest.
TEXT_SCALES = (1.0, 1.2, 1.4)


def compute_metrics(
    settings: Settings, width: int, height: int, density: float, text_step: int = 0
) -> Metrics:
    shorter = max(1, min(width, height))
    # A small landscape window (1280x800) is limited by its width as much as its height.
    scale = min(shorter / DESIGN_SIDE_PX, max(width, height) / 1920 * 1.2)
    sizes = settings.type_sizes
    text_scale = scale * TEXT_SCALES[text_step]

    def scaled(value: int) -> int:
        return max(10, round(value * text_scale))

    primary = max(round(settings.touch.primary_target_mm * density), round(116 * scale))
    minimum = max(round(settings.touch.minimum_target_mm * density), round(84 * scale))
    return Metrics(
        scale=scale,
        pixels_per_mm=density,
        primary_target=primary,
        minimum_target=minimum,
        title_px=scaled(sizes.title),
        heading_px=scaled(sizes.heading),
        body_px=scaled(sizes.body),
        caption_px=scaled(sizes.caption),
        # Already very large, the numbers give up room to their labels as the visitor's text
        # grows, so the screen still holds all three.
        figure_px=max(10, round(sizes.figure * scale / TEXT_SCALES[text_step])),
        unit=max(4, round(8 * scale)),
        portrait=height > width,
    )


def style_sheet(c: Colours, m: Metrics) -> str:
    """One style sheet for the whole window; widgets pick rules by their ``role`` property."""
    radius = m.px(18)
    return f"""
    QWidget {{ background: transparent; color: {c.text}; font-family: "{SANS}"; }}
    QWidget#KioskWindow {{ background: {c.background}; }}
    QLabel {{ font-size: {m.body_px}px; }}
    QLabel[role="title"] {{ font-family: "{SERIF}"; font-size: {m.title_px}px; }}
    QLabel[role="heading"] {{ font-family: "{SERIF}"; font-size: {m.heading_px}px; }}
    QLabel[role="kicker"] {{ font-size: {m.caption_px}px; color: {c.accent};
        letter-spacing: {m.px(3)}px; }}
    QLabel[role="body"] {{ font-family: "{SERIF}"; font-size: {m.body_px}px; }}
    QLabel[role="caption"] {{ font-size: {m.caption_px}px; color: {c.muted}; }}
    QLabel[role="source"] {{ font-family: "{SERIF}"; font-size: {m.caption_px}px;
        color: {c.muted}; }}
    QLabel[role="figure"] {{ font-family: "{SERIF}"; font-size: {m.figure_px}px;
        color: {c.text}; }}
    QLabel[role="invitation"] {{ font-size: {m.heading_px}px; color: {c.muted}; }}
    QLabel[role="countdown"] {{ font-size: {m.heading_px}px; color: {c.accent}; }}
    QFrame[role="rule"] {{ background: {c.accent}; border: none; }}
    QFrame[role="source-block"] {{ border: none; border-left: {m.px(4)}px solid {c.accent};
        background: transparent; }}
    QFrame[role="panel"] {{ background: {c.surface}; border-radius: {radius}px; }}
    QWidget#NavigationBar {{ background: {c.surface}; }}
    QPushButton {{ font-size: {m.caption_px}px; color: {c.text}; background: {c.surface};
        border: {m.px(2)}px solid {c.muted}; border-radius: {radius}px;
        padding: 0px {m.px(28)}px; }}
    QPushButton[role="year"] {{ font-family: "{SERIF}"; font-size: {m.heading_px}px;
        color: {c.muted}; background: {c.background}; border-color: {c.background}; }}
    QPushButton[role="year"]:checked {{ color: {c.text}; border-color: {c.accent}; }}
    QPushButton[role="language"] {{ padding: 0px {m.px(18)}px; border-color: transparent;
        background: transparent; color: {c.muted}; }}
    QPushButton[role="language"]:checked {{ color: {c.text}; border-color: {c.accent}; }}
    QLabel[role="note"] {{ font-size: {m.caption_px}px; color: {c.muted}; }}
    QPushButton[role="key"] {{ font-size: {m.heading_px}px; padding: 0px; }}
    QPushButton[role="quiet"] {{ background: transparent; border-color: transparent;
        padding: 0px; }}
    QPushButton[role="primary"] {{ background: {c.accent}; color: {c.background};
        border-color: {c.accent}; font-size: {m.heading_px}px; }}
    QPushButton:disabled {{ color: {c.surface}; border-color: {c.surface}; }}
    QPushButton[role="quiet"]:disabled {{ border-color: transparent; }}
    /* Pressed last: it must win over every role's own colours. */
    QPushButton:pressed, QPushButton[role]:pressed {{ background: {c.accent};
        color: {c.background}; border-color: {c.accent}; }}
    QPushButton[role="primary"]:pressed {{ background: {c.text}; color: {c.background};
        border-color: {c.text}; }}
    {staff_style_sheet(c, m)}"""


def staff_style_sheet(c: Colours, m: Metrics) -> str:
    """The staff panel's own rules (its scroll bar, buttons that say why they cannot be
    pressed, problems in the accent colour); scoped to it, so no visitor screen changes."""
    bar = max(m.minimum_target // 2, m.px(24))
    return f"""
    QWidget#StaffPanel QScrollBar:vertical {{ background: {c.surface}; width: {bar}px;
        margin: 0px 0px 0px {m.px(8)}px; border: none; border-radius: {bar // 2}px; }}
    QWidget#StaffPanel QScrollBar::handle:vertical {{ background: {c.muted};
        min-height: {m.minimum_target}px; border-radius: {bar // 2 - m.px(4)}px;
        margin: {m.px(4)}px; }}
    QWidget#StaffPanel QScrollBar::handle:vertical:pressed {{ background: {c.accent}; }}
    QWidget#StaffPanel QScrollBar::add-line:vertical,
    QWidget#StaffPanel QScrollBar::sub-line:vertical {{ height: 0px; border: none;
        background: none; }}
    QWidget#StaffPanel QScrollBar::add-page:vertical,
    QWidget#StaffPanel QScrollBar::sub-page:vertical {{ background: none; }}
    QWidget#StaffPanel QPushButton:disabled {{ color: {c.muted}; background: transparent;
        border-color: {c.surface}; }}
    QWidget#StaffPanel QLabel[tone="alert"] {{ color: {c.accent}; }}
    QWidget#StaffPanel QPushButton[role="primary"] {{ font-size: {m.body_px}px; }}
    QWidget#StaffPanel QLabel[role="chart"] {{ font-size: {m.caption_px}px;
        color: {c.muted}; }}
    """
