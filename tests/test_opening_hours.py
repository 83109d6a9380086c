"""Outside opening hours the display rests; staff can still wake it with a touch."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import pytest

from conftest import Finger
from kiosk.ops.hours import is_open
from kiosk.ui.display_sleep import DisplaySleep

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit

MONDAY = datetime.datetime(2026, 11, 23, 12, 0)  # a Monday, noon
HOURS = {"daily": "09:00-18:00", "monday": "closed", "saturday": "20:00-02:00"}


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (MONDAY, False),  # the weekday's own entry wins
        (MONDAY + datetime.timedelta(days=1), True),  # Tuesday noon
        (MONDAY + datetime.timedelta(days=1, hours=-4), False),  # Tuesday 08:00
        (MONDAY + datetime.timedelta(days=1, hours=6), False),  # Tuesday 18:00 sharp
        (MONDAY + datetime.timedelta(days=5, hours=11), True),  # Saturday 23:00, past midnight
        (MONDAY + datetime.timedelta(days=5, hours=-1), False),  # Saturday 11:00
    ],
)
def test_is_open(moment: datetime.datetime, expected: bool) -> None:
    assert is_open(HOURS, moment) is expected


def test_no_hours_means_always_open() -> None:
    assert is_open({}, MONDAY)


def test_the_display_sleeps_when_closed_and_wakes_for_staff(
    make_kiosk: KioskFactory, qtbot: QtBot, exhibit: Exhibit, finger: Finger
) -> None:
    kiosk = make_kiosk(exhibit, reduced_motion=False)
    assert kiosk.window.attract.ambient.is_animating()
    now = [MONDAY]  # closed all Monday
    sleep = DisplaySleep(kiosk.window, HOURS, clock=lambda: now[0], controller=kiosk.controller)
    assert sleep.asleep
    assert not kiosk.window.attract.ambient.is_animating()  # the computer rests too
    finger.tap(sleep.dark)  # staff after hours
    assert not sleep.asleep and kiosk.window.attract.ambient.is_animating()
    kiosk.session.reset()  # the visit ends: dark again
    assert sleep.asleep
    now[0] = MONDAY + datetime.timedelta(days=1)  # Tuesday noon: open
    sleep.check()
    assert not sleep.asleep
