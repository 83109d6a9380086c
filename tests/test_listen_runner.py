"""The real runner (kiosk.ui.runner.run_kiosk, in this process) hands the station's settings
to the running kiosk: its ``keypad:`` mapping (a key the station maps acts; before, the
mapping was read and checked, then never used) and its audio settings (the narrator's)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.audio.settings import AudioSettings
from kiosk.core.session import Screen
from kiosk.paths import default_content_dir
from kiosk.station import load_station_config
from kiosk.ui import runner

if TYPE_CHECKING:
    from kiosk.content.model import Exhibit
    from kiosk.ui.window import KioskWindow


def run_and_press(
    exhibit: Exhibit, station: Path, monkeypatch: pytest.MonkeyPatch, key: Qt.Key
) -> tuple[int, dict[str, object]]:
    """Run the kiosk with the station file; once its screens are ready, open the statement,
    press ``key`` and quit.  What the kiosk then showed is returned."""
    config, issues = load_station_config(station, environ={})
    assert issues == []
    seen: dict[str, object] = {}

    def milestones(window: KioskWindow, app: QApplication, _first: bool, _ready: bool) -> None:
        def act() -> None:
            session = window.controller.session
            session.go_home()
            session.open(Screen.STATEMENT)
            QTest.keyClick(window.focusWidget() or window, key)
            seen["screen"] = session.screen
            seen["audio"] = window.listen.narrator.settings
            window.close()
            app.exit(0)

        window.screens_ready.connect(act)
        seen["window"] = window

    # The runner's hook for its own milestones is where a test can reach the window.
    monkeypatch.setattr(runner, "_report_milestones", milestones)
    options = runner.RunOptions(
        content_dir=default_content_dir(),
        follow_store=False,
        config_path=station,
        config=config,
        config_issues=issues,
        windowed=True,
        size=(1280, 800),
        screen_index=None,
        exit_when_ready=True,  # no services: the test's own exit ends the run
    )
    code = runner.run_kiosk(exhibit, options)
    window = seen.pop("window")
    if shiboken6.isValid(window):
        window.deleteLater()  # type: ignore[attr-defined]
    return code, seen


def test_a_key_the_station_maps_acts_in_the_running_kiosk(
    exhibit: Exhibit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    station = tmp_path / "station.yaml"
    station.write_text(
        "keypad:\n  home: [F5]\naudio_output_device: usb\nspeech: false\ndefault_volume: 40\n",
        encoding="utf-8",
    )
    code, seen = run_and_press(exhibit, station, monkeypatch, Qt.Key.Key_F5)
    assert code == 0
    assert seen["screen"] is Screen.HOME  # F5 is Home at this station
    assert seen["audio"] == AudioSettings("usb", False, 40)


def test_without_the_mapping_that_key_does_nothing(
    exhibit: Exhibit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    station = tmp_path / "station.yaml"
    station.write_text("analytics: false\n", encoding="utf-8")
    code, seen = run_and_press(exhibit, station, monkeypatch, Qt.Key.Key_F5)
    assert code == 0
    assert seen["screen"] is Screen.STATEMENT
    assert seen["audio"] == AudioSettings()
