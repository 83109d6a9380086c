"""What the kiosk's first frame pays for, and what waits until it is up (issue 20).

The first frame is the start screen as `kiosk run` shows it: the other screens, the layers,
the services and the start screen light's glow all come right after it.  These tests keep
that so: a module or a piece of work that comes back onto the first frame's path fails here,
named.  (How fast the frame comes is bench/startup.py's business, never a test's.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from conftest import settle_deletions
from kiosk.content.model import Exhibit
from kiosk.ui.activity import InputActivityFilter
from kiosk.ui.application import build_kiosk
from kiosk.ui.runner import hold_light_until_first_frame, input_after_first_frame

# `kiosk run` to its first frame, then the names of every module it imported.
FIRST_FRAME_MODULES = """
import sys
from kiosk.cli import main
code = main(["run", "--windowed", "--size", "800x600", "--exit-after-first-frame"])
print(code)
print(" ".join(sorted(sys.modules)))
"""

# Not needed to show the start screen: each is imported after the first frame, or only when
# something needs it (a mistake in the content, a visitor's touch, staff, the network).
NOT_BEFORE_FIRST_FRAME = (
    "difflib",  # "did you mean" hints: only for content with mistakes
    "qtawesome",  # the other screens' icons
    "kiosk.ui.screens.home",
    "kiosk.ui.screens.statement",
    "kiosk.ui.screens.timeline",
    "kiosk.ui.screens.figures",
    "kiosk.ui.widgets.nav_bar",
    "kiosk.ui.widgets.fade",
    "kiosk.ui.widgets.idle_overlay",
    "kiosk.ui.widgets.access_panel",
    "kiosk.ui.listen.desk",
    "kiosk.audio.narrator",
    "kiosk.ui.staff.mode",
    "kiosk.core.reloader",
    "kiosk.core.channel_follow",
    "kiosk.channel.settings",
    "kiosk.analytics.recorder",
    "kiosk.logs",
    "kiosk.content.yaml_hints",
    # The station and the content are read by a child process while Qt loads
    # (kiosk.prepare_run): the YAML reader, the content checks and the platform's folders
    # never enter the process that shows the window before its first frame.
    "yaml",
    "kiosk.station",
    "kiosk.content.loader",
    "kiosk.content.checks",
    "platformdirs",
    "kiosk.audio.settings",  # taken when the Listen control is built, after the first frame
    # The visitor's input starts right after the first frame (Kiosk.start_input).
    "kiosk.ui.activity",
    "kiosk.ui.lockdown",
    "kiosk.ui.keypad.navigation",
    "kiosk.ui.keypad.focus_ring",
)


@pytest.fixture(scope="module")
def first_frame_modules() -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_MODULES],
        capture_output=True,
        text=True,
        timeout=120,  # a hang guard only
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    lines = result.stdout.splitlines()
    assert lines[:2] == ["first-frame", "0"], result.stderr
    return set(lines[2].split())


@pytest.mark.parametrize("module", NOT_BEFORE_FIRST_FRAME)
def test_the_first_frame_does_not_import(module: str, first_frame_modules: set[str]) -> None:
    assert module not in first_frame_modules


def test_the_first_frame_imports_what_the_start_screen_needs(
    first_frame_modules: set[str],
) -> None:
    # The guard above is only worth something while the run really reached the start screen.
    assert {"kiosk.ui.screens.attract", "kiosk.ui.widgets.ambient"} <= first_frame_modules


def test_the_light_glows_from_the_frame_after_the_first(
    qapp: QApplication, qtbot: QtBot, exhibit: Exhibit
) -> None:
    """The runner's start screen goes up without the light's glow (painting and measuring it
    is about 12 ms at 1080p); the glow is painted and breathing right after."""
    kiosk = build_kiosk(qapp, exhibit, reduced_motion=False)
    window = kiosk.window
    light = window.attract.ambient
    hold_light_until_first_frame(window)
    at_first_frame: list[int] = []
    window.first_frame_shown.connect(lambda: at_first_frame.append(len(light.parts())))
    breathing_when_screens_built: list[bool] = []
    window.screens_ready.connect(lambda: breathing_when_screens_built.append(light.is_animating()))
    try:
        window.resize(1920, 1080)
        with qtbot.waitSignal(window.screens_ready, timeout=10_000):
            window.show()
        assert at_first_frame == [0]  # nothing of the glow painted or measured for it
        # Painted and breathing before the other screens were built, not after them.
        assert breathing_when_screens_built == [True]
        assert light.parts()
    finally:
        kiosk.close()
        settle_deletions()


def test_new_content_after_the_first_frame_leaves_the_lights_alone(
    qapp: QApplication, qtbot: QtBot, exhibit: Exhibit
) -> None:
    """The hold is for the kiosk's first frame only: the start screen of new content (a
    reload) paints its light from its own first frame."""
    kiosk = build_kiosk(qapp, exhibit, reduced_motion=False)
    window = kiosk.window
    hold_light_until_first_frame(window)
    try:
        window.resize(1280, 800)
        with qtbot.waitSignal(window.screens_ready, timeout=10_000):
            window.show()
        old = window.attract
        kiosk.controller.apply(exhibit)
        settle_deletions()  # the old start screen goes
        assert window.attract is not old
        new_light = window.attract.ambient
        qtbot.waitUntil(new_light.is_animating, timeout=10_000)
        assert new_light.parts()
    finally:
        kiosk.close()
        settle_deletions()


def test_the_start_screen_looks_the_same_once_the_light_is_released(
    qapp: QApplication, qtbot: QtBot, exhibit: Exhibit
) -> None:
    """Same picture, held or not (a still light, so the breath's moment plays no part)."""
    pictures = []
    for held in (True, False):
        kiosk = build_kiosk(qapp, exhibit, reduced_motion=True)
        window = kiosk.window
        if held:
            hold_light_until_first_frame(window)
        try:
            window.resize(1280, 800)
            with qtbot.waitSignal(window.screens_ready, timeout=10_000):
                window.show()
            light = window.attract.ambient
            qtbot.waitUntil(lambda: bool(light.parts()), timeout=10_000)  # noqa: B023
            pictures.append(window.grab().toImage())
        finally:
            kiosk.close()
            settle_deletions()
    assert pictures[0] == pictures[1]


def test_a_released_light_is_the_light_never_held(qapp: QApplication, qtbot: QtBot) -> None:
    """Hold and release change when the glow is painted, never what is painted."""
    from kiosk.ui.widgets.ambient import AmbientLight  # noqa: PLC0415

    held, plain = (
        AmbientLight("#D98A76", background="#14110F"),
        AmbientLight("#D98A76", background="#14110F"),
    )
    for light in (held, plain):
        qtbot.addWidget(light)
        light.resize(1280, 800)
    held.hold()
    held.set_moving(True)
    held.show()
    qtbot.waitExposed(held)
    assert (held.parts(), held.is_animating()) == ([], False)
    held.release()
    plain.set_moving(True)
    plain.show()
    qtbot.waitExposed(plain)
    assert held.is_animating() and plain.is_animating()
    assert [(r.boundingRect(), s) for r, s in held.parts()] == [
        (r.boundingRect(), s) for r, s in plain.parts()
    ]


def test_the_input_filters_start_with_the_frame_after_the_first(
    qapp: QApplication, qtbot: QtBot, exhibit: Exhibit
) -> None:
    """Every event before the first frame would cross into Python through the three
    application-wide filters (about 10 ms of it); `kiosk run` starts them right after it,
    before the other screens are built: a touch keeps the visit alive, the window refuses
    to close, and the keys move the focus."""
    kiosk = build_kiosk(qapp, exhibit, reduced_motion=True, with_input=False)
    window = kiosk.window
    input_after_first_frame(kiosk, None)
    at_first_frame: list[bool] = []
    window.first_frame_shown.connect(
        lambda: at_first_frame.append(window.findChild(InputActivityFilter) is None)
    )
    when_screens_built: list[tuple[int, bool]] = []

    def screens_built() -> None:
        pokes: list[str] = []
        kiosk.activity._on_input = lambda: pokes.append("input")  # counts what it sees
        QTest.mouseClick(window, Qt.MouseButton.LeftButton)
        when_screens_built.append((len(pokes), window.close()))

    window.screens_ready.connect(screens_built)
    try:
        window.resize(1280, 800)
        with qtbot.waitSignal(window.screens_ready, timeout=10_000):
            window.show()
        assert at_first_frame == [True]  # nothing watching the input yet
        assert when_screens_built == [(2, False)]  # press and release seen; close refused
        assert window.isVisible()
        kiosk.session.go_home()
        QTest.keyClick(window, Qt.Key.Key_Tab)  # the keys' navigation is in place
        assert window.keypad.ring.isVisible()
    finally:
        kiosk.close()
        settle_deletions()


# `kiosk run` until its screens are built, noting whether Python's cycle collector was on
# at the first frame and once the screens were built.
COLLECTOR_DURING_RUN = """
import gc
from kiosk.cli import main
from kiosk.ui import runner

seen = []
report = runner._report_milestones


def milestones(window, app, first, ready):
    window.first_frame_shown.connect(lambda: seen.append(("first frame", gc.isenabled())))
    window.screens_ready.connect(lambda: seen.append(("screens built", gc.isenabled())))
    report(window, app, first, ready)


runner._report_milestones = milestones
code = main(["run", "--windowed", "--size", "800x600", "--exit-when-ready"])
print(code, seen, gc.isenabled())
"""


def test_the_cycle_collector_is_off_until_the_first_frame(tmp_path: Path) -> None:
    """Start-up builds only what the kiosk keeps, so `kiosk run` leaves Python's cycle
    collector off until its first frame; it is on again before the other screens are
    built, for the months the kiosk runs."""
    result = subprocess.run(
        [sys.executable, "-c", COLLECTOR_DURING_RUN],
        capture_output=True,
        text=True,
        timeout=120,  # a hang guard only
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(tmp_path)},
        check=False,
    )
    assert result.stdout.splitlines()[-1] == (
        "0 [('first frame', False), ('screens built', True)] True"
    ), result.stderr
