"""Showing the kiosk on a real display: full screen and cursorless, or in a window."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.issues import Issue
from kiosk.content.model import Exhibit
from kiosk.ops.malloc_arenas import limit_malloc_arenas
from kiosk.ops.notify import claim_notifier
from kiosk.ops.station_lock import StationBusyError, hold_station_lock
from kiosk.paths import data_dir
from kiosk.station_config import StationConfig
from kiosk.ui.application import Kiosk, build_kiosk, create_application
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.analytics.store import AnalyticsStore
    from kiosk.audio.settings import AudioSettings
    from kiosk.ui.staff.mode import StaffMode

DEFAULT_WINDOW = (1280, 800)


def _report_milestones(window: KioskWindow, app: QApplication, first: bool, ready: bool) -> None:
    """For bench/startup.py: print milestones to stdout and quit at the one asked for."""
    if first or ready:
        window.first_frame_shown.connect(lambda: print("first-frame", flush=True))
    if first:
        # exit() ends the loop before the deferred build of the other screens can run, so
        # the measurement covers exactly what the first frame needs.
        window.first_frame_shown.connect(lambda: app.exit(0))
    elif ready:
        window.screens_ready.connect(lambda: print("ready", flush=True))
        window.screens_ready.connect(lambda: app.exit(0))


class RunOptions(NamedTuple):
    content_dir: Path
    # True when the folder is the content store's (or the factory default), so installs
    # and rollbacks switch what is shown; False for a folder chosen with --content.
    follow_store: bool
    config_path: Path | None
    config: StationConfig
    config_issues: list[Issue]
    windowed: bool
    size: tuple[int, int] | None
    screen_index: int | None
    exit_after_first_frame: bool = False
    exit_when_ready: bool = False
    data_folder: Path | None = None  # None: kiosk.paths.data_dir()


def run_kiosk(exhibit: Exhibit, options: RunOptions) -> int:
    # systemd's variables leave the environment before any child (or Qt) can inherit them.
    claim_notifier()
    try:  # one kiosk per station (kiosk.ops.station_lock); a read-only or full disk is fine
        lock = hold_station_lock(options.data_folder or data_dir())
    except StationBusyError:
        print("kiosk: a kiosk is already running on this station", file=sys.stderr)
        return 2
    for note in lock.notes:
        print(f"kiosk: warning: {note}", file=sys.stderr)
    if options.config_path is not None:
        # Pack commands run as child processes must read the same configuration.
        os.environ["KIOSK_CONFIG"] = str(options.config_path)
    config, config_issues = options.config, options.config_issues
    app = create_application()
    kiosk = build_kiosk(app, exhibit, languages=config.languages, with_input=False)
    window = kiosk.window
    kiosk.controller.set_idle_override(config.idle_timeout_s, config.idle_warning_s)
    screens = app.screens()
    screen_index = options.screen_index if options.screen_index is not None else config.screen
    if screen_index is not None and not 0 <= screen_index < len(screens):
        print(f"kiosk: there is no screen {screen_index}; found {len(screens)}", file=sys.stderr)
        return 2
    screen = screens[screen_index] if screen_index is not None else app.primaryScreen()
    # A display hung on its side or upside down: the interface turns inside the app.
    shown: QWidget = window
    if config.rotation:
        from kiosk.ui.rotation import RotatedHost  # noqa: PLC0415 - only for turned displays

        shown = RotatedHost(window, config.rotation)
    hold_light_until_first_frame(window)
    collect_cycles_after_first_frame(window)
    input_after_first_frame(kiosk, None if options.windowed else shown)
    settings_after_first_frame(window, config)
    _report_milestones(window, app, options.exit_after_first_frame, options.exit_when_ready)
    if not (options.exit_after_first_frame or options.exit_when_ready):
        # What serves staff and later visits starts once the first frame is up (and the
        # other screens are built: zero-delay timers run in order).
        window.first_frame_shown.connect(
            lambda: QTimer.singleShot(
                0, lambda: _start_services(kiosk, options, config, config_issues)
            )
        )
    if options.windowed:
        width, height = options.size or DEFAULT_WINDOW
        shown.resize(width, height)
        shown.move(screen.geometry().topLeft())
        shown.show()
    else:
        shown.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        shown.setScreen(screen)
        shown.setGeometry(screen.geometry())
        if config.cursor == "hidden":
            app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        shown.showFullScreen()
    code = app.exec()
    lock.release()
    return code


def right_after_first_frame(window: KioskWindow, action: Callable[[], object]) -> None:
    """``action`` once, right after the window's first frame: from a zero-delay timer, so
    after the frame's report and, in the order they were asked for, before the other
    screens are built (the window starts that timer after these)."""
    window.first_frame_shown.connect(
        lambda: QTimer.singleShot(0, action), Qt.ConnectionType.SingleShotConnection
    )


def hold_light_until_first_frame(window: KioskWindow) -> None:
    """The start screen's first frame without its light's glow, which is painted (about
    12 ms at 1080p) in the frame right after it, before the other screens are built."""
    light = window.attract.ambient
    light.hold()
    # Once: only the kiosk's first frame waits for its light (new content's start screen
    # is never held; this light may be gone by then).
    right_after_first_frame(window, light.release)


# However the first frame is delayed (a display that never shows the window), the cycle
# collector is not left off for longer than this.
COLLECTOR_OFF_AT_MOST_MS = 10_000


def collect_cycles_after_first_frame(window: KioskWindow) -> None:
    """Python's cycle collector back on right after the first frame (``kiosk run`` turns it
    off while it starts: see kiosk.cli), or after ten seconds without one; and from then
    on one malloc arena for every thread (kiosk.ops.malloc_arenas)."""

    def collect() -> None:
        gc.enable()
        limit_malloc_arenas()

    right_after_first_frame(window, collect)
    QTimer.singleShot(COLLECTOR_OFF_AT_MOST_MS, gc.enable)


def input_after_first_frame(kiosk: Kiosk, full_screen: QWidget | None) -> None:
    """The visitor's input (``Kiosk.start_input``: the keys, the visit's activity, the
    lockdown) right after the first frame, before the other screens are built (zero-delay
    timers run in the order they were started); on a real kiosk display the lockdown then
    keeps ``full_screen`` (the window, or the host that turns it) covering its screen.
    Until the first frame no visitor can act on anything; the lockdown's guard looks
    every 500 ms in any case."""

    def start() -> None:
        kiosk.start_input()
        if full_screen is not None:
            kiosk.lockdown.window = full_screen
            kiosk.lockdown.full_screen = True

    right_after_first_frame(kiosk.window, start)


def settings_after_first_frame(window: KioskWindow, config: StationConfig) -> None:
    """The station's keys (else the numeric keypad's) and its audio settings, handed over
    right after the first frame, before the other screens are built: the keys are read with
    the input filters (a key map is Qt's key sequences' first use, about 1.5 ms), and the
    audio settings are taken when the Listen control is built, with the other screens."""

    def hand_over() -> None:
        window.keypad.use_setting(config.keypad)
        window.audio_settings = audio_settings(config)

    right_after_first_frame(window, hand_over)


def audio_settings(config: StationConfig) -> AudioSettings:
    """The station's output, speech and volume, as the narrator takes them."""
    from kiosk.audio.settings import AudioSettings  # noqa: PLC0415

    return AudioSettings(config.audio_output_device, config.speech, config.default_volume)


