"""The panel's station section: the health report in the staff's language, the content
channel's state, the test pattern, the out-of-order notice, and the only ways out (restart,
exit to the desktop)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QProcess

from kiosk.channel.settings import ChannelSettings
from kiosk.channel.state import load_state
from kiosk.paths import kiosk_command, self_restart_wanted
from kiosk.security import log as staff_log
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.staff.channel_lines import ChannelLines
from kiosk.ui.staff.layers import OutOfOrder, TestPattern
from kiosk.ui.staff.panel import StaffPanel
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.findings_panel import counted
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.core.channel_follow import ChannelFollower

# Exit codes a service manager can act on: restart, or leave the exhibit for the desktop
# (the systemd unit lists 64 under RestartPreventExitStatus).
EXIT_RESTART = 75
EXIT_TO_DESKTOP = 64


class StationDesk(QObject):
    """Health lines, test pattern, out of order, restart and exit."""

    def __init__(self, window: KioskWindow, panel: StaffPanel, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.panel = panel
        self.test_pattern = TestPattern(window)
        self.out_of_order = OutOfOrder(window)
        self.metrics: Metrics | None = None
        # Set by the runner: the health report, shown in the panel.
        self.health_source: Callable[[], dict[str, object]] | None = None
        # Set by the runner: the station's channel (None: the panel shows no channel lines).
        self.channel_settings: ChannelSettings | None = None
        self.channel_lines = ChannelLines(self)
        # How the kiosk leaves and starts again; tests put stand-ins here.
        self.exit_application: Callable[[int], None] = QCoreApplication.exit
        self.start_detached: Callable[[str, list[str]], object] = QProcess.startDetached
        panel.test_pattern_requested.connect(self.show_test_pattern)
        panel.out_of_order_requested.connect(self.toggle_out_of_order)
        panel.restart_requested.connect(lambda: self.leave(EXIT_RESTART))
        panel.exit_requested.connect(lambda: self.leave(EXIT_TO_DESKTOP))

    def describe_health(self, health: dict[str, object]) -> list[str]:
        """The health report in a few lines staff can read, in their language."""
        uptime = int(health.get("uptime_s", 0) or 0)  # type: ignore[call-overload]
        starts = health.get("starts")
        versions = health.get("versions") or {}
        assert isinstance(versions, dict)
        if isinstance(starts, int):
            started = counted(
                self.tr("uptime %1 h %2 min; starts %n", "", starts),
                starts,
            )
        else:
            started = self.tr("uptime %1 h %2 min")
        return [
            started.replace("%1", str(uptime // 3600)).replace("%2", str(uptime % 3600 // 60)),
            self.tr("memory %1 MiB; content %2")
            .replace("%1", str(health.get("memory_mib")))
            .replace("%2", str(health.get("content_version"))),
            self.tr("kiosk %1, Qt %2, PySide6 %3")
            .replace("%1", str(health.get("kiosk_version")))
            .replace("%2", str(versions.get("qt")))
            .replace("%3", str(versions.get("pyside6"))),
            self.tr("last error: %1").replace("%1", str(health.get("last_error") or "-")),
        ]

    def show_health(self) -> None:
        if self.health_source is None and self.channel_settings is None:
            return
        health = self.health_source() if self.health_source is not None else {}
        problems = health.get("problems") or []
        assert isinstance(problems, list)
        lines = self.describe_health(health) if self.health_source is not None else []
        if self.channel_settings is not None:
            # A small local file the follower writes after each round.
            lines += self.channel_lines.lines(self.channel_settings, load_state())
        self.panel.set_health(lines, [str(p) for p in problems])

    def follow(self, follower: ChannelFollower) -> None:
        """A round that ends while the panel is open shows its outcome there at once."""
        follower.checked.connect(lambda _outcome: self._channel_checked())

    def _channel_checked(self) -> None:
        if self.panel.isVisible():
            self.show_health()

    def show_test_pattern(self) -> None:
        target = self.metrics.primary_target if self.metrics else 120
        staff_log.info("staff: test pattern shown")
        self.test_pattern.open(target)

    def toggle_out_of_order(self) -> None:
        if self.out_of_order.isVisible():
            staff_log.info("staff: out of order notice taken down")
            self.out_of_order.hide()
        else:
            staff_log.info("staff: out of order notice put up")
            self.out_of_order.cover()
            self.panel.raise_()  # the panel stays on top until staff lock it

    def leave(self, code: int) -> None:
        """Restart, or exit to the desktop: the only ways out, and only for staff."""
        staff_log.warning("staff: %s", "restart" if code == EXIT_RESTART else "exit to the desktop")
        for lockdown in self.window.findChildren(Lockdown):
            lockdown.allow_exit()
        if code == EXIT_RESTART and self_restart_wanted(os.environ):
            # Without a service manager to restart it, the kiosk starts itself again.
            program, *arguments = kiosk_command(*sys.argv[1:])
            self.start_detached(program, arguments)
        self.exit_application(code)
