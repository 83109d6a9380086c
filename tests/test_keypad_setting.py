"""The station's ``keypad:`` setting: its mistakes named at file:line:col, a broken mapping
replaced by the default with a warning in the log (never a visitor stranded, never a
crash), and a good one in force."""

# mypy: disable-error-code="comparison-overlap"
# (a key changes the visit's screen after mypy narrowed it.)

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.core.keypad import KeyIntent
from kiosk.core.kiosk import KioskEvent
from kiosk.core.session import Screen
from kiosk.station import KEYPAD_ACTIONS, load_station_config
from kiosk.station_config import StationConfig
from kiosk.ui.keypad.key_map import DEFAULT_KEYS, key_map_from_setting

if TYPE_CHECKING:
    from kiosk.ui.application import Kiosk

NUM = Qt.KeyboardModifier.KeypadModifier


def station(tmp_path: Path, text: str) -> tuple[StationConfig, list[str]]:
    path = tmp_path / "station.yaml"
    path.write_text(text, encoding="utf-8")
    config, issues = load_station_config(path, {})
    return config, [str(issue).replace(str(path), "station.yaml") for issue in issues]


def test_the_station_names_the_intents_the_core_knows() -> None:
    assert tuple(intent.value for intent in KeyIntent) == KEYPAD_ACTIONS


def test_a_good_keypad_setting_is_read(tmp_path: Path) -> None:
    config, issues = station(
        tmp_path, "keypad:\n  listen: [Num+5]\n  activate: [Num+0, Return]\n  help: []\n"
    )
    assert issues == []
    assert config.keypad == {
        "listen": ("Num+5",),
        "activate": ("Num+0", "Return"),
        "help": (),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "keypad:\n  home: [Num+7, Escape]\n",
            "station.yaml:2:17: error: 'Escape' is kept by the lockdown (it could close or "
            "leave the kiosk, or is the staff's chord); choose another key",
        ),
        (
            "keypad:\n  back: [alt+F4]\n",
            "station.yaml:2:10: error: 'alt+F4' is kept by the lockdown (it could close or "
            "leave the kiosk, or is the staff's chord); choose another key",
        ),
        (
            "keypad:\n  listen: [Num+0]\n  help: [Num+0]\n",
            "station.yaml:3:10: error: 'Num+0' is already the key for listen (line 2)",
        ),
        (
            "keypad:\n  up: [Num 8]\n",
            "station.yaml:2:8: error: expected something like Num+8, Return or PgDown; "
            "found 'Num 8'",
        ),
        (
            "keypad:\n  jump: [Num+8]\n",
            "station.yaml:2:3: error: unknown key 'jump'; did you mean 'up'?",
        ),
        ("keypad: Num+8\n", "station.yaml:1:9: error: keypad must be a mapping of keys to values"),
        (
            "keypad:\n  home: Num+7\n",
            "station.yaml:2:9: error: keypad: home must be a list, like [en, az] or lines "
            "starting with '- '",
        ),
    ],
)
def test_a_bad_keypad_setting_is_named_and_falls_back_to_the_default(
    tmp_path: Path, text: str, expected: str
) -> None:
    config, issues = station(tmp_path, f"{text}screen: 1\n")
    assert issues == [expected]
    assert config.keypad == {}  # the default, whole
    assert config.screen == 1  # the rest of the file stands
    assert config.trust_problems == ()  # a harmless setting: trust is untouched


def test_keys_qt_does_not_know_fall_back_with_a_warning_in_the_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.keypad.key_map"):
        key_map, problems = key_map_from_setting({"listen": ["Num+0", "Blorp"]})
    assert problems == ["keypad: listen: no such key 'Blorp'"]
    assert "the default keypad mapping is used" in caplog.text
    assert key_map.keys == DEFAULT_KEYS


def test_a_mapping_that_leaves_a_visitor_without_select_is_refused(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.keypad.key_map"):
        key_map, problems = key_map_from_setting({"activate": []})
    assert problems == ["keypad: no key left for activate"]
    assert key_map.keys == DEFAULT_KEYS


def test_the_stations_keys_are_in_force(kiosk: Kiosk) -> None:
    window = kiosk.window
    assert window.keypad.use_setting({"listen": ["Num+5"], "activate": ["Num+0"]}) == []
    told: list[KioskEvent] = []
    QTest.keyClick(window, Qt.Key.Key_8, NUM)
    assert kiosk.session.screen is Screen.HOME
    kiosk.controller.happened.connect(told.append)
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_5, NUM)  # now Listen
    assert told == [KioskEvent.LISTEN_ASKED] and kiosk.session.screen is Screen.HOME
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_0, NUM)  # now select
    assert kiosk.session.screen is Screen.STATEMENT
