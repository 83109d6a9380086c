"""The content channel in the staff panel's station section: the same facts as
``kiosk channel status`` (the channel, what was installed from it, the last check, a pack
waiting for its moment, the last error), in the staff's language.  The channel's own
messages (a URL, what was expected against what came) stay as the channel wrote them, as
the health report's last error does."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from kiosk.channel.settings import ChannelSettings
from kiosk.channel.state import ChannelState
from kiosk.ui.widgets.findings_panel import counted


def moment(iso: str | None) -> str:
    """'2026-12-06 07:12 UTC' from the state's ISO time; the text itself if it is not one."""
    if not iso:
        return "?"
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return f"{when:%Y-%m-%d %H:%M} UTC"


class ChannelLines(QObject):
    """Lines for the panel from the settings and the state the follower keeps."""

    def results(self) -> dict[str, str]:
        """A round's result (``kiosk.channel.sync``) in the staff's words."""
        return {
            "installed": self.tr("installed a new version"),
            "up-to-date": self.tr("up to date"),
            "waiting": self.tr("a new version is waiting for its date"),
            "refused": self.tr("refused"),
            "unreachable": self.tr("the channel could not be reached"),
            "failed": self.tr("failed"),
        }

    def lines(self, settings: ChannelSettings, state: ChannelState) -> list[str]:
        if settings.location is None:
            return [self.tr("Content channel: none")]
        if state.channel != settings.location:
            state = ChannelState()  # a record of another channel says nothing of this one
        lines = [self.tr("Content channel: %1").replace("%1", settings.location)]
        if state.installed_sequence is None:
            lines.append(self.tr("Installed from the channel: nothing yet"))
        else:
            lines.append(
                self.tr("Installed from the channel: sequence %1 (%2)")
                .replace("%1", str(state.installed_sequence))
                .replace("%2", state.installed_version or "?")
            )
        if state.last_check is None:
            lines.append(self.tr("Last channel check: never"))
        else:
            result = self.results().get(state.last_result or "", state.last_result or "?")
            lines.append(
                self.tr("Last channel check: %1, %2")
                .replace("%1", moment(state.last_check))
                .replace("%2", result)
            )
        if state.pending is not None:
            lines.append(
                self.tr("Waiting: sequence %1, shown from %2")
                .replace("%1", str(state.pending.sequence))
                .replace("%2", moment(state.pending.not_before))
            )
        if state.last_error:
            failures = counted(
                self.tr("Last channel error (%n failed check(s) in a row): %1", "", state.failures),
                state.failures,
            )
            lines.append(failures.replace("%1", state.last_error))
        return lines
