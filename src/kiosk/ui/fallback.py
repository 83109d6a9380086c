"""``kiosk fallback``: the calm screen systemd shows when the kiosk has failed to start too
often in a row.

It reads nothing the kiosk reads (content, station configuration, the content store, the
interface translations): any of those may be what keeps the kiosk failing.  Only Qt, the
bundled fonts (the default font when they do not load), the log and systemd's READY=1
(ignored under ``Type=simple``).  The message is shown in
the three interface languages at once, written here rather than in the ``.qm`` files so a
last resort has nothing more to load, and no visitor has to choose a language first.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QCursor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.logs import configure_logging
from kiosk.paths import fonts_dir

log = logging.getLogger(__name__)

FAMILY = "Noto Sans"
BACKGROUND = "#16181B"
TEXT = "#ECE7DF"
MUTED = "#A8A299"
DEFAULT_WINDOW = (1280, 800)
# Each language: the message, then what a visitor can do.  Never a promise ("staff have
# been told"): nothing here knows whether anyone has been.
MESSAGES = (
    ("az", "Bu sərgi qısa müddətə dayandırılıb.", "Zəhmət olmasa, əməkdaşa müraciət edin."),
    ("en", "This exhibit is paused for a moment.", "Please ask a member of staff."),
    ("ru", "Экспозиция ненадолго приостановлена.", "Пожалуйста, обратитесь к сотруднику."),
)
# Sizes as fractions of the window's shorter side (designed at 1080 px: 54 and 34 px).
MESSAGE_SIZE, REQUEST_SIZE, LINE_GAP, GROUP_GAP = 0.05, 0.0315, 0.012, 0.06
MARGIN = 0.06  # kept clear on every side, as a fraction of each side


class Line(NamedTuple):
    text: str
    size: float  # pixels, before fitting
    colour: str
    weight: QFont.Weight
    gap: float  # pixels above the line, before fitting


def load_fonts() -> str | None:
    """The bundled family when it loads (or is already loaded), else None: the default."""
    if FAMILY in QFontDatabase.families():
        return FAMILY
    families: set[str] = set()
    try:
        paths = sorted(fonts_dir().glob("*.ttf"))
    except OSError:
        paths = []
    for path in paths:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FAMILY in families:
        return FAMILY
    log.warning("the bundled fonts did not load from %s; using the default font", fonts_dir())
    return None


class FallbackScreen(QWidget):
    """The message, centred in large type on a dark, still background."""

    first_frame_shown = Signal()

    def __init__(self, family: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.family = family
        self.keep_open = False  # full screen: only a signal (systemd's stop) ends it
        self._painted = False
        self.setWindowTitle("Memorial Kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(" ".join(f"{message} {request}" for _, message, request in MESSAGES))

    def lines(self) -> list[Line]:
        """Every line at the window's design size; the painter shrinks them to fit."""
        shorter = min(self.width(), self.height())
        result: list[Line] = []
        for index, (_, message, request) in enumerate(MESSAGES):
            gap = shorter * GROUP_GAP if index else 0.0
            result.append(Line(message, shorter * MESSAGE_SIZE, TEXT, QFont.Weight.Medium, gap))
            result.append(
                Line(
                    request, shorter * REQUEST_SIZE, MUTED, QFont.Weight.Normal, shorter * LINE_GAP
                )
            )
        return result

    def _font(self, line: Line, scale: float) -> QFont:
        font = QFont(self.family) if self.family else QFont(self.font())
        font.setPixelSize(max(1, round(line.size * scale)))
        font.setWeight(line.weight)
        return font

    def _fitted(self, lines: list[Line]) -> tuple[float, list[QFont]]:
        """The scale at which every line fits inside the margins, and the fonts at it."""
        room_w = self.width() * (1 - 2 * MARGIN)
        room_h = self.height() * (1 - 2 * MARGIN)
        scale = 1.0
        for _ in range(3):  # text does not scale quite linearly (hinting): check again
            fonts = [self._font(line, scale) for line in lines]
            metrics = [QFontMetricsF(font) for font in fonts]
            widest = max(
                m.horizontalAdvance(line.text) for m, line in zip(metrics, lines, strict=True)
            )
            height = sum(
                m.height() + line.gap * scale for m, line in zip(metrics, lines, strict=True)
            )
            fit = min(room_w / max(1.0, widest), room_h / max(1.0, height))
            if fit >= 1.0:
                break
            scale *= fit * 0.98
        return scale, fonts

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(BACKGROUND))
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        lines = self.lines()
        scale, fonts = self._fitted(lines)
        heights = [QFontMetricsF(font).height() for font in fonts]
        total = sum(heights) + sum(line.gap * scale for line in lines)
        y = (self.height() - total) / 2
        for line, font, line_height in zip(lines, fonts, heights, strict=True):
            y += line.gap * scale
            painter.setFont(font)
            painter.setPen(QColor(line.colour))
            painter.drawText(
                QRectF(0, y, self.width(), line_height),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                line.text,
            )
            y += line_height
        painter.end()
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_frame_shown.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.keep_open:
            event.ignore()  # no way out for visitors; systemd stops it with a signal
        else:
            super().closeEvent(event)


