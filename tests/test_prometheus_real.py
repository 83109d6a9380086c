"""A real Prometheus (Debian's ``prometheus``, installed by scripts/ci-prometheus.sh)
scrapes two kiosks' metrics endpoints and, through Debian's ``prometheus-node-exporter``, a
third kiosk's textfile, all on 127.0.0.1, with the shipped alert rules: the kiosks are up
with their content sequence, the "behind the channel" alert fires for the kiosk held back
(its channel server unreachable) and for no other, and every query of the Grafana
dashboard is one Prometheus accepts and answers for each kiosk.

The kiosks are the kiosk's own metrics server (``kiosk.ui.metrics_server``), health writer
(``kiosk.ui.health_writer``) and health report in processes of their own, each with its own
data folder and channel state; only the alert's ``for:`` is shortened, and the scrape and
evaluation intervals.  Skipped when ``prometheus`` is not installed (the textfile part
without the node exporter), except in CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import pytest
import yaml

from kiosk.channel.state import ChannelState, save_state

PACKAGING = Path(__file__).resolve().parents[1] / "packaging" / "prometheus"
CHANNEL = "https://content.example/memorial/"
BOUND_S = 90.0  # a hang guard for each wait, not a speed test
T = TypeVar("T")

# One kiosk's metrics, served as the kiosk serves them: its health report, its channel
# state (KIOSK_DATA_DIR/channel/state.json) and its channel setting (KIOSK_CHANNEL).
KIOSK = """
import sys, time
from PySide6.QtCore import QCoreApplication
from kiosk.ops.health import LastError, report
from kiosk.ui.metrics_server import MetricsServer
app = QCoreApplication([])
started, last_error = time.monotonic(), LastError()
health = lambda: report(started=started, content_version=sys.argv[1], starts=1, visits=3,
                        last_error=last_error, versions={})
if len(sys.argv) > 2:  # the node exporter's textfile instead of an endpoint
    from pathlib import Path
    from kiosk.ui.health_writer import HealthWriter
    writer = HealthWriter(Path(sys.argv[2]).with_name("health.json"), health,
                          textfile=Path(sys.argv[2]))
    writer.start()
    print(0, flush=True)
else:
    server = MetricsServer(health)
    assert server.listen(0)
    print(server.port, flush=True)