def _start_services(
    kiosk: Kiosk, options: RunOptions, config: StationConfig, issues: list[Issue]
) -> None:
    """Logging, health, hot reload, following the content store, and staff mode."""
    import logging  # noqa: PLC0415

    from kiosk.core.pack_follow import follow_intact_store  # noqa: PLC0415
    from kiosk.core.reloader import ContentReloader  # noqa: PLC0415
    from kiosk.logs import configure_logging  # noqa: PLC0415
    from kiosk.packs.pointer import store_root  # noqa: PLC0415
    from kiosk.paths import default_content_dir  # noqa: PLC0415
    from kiosk.ui.live_content import LiveContent  # noqa: PLC0415
    from kiosk.ui.qt_messages import route_qt_messages  # noqa: PLC0415
    from kiosk.ui.staff.mode import StaffMode  # noqa: PLC0415

    window, controller = kiosk.window, kiosk.controller
    kiosk.log_files = configure_logging(to_files=True)
    route_qt_messages()
    for issue in issues:
        logging.getLogger(__name__).warning("station configuration: %s", issue)
    # Staff edits and installed packs appear without a restart, at the next rest.
    reloader = ContentReloader(options.content_dir, window)
    LiveContent(controller, reloader, parent=window)
    root = store_root(config.content_store)
    if options.follow_store:
        # Only while its files match the installed manifest (kiosk.packs.integrity).
        follow_intact_store(reloader, root, default_content_dir())
    staff = StaffMode(
        window, controller, config, issues, reloader, follow_store=options.follow_store
    )
    _follow_channel(staff, options.follow_store, issues)
    from kiosk.analytics.recorder import VisitRecorder  # noqa: PLC0415
    from kiosk.ui.display_sleep import DisplaySleep  # noqa: PLC0415

    DisplaySleep(window, config.opening_hours, controller=controller)
    # Counted, never tracked: hourly totals only; the station config can turn it off.
    recorder = VisitRecorder(
        controller.session, controller.idle, enabled=config.analytics, parent=window
    )
    # Closing folds SQLite's write-ahead log back into the file when the kiosk quits.
    QCoreApplication.instance().aboutToQuit.connect(recorder.close)  # type: ignore[union-attr]
    staff.health_source = _start_health(window, root, lambda: recorder.store)
    if config.metrics_port is not None:
        from kiosk.ui.metrics_server import MetricsServer  # noqa: PLC0415

        metrics = MetricsServer(staff.health_source, window)
        if not metrics.listen(config.metrics_port):
            logging.getLogger(__name__).warning(
                "cannot serve metrics on %s:%s", metrics.address, config.metrics_port
            )


