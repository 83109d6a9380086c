"""Prometheus text metrics from the health report, so a museum's Prometheus and Grafana can
watch a fleet of kiosks.

The same text is served over HTTP (``kiosk.ui.metrics_server``) or written for the node
exporter's textfile collector (``kiosk.ops.textfile``); packaging/prometheus/ holds the
alerts and the dashboard that read these names (a test checks they match).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ChannelFigures:
    """What the kiosk knows of the content channel it follows, as numbers (read from the
    channel's state by the caller: this layer does not import ``kiosk.channel``)."""

    channel: str
    installed_sequence: int  # 0: nothing installed from this channel yet
    # The highest index sequence this kiosk has seen that is in force now (its not_before,
    # if any, has passed); across the fleet its maximum is the channel's published sequence
    # as far as Prometheus can know (kiosk-rules.yml: KioskBehindChannel).
    seen_sequence: int
    last_check: float | None = None  # Unix seconds of the last round's end
    last_result: str | None = None  # installed, up-to-date, waiting, refused, unreachable
    last_ok: bool | None = None
    failures: int = 0  # rounds failed in a row
    waiting_sequence: int | None = None  # a checked pack waiting for its not_before
    waiting_from: float | None = None


def _label(value: object) -> str:
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def _number(value: object) -> float:
    try:
        return float(str(value))
    except ValueError:
        return 0.0


def _metric(name: str, kind: str, help_text: str, value: object, labels: str = "") -> list[str]:
    return [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}", f"{name}{labels} {value}"]


def prometheus_text(
    health: Mapping[str, object],
    channel: ChannelFigures | None = None,
    *,
    out_of_order: bool = False,
) -> str:
    """The exposition format (text 0.0.4) for one kiosk's health."""
    memory = _number(health.get("memory_mib") or 0) * 1024 * 1024
    written = _number(health.get("written_at") or 0)
    uptime = _number(health.get("uptime_s") or 0)
    problems = health.get("problems")
    lines = [
        "# HELP kiosk_up The kiosk is running and its interface answers.",
        "# TYPE kiosk_up gauge",
        "kiosk_up 1",
        "# HELP kiosk_uptime_seconds Seconds since the kiosk started.",
        "# TYPE kiosk_uptime_seconds gauge",
        f"kiosk_uptime_seconds {health.get('uptime_s', 0)}",
        "# HELP kiosk_starts_total Times the kiosk has started on this station.",
        "# TYPE kiosk_starts_total counter",
        f"kiosk_starts_total {health.get('starts', 0)}",
        "# HELP kiosk_memory_bytes Resident memory.",
        "# TYPE kiosk_memory_bytes gauge",
        f"kiosk_memory_bytes {memory:.0f}",
    ]
    if written:
        # In a textfile nothing else shows that the kiosk stopped writing: the alert
        # KioskDown looks at this time's age (the GUI thread renews it, as it pings the
        # watchdog, so a frozen interface ages it too).
        lines += _metric(
            "kiosk_last_refresh_timestamp_seconds",
            "gauge",
            "When the interface's thread last renewed these figures (Unix seconds).",
            f"{written:.0f}",
        )
        lines += _metric(
            "kiosk_start_time_seconds",
            "gauge",
            "When the kiosk started (Unix seconds).",
            f"{written - uptime:.0f}",
        )
    if isinstance(problems, list):
        lines += _metric(
            "kiosk_problems",
            "gauge",
            "Things off or refused now (the health report's problems; the staff panel names them).",
            len(problems),
        )
    lines += _metric(
        "kiosk_out_of_order",
        "gauge",
        "Staff put up the out-of-order notice (1) instead of the exhibit.",
        int(out_of_order),
    )
    lines += _metric(
        "kiosk_fallback",
        "gauge",
        "The fallback notice is shown after repeated failures (1).",
        0,  # this process is the kiosk; the notice's process writes fallback_text()
    )
    lines += [
        # Never the current screen: that would show each visit live (hourly totals only).
        "# HELP kiosk_info Versions and the content shown.",
        "# TYPE kiosk_info gauge",
        f'kiosk_info{{version="{_label(health.get("kiosk_version"))}",'
        f'content="{_label(health.get("content_version"))}"}} 1',
        "# HELP kiosk_last_error_timestamp_seconds When the last error was logged (0: none).",
        "# TYPE kiosk_last_error_timestamp_seconds gauge",
        f"kiosk_last_error_timestamp_seconds {health.get('last_error_at') or 0}",
    ]
    visits = health.get("visits_last_hour")
    if visits is not None:  # an hourly total only; absent when analytics are off
        lines += [
            "# HELP kiosk_visits_last_hour Visits in the last complete hour (UTC).",
            "# TYPE kiosk_visits_last_hour gauge",
            f"kiosk_visits_last_hour {visits}",
        ]
    if channel is not None:
        lines += channel_lines(channel)
    return "\n".join(lines) + "\n"


def channel_lines(figures: ChannelFigures) -> list[str]:
    """Every channel metric carries the channel's location, so the rules compare kiosks of
    the same channel only (a museum may run more than one)."""
    where = f'{{channel="{_label(figures.channel)}"}}'
    lines = _metric(
        "kiosk_content_sequence",
        "gauge",
        "The channel sequence of the content installed from the channel (0: none yet).",
        figures.installed_sequence,
        where,
    )
    lines += _metric(
        "kiosk_channel_seen_sequence",
        "gauge",
        "The highest channel sequence this kiosk has seen that is in force (past not_before).",
        figures.seen_sequence,
        where,
    )
    lines += _metric(
        "kiosk_channel_failures",
        "gauge",
        "Channel checks failed in a row (0 after a good one).",
        figures.failures,
        where,
    )
    if figures.last_check is not None:
        lines += _metric(
            "kiosk_channel_last_check_timestamp_seconds",
            "gauge",
            "When the kiosk last checked its channel (Unix seconds).",
            f"{figures.last_check:.0f}",
            where,
        )
    if figures.last_ok is not None:
        lines += _metric(
            "kiosk_channel_last_check_success",
            "gauge",
            "The last channel check went well (1) or was refused or failed (0).",
            int(figures.last_ok),
            where,
        )
    if figures.last_result:
        lines += _metric(
            "kiosk_channel_last_result",
            "gauge",
            "The last channel check's result, as a label.",
            1,
            f'{{channel="{_label(figures.channel)}",result="{_label(figures.last_result)}"}}',
        )
    if figures.waiting_sequence is not None:
        lines += _metric(
            "kiosk_channel_waiting_sequence",
            "gauge",
            "A checked pack waiting for its not_before.",
            figures.waiting_sequence,
            where,
        )
        lines += _metric(
            "kiosk_channel_waiting_from_timestamp_seconds",
            "gauge",
            "The waiting pack's not_before (Unix seconds).",
            f"{figures.waiting_from or 0:.0f}",
            where,
        )
    return lines


def fallback_text(version: str) -> str:
    """What the fallback notice's process says: not running, the notice shown.  Nothing
    else: a start count or memory of 0 would read as a counter reset and a drop."""
    lines = [
        "# HELP kiosk_up The kiosk is running and its interface answers.",
        "# TYPE kiosk_up gauge",
        "kiosk_up 0",
        *_metric(
            "kiosk_fallback",
            "gauge",
            "The fallback notice is shown after repeated failures (1).",
            1,
        ),
        "# HELP kiosk_info Versions and the content shown.",
        "# TYPE kiosk_info gauge",
        f'kiosk_info{{version="{_label(version)}",content=""}} 1',
    ]
    return "\n".join(lines) + "\n"
