"""The studio's live preview: the real kiosk screen for the chosen state, size and language.

A hidden kiosk (the one ``kiosk render`` draws: kiosk.ui.screen_states) renders the
state; the pane shows its picture scaled to fit, proportions kept.  The studio calls
``show_exhibit`` on every keystroke: the picture follows once typing pauses (a single-shot
timer), on the same hidden kiosk while the size stays the same (new content goes in as hot
reload puts it: ``KioskController.apply``), on a new one after a change of size.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.languages import ENDONYMS
from kiosk.content.model import Exhibit
from kiosk.ui.application import Kiosk
from kiosk.ui.screen_states import hidden_kiosk, render_state
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

# Typing pauses longer than this between words, not between letters: one render per pause,
# and the picture still follows within about half a second of the last key.
DEBOUNCE_MS = 250
# A state the exhibit no longer has (a moment whose id was changed or removed) shows this.
FALLBACK_STATE = "home"
BACKDROP = QColor("#2B2B2B")  # neutral, so the exhibit's own colours read true against it
VEIL = QColor(0, 0, 0, 110)  # over a picture that no longer matches the text being typed


class PreviewPicture(QWidget):
    """The last rendered frame, scaled to fit with its proportions kept, centred; a calm
    note over it when the text being typed cannot be shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        self._image: QImage | None = None
        # Scaled once per picture and size: a 4K frame scaled smoothly on every paint would
        # cost tens of milliseconds while staff type.
        self._scaled: QPixmap | None = None
        self.note = QLabel(self)
        self.note.setObjectName("PreviewNote")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setStyleSheet(
            "QLabel#PreviewNote { background: rgba(20, 20, 20, 215); color: #F2F2F2;"
            " border-radius: 6px; padding: 10px 14px; }"
        )
        self.note.hide()
        self.empty_text = ""

    def set_image(self, image: QImage) -> None:
        self._image = image
        self._scaled = None
        self._place_note()
        self.update()

    def set_note(self, text: str | None) -> None:
        if text:
            self.note.setText(text)
            self.note.setAccessibleName(text)
            self.note.show()
            self._place_note()
        else:
            self.note.hide()
        self.update()

    def target_rect(self) -> QRect:
        """Where the picture goes: the largest rectangle of its proportions, centred."""
        if self._image is None or self._image.isNull():
            return QRect()
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) // 2
        y = (self.height() - size.height()) // 2
        return QRect(x, y, size.width(), size.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._scaled = None
        self._place_note()
        super().resizeEvent(event)

    def _place_note(self) -> None:
        """Near the top of the picture, where a kiosk screen is mostly quiet (its
        controls are at the bottom)."""
        area = self.target_rect() if self._image is not None else self.rect()
        width = max(120, min(area.width() - 24, 560))
        height = max(1, self.note.heightForWidth(width))
        self.note.setGeometry(area.center().x() - width // 2, area.top() + 12, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKDROP)
        target = self.target_rect()
        if self._image is None or target.isEmpty():
            painter.setPen(QColor("#D0D0D0"))
            painter.drawText(
                self.rect().adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
            return
        # In device pixels, so a high-density screen shows the kiosk's text sharp.
        ratio = self.devicePixelRatioF()
        wanted = target.size() * ratio
        if self._scaled is None or self._scaled.size() != wanted:
            self._scaled = QPixmap.fromImage(
                self._image.scaled(
                    wanted,
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self._scaled.setDevicePixelRatio(ratio)
        painter.drawPixmap(target.topLeft(), self._scaled)
        if self.note.isVisible():
            painter.fillRect(target, VEIL)


class PreviewPane(QWidget):
    """The kiosk screen for one state of the exhibit being edited (see the module's doc)."""

    SIZES: tuple[tuple[int, int], ...] = ((1920, 1080), (3840, 2160), (1080, 1920), (1280, 800))
    rendered = Signal()  # after each new picture
    failed = Signal()  # a picture could not be drawn (the reason is logged)

    def __init__(self, parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        """``debounce_ms``: how long typing must pause before a render; a caller that
        already waits for typing to pause before ``show_exhibit`` passes 0 (one pause in
        the way from a key to the picture, not two)."""
        super().__init__(parent)
        self.setObjectName("PreviewPane")
        self.debounce_ms = debounce_ms
        self._exhibit: Exhibit | None = None
        self._state = "attract"
        self._size = self.SIZES[0]
        self._language: str | None = None  # None: the exhibit's default language
        self._kiosk: Kiosk | None = None
        self._kiosk_size: tuple[int, int] | None = None
        self._picture = QImage()
        self._shown_state: str | None = None
        self._rendering = False
        self._again = False
        self.renders = 0  # pictures made (tests and the benchmark count them)

        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self._render)

        self.size_label = QLabel(self)
        self.size_combo = QComboBox(self)
        for _size in self.SIZES:
            self.size_combo.addItem("")
        self.size_label.setBuddy(self.size_combo)
        self.language_label = QLabel(self)
        self.language_combo = QComboBox(self)
        self.language_label.setBuddy(self.language_combo)
        self.view = PreviewPicture(self)

        controls = QHBoxLayout()
        controls.setContentsMargins(6, 4, 6, 4)
        controls.addWidget(self.size_label)
        controls.addWidget(self.size_combo)
        controls.addSpacing(12)
        controls.addWidget(self.language_label)
        controls.addWidget(self.language_combo)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)

        self.size_combo.currentIndexChanged.connect(self._size_chosen)
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self._release = _KioskRelease()
        self._source_words = SourceWords(self)
        self._studio_unmoved = OnlyTheKioskRetranslates(self)
        # The hidden kiosk is a window of its own (so nothing of the studio's style reaches
        # it): it goes with the pane.
        self.destroyed.connect(self._release.close_at_end)
        self.retranslate()

    # -- what the studio calls --------------------------------------------------------------

    def show_exhibit(self, exhibit: Exhibit) -> None:
        """The exhibit as the staff's text now reads (valid: with errors the studio calls
        ``show_unavailable`` instead).  Rendered once typing pauses."""
        self._exhibit = exhibit
        self.view.set_note(None)
        self._fill_languages(exhibit)
        self._timer.start(self.debounce_ms)

    def show_state(self, state: str) -> None:
        """One of screen_states' names (kiosk.ui.screen_states): "attract", "home", "statement-top",
        "statement-end", "timeline-<id>", "figures" (and "idle-warning", "access")."""
        self._state = state
        self._soon()

    def set_size(self, size: tuple[int, int]) -> None:
        wanted = (int(size[0]), int(size[1]))
        if wanted not in self.SIZES:
            raise ValueError(f"not one of the standard sizes: {wanted[0]}x{wanted[1]}")
        self.size_combo.setCurrentIndex(self.SIZES.index(wanted))  # _size_chosen follows

    def set_language(self, code: str) -> None:
        """A language of the exhibit's; another shows the exhibit's default language."""
        self._language = code
        index = self.language_combo.findData(code)
        if index >= 0:
            self.language_combo.setCurrentIndex(index)
        self._soon()

    def show_unavailable(self, message: str) -> None:
        """The text being typed cannot be shown (errors): the last picture stays, dimmed,
        with ``message`` over it, until the next ``show_exhibit``."""
        self.view.set_note(message)

    def picture(self) -> QImage:
        """The last rendered frame at full size (null before the first)."""
        return self._picture

    @property
    def screen_size(self) -> tuple[int, int]:
        """The kiosk screen's size the picture is drawn at."""
        return self._size

    @property
    def state(self) -> str:
        return self._state

    @property
    def shown_state(self) -> str | None:
        """The state the picture shows: the chosen one, or FALLBACK_STATE when the exhibit
        has no state of that name."""
        return self._shown_state

    @property
    def kiosk(self) -> Kiosk | None:
        """The hidden kiosk that draws the pictures (tests read its widgets)."""
        return self._kiosk

    @property
    def pending(self) -> bool:
        """Whether a render is waiting for typing to pause."""
        return self._timer.isActive() or self._again

    def release(self) -> None:
        """Close the hidden kiosk now (the studio is closing); a later change builds it anew."""
        self._timer.stop()
        self._close_kiosk()

    def _close_kiosk(self) -> None:
        # Not the timer: a change that came while a render ran must still be drawn.
        self._release.close()
        self._kiosk = None
        self._kiosk_size = None

    # -- rendering --------------------------------------------------------------------------

    def _soon(self) -> None:
        """A choice of the staff's (state, size, language): at the next turn of the loop,
        with any typing still pending folded in."""
        if self._exhibit is not None:
            self._timer.start(0)

    def _render(self) -> None:
        if self._rendering:  # a render's own event processing ran the timer: once more after
            self._again = True
            return
        exhibit = self._exhibit
        if exhibit is None:
            return
        self._rendering = True
        try:
            image = self._draw(exhibit)
        except Exception:  # a fault in drawing must not take the studio down with it
            log.exception("the preview could not be drawn")
            self._failed()
            return
        finally:
            self._rendering = False
        self._picture = image
        self.renders += 1
        self.view.set_image(image)
        self.rendered.emit()
        if self._again:
            self._again = False
            self._timer.start(0)

    def _failed(self) -> None:
        """The last picture stays, with a note; the hidden kiosk, perhaps half changed, is
        closed, and the next change draws on a new one."""
        self._again = False
        self.view.set_note(
            self.tr(
                "The preview could not be drawn (the reason is in the log). It shows the "
                "last picture; the next change tries again."
            )
        )
        self._close_kiosk()
        self.failed.emit()

    def _draw(self, exhibit: Exhibit) -> QImage:
        app = QCoreApplication.instance()
        assert app is not None
        active, focus = QApplication.activeWindow(), QApplication.focusWidget()
        # Installed before the kiosk's own translator (which is asked first), taken out after.
        app.installTranslator(self._source_words)
        app.installEventFilter(self._studio_unmoved)
        try:
            return self._draw_kiosk(exhibit)
        finally:
            app.removeTranslator(self._source_words)
            # The changes of language the render caused are delivered now, while the
            # studio's widgets are still kept out of them.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
            app.removeEventFilter(self._studio_unmoved)
            give_back_keyboard(active, focus)

    def _draw_kiosk(self, exhibit: Exhibit) -> QImage:
        kiosk = self._kiosk_for(exhibit)
        languages = exhibit.settings.languages
        language = self._language if self._language in languages else None
        try:
            try:
                image = render_state(kiosk, self._state, language)
                self._shown_state = self._state
            except KeyError:
                image = render_state(kiosk, FALLBACK_STATE, language)
                self._shown_state = FALLBACK_STATE
        finally:
            # The kiosk's interface translator is the application's: left installed it
            # would translate the studio's own words into the previewed language.
            kiosk.window.translations.release()
            # Nobody visits the hidden kiosk: its idle question must never come up.
            kiosk.idle.stop()
        return image

    def _kiosk_for(self, exhibit: Exhibit) -> Kiosk:
        """The hidden kiosk at the chosen size showing ``exhibit``: the one there is, with
        the content replaced as hot reload replaces it, or a new one after a change of size."""
        kiosk = self._kiosk
        if kiosk is not None and self._kiosk_size == self._size:
            if kiosk.controller.exhibit is not exhibit:
                kiosk.controller.apply(exhibit)
                # The views it replaced are deleted later; until then the old language
                # switch, still a child of the navigation bar, paints under the new one (and
                # a render runs inside one turn of the loop, where later never comes).
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            return kiosk
        self._close_kiosk()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        kiosk = hidden_kiosk(app, exhibit, self._size)
        detach_from_application(app, kiosk)
        self._kiosk, self._kiosk_size = kiosk, self._size
        self._release.kiosk = kiosk
        return kiosk

    # -- controls ---------------------------------------------------------------------------

    def _size_chosen(self, index: int) -> None:
        if 0 <= index < len(self.SIZES):
            self._size = self.SIZES[index]
            self._soon()

    def _language_chosen(self, index: int) -> None:
        code = self.language_combo.itemData(index)
        if code is not None:
            self._language = str(code)
            self._soon()

    def _fill_languages(self, exhibit: Exhibit) -> None:
        languages = exhibit.settings.languages
        present = [self.language_combo.itemData(i) for i in range(self.language_combo.count())]
        if list(languages) == present:
            return
        wanted = self._language or exhibit.settings.default_language
        self.language_combo.blockSignals(True)
        self.language_combo.clear()
        for code in languages:
            self.language_combo.addItem(f"{ENDONYMS.get(code, code)} ({code})", code)
        index = self.language_combo.findData(wanted)
        if index < 0:
            index = self.language_combo.findData(exhibit.settings.default_language)
        self.language_combo.setCurrentIndex(max(0, index))
        self.language_combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Preview"))
        self.size_label.setText(self.tr("Screen size:"))
        self.size_combo.setAccessibleName(self.tr("Screen size of the preview"))
        for index, (width, height) in enumerate(self.SIZES):
            shape = self.tr("portrait") if height > width else self.tr("landscape")
            self.size_combo.setItemText(index, f"{width} × {height} ({shape})")
        self.language_label.setText(self.tr("Language:"))
        self.language_combo.setAccessibleName(self.tr("Language of the preview"))
        self.view.setAccessibleName(self.tr("The kiosk screen as visitors will see it"))
        self.view.empty_text = self.tr("The preview appears here once the exhibit can be read.")
        self.view.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 400)


def give_back_keyboard(active: QWidget | None, focus: QWidget | None) -> None:
    """The window and the control staff were typing in, active and focused again when a
    render took them.  Building a kiosk's start screen shows its language switch for a
    moment as a window of its own (made without a parent, then laid out), which takes the
    activation; on a kiosk there is no other window to take it from."""
    if active is None or not shiboken6.isValid(active) or not active.isVisible():
        return
    if QApplication.activeWindow() is not active:
        active.activateWindow()
        # The window system answers with an event: taken now, so typing goes on at once.
        QCoreApplication.processEvents()
    if (
        focus is not None
        and shiboken6.isValid(focus)
        and focus.window() is active
        and QApplication.focusWidget() is not focus
    ):
        focus.setFocus(Qt.FocusReason.OtherFocusReason)


def detach_from_application(app: QApplication, kiosk: Kiosk) -> None:
    """Take the kiosk's application-wide event filters off the application.

    A kiosk filters the whole application against visitors (keys that leave, context menus,
    dragging: its lockdown) and counts any input as a visit: in the studio neither may touch
    the staff's window, and nobody touches the hidden kiosk.  Every part the kiosk holds is
    taken off, with everything under it, so a filter added to the kiosk later is too."""
    for part in vars(kiosk).values():
        if isinstance(part, QObject) and part is not app:
            for piece in (part, *part.findChildren(QObject)):
                app.removeEventFilter(piece)


class SourceWords(QTranslator):
    """Every word as written in the code, for the length of a render.

    The studio speaks to staff through the same translations as the kiosk, installed in the
    same application: without this, a word the previewed language has no translation for
    (every word, for English) would be looked up in the studio's language next, and the
    kiosk screen would show the staff's language instead of the visitor's.  Beneath the
    kiosk's own translator, this answers first with the word itself, as on a kiosk."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return source

    def isEmpty(self) -> bool:
        return False


class OnlyTheKioskRetranslates(QObject):
    """While a render puts translators in and takes them out, only the kiosk's widgets
    hear of it: the studio's would word themselves in the previewed language (and show it)
    until the render ends."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.LanguageChange or not isinstance(watched, QWidget):
            return False
        return not isinstance(watched.window(), KioskWindow)


class _KioskRelease:
    """Closes the hidden kiosk; also when the pane is destroyed without ``release``."""

    def __init__(self) -> None:
        self.kiosk: Kiosk | None = None

    def close(self, *_: object) -> None:
        kiosk, self.kiosk = self.kiosk, None
        if kiosk is not None:
            kiosk.close()

    def close_at_end(self, *_: object) -> None:
        """The pane is being destroyed.  At the program's end Python may already have
        deleted parts of the kiosk (its idle watcher has no Qt parent), and then there is
        nothing left to close: the program must still end quietly."""
        try:
            self.close()
        except RuntimeError as error:
            if "already deleted" not in str(error):  # shiboken's words for a deleted object
                raise