def _follow_channel(staff: StaffMode, follow_store: bool, issues: list[Issue]) -> None:
    """The station's content channel, if it names one: a round installs into the store as a
    USB install does, so what it brings is shown at the next return to the start screen
    (the store follower above).  A kiosk shown a folder from --content follows no channel:
    what the channel installed would never be shown."""
    import logging  # noqa: PLC0415

    from kiosk.channel.settings import read_channel_settings  # noqa: PLC0415
    from kiosk.core.channel_follow import follow_channel  # noqa: PLC0415

    settings, channel_issues = read_channel_settings()
    for issue in channel_issues:
        logging.getLogger(__name__).warning("station configuration: %s", issue)
    if channel_issues:  # staff see why the channel is off where they see the others
        staff.panel.set_config_findings([*issues, *channel_issues])
    staff.station.channel_settings = settings
    if not follow_store:
        return
    follower = follow_channel(settings, staff.window)
    if follower is None:
        return
    staff.station.follow(follower)
    # No new round starts while the kiosk quits (one under way finishes on its own thread).
    QCoreApplication.instance().aboutToQuit.connect(follower.stop)  # type: ignore[union-attr]


def _start_health(
    window: KioskWindow, store: Path, counts: Callable[[], AnalyticsStore | None]
) -> Callable[[], dict[str, object]]:
    """systemd's READY and watchdog pings, and the health report every 30 seconds (visits
    only as the last complete hour's total, from ``counts``)."""
    import logging  # noqa: PLC0415
    import time  # noqa: PLC0415

    from kiosk.analytics.store import now_utc  # noqa: PLC0415
    from kiosk.ops.health import (  # noqa: PLC0415
        HEALTH_FILE,
        LastError,
        count_start,
        report,
        visits_last_hour,
    )
    from kiosk.packs.pointer import active_version  # noqa: PLC0415
    from kiosk.ui.health_writer import HealthWriter, altered_versions, qt_versions  # noqa: PLC0415
    from kiosk.ui.heartbeat import Heartbeat  # noqa: PLC0415

    last_error = LastError()
    logging.getLogger().addHandler(last_error)
    started, starts, versions = time.monotonic(), count_start(data_dir()), qt_versions()

    def health() -> dict[str, object]:
        return report(
            started=started,
            content_version=active_version(store) or "factory",
            visits=visits_last_hour(counts(), now_utc()),
            starts=starts,
            last_error=last_error,
            versions=versions,
            problems=altered_versions(store),  # installed versions refused as altered
        )

    HealthWriter(data_dir() / HEALTH_FILE, health, window).start()
    # The exhibit is on screen and running: systemd hears READY, then the GUI thread's pings.
    Heartbeat(claim_notifier(), window).first_frame_shown()
    return health
