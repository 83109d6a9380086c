"""What the station's configuration holds, apart from how it is read (``kiosk.station``).

Kept in a module of its own that imports no YAML reader and no content specs: ``kiosk run``
receives a ``StationConfig`` read by a child process (``kiosk.prepare_run``) while it loads
Qt itself, and unpickling it must not import the reader the child was there to spare it.

Named tuples, not dataclasses: they are made on the way to the first frame, where a frozen
dataclass costs about 1-2 ms to make (its methods are generated and compiled) and a named
tuple a fifth of that.  Their mapping fields default to one shared empty dict, which
nothing changes: a configuration is read once and replaced whole (``_replace``).
"""

from __future__ import annotations

from collections.abc import Mapping as MappingType
from pathlib import Path
from typing import NamedTuple

from kiosk.content.issues import Issue


class StaffSettings(NamedTuple):
    pin_hash: str | None = None
    corner: str = "top-right"
    taps: int = 4
    hold_seconds: float = 2.0
    auto_lock_seconds: float = 120.0


class StationConfig(NamedTuple):
    screen: int | None = None
    cursor: str = "hidden"
    rotation: int = 0  # degrees clockwise: 0, 90, 180 or 270
    idle_timeout_s: float | None = None  # None: the content's own timing
    idle_warning_s: float | None = None
    languages: tuple[str, ...] | None = None  # None: every language the content offers
    staff: StaffSettings = StaffSettings()
    content_store: Path | None = None  # None: the data folder's content-store/
    trusted_keys: tuple[Path, ...] = ()
    watched_folders: tuple[Path, ...] = ()
    analytics: bool = True
    metrics_port: int | None = None  # Prometheus metrics on 127.0.0.1; None: off
    metrics_address: str = "127.0.0.1"  # where metrics_port listens (kiosk.ui.fleet_metrics)
    metrics_textfile: Path | None = None  # the node exporter's textfile; None: not written
    opening_hours: MappingType[str, str] = {}
    path: Path | None = None  # the file it came from
    # Why the station's trust cannot be known for certain; empty when it can.  Non-empty
    # means: signatures required, and no pack command decides on trust (see module doc).
    trust_problems: tuple[Issue, ...] = ()
    store_budget_mib: int = 2048  # kept content versions, at most, in MiB
    # The keypad's keys by intent (``keypad:``); an intent not named keeps its default keys
    # (kiosk.ui.keypad.key_map).  Empty: the documented default for a numeric keypad.
    keypad: MappingType[str, tuple[str, ...]] = {}
    # Listening (kiosk.audio.settings.AudioSettings takes these three).
    audio_output_device: str = ""  # part of the sound output's name; "": the session's default
    speech: bool = True  # espeak-ng for texts with no recording; off: those texts are skipped
    default_volume: int = 70  # percent; every visit starts at it
