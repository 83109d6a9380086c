"""Turns a visit's signals into counts: the one link between the kiosk and the analytics.

A visit begins when the session first leaves the start screen and ends when it returns
there (the visitor going back, or the idle reset).  Between the two the recorder holds only
what that visit needs (when it began, what it has already counted) and forgets it at the
end; only the store's hourly totals outlive a visit.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance

from kiosk.analytics.store import AnalyticsError, AnalyticsStore, default_db_path, now_utc
from kiosk.core.session import Access, Screen, VisitSession

log = logging.getLogger(__name__)


class Expiring(Protocol):
    """What the recorder needs of an ``IdleWatcher``: the signal that ends a visit."""

    @property
    def expired(self) -> SignalInstance: ...


class VisitRecorder(QObject):
    """Counts visits, screen views, languages and reading aids chosen, idle resets and
    each visit's length (in a coarse bucket, from the monotonic ``clock``).

    Languages and reading aids count once per visit each: the totals say how many visits
    used them, however often a visitor toggled.  With ``enabled=False`` nothing is
    connected and no file is created.  A database that fails is logged, never raised: the
    exhibit matters more than its statistics.
    """

    # Queued to this object: a language change is counted only after the call that made it
    # has finished, so the change a reset makes (back to the default) can be told apart by
    # the reset_done that follows it within the same call.
    _languages_pending = Signal()

    def __init__(
        self,
        session: VisitSession,
        idle: Expiring | None = None,
        *,
        enabled: bool = True,
        path: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = now_utc,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._store: AnalyticsStore | None = None
        self._visit_began: float | None = None
        self._counted: set[tuple[str, str]] = set()  # this visit's languages and aids
        self._pending_languages: list[str] = []
        self._access = session.access
        self._failing = False
        if not enabled:
            return
        try:
            self._store = AnalyticsStore(path or default_db_path(), wall_clock)
        except AnalyticsError as error:
            log.warning("analytics: off for this run: %s", error)
            return
        session.screen_changed.connect(self._screen_changed)
        session.language_changed.connect(self._language_changed)
        session.access_changed.connect(self._access_changed)
        session.reset_done.connect(self._reset_done)
        if idle is not None:
            idle.expired.connect(self._idle_expired)
        self._languages_pending.connect(self._count_languages, Qt.ConnectionType.QueuedConnection)
        if session.screen is not Screen.ATTRACT:  # started late, in the middle of a visit
            self._screen_changed(session.screen.value)

    @property
    def store(self) -> AnalyticsStore | None:
        """The open store; None when disabled, closed, or the file could not be opened."""
        return self._store

    def close(self) -> None:
        """Close the file (when the application quits).  An unfinished visit is not
        counted in a length bucket: it did not end."""
        if self._store is not None:
            self._store.close()
            self._store = None

    # -- the session's signals ---------------------------------------------------------------

    def _screen_changed(self, name: str) -> None:
        if name != Screen.ATTRACT and self._visit_began is None:
            self._visit_began = self._clock()
            self._counted.clear()
            self._count("visit")
        self._count("screen", name)
        if name == Screen.ATTRACT:
            self._end_visit()

    def _language_changed(self, language: str) -> None:
        self._pending_languages.append(language)
        if len(self._pending_languages) == 1:
            self._languages_pending.emit()

    def _count_languages(self) -> None:
        languages, self._pending_languages = self._pending_languages, []
        for language in languages:
            self._count_once("language", language)

    def _access_changed(self, access: Access) -> None:
        # Only what the visitor turned on counts; turning off (and a reset) counts nothing.
        before, self._access = self._access, access
        if access.text_step and access.text_step != before.text_step:
            self._count_once("access", f"text-{access.text_step}")
        if access.high_contrast and not before.high_contrast:
            self._count_once("access", "high-contrast")
        if access.reduced_motion and not before.reduced_motion:
            self._count_once("access", "reduced-motion")

    def _reset_done(self) -> None:
        self._pending_languages.clear()  # the reset's own return to the default language
        self._end_visit()

    def _idle_expired(self) -> None:
        self._count("idle-reset")

    # -- counting ------------------------------------------------------------------------------

    def _end_visit(self) -> None:
        if self._visit_began is None:
            return
        duration = max(0.0, self._clock() - self._visit_began)
        self._visit_began = None
        self._counted.clear()
        self._write(lambda store: store.visit_ended(duration))

    def _count_once(self, kind: str, key: str) -> None:
        if (kind, key) not in self._counted:
            self._counted.add((kind, key))
            self._count(kind, key)

    def _count(self, kind: str, key: str = "") -> None:
        self._write(lambda store: store.count(kind, key))

    def _write(self, work: Callable[[AnalyticsStore], None]) -> None:
        if self._store is None:
            return
        try:
            work(self._store)
        except (AnalyticsError, ValueError) as error:
            # Once per run of failures, so a full disk does not fill the log as well.
            if not self._failing:
                log.warning("analytics: not counted: %s", error)
            self._failing = True
        else:
            self._failing = False
