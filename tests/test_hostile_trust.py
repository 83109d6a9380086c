"""Trust fails closed: a station that configured trust, or whose configuration cannot be read
with certainty, never installs an unsigned pack; ``kiosk pack trust`` manages the keys."""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kiosk.packs.build import build_pack
from kiosk.packs.store import active_content_dir
from kiosk.station import load_station_config
from test_packs_support import content_copy, pack_cli, tree_hashes


@pytest.fixture(scope="module")
def unsigned_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("trust-pack")
    out = root / "unsigned.zip"
    build_pack(content_copy(root / "content", variant="trust"), out)
    return out


@pytest.fixture(scope="module")
def keypair(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prefix = tmp_path_factory.mktemp("trust-keys") / "staff"
    assert pack_cli("keygen", "--out", prefix) == 0
    return prefix


def snapshot(data_dir: Path) -> dict[str, str]:
    return tree_hashes(data_dir) if data_dir.is_dir() else {}


# Each is a station.yaml naming a trusted key, plus one mistake somewhere else in the file.
BROKEN_FILES = {
    "duplicate-key": "trusted_keys: [{key}]\ncursor: hidden\ncursor: visible\n",
    "tab": "trusted_keys: [{key}]\ncursor:\thidden\n\tscreen: 1\n",
    "unclosed-bracket": "trusted_keys: [{key}\ncursor: hidden\n",
    "single-value": "trusted_keys: {key}\n",
    "bad-item": "trusted_keys: [{key}, [nested]]\n",
}


@pytest.mark.parametrize("case", sorted(BROKEN_FILES))
def test_a_broken_configuration_with_trust_refuses_unsigned_packs(
    case: str,
    tmp_path: Path,
    data_dir: Path,
    unsigned_pack: Path,
    keypair: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "station.yaml"
    config.write_text(BROKEN_FILES[case].format(key=f"{keypair}.pub"), encoding="utf-8")
    before = snapshot(data_dir)
    capsys.readouterr()

    assert pack_cli("install", unsigned_pack) == 1
    err = capsys.readouterr().err
    assert re.search(re.escape(str(config)) + r":\d+:\d+", err), err
    assert "signatures are required" in err
    assert active_content_dir() is None
    assert snapshot(data_dir) == before


def test_a_non_utf8_byte_refuses_unsigned_packs(
    tmp_path: Path, unsigned_pack: Path, keypair: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "station.yaml"
    config.write_bytes(f"trusted_keys: [{keypair}.pub]\ncursor: hid\xffden\n".encode("latin-1"))
    capsys.readouterr()
    assert pack_cli("install", unsigned_pack) == 1
    err = capsys.readouterr().err
    assert f"{config}:" in err
    assert active_content_dir() is None


def test_a_configuration_that_is_a_folder_refuses_unsigned_packs(
    tmp_path: Path, unsigned_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "station.yaml").mkdir()
    capsys.readouterr()
    assert pack_cli("install", unsigned_pack) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'station.yaml'}:1:1" in err
    assert "not a regular file" in err
    assert active_content_dir() is None


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file modes")
def test_an_unreadable_configuration_refuses_unsigned_packs(
    tmp_path: Path, unsigned_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "station.yaml"
    config.write_text("cursor: hidden\n", encoding="utf-8")
    config.chmod(0)
    capsys.readouterr()
    assert pack_cli("install", unsigned_pack) == 1
    err = capsys.readouterr().err
    assert str(config) in err and "cannot be read" in err
    assert active_content_dir() is None


@pytest.mark.parametrize("value", ["", os.pathsep, f"{os.pathsep}{os.pathsep}"])
def test_an_empty_trust_override_refuses_unsigned_packs(
    value: str,
    tmp_path: Path,
    unsigned_pack: Path,
    keypair: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "station.yaml").write_text(f"trusted_keys: [{keypair}.pub]\n", "utf-8")
    monkeypatch.setenv("KIOSK_TRUSTED_KEYS", value)
    capsys.readouterr()
    assert pack_cli("install", unsigned_pack) == 1
    err = capsys.readouterr().err
    assert "$KIOSK_TRUSTED_KEYS" in err
    assert active_content_dir() is None


def test_verify_with_station_trust_names_the_problem_too(
    tmp_path: Path, unsigned_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "station.yaml").write_text("trusted_keys: [\n", encoding="utf-8")
    capsys.readouterr()
    assert pack_cli("verify", unsigned_pack) == 1
    assert f"{tmp_path / 'station.yaml'}:" in capsys.readouterr().err


def test_a_harmless_mistake_without_trust_still_installs(
    tmp_path: Path, unsigned_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad harmless section falls back alone; the station trusts nothing, so unsigned
    packs install as before."""
    (tmp_path / "station.yaml").write_text("cursor: sometimes\nscreen: 1\n", "utf-8")
    assert pack_cli("install", unsigned_pack) == 0
    assert active_content_dir() is not None


def test_security_sections_never_fall_back_quietly(tmp_path: Path) -> None:
    config = tmp_path / "station.yaml"
    config.write_text("cursor: visible\nmetrics_port: 80\nwatched_folders: /media\n", "utf-8")
    loaded, issues = load_station_config(config, environ={})
    assert loaded.cursor == "visible"
    # Off, not half-read, and reported; the file's trust itself is certain (none).
    assert loaded.metrics_port is None and loaded.watched_folders == ()
    assert any(":2:" in str(issue) for issue in issues)
    assert not loaded.trust_problems


def test_an_unreadable_file_keeps_harmless_defaults_and_refuses_security(tmp_path: Path) -> None:
    config = tmp_path / "station.yaml"
    config.write_text("trusted_keys: [a.pub]\nwatched_folders: [/media]\nmetrics_port: 9100\n\t")
    loaded, issues = load_station_config(config, environ={})
    assert loaded.trusted_keys == () and loaded.watched_folders == ()
    assert loaded.metrics_port is None
    assert loaded.trust_problems
    assert any("security settings are refused" in issue.message for issue in issues)


# --- kiosk pack trust ------------------------------------------------------------------


def test_trust_adds_lists_and_removes_a_key(
    data_dir: Path,
    unsigned_pack: Path,
    keypair: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    capsys.readouterr()
    assert pack_cli("trust", f"{keypair}.pub") == 0
    out = capsys.readouterr().out
    fingerprint = re.search(r"\b([0-9a-f]{16})\b", out)
    assert fingerprint, out
    folder = data_dir / "trusted-keys"
    assert [path.name for path in folder.iterdir()] == [f"{fingerprint.group(1)}.pub"]

    assert pack_cli("trust", "--list") == 0
    assert fingerprint.group(1) in capsys.readouterr().out
    # Now signatures are required.
    assert pack_cli("install", unsigned_pack) == 1
    assert "not signed" in capsys.readouterr().err

    assert pack_cli("trust", "--remove", fingerprint.group(1)) == 0
    assert list(folder.iterdir()) == []
    assert pack_cli("trust", "--remove", fingerprint.group(1)) == 1
    assert "not trusted" in capsys.readouterr().err


def test_trust_refuses_a_private_key_and_rubbish(
    tmp_path: Path, data_dir: Path, keypair: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert pack_cli("trust", f"{keypair}.key") == 1
    (tmp_path / "rubbish.pub").write_text("hello", "utf-8")
    assert pack_cli("trust", tmp_path / "rubbish.pub") == 1
    assert not (data_dir / "trusted-keys").exists() or not any(
        (data_dir / "trusted-keys").iterdir()
    )
    assert "not a PEM public key" in capsys.readouterr().err


def test_trust_list_names_configured_keys_and_problems(
    tmp_path: Path, keypair: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "station.yaml").write_text(f"trusted_keys: [{keypair}.pub]\n", "utf-8")
    capsys.readouterr()
    assert pack_cli("trust", "--list") == 0
    out = capsys.readouterr().out
    assert f"{keypair}.pub" in out


def test_trust_list_never_says_unsigned_packs_are_accepted_when_install_refuses(
    tmp_path: Path, unsigned_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty station file (cut short by a full disk?) leaves trust uncertain: the list
    must say every pack is refused, as install does, not that unsigned packs pass."""
    (tmp_path / "station.yaml").write_text("", "utf-8")
    assert pack_cli("install", unsigned_pack) != 0
    capsys.readouterr()
    assert pack_cli("trust", "--list") == 0
    out = capsys.readouterr().out
    assert "unsigned packs are accepted" not in out
    assert "every pack is refused" in out
    assert "station.yaml:1:1: error: the file is empty" in out


def test_a_configuration_the_account_may_not_read_is_named_with_its_owner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the kiosk's account sees /etc/kiosk/station.yaml in a folder only root may enter:
    a clear message naming the file, who asked and who owns it; never a traceback."""
    config = tmp_path / "locked" / "station.yaml"
    config.parent.mkdir()
    config.write_text("trusted_keys: [a.pub]\n", encoding="utf-8")
    real_stat = Path.stat

    def stat(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self == config:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", stat)
    loaded, issues = load_station_config(config, environ={})
    text = "\n".join(str(issue) for issue in issues)
    assert f"{config}:1:1: error: cannot be read by the account" in text
    assert f"{config.parent} belongs to '" in text
    assert "security settings are refused" in text
    assert loaded.trusted_keys == () and loaded.trust_problems


def test_an_unknown_key_makes_trust_uncertain_unless_plainly_harmless(tmp_path: Path) -> None:
    config = tmp_path / "station.yaml"
    config.write_text("trusted_key: [a.pub]\n", encoding="utf-8")
    assert load_station_config(config, environ={})[0].trust_problems
    config.write_text("signing: [a.pub]\n", encoding="utf-8")
    assert load_station_config(config, environ={})[0].trust_problems
    config.write_text("curser: visible\n", encoding="utf-8")
    loaded, issues = load_station_config(config, environ={})
    assert issues and not loaded.trust_problems  # reported, but no reason to doubt trust


# Root reads any file; these tests drop that override to meet a file as another account.
DROP_ROOT = ["setpriv", "--reuid=0", "--inh-caps=-all", "--bounding-set=-all"]
needs_setpriv = pytest.mark.skipif(
    os.name != "posix" or shutil.which("setpriv") is None or os.geteuid() != 0,
    reason="drops root's file-permission override with setpriv",
)


def locked_station(tmp_path: Path, text: str) -> tuple[Path, dict[str, str]]:
    """A station file in a folder only 'nobody' may enter, and the environment to run with."""
    locked = tmp_path / "locked"
    locked.mkdir()
    config = locked / "station.yaml"
    config.write_text(text, encoding="utf-8")
    nobody = pwd.getpwnam("nobody").pw_uid
    os.chown(config, nobody, -1)
    os.chown(locked, nobody, -1)
    config.chmod(0o600)
    locked.chmod(0o700)
    environ = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_CONFIG": str(config),
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    return config, environ


@needs_setpriv
def test_kiosk_run_names_an_unreadable_configuration_and_its_owner(tmp_path: Path) -> None:
    """As the kiosk's account meets /etc/kiosk/station.yaml in a folder it may not enter:
    the exhibit starts (no traceback) and the log names the file, the account and the
    owner, and says the security settings are refused."""
    config, environ = locked_station(tmp_path, "trusted_keys: [/etc/kiosk/museum.pub]\n")
    command = [*DROP_ROOT, sys.executable, "-m", "kiosk", "run", "--windowed", "--size", "800x600"]
    process = subprocess.Popen(command, env=environ, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    answered = threading.Event()  # the refusal was logged, or the kiosk ended

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            if "security settings are refused" in line:
                answered.set()
        answered.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert answered.wait(timeout=120), "".join(lines)  # a hang guard, not a speed test
        assert process.poll() is None, "".join(lines)  # still showing the exhibit
    finally:
        process.terminate()
        process.wait(timeout=60)
        reader.join(timeout=60)
        if process.stderr is not None:
            process.stderr.close()
    text = "".join(lines)
    assert "Traceback" not in text
    assert f"{config}:1:1: error: cannot be read by the account 'root'" in text
    assert f"{config.parent} belongs to 'nobody' (mode 0700)" in text


@needs_setpriv
def test_kiosk_run_says_at_once_which_file_it_may_not_read(tmp_path: Path) -> None:
    """Issue 12: another account's `kiosk run` on an installed station is told at start,
    before any window, which file it may not read and whose it is (not only in the log
    after the first frame, which a run that ends there never reaches)."""
    pytest.importorskip("PySide6")  # `kiosk run` shows a window (not in the run without Qt)
    config, environ = locked_station(tmp_path, "cursor: hidden\n")
    command = [*DROP_ROOT, sys.executable, "-m", "kiosk", "run", "--windowed"]
    result = subprocess.run(
        [*command, "--exit-after-first-frame"],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,  # a hang guard
        check=False,
    )
    assert result.returncode == 0, result.stderr  # the exhibit still shows
    assert "Traceback" not in result.stderr
    assert f"{config}:1:1: error: cannot be read by the account" in result.stderr
    assert "belongs to 'nobody'" in result.stderr
