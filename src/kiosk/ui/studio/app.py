"""``kiosk studio``: the exhibit studio on a content folder, in the staff's language."""

from __future__ import annotations

from pathlib import Path


def run_studio(folder: Path, language: str | None = None) -> int:
    from kiosk.editing.document import ContentDocument  # noqa: PLC0415
    from kiosk.logs import configure_logging  # noqa: PLC0415
    from kiosk.ui.application import create_application  # noqa: PLC0415
    from kiosk.ui.preview import staff_language  # noqa: PLC0415
    from kiosk.ui.qt_messages import route_qt_messages  # noqa: PLC0415
    from kiosk.ui.studio.window import StudioWindow  # noqa: PLC0415
    from kiosk.ui.translations import Translations  # noqa: PLC0415

    configure_logging()
    route_qt_messages()
    app = create_application()
    app.setApplicationDisplayName("Memorial Kiosk")
    translations = Translations(app)
    translations.use(language or staff_language())
    window = StudioWindow(ContentDocument.open(folder))
    window.show()
    code = app.exec()
    del window
    return code
