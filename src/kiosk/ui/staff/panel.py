"""The staff panel: what is shown and whether it is sound, packs on offer, roll back, lock.

Large touch targets, plain words, and every change confirmed before it happens."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.issues import Issue
from kiosk.core.pack_watch import PackListing
from kiosk.packs.store import FACTORY
from kiosk.ui.staff import outcomes
from kiosk.ui.staff.confirm import ConfirmLayer
from kiosk.ui.staff.problems import ProblemWords
from kiosk.ui.staff.versions import INSTALLED, OLDER, SHOWING, FoundPack, Shown
from kiosk.ui.staff.visits_chart import VisitsChart
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.findings_panel import counted
from kiosk.ui.widgets.modal import ModalLayer
from kiosk.ui.widgets.text import make_label, relayout

MAX_FINDINGS = 8
LONGEST_WORD = 30  # characters; longer runs (paths, hashes) may break anywhere
LONGEST_NAME = 40  # characters of a pack's file name on its button
BREAK = "\u200b"  # zero-width space: a place to wrap, invisible


def breakable(text: str) -> str:
    """Text whose long runs without spaces (paths, ids, a damaged file's name) can wrap:
    a word-wrapped label is at least as wide as its longest word, and one path must not
    make the whole panel wider than a portrait screen."""

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        return BREAK.join(word[i : i + LONGEST_WORD] for i in range(0, len(word), LONGEST_WORD))

    return re.sub(rf"\S{{{LONGEST_WORD + 1},}}", split, text)


def shortened(name: str) -> str:
    """A long file name with its middle left out (the end says which kind of file)."""
    if len(name) <= LONGEST_NAME:
        return name
    return name[: LONGEST_NAME - 16] + "…" + name[-15:]


class StaffPanel(ModalLayer):
    lock_requested = Signal()
    check_requested = Signal()
    rollback_requested = Signal()
    factory_requested = Signal()
    install_requested = Signal(object, bool)  # the pack's Path and "older allowed", confirmed
    test_pattern_requested = Signal()
    out_of_order_requested = Signal()
    restart_requested = Signal()
    exit_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, dim=220)
        self.setObjectName("StaffPanel")
        self.sheet = QFrame()
        self.sheet.setProperty("role", "panel")
        self.heading = make_label("heading")
        self.problems = make_label("body")
        self.problems.setObjectName("StaffProblems")
        self.problems.setProperty("tone", "alert")
        self.problems.hide()
        self.lock_button = TouchButton("primary", primary=True)
        self.lock_button.setObjectName("StaffLock")
        self.lock_button.clicked.connect(self.lock_requested)
        self._build_content()
        self._build_visits_and_station()
        self._pending: tuple[str, Path | None, bool] | None = None
        self._metrics: Metrics | None = None
        self._busy = False
        self._build_layout()
        self.retranslate()
        self.set_packs(PackListing())
        self._cancel_confirm()
        self.hide()

    def _build_content(self) -> None:
        self.content_title = make_label("kicker")
        self.content_state = make_label("caption")
        self.findings = make_label("caption")
        self.check_button = TouchButton("nav", primary=True)
        self.check_button.setObjectName("StaffCheck")
        self.check_button.clicked.connect(self.check_requested)
        self.rollback_button = TouchButton("nav", primary=True)
        self.rollback_button.setObjectName("StaffRollback")
        self.rollback_button.clicked.connect(self.rollback_asked)
        self.factory_button = TouchButton("nav", primary=True)
        self.factory_button.setObjectName("StaffFactory")
        self.factory_button.clicked.connect(self._confirm_factory)
        self.versions = make_label("caption")
        self.versions.setObjectName("StaffVersions")
        # What rollback and the factory exhibit would show, set by staff mode; the
        # confirmations name them.
        self.rollback_target: Shown | None = None
        self.factory: Shown | None = None
        self.found: dict[Path, FoundPack] = {}
        self._language = "en"
        self.packs_title = make_label("kicker")
        self.packs_box = QVBoxLayout()
        self.no_packs = make_label("caption")
        self.more_packs = make_label("caption")
        self.pack_buttons: dict[Path, TouchButton] = {}
        self.confirm = ConfirmLayer(self)
        self.confirm_text = self.confirm.text
        self.confirm_yes = self.confirm.yes
        self.confirm_no = self.confirm.no
        self.confirm_no.clicked.connect(self._cancel_confirm)
        self.confirm_yes.clicked.connect(self._confirmed)
        self.result = make_label("caption")
        self.config_title = make_label("kicker")
        self.config_findings = make_label("caption")

    def _build_visits_and_station(self) -> None:
        self.visits_title = make_label("kicker")
        self.visits = make_label("caption")
        self.hours_chart = VisitsChart(("#D98A76", "#F2ECE4"))
        self.days_chart = VisitsChart(("#D98A76", "#F2ECE4"))
        self.hours_title = make_label("caption")
        self.days_title = make_label("caption")
        self.export_button = TouchButton("nav", primary=True)
        self.export_button.setObjectName("StaffExport")
        self.export_button.clicked.connect(self.export_requested)
        self.station_title = make_label("kicker")
        self.health = make_label("caption")
        self.station_buttons: dict[str, TouchButton] = {}
        for name in ("test-pattern", "out-of-order", "restart", "exit"):
            button = TouchButton("nav", primary=True)
            button.setObjectName(f"Staff-{name}")
            self.station_buttons[name] = button
        self.station_buttons["test-pattern"].clicked.connect(self.test_pattern_requested)
        self.station_buttons["out-of-order"].clicked.connect(self.out_of_order_requested)
        self.station_buttons["restart"].clicked.connect(self._confirm_restart)
        self.station_buttons["exit"].clicked.connect(self._confirm_exit)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.lock_button)
        actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        actions.addWidget(self.check_button)
        actions.addWidget(self.rollback_button)
        actions.addWidget(self.factory_button)
        actions.addStretch(1)
        self._layout = QVBoxLayout(self.sheet)
        self._layout.addLayout(top)
        self._layout.addWidget(self.problems)
        for widget in (self.content_title, self.content_state, self.versions, self.findings):
            self._layout.addWidget(widget)
        self._layout.addLayout(actions)
        self._layout.addWidget(self.packs_title)
        self._layout.addLayout(self.packs_box)
        self._layout.addWidget(self.more_packs)
        self._layout.addWidget(self.no_packs)
        self._layout.addWidget(self.result)
        self._layout.addWidget(self.visits_title)
        self._layout.addWidget(self.visits)
        # Each chart under its own title: what the bars count, and over what.
        charts = self._charts = QGridLayout()
        charts.addWidget(self.hours_title, 0, 0)
        charts.addWidget(self.days_title, 0, 1)
        charts.addWidget(self.hours_chart, 1, 0)
        charts.addWidget(self.days_chart, 1, 1)
        charts.setColumnStretch(0, 3)
        charts.setColumnStretch(1, 2)
        self._layout.addLayout(charts)
        self._layout.addWidget(self.export_button)
        self._layout.addWidget(self.station_title)
        self._layout.addWidget(self.health)
        station_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for button in self.station_buttons.values():
            station_row.addWidget(button)
        station_row.addStretch(1)
        self._layout.addLayout(station_row)
        # Rows of buttons that stand one above the other when they do not fit side by side
        # (a portrait screen, a longer language).
        self._rows = [
            (actions, [self.check_button, self.rollback_button, self.factory_button]),
            (station_row, list(self.station_buttons.values())),
        ]
        self._layout.addWidget(self.config_title)
        self._layout.addWidget(self.config_findings)
        self._layout.addStretch(1)
        self.sheet_area = QScrollArea(self)
        self.sheet_area.setWidgetResizable(True)
        self.sheet_area.setFrameShape(QFrame.Shape.NoFrame)
        self.sheet_area.setWidget(self.sheet)
        # Everything wraps to the panel's width; sideways scrolling would hide the ends.
        self.sheet_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Staff"))
        self.lock_button.set_text(self.tr("Lock"))
        self.content_title.setText(self.tr("CONTENT"))
        self.check_button.set_text(self.tr("Check content now"))
        self.rollback_button.set_text(self.tr("Roll back"))
        self.factory_button.set_text(self.tr("Return to the factory exhibit"))
        self.packs_title.setText(self.tr("CONTENT PACKS FOUND"))
        self.no_packs.setText(self.tr("No .kioskpack files in the watched folders."))
        self.config_title.setText(self.tr("STATION CONFIGURATION"))
        self.station_title.setText(self.tr("STATION"))
        self.visits_title.setText(self.tr("VISITS"))
        self.hours_title.setText(self.tr("Today, per hour (UTC)"))
        self.days_title.setText(self.tr("The last seven days"))
        self.export_button.set_text(self.tr("Export the counts to the USB stick"))
        self.station_buttons["test-pattern"].set_text(self.tr("Test pattern"))
        self.station_buttons["out-of-order"].set_text(self.tr("Out of order"))
        self.station_buttons["restart"].set_text(self.tr("Restart"))
        self.station_buttons["exit"].set_text(self.tr("Exit to the desktop"))
        self._refit()

    def set_language(self, language: str) -> None:
        """The interface language: dates are written the way it writes them."""
        self._language = language

    # -- what the panel shows ----------------------------------------------------------------

    def date(self, iso: str | None) -> str:
        """'20 Jan 2026' in the interface language; '?' for a date that cannot be read."""
        if not iso:
            return "?"
        try:
            moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        except ValueError:
            return "?"
        day = QDate(moment.year, moment.month, moment.day)
        return QLocale(self._language).toString(day, "d MMM yyyy")

    def name(self, shown: Shown) -> str:
        """'Title' (file.kioskpack, made 20 Jan 2026), or the factory exhibit's name."""
        title = shown.title or self.tr("untitled")
        if shown.id == FACTORY:
            return self.tr("the factory exhibit '%1'").replace("%1", title)
        file = shown.file or shown.id
        if shown.made is None:
            return f"'{title}' ({file})"
        made = self.tr("made %1").replace("%1", self.date(shown.made))
        return f"'{title}' ({file}, {made})"

    def set_content(self, showing: Shown, listing: list[Shown]) -> None:
        self.content_state.setText(
            breakable(self.tr("Showing: %1").replace("%1", self.name(showing)))
        )
        lines = []
        for shown in listing:
            if shown.id == FACTORY:
                line = self.name(shown)
            else:
                parts = [
                    self.name(shown),
                    self.tr("installed %1").replace("%1", self.date(shown.installed)),
                    self.tr("signed by key %1").replace("%1", shown.signer)
                    if shown.signer
                    else self.tr("not signed"),
                ]
                line = ", ".join(parts)
            if shown.showing:
                line = self.tr("%1 - showing now").replace("%1", line)
            if shown.problem is not None:
                line += "\n" + self.tr(
                    "  Changed since it was installed, so it is not shown: %1. "
                    "Install its pack again to repair it."
                ).replace("%1", shown.problem)
            lines.append(line)
        self.versions.setText(breakable("\n".join(lines)))
        self._refit()

    def set_rollback(self, target: Shown | None, factory: Shown) -> None:
        self.rollback_target = target
        self.factory = factory
        self.rollback_button.setEnabled(target is not None and self.action_free)
        self.factory_button.setEnabled(not factory.showing and self.action_free)

    def set_findings(self, issues: list[Issue]) -> None:
        errors = sum(issue.severity == "error" for issue in issues)
        warnings = len(issues) - errors
        summary = (
            self.tr("Last check: %1, %2")
            .replace("%1", counted(self.tr("%n error(s)", "", errors), errors))
            .replace("%2", counted(self.tr("%n warning(s)", "", warnings), warnings))
        )
        lines = [str(issue) for issue in issues[:MAX_FINDINGS]]
        self.findings.setText(breakable("\n".join([summary, *lines])))
        self._refit()

    def check_result(self, issues: list[Issue]) -> str:
        """A check's outcome in one sentence for the result line."""
        errors = sum(issue.severity == "error" for issue in issues)
        warnings = len(issues) - errors
        if errors:
            return counted(
                self.tr(
                    "Checked: %n error(s). Visitors keep seeing the last good content.", "", errors
                ),
                errors,
            )
        if warnings:
            return counted(self.tr("Checked: no errors, %n warning(s).", "", warnings), warnings)
        return self.tr("Checked: no errors, no warnings.")

    def set_config_findings(self, issues: list[Issue]) -> None:
        if not issues:
            self.config_findings.setText(self.tr("No problems."))
        else:
            note = self.tr("Safe defaults are used where the configuration is wrong:")
            text = "\n".join([note, *(str(issue) for issue in issues)])
            self.config_findings.setText(breakable(text))
        self._refit()

    def set_packs(self, listing: PackListing, found: dict[Path, FoundPack] | None = None) -> None:
        """The newest packs as buttons (the watcher lists a few at most) and a count of
        the rest; a pack installed already or showing says so instead of offering Install."""
        for button in self.pack_buttons.values():
            self.packs_box.removeWidget(button)
            button.hide()  # gone at once, not when the event loop gets to deleting it
            button.setParent(None)
            button.deleteLater()
        self.pack_buttons = {}
        self.found = found or {}
        packs = listing.packs
        for pack in packs:
            button = TouchButton("nav", primary=True)
            button.setObjectName(f"StaffPack-{pack.name}")
            seen = self.found.get(pack)
            state = seen.state if seen is not None else None
            made = self.tr("made %1").replace("%1", self.date(seen.made if seen else None))
            if state == SHOWING:
                text = self.tr("%1: showing now\n%2")
            elif state == INSTALLED:
                text = self.tr("%1: installed already\n%2")
            elif state == OLDER:
                text = self.tr("Install the older %1\n%2")
            else:
                text = self.tr("Install %1\n%2")
            known = seen is not None and seen.made is not None
            text = text.replace("%1", shortened(pack.name))
            # Two lines, the date under the name: narrow enough for a portrait screen.
            button.set_text(text.replace("%2", made if known else "").strip())
            button.setEnabled(state not in (SHOWING, INSTALLED) and self.action_free)
            button.clicked.connect(lambda _=False, p=pack: self._confirm_install(p))
            self.pack_buttons[pack] = button
            self.packs_box.addWidget(button)
            if self._metrics is not None:
                button.set_target_size(self._metrics.minimum_target, self._metrics.primary_target)
        self.no_packs.setVisible(not packs)
        # The findings panel's words, already translated: one sentence, one translation.
        more = QCoreApplication.translate("FindingsPanel", "... and %n more", "", listing.more)
        self.more_packs.setText(more)
        self.more_packs.setVisible(listing.more > 0)
        self._refit()

    def show_result(self, text: str) -> None:
        self.result.setText(breakable(text))
        self._refit()

    def outcome(self, command: str, kind: str, detail: str, target: str = "") -> str:
        """A pack command's outcome in plain words, with the command's own line below."""
        words = {
            outcomes.INSTALLED: self.tr("Installed. Visitors see it from the next start screen."),
            outcomes.REINSTALLED: self.tr(
                "This pack was installed already; it was checked again and is the one shown "
                "from the next start screen."
            ),
            outcomes.SWITCHED: self.tr("Done. Visitors see %1 from the next start screen."),
            outcomes.UNTRUSTED: self.tr(
                "Refused: this pack is not signed by a key this kiosk trusts."
            ),
            outcomes.OLDER: self.tr(
                "Refused: this pack is older than what this kiosk has. Nothing was changed."
            ),
            outcomes.DAMAGED: self.tr(
                "Refused: the pack file is damaged. Copy it onto the stick again."
            ),
            outcomes.MISTAKES: self.tr(
                "Refused: the exhibit in this pack has mistakes. Nothing was changed."
            ),
            outcomes.DISK_FULL: self.tr("Not done: the kiosk's disk is full."),
            outcomes.READ_ONLY: self.tr("Not done: the kiosk's disk cannot be written."),
            outcomes.NOTHING: self.tr("Nothing to roll back to."),
            outcomes.FAILED: self.tr("Not done. Nothing was changed."),
        }
        sentence = words[kind].replace("%1", target)
        if kind in (outcomes.INSTALLED, outcomes.REINSTALLED, outcomes.SWITCHED) or not detail:
            return sentence
        return sentence + "\n" + self.tr("Details: %1").replace("%1", detail)

    @property
    def action_free(self) -> bool:
        return not self._busy

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.check_button, *self.pack_buttons.values()):
            button.setEnabled(not busy)
        if busy:
            self.rollback_button.setEnabled(False)
            self.factory_button.setEnabled(False)

    # -- confirmation --------------------------------------------------------------------------

    def _confirm_install(self, pack: Path) -> None:
        seen = self.found.get(pack)
        if seen is not None and seen.state == OLDER:
            question = (
                self.tr(
                    "%1 was made %2, before the content this kiosk has (made %3). "
                    "Install the older pack anyway?"
                )
                .replace("%1", pack.name)
                .replace("%2", self.date(seen.made))
                .replace("%3", self.date(seen.newer_made))
            )
            self._ask(question, self.tr("Install the older pack"), ("install", pack, True))
            return
        self._ask(
            self.tr(
                "Install %1? It is checked first; visitors see it from the next start screen."
            ).replace("%1", pack.name),
            self.tr("Install"),
            ("install", pack, False),
        )

    def set_visits(
        self, summary: str, hours: list[tuple[str, int]], days: list[tuple[str, int]]
    ) -> None:
        self.visits.setText(breakable(summary))
        self.hours_chart.set_totals(hours)
        self.days_chart.set_totals(days)
        self._refit()

    def set_health(self, lines: list[str], problems: list[str] | None = None) -> None:
        self.health.setText(breakable("\n".join(lines)))
        words = ProblemWords()
        problems = [words.translate(problem) for problem in problems or []]
        # At the top, where staff look first: what is off or refused on this station (the
        # same sentences as the health report's "problems").
        self.problems.setText(breakable("\n".join([self.tr("Problems:"), *problems])))
        self.problems.setVisible(bool(problems))
        self._refit()

    def _confirm_restart(self) -> None:
        self._ask(self.tr("Restart the kiosk now?"), self.tr("Restart"), ("restart", None, False))

    def _confirm_exit(self) -> None:
        self._ask(
            self.tr("Leave the exhibit for the desktop? Visitors will see the desktop."),
            self.tr("Exit to the desktop"),
            ("exit", None, False),
        )

    def rollback_asked(self) -> None:
        target = self.rollback_target
        if target is None:
            return
        self._ask(
            self.tr("Roll back: show %1?").replace("%1", self.name(target)),
            self.tr("Roll back"),
            ("rollback", None, False),
        )

    def _confirm_factory(self) -> None:
        if self.factory is None:
            return
        self._ask(
            self.tr("Show %1, bundled with the kiosk?").replace("%1", self.name(self.factory)),
            self.tr("Return to the factory exhibit"),
            ("factory", None, False),
        )

    def _ask(self, question: str, yes: str, pending: tuple[str, Path | None, bool]) -> None:
        self._pending = pending
        if self._metrics is not None:
            self.confirm.apply_metrics(self._metrics)
        self.confirm.ask(question, yes, self.tr("Cancel"))
        self._refit()

    def _cancel_confirm(self) -> None:
        self._pending = None
        self.confirm.hide()
        self._refit()

    def _confirmed(self) -> None:
        pending = self._pending
        self._cancel_confirm()
        if pending is None:
            return
        action, pack, older = pending
        signals = {
            "rollback": self.rollback_requested,
            "factory": self.factory_requested,
            "restart": self.restart_requested,
            "exit": self.exit_requested,
        }
        if action == "install":
            self.install_requested.emit(pack, older)
        else:
            signals[action].emit()

    # -- geometry and input ------------------------------------------------------------------

    def _refit(self) -> None:
        """Wrapped words changed: the sheet measures them again (Qt does not pass a new
        height-for-width up through the scroll area's sheet by itself)."""
        self._fit_rows()
        relayout(*self.sheet.findChildren(QLabel))

    def _fit_rows(self) -> None:
        margins = self._layout.contentsMargins()
        room = self.sheet_area.viewport().width() - margins.left() - margins.right()
        for row, buttons in getattr(self, "_rows", []):
            needed = sum(button.sizeHint().width() for button in buttons)
            needed += row.spacing() * (len(buttons) - 1)
            direction = (
                QBoxLayout.Direction.LeftToRight
                if needed <= room
                else QBoxLayout.Direction.TopToBottom
            )
            if row.direction() != direction:
                row.setDirection(direction)

    def apply_metrics(self, m: Metrics) -> None:
        self._metrics = m
        pad = m.unit * 4
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(m.unit * 2)
        for button in self.findChildren(TouchButton):
            button.set_target_size(m.minimum_target, m.primary_target)
        self.confirm.apply_metrics(m)
        self._charts.setHorizontalSpacing(m.unit * 8)  # two charts, not one long row of bars
        for chart in (self.hours_chart, self.days_chart):
            chart.apply_metrics(m.caption_px, m.minimum_target * 2)
        # Buttons inside a kinetic scroller would lose their taps, so the panel scrolls by
        # its scroll bar, wide enough for a finger (styled in the window's style sheet).

    def open(self) -> None:
        self._cancel_confirm()
        self.cover()

    def resizeEvent(self, event: object) -> None:
        margin = min(self.width(), self.height()) // 20
        self.sheet_area.setGeometry(self.rect().adjusted(margin, margin, -margin, -margin))
        if self.confirm.isVisible():
            self.confirm.setGeometry(self.rect())
        self._refit()
