"""The station's channel settings, read from the station configuration file.

    channel: https://content.example.museum/memorial/    # or a folder: /srv/channel
    channel_poll_seconds: 300                              # 30 to 86400; default 300
    channel_ca_file: /etc/kiosk/museum-ca.pem              # optional: only this CA

``KIOSK_CHANNEL``, ``KIOSK_CHANNEL_POLL_SECONDS`` and ``KIOSK_CHANNEL_CA_FILE`` override
them.  A mistake in any of them turns the channel off (reported) rather than following it
some other way: a CA file that cannot be read never falls back to the system's
authorities.  (``kiosk.station`` reads the rest of the same file.)
"""

from __future__ import annotations

import os
from collections.abc import Mapping as MappingType
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.fields import FieldReader
from kiosk.content.issues import ContentError, Issue, Location
from kiosk.content.source import Mapping, Node, Scalar, load_yaml_file

DEFAULT_POLL_SECONDS = 300
MIN_POLL_SECONDS, MAX_POLL_SECONDS = 30, 86_400
KEYS = ("channel", "channel_poll_seconds", "channel_ca_file")
ENVIRONMENT = {
    "KIOSK_CHANNEL": "channel",
    "KIOSK_CHANNEL_POLL_SECONDS": "channel_poll_seconds",
    "KIOSK_CHANNEL_CA_FILE": "channel_ca_file",
}


@dataclass(frozen=True)
class ChannelSettings:
    location: str | None = None  # None: no channel followed
    poll_seconds: int = DEFAULT_POLL_SECONDS
    ca_file: Path | None = None


def read_channel_settings(
    config_path: Path | None = None, environ: MappingType[str, str] | None = None
) -> tuple[ChannelSettings, list[Issue]]:
    """The settings and what was wrong with them; never raises."""
    from kiosk.station import default_config_path  # noqa: PLC0415 - avoids a cycle

    environ = os.environ if environ is None else environ
    path = config_path or default_config_path(environ)
    nodes: dict[str, Node] = {}
    issues: list[Issue] = []
    if path.is_file():
        try:
            tree = load_yaml_file(path, str(path))
        except ContentError as error:
            return ChannelSettings(), list(error.issues)
        if isinstance(tree, Mapping):
            nodes.update({key: tree.entries[key] for key in KEYS if key in tree.entries})
    for variable, key in ENVIRONMENT.items():
        if variable in environ:
            nodes[key] = Scalar(environ[variable], Location(f"${variable}"))
    reader = FieldReader()
    location = _location(reader, nodes.get("channel"))
    ca_file = _ca_file(reader, nodes.get("channel_ca_file"))
    if any(issue.severity == "error" for issue in reader.issues):
        location = None  # a bad channel or CA file: no channel at all, never a weaker one
    poll = DEFAULT_POLL_SECONDS
    if "channel_poll_seconds" in nodes:
        read = reader.integer(nodes["channel_poll_seconds"], MIN_POLL_SECONDS, MAX_POLL_SECONDS)
        poll = DEFAULT_POLL_SECONDS if read is None else read
    issues.extend(reader.issues)
    return ChannelSettings(location, poll, ca_file), issues


def _location(reader: FieldReader, node: Node | None) -> str | None:
    if node is None:
        return None
    scalar = reader.scalar(node, "channel")
    if scalar is None:
        return None
    text = scalar.text.strip()
    if text.startswith(("http://", "https://")):
        from urllib.parse import urlsplit  # noqa: PLC0415

        if not urlsplit(text).hostname:
            reader.error(node.location, f"'{text}' names no host")
            return None
        return text
    if text.startswith("file://") or Path(text).expanduser().is_absolute():
        return text
    reader.error(
        node.location,
        f"'{text}' is neither an http(s):// URL nor an absolute folder path",
    )
    return None


def _ca_file(reader: FieldReader, node: Node | None) -> Path | None:
    if node is None:
        return None
    scalar = reader.scalar(node, "channel_ca_file")
    if scalar is None:
        return None
    path = Path(scalar.text.strip()).expanduser()
    if not path.is_file():
        reader.error(node.location, f"{path}: no such CA file; the channel stays off")
        return None
    return path
