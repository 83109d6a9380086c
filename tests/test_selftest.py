"""`kiosk self-test`: one summary line, exit 0 or 1, failures named; and the child processes
the kiosk starts (image decoder, validator) are started correctly from a frozen bundle."""

from __future__ import annotations

import importlib
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import qWarning
from PySide6.QtGui import QColor, QImage

import kiosk.selftest
import kiosk.ui.fallback
from conftest import REPO
from content_cases import build_case, expected_lines
from kiosk.cli import main
from kiosk.content import checks
from kiosk.content.model import Exhibit
from kiosk.core.validation_job import ValidationJob
from kiosk.paths import kiosk_command

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

SUMMARY = re.compile(
    r"kiosk self-test: ok - kiosk \S+ on Qt \S+, (?P<modules>\d+) modules, "
    r"content '.+' valid( \(\d+ warnings?\))?, "
    r"(?P<screens>\d+) screens rendered, fallback and image decoder ok, (?P<fonts>\d+) fonts, "
    r"(?P<icons>\d+) icons, (?P<translations>\d+) translations, "
    r"audio: (played to '.+', speech|decoder and speech) \(az, en, ru\) ok(, no sound output)? "
    r"\(\d+\.\d s\)"
)


def expected_screens(exhibit: Exhibit) -> int:
    # attract, home, statement top and end, one per moment, figures, idle warning, access
    return 4 + len(exhibit.timeline) + 3


