"""The layer contracts (pyproject.toml's [tool.importlinter]) hold on the real tree and break,
naming the contract, when a module crosses a layer: run on a copy of the package with one
deliberate violation added."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from script_modules import load_script

REPO = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

NO_QT = "Content, station, security, packs and analytics (store, commands) import no Qt"
CORE_QTCORE = "kiosk.core uses QtCore only (no QtGui, no QtWidgets)"
CORE_NO_ICONS = "kiosk.core imports no qtawesome (it loads QtGui and QtWidgets)"
LAYERS = "Layers: commands > ui > visit recorder > core > packs, ops > station > content"
CONTRACTS = (NO_QT, CORE_QTCORE, CORE_NO_ICONS, LAYERS)


def lint_imports(package_parent: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`lint-imports` with the project's contracts, from the repository root (where it finds
    scripts/import_contracts.py), on the kiosk package found first on PYTHONPATH."""
    env = dict(os.environ)
    if package_parent is not None:
        # Ahead of the editable install's path to src/, so the copy is the one analysed.
        env["PYTHONPATH"] = str(package_parent)
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-logo", "--no-cache", "--config", str(REPO / "pyproject.toml")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # a hang guard
        check=False,
    )


def verdicts(output: str) -> dict[str, str]:
    """Contract name -> KEPT or BROKEN, from lint-imports' summary lines."""
    found = {}
    for line in output.splitlines():
        for name in CONTRACTS:
            for verdict in ("KEPT", "BROKEN"):
                if line.strip() == f"{name} {verdict}":
                    found[name] = verdict
    return found


def package_with(tmp_path: Path, module: str, source: str) -> Path:
    """A copy of the kiosk package with one more module, e.g. ``content/_crossing.py``."""
    copy = tmp_path / "kiosk"
    shutil.copytree(
        REPO / "src" / "kiosk", copy, ignore=shutil.ignore_patterns("__pycache__", "*.qm")
    )
    (copy / module).write_text(source, encoding="utf-8")
    return tmp_path


def test_the_real_tree_keeps_every_contract() -> None:
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert verdicts(result.stdout) == dict.fromkeys(CONTRACTS, "KEPT")


@pytest.mark.parametrize(
    ("module", "source", "broken", "named"),
    [
        pytest.param(
            "content/_crossing.py",
            "from PySide6.QtWidgets import QWidget\n",
            NO_QT,
            "kiosk.content._crossing -> PySide6 (l.1)",
            id="content-imports-widgets",
        ),
        pytest.param(
            "core/_crossing.py",
            "from PySide6.QtCore import QObject\nfrom PySide6.QtGui import QColor\n",
            CORE_QTCORE,
            "kiosk.core._crossing (l.2): from PySide6.QtGui import QColor",
            id="core-imports-gui",
        ),
        pytest.param(
            "core/_crossing.py",
            "from PySide6 import QtCore, QtWidgets\n",
            CORE_QTCORE,
            "it uses PySide6.QtWidgets",
            id="core-imports-widgets-by-name",
        ),
        pytest.param(
            "content/_crossing.py",
            "import kiosk.station\n",
            LAYERS,
            "kiosk.content._crossing -> kiosk.station (l.1)",
            id="content-imports-station",
        ),
    ],
)
def test_a_deliberate_violation_breaks_its_contract(
    tmp_path: Path, module: str, source: str, broken: str, named: str
) -> None:
    result = lint_imports(package_with(tmp_path, module, source))
    assert result.returncode == 1, result.stdout + result.stderr
    expected = dict.fromkeys(CONTRACTS, "KEPT") | {broken: "BROKEN"}
    assert verdicts(result.stdout) == expected, result.stdout
    assert named in result.stdout, result.stdout


def test_core_reaching_widgets_through_another_module_is_named_with_its_chain(
    tmp_path: Path,
) -> None:
    """QtWidgets loaded by a module kiosk.core imports is QtWidgets in kiosk.core."""
    result = lint_imports(
        package_with(tmp_path, "core/_crossing.py", "from kiosk.ui import theme\n")
    )
    assert verdicts(result.stdout)[CORE_QTCORE] == "BROKEN", result.stdout
    assert "kiosk.core._crossing -> kiosk.ui.theme" in result.stdout, result.stdout
    assert verdicts(result.stdout)[LAYERS] == "BROKEN", result.stdout


def _contracts_module() -> ModuleType:
    return load_script(REPO / "scripts" / "import_contracts.py")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("from PySide6.QtCore import QObject, Signal", ["PySide6.QtCore"]),
        ("from PySide6.QtGui import (", ["PySide6.QtGui"]),
        ("    from PySide6.QtWidgets import QWidget  # noqa: PLC0415", ["PySide6.QtWidgets"]),
        ("from PySide6 import QtCore, QtGui as gui", ["PySide6.QtCore", "PySide6.QtGui"]),
        ("from PySide6 import (", ["PySide6"]),  # cannot tell which: never allowed
        ("import PySide6.QtGui", ["PySide6.QtGui"]),
        ("import os, PySide6.QtCore as core", ["PySide6.QtCore"]),
        ("import PySide6", ["PySide6"]),
    ],
)
def test_the_part_of_pyside6_an_import_names(line: str, names: list[str]) -> None:
    assert _contracts_module().imported_names(line, "PySide6") == names
