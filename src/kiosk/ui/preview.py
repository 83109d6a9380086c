"""``kiosk preview``: the exhibit in a window on a content folder, for staff while they edit.

It reloads on every save and shows validation findings on screen; with errors, the last good
version stays up (or, before there is one, just the findings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.issues import Issue
from kiosk.content.loader import read_exhibit
from kiosk.content.model import Exhibit
from kiosk.content.validate import validate_folder
from kiosk.core.reloader import ContentReloader
from kiosk.ui.application import Kiosk, build_kiosk
from kiosk.ui.live_content import LiveContent
from kiosk.ui.translations import INTERFACE_LANGUAGES, SOURCE_LANGUAGE
from kiosk.ui.widgets.findings_panel import FindingsPanel

PREVIEW_SIZE = (1280, 800)
# The findings' area: a share of the exhibit's longer side (less below a portrait one, whose
# height is precious), within what a column of text needs and a desktop screen can spare.
FINDINGS_SHARE = {False: 0.25, True: 0.2}  # by "below the exhibit"
FINDINGS_LEAST = 320
FINDINGS_MOST = 1200
# The findings' type follows the exhibit's size as the kiosk's own does (designed at 1080 px).
FINDINGS_TEXT_AT_1080 = 18


def staff_language() -> str:
    """The desktop's language when the kiosk's interface has it, else English: staff read
    the findings in their own language, whatever a visitor picks in the exhibit."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in INTERFACE_LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def findings_extent(exhibit: tuple[int, int]) -> int:
    """The findings' width beside a landscape exhibit, or height below a portrait one."""
    share = FINDINGS_SHARE[exhibit[1] > exhibit[0]]
    return max(FINDINGS_LEAST, min(FINDINGS_MOST, round(max(exhibit) * share)))


class PreviewWindow(QWidget):
    """One window for staff: the exhibit in the shape of the kiosk's screen, and the findings
    in an area of their own beside it (landscape) or below it (portrait), never over it."""

    def __init__(self, exhibit_size: tuple[int, int], title: str, language: str) -> None:
        super().__init__()
        self.setObjectName("PreviewWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet("QWidget#PreviewWindow { background: #14110F; }")
        self.setWindowTitle(title)
        width, height = exhibit_size
        self.ratio = width / height
        self.below = height > width
        self.exhibit: QWidget | None = None
        self.panel = FindingsPanel(self, language=language)
        self.panel.set_below(self.below)
        extent = findings_extent(exhibit_size)
        if self.below:
            self.resize(width, height + extent)
        else:
            self.resize(width + extent, height)

    def set_exhibit(self, widget: QWidget) -> None:
        """Put ``widget`` (the kiosk's window, or a placeholder) in the exhibit's area."""
        widget.setParent(self)
        self.exhibit = widget
        self._arrange()
        widget.show()

    def resizeEvent(self, event: object) -> None:
        self._arrange()

    def exhibit_rect(self) -> QRect:
        """The largest rectangle of the kiosk's proportions that leaves the findings room."""
        least = FINDINGS_LEAST
        if self.below:
            height = min(round(self.width() / self.ratio), max(1, self.height() - least))
            return QRect(0, 0, min(self.width(), round(height * self.ratio)), height)
        width = min(round(self.height() * self.ratio), max(1, self.width() - least))
        return QRect(0, 0, width, min(self.height(), round(width / self.ratio)))

    def _arrange(self) -> None:
        area = self.exhibit_rect()
        shorter = min(area.width(), area.height())
        self.panel.set_text_size(max(16, round(FINDINGS_TEXT_AT_1080 * shorter / 1080)))
        if self.exhibit is not None:
            self.exhibit.setGeometry(area)
        if self.below:
            self.panel.setGeometry(
                0, area.bottom() + 1, self.width(), self.height() - area.height()
            )
        else:
            self.panel.setGeometry(area.right() + 1, 0, self.width() - area.width(), self.height())


class Preview(QObject):
    def __init__(
        self,
        app: QApplication,
        folder: Path,
        size: tuple[int, int],
        *,
        language: str | None = None,
    ) -> None:
        super().__init__()
        self.app = app
        self.folder = folder
        self.size = size
        self.kiosk: Kiosk | None = None
        self.placeholder: QWidget | None = None
        self.window = PreviewWindow(size, f"Preview - {folder}", language or staff_language())
        self.panel: FindingsPanel = self.window.panel
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
        self.window.show()

    def _open_kiosk(self, exhibit: Exhibit) -> None:
        self.kiosk = build_kiosk(self.app, exhibit)
        window = self.kiosk.window
        self.live = LiveContent(self.kiosk.controller, self.reloader, immediate=True, parent=window)
        self.window.set_exhibit(window)

    def _open_placeholder(self) -> None:
        self.placeholder = QWidget()
        self.placeholder.setObjectName("PreviewPlaceholder")
        self.placeholder.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.placeholder.setStyleSheet("QWidget#PreviewPlaceholder { background: #14110F; }")
        self.window.set_exhibit(self.placeholder)

    def _first_good(self, exhibit: Exhibit) -> None:
        if self.kiosk is not None:
            return  # LiveContent handles the rest
        if self.placeholder is not None:
            self.placeholder.hide()
            self.placeholder.deleteLater()
            self.placeholder = None
        self._open_kiosk(exhibit)
        self.show_findings(self.last_issues)

    def show_findings(self, issues: list[Issue]) -> None:
        self.last_issues = issues
        self.panel.show_issues(issues, showing_last_good=self.kiosk is not None)

    def close(self) -> None:
        if self.kiosk is not None:
            self.kiosk.close()
        self.window.close()


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
