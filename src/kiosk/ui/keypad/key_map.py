"""Key codes to the keypad's intents: the documented default for a numeric keypad, changed
per intent by the station's ``keypad:`` setting.

The default works with Num Lock on or off: each keypad key's two codes (``Num+8`` and Up,
``Num+7`` and Home...) ask for the same thing, and the ordinary keyboard's keys of the same
names do too.

    +--------+--------+--------+--------+
    | NumLk  | /      | *      | -      |
    | -      | prev.  | next   | softer |
    +--------+--------+--------+--------+
    | 7      | 8      | 9      | +      |
    | Home   | up     | page up| louder |
    +--------+--------+--------+        |
    | 4      | 5      | 6      |        |
    | left   | select | right  |        |
    +--------+--------+--------+--------+
    | 1      | 2      | 3      | Enter  |
    | Back   | down   | page dn| select |
    +--------+--------+--------+        |
    | 0               | .      |        |
    | Listen / Pause  | Help   |        |
    +-----------------+--------+--------+

Plus Tab / Shift+Tab (next / previous control), Return and Space (select), Backspace (Back)
and F1 (Help) on a keyboard.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from kiosk.core.keypad import KeyIntent, missing_essentials
from kiosk.ui.lockdown import BLOCKED_KEYS, blocked_sequences

log = logging.getLogger(__name__)

DEFAULT_KEYS: dict[KeyIntent, tuple[str, ...]] = {
    KeyIntent.HOME: ("Num+7", "Home"),
    KeyIntent.BACK: ("Num+1", "End", "Backspace"),
    KeyIntent.LISTEN: ("Num+0", "Ins"),
    KeyIntent.LOUDER: ("Num++",),
    KeyIntent.SOFTER: ("Num+-",),
    KeyIntent.HELP: ("Num+.", "Num+,", "Del", "F1"),
    KeyIntent.NEXT: ("Num+*",),
    KeyIntent.PREVIOUS: ("Num+/",),
    KeyIntent.ACTIVATE: ("Num+5", "Clear", "Enter", "Return", "Space"),
    KeyIntent.FORWARD: ("Tab",),
    KeyIntent.BACKWARD: ("Shift+Tab",),
    KeyIntent.UP: ("Num+8", "Up"),
    KeyIntent.DOWN: ("Num+2", "Down"),
    KeyIntent.LEFT: ("Num+4", "Left"),
    KeyIntent.RIGHT: ("Num+6", "Right"),
    KeyIntent.PAGE_UP: ("Num+9", "PgUp"),
    KeyIntent.PAGE_DOWN: ("Num+3", "PgDown"),
}

_MODIFIERS = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
    | Qt.KeyboardModifier.KeypadModifier
)
Binding = tuple[int, int]  # the key's code and its modifiers, as plain numbers


def _binding(key: int, modifiers: Qt.KeyboardModifier) -> Binding:
    modifiers &= _MODIFIERS
    if key == Qt.Key.Key_Backtab.value:
        # Shift+Tab arrives as Backtab with Shift held: one key, written either way.
        modifiers &= ~Qt.KeyboardModifier.ShiftModifier
    elif key == Qt.Key.Key_Tab.value and modifiers & Qt.KeyboardModifier.ShiftModifier:
        key, modifiers = Qt.Key.Key_Backtab.value, modifiers & ~Qt.KeyboardModifier.ShiftModifier
    return key, modifiers.value


def parse_key(text: str) -> Binding | None:
    """One key as Qt writes it ("Num+8", "PgDown", "Shift+Tab"); None when Qt knows no
    such key."""
    sequence = QKeySequence.fromString(text, QKeySequence.SequenceFormat.PortableText)
    if sequence.count() != 1:
        return None
    combination = sequence[0]  # type: ignore[index]  # the stubs lack __getitem__
    if combination.key() == Qt.Key.Key_unknown:
        return None
    return _binding(combination.key().value, combination.keyboardModifiers())


def _kept_by_lockdown(binding: Binding) -> bool:
    key, modifiers = binding
    if Qt.Key(key) in BLOCKED_KEYS:
        return True
    combination = QKeyCombination(Qt.KeyboardModifier(modifiers), Qt.Key(key))
    return QKeySequence(combination) in blocked_sequences()


class KeyMap:
    """Which intent a key press asks for."""

    def __init__(self, keys: Mapping[KeyIntent, Sequence[str]]) -> None:
        self.keys = {intent: tuple(names) for intent, names in keys.items()}
        self._bindings: dict[Binding, KeyIntent] = {}
        for intent, names in self.keys.items():
            for name in names:
                binding = parse_key(name)
                if binding is not None:
                    self._bindings[binding] = intent

    def intent(self, event: QKeyEvent) -> KeyIntent | None:
        binding = _binding(event.key(), event.modifiers())
        found = self._bindings.get(binding)
        if found is None and binding[1] & Qt.KeyboardModifier.KeypadModifier.value:
            # The keypad's Up, Enter... (Num Lock off) as the keyboard's keys of that name.
            key, modifiers = binding
            found = self._bindings.get((key, modifiers & ~Qt.KeyboardModifier.KeypadModifier.value))
        return found


def default_key_map() -> KeyMap:
    return KeyMap(DEFAULT_KEYS)


def _station_keys(
    setting: Mapping[str, Sequence[str]], problems: list[str]
) -> dict[KeyIntent, list[str]]:
    """The default with the station's keys put in, and what was wrong on the way."""
    keys = {intent: list(names) for intent, names in DEFAULT_KEYS.items()}
    taken: dict[Binding, str] = {}
    for action, names in setting.items():
        try:
            intent = KeyIntent(action)
        except ValueError:
            problems.append(f"keypad: no such intent '{action}'")
            continue
        keys[intent] = []
        for name in names:
            binding = parse_key(name)
            if binding is None:
                problems.append(f"keypad: {action}: no such key '{name}'")
            elif _kept_by_lockdown(binding):
                problems.append(f"keypad: {action}: '{name}' is kept by the lockdown")
            elif binding in taken:
                problems.append(f"keypad: {action}: '{name}' is already {taken[binding]}'s key")
            else:
                taken[binding] = action
                keys[intent].append(name)
    for intent, names in keys.items():
        if intent.value not in setting:
            # A default key the station gave to another intent is that intent's alone.
            keys[intent] = [name for name in names if parse_key(name) not in taken]
    return keys


def key_map_from_setting(setting: Mapping[str, Sequence[str]] | None) -> tuple[KeyMap, list[str]]:
    """The station's keys over the default: an intent it names gets exactly those keys, and
    a key it gives is taken from whatever intent had it by default.  Anything doubtful (a
    key Qt does not know, one the lockdown keeps, a key twice, an essential intent left
    without a key) and the whole default is used instead; the reasons are returned (and
    logged) as warnings."""
    if not setting:
        return default_key_map(), []
    problems: list[str] = []
    keys = _station_keys(setting, problems)
    missing = missing_essentials({intent for intent, names in keys.items() if names})
    if missing:
        words = ", ".join(intent.value for intent in missing)
        problems.append(f"keypad: no key left for {words}")
    if problems:
        for problem in problems:
            log.warning("%s; the default keypad mapping is used", problem)
        return default_key_map(), problems
    return KeyMap(keys), []
