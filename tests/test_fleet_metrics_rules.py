"""The shipped alert rules and Grafana dashboard (packaging/prometheus/): promtool checks
the rules and runs their unit tests, and every metric they name is one the kiosk exports
(a renamed metric would otherwise leave an alert that never fires)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from kiosk.channel.state import ChannelState, Pending
from kiosk.ops.metrics import prometheus_text
from kiosk.ui.fleet_metrics import channel_figures

PACKAGING = Path(__file__).resolve().parents[1] / "packaging" / "prometheus"
# Named by the rules and the dashboard but made by Prometheus or the node exporter.
OUTSIDE = {"up", "node_systemd_unit_state"}
# Served over HTTP only: computed when the request is answered (kiosk.ui.metrics_server).
HTTP_ONLY = {"kiosk_metrics_age_seconds"}
FUNCTIONS = {
    "and", "or", "unless", "on", "ignoring", "by", "without", "group_left", "group_right",
    "max", "min", "sum", "count", "avg", "time", "increase", "deriv", "max_over_time",
    "changes", "rate", "offset", "bool",
}  # fmt: skip


def exported() -> set[str]:
    """Every metric name the kiosk can write, with every optional part present."""
    state = ChannelState(
        channel="c",
        installed_sequence=1,
        last_check="2027-01-20T12:00:00Z",
        last_result="installed",
        pending=Pending(2, "ab" * 32, "2027-01-21T00:00:00Z", "2.kioskpack"),
    )
    health = {"written_at": 1, "uptime_s": 1, "problems": [], "visits_last_hour": 1}
    text = prometheus_text(health, channel_figures("c", state, 0))
    names = {line.split()[2] for line in text.splitlines() if line.startswith("# TYPE ")}
    return names | HTTP_ONLY


def named(expression: str) -> set[str]:
    """Metric names in a PromQL expression: identifiers that are not functions, keywords,
    label names (inside braces or after by/on), durations or strings."""
    text = re.sub(r'"[^"]*"', '""', expression)
    text = re.sub(r"\{[^}]*\}", "", text)
    text = re.sub(r"\b(?:by|on|ignoring|without|group_left|group_right)\s*\([^)]*\)", "", text)
    text = re.sub(r"\[[^\]]*\]", "", text)
    words = set(re.findall(r"\b[a-zA-Z_:][a-zA-Z0-9_:]*\b", text))
    return {word for word in words if word not in FUNCTIONS and not word.startswith("$")}


def rules() -> list[dict[str, Any]]:
    document = yaml.safe_load((PACKAGING / "kiosk-rules.yml").read_text("utf-8"))
    return [rule for group in document["groups"] for rule in group["rules"]]


def dashboard_expressions() -> list[str]:
    dashboard = json.loads((PACKAGING / "grafana-fleet.json").read_text("utf-8"))
    return [t["expr"] for p in dashboard["panels"] for t in p.get("targets", [])]


def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("promtool is not installed; CI installs Debian's prometheus package")
        pytest.skip("promtool is not installed (Debian: apt-get install prometheus)")
    return found


def test_the_alerts_the_issue_asks_for() -> None:
    assert [rule["alert"] for rule in rules()] == [
        "KioskDown",
        "KioskBehindChannel",
        "KioskRestarting",
        "KioskOnFallback",
        "KioskMemoryGrowing",
        "KioskChannelErrors",
    ]
    behind = next(rule for rule in rules() if rule["alert"] == "KioskBehindChannel")
    assert behind["for"] == "1h"


def test_the_rules_name_only_metrics_the_kiosk_exports() -> None:
    for rule in rules():
        unknown = named(rule["expr"]) - exported() - OUTSIDE
        assert not unknown, f"{rule['alert']}: {sorted(unknown)}"


def test_the_dashboard_has_one_row_per_kiosk_and_names_only_exported_metrics() -> None:
    dashboard = json.loads((PACKAGING / "grafana-fleet.json").read_text("utf-8"))
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    assert "kiosk_up" in variables["instance"]["definition"]
    assert variables["instance"]["includeAll"] and variables["instance"]["multi"]
    rows = [panel for panel in dashboard["panels"] if panel["type"] == "row"]
    assert [row.get("repeat") for row in rows] == ["instance"]
    titles = {panel["title"] for panel in dashboard["panels"] if panel["type"] != "row"}
    assert titles == {
        "Up",
        "Content vs channel",
        "Last channel check",
        "Memory",
        "Restarts (24 h)",
        "Visits per hour",
    }
    ids = [panel["id"] for panel in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    expressions = dashboard_expressions()
    for expression in expressions:
        assert 'instance="$instance"' in expression, expression  # each row shows one kiosk
        unknown = named(expression) - exported() - OUTSIDE
        assert not unknown, f"{expression}: {sorted(unknown)}"
    everything = set().union(*(named(e) for e in expressions))
    assert {"kiosk_up", "kiosk_content_sequence", "kiosk_channel_seen_sequence"} <= everything
    assert {"kiosk_memory_bytes", "kiosk_starts_total", "kiosk_visits_last_hour"} <= everything


def test_the_name_finder_finds_a_misspelt_metric() -> None:
    assert named('max by (channel) (kiosk_contnet_sequence{instance="$instance"}[1h])') == {
        "kiosk_contnet_sequence"
    }


def test_promtool_checks_the_rules_and_runs_their_unit_tests() -> None:
    tool = promtool()
    for command in (
        [tool, "check", "rules", "kiosk-rules.yml"],
        [tool, "test", "rules", "kiosk-rules.test.yml"],
    ):
        done = subprocess.run(
            command, cwd=PACKAGING, check=False, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stdout + done.stderr
