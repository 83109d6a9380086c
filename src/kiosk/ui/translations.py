"""Interface words in the visitor's language, through Qt's translation system.

English is the source language (no translator); ``.qm`` files for the others are compiled
from the ``.ts`` sources in ``kiosk/i18n`` by ``scripts/translations.sh`` and committed
(a test checks they are current).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

# Each language named in itself lives with the content rules, which accept only named ones.
from kiosk.content.languages import ENDONYMS as ENDONYMS  # noqa: PLC0414 - re-exported

I18N = Path(__file__).resolve().parents[1] / "i18n"
SOURCE_LANGUAGE = "en"
PSEUDO = "pseudo"
INTERFACE_LANGUAGES = ("az", "en", "ru")


def qm_path(language: str) -> Path:
    return I18N / f"kiosk_{language}.qm"


class Translations(QObject):
    """Installs the translator for one interface language at a time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translator: QTranslator | None = None
        self.language = SOURCE_LANGUAGE

    def use(self, language: str) -> None:
        app = QCoreApplication.instance()
        if app is None or self.language in (language, PSEUDO):
            return
        self._drop_translator(app)
        if language != SOURCE_LANGUAGE:
            translator = QTranslator(self)
            if translator.load(str(qm_path(language))):
                app.installTranslator(translator)
                self._translator = translator
            else:
                translator.deleteLater()
        self.language = language

    def release(self) -> None:
        """Take this kiosk's translator out of the application now (the kiosk is closing):
        the application may outlive the window, and a deleteLater() waits for an event loop."""
        app = QCoreApplication.instance()
        if app is not None:
            self._drop_translator(app)
        self.language = SOURCE_LANGUAGE

    def _drop_translator(self, app: QCoreApplication) -> None:
        # Deleted, not only removed: every visit in another language made a new one, and the
        # old ones stayed children of this object for as long as the kiosk ran.
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator.deleteLater()
            self._translator = None

    def use_pseudo(self) -> None:
        """Every interface word in the pseudo-language, whatever the visitor chooses."""
        from kiosk.ui.pseudo import PseudoTranslator  # noqa: PLC0415 - layout testing only

        app = QCoreApplication.instance()
        if app is None:
            return
        self._drop_translator(app)
        self._translator = PseudoTranslator(self)
        app.installTranslator(self._translator)
        self.language = PSEUDO


class LanguageNames(QObject):
    """The content languages' names, in the visitor's language, for "shown in ..." notes."""

    def in_phrase(self, language: str) -> str:
        names = {"en": self.tr("English"), "az": self.tr("Azerbaijani"), "ru": self.tr("Russian")}
        return names.get(language, language)

    def shown_in(self, language: str) -> str:
        return self.tr("Shown in %1").replace("%1", self.in_phrase(language))
