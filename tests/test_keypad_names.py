"""Every control the keys reach has a name in each interface language: what self-voicing
and assistive technology will say as the focus moves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from conftest import views
from kiosk.core.session import Screen
from kiosk.ui.translations import ENDONYMS

if TYPE_CHECKING:
    from kiosk.ui.application import Kiosk

LANGUAGES = ("en", "az", "ru")


def reached(kiosk: Kiosk) -> list[QWidget]:
    """The controls the keys reach on every screen and in the settings panel."""
    window, session = kiosk.window, kiosk.session
    found: list[QWidget] = []
    for screen in (Screen.HOME, Screen.STATEMENT, Screen.TIMELINE, Screen.FIGURES):
        session.go_home()
        session.open(screen)
        QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab)
        found += [control for control in window.keypad.order() if control not in found]
    window.open_access_panel()
    found += window.keypad.order()
    window.close_layers()
    return found


def test_every_control_is_named_in_every_interface_language(kiosk: Kiosk) -> None:
    window, session = kiosk.window, kiosk.session
    QTest.keyClick(window, Qt.Key.Key_Space)
    names: dict[str, dict[QWidget, str]] = {}
    for language in LANGUAGES:
        session.set_language(language)
        names[language] = {control: control.accessibleName() for control in reached(kiosk)}
    english = names["en"]
    assert len(english) >= 20
    assert views(window).statement.scroll_area in english
    # The same words in every language only where they are no words: years, and each
    # language's name in itself.
    same_everywhere = {str(moment.year) for moment in kiosk.controller.exhibit.timeline}
    same_everywhere |= set(ENDONYMS.values())
    for language in LANGUAGES:
        assert set(names[language]) == set(english), language
        for control, name in names[language].items():
            assert name.strip(), (language, english[control])
            if language != "en" and english[control] not in same_everywhere:
                assert name != english[control], (language, name)
