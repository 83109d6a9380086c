"""Keys on the kiosk: each press becomes an intent (key_map), the controller takes what the
visit's rules decide (kiosk.core.kiosk.KioskController.press), and this does the rest: moves
the focus through the visitor's controls in reading order, scrolls the statement, presses
the focused control, and shows the focus ring while keys are in use.

One application-wide filter, made with the window: it runs after the lockdown's (filters
installed later run first, and the lockdown is installed after the window), so a key the
lockdown keeps never arrives here; and after the activity filter, so every key keeps the
visit alive.  Keys for the staff's own layers (PIN pad, panel) are left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget

from kiosk.core.keypad import KeyIntent
from kiosk.core.kiosk import KioskController, KioskEvent
from kiosk.core.session import Screen
from kiosk.ui.keypad.focus_ring import FocusRing
from kiosk.ui.keypad.key_map import KeyMap, default_key_map, key_map_from_setting
from kiosk.ui.widgets.modal import ModalLayer

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from kiosk.ui.screens.statement import StatementScreen
    from kiosk.ui.window import KioskWindow

# A second quick tap arrives as a double click, without a press of its own.
TOUCHES = frozenset(
    {QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick}
)
# Events after which the focused control may have moved: the ring follows at once.
MOVES = frozenset({QEvent.Type.Move, QEvent.Type.Resize})
FORWARD = frozenset({KeyIntent.FORWARD, KeyIntent.RIGHT, KeyIntent.DOWN, KeyIntent.NEXT})
BACKWARD = frozenset({KeyIntent.BACKWARD, KeyIntent.LEFT, KeyIntent.UP, KeyIntent.PREVIOUS})
# Keys Qt's widgets act on by themselves (a focused button clicks on Space; Tab and the
# arrows move Qt's focus): taken even when the station's mapping leaves them out.
QT_BUTTON_KEYS = frozenset(
    {
        Qt.Key.Key_Space,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Select,
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
    }
)
# Intents a held key repeats: moving and scrolling, and loudness.
REPEATING = frozenset(
    {
        KeyIntent.FORWARD,
        KeyIntent.BACKWARD,
        KeyIntent.UP,
        KeyIntent.DOWN,
        KeyIntent.LEFT,
        KeyIntent.RIGHT,
        KeyIntent.PAGE_UP,
        KeyIntent.PAGE_DOWN,
        KeyIntent.LOUDER,
        KeyIntent.SOFTER,
    }
)
SCROLLS = {
    KeyIntent.UP: (-1, 0),
    KeyIntent.DOWN: (1, 0),
    KeyIntent.PAGE_UP: (0, -1),
    KeyIntent.PAGE_DOWN: (0, 1),
}


def reading_order(widgets: list[QWidget], window: QWidget) -> list[QWidget]:
    """Top to bottom by rows, left to right in a row: a control whose middle lies within
    the height of a row's first control belongs to that row."""
    placed = sorted(
        ((widget.mapTo(window, widget.rect().topLeft()), widget) for widget in widgets),
        key=lambda item: (item[0].y() + item[1].height() / 2, item[0].x()),
    )
    rows: list[tuple[int, int, list[tuple[int, QWidget]]]] = []
    for at, widget in placed:
        middle = at.y() + widget.height() // 2
        if rows and rows[-1][0] <= middle <= rows[-1][1]:
            rows[-1][2].append((at.x(), widget))
        else:
            rows.append((at.y(), at.y() + widget.height(), [(at.x(), widget)]))
    return [widget for _, _, row in rows for _, widget in sorted(row, key=lambda item: item[0])]


def _is_control(widget: QWidget) -> bool:
    """Every button, and a scroll area keys may move (the statement).  Not by focus policy:
    Qt takes Tab away from the unchecked buttons of an exclusive group (the languages)."""
    if isinstance(widget, QAbstractScrollArea):
        return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    return isinstance(widget, QAbstractButton)


def controls_in(root: QWidget) -> list[QWidget]:
    """The visitor's controls under ``root`` that can be used now: shown and enabled.
    Walked through children(), as lock_widgets does, to make no wrappers for widgets Qt
    made itself."""
    found: list[QWidget] = []
    pending = [root]
    while pending:
        widget = pending.pop()
        if not widget.isVisible():
            continue
        if widget is not root and isinstance(widget, ModalLayer):
            continue  # a layer is a scope of its own
        if widget is not root and widget.isEnabled() and _is_control(widget):
            found.append(widget)
            if isinstance(widget, QAbstractScrollArea):
                continue  # the statement is one control; what it shows is not
        pending.extend(child for child in widget.children() if isinstance(child, QWidget))
    return found


