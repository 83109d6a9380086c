"""A kiosk left alone: READY to systemd once the exhibit shows, a health report on disk,
and logs with a size cap and crash traces."""

from __future__ import annotations

import faulthandler
import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from disks import full_folder, read_only_folder
from kiosk.logs import BACKUPS, MAX_BYTES, configure_logging
from kiosk.ops.health import LastError, count_start, report
from kiosk.ui.health_writer import altered_versions


def test_a_running_kiosk_reports_ready_and_writes_its_health(tmp_path: Path) -> None:
    address = str(tmp_path / "notify.sock")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        NOTIFY_SOCKET=address,
        WATCHDOG_USEC="2000000",
        KIOSK_DATA_DIR=str(tmp_path / "data"),
        KIOSK_LOG_DIR=str(tmp_path / "logs"),
    )
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(address)
        sock.settimeout(60)
        kiosk = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--windowed"], env=env, stderr=subprocess.DEVNULL
        )
        try:
            assert sock.recv(64) == b"READY=1"
            assert sock.recv(64) == b"WATCHDOG=1"
            health = json.loads((tmp_path / "data" / "health.json").read_text(encoding="utf-8"))
        finally:
            kiosk.kill()
            kiosk.wait()
    assert "screen" not in health  # what a visitor looks at now is nobody's business
    assert health["content_version"] == "factory"
    assert health["starts"] == 1 and health["memory_mib"] > 10
    assert set(health["versions"]) == {"qt", "pyside6"}
    assert (tmp_path / "logs" / "kiosk.log").is_file()
    assert (tmp_path / "logs" / "crash.log").is_file()


def test_starts_are_counted(tmp_path: Path) -> None:
    assert [count_start(tmp_path) for _ in range(3)] == [1, 2, 3]


def test_the_last_error_is_remembered() -> None:
    remembered = LastError()
    log = logging.getLogger("kiosk.test")
    log.addHandler(remembered)
    try:
        log.warning("only a warning")
        assert remembered.message is None
        log.error("the image decoder failed on %s", "a.png")
        assert remembered.message == "kiosk.test: the image decoder failed on a.png"
        document = report(
            started=0.0,
            content_version="factory",
            starts=2,
            last_error=remembered,
            versions={},
        )
        assert document["last_error"] == remembered.message
    finally:
        log.removeHandler(remembered)


@pytest.fixture
def clean_logging():  # type: ignore[no-untyped-def]
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    faulthandler.disable()


def test_logs_rotate_under_a_size_cap(tmp_path: Path, monkeypatch, clean_logging) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path))
    files = configure_logging(to_files=True)
    assert files is not None and faulthandler.is_enabled()
    log = logging.getLogger("kiosk.soak")
    line = "x" * 1000
    for _ in range(MAX_BYTES * (BACKUPS + 3) // 1000):
        log.info(line)
    logs = sorted(tmp_path.glob("kiosk.log*"))
    assert len(logs) == BACKUPS + 1
    assert sum(path.stat().st_size for path in logs) <= MAX_BYTES * (BACKUPS + 1) + 2000
    files.crash.close()


def test_crash_log_is_rotated_like_the_log(tmp_path: Path, monkeypatch, clean_logging) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path))
    # Each start after a crash (systemd restarts the kiosk) may find a crash.log over the cap.
    for start in range(BACKUPS + 3):
        (tmp_path / "crash.log").write_text(f"{start}\n" + "x" * MAX_BYTES, encoding="utf-8")
        files = configure_logging(to_files=True)
        assert files is not None
        files.crash.close()
        faulthandler.disable()
    crashes = sorted(tmp_path.glob("crash.log*"))
    assert len(crashes) == BACKUPS + 1
    assert (tmp_path / "crash.log").stat().st_size == 0  # this run's, fresh
    assert (tmp_path / "crash.log.1").read_text(encoding="utf-8").startswith(f"{BACKUPS + 2}\n")
    assert sum(path.stat().st_size for path in crashes) <= (MAX_BYTES + 10) * (BACKUPS + 1)


