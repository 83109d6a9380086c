"""The panel's visit counts: today's per hour, the week's per day and the summary, read
from the analytics store on the staff worker's thread; and their export as CSV onto a USB
stick.  The summary is worded here, on the GUI thread, in the staff's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.security import log as staff_log
from kiosk.ui.staff.worker import StaffWorker
from kiosk.ui.widgets.findings_panel import counted

if TYPE_CHECKING:
    from kiosk.analytics.store import Summary
    from kiosk.ui.staff.panel import StaffPanel

EXPORT_NAME = "kiosk-visits.csv"


@dataclass(frozen=True)
class VisitCounts:
    """What the store holds, or why it could not be read (``error``); ``summary`` is None
    when nothing was ever counted."""

    summary: Summary | None = None
    hours: list[tuple[str, int]] = field(default_factory=list)
    days: list[tuple[str, int]] = field(default_factory=list)
    error: str | None = None


def read_visits() -> VisitCounts:
    """The counts, from SQLite: runs on the worker thread, never the GUI thread."""
    from kiosk.analytics.store import (  # noqa: PLC0415
        AnalyticsError,
        AnalyticsStore,
        default_db_path,
        hour_start,
        now_utc,
    )

    path = default_db_path()
    if not path.exists():
        return VisitCounts()
    try:
        with AnalyticsStore(path, recover=False) as store:
            today = hour_start(now_utc()).replace(hour=0)
            hours = [(bucket[11:13], n) for bucket, n in store.totals_by_hour(today)]
            days = [(bucket[5:10], n) for bucket, n in store.totals_by_day(7)]
            return VisitCounts(store.summary(), hours, days)
    except AnalyticsError as error:
        return VisitCounts(error=str(error))


def export_visits(folder: Path) -> tuple[Path, str | None]:
    """The counts as CSV in ``folder``: where, and what went wrong (None when saved)."""
    from kiosk.analytics.store import (  # noqa: PLC0415
        AnalyticsError,
        AnalyticsStore,
        default_db_path,
    )

    out = folder / EXPORT_NAME
    try:
        with AnalyticsStore(default_db_path(), recover=False) as store:
            store.export_csv(out)
    except (AnalyticsError, OSError) as error:
        return out, str(error)
    return out, None


class VisitsDesk(QObject):
    """Shows the counts when the panel opens and exports them when staff ask."""

    def __init__(
        self,
        panel: StaffPanel,
        worker: StaffWorker,
        watched_folders: tuple[Path, ...],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.panel = panel
        self.worker = worker
        self.watched_folders = watched_folders
        panel.export_requested.connect(self.export)

    def refresh(self) -> None:
        self.worker.run("visit counts", read_visits, self._show)

    def _show(self, counts: VisitCounts) -> None:
        if counts.error is not None:
            self.panel.set_visits(counts.error, [], [])
        elif counts.summary is None:
            self.panel.set_visits(self.tr("No visits counted yet."), [], [])
        else:
            self.panel.set_visits(self.word_summary(counts.summary), counts.hours, counts.days)

    def word_summary(self, summary: Summary) -> str:
        """The summary in the staff's language (the command line's ``analytics summary``
        says the same in English).  Each line is written out whole for the translators."""
        from kiosk.analytics.store import SUMMARY_DAYS  # noqa: PLC0415

        days = SUMMARY_DAYS

        def listed(pairs: list[tuple[str, int]]) -> str:
            none = self.tr("none")
            return ", ".join(f"{key} {count}" for key, count in pairs) or none

        def line(text: str, value: object) -> str:
            return counted(text, days).replace("%1", str(value))

        return "\n".join(
            (
                self.tr("Visits today (UTC): %1").replace("%1", str(summary["visits_today"])),
                line(
                    self.tr("Visits, last %n day(s): %1", "", days),
                    summary["visits_last_7_days"],
                ),
                line(
                    self.tr("Screens viewed, last %n day(s): %1", "", days),
                    listed(summary["top_screens"]),
                ),
                line(
                    self.tr("Languages chosen, last %n day(s): %1", "", days),
                    listed(summary["languages"]),
                ),
                line(
                    self.tr("Reading aids chosen, last %n day(s): %1", "", days),
                    listed(summary["access"]),
                ),
                line(
                    self.tr("Visit lengths, last %n day(s): %1", "", days),
                    listed(summary["durations"]),
                ),
                line(
                    self.tr("Idle resets, last %n day(s): %1", "", days),
                    summary["idle_resets"],
                ),
            )
        )

    def export(self) -> None:
        """The counts as CSV onto the first watched folder present (a USB stick)."""
        folders = [folder for folder in self.watched_folders if folder.is_dir()]
        if not folders:
            self.panel.show_result(self.tr("No USB stick or watched folder is present."))
            return
        folder = folders[0]
        self.worker.run("visit export", lambda: export_visits(folder), self._exported)

    def _exported(self, outcome: tuple[Path, str | None]) -> None:
        out, error = outcome
        if error is not None:
            staff_log.warning("staff: visit counts not exported: %s", error)
            self.panel.show_result(error)
            return
        staff_log.info("staff: visit counts exported to %s", out)
        self.panel.show_result(self.tr("Saved %1").replace("%1", str(out)))
