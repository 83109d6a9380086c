"""The visit's rules, driven with no widget at all: a QCoreApplication and the controller.

This module imports nothing from QtWidgets or QtGui (test_the_rules_need_no_widgets checks
that the controller's own modules do not either)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from kiosk.content.loader import load_exhibit
from kiosk.content.model import Exhibit
from kiosk.core.kiosk import HIGH_CONTRAST, KioskController, KioskEvent
from kiosk.core.session import Access, Screen
from kiosk.paths import default_content_dir


@pytest.fixture(scope="module")
def core_app() -> Iterator[QCoreApplication]:
    """A QCoreApplication: no widget, no GUI.  When the GUI tests already made the run's one
    application object, theirs serves (Qt allows one per process)."""
    existing = QCoreApplication.instance()
    if existing is not None:
        yield existing
        return
    app = QCoreApplication(["kiosk-core-tests"])
    yield app
    app.shutdown()  # so that later GUI tests in this run can make their QApplication


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    return load_exhibit(default_content_dir())


def with_settings(exhibit: Exhibit, **changes: Any) -> Exhibit:
    return exhibit._replace(settings=exhibit.settings._replace(**changes))


@pytest.fixture
def events(core_app: QCoreApplication) -> list[KioskEvent]:
    return []


def make(
    exhibit: Exhibit,
    events: list[KioskEvent],
    *,
    reduced_motion: bool | None = None,
    languages: tuple[str, ...] | None = None,
) -> KioskController:
    controller = KioskController(exhibit, reduced_motion=reduced_motion, languages=languages)
    controller.happened.connect(events.append)
    return controller


@pytest.fixture
def controller(exhibit: Exhibit, events: list[KioskEvent]) -> Iterator[KioskController]:
    built = make(exhibit, events)
    yield built
    built.idle.stop()


def run_events_until(done: Callable[[], bool], timeout_ms: int = 30_000) -> None:
    """Turn the event loop until ``done()`` is true (a hang guard, not a speed bound)."""
    guard = QTimer(singleShot=True, interval=timeout_ms)
    guard.start()
    while not done() and guard.isActive():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    assert done(), "timed out"


# -- languages ------------------------------------------------------------------------------


def test_all_the_contents_languages_are_offered_without_a_station_list(
    controller: KioskController, exhibit: Exhibit
) -> None:
    assert controller.offered_languages() == list(exhibit.settings.languages)


def test_the_station_offers_fewer_languages_in_the_contents_order(
    exhibit: Exhibit, events: list[KioskEvent]
) -> None:
    content = list(exhibit.settings.languages)
    assert len(content) >= 2
    controller = make(exhibit, events, languages=(content[-1], content[0], "xx"))
    assert controller.offered_languages() == [content[0], content[-1]]


def test_a_station_list_matching_none_offers_every_language(
    exhibit: Exhibit, events: list[KioskEvent]
) -> None:
    controller = make(exhibit, events, languages=("xx", "yy"))
    assert controller.offered_languages() == list(exhibit.settings.languages)


# -- idle timing ----------------------------------------------------------------------------


def test_the_contents_idle_timing_holds_until_the_station_sets_its_own(
    controller: KioskController, exhibit: Exhibit
) -> None:
    settings = exhibit.settings
    assert controller.idle_durations() == (settings.idle_timeout_s, settings.idle_warning_s)
    controller.set_idle_override(200, None)  # the station sets only the timeout
    assert controller.idle_durations() == (200, settings.idle_warning_s)


def test_the_stations_idle_timing_outlasts_new_content(
    controller: KioskController, exhibit: Exhibit
) -> None:
    controller.set_idle_override(200, 40)
    controller.offer(with_settings(exhibit, idle_timeout_s=90.0, idle_warning_s=25.0))
    assert controller.idle_durations() == (200, 40)
    controller.set_idle_override(None, None)
    assert controller.idle_durations() == (90.0, 25.0)  # the new content's own


# -- when the idle timer runs ---------------------------------------------------------------


def test_a_fresh_start_screen_never_times_out(controller: KioskController) -> None:
    assert controller.session.screen is Screen.ATTRACT
    assert not controller.idle.running


def test_the_idle_timer_runs_while_visiting_and_stops_at_the_reset(
    controller: KioskController,
) -> None:
    session, idle = controller.session, controller.idle
    session.go_home()
    assert idle.running
    session.back()  # back on the start screen, still the same visitor
    assert session.screen is Screen.ATTRACT and idle.running
    session.reset()
    assert not idle.running


def test_a_setting_changed_on_the_start_screen_starts_the_idle_timer(
    controller: KioskController, events: list[KioskEvent]
) -> None:
    controller.session.set_access(Access(high_contrast=True))
    assert controller.idle.running
    assert events == [KioskEvent.LOOK_CHANGED]


# -- colours and motion ---------------------------------------------------------------------


def test_colours_follow_the_content_then_the_visitors_contrast(
    controller: KioskController, exhibit: Exhibit
) -> None:
    assert controller.colours() == exhibit.settings.colours
    controller.session.set_access(Access(high_contrast=True))
    assert controller.colours() == HIGH_CONTRAST
    controller.session.reset()
    assert controller.colours() == exhibit.settings.colours


@pytest.mark.parametrize(
    ("content", "station", "visitor", "reduced"),
    [
        (False, None, False, False),
        (True, None, False, True),  # the content asks for less motion
        (True, False, False, False),  # the station's word outweighs the content's
        (False, True, False, True),
        (False, False, True, True),  # the visitor may always ask for less
    ],
)
def test_motion_from_content_station_and_visitor(
    exhibit: Exhibit,
    events: list[KioskEvent],
    content: bool,
    station: bool | None,
    visitor: bool,
    reduced: bool,
) -> None:
    controller = make(
        with_settings(exhibit, reduced_motion=content), events, reduced_motion=station
    )
    controller.session.set_access(Access(reduced_motion=visitor))
    assert controller.motion_reduced() is reduced
    controller.idle.stop()


# -- the end of a visit ---------------------------------------------------------------------


def test_expiry_resets_the_visit_after_telling_the_views(
    exhibit: Exhibit, events: list[KioskEvent]
) -> None:
    controller = make(with_settings(exhibit, idle_timeout_s=0.05, idle_warning_s=0.05), events)
    session = controller.session
    order: list[str] = []
    controller.happened.connect(lambda event: order.append(event.name))
    session.reset_done.connect(lambda: order.append("reset"))
    session.go_home()
    session.open(Screen.TIMELINE)
    session.set_timeline_index(2)
    session.set_language("az")
    run_events_until(lambda: "reset" in order)
    assert order == ["VISIT_EXPIRING", "reset"]  # the views close their layers first
    assert session.screen is Screen.ATTRACT and session.language == "en"
    assert session.timeline_index == 0 and not session.visiting
    assert not controller.idle.running


# -- new content ----------------------------------------------------------------------------


def retitled(exhibit: Exhibit, title: str) -> Exhibit:
    values = dict(exhibit.settings.title.values, en=title)
    return with_settings(exhibit, title=exhibit.settings.title._replace(values=values))


def title_of(controller: KioskController) -> str:
    return str(controller.exhibit.settings.title.values["en"])


def test_new_content_on_the_start_screen_is_applied_at_once(
    controller: KioskController, exhibit: Exhibit, events: list[KioskEvent]
) -> None:
    controller.offer(retitled(exhibit, "New"))
    assert title_of(controller) == "New" and not controller.waiting
    assert events == [KioskEvent.CONTENT_REPLACED, KioskEvent.CONTENT_APPLIED]


def test_new_content_waits_for_the_start_screen(
    controller: KioskController, exhibit: Exhibit, events: list[KioskEvent]
) -> None:
    session = controller.session
    session.go_home()
    session.open(Screen.TIMELINE)
    session.set_timeline_index(3)
    controller.offer(retitled(exhibit, "New"))
    assert controller.waiting and events == [KioskEvent.CONTENT_WAITING]
    assert title_of(controller) != "New"  # never under the visitor's finger
    session.back()  # Home: still visiting
    QCoreApplication.processEvents()
    assert title_of(controller) != "New" and session.timeline_index == 3
    session.back()  # the start screen
    run_events_until(lambda: not controller.waiting)
    assert title_of(controller) == "New"
    assert events[-2:] == [KioskEvent.CONTENT_REPLACED, KioskEvent.CONTENT_APPLIED]
    assert session.screen is Screen.ATTRACT and session.timeline_index == 0
    assert not session.visiting and not controller.idle.running


def test_only_the_newest_waiting_content_is_applied(
    controller: KioskController, exhibit: Exhibit
) -> None:
    controller.session.go_home()
    controller.offer(retitled(exhibit, "First"))
    controller.offer(retitled(exhibit, "Second"))
    controller.session.reset()
    run_events_until(lambda: not controller.waiting)
    assert title_of(controller) == "Second"


def test_the_preview_applies_at_once_and_keeps_the_place(
    controller: KioskController, exhibit: Exhibit
) -> None:
    session = controller.session
    session.go_home()
    session.open(Screen.TIMELINE)
    session.set_timeline_index(2)
    controller.offer(retitled(exhibit, "New"), at_once=True)
    assert title_of(controller) == "New"
    assert session.screen is Screen.TIMELINE and session.timeline_index == 2


def test_new_content_with_a_shorter_timeline_bounds_the_place(
    controller: KioskController, exhibit: Exhibit
) -> None:
    session = controller.session
    session.go_home()
    session.open(Screen.TIMELINE)
    session.set_timeline_index(len(exhibit.timeline) - 1)
    shorter = exhibit._replace(timeline=exhibit.timeline[:2])
    controller.offer(shorter, at_once=True)
    assert session.timeline_index == 1
    session.step_timeline(1)
    assert session.timeline_index == 1


# -- the timeline's place -------------------------------------------------------------------


def test_the_timelines_place_is_the_sessions_and_bounded(
    controller: KioskController, exhibit: Exhibit
) -> None:
    session = controller.session
    moves: list[int] = []
    session.timeline_index_changed.connect(moves.append)
    session.step_timeline(-1)  # already at the first moment: nothing moves
    session.step_timeline(1)
    session.set_timeline_index(10_000)
    assert moves == [1, len(exhibit.timeline) - 1]
    assert session.timeline_index == len(exhibit.timeline) - 1


def test_the_rules_need_no_widgets() -> None:
    """The controller and its modules load, in a fresh interpreter, without QtGui."""
    code = (
        "import sys, kiosk.core.kiosk; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6.QtGui', 'PySide6.QtWidgets'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
