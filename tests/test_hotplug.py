"""Display hot-plug: when the kiosk's display goes away and comes back (a TV power-cycled, a
loose HDMI cable), the window returns full screen on it.

Qt's offscreen platform cannot unplug a screen, so the kiosk runs in a child process on two
offscreen screens; the test stands in for the unplugging by what Qt does then (the screen
leaves the list, the window is moved to the other screen, ``screenRemoved`` is emitted) and
for the plugging in by ``screenAdded``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from kiosk.ui.lockdown import choose_screen

SCREENS = {
    "screens": [
        {"name": "Desk", "x": 0, "y": 0, "width": 1920, "height": 1080},
        {"name": "Kiosk", "x": 1920, "y": 0, "width": 1280, "height": 800},
    ]
}

SCRIPT = textwrap.dedent(
    """
    import json
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtTest import QTest
    from kiosk.content.loader import load_exhibit
    from kiosk.paths import default_content_dir
    from kiosk.ui.application import build_kiosk, create_application

    app = create_application(["kiosk-hotplug"])
    desk, kiosk_screen = app.screens()
    kiosk = build_kiosk(app, load_exhibit(default_content_dir()), reduced_motion=True)
    window, lockdown = kiosk.window, kiosk.lockdown
    window.setScreen(kiosk_screen)
    window.setGeometry(kiosk_screen.geometry())
    window.showFullScreen()
    lockdown.full_screen = True
    results = {}

    def place():
        screen = window.screen()
        geometry = window.geometry()
        return {
            "screen": screen.name(),
            "full": window.isFullScreen() and window.isVisible(),
            "geometry": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
        }

    def settled(screen):
        timer = QDeadlineTimer(10_000)  # a guard against hangs only
        while not timer.hasExpired():
            if (
                window.screen() is screen
                and window.isFullScreen()
                and window.geometry() == screen.geometry()
            ):
                return
            QTest.qWait(20)  # runs the event loop: the kiosk's timers fire meanwhile

    settled(kiosk_screen)
    results["start"] = place()
    # Unplugged: the screen leaves the list and Qt moves the window to the one left.
    lockdown.screens = lambda: [desk]
    window.setScreen(desk)
    window.showNormal()
    window.setGeometry(100, 100, 800, 600)
    app.screenRemoved.emit(kiosk_screen)
    settled(desk)
    results["unplugged"] = place()
    # Plugged in again.
    lockdown.screens = lambda: [desk, kiosk_screen]
    app.screenAdded.emit(kiosk_screen)
    settled(kiosk_screen)
    results["back"] = place()
    # Another display plugged in changes nothing.
    app.screenAdded.emit(desk)
    QTest.qWait(600)  # longer than the lockdown's look and restore: nothing may move
    results["other"] = place()
    print(json.dumps(results))
    kiosk.close()
    """
)


def test_the_kiosk_returns_to_its_display_after_it_comes_back(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    environ = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=environ,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout.strip().splitlines()[-1])
    kiosk = {"screen": "Kiosk", "full": True, "geometry": [1920, 0, 1280, 800]}
    assert results["start"] == kiosk
    assert results["unplugged"] == {"screen": "Desk", "full": True, "geometry": [0, 0, 1920, 1080]}
    assert results["back"] == kiosk
    assert results["other"] == kiosk


class Screen:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


def test_the_kiosks_own_screen_is_chosen_by_name() -> None:
    desk, kiosk, other = Screen("Desk"), Screen("Kiosk"), Screen("Other")
    assert choose_screen("Kiosk", [desk, kiosk], desk) is kiosk
    assert choose_screen("Kiosk", [desk, other], other) is other  # stays where it is
    assert choose_screen("Kiosk", [desk, other], None) is desk
    assert choose_screen(None, [desk, other], other) is other
    assert choose_screen("Kiosk", [], None) is None
