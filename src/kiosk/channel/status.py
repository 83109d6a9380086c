"""The channel's state in lines for people: ``kiosk channel status`` and the staff panel."""

from __future__ import annotations

from kiosk.channel.settings import ChannelSettings
from kiosk.channel.state import ChannelState


def status_lines(settings: ChannelSettings, state: ChannelState) -> list[str]:
    if settings.location is None:
        return ["channel     none (set 'channel:' in the station configuration)"]
    if state.channel != settings.location:
        state = ChannelState()  # a record of another channel says nothing of this one
    lines = [
        f"channel     {settings.location}",
        f"polled      every {settings.poll_seconds} s (jittered; backs off after errors)",
        "installed   "
        + (
            "nothing from this channel yet"
            if state.installed_sequence is None
            else f"sequence {state.installed_sequence} ({state.installed_version})"
        ),
        f"last check  {state.last_check or 'never'}"
        + (f": {state.last_result}" if state.last_result else ""),
    ]
    if state.last_success and state.last_success != state.last_check:
        lines.append(f"last good   {state.last_success}")
    if state.pending is not None:
        lines.append(
            f"waiting     sequence {state.pending.sequence}, shown from {state.pending.not_before}"
        )
    if state.last_error:
        lines.append(f"last error  {state.last_error}")
        lines.append(f"failures    {state.failures} in a row")
    return lines
