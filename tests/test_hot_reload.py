"""Hot reload: changed content is validated in another process and shown only when good,
and only once the visitor has gone (back on the start screen)."""

from __future__ import annotations

import gc
import logging
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from conftest import Finger, views
from content_cases import copy_content, edit
from kiosk.content.loader import load_exhibit
from kiosk.core.reloader import ActiveVersionFollower, ContentReloader
from kiosk.core.session import Screen
from kiosk.core.validation_job import ValidationJob
from kiosk.packs.store import active_content_dir
from kiosk.ui.application import Kiosk
from kiosk.ui.live_content import LiveContent

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit

REPO = Path(__file__).resolve().parents[1]
NEW_TITLE = "20 January - National Mourning Day (new)"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_content(tmp_path)


def retitle(content: Path) -> None:
    edit(content / "exhibit.yaml", f"  en: {NEW_TITLE[:34]}", f"  en: {NEW_TITLE}")


Live = tuple[Kiosk, ContentReloader, LiveContent]


@pytest.fixture
def live(make_kiosk: KioskFactory, content: Path) -> Live:
    kiosk = make_kiosk(load_exhibit(content), reduced_motion=True)
    reloader = ContentReloader(content, kiosk.window)
    return kiosk, reloader, LiveContent(kiosk.controller, reloader, parent=kiosk.window)


def test_new_content_waits_for_the_start_screen(
    qtbot: QtBot, live: Live, content: Path, finger: Finger
) -> None:
    kiosk, reloader, live_content = live
    finger.tap(kiosk.window.attract)
    assert kiosk.session.screen is Screen.HOME
    with qtbot.waitSignal(reloader.content_ready, timeout=30_000):
        edit(
            content / "exhibit.yaml",
            "  en: 20 January - National Mourning Day",
            f"  en: {NEW_TITLE}",
        )
    assert live_content.waiting
    home = views(kiosk.window).home
    assert home.title.text() == "20 January - National Mourning Day"  # not under the finger
    with qtbot.waitSignal(live_content.applied, timeout=30_000):
        finger.tap(kiosk.window.nav.back_button)  # back to the start screen: the visit is over
    assert not live_content.waiting
    assert kiosk.window.attract.title.text() == NEW_TITLE
    assert views(kiosk.window).home.title.text() == NEW_TITLE


def test_on_the_start_screen_new_content_shows_at_once(
    qtbot: QtBot, live: Live, content: Path
) -> None:
    kiosk, reloader, _ = live
    with qtbot.waitSignal(reloader.content_ready, timeout=30_000):
        edit(
            content / "exhibit.yaml",
            "  en: 20 January - National Mourning Day",
            f"  en: {NEW_TITLE}",
        )
    assert kiosk.window.attract.title.text() == NEW_TITLE
    assert len(kiosk.window.screens) == 5


def stale_wrappers() -> int:
    """Python wrappers whose Qt object has been deleted: kept alive, they hold on to what they
    referred to (a whole exhibit and its screens)."""
    for _ in range(2):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return sum(
        1 for item in gc.get_objects() if isinstance(item, QObject) and not shiboken6.isValid(item)
    )


def test_new_content_leaves_nothing_of_the_old_behind(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit
) -> None:
    """Found by the soak test: each new content kept the old screens' Python side, and the old
    exhibit with it (the lockdown's findChildren(QWidget) over the window, and the navigation
    bar's first language switch, made without its parent)."""
    kiosk = make_kiosk(exhibit)
    before = stale_wrappers()
    for _ in range(3):
        kiosk.controller.apply(exhibit)
    assert stale_wrappers() == before


def test_invalid_content_is_refused_and_logged(
    qtbot: QtBot, live: Live, content: Path, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk, reloader, _ = live
    caplog.set_level(logging.WARNING)
    with qtbot.waitSignal(reloader.content_refused, timeout=30_000) as refused:
        edit(content / "exhibit.yaml", 'accent: "#D98A76"', 'accent: "#1A1A1A"')
    assert any("accent #1A1A1A" in str(issue) for issue in refused.args[0])
    assert kiosk.window.exhibit.settings.colours.accent == "#D98A76"  # last good content
    assert "was refused" in caplog.text and "exhibit.yaml:21:5: error: accent" in caplog.text
    # Fixing it brings the change in.
    with qtbot.waitSignal(reloader.content_ready, timeout=30_000):
        edit(content / "exhibit.yaml", 'accent: "#1A1A1A"', 'accent: "#E09A86"')
    assert kiosk.window.exhibit.settings.colours.accent == "#E09A86"


def test_a_crashing_validator_refuses_the_content(qtbot: QtBot, content: Path) -> None:
    crash = [sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"]
    job = ValidationJob(content, command=crash)
    with qtbot.waitSignal(job.finished, timeout=30_000) as done:
        job.start()
    ok, issues = done.args
    assert ok is False
    assert "the validator stopped without a verdict" in str(issues[0])


def test_a_pack_installed_from_the_command_line_is_followed(
    make_kiosk: KioskFactory, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    kiosk = make_kiosk(load_exhibit(REPO / "content"), reduced_motion=True)
    reloader = ContentReloader(REPO / "content", kiosk.window)
    LiveContent(kiosk.controller, reloader, parent=kiosk.window)
    follower = ActiveVersionFollower(reloader, lambda: active_content_dir() or REPO / "content")
    new = tmp_path / "new"
    shutil.copytree(REPO / "content", new)
    retitle(new)
    pack = tmp_path / "new.kioskpack"
    for command in (["build", str(new), "-o", str(pack)], ["install", str(pack)]):
        subprocess.run([sys.executable, "-m", "kiosk", "pack", *command], check=True)
    with qtbot.waitSignal(reloader.content_ready, timeout=30_000):
        follower.follow()
    assert reloader.folder == active_content_dir()
    assert kiosk.window.attract.title.text() == NEW_TITLE
