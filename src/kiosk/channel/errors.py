"""The channel's refusals: one clear message each, naming what was wrong."""

from __future__ import annotations

from kiosk.packs.errors import PackError


class ChannelError(PackError):
    """The channel, its index or its pack was refused, or could not be reached."""


class UnreachableError(ChannelError):
    """The server or folder could not be read now (down, slow, cut off): worth trying again
    later, and never a reason to doubt what is installed."""
