"""The station's own configuration, apart from the content: which screen, the staff PIN,
trusted pack keys, watched folders, analytics, opening hours, the keypad's keys, audio.

A YAML file (the platform's config folder, ``--config FILE`` or ``KIOSK_CONFIG``) with
``KIOSK_*`` environment overrides, validated like content.  A bad harmless section (screen,
cursor...) falls back to its default and is reported (staff see it in staff mode); the kiosk
never fails to start because of its configuration.

Security settings (trusted keys, the PIN, watched folders, the metrics address) never fall
back to something weaker: a bad one stays off (no staff PIN, no watched folders, no
metrics).  What makes the station's trust uncertain (an unreadable or unparsable file, an
error in ``trusted_keys``, an unknown key that is not plainly a harmless one misspelt, a
set but unusable ``KIOSK_TRUSTED_KEYS``) is recorded in ``StationConfig.trust_problems``.
Pack commands then require signatures and refuse to decide on trust until it is fixed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping as MappingType
from pathlib import Path
from typing import Any

from kiosk.content.fields import FieldReader
from kiosk.content.issues import ContentError, Issue, Location, shown
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
from kiosk.station_config import StaffSettings, StationConfig

CONFIG_NAME = "station.yaml"
HOURS = r"(?:[01][0-9]|2[0-3]):[0-5][0-9]-(?:[01][0-9]|2[0-3]):[0-5][0-9]|closed"
DAYS = ("daily", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _path(node: Node, reader: FieldReader) -> Any:
    text = reader.plain_text(node)
    return FAILED if text is None else Path(text).expanduser()


class PathSpec(Spec):
    def read(self, reader: FieldReader, node: Node) -> Any:
        return _path(node, reader)

    def json_schema(self) -> dict[str, Any]:
        return self._described({"type": "string", "minLength": 1})


# The keypad's intents, as kiosk.core.keypad.KeyIntent names them (a test holds the two to
# the same words; this module imports nothing of Qt or of the core).
KEYPAD_ACTIONS = (
    "home",
    "back",
    "listen",
    "louder",
    "softer",
    "help",
    "next",
    "previous",
    "activate",
    "forward",
    "backward",
    "up",
    "down",
    "left",
    "right",
    "page_up",
    "page_down",
)
# A key as Qt writes it: modifiers ("Num" for the numeric keypad), then one key's name.
KEY = (
    r"(?:(?:Ctrl|Alt|Shift|Meta|Num|ctrl|alt|shift|meta|num|CTRL|ALT|SHIFT|META|NUM)\+)*"
    r"(?:[A-Za-z][A-Za-z0-9]*|[0-9]|[-+*/.,=])"
)
# Keys the lockdown keeps (they would close or leave the kiosk) and the staff's chord: a
# visitor's key may never be one of them.
RESERVED_KEYS = frozenset(
    {"esc", "escape", "f11", "menu", "close", "exit", "alt+f4", "ctrl+q", "ctrl+w", "ctrl+f4"}
    | {"ctrl+alt+shift+k"}
)


class KeypadSpec(Spec):
    """``keypad:`` intent -> a list of keys.  All or nothing: one bad key and the whole
    mapping falls back to the default (a half-applied mapping could strand a visitor)."""

    def read(self, reader: FieldReader, node: Node) -> Any:
        before = len(reader.issues)
        mapping = reader.mapping(node, "keypad")
        if mapping is None:
            return FAILED
        reader.check_keys(mapping, set(), set(KEYPAD_ACTIONS), order=KEYPAD_ACTIONS)
        key = Pattern(KEY, "Num+8, Return or PgDown")
        owner: dict[str, tuple[str, int]] = {}
        result: dict[str, tuple[str, ...]] = {}
        for action, child in mapping.entries.items():
            if action not in KEYPAD_ACTIONS:
                continue
            keys = reader.sequence(child, f"keypad: {action}")
            if keys is None:
                continue
            names = []
            for item in keys.items:
                name = key.read(reader, item)
                if name is FAILED:
                    continue
                folded = "+".join(part.strip().lower() for part in name.split("+"))
                if folded in RESERVED_KEYS:
                    reader.error(
                        item.location,
                        f"'{shown(name)}' is kept by the lockdown (it could close or leave "
                        "the kiosk, or is the staff's chord); choose another key",
                    )
                elif folded in owner:
                    first, line = owner[folded]
                    reader.error(
                        item.location,
                        f"'{shown(name)}' is already the key for {first} (line {line})",
                    )
                else:
                    owner[folded] = (action, item.location.line)
                    names.append(name)
            result[action] = tuple(names)
        return FAILED if len(reader.issues) > before else result

    def json_schema(self) -> dict[str, Any]:
        keys = {"type": "array", "items": {"type": "string", "pattern": f"^(?:{KEY})$"}}
        return self._described(
            {
                "type": "object",
                "properties": {action: keys for action in KEYPAD_ACTIONS},
                "additionalProperties": False,
            }
        )


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
    # An IP address (checked again, failing closed, by kiosk.ui.fleet_metrics); a LAN
    # address opens the port to the network: see the README's firewall advice.
    "metrics_address": (
        Pattern(r"[0-9A-Fa-f:.]+", "192.168.10.20", "Serve metrics_port on this address."),
        "metrics_address",
    ),
    "metrics_textfile": (
        PathSpec("Write the metrics here for the node exporter's textfile collector."),
        "metrics_textfile",
    ),
    # Sized for a 16 GB card: the system and the bundled exhibit take a few GB, logs and
    # analytics little; installed versions beyond the active and the previous one are
    # removed, oldest first, until the rest fit.
    "content_store_budget_mib": (
        Integer(64, 1024 * 1024, "Installed content versions kept, at most, in MiB."),
        "store_budget_mib",
    ),
    "keypad": (KeypadSpec("The keypad's keys by intent; see the README."), "keypad"),
    "audio_output_device": (
        Text("Part of the sound output's name, as `pactl list short sinks` shows it."),
        "audio_output_device",
    ),
    "speech": (Boolean("Synthetic speech (espeak-ng) where no recording exists."), "speech"),
    "default_volume": (
        Integer(0, 100, "Volume at the start of each visit, percent."),
        "default_volume",
    ),
}
# The content channel's settings: read and checked by kiosk.channel.settings (a layer above
# this one, which turns the channel off on a mistake); known here so that they are not
# taken for unknown keys, which would make the station's trust uncertain.
CHANNEL_KEYS = frozenset({"channel", "channel_poll_seconds", "channel_ca_file"})
# Sections whose mistakes must never weaken the station: they stay off when bad, and a
# mistake in them makes the station's trust uncertain.
SECURITY_SECTIONS = frozenset(
    {"trusted_keys", "staff", "watched_folders", "metrics_port", "metrics_address"}
)
SECURITY_OFF = {"watched_folders": (), "metrics_port": None, "metrics_address": "127.0.0.1"}

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
    "KIOSK_METRICS_ADDRESS": "metrics_address",
    "KIOSK_METRICS_TEXTFILE": "metrics_textfile",
    "KIOSK_AUDIO_OUTPUT": "audio_output_device",
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
    uncertain: list[Issue] = []
    _read_file(path, reader, values, uncertain)
    _read_environment(environ, reader, values, uncertain)
    config = StationConfig(**values, trust_problems=tuple(sorted(uncertain)))
    return config, sorted(reader.issues, key=lambda issue: issue.location)


def _read_file(
    path: Path, reader: FieldReader, values: dict[str, Any], uncertain: list[Issue]
) -> None:
    try:
        path.stat()
    except FileNotFoundError:
        return  # no file: the defaults, certainly
    except OSError as error:
        _refuse_whole_file(path, reader, uncertain, [_unreadable(path, error)])
        return
    try:
        tree = load_yaml_file(path, str(path))
    except ContentError as error:
        problems = error.issues
        if not os.access(path, os.R_OK) and path.is_file():
            problems = [_unreadable(path, PermissionError(13, "Permission denied"))]
        _refuse_whole_file(path, reader, uncertain, problems)
        return
    mapping = reader.mapping(tree, "the station configuration")
    if mapping is None:
        uncertain.extend(reader.issues)
        return
    known = {"schema_version", "opening_hours", *SECTIONS, *CHANNEL_KEYS}
    reader.check_keys(mapping, set(), known)
    for key, location in mapping.key_locations.items():
        if key not in known and not _looks_harmless(key):
            # A misspelt 'trusted_keys' (or a key nobody knows) may be meant as trust.
            uncertain.append(Issue("error", location, f"unknown key '{shown(key)}'"))
    for key, node in mapping.entries.items():
        if key in SECTIONS:
            _read_section(key, node, reader, values, uncertain)
    hours = mapping.entries.get("opening_hours")
    if hours is not None:
        values["opening_hours"] = _opening_hours(hours, reader)


def _looks_harmless(key: str) -> bool:
    """An unknown key that is plainly a misspelling of a harmless setting ('curser')."""
    import difflib  # noqa: PLC0415 - only for unknown keys

    match = difflib.get_close_matches(key, [*SECTIONS, "opening_hours"], n=1, cutoff=0.8)
    return bool(match) and match[0] not in SECURITY_SECTIONS and len(key) <= 64


def _refuse_whole_file(
    path: Path, reader: FieldReader, uncertain: list[Issue], problems: list[Issue]
) -> None:
    """A file that cannot be read at all: harmless defaults, every security setting off."""
    note = Issue(
        "error",
        problems[0].location if problems else Location(str(path)),
        "the station configuration cannot be read with certainty, so its security settings "
        "are refused: no trusted keys (signatures required, packs refused until it is fixed), "
        "no watched folders, no metrics, no staff PIN; harmless settings keep their defaults",
    )
    reader.issues.extend([*problems, note])
    uncertain.extend(problems or [note])


def _unreadable(path: Path, error: OSError) -> Issue:
    """Names the file, who is asking and who may read it: the usual fix is the owner's."""
    if isinstance(error, PermissionError):
        message = (
            f"cannot be read by the account '{_account()}' (permission denied); "
            f"{_owner_note(path)}: let the kiosk's account read it, or run as that account"
        )
    else:
        message = f"cannot be read: {error.strerror or error}"
    return Issue("error", Location(str(path)), message)


