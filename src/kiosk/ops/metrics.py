"""Prometheus text metrics from the health report, so a museum's Prometheus and Grafana can
watch a fleet of kiosks."""

from __future__ import annotations

from collections.abc import Mapping


def _label(value: object) -> str:
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def prometheus_text(health: Mapping[str, object]) -> str:
    """The exposition format (text 0.0.4) for one kiosk's health."""
    memory = float(str(health.get("memory_mib") or 0)) * 1024 * 1024
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
    return "\n".join(lines) + "\n"
