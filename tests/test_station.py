"""Station configuration and the staff PIN: validated, forgiving, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.security import PinGate, hash_pin, is_pin_hash, pin_problem, verify_pin
from kiosk.staff_cli import set_pin
from kiosk.station import load_station_config
from kiosk.station_config import StationConfig


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_safe_defaults(tmp_path: Path) -> None:
    config, issues = load_station_config(tmp_path / "missing.yaml", environ={})
    assert issues == []
    assert config.screen is None and config.cursor == "hidden"
    assert config.staff.pin_hash is None and config.staff.taps == 4
    assert config.watched_folders == () and config.analytics is True


def test_a_full_file_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "station.yaml",
        "screen: 1\ncursor: visible\nidle_timeout_seconds: 60\nlanguages: [az, en]\n"
        "staff:\n  corner: top-left\n  taps: 5\n  hold_seconds: 1.5\n"
        "watched_folders: [/media/usb]\ntrusted_keys: [~/museum.pub]\nanalytics: false\n"
        "opening_hours:\n  daily: 09:00-18:00\n  monday: closed\n",
    )
    config, issues = load_station_config(path, environ={})
    assert issues == []
    assert (config.screen, config.cursor, config.idle_timeout_s) == (1, "visible", 60.0)
    assert config.languages == ("az", "en")
    assert (config.staff.corner, config.staff.taps, config.staff.hold_seconds) == (
        "top-left",
        5,
        1.5,
    )
    assert config.watched_folders == (Path("/media/usb"),)
    assert config.trusted_keys == (Path("~/museum.pub").expanduser(),)
    assert config.analytics is False
    assert config.opening_hours == {"daily": "09:00-18:00", "monday": "closed"}


def test_a_bad_section_falls_back_and_is_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path / "station.yaml",
        "screen: second\ncursor: visible\nstaff:\n  pin_hash: scrypt$1$2$3$YQ==$Yg==\n"
        "  taps: lots\nopening_hours:\n  daily: 9 to 5\nwatched_foldrs: [/media]\n",
    )
    config, issues = load_station_config(path, environ={})
    assert config.screen is None  # default kept
    assert config.cursor == "visible"  # the good sections still apply
    assert config.staff == StationConfig().staff  # the whole staff section falls back
    assert [str(issue) for issue in issues] == [
        f"{path}:1:9: error: expected a whole number, found 'second'",
        f"{path}:5:9: error: expected a whole number, found 'lots'",
        f"{path}:7:10: error: expected something like 09:00-18:00 or closed; found '9 to 5'",
        f"{path}:8:1: error: unknown key 'watched_foldrs'; did you mean 'watched_folders'?",
    ]


def test_broken_yaml_gives_defaults_and_a_message(tmp_path: Path) -> None:
    path = write(tmp_path / "station.yaml", "screen: [1\n")
    config, issues = load_station_config(path, environ={})
    assert config.screen is None
    assert str(issues[0]).startswith(f"{path}:")  # where the YAML breaks, named
    assert ": error: " in str(issues[0])


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "station.yaml", "screen: 1\nanalytics: true\n")
    environ = {
        "KIOSK_SCREEN": "2",
        "KIOSK_ANALYTICS": "false",
        "KIOSK_WATCHED_FOLDERS": "/media/a:/media/b",
        "KIOSK_LANGUAGES": "en,ru",
        "KIOSK_CURSOR": "sideways",
    }
    config, issues = load_station_config(path, environ=environ)
    assert (config.screen, config.analytics) == (2, False)
    assert config.watched_folders == (Path("/media/a"), Path("/media/b"))
    assert config.languages == ("en", "ru")
    assert [str(issue) for issue in issues] == [
        "$KIOSK_CURSOR:1:1: error: expected one of hidden, visible; found 'sideways'"
    ]


def test_config_file_from_the_environment(tmp_path: Path) -> None:
    path = write(tmp_path / "elsewhere.yaml", "screen: 3\n")
    config, _ = load_station_config(environ={"KIOSK_CONFIG": str(path)})
    assert config.screen == 3 and config.path == path


def test_pins_are_stored_only_as_salted_hashes() -> None:
    stored = hash_pin("2468")
    assert is_pin_hash(stored) and "2468" not in stored
    assert hash_pin("2468") != stored  # a fresh salt each time
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("2468", "scrypt$bad")
    assert pin_problem("12a4") and pin_problem("123") and pin_problem("1234") is None


def test_wrong_pins_lock_entry_for_a_growing_time() -> None:
    now = [1000.0]
    gate = PinGate(hash_pin("2468"), clock=lambda: now[0])
    for _ in range(4):
        assert not gate.attempt("0000")
    assert gate.seconds_locked() == 0
    assert not gate.attempt("0000")  # the fifth wrong PIN
    assert gate.seconds_locked() == pytest.approx(30)
    assert not gate.attempt("2468")  # even the right PIN waits
    now[0] += 30
    assert not gate.attempt("1111")
    assert gate.seconds_locked() == pytest.approx(60)  # twice as long
    now[0] += 60
    assert gate.attempt("2468")
    assert gate.failures == 0


def test_no_pin_means_no_entry_from_the_screen() -> None:
    gate = PinGate(None, clock=lambda: 0.0)
    assert not gate.has_pin and not gate.attempt("0000")


def test_set_pin_writes_only_a_hash_and_keeps_the_rest(tmp_path: Path) -> None:
    path = write(tmp_path / "station.yaml", "# our kiosk\nscreen: 1\nstaff:\n  taps: 5\n")
    answers = iter(["8642", "8642"])
    assert set_pin(path, ask=lambda _prompt: next(answers)) == 0
    text = path.read_text(encoding="utf-8")
    assert "8642" not in text and text.startswith("# our kiosk\nscreen: 1\nstaff:\n  pin_hash: ")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    config, issues = load_station_config(path, environ={})
    assert issues == [] and config.staff.taps == 5 and config.screen == 1
    assert verify_pin("8642", config.staff.pin_hash or "")
    answers = iter(["1357", "1357"])  # a forgotten PIN is replaced
    assert set_pin(path, ask=lambda _prompt: next(answers)) == 0
    config, _ = load_station_config(path, environ={})
    assert verify_pin("1357", config.staff.pin_hash or "")
    assert path.read_text(encoding="utf-8").count("pin_hash") == 1


@pytest.mark.parametrize(("first", "second"), [("12", "12"), ("1234", "4321")])
def test_set_pin_refuses_bad_or_mismatched_pins(tmp_path: Path, first: str, second: str) -> None:
    path = tmp_path / "station.yaml"
    answers = iter([first, second])
    assert set_pin(path, ask=lambda _prompt: next(answers)) == 1
    assert not path.exists()


def test_rotation_is_read_as_degrees(tmp_path: Path) -> None:
    config, issues = load_station_config(write(tmp_path / "s.yaml", "rotation: 270\n"), environ={})
    assert (config.rotation, issues) == (270, [])
    config, issues = load_station_config(environ={"KIOSK_ROTATION": "45"})
    assert config.rotation == 0
    assert "expected one of 0, 90, 180, 270; found '45'" in str(issues[0])


def test_a_fleet_names_where_metrics_go(tmp_path: Path) -> None:
    path = write(
        tmp_path / "station.yaml",
        "metrics_port: 9108\nmetrics_address: 192.168.10.20\n"
        "metrics_textfile: /var/lib/prometheus/node-exporter/kiosk.prom\n",
    )
    config, issues = load_station_config(path, environ={})
    assert issues == []
    assert config.metrics_address == "192.168.10.20"
    assert config.metrics_textfile == Path("/var/lib/prometheus/node-exporter/kiosk.prom")


def test_a_mistaken_metrics_address_keeps_the_loopback(tmp_path: Path) -> None:
    path = write(tmp_path / "station.yaml", "metrics_port: 9108\nmetrics_address: every-lan\n")
    config, issues = load_station_config(path, environ={})
    assert config.metrics_address == "127.0.0.1"
    assert [(issue.location.line, issue.location.column) for issue in issues] == [(2, 18)]
