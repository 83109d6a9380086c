"""The kiosk's metrics as a fleet's Prometheus reads them: the health report, the content
channel's state (``kiosk.channel.state``, read, never written) and what the window shows
instead of the exhibit (out of order).  Rendered on the GUI thread by the HTTP endpoint
(``metrics_server``) and by the textfile writer (``health_writer``).

Where they go is the station's choice: ``KIOSK_METRICS_TEXTFILE`` (a ``.prom`` file in the
node exporter's textfile folder; preferred, no port opened) and ``KIOSK_METRICS_ADDRESS``
(where ``metrics_port`` listens: 127.0.0.1 unless the station names another address).
"""

from __future__ import annotations

import ipaddress
import logging
import os
import time
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from kiosk.channel.state import ChannelState, load_state
from kiosk.ops.metrics import ChannelFigures, fallback_text, prometheus_text
from kiosk.ops.textfile import textfile_problem, write_textfile

LOOPBACK = "127.0.0.1"
TEXTFILE_ENV = "KIOSK_METRICS_TEXTFILE"
ADDRESS_ENV = "KIOSK_METRICS_ADDRESS"
OK_RESULTS = frozenset({"installed", "up-to-date", "waiting", "busy"})
OUT_OF_ORDER = "OutOfOrder"  # the staff's notice's object name (ui/staff/layers.py)
log = logging.getLogger(__name__)


def _moment(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        return None


def channel_figures(location: str, state: ChannelState, now: float) -> ChannelFigures:
    """The channel's state as numbers.  A record of another channel says nothing of this
    one (the follower starts it afresh at its first round)."""
    if state.channel != location:
        state = ChannelState(channel=location)
    installed = state.installed_sequence or 0
    seen = installed
    waiting, waiting_from = None, None
    if state.pending is not None:
        waiting, waiting_from = state.pending.sequence, _moment(state.pending.not_before)
        # A pack waiting for not_before counts as published only from that moment: before
        # it, being without it is right, not behind.
        if waiting_from is not None and waiting_from <= now:
            seen = max(seen, waiting)
    return ChannelFigures(
        channel=location,
        installed_sequence=installed,
        seen_sequence=seen,
        last_check=_moment(state.last_check),
        last_result=state.last_result,
        last_ok=None if state.last_result is None else state.last_result in OK_RESULTS,
        failures=state.failures,
        waiting_sequence=waiting,
        waiting_from=waiting_from,
    )


def followed_channel() -> str | None:
    """The channel the station follows (read once: the kiosk reads its settings at start)."""
    from kiosk.channel.settings import read_channel_settings  # noqa: PLC0415

    return read_channel_settings()[0].location


def _setting(environ: Mapping[str, str] | None, variable: str, key: str) -> str:
    """A setting from ``KIOSK_METRICS_*`` or, when the station configuration knows it
    (``metrics_textfile``, ``metrics_address``), from there; empty when neither says."""
    if environ is None:
        environ = os.environ
        if not environ.get(variable, "").strip():
            from kiosk.station import load_station_config  # noqa: PLC0415

            configured = getattr(load_station_config()[0], key, None)
            return "" if configured is None else str(configured).strip()
    return environ.get(variable, "").strip()


def textfile_setting(environ: Mapping[str, str] | None = None) -> Path | None:
    """The textfile to write, or None (off, or a path that cannot be one: logged)."""
    value = _setting(environ, TEXTFILE_ENV, "metrics_textfile")
    if not value:
        return None
    path = Path(value)
    problem = textfile_problem(path)
    if problem is not None:
        log.warning("metrics textfile off: %s", problem)
        return None
    return path


def address_setting(environ: Mapping[str, str] | None = None) -> str:
    """Where the metrics endpoint listens: the loopback address unless the station names
    one.  Anything that is not an IP address keeps the loopback address (fails closed)."""
    value = _setting(environ, ADDRESS_ENV, "metrics_address")
    if not value:
        return LOOPBACK
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        log.warning("metrics address %r is not an IP address: serving on %s only", value, LOOPBACK)
        return LOOPBACK


def mark_fallback(environ: Mapping[str, str] | None = None) -> None:
    """For ``kiosk fallback``: the textfile says the fallback notice is shown (kiosk_up 0,
    kiosk_fallback 1; KioskOnFallback fires, KioskDown does not), until the kiosk starts
    again and writes its own.  No refresh time: nothing renews it."""
    from kiosk import __version__  # noqa: PLC0415

    path = textfile_setting(environ)
    if path is None:
        return
    try:
        write_textfile(path, fallback_text(__version__))
    except OSError as error:
        log.warning("metrics textfile: cannot write %s: %s", path, error.strerror or error)


class KioskMetrics:
    """``text(health)``: the metrics now.  ``root``: the window, where the out-of-order
    notice lives; ``channel``: the followed channel's location (default: the station's)."""

    def __init__(
        self,
        root: QObject | None = None,
        *,
        channel: str | None = None,
        state_path: Path | None = None,
        read_settings: bool = True,
    ) -> None:
        self.root = root
        self.channel = channel if channel is not None or not read_settings else followed_channel()
        self.state_path = state_path

    def text(self, health: Mapping[str, object], *, now: float | None = None) -> str:
        figures = None
        if self.channel is not None:
            moment = time.time() if now is None else now
            figures = channel_figures(self.channel, load_state(self.state_path), moment)
        return prometheus_text(health, figures, out_of_order=self.out_of_order())

    def out_of_order(self) -> bool:
        if self.root is None:
            return False
        notice = self.root.findChild(QWidget, OUT_OF_ORDER)
        return notice is not None and notice.isVisible()
