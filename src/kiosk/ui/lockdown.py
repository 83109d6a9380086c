"""What the application itself does to keep visitors in the exhibit.

The window system's own keys (Alt+Tab, Ctrl+Alt+Del, the Super key, switching consoles) are
the kiosk session's business (cage on Linux, Shell Launcher on Windows); this is the rest:
keys that close or leave, context menus (long presses too), drag and drop, and a window that
must stay full screen and in front.

Under X11 without a window manager anything on the display can resize, move or unmap the
window (``xdotool windowsize``); and a display that is unplugged and plugged in again (a TV
power-cycled, a loose HDMI cable) takes the window's screen away and brings it back.  The
window takes its whole screen back in both cases.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Protocol, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QScreen
from PySide6.QtWidgets import QApplication, QWidget

# Keys a visitor could use to close, leave or change the window; they do nothing.
BLOCKED_KEYS = frozenset(
    {Qt.Key.Key_Escape, Qt.Key.Key_F11, Qt.Key.Key_Menu, Qt.Key.Key_Close, Qt.Key.Key_Exit}
)
BLOCKED_SEQUENCES = ("Alt+F4", "Ctrl+Q", "Ctrl+W", "Ctrl+F4")


@cache
def blocked_sequences() -> tuple[QKeySequence, ...]:
    """BLOCKED_SEQUENCES as Qt's: made when the first key is looked at, not at import, so
    the kiosk's first frame does not pay for Qt's key sequences."""
    return tuple(QKeySequence(text) for text in BLOCKED_SEQUENCES)


BLOCKED_EVENTS = frozenset(
    {
        QEvent.Type.ContextMenu,
        QEvent.Type.DragEnter,
        QEvent.Type.DragMove,
        QEvent.Type.Drop,
        QEvent.Type.WhatsThis,
    }
)


# Events after which the window may no longer cover its screen.
WATCHED_EVENTS = frozenset(
    {
        QEvent.Type.WindowStateChange,
        QEvent.Type.WindowDeactivate,
        QEvent.Type.Hide,
        QEvent.Type.Resize,
        QEvent.Type.Move,
    }
)
# A short pause before restoring: a burst of changes is answered once, and restoring straight
# from a state-change event confuses some window managers.
RESTORE_MS = 100
# The window system may unmap the window without Qt seeing it hidden (X11): looked at this
# often, and restored when it has stayed unexposed for two looks in a row.
GUARD_MS = 500


class Named(Protocol):
    def name(self) -> str: ...


S = TypeVar("S", bound=Named)


def _sequence(event: QKeyEvent) -> QKeySequence:
    return QKeySequence(event.keyCombination())


def choose_screen(home: str | None, screens: Sequence[S], current: S | None) -> S | None:
    """The screen the kiosk belongs on: its own (by name) when that is connected, else the
    one it is on now, else the first there is."""
    for screen in screens:
        if home is not None and screen.name() == home:
            return screen
    if current is not None and current in screens:
        return current
    return screens[0] if screens else None


class Lockdown(QObject):
    """Filters the whole application; ``full_screen`` also keeps the window full screen."""

    def __init__(self, window: QWidget, *, full_screen: bool) -> None:
        super().__init__(window)
        self.window = window
        self.exit_allowed = False
        # The name of the screen the kiosk belongs on, remembered when it goes full screen:
        # the screen object itself is gone once its display is unplugged.
        self.home_screen: str | None = None
        self._restore = QTimer(self, singleShot=True, interval=RESTORE_MS)
        self._restore.timeout.connect(self.restore)
        self._guard = QTimer(self, interval=GUARD_MS)
        self._guard.timeout.connect(self._look)
        self._unexposed_looks = 0
        self._full_screen = False
        self.full_screen = full_screen
        # The connected screens; tests stand in for a display being unplugged.
        self.screens: Callable[[], list[QScreen]] = QGuiApplication.screens
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            assert isinstance(app, QGuiApplication)
            app.screenAdded.connect(self.screen_added)
            app.screenRemoved.connect(self.screen_removed)

    @property
    def full_screen(self) -> bool:
        return self._full_screen

    @full_screen.setter
    def full_screen(self, on: bool) -> None:
        self._full_screen = on
        if on:
            screen = self.window.screen()
            self.home_screen = screen.name() if screen is not None else None
            self._guard.start()
        else:
            self._guard.stop()

    def screen_added(self, screen: QScreen) -> None:
        """A display came (back): the kiosk returns to its own screen when that is it."""
        if self.full_screen and screen.name() == self.home_screen:
            self._restore.start()

    def screen_removed(self, screen: QScreen) -> None:
        """A display went: Qt has moved the window elsewhere; cover that screen meanwhile."""
        if self.full_screen:
            self._restore.start()

    def allow_exit(self) -> None:
        """Staff chose to leave: closing is allowed from now on."""
        self.exit_allowed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in BLOCKED_EVENTS:
            event.ignore()
            return True
        if isinstance(event, QKeyEvent) and self._blocked(event):
            event.accept()
            return True
        if kind == QEvent.Type.Close and watched is self.window and not self.exit_allowed:
            event.ignore()
            return True
        if self.full_screen and watched is self.window and kind in WATCHED_EVENTS:
            self._restore.start()
        return False

    @staticmethod
    def _blocked(event: QKeyEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        return event.key() in BLOCKED_KEYS or _sequence(event) in blocked_sequences()

    def _look(self) -> None:
        """The periodic look: restore what no event announced (an X11 unmap)."""
        handle = self.window.windowHandle()
        unexposed = handle is not None and self.window.isVisible() and not handle.isExposed()
        self._unexposed_looks = self._unexposed_looks + 1 if unexposed else 0
        if self._unexposed_looks >= 2:
            self._unexposed_looks = 0
            # Qt still holds the window for shown; hidden and shown again, it is mapped anew.
            self.window.hide()
            self.restore()
        elif not self._covers(self.window.screen()):
            # Only the screen it is on: a platform that cannot move windows between screens
            # (Wayland) must not make this look restore for ever.
            self.restore()

    def target_screen(self) -> QScreen | None:
        return choose_screen(self.home_screen, self.screens(), self.window.screen())

    def _covers(self, screen: QScreen | None) -> bool:
        window = self.window
        if not (window.isVisible() and window.isFullScreen()):
            return False
        return screen is None or (
            window.screen() is screen and window.geometry() == screen.geometry()
        )

    def restore(self) -> None:
        """Full screen on its own screen, shown and in front again."""
        if not self.full_screen or self.exit_allowed:
            return
        screen = self.target_screen()
        if not self._covers(screen):
            if screen is not None:
                if self.window.screen() is not screen:
                    self.window.setScreen(screen)
                # A window still marked full screen is not resized by showFullScreen():
                # the geometry is given back first.
                self.window.setGeometry(screen.geometry())
            self.window.showFullScreen()
        self.window.raise_()
        self.window.activateWindow()


def lock_widgets(root: QWidget) -> None:
    """No context menus, no drops, on every widget under ``root``."""
    # Walked through children(), not findChildren(QWidget): PySide6 6.11 keeps the Python
    # wrappers findChildren() makes for widgets Qt created itself (a scroll area's viewport,
    # bars and their containers) alive after Qt deletes them, so every new content, which
    # builds the screens anew and locks them again, left some behind (found by bench/soak.py).
    pending = [root]
    while pending:
        widget = pending.pop()
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        widget.setAcceptDrops(False)
        pending.extend(child for child in widget.children() if isinstance(child, QWidget))
