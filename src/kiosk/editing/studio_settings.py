"""What the studio remembers between sessions: the staff's signing key and the last folder a
pack was written to, as JSON in the user's configuration folder, never in a content folder
(a pack carries every file of its folder, so a remembered key there would travel to the
kiosks).

A damaged or unreadable settings file costs only a choice made again: it is ignored with a
logged warning, never an error that stops the studio.
"""

from __future__ import annotations

import json
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.loader import FILES
from kiosk.packs.fsio import fsync_dir, sibling_temp
from kiosk.paths import APP_NAME

log = logging.getLogger(__name__)

SETTINGS_NAME = "studio.json"
# Moves the settings file (tests; several staff accounts sharing one login).
SETTINGS_OVERRIDE = "KIOSK_STUDIO_SETTINGS"
MAX_SETTINGS_BYTES = 64 * 1024


class SettingRefusedError(ValueError):
    """A setting that must not be kept; the message says why."""


@dataclass(frozen=True)
class StudioSettings:
    key_path: Path | None = None
    last_target: Path | None = None


def settings_path() -> Path:
    override = os.environ.get(SETTINGS_OVERRIDE)
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415 - only the studio needs it

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / SETTINGS_NAME


def content_folder_holding(path: Path) -> Path | None:
    """The content folder ``path`` lies in (a folder holding any of the four content
    files), or None."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link loop, on Python 3.11
        return None
    for folder in resolved.parents:
        try:
            if any((folder / name).is_file() for name in FILES):
                return folder
        except OSError:
            continue
    return None


def key_problem(key: Path, folder: Path | None = None) -> str | None:
    """Why ``key`` must not be used or remembered as the signing key, or None: it lies in
    ``folder`` or in any content folder (a pack carries every file of its folder)."""
    try:
        inside = folder is not None and key.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        inside = False
    holder = folder if inside else content_folder_holding(key)
    if holder is None:
        return None
    return (
        f"the key {key} is inside the content folder {holder}: a pack would carry it to "
        "the kiosks; move it out of the folder (keep it off the kiosks) and choose it again"
    )


def read_small_file(path: Path, limit: int) -> bytes | None:
    """A regular file's bytes, None when it does not exist; ValueError when it is not a
    regular file or holds more than ``limit`` bytes. Opened without blocking, so a named
    pipe put in its place cannot hang the studio."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ValueError("not a regular file")
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise ValueError("the file is too large")
    return data


def load_settings() -> StudioSettings:
    """The remembered settings; defaults when there are none or they cannot be read."""
    path = settings_path()
    try:
        data = read_small_file(path, MAX_SETTINGS_BYTES)
    except OSError as error:
        log.warning("studio settings %s cannot be read (%s); using defaults", path, error)
        return StudioSettings()
    except ValueError as error:
        log.warning("studio settings %s ignored: %s", path, error)
        return StudioSettings()
    if data is None:
        return StudioSettings()
    try:
        record = json.loads(data.decode("utf-8"))
        if not isinstance(record, dict):
            raise ValueError("not a JSON object")
        key, target = _path(record, "key_path"), _path(record, "last_target")
    # JSONDecodeError and UnicodeDecodeError are ValueErrors; RecursionError: absurd nesting
    except (ValueError, RecursionError) as error:
        log.warning("studio settings %s ignored: %s", path, error)
        return StudioSettings()
    if key is not None and key_problem(key):
        # Moved into a content folder since it was chosen: forget it rather than sign with it.
        log.warning("studio settings: %s", key_problem(key))
        key = None
    return StudioSettings(key_path=key, last_target=target)


def _path(record: dict[str, object], name: str) -> Path | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or not value or "\0" in value:
        raise ValueError(f"'{name}' is not a file path")
    return Path(value)


def save_settings(settings: StudioSettings) -> None:
    """Write the settings atomically; SettingRefusedError for a key inside a content folder."""
    if settings.key_path is not None:
        problem = key_problem(settings.key_path)
        if problem:
            raise SettingRefusedError(problem)
    record = {
        "key_path": _text(settings.key_path),
        "last_target": _text(settings.last_target),
    }
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = sibling_temp(path)
    try:
        with temporary.open("wb") as handle:
            handle.write(json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    fsync_dir(path.parent)


def _text(path: Path | None) -> str | None:
    return None if path is None else str(path.absolute())
