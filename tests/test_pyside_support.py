"""PySide6's support code is byte-compiled once, not at every start (packaging/pyside_support.py).

The set-up (scripts/_setup.sh) writes shiboken's support modules out beside it so Python
caches their byte-code; the PyInstaller bundle carries them as ``.pyc`` files only.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from script_modules import load_script

ROOT = Path(__file__).resolve().parents[1]


def _tool() -> ModuleType:
    return load_script(ROOT / "packaging" / "pyside_support.py")


def test_the_set_up_left_pyside_support_as_files_python_caches() -> None:
    # Embedded, the loader's "file" is a name inside libshiboken's zip and it is compiled
    # from source on every import of PySide6; written out, it is a real file.
    said = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, PySide6.QtCore;"
            "print(sys.modules['shibokensupport.signature.loader'].__file__)",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    loader = Path(said.stdout.strip())
    assert loader.is_file(), f"PySide6's support is compiled at every start ({loader})"
    assert loader.parent.parent.parent.name == "files.dir"


def test_a_bundle_copy_holds_importable_compiled_modules_only(tmp_path: Path) -> None:
    support = tmp_path / "support"
    package = support / "shibokensupport" / "signature"
    package.mkdir(parents=True)
    (support / "shibokensupport" / "__init__.py").write_text("", encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "loader.py").write_text("ANSWER = 'compiled'\n", encoding="utf-8")
    target = tmp_path / "bundle" / "files.dir"

    written = _tool().compiled_copy(support, target)

    assert sorted(path.relative_to(target).as_posix() for path in written) == [
        "shibokensupport/__init__.pyc",
        "shibokensupport/signature/__init__.pyc",
        "shibokensupport/signature/loader.pyc",
    ]
    assert not list(target.rglob("*.py"))
    imported = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; sys.path.insert(0, {str(target)!r});"
            "import shibokensupport.signature.loader as m;"
            "print(type(m.__loader__).__name__, m.ANSWER)",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert imported.stdout.split() == ["SourcelessFileLoader", "compiled"]


def test_a_support_folder_shiboken_did_not_write_is_refused_with_its_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _tool()
    said = "SBK_EMBED=False: Warning: Cannot write into /usr/lib/python3/shiboken6/files.dir"
    monkeypatch.setattr(
        tool.subprocess,
        "run",
        lambda *args, **kwargs: subprocess.CompletedProcess(args, 0, stdout=said, stderr=""),
    )
    with pytest.raises(tool.SupportError, match="Cannot write into"):
        tool.install(tmp_path)
    assert not (tmp_path / "files.dir").exists()
