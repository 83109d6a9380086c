"""The staff's content tools work on a machine without Qt: `kiosk validate`, the pack tools
and `kiosk analytics summary`, run as the real command.

Here Qt is hidden by stand-in packages that refuse to import (children inherit them through
PYTHONPATH); scripts/test_without_qt.sh runs this file again in a virtual environment where
PySide6 was never installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from content_cases import build_case, copy_content

QT_PACKAGES = ("PySide6", "shiboken6", "qtawesome")
NO_DECODER = 3  # `kiosk image-probe`'s status when this machine cannot decode images


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A private station and data folder, and Qt's packages refusing to import."""
    hidden = tmp_path / "qt-hidden"
    for name in QT_PACKAGES:
        (hidden / name).mkdir(parents=True)
        (hidden / name / "__init__.py").write_text(
            f"raise ModuleNotFoundError({f'No module named {name!r}'!r}, name={name!r})\n",
            encoding="utf-8",
        )
    path = os.pathsep.join(filter(None, [str(hidden), os.environ.get("PYTHONPATH")]))
    return {
        **os.environ,
        "PYTHONPATH": path,
        "KIOSK_CONFIG": str(tmp_path / "station.yaml"),
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
    }


def kiosk(env: dict[str, str], *arguments: str | Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", *map(str, arguments)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # a hang guard
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_qt_is_hidden(env: dict[str, str]) -> None:
    for name in QT_PACKAGES:
        probe = subprocess.run(
            [sys.executable, "-c", f"import {name}"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert f"ModuleNotFoundError: No module named '{name}'" in probe.stderr


def test_validate_build_sign_verify_install_list_and_summary_without_qt(
    tmp_path: Path, env: dict[str, str]
) -> None:
    content = copy_content(tmp_path)
    pack, signer = tmp_path / "exhibit.kpack", tmp_path / "signer"

    checked = kiosk(env, "validate", content)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 error(s)" in checked.stdout + checked.stderr

    steps: list[tuple[str | Path, ...]] = [
        ("pack", "keygen", "--out", signer),
        ("pack", "build", "-o", pack, content),
        ("pack", "sign", "--key", f"{signer}.key", pack),
        ("pack", "verify", "--trust", f"{signer}.pub", pack),
        ("pack", "install", "--trust", f"{signer}.pub", pack),
    ]
    for step in steps:
        done = kiosk(env, *step)
        assert done.returncode == 0, f"{step}: {done.stdout}{done.stderr}"

    listed = kiosk(env, "pack", "list")
    assert listed.returncode == 0, listed.stderr
    assert "(active" in listed.stdout
    assert "from exhibit.kpack" in listed.stdout

    summary = kiosk(env, "analytics", "summary")
    assert summary.returncode == 0, summary.stderr
    assert "Visits today (UTC): 0" in summary.stdout


def test_the_image_decoder_says_that_this_machine_cannot_decode(
    tmp_path: Path, env: dict[str, str]
) -> None:
    folder = build_case("image-ok", tmp_path)
    picture = next((folder / "pictures").iterdir())
    probed = kiosk(env, "image-probe", picture)
    assert probed.returncode == NO_DECODER
    assert probed.stdout == ""
    assert "cannot decode images here: Qt (PySide6) is not installed" in probed.stderr


def test_validate_warns_that_images_were_not_decoded_without_qt(
    tmp_path: Path, env: dict[str, str]
) -> None:
    folder = build_case("image-ok", tmp_path)
    checked = kiosk(env, "validate", folder)
    output = checked.stdout + checked.stderr
    assert checked.returncode == 0, output
    assert "warning" in output
    assert "not decoded" in output


def test_kiosk_run_without_qt_says_so(env: dict[str, str]) -> None:
    shown = kiosk(env, "run", "--windowed", "--exit-after-first-frame")
    assert shown.returncode == 2
    assert "Qt (PySide6) is not installed" in shown.stderr