def test_visits_are_reported_as_the_last_complete_hours_total(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta  # noqa: PLC0415

    from kiosk.analytics.store import AnalyticsStore  # noqa: PLC0415
    from kiosk.ops.health import visits_last_hour  # noqa: PLC0415
    from kiosk.ops.metrics import prometheus_text  # noqa: PLC0415

    now = [datetime(2026, 3, 2, 9, 40, tzinfo=UTC)]
    with AnalyticsStore(tmp_path / "analytics.sqlite3", lambda: now[0]) as store:
        for _ in range(3):
            store.count("visit")
        # Still 09:xx: the hour is not over, so nothing of it shows (a live count would
        # give away each visit as it happens).
        assert visits_last_hour(store, now[0]) == 0
        now[0] += timedelta(minutes=30)  # 10:10
        store.count("visit")
        assert visits_last_hour(store, now[0]) == 3
        text = prometheus_text({"visits_last_hour": 3})
    assert visits_last_hour(None, now[0]) is None  # analytics off: nothing to say
    assert "kiosk_visits_last_hour 3\n" in text
    assert "kiosk_visits_last_hour" not in prometheus_text({"visits_last_hour": None})


def _report(**kwargs) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return report(
        started=0.0,
        content_version="factory",
        starts=1,
        last_error=LastError(),
        versions={},
        **kwargs,
    )


def test_a_read_only_data_and_log_disk_is_named_as_a_problem(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with read_only_folder(tmp_path) as folder:
        monkeypatch.setenv("KIOSK_DATA_DIR", str(folder / "data"))
        monkeypatch.setenv("KIOSK_LOG_DIR", str(folder / "logs"))
        problems = _report()["problems"]
    assert any("data folder" in p and "visit counts" in p for p in problems), problems
    assert any("log folder" in p and "journal" in p for p in problems), problems


def test_a_full_data_disk_is_named_as_a_problem(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path / "logs"))
    with full_folder(tmp_path) as folder:
        monkeypatch.setenv("KIOSK_DATA_DIR", str(folder))
        problems = _report()["problems"]
    assert len(problems) == 1 and "the disk is full" in problems[0], problems


def test_a_sound_station_has_no_problems(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path / "logs"))
    assert _report(problems=altered_versions(tmp_path / "data" / "content-store"))["problems"] == []


def test_an_altered_store_version_is_named_as_a_problem(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path / "logs"))
    repo = Path(__file__).resolve().parents[1]
    pack = tmp_path / "exhibit.kioskpack"
    kiosk = [sys.executable, "-m", "kiosk", "pack"]
    subprocess.run([*kiosk, "build", str(repo / "content"), "-o", str(pack)], check=True)
    subprocess.run([*kiosk, "install", str(pack)], check=True, capture_output=True)
    store = tmp_path / "data" / "content-store"
    (version,) = (store / "versions").iterdir()
    with (version / "content" / "exhibit.yaml").open("a", encoding="utf-8") as edited:
        edited.write("# edited by hand\n")
    problems = _report(problems=altered_versions(store))["problems"]
    assert len(problems) == 1, problems
    assert version.name in problems[0] and "changed since it was installed" in problems[0]
    assert "exhibit.yaml" in problems[0]


def test_visit_counts_turned_off_are_named_as_a_problem(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path / "logs"))
    remembered = LastError()
    log = logging.getLogger("kiosk.analytics.recorder")
    log.addHandler(remembered)
    try:
        log.warning("analytics: off for this run: %s", "database disk image is malformed")
    finally:
        log.removeHandler(remembered)
    document = report(
        started=0.0, content_version="factory", starts=1, last_error=remembered, versions={}
    )
    assert document["last_error"] is None  # a warning, not an error
    assert document["problems"] == [
        "Visit counts are off for this run: database disk image is malformed."
    ]
