"""A visitor's own settings: three text sizes, high contrast (7:1), less motion; all undone
when the visit ends."""

# mypy: disable-error-code="comparison-overlap"
# (a tap changes the visit's screen after mypy narrowed it: `is Screen.HOME` after `is
# Screen.ATTRACT` is the point of these tests.)

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from conftest import Finger
from kiosk.content.colour import contrast_ratio
from kiosk.core.kiosk import HIGH_CONTRAST
from kiosk.core.session import Access, Screen

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk


def test_the_control_is_on_every_screen(kiosk: Kiosk, finger: Finger) -> None:
    window = kiosk.window
    assert window.attract.access_button.isVisible()
    finger.tap(window.attract)
    for screen in (Screen.HOME, Screen.STATEMENT, Screen.TIMELINE, Screen.FIGURES):
        kiosk.session.open(screen)
        assert window.nav.access_button.isVisible(), screen


def test_larger_text_high_contrast_and_less_motion(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit, finger: Finger
) -> None:
    kiosk = make_kiosk(exhibit, reduced_motion=False)
    window = kiosk.window
    assert window.attract.ambient.is_animating()
    finger.tap(window.attract.access_button)
    panel = window.access_panel
    assert panel.isVisible() and kiosk.session.screen is Screen.ATTRACT
    assert window.metrics is not None
    standard = window.metrics.body_px
    finger.tap(panel.size_buttons[2])
    assert kiosk.session.access.text_step == 2
    assert window.metrics.body_px >= round(standard * 1.35)
    finger.tap(panel.contrast)
    assert kiosk.controller.colours() == HIGH_CONTRAST
    assert window.grab().toImage().pixelColor(5, 5).name() == "#000000"
    finger.tap(panel.motion)
    assert not window.attract.ambient.is_animating()
    finger.tap(panel.done)
    assert not panel.isVisible()
    finger.tap(window.attract)
    assert kiosk.session.screen is Screen.HOME
    assert not window.fade.isVisible()  # no transition under less motion
    kiosk.session.reset()  # the visitor walks away
    QCoreApplication.processEvents()
    assert kiosk.session.access == Access()
    assert window.metrics.body_px == standard
    assert kiosk.controller.colours() == exhibit.settings.colours
    assert window.attract.ambient.is_animating()


def test_high_contrast_reaches_wcag_aaa() -> None:
    c = HIGH_CONTRAST
    for front in (c.text, c.muted, c.accent):
        for back in (c.background, c.surface):
            assert contrast_ratio(front, back) >= 7.0, (front, back)
