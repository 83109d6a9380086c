"""The station's own configuration, apart from the content: which screen, the staff PIN,
trusted pack keys, watched folders, analytics, opening hours.

A YAML file (the platform's config folder, ``--config FILE`` or ``KIOSK_CONFIG``) with
``KIOSK_*`` environment overrides, validated like content.  A bad section falls back to its
safe default and is reported (staff see it in staff mode); the kiosk never fails to start
because of its configuration.
"""

from __future__ import annotations

import os
from collections.abc import Mapping as MappingType
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kiosk.content.fields import FieldReader
from kiosk.content.issues import ContentError, Issue, Location
from kiosk.content.schema import (
    FAILED,
    Boolean,
    Choice,
    Field,
    Integer,
    Language,
    ListOf,
    Number,
    Pattern,
    Spec,
    Text,
)
from kiosk.content.schema import Object as ObjectSpec
from kiosk.content.source import Node, Scalar, Sequence, load_yaml_file
from kiosk.paths import APP_NAME

CONFIG_NAME = "station.yaml"
HOURS = r"(?:[01][0-9]|2[0-3]):[0-5][0-9]-(?:[01][0-9]|2[0-3]):[0-5][0-9]|closed"
DAYS = ("daily", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class StaffSettings:
    pin_hash: str | None = None
    corner: str = "top-right"
    taps: int = 4
    hold_seconds: float = 2.0
    auto_lock_seconds: float = 120.0


@dataclass(frozen=True)
class StationConfig:
    screen: int | None = None
    cursor: str = "hidden"
    rotation: int = 0  # degrees clockwise: 0, 90, 180 or 270
    idle_timeout_s: float | None = None  # None: the content's own timing
    idle_warning_s: float | None = None
    languages: tuple[str, ...] | None = None  # None: every language the content offers
    staff: StaffSettings = field(default_factory=StaffSettings)
    content_store: Path | None = None  # None: the data folder's content-store/
    trusted_keys: tuple[Path, ...] = ()
    watched_folders: tuple[Path, ...] = ()
    analytics: bool = True
    metrics_port: int | None = None  # Prometheus metrics on 127.0.0.1; None: off
    opening_hours: MappingType[str, str] = field(default_factory=dict)
    path: Path | None = None  # the file it came from


def _path(node: Node, reader: FieldReader) -> Any:
    text = reader.plain_text(node)
    return FAILED if text is None else Path(text).expanduser()


class PathSpec(Spec):
    def read(self, reader: FieldReader, node: Node) -> Any:
        return _path(node, reader)

    def json_schema(self) -> dict[str, Any]:
        return self._described({"type": "string", "minLength": 1})


STAFF = ObjectSpec(
    build=StaffSettings,
    fields={
        "pin_hash": Field(Text("Set with: kiosk staff set-pin"), required=False),
        "corner": Field(Choice(("top-left", "top-right")), required=False, default="top-right"),
        "taps": Field(
            Integer(2, 10, "Taps in the corner before the hold."), required=False, default=4
        ),
        "hold_seconds": Field(Number(0.5, 10), required=False, default=2.0),
        "auto_lock_seconds": Field(Number(10, 3600), required=False, default=120.0),
    },
)

SECTIONS: dict[str, tuple[Spec, str]] = {
    # key: (spec, the StationConfig field it sets)
    "screen": (Integer(0, 16, "Which screen, counted from 0."), "screen"),
    "cursor": (Choice(("hidden", "visible")), "cursor"),
    "rotation": (Choice(("0", "90", "180", "270"), "Turn the interface, degrees."), "rotation"),
    "idle_timeout_seconds": (Number(5, 3600), "idle_timeout_s"),
    "idle_warning_seconds": (Number(5, 600), "idle_warning_s"),
    "languages": (ListOf(Language(), min_items=1), "languages"),
    "staff": (STAFF, "staff"),
    "content_store": (PathSpec("Where installed content versions live."), "content_store"),
    "trusted_keys": (ListOf(PathSpec()), "trusted_keys"),
    "watched_folders": (ListOf(PathSpec()), "watched_folders"),
    "analytics": (Boolean("Count visits anonymously."), "analytics"),
    "metrics_port": (
        Integer(1024, 65535, "Serve Prometheus metrics on 127.0.0.1 at this port."),
        "metrics_port",
    ),
}

# KIOSK_* variables and the section each overrides; lists are separated by os.pathsep.
ENVIRONMENT = {
    "KIOSK_SCREEN": "screen",
    "KIOSK_CURSOR": "cursor",
    "KIOSK_ROTATION": "rotation",
    "KIOSK_IDLE_TIMEOUT": "idle_timeout_seconds",
    "KIOSK_LANGUAGES": "languages",
    "KIOSK_CONTENT_STORE": "content_store",
    "KIOSK_TRUSTED_KEYS": "trusted_keys",
    "KIOSK_WATCHED_FOLDERS": "watched_folders",
    "KIOSK_ANALYTICS": "analytics",
    "KIOSK_METRICS_PORT": "metrics_port",
}


def default_config_path(environ: MappingType[str, str]) -> Path:
    if environ.get("KIOSK_CONFIG"):
        return Path(environ["KIOSK_CONFIG"])
    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / CONFIG_NAME


def load_station_config(
    path: Path | None = None, environ: MappingType[str, str] | None = None
) -> tuple[StationConfig, list[Issue]]:
    """The configuration and what was wrong with it; never raises."""
    environ = os.environ if environ is None else environ
    path = path or default_config_path(environ)
    reader = FieldReader()
    values: dict[str, Any] = {"path": path}
    if path.is_file():
        _read_file(path, reader, values)
    _read_environment(environ, reader, values)
    config = StationConfig(**values)
    return config, sorted(reader.issues, key=lambda issue: issue.location)


def _read_file(path: Path, reader: FieldReader, values: dict[str, Any]) -> None:
    try:
        tree = load_yaml_file(path, str(path))
    except ContentError as error:
        reader.issues.extend(error.issues)
        return
    mapping = reader.mapping(tree, "the station configuration")
    if mapping is None:
        return
    reader.check_keys(mapping, set(), {"schema_version", "opening_hours", *SECTIONS})
    for key, node in mapping.entries.items():
        if key in SECTIONS:
            _read_section(key, node, reader, values)
    hours = mapping.entries.get("opening_hours")
    if hours is not None:
        values["opening_hours"] = _opening_hours(hours, reader)


def _read_section(key: str, node: Node, reader: FieldReader, values: dict[str, Any]) -> None:
    spec, target = SECTIONS[key]
    value = spec.read(reader, node)
    if value is not FAILED:  # a bad section keeps its safe default
        values[target] = int(value) if target == "rotation" else value


def _opening_hours(node: Node, reader: FieldReader) -> dict[str, str]:
    mapping = reader.mapping(node, "opening_hours")
    if mapping is None:
        return {}
    reader.check_keys(mapping, set(), set(DAYS))
    hours = Pattern(HOURS, "09:00-18:00 or closed")
    result = {}
    for day, child in mapping.entries.items():
        value = hours.read(reader, child)
        if day in DAYS and value is not FAILED:
            result[day] = value
    return result


def _read_environment(
    environ: MappingType[str, str], reader: FieldReader, values: dict[str, Any]
) -> None:
    for variable, key in ENVIRONMENT.items():
        raw = environ.get(variable)
        if raw is None:
            continue
        where = Location(f"${variable}")
        node: Node = Scalar(raw, where)
        if isinstance(SECTIONS[key][0], ListOf):
            separator = "," if key == "languages" else os.pathsep
            items = tuple(Scalar(part, where) for part in raw.split(separator) if part)
            node = Sequence(items, where)
        _read_section(key, node, reader, values)


def with_pin_hash(config: StationConfig, pin_hash: str) -> StationConfig:
    return replace(config, staff=replace(config.staff, pin_hash=pin_hash))