sys.exit(app.exec())
"""


def require(binary: str, optional: bool = False) -> str | None:
    found = shutil.which(binary)
    if found is None and optional and os.environ.get("CI") != "true":
        return None  # locally the test runs without that part
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{binary} is not installed; CI installs Debian's prometheus package")
        pytest.skip(f"{binary} is not installed (Debian: apt-get install prometheus)")
    return found


def wait_for(what: str, probe: Callable[[], T | None], interval: float = 0.25) -> T:
    """Ask ``probe`` until it returns something, within BOUND_S.  Prometheus offers no
    notification to wait on: a real outside process is polled, each call a short blocking
    HTTP request, between them a short wait on an event nobody sets."""
    deadline = time.monotonic() + BOUND_S
    pause = threading.Event()
    last: object = None
    while time.monotonic() < deadline:
        try:
            answer = probe()
        except OSError as error:  # not listening yet
            answer, last = None, error
        if answer is not None:
            return answer
        pause.wait(interval)
    raise AssertionError(f"waited {BOUND_S:.0f} s for {what}; last: {last!r}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def api(port: int, path: str, **query: str) -> dict[str, Any]:
    url = f"http://127.0.0.1:{port}{path}"
    if query:
        url += "?" + urllib.parse.urlencode(query)
    with urllib.request.urlopen(url, timeout=5) as answer:
        document = json.loads(answer.read())
    assert document["status"] == "success", document
    result: dict[str, Any] = document["data"]
    return result


def by_instance(port: int, expression: str) -> dict[str, float]:
    return {
        sample["metric"]["instance"]: float(sample["value"][1])
        for sample in api(port, "/api/v1/query", query=expression)["result"]
    }


def start_kiosk(
    folder: Path, content: str, state: ChannelState, textfile: Path | None = None
) -> tuple[subprocess.Popen[str], int]:
    save_state(state, folder / "data" / "channel" / "state.json")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KIOSK_DATA_DIR=str(folder / "data"),
        KIOSK_CONFIG=str(folder / "station.yaml"),  # absent: the defaults
        KIOSK_CHANNEL=CHANNEL,
    )
    env.pop("KIOSK_METRICS_ADDRESS", None)
    env.pop("KIOSK_METRICS_TEXTFILE", None)
    command = [sys.executable, "-c", KIOSK, content, *([str(textfile)] if textfile else [])]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    return process, int(process.stdout.readline())


def test_rules_with_short_waits(tmp_path: Path) -> None:
    """The rules file loaded by the test is the shipped one, only faster."""
    rules = fast_rules(tmp_path)
    shipped = yaml.safe_load((PACKAGING / "kiosk-rules.yml").read_text("utf-8"))
    fast = yaml.safe_load(rules.read_text("utf-8"))
    names = [rule["alert"] for rule in shipped["groups"][0]["rules"]]
    assert names == [rule["alert"] for rule in fast["groups"][0]["rules"]]
    assert [r["expr"] for r in shipped["groups"][0]["rules"]] == [
        r["expr"] for r in fast["groups"][0]["rules"]
    ]


def fast_rules(folder: Path) -> Path:
    document = yaml.safe_load((PACKAGING / "kiosk-rules.yml").read_text("utf-8"))
    for group in document["groups"]:
        group["interval"] = "1s"
        for rule in group["rules"]:
            if "for" in rule:
                rule["for"] = "2s"
    path = folder / "kiosk-rules.yml"
    path.write_text(yaml.safe_dump(document), "utf-8")
    return path


class Fleet(NamedTuple):
    port: int  # Prometheus's
    current: str  # the instances: up to date, held back, up to date through a textfile
    held: str
    textfile: str | None  # None: no node exporter here (never in CI)


@pytest.fixture
def fleet(tmp_path: Path) -> Iterator[Fleet]:
    """Two kiosks serving metrics, a third writing the node exporter's textfile when
    ``prometheus-node-exporter`` is installed, and a Prometheus scraping them."""
    prometheus = require("prometheus")
    assert prometheus is not None  # required: found, or the test skipped or failed
    exporter = require("prometheus-node-exporter", optional=True)
    processes: list[subprocess.Popen[str]] = []
    log = (tmp_path / "prometheus.log").open("w")
    try:
        now = "2026-12-06T07:00:00Z"
        current, current_port = start_kiosk(
            tmp_path / "hall",
            "memorial-2",
            ChannelState(
                channel=CHANNEL,
                installed_sequence=2,
                installed_version="memorial-2",
                last_check=now,
                last_result="installed",
                last_success=now,
            ),
        )
        processes.append(current)
        held, held_port = start_kiosk(
            tmp_path / "stairs",
            "memorial-1",
            ChannelState(
                channel=CHANNEL,
                installed_sequence=1,
                installed_version="memorial-1",
                last_check=now,
                last_result="unreachable",
                last_error="https://content.example/memorial/channel.json: connection refused",
                failures=3,
            ),
        )
        processes.append(held)
        textfile = None
        if exporter is not None:
            folder = tmp_path / "node-exporter"
            folder.mkdir()
            crypt, _ = start_kiosk(
                tmp_path / "crypt",
                "memorial-2",
                ChannelState(
                    channel=CHANNEL, installed_sequence=2, last_check=now, last_result="up-to-date"
                ),
                textfile=folder / "kiosk.prom",
            )
            processes.append(crypt)
            textfile = f"127.0.0.1:{free_port()}"
            processes.append(
                subprocess.Popen(
                    [
                        exporter,
                        "--collector.disable-defaults",
                        "--collector.textfile",
                        f"--collector.textfile.directory={folder}",
                        f"--web.listen-address={textfile}",
                        "--log.level=warn",
                    ],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    text=True,
                )
            )
        port = free_port()
        config = tmp_path / "prometheus.yml"
        settings = yaml.safe_load((PACKAGING / "prometheus-ci.yml").read_text("utf-8"))
        settings["rule_files"] = [str(fast_rules(tmp_path))]
        kiosks, node = settings["scrape_configs"]
        kiosks["static_configs"] = [
            {"targets": [f"127.0.0.1:{current_port}", f"127.0.0.1:{held_port}"]}
        ]
        node["static_configs"] = [{"targets": [textfile] if textfile else []}]
        config.write_text(yaml.safe_dump(settings), "utf-8")
        processes.append(
            subprocess.Popen(
                [
                    prometheus,
                    f"--config.file={config}",
                    f"--storage.tsdb.path={tmp_path / 'tsdb'}",
                    f"--web.listen-address=127.0.0.1:{port}",
                    "--log.level=warn",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                text=True,
            )
        )
        yield Fleet(port, f"127.0.0.1:{current_port}", f"127.0.0.1:{held_port}", textfile)
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
        log.close()


def test_prometheus_sees_the_fleet_and_the_kiosk_behind(fleet: Fleet) -> None:
    port, current, held, textfile = fleet
    ours = {textfile: 1.0} if textfile else {}  # the textfile kiosk, through the exporter

    def both(expression: str, expected: dict[str, float]) -> Callable[[], dict[str, float] | None]:
        def probe() -> dict[str, float] | None:
            seen = by_instance(port, expression)
            return seen if seen == expected else None

        return probe

    wait_for("the kiosks up", both("up", {current: 1.0, held: 1.0, **ours}))
    wait_for("kiosk_up 1 from each", both("kiosk_up", {current: 1.0, held: 1.0, **ours}))
    wait_for(
        "the content sequences",
        both("kiosk_content_sequence", {current: 2.0, held: 1.0, **{t: 2.0 for t in ours}}),
    )
    failures = {current: 0.0, held: 3.0, **{t: 0.0 for t in ours}}
    assert by_instance(port, "kiosk_channel_failures") == failures
    info = api(port, "/api/v1/query", query="kiosk_info")["result"]
    assert {s["metric"]["instance"]: s["metric"]["content"] for s in info} == {
        current: "memorial-2",
        held: "memorial-1",
        **{t: "memorial-2" for t in ours},
    }

    def behind_alert() -> list[dict[str, Any]] | None:
        alerts = api(port, "/api/v1/alerts")["alerts"]
        found = [a for a in alerts if a["labels"]["alertname"] == "KioskBehindChannel"]
        return found if any(a["state"] == "firing" for a in found) else None

    firing = wait_for("KioskBehindChannel to fire", behind_alert)
    assert [(a["labels"]["instance"], a["labels"]["channel"], a["state"]) for a in firing] == [
        (held, CHANNEL, "firing")
    ]
    down = [
        a
        for a in api(port, "/api/v1/alerts")["alerts"]
        if a["labels"]["alertname"] in {"KioskDown", "KioskOnFallback", "KioskRestarting"}
    ]
    assert down == []

    # Every query of the dashboard, for each kiosk, is accepted and answered.
    dashboard = json.loads((PACKAGING / "grafana-fleet.json").read_text("utf-8"))
    expressions = [
        target["expr"] for panel in dashboard["panels"] for target in panel.get("targets", [])
    ]
    assert expressions
    for instance in (current, held, *ours):
        for expression in expressions:
            query = expression.replace("$instance", instance)
            result = api(port, "/api/v1/query", query=query)["result"]
            assert result, f"no answer for {instance}: {query}"
