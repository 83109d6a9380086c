"""Where the kiosk's own files live: in a frozen bundle, an installed wheel or a checkout."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "kiosk"
# The environment variables that move the kiosk's folders and files.
PATH_OVERRIDES = ("KIOSK_DATA_DIR", "KIOSK_LOG_DIR", "KIOSK_CONTENT_STORE", "KIOSK_CONFIG")


def bundled_root() -> Path:
    """The folder holding ``assets/`` and the factory-default ``content/``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:  # PyInstaller bundle
        return Path(frozen_root)
    package = Path(__file__).resolve().parent
    installed = package / "_data"
    if installed.is_dir():  # wheel: see force-include in pyproject.toml
        return installed
    return package.parents[1]  # source checkout: src/kiosk -> repository root


def assets_dir() -> Path:
    return bundled_root() / "assets"


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


def default_content_dir() -> Path:
    return bundled_root() / "content"


def data_dir() -> Path:
    """The station's writable data: installed content versions, analytics, health.

    ``KIOSK_DATA_DIR`` overrides the platform's folder (tests, several kiosks on one machine).
    """
    override = os.environ.get("KIOSK_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415 - only commands that write data need it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def kiosk_command(*arguments: str) -> list[str]:
    """The command line that runs ``kiosk ARGUMENTS`` in a child process.

    In a PyInstaller bundle ``sys.executable`` is the kiosk binary itself, which takes the
    arguments directly; otherwise it is Python, which runs the package with ``-m kiosk``.
    """
    if getattr(sys, "frozen", False):
        # On Windows and macOS the bundle's main program is windowed, with no console for
        # a child's output; its console twin kiosk-cli sits beside it (see kiosk.spec).
        program = Path(sys.executable)
        console_twin = program.with_name("kiosk-cli" + program.suffix)
        return [str(console_twin if console_twin.exists() else program), *arguments]
    return [sys.executable, "-m", "kiosk", *arguments]


def self_restart_wanted(environ: Mapping[str, str]) -> bool:
    """Whether the kiosk must start itself again when staff choose Restart: only when no
    service manager will.  systemd sets NOTIFY_SOCKET; the Windows and macOS recipes (and
    anyone else supervising) set KIOSK_SUPERVISED=1."""
    return not environ.get("NOTIFY_SOCKET") and environ.get("KIOSK_SUPERVISED", "") in ("", "0")


def _related(one: Path, other: Path) -> bool:
    return one == other or one in other.parents or other in one.parents


def explain_os_error(error: OSError, environ: Mapping[str, str] | None = None) -> str:
    """One line for a file error that reached the command line: which ``KIOSK_*`` override
    led there when one did (``KIOSK_DATA_DIR=/dev/null/x cannot be used: Not a
    directory``), else the file and the reason."""
    environ = os.environ if environ is None else environ
    reason = error.strerror or str(error)
    filename = os.fsdecode(error.filename) if error.filename is not None else None
    if filename:
        for name in PATH_OVERRIDES:
            value = environ.get(name)
            if value and _related(Path(filename), Path(value)):
                return f"kiosk: {name}={value} cannot be used: {reason} ({filename})"
        return f"kiosk: cannot use {filename}: {reason}"
    return f"kiosk: {reason}"