class KeypadNavigation(QObject):
    def __init__(self, window: KioskWindow, controller: KioskController) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        # The numeric keypad's keys, read when the first key arrives (not before the
        # kiosk's first frame), unless the station's setting came first.
        self._key_map: KeyMap | None = None
        self.ring = FocusRing(window)
        # The control last focused on each screen: Back returns to it.
        self._remembered: dict[Screen, QWidget] = {}
        self._opener: QWidget | None = None  # the control that opened a layer
        self._current: QWidget | None = None  # the control the ring is on
        self._replace = QTimer(self, singleShot=True, interval=0)
        self._replace.timeout.connect(self._place_ring)
        session = controller.session
        controller.keypad.changed.connect(self._mode_changed)
        session.screen_changed.connect(self._screen_changed)
        session.language_changed.connect(lambda _language: self._replace.start())
        session.reset_done.connect(self._forget)
        controller.happened.connect(self._follow)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def key_map(self) -> KeyMap:
        if self._key_map is None:
            self._key_map = default_key_map()
        return self._key_map

    @key_map.setter
    def key_map(self, key_map: KeyMap) -> None:
        self._key_map = key_map

    def use_setting(self, setting: Mapping[str, Sequence[str]] | None) -> list[str]:
        """The station's ``keypad:`` mapping; what was wrong with it (then the default
        is in force, and the reasons are logged)."""
        self.key_map, problems = key_map_from_setting(setting)
        return problems

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # -- input ------------------------------------------------------------------------------

    def _ours(self, watched: QObject) -> bool:
        """Whether an event is the kiosk's: for its window, or for the view that shows the
        window turned (RotatedHost), where the display's keys and touches arrive first."""
        if not isinstance(watched, QWidget):
            return False
        top = watched.window()
        return top is self.window or top in self._hosts()

    def _hosts(self) -> list[QWidget]:
        proxy = self.window.graphicsProxyWidget()
        scene = proxy.scene() if proxy is not None else None
        return list(scene.views()) if scene is not None else []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and self._ours(watched):
            assert isinstance(event, QKeyEvent)
            return self._key(watched, event)
        if kind in TOUCHES and self._ours(watched):
            self.controller.keypad.touched()
        elif kind in MOVES and self.ring.isVisible() and self._moves_ring(watched):
            self.ring.place()  # cheap (a geometry and a mask), and never a frame behind
        return False

    def _key(self, receiver: QObject, event: QKeyEvent) -> bool:
        """Whether the key is taken here.  Visitor controls are pressed through the key map
        only: Qt's own keys for buttons (Space, Return, Tab, the arrows) never reach one,
        mapped or not, and never one beneath a layer that is not the visitor's."""
        layer = self._top_layer()
        if layer is not None and layer not in (self._idle_overlay(), self._access_panel()):
            # The staff's layers (and the dark screen after hours) take their own keys.
            inside = isinstance(receiver, QWidget) and (
                receiver is layer or layer.isAncestorOf(receiver)
            )
            return not inside
        intent = self.key_map.intent(event)
        if intent is None:
            return event.key() in QT_BUTTON_KEYS
        if event.isAutoRepeat() and intent not in REPEATING:
            return True  # a held key presses, opens or goes back once
        self.handle(intent)
        event.accept()
        return True

    def _moves_ring(self, watched: QObject) -> bool:
        target = self.ring.target
        return (
            isinstance(watched, QWidget)
            and target is not None
            and shiboken6.isValid(target)
            and (watched is target or watched.isAncestorOf(target))
        )

    def handle(self, intent: KeyIntent) -> None:
        """One intent, with no layer or a visitor's layer on top."""
        layer = self._top_layer()
        if layer is not None and layer is self._idle_overlay():
            # A key answers "Still there?" (the activity filter already did) and nothing more.
            self.controller.keypad.key_used()
            return
        if layer is not None:
            self.controller.keypad.key_used()
            self._in_layer(layer, intent)
        elif not self.controller.press(intent):
            self._view_part(intent)
        self._settle()

    def _in_layer(self, layer: QWidget, intent: KeyIntent) -> None:
        """The visitor's settings panel: its controls only; Back or Home closes it."""
        if intent in (KeyIntent.BACK, KeyIntent.HOME):
            layer.hide()
            if intent is KeyIntent.HOME:
                self.controller.press(intent)
        elif intent in (KeyIntent.LISTEN, KeyIntent.LOUDER, KeyIntent.SOFTER, KeyIntent.HELP):
            self.controller.press(intent)
        else:
            self._view_part(intent)

    def _view_part(self, intent: KeyIntent) -> None:
        focused = self.focused()
        order = self.order()
        statement = self._statement()
        if statement is not None and intent in SCROLLS:
            lines, pages = SCROLLS[intent]
            statement.scroll_by(lines=lines, pages=pages)
            if focused is None:
                self._focus(order[0] if order else None)
            return
        if focused is None:
            # The first key after touch only shows where the focus is.
            self._focus(order[0] if order else None)
            return
        if intent is KeyIntent.ACTIVATE:
            if isinstance(focused, QAbstractButton):
                focused.click()
                self._follow_year(focused)
            return
        step = 1 if intent in FORWARD else -1 if intent in BACKWARD else 0
        if step and order:
            index = order.index(focused)
            self._focus(order[(index + step) % len(order)])

    def _follow_year(self, pressed: QWidget) -> None:
        """A long timeline's rail moves its years along after a year is chosen: the focus
        stays on the year chosen, not on the button that now shows another."""
        built = self.window.built
        if built is None or pressed not in built.timeline.rail.buttons:
            return
        chosen = built.timeline.rail.button_for(self.controller.session.timeline_index)
        if chosen is not None:
            self._focus(chosen)

    # -- the focus --------------------------------------------------------------------------

    def _top_layer(self) -> QWidget | None:
        layers = [
            child
            for child in self.window.children()
            if isinstance(child, ModalLayer) and child.isVisible()
        ]
        return layers[-1] if layers else None  # children() lists them bottom to top

    def _idle_overlay(self) -> QWidget | None:
        return self.window.idle_overlay if self.window.layers_built else None

    def _access_panel(self) -> QWidget | None:
        return self.window.access_panel if self.window.layers_built else None

    def _statement(self) -> StatementScreen | None:
        """The statement, when it is the screen shown and nothing covers it."""
        if self.controller.session.screen is not Screen.STATEMENT or self._top_layer():
            return None
        built = self.window.built
        return built.statement if built is not None else None

    def scope(self) -> list[QWidget]:
        """Where the focus may go now: the top layer, or the screen and its bar."""
        layer = self._top_layer()
        if layer is not None:
            return [layer]
        if self.controller.session.screen is Screen.ATTRACT:
            return []  # any key begins the visit here: no control to show a focus on
        roots: list[QWidget] = [self.window.current_view()]
        if self.window.layers_built and self.window.nav.isVisible():
            roots.append(self.window.nav)
        return roots

    def order(self) -> list[QWidget]:
        """The controls in reach now, in reading order."""
        found = [control for root in self.scope() for control in controls_in(root)]
        return reading_order(found, self.window)

    def focused(self) -> QWidget | None:
        """The control the ring is on, when keys are in use and it is still in reach."""
        current = self._current
        if (
            not self.controller.keypad.active
            or current is None
            or not shiboken6.isValid(current)
            or current not in self.order()
        ):
            return None
        return current

    def _focus(self, widget: QWidget | None) -> None:
        moved = widget is not self._current
        self._current = widget
        if widget is None:
            self.ring.follow(None)
            return
        if moved:
            self.controller.keypad.focus_moved(widget.accessibleName())
        widget.setFocus()  # for assistive technology, which follows Qt's focus
        if self._top_layer() is None:
            self._remembered[self.controller.session.screen] = widget
        self.ring.follow(widget)

    def _settle(self, *, new_screen: bool = False) -> None:
        """After a key, a new screen or a layer opening or closing: the focus on a control
        in reach and the ring around it.  The control it was on stays; on a new screen the
        one last used there, else the first; after a layer closes, the control that opened
        it."""
        if not self.controller.keypad.active:
            return
        layout = self.window.layout()
        if layout is not None:
            layout.activate()  # the bar just shown is placed before it is read
        order = self.order()
        layer = self._top_layer()
        current = (
            self._current
            if self._current is not None and shiboken6.isValid(self._current)
            else None
        )
        if layer is not None:
            if current is not None and current not in order and self._opener is None:
                self._opener = current
            choice = current if current in order else None
        else:
            opener, self._opener = self._opener, None
            remembered = self._remembered.get(self.controller.session.screen)
            candidates: list[QWidget | None] = [opener]
            candidates += [remembered] if new_screen else [current, remembered]
            choice = next((c for c in candidates if c is not None and c in order), None)
        if choice is None and order:
            choice = order[0]
        self._focus(choice)

    def _place_ring(self) -> None:
        if self.controller.keypad.active:
            self.ring.place()

    def _mode_changed(self, active: bool) -> None:
        if active:
            return  # the key that turned keys on places the focus (handle)
        self._current = None
        self.ring.follow(None)
        widget = self.window.focusWidget()
        if widget is not None:
            widget.clearFocus()  # a touch visitor sees no focus, and keys start afresh

    def _screen_changed(self, _screen: str) -> None:
        if self.controller.keypad.active:
            self._settle(new_screen=True)

    def _forget(self) -> None:
        self._remembered.clear()
        self._opener = None

    def _follow(self, event: KioskEvent) -> None:
        if event is KioskEvent.CONTENT_REPLACED:
            self._forget()
            self.ring.follow(None)

    def apply_metrics(self, band_px: int, background: str) -> None:
        self.ring.set_band(band_px)
        self.ring.set_background(background)
