"""Azerbaijani, English and Russian: interface words translated, content in the language staff
gave it (marked when it falls back), a switch on every screen, a reset when the visit ends."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

from conftest import Finger, views
from kiosk.content.model import LocalizedText
from kiosk.core.session import Screen
from kiosk.ui.application import build_kiosk
from kiosk.ui.translations import I18N, qm_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = Path(__file__).resolve().parents[1] / ".venv" / "bin"


def test_switching_language_keeps_the_visitors_place(kiosk: Kiosk, finger: Finger) -> None:
    window = kiosk.window
    finger.tap(window.attract)
    finger.tap(views(window).home.tiles[Screen.STATEMENT])
    statement = views(window).statement
    statement.scroll_area.verticalScrollBar().setValue(400)
    finger.tap(window.nav.languages.buttons["ru"])
    assert kiosk.session.language == "ru"
    assert kiosk.session.screen is Screen.STATEMENT
    assert statement.scroll_area.verticalScrollBar().value() == 400
    assert window.nav.back_button.text() == "Назад"
    assert window.nav.home_button.text() == "Главная"
    # The Statement stays as issued, and says so.
    assert statement.paragraphs[0].text().startswith("20 January 1990")
    assert window.nav.note.isVisible()
    assert window.nav.note.text() == "Показано на английском языке"
    finger.tap(window.nav.languages.buttons["az"])
    assert window.nav.back_button.text() == "Geri"
    assert window.nav.note.text() == "İngilis dilində göstərilir"
    finger.tap(window.nav.languages.buttons["en"])
    assert window.nav.back_button.text() == "Back"
    assert not window.nav.note.isVisible()


def test_each_language_is_named_in_itself(kiosk: Kiosk) -> None:
    names = {code: b.text() for code, b in kiosk.window.attract.languages.buttons.items()}
    assert names == {"az": "Azərbaycan dili", "en": "English", "ru": "Русский"}


def test_choosing_a_language_on_the_start_screen_begins_in_it(kiosk: Kiosk, finger: Finger) -> None:
    window = kiosk.window
    finger.tap(window.attract.languages.buttons["az"])
    assert kiosk.session.screen is Screen.HOME
    home = views(window).home
    assert home.tiles[Screen.STATEMENT].text() == "Bəyanat"
    assert home.tiles[Screen.TIMELINE].text() == "Xronologiya"
    assert window.nav.languages.buttons["az"].isChecked()


def test_the_end_of_a_visit_restores_the_default_language(kiosk: Kiosk, finger: Finger) -> None:
    window = kiosk.window
    finger.tap(window.attract.languages.buttons["ru"])
    assert window.attract.invitation.text() == "Коснитесь экрана, чтобы начать"
    kiosk.session.reset()
    QCoreApplication.processEvents()
    assert kiosk.session.language == "en"
    assert window.attract.invitation.text() == "Touch the screen to begin"
    assert window.attract.languages.buttons["en"].isChecked()


def test_visits_in_other_languages_leave_no_translators_behind(
    kiosk: Kiosk, finger: Finger
) -> None:
    """Found by the soak test: each switch made a translator and only uninstalled the last."""
    window = kiosk.window
    for _ in range(5):
        finger.tap(window.attract.languages.buttons["ru"])
        finger.tap(window.nav.languages.buttons["az"])
        kiosk.session.reset()
        QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.translations.findChildren(QTranslator) == []
    finger.tap(window.attract.languages.buttons["ru"])
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(window.translations.findChildren(QTranslator)) == 1
    assert window.nav.back_button.text() == "Назад"


def test_translations_are_complete_and_compiled(tmp_path: Path) -> None:
    sources = sorted(str(path) for path in (REPO / "src" / "kiosk" / "ui").rglob("*.py"))
    for language in ("az", "ru"):
        ts = I18N / f"kiosk_{language}.ts"
        fresh = tmp_path / ts.name
        shutil.copyfile(ts, fresh)
        subprocess.run(
            [
                VENV_BIN / "pyside6-lupdate",
                "-no-obsolete",
                "-locations",
                "none",
                *sources,
                "-ts",
                str(fresh),
            ],
            check=True,
            capture_output=True,
        )
        text = fresh.read_text(encoding="utf-8")
        assert 'type="unfinished"' not in text, f"{ts.name}: words without a translation"
        assert text == ts.read_text(encoding="utf-8"), "run scripts/translations.sh"
        qm = tmp_path / f"kiosk_{language}.qm"
        subprocess.run(
            [VENV_BIN / "pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True
        )
        assert qm.read_bytes() == qm_path(language).read_bytes(), "run scripts/translations.sh"


def test_azerbaijani_letters_are_shown_exactly_as_written(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit
) -> None:

    # Python's case rules break dotted and dotless i: the kiosk never changes case.
    title = LocalizedText({"en": "Title", "az": "İstiqlal: ıİ iI Əə Ğğ Şş Çç Öö Üü"})
    settings = exhibit.settings._replace(title=title, languages=("az", "en"))
    kiosk = make_kiosk(exhibit._replace(settings=settings), reduced_motion=True)
    try:
        kiosk.session.set_language("az")
        assert kiosk.window.attract.title.text() == "İstiqlal: ıİ iI Əə Ğğ Şş Çç Öö Üü"
    finally:
        kiosk.close()


def test_the_station_can_offer_fewer_languages(
    qtbot: QtBot, qapp: QApplication, exhibit: Exhibit
) -> None:
    kiosk = build_kiosk(qapp, exhibit, reduced_motion=True, languages=("en", "az"))
    try:
        assert list(kiosk.window.attract.languages.buttons) == ["az", "en"]
        assert list(kiosk.window.nav.languages.buttons) == ["az", "en"]
    finally:
        kiosk.close()
