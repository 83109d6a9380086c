"""PySide6's signature support, byte-compiled once instead of at every start.

shiboken6 carries the Python half of PySide6's support code (a dozen modules: signatures,
``__feature__``, enum helpers) inside libshiboken and, by default, compiles it from source
each time a program imports PySide6: 10-15 ms of every first frame on the CI-class machine
(bench/RESULTS.md, "Start-up, fourth round").  Shiboken's own switch ``SBK_EMBED=0`` writes
those modules out as files beside it (``shiboken6/files.dir``), which shiboken then imports
as ordinary modules, so Python byte-compiles them once like any other.

    python packaging/pyside_support.py install      # into this interpreter's shiboken6
    python packaging/pyside_support.py bundle DIR   # a compiled-only copy for PyInstaller

``install`` is run by scripts/_setup.sh after every install (and on every set-up, so a
PySide6 upgraded by hand never meets support files of an older release); ``bundle`` by
packaging/pyinstaller/kiosk.spec, which puts DIR into the bundle as
``shiboken6/files.dir``: only ``.pyc`` files, since a bundle's folder is read-only where it
is installed.  Neither changes what PySide6 does, only when its support is compiled: the
files are shiboken's own, written by shiboken.  Where PySide6 is not installed (the staff's
tools without Qt) there is nothing to do.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import py_compile
import shutil
import subprocess
import sys
from pathlib import Path

SUPPORT_FOLDER = "files.dir"  # the name shiboken6's bootstrap looks for beside itself


class SupportError(Exception):
    """The support files could not be written; the message says where and why."""


def shiboken_folder() -> Path | None:
    """This interpreter's shiboken6 package folder, found without importing it."""
    spec = importlib.util.find_spec("shiboken6")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def install(shiboken: Path) -> Path:
    """Write shiboken's support modules beside it and byte-compile them; their folder.

    A fresh interpreter imports shiboken6 with ``SBK_EMBED=0``, which makes shiboken write
    the modules out itself.  Whatever was there before goes first: it may be an older
    release's.
    """
    folder = shiboken / SUPPORT_FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    written = subprocess.run(
        [sys.executable, "-c", "import shiboken6"],
        env={**os.environ, "SBK_EMBED": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    if written.returncode != 0 or not (folder / "shibokensupport").is_dir():
        # shiboken says "Cannot write into ..." on a read-only site-packages, and then runs
        # from its embedded copy as before.
        said = (written.stdout + written.stderr).strip() or f"exit status {written.returncode}"
        shutil.rmtree(folder, ignore_errors=True)
        raise SupportError(f"shiboken did not write its support files into {folder}: {said}")
    if not compileall.compile_dir(folder, quiet=1):
        shutil.rmtree(folder, ignore_errors=True)  # half-compiled helps nobody
        raise SupportError(f"the support files in {folder} did not compile")
    return folder


def compiled_copy(support: Path, target: Path) -> list[Path]:
    """``support``'s modules as ``.pyc`` files only, laid out for import from ``target``.

    Each ``.pyc`` stands where its ``.py`` stood (Python imports such sourceless files
    directly), compiled by this interpreter, which must be the bundle's.
    """
    shutil.rmtree(target, ignore_errors=True)
    written = []
    for source in sorted(support.rglob("*.py")):
        relative = source.relative_to(support)
        compiled = target / relative.with_suffix(".pyc")
        compiled.parent.mkdir(parents=True, exist_ok=True)
        # dfile: tracebacks name the module's place in shiboken, not this build's folders.
        py_compile.compile(
            str(source), cfile=str(compiled), dfile=relative.as_posix(), doraise=True
        )
        written.append(compiled)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("install", help="write and compile the support beside shiboken6")
    bundle = commands.add_parser("bundle", help="a compiled-only copy for a PyInstaller bundle")
    bundle.add_argument("target", type=Path)
    args = parser.parse_args(argv)

    shiboken = shiboken_folder()
    if shiboken is None:
        print("PySide6 is not installed for this Python: nothing to compile.")
        return 0
    try:
        folder = install(shiboken)
        if args.command == "bundle":
            written = compiled_copy(folder, args.target)
            print(f"{len(written)} compiled support modules in {args.target}")
    except (SupportError, OSError, py_compile.PyCompileError) as error:
        print(f"PySide6's support stays compiled at every start: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