def _account() -> str:
    try:
        import pwd  # noqa: PLC0415 - POSIX only

        return pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError, AttributeError):
        import getpass  # noqa: PLC0415

        try:
            return getpass.getuser()
        except (OSError, KeyError):
            return "?"


def _owner_note(path: Path) -> str:
    """Who owns the file, or the nearest folder above it that can be looked at."""
    for candidate in (path, *path.parents):
        try:
            status = candidate.stat()
        except OSError:
            continue
        try:
            import pwd  # noqa: PLC0415

            owner = pwd.getpwuid(status.st_uid).pw_name
        except (ImportError, KeyError):
            owner = str(status.st_uid)
        what = "it" if candidate == path else str(candidate)
        mode = stat.S_IMODE(status.st_mode)
        return f"{what} belongs to '{owner}' (mode {mode:04o})"
    return "its owner could not be found"


def _read_section(
    key: str, node: Node, reader: FieldReader, values: dict[str, Any], uncertain: list[Issue]
) -> None:
    spec, target = SECTIONS[key]
    before = len(reader.issues)
    value = spec.read(reader, node)
    problems = reader.issues[before:]
    if key in SECURITY_SECTIONS and problems:
        # Never a part of a security setting: the whole of it stays off.  Only a mistake
        # in the trust itself makes the trust uncertain (a bad metrics port does not).
        if key == "trusted_keys":
            uncertain.extend(problems)
        if target in SECURITY_OFF:
            values[target] = SECURITY_OFF[target]
        return
    if value is not FAILED:  # a bad harmless section keeps its default
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
    environ: MappingType[str, str],
    reader: FieldReader,
    values: dict[str, Any],
    uncertain: list[Issue],
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
            if key == "trusted_keys" and not items:
                # Set but naming nothing: a mistake, never a way to switch trust off.
                problem = Issue(
                    "error",
                    where,
                    f"is set but names no key file ({raw!r}); unset it, or list .pub files "
                    f"separated by '{os.pathsep}'",
                )
                reader.issues.append(problem)
                uncertain.append(problem)
                continue
            node = Sequence(items, where)
        if key == "trusted_keys":
            # The override adds to the file's keys: an environment cannot take trust away.
            before = len(reader.issues)
            added = SECTIONS[key][0].read(reader, node)
            if len(reader.issues) > before or added is FAILED:
                uncertain.extend(reader.issues[before:])
            else:
                values[key] = (*values.get(key, ()), *added)
            continue
        _read_section(key, node, reader, values, uncertain)


def with_pin_hash(config: StationConfig, pin_hash: str) -> StationConfig:
    return config._replace(staff=config.staff._replace(pin_hash=pin_hash))
