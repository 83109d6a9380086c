"""What the application itself does to keep visitors in the exhibit.

The window system's own keys (Alt+Tab, Ctrl+Alt+Del, the Super key, switching consoles) are
the kiosk session's business (cage on Linux, Shell Launcher on Windows); this is the rest:
keys that close or leave, context menus (long presses too), drag and drop, and a window that
must stay full screen and in front.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

# Keys a visitor could use to close, leave or change the window; they do nothing.
BLOCKED_KEYS = frozenset(
    {Qt.Key.Key_Escape, Qt.Key.Key_F11, Qt.Key.Key_Menu, Qt.Key.Key_Close, Qt.Key.Key_Exit}
)
BLOCKED_SEQUENCES = (
    QKeySequence("Alt+F4"),
    QKeySequence("Ctrl+Q"),
    QKeySequence("Ctrl+W"),
    QKeySequence("Ctrl+F4"),
)
BLOCKED_EVENTS = frozenset(
    {
        QEvent.Type.ContextMenu,
        QEvent.Type.DragEnter,
        QEvent.Type.DragMove,
        QEvent.Type.Drop,
        QEvent.Type.WhatsThis,
    }
)


def _sequence(event: QKeyEvent) -> QKeySequence:
    return QKeySequence(event.keyCombination())


class Lockdown(QObject):
    """Filters the whole application; ``full_screen`` also keeps the window full screen."""

    def __init__(self, window: QWidget, *, full_screen: bool) -> None:
        super().__init__(window)
        self.window = window
        self.full_screen = full_screen
        self.exit_allowed = False
        # Restoring straight from a state-change event confuses some window managers.
        self._restore = QTimer(self, singleShot=True, interval=0)
        self._restore.timeout.connect(self.restore)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

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
        if (
            self.full_screen
            and watched is self.window
            and kind
            in (
                QEvent.Type.WindowStateChange,
                QEvent.Type.WindowDeactivate,
                QEvent.Type.Hide,
            )
        ):
            self._restore.start()
        return False

    @staticmethod
    def _blocked(event: QKeyEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        return event.key() in BLOCKED_KEYS or _sequence(event) in BLOCKED_SEQUENCES

    def restore(self) -> None:
        """Full screen, shown and in front again."""
        if not self.full_screen or self.exit_allowed:
            return
        if not self.window.isFullScreen() or not self.window.isVisible():
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
