"""``kiosk preview``: the exhibit in a window on a content folder, for staff while they edit.

It reloads on every save and shows validation findings on screen; with errors, the last good
version stays up (or, before there is one, just the findings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.issues import Issue
from kiosk.content.loader import read_exhibit
from kiosk.content.model import Exhibit
from kiosk.content.validate import validate_folder
from kiosk.core.reloader import ContentReloader
from kiosk.ui.application import Kiosk, build_kiosk
from kiosk.ui.live_content import LiveContent
from kiosk.ui.widgets.findings_panel import FindingsPanel

PREVIEW_SIZE = (1280, 800)


class Preview(QObject):
    def __init__(self, app: QApplication, folder: Path, size: tuple[int, int]) -> None:
        super().__init__()
        self.app = app
        self.folder = folder
        self.size = size
        self.kiosk: Kiosk | None = None
        self.placeholder: QWidget | None = None
        self.panel: FindingsPanel | None = None
        self.last_issues: list[Issue] = []
        self.reloader = ContentReloader(folder, self)
        self.reloader.reported.connect(self.show_findings)
        self.reloader.content_ready.connect(self._first_good)
        exhibit, _ = read_exhibit(folder)
        if exhibit is not None:
            self._open_kiosk(exhibit)
        else:
            self._open_placeholder()
        self.show_findings(validate_folder(folder))

    def _open_kiosk(self, exhibit: Exhibit) -> None:
        self.kiosk = build_kiosk(self.app, exhibit)
        window = self.kiosk.window
        window.setWindowTitle(f"Preview - {self.folder}")
        self.live = LiveContent(window, self.reloader, immediate=True)
        self._attach_panel(window)
        window.resize(*self.size)
        window.show()

    def _open_placeholder(self) -> None:
        self.placeholder = QWidget()
        self.placeholder.setObjectName("PreviewPlaceholder")
        self.placeholder.setWindowTitle(f"Preview - {self.folder}")
        self.placeholder.setStyleSheet("QWidget#PreviewPlaceholder { background: #14110F; }")
        self._attach_panel(self.placeholder)
        self.placeholder.resize(*self.size)
        self.placeholder.show()

    def _attach_panel(self, window: QWidget) -> None:
        self.panel = FindingsPanel(window)
        window.installEventFilter(self)

    def _first_good(self, exhibit: Exhibit) -> None:
        if self.kiosk is not None:
            return  # LiveContent handles the rest
        if self.placeholder is not None:
            self.placeholder.close()
            self.placeholder.deleteLater()
            self.placeholder = None
        self._open_kiosk(exhibit)
        self.show_findings(self.last_issues)

    def show_findings(self, issues: list[Issue]) -> None:
        self.last_issues = issues
        if self.panel is None:
            return
        self.panel.show_issues(issues, showing_last_good=self.kiosk is not None)
        self.panel.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.panel is not None:
            self.panel.place()
        return False


def run_preview(folder: Path, size: tuple[int, int] | None) -> int:
    from kiosk.logs import configure_logging  # noqa: PLC0415
    from kiosk.ui.application import create_application  # noqa: PLC0415
    from kiosk.ui.qt_messages import route_qt_messages  # noqa: PLC0415

    configure_logging()
    route_qt_messages()
    app = create_application()
    preview = Preview(app, folder, size or PREVIEW_SIZE)
    code = app.exec()
    del preview
    return code
