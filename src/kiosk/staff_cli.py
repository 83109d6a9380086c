"""``kiosk staff set-pin``: the way back in when the PIN is forgotten, on the machine itself
(whoever can run it can already change the machine)."""

from __future__ import annotations

import getpass
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from kiosk.security import hash_pin, pin_problem
from kiosk.station import default_config_path, load_station_config

PIN_LINE = re.compile(r"^(\s+)pin_hash:.*$", re.MULTILINE)
STAFF_LINE = re.compile(r"^staff:[ \t]*$", re.MULTILINE)


def config_with_pin(text: str, pin_hash: str) -> str:
    """The configuration text with its staff PIN hash set, everything else left as it was."""
    value = f'"{pin_hash}"'
    if PIN_LINE.search(text):
        return PIN_LINE.sub(lambda match: f"{match.group(1)}pin_hash: {value}", text, count=1)
    if match := STAFF_LINE.search(text):
        return f"{text[: match.end()]}\n  pin_hash: {value}{text[match.end() :]}"
    separator = "" if not text or text.endswith("\n") else "\n"
    return f"{text}{separator}staff:\n  pin_hash: {value}\n"


def write_private(path: Path, text: str) -> None:
    """Replace the file atomically, readable by its owner only (it holds the PIN's hash)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".station-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(0o600)
        Path(temporary).replace(path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def set_pin(config: Path | None, ask: Callable[[str], str] = getpass.getpass) -> int:
    path = config or default_config_path(os.environ)
    pin = ask("New staff PIN (4 to 12 digits): ")
    problem = pin_problem(pin)
    if problem:
        print(f"kiosk staff: {problem}; the PIN was not changed", file=sys.stderr)
        return 1
    if ask("The same PIN again: ") != pin:
        print("kiosk staff: the two PINs differ; the PIN was not changed", file=sys.stderr)
        return 1
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        write_private(path, config_with_pin(text, hash_pin(pin)))
    except OSError as error:
        print(f"kiosk staff: cannot write {path}: {error.strerror}", file=sys.stderr)
        return 2
    _, issues = load_station_config(path, environ={})
    for issue in issues:
        print(f"kiosk staff: note: {issue}", file=sys.stderr)
    print(
        f"kiosk staff: the staff PIN is set in {path}; it takes effect at once: a running"
        " kiosk reads it the next time its PIN pad opens"
    )
    return 0