def fallback_image(size: tuple[int, int]) -> QImage:
    """The fallback screen painted at ``size``, for the self-test and proofing."""
    screen = FallbackScreen(load_fonts())
    screen.resize(QSize(*size))
    image = screen.grab().toImage()
    screen.deleteLater()
    return image


def run_fallback(
    *,
    windowed: bool = False,
    size: tuple[int, int] | None = None,
    exit_after_first_frame: bool = False,
) -> int:
    """Show the fallback screen until the process is stopped."""
    log_files = configure_logging(to_files=True)
    if log_files is not None:  # held until the end: faulthandler writes crash traces into it
        log.info("fallback: logs in %s", log_files.folder)
    # A fleet's Prometheus sees this kiosk on its fallback screen (KioskOnFallback), not down.
    # Whatever goes wrong there, the notice itself must still be shown.  The environment
    # only (KIOSK_METRICS_TEXTFILE): the fallback never reads the station file, which may be
    # why it is showing; the rules see a fallback through systemd's collector too.
    try:
        from kiosk.ui.fleet_metrics import mark_fallback  # noqa: PLC0415 - only for a fleet

        mark_fallback(os.environ)
    except Exception as error:  # the fallback screen never fails to show
        log.warning("fallback: the metrics textfile is not marked: %s", error)
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        import signal  # noqa: PLC0415

        # Ctrl+C ends it at once from a terminal (Qt's loop would otherwise hold Python's
        # handler back); systemd's SIGTERM already does.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("kiosk")
        app.setApplicationDisplayName("Memorial Kiosk")
    screen = FallbackScreen(load_fonts())
    width, height = size or DEFAULT_WINDOW

    def shown() -> None:
        log.warning(
            "the fallback screen is shown (%dx%d): the kiosk itself is not running",
            screen.width(),
            screen.height(),
        )
        from kiosk.ops.notify import Notifier  # noqa: PLC0415

        Notifier().ready()
        if exit_after_first_frame:
            print("first-frame", flush=True)
            app.exit(0)

    screen.first_frame_shown.connect(shown)
    hidden_cursor = False
    if windowed:
        screen.resize(width, height)
        screen.show()
    else:
        screen.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        primary = app.primaryScreen()
        if primary is not None:
            screen.setGeometry(primary.geometry())
        app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        hidden_cursor = True
        screen.keep_open = True
        screen.showFullScreen()
    code = app.exec()
    screen.keep_open = False
    screen.close()
    screen.deleteLater()
    if hidden_cursor:
        app.restoreOverrideCursor()
    return code