def no_display_env(**extra: str) -> dict[str, str]:
    """The environment of a build machine: no display, and no platform chosen for Qt."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    return {**env, **extra}


def error_lines(case: str, folder: Path) -> list[str]:
    """The case's expected errors as the self-test reports them: with the file's full path."""
    return [f"content: {folder}/{line}" for line in expected_lines(case) if ": error: " in line]


def test_self_test_passes_on_the_bundled_content(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], exhibit: Exhibit
) -> None:
    assert main(["self-test"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert len(lines) == 1, out
    match = SUMMARY.fullmatch(lines[0])
    assert match, lines[0]
    assert int(match["screens"]) == expected_screens(exhibit)
    assert int(match["modules"]) >= kiosk.selftest.MIN_MODULES
    assert int(match["fonts"]) == 4
    assert int(match["icons"]) == 7
    assert int(match["translations"]) == 2


def test_self_test_from_the_installed_command_without_a_display() -> None:
    kiosk = Path(sys.executable).with_name("kiosk")
    result = subprocess.run(
        [str(kiosk), "self-test"],
        capture_output=True,
        text=True,
        env=no_display_env(),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1
    assert SUMMARY.fullmatch(result.stdout.strip()), result.stdout


@pytest.mark.parametrize("case", ["yaml-syntax", "schema-unknown-key", "image-truncated"])
def test_broken_content_fails_naming_the_file(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    folder = build_case(case, tmp_path)
    assert main(["self-test", "--content", str(folder)]) == 1
    out, err = capsys.readouterr()
    expected = error_lines(case, folder)
    assert expected, "the case must expect at least one error"
    assert err.splitlines() == expected
    more = f"; {len(expected) - 1} more" if len(expected) > 1 else ""
    assert out == f"kiosk self-test: FAILED - {expected[0]}{more}\n"


def test_a_missing_content_folder_fails(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["self-test", "--content", str(tmp_path / "nowhere")]) == 1
    out, _ = capsys.readouterr()
    assert out == f"kiosk self-test: FAILED - content: {tmp_path / 'nowhere'} is not a folder\n"


def test_qt_warnings_and_logged_warnings_are_failures(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def noisy_icons(test: kiosk.selftest.SelfTest) -> int:
        qWarning("a Qt warning during the self-test")
        logging.getLogger("kiosk.somewhere").warning("a logged warning")
        return 7

    monkeypatch.setattr(kiosk.selftest, "_icons", noisy_icons)
    assert main(["self-test"]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "Qt: a Qt warning during the self-test",
        "log: kiosk.somewhere: a logged warning",
    ]
    assert out == "kiosk self-test: FAILED - Qt: a Qt warning during the self-test; 1 more\n"


def test_an_unexpected_error_is_a_failure_line_not_a_traceback(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(test: kiosk.selftest.SelfTest) -> int:
        raise RuntimeError("the translations exploded\nover two lines")

    monkeypatch.setattr(kiosk.selftest, "_translations", broken)
    assert main(["self-test"]) == 1
    out, err = capsys.readouterr()
    problem = "translations: unexpected RuntimeError: the translations exploded over two lines"
    assert err == problem + "\n"
    assert out == f"kiosk self-test: FAILED - {problem}\n"
    assert "Traceback" not in out + err


def test_a_module_the_bundle_left_out_is_a_failure(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = importlib.import_module

    def import_module(name: str, package: str | None = None) -> ModuleType:
        if name == "kiosk.packs.keys":  # as when a bundle lacks cryptography's backend
            raise ModuleNotFoundError("No module named '_cffi_backend'")
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", import_module)
    assert main(["self-test"]) == 1
    out, err = capsys.readouterr()
    assert "module kiosk.packs.keys does not import: ModuleNotFoundError" in err
    assert out.startswith("kiosk self-test: FAILED - module kiosk.packs.keys does not import")


def test_a_blank_screen_is_a_failure(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def blank(size: tuple[int, int]) -> QImage:
        image = QImage(*size, QImage.Format.Format_RGB32)
        image.fill(QColor("#16181B"))
        return image

    monkeypatch.setattr(kiosk.ui.fallback, "fallback_image", blank)
    assert main(["self-test"]) == 1
    assert capsys.readouterr().out == (
        "kiosk self-test: FAILED - fallback: the fallback screen is blank\n"
    )


# -- child processes from a frozen bundle -------------------------------------------------------


def test_child_commands_when_run_from_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert kiosk_command("validate", "x") == [sys.executable, "-m", "kiosk", "validate", "x"]


def test_child_commands_when_frozen(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """PyInstaller's sys.executable is the kiosk binary: it takes subcommands directly."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/kiosk/kiosk")
    job = ValidationJob(tmp_path)
    assert job.command == ["/opt/kiosk/kiosk", "validate", str(tmp_path), "--format", "json"]

    started: list[list[str]] = []

    def fake_run(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        started.append(command)
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(subprocess, "run", fake_run)
    picture = tmp_path / "a.png"
    assert checks.decode_images([picture]) == {}
    assert started == [["/opt/kiosk/kiosk", "image-probe", str(picture)]]


def test_a_frozen_kiosk_checks_itself(tmp_path: Path) -> None:
    """End to end as a bundle runs: a launcher that plays the frozen binary (sys.frozen set,
    sys.executable itself), so the image decoder must start as `<kiosk> image-probe`."""
    launcher = tmp_path / "kiosk"
    program = tmp_path / "frozen.py"
    program.write_text(
        "import sys\n"
        "sys.frozen = True\n"
        f"sys.executable = {str(launcher)!r}\n"
        "from kiosk.cli import main\n"
        "raise SystemExit(main(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    launcher.write_text(f"#!/bin/sh\nexec '{sys.executable}' '{program}' \"$@\"\n")
    launcher.chmod(0o755)

    def frozen_kiosk(*args: str) -> subprocess.CompletedProcess[str]:
        env = no_display_env(PYTHONPATH=str(REPO / "src"))
        return subprocess.run(
            [str(launcher), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    good = frozen_kiosk("self-test")
    assert (good.returncode, good.stderr) == (0, "")
    assert SUMMARY.fullmatch(good.stdout.strip()), good.stdout

    folder = build_case("image-truncated", tmp_path)
    broken = frozen_kiosk("self-test", "--content", str(folder))
    assert broken.returncode == 1
    expected = error_lines("image-truncated", folder)
    assert broken.stderr.splitlines() == expected
    assert broken.stdout == f"kiosk self-test: FAILED - {expected[0]}\n"


def test_the_image_probe_subcommand_is_hidden(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "self-test" in out
    assert "fallback" in out
    assert "image-probe" not in out
