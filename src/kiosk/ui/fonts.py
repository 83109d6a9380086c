"""The bundled fonts, so the kiosk never depends on what the system happens to have."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.paths import fonts_dir
from kiosk.ui.theme import SANS


def load_bundled_fonts(app: QApplication) -> list[str]:
    families: list[str] = []
    for path in sorted(fonts_dir().glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            import logging  # noqa: PLC0415 - rare; kept out of start-up

            logging.getLogger(__name__).error("cannot load bundled font %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    app.setFont(QFont(SANS))
    return sorted(set(families))
