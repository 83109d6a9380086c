"""The staff panel: what is shown and whether it is sound, packs on offer, roll back, lock.

Large touch targets, plain words, and every change confirmed before it happens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.content.issues import Issue
from kiosk.core.pack_watch import PackListing
from kiosk.ui.staff.visits_chart import VisitsChart
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.modal import ModalLayer
from kiosk.ui.widgets.text import make_label

MAX_FINDINGS = 8


class StaffPanel(ModalLayer):
    lock_requested = Signal()
    check_requested = Signal()
    rollback_requested = Signal()
    install_requested = Signal(object)  # the pack's Path, once staff confirmed
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
        self.lock_button = TouchButton("primary", primary=True)
        self.lock_button.setObjectName("StaffLock")
        self.lock_button.clicked.connect(self.lock_requested)
        self.content_title = make_label("kicker")
        self.content_state = make_label("caption")
        self.findings = make_label("caption")
        self.check_button = TouchButton("nav", primary=True)
        self.check_button.setObjectName("StaffCheck")
        self.check_button.clicked.connect(self.check_requested)
        self.rollback_button = TouchButton("nav", primary=True)
        self.rollback_button.setObjectName("StaffRollback")
        self.rollback_button.clicked.connect(self._confirm_rollback)
        self.packs_title = make_label("kicker")
        self.packs_box = QVBoxLayout()
        self.no_packs = make_label("caption")
        self.more_packs = make_label("caption")
        self.pack_buttons: dict[Path, TouchButton] = {}
        self.confirm_text = make_label("body")
        self.confirm_yes = TouchButton("primary", primary=True)
        self.confirm_yes.setObjectName("StaffConfirm")
        self.confirm_no = TouchButton("nav", primary=True)
        self.confirm_no.setObjectName("StaffConfirmCancel")
        self.confirm_no.clicked.connect(self._cancel_confirm)
        self.confirm_yes.clicked.connect(self._confirmed)
        self.result = make_label("caption")
        self.config_title = make_label("kicker")
        self.config_findings = make_label("caption")
        self._build_visits_and_station()
        self._pending: tuple[str, Path | None] | None = None
        self._metrics: Metrics | None = None
        self._build_layout()
        self.retranslate()
        self.set_packs(PackListing())
        self._cancel_confirm()
        self.hide()

    def _build_visits_and_station(self) -> None:
        self.visits_title = make_label("kicker")
        self.visits = make_label("caption")
        self.hours_chart = VisitsChart(("#D98A76", "#F2ECE4"))
        self.days_chart = VisitsChart(("#D98A76", "#F2ECE4"))
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
        actions = QHBoxLayout()
        actions.addWidget(self.check_button)
        actions.addWidget(self.rollback_button)
        actions.addStretch(1)
        confirm = QHBoxLayout()
        confirm.addWidget(self.confirm_yes)
        confirm.addWidget(self.confirm_no)
        confirm.addStretch(1)
        self._layout = QVBoxLayout(self.sheet)
        self._layout.addLayout(top)
        for widget in (self.content_title, self.content_state, self.findings):
            self._layout.addWidget(widget)
        self._layout.addLayout(actions)
        self._layout.addWidget(self.packs_title)
        self._layout.addLayout(self.packs_box)
        self._layout.addWidget(self.more_packs)
        self._layout.addWidget(self.no_packs)
        self._layout.addWidget(self.confirm_text)
        self._layout.addLayout(confirm)
        self._layout.addWidget(self.result)
        self._layout.addWidget(self.visits_title)
        self._layout.addWidget(self.visits)
        charts = QHBoxLayout()
        charts.addWidget(self.hours_chart, 3)
        charts.addWidget(self.days_chart, 2)
        self._layout.addLayout(charts)
        self._layout.addWidget(self.export_button)
        self._layout.addWidget(self.station_title)
        self._layout.addWidget(self.health)
        station_row = QHBoxLayout()
        for button in self.station_buttons.values():
            station_row.addWidget(button)
        station_row.addStretch(1)
        self._layout.addLayout(station_row)
        self._layout.addWidget(self.config_title)
        self._layout.addWidget(self.config_findings)
        self._layout.addStretch(1)
        self.sheet_area = QScrollArea(self)
        self.sheet_area.setWidgetResizable(True)
        self.sheet_area.setFrameShape(QFrame.Shape.NoFrame)
        self.sheet_area.setWidget(self.sheet)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Staff"))
        self.lock_button.set_text(self.tr("Lock"))
        self.content_title.setText(self.tr("CONTENT"))
        self.check_button.set_text(self.tr("Check content now"))
        self.rollback_button.set_text(self.tr("Roll back"))
        self.packs_title.setText(self.tr("CONTENT PACKS FOUND"))
        self.confirm_no.set_text(self.tr("Cancel"))
        self.no_packs.setText(self.tr("No packs in the watched folders."))
        self.config_title.setText(self.tr("STATION CONFIGURATION"))
        self.station_title.setText(self.tr("STATION"))
        self.visits_title.setText(self.tr("VISITS"))
        self.export_button.set_text(self.tr("Export the counts to the USB stick"))
        self.station_buttons["test-pattern"].set_text(self.tr("Test pattern"))
        self.station_buttons["out-of-order"].set_text(self.tr("Out of order"))
        self.station_buttons["restart"].set_text(self.tr("Restart"))
        self.station_buttons["exit"].set_text(self.tr("Exit to the desktop"))

    # -- what the panel shows ----------------------------------------------------------------

    def set_content(self, folder: Path, version: str | None) -> None:
        where = version or self.tr("factory default (bundled)")
        self.content_state.setText(
            self.tr("Showing: %1\n%2").replace("%1", where).replace("%2", str(folder))
        )

    def set_findings(self, issues: list[Issue]) -> None:
        errors = sum(issue.severity == "error" for issue in issues)
        summary = (
            self.tr("Last check: %1 error(s), %2 warning(s)")
            .replace("%1", str(errors))
            .replace("%2", str(len(issues) - errors))
        )
        lines = [str(issue) for issue in issues[:MAX_FINDINGS]]
        self.findings.setText("\n".join([summary, *lines]))

    def set_config_findings(self, issues: list[Issue]) -> None:
        if not issues:
            self.config_findings.setText(self.tr("No problems."))
            return
        note = self.tr("Safe defaults are used where the configuration is wrong:")
        self.config_findings.setText("\n".join([note, *(str(issue) for issue in issues)]))

    def set_packs(self, listing: PackListing) -> None:
        """The newest packs as buttons (the watcher lists a few at most) and a count of
        the rest."""
        for button in self.pack_buttons.values():
            self.packs_box.removeWidget(button)
            button.deleteLater()
        self.pack_buttons = {}
        packs = listing.packs
        for pack in packs:
            button = TouchButton("nav", primary=True)
            button.setObjectName(f"StaffPack-{pack.name}")
            button.set_text(self.tr("Install %1").replace("%1", pack.name))
            button.clicked.connect(lambda _=False, p=pack: self._confirm_install(p))
            self.pack_buttons[pack] = button
            self.packs_box.addWidget(button)
            if self._metrics is not None:
                button.set_target_size(self._metrics.minimum_target, self._metrics.primary_target)
        self.no_packs.setVisible(not packs)
        # The findings panel's words, already translated: one sentence, one translation.
        more = QCoreApplication.translate("FindingsPanel", "... and %1 more")
        self.more_packs.setText(more.replace("%1", str(listing.more)))
        self.more_packs.setVisible(listing.more > 0)

    def show_result(self, text: str) -> None:
        self.result.setText(text)

    def set_busy(self, busy: bool) -> None:
        for button in (self.check_button, self.rollback_button, *self.pack_buttons.values()):
            button.setEnabled(not busy)

    # -- confirmation --------------------------------------------------------------------------

    def _confirm_install(self, pack: Path) -> None:
        self._ask(
            self.tr(
                "Install %1? It is checked first; visitors see it from the next start screen."
            ).replace("%1", pack.name),
            self.tr("Install"),
            ("install", pack),
        )

    def set_visits(
        self, summary: str, hours: list[tuple[str, int]], days: list[tuple[str, int]]
    ) -> None:
        self.visits.setText(summary)
        self.hours_chart.set_totals(hours)
        self.days_chart.set_totals(days)

    def set_health(self, lines: list[str]) -> None:
        self.health.setText("\n".join(lines))

    def _confirm_restart(self) -> None:
        self._ask(self.tr("Restart the kiosk now?"), self.tr("Restart"), ("restart", None))

    def _confirm_exit(self) -> None:
        self._ask(
            self.tr("Leave the exhibit for the desktop? Visitors will see the desktop."),
            self.tr("Exit to the desktop"),
            ("exit", None),
        )

    def _confirm_rollback(self) -> None:
        self._ask(
            self.tr("Go back to the version installed before this one?"),
            self.tr("Roll back"),
            ("rollback", None),
        )

    def _ask(self, question: str, yes: str, pending: tuple[str, Path | None]) -> None:
        self._pending = pending
        self.confirm_text.setText(question)
        self.confirm_yes.set_text(yes)
        for widget in (self.confirm_text, self.confirm_yes, self.confirm_no):
            widget.show()

    def _cancel_confirm(self) -> None:
        self._pending = None
        for widget in (self.confirm_text, self.confirm_yes, self.confirm_no):
            widget.hide()

    def _confirmed(self) -> None:
        pending = self._pending
        self._cancel_confirm()
        if pending is None:
            return
        action, pack = pending
        signals = {
            "rollback": self.rollback_requested,
            "restart": self.restart_requested,
            "exit": self.exit_requested,
        }
        if action == "install":
            self.install_requested.emit(pack)
        else:
            signals[action].emit()

    # -- geometry and input ------------------------------------------------------------------

    def apply_metrics(self, m: Metrics) -> None:
        self._metrics = m
        pad = m.unit * 4
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(m.unit * 2)
        for button in self.findChildren(TouchButton):
            button.set_target_size(m.minimum_target, m.primary_target)
        # Buttons inside a kinetic scroller would lose their taps, so the panel scrolls by
        # its scroll bar, made wide enough for a finger.
        self.sheet_area.setStyleSheet(
            f"QScrollBar:vertical {{ width: {m.minimum_target // 2}px; }}"
        )

    def open(self) -> None:
        self.cover()

    def resizeEvent(self, event: object) -> None:
        margin = min(self.width(), self.height()) // 20
        self.sheet_area.setGeometry(self.rect().adjusted(margin, margin, -margin, -margin))
