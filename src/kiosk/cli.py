"""The ``kiosk`` command.  Qt is imported only by the subcommands that need it."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeAlias, cast

from kiosk import __version__
from kiosk.content.issues import ContentError, Issue
from kiosk.content.model import Exhibit
from kiosk.launch import command_line
from kiosk.paths import default_content_dir

if TYPE_CHECKING:
    from kiosk.prepare_run import Pending
    from kiosk.station_config import StationConfig

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
IMAGE_PROBE = "image-probe"  # hidden subcommand: see kiosk.paths.kiosk_command
AUDIO_PROBE = "audio-probe"  # hidden too: kiosk.content.narration decodes recordings
# The image probe's status on a machine without Qt (the pack tools need none): nothing was
# decoded, which is not the same as images that failed to decode.
EXIT_NO_DECODER = 3


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})x(\d{2,5})", text)
    if not match:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080")
    return int(match.group(1)), int(match.group(2))


def build_parser(*, with_packs: bool = True, only: str | None = None) -> argparse.ArgumentParser:
    """The command line; ``only`` builds just that command's options (the kiosk's start-up
    should not pay for the other ten), and every command is built otherwise."""
    parser = argparse.ArgumentParser(
        prog="kiosk", description="A full-screen touch kiosk for memorial exhibits."
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        if only is not None and name != only:
            continue
        if command.stand_in is not None and not with_packs:
            # Kept out of the kiosk's start-up; named so the list of commands still has it.
            commands.add_parser(name, help=command.stand_in)
        else:
            command.add_parser(commands)
    return parser


Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _add_run(commands: Commands) -> None:
    run = commands.add_parser("run", help="show the exhibit (the default command)")
    _add_content_option(run)
    run.add_argument("--windowed", action="store_true", help="a normal window, for development")
    run.add_argument(
        "--size", type=parse_size, metavar="WxH", help="window size (implies --windowed)"
    )
    run.add_argument(
        "--screen", type=int, default=None, metavar="N", help="show on screen N (from 0)"
    )
    run.add_argument(
        "--supervised",
        action="store_true",
        help="a service manager restarts the kiosk when it exits (same as KIOSK_SUPERVISED=1)",
    )
    _add_config_option(run)
    # For bench/startup.py: report the first painted frame, then quit.
    run.add_argument("--exit-after-first-frame", action="store_true", help=argparse.SUPPRESS)
    run.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)


def _add_validate(commands: Commands) -> None:
    validate = commands.add_parser("validate", help="check a content folder and list findings")
    validate.add_argument("folder", type=Path, nargs="?", default=None, metavar="DIR")
    validate.add_argument("--format", choices=("text", "json"), default="text")


def _add_statement(commands: Commands) -> None:
    statement = commands.add_parser("statement", help="the statement's seal of its issued words")
    actions = statement.add_subparsers(
        dest="statement_command", metavar="SUBCOMMAND", required=True
    )
    seal = actions.add_parser(
        "seal", help="seal the statement's words after a deliberate change; prints what changed"
    )
    seal.add_argument("folder", type=Path, nargs="?", default=None, metavar="DIR")
    seal.add_argument(
        "--language", action="append", default=[], metavar="CODE", help="also seal this version"
    )
    seal.add_argument(
        "--unseal", action="append", default=[], metavar="CODE", help="no longer seal this version"
    )


def _add_preview(commands: Commands) -> None:
    preview = commands.add_parser(
        "preview", help="the exhibit in a window on a content folder, reloading on save"
    )
    preview.add_argument("folder", type=Path, nargs="?", default=None, metavar="DIR")
    preview.add_argument("--size", type=parse_size, metavar="WxH", help="window size")


def _add_studio(commands: Commands) -> None:
    studio = commands.add_parser(
        "studio", help="edit, proof and publish an exhibit in a desktop window"
    )
    studio.add_argument("folder", type=Path, nargs="?", default=None, metavar="DIR")
    studio.add_argument(
        "--language",
        choices=("az", "en", "ru"),
        help="the studio's own words (default: the desktop's language)",
    )


def _add_schema(commands: Commands) -> None:
    schema = commands.add_parser("schema", help="write the JSON Schema of the content files")
    schema.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="FILE",
        help="a file (all schemas) or a folder (one per content file); default: print",
    )


def _add_staff(commands: Commands) -> None:
    staff = commands.add_parser("staff", help="staff access on this machine")
    staff_commands = staff.add_subparsers(dest="staff_command", metavar="SUBCOMMAND", required=True)
    set_pin = staff_commands.add_parser("set-pin", help="set the staff PIN (asks for it twice)")
    _add_config_option(set_pin)


def _add_self_test(commands: Commands) -> None:
    self_test = commands.add_parser(
        "self-test",
        help="check an installed kiosk without a display: content, screens, fonts, icons, "
        "translations; one summary line, exit 0 or 1",
    )
    _add_content_option(self_test)


def _add_fallback(commands: Commands) -> None:
    fallback = commands.add_parser(
        "fallback",
        help="a calm 'paused' screen that needs no content, for when the kiosk cannot start",
    )
    fallback.add_argument("--windowed", action="store_true", help="a normal window")
    fallback.add_argument(
        "--size", type=parse_size, metavar="WxH", help="window size (implies --windowed)"
    )
    fallback.add_argument("--exit-after-first-frame", action="store_true", help=argparse.SUPPRESS)


def _add_render(commands: Commands) -> None:
    render = commands.add_parser("render", help="render every screen to PNG, without a display")
    _add_content_option(render)
    render.add_argument("--out", type=Path, metavar="DIR", help="output folder for the PNGs")
    render.add_argument(
        "--contact-sheet",
        type=Path,
        metavar="FILE.png",
        help="also (or only) one image with every screen, for proofing",
    )
    render.add_argument("--language", metavar="CODE", help="render in this language (az, en, ru)")
    render.add_argument(
        "--pseudo",
        action="store_true",
        help="every word accented and 40%% longer, to find text that would be cut off",
    )
    render.add_argument(
        "--size",
        type=parse_size,
        action="append",
        metavar="WxH",
        help="size to render at (repeatable; default 1920x1080)",
    )


def _add_pack(commands: Commands) -> None:
    from kiosk.packs.cli import add_pack_commands  # noqa: PLC0415

    add_pack_commands(commands)


def _add_analytics(commands: Commands) -> None:
    from kiosk.analytics.cli import add_analytics_commands  # noqa: PLC0415

    add_analytics_commands(commands)


def _add_channel(commands: Commands) -> None:
    from kiosk.channel.cli import add_channel_commands  # noqa: PLC0415

    add_channel_commands(commands)


def _add_config_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="FILE",
        help="station configuration (default: the platform's config folder, or $KIOSK_CONFIG)",
    )


def _add_content_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--content",
        type=Path,
        default=None,
        metavar="DIR",
        help="content folder (default: the bundled exhibit)",
    )


def entry() -> None:
    """The ``kiosk`` command: :func:`main`, then an exit that cannot hang in Qt's teardown."""
    from kiosk.ops.leave import leave  # noqa: PLC0415 - only the real command leaves this way

    leave(main())


def _probe(name: str, arguments: list[str]) -> int:
    """The hidden decoders of the content checks, each as its own process (image-probe:
    pictures; audio-probe: recordings).  A PyInstaller bundle has no `python -m`, so they
    are reached through the kiosk command itself."""
    try:
        if name == IMAGE_PROBE:
            from kiosk.ui.image_probe import main as probe_images  # noqa: PLC0415 - imports Qt

            return probe_images(arguments)
        from kiosk.audio.recording_probe import main as probe_audio  # noqa: PLC0415

        return probe_audio(arguments)
    except ModuleNotFoundError as absent:
        if not (absent.name or "").startswith("PySide6"):
            raise
        what = "images" if name == IMAGE_PROBE else "recordings"
        qt = "Qt (PySide6)" if name == IMAGE_PROBE else "Qt Multimedia (PySide6)"
        print(f"kiosk {name}: cannot decode {what} here: {qt} is not installed", file=sys.stderr)
        return EXIT_NO_DECODER


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] in ([IMAGE_PROBE], [AUDIO_PROBE]):
        return _probe(args_list[0], args_list[1:])
    args_list = command_line(args_list)  # plain `kiosk` means `kiosk run`
    first = args_list[0]
    if first in COMMANDS and COMMANDS[first].reads_own_options:
        own = cast("Callable[[list[str]], int]", COMMANDS[first].run)
        return _guarded(lambda: own(args_list))
    # The pack commands' parser is built only when asked for: it is not start-up's business.
    parser = build_parser(
        with_packs=first in ("pack", "analytics", "-h", "--help"),
        only=first if first in COMMANDS else None,
    )
    try:
        args = parser.parse_args(args_list)
        if args.command == "render" and args.out is None and args.contact_sheet is None:
            parser.error("render needs --out DIR, --contact-sheet FILE.png, or both")
    except SystemExit as exit_request:
        return int(exit_request.code or 0)
    command = cast("Callable[[argparse.Namespace], int]", COMMANDS[args.command].run)
    return _guarded(lambda: command(args))


def _guarded(command: Callable[[], int]) -> int:
    try:
        return command()
    except OSError as error:
        # A disk or a KIOSK_* path that refuses (a file where a folder should be, a
        # read-only or full disk): a message naming it, never a traceback.
        from kiosk.paths import explain_os_error  # noqa: PLC0415

        print(explain_os_error(error), file=sys.stderr)
        return EXIT_USAGE


def content_folder(chosen: Path | None, store: Path | None = None) -> Path:
    """The folder to show: the one asked for, else the installed pack that is active in the
    content store if its files still match its manifest (else the last intact version),
    else the bundled exhibit (the factory default)."""
    if chosen is not None:
        return chosen
    from kiosk.packs.pointer import active_version, store_root  # noqa: PLC0415 - light

    root = store_root(store)
    if active_version(root) is None:
        return default_content_dir()  # nothing installed: nothing more to import or check
    from kiosk.packs.integrity import resolve_intact  # noqa: PLC0415 - hashing, when needed

    resolved = resolve_intact(root)
    for problem in resolved.refused:  # before logging exists: stderr reaches the journal
        print(f"kiosk: {problem}; it is not shown", file=sys.stderr)
    return resolved.folder or default_content_dir()


def _pack(args: argparse.Namespace) -> int:
    from kiosk.packs.cli import run_pack_command  # noqa: PLC0415

    return run_pack_command(args)


def _analytics(args: argparse.Namespace) -> int:
    from kiosk.analytics.cli import run_analytics_command  # noqa: PLC0415

    return run_analytics_command(args)


def _channel(args: argparse.Namespace) -> int:
    from kiosk.channel.cli import run_channel_command  # noqa: PLC0415

    return run_channel_command(args)


def _staff(args: argparse.Namespace) -> int:
    from kiosk.staff_cli import set_pin  # noqa: PLC0415

    return set_pin(args.config)


def _self_test(args: argparse.Namespace) -> int:
    from kiosk.selftest import run_self_test  # noqa: PLC0415 - imports Qt when it runs

    return run_self_test(args.content)


def _fallback(args: argparse.Namespace) -> int:
    # Nothing the kiosk reads (content, station configuration, the store) is touched here:
    # any of it may be why the kiosk keeps failing.
    from kiosk.ui.fallback import run_fallback  # noqa: PLC0415 - imports Qt

    return run_fallback(
        windowed=args.windowed or args.size is not None,
        size=args.size,
        exit_after_first_frame=args.exit_after_first_frame,
    )


def _run_command(args_list: list[str]) -> int:
    """``kiosk run`` from :func:`main` (the command itself starts in kiosk.launch)."""
    from kiosk.launch import start_run  # noqa: PLC0415

    return finish_run(start_run(args_list))


def guarded_run(pending: Pending) -> int:
    """:func:`finish_run`, with a refusing disk said in a line (kiosk.launch's way in)."""
    return _guarded(lambda: finish_run(pending))


def finish_run(pending: Pending) -> int:
    """``kiosk run`` once its options, station and content are being read by a child
    process (kiosk.prepare_run): Qt is loaded meanwhile, so the first frame waits for
    whichever is slower, not for both.

    Python's cycle collector is off until the first frame (the caller turned it off; the
    runner turns it back on right after the frame): start-up only builds what the kiosk
    keeps, so the collector's passes over the growing heap would find nothing, and cost
    about 11 ms of the first frame.  Memory freed by reference counting is freed as
    always."""
    import gc  # noqa: PLC0415
    import os  # noqa: PLC0415

    try:
        try:
            from kiosk.ui import runner  # noqa: F401, PLC0415 - Qt, loaded while the child reads
        except ModuleNotFoundError as absent:
            if not (absent.name or "").startswith(("PySide6", "shiboken6")):
                raise
            print(
                "kiosk run: cannot show the exhibit here: Qt (PySide6) is not installed "
                "(the staff's tools, kiosk validate and kiosk pack, work without it)",
                file=sys.stderr,
            )
            return EXIT_USAGE
        prepared = cast("PreparedRun | int", pending.result())
        if isinstance(prepared, int):  # the options were wrong, or only help was asked for
            return prepared
        args, station, folder, exhibit, data_folder = prepared
        if args.supervised:  # read by staff mode's Restart (kiosk.paths.self_restart_wanted)
            os.environ["KIOSK_SUPERVISED"] = "1"
        if exhibit is None:
            return EXIT_CONTENT
        return _run(exhibit, folder, station, args, data_folder)
    finally:
        gc.enable()  # on every way out; the runner has turned it on after the first frame


PreparedRun: TypeAlias = (
    "tuple[argparse.Namespace, tuple[StationConfig, list[Issue]], Path, Exhibit | None, Path]"
)


def prepare_to_run(args_list: list[str]) -> PreparedRun | int:
    """What ``kiosk run`` needs before its window, or the exit status when the options say
    to stop (an error, ``--help``); run by kiosk.prepare_run's child (kiosk.launch)."""
    from kiosk.paths import data_dir  # noqa: PLC0415

    parser = build_parser(with_packs=False, only="run")
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_request:
        return int(exit_request.code or 0)
    # The data folder too: finding the platform's costs an import the parent need not pay.
    return (args, *_prepare_to_show(args), data_dir())


def _prepare_to_show(
    args: argparse.Namespace,
) -> tuple[tuple[StationConfig, list[Issue]], Path, Exhibit | None]:
    """The station's configuration, the folder to show and its content (None: it does not
    load, and why was printed)."""
    from kiosk.station import load_station_config  # noqa: PLC0415

    station = load_station_config(args.config)
    # Said before the window, not only in the log after the first frame: whoever started
    # the kiosk (another account on a station, say) learns at once why trust is refused.
    for problem in station[0].trust_problems:
        print(f"kiosk: {problem}", file=sys.stderr)
    folder = content_folder(args.content, station[0].content_store)
    exhibit = _load_to_show(folder)
    if exhibit is None and args.content is None and folder != default_content_dir():
        # Installed content that no longer loads (a damaged disk, a hand edit) must not
        # keep the exhibit dark or send it into a restart loop: show the bundled exhibit.
        print(
            f"kiosk: the installed content in {folder} does not load; "
            "showing the bundled exhibit instead",
            file=sys.stderr,
        )
        folder = default_content_dir()
        exhibit = _load_to_show(folder)
    return station, folder, exhibit


def _render_command(args: argparse.Namespace) -> int:
    exhibit = _load(content_folder(args.content))
    if exhibit is None:
        return EXIT_CONTENT
    sizes = args.size or [(1920, 1080)]
    return _render(exhibit, args.out, args.contact_sheet, sizes, args.language, args.pseudo)


def _load_to_show(folder: Path) -> Exhibit | None:
    """The content to show at start, read and checked from its files every time.  A cache
    of the checked model was tried (about 11 ms of the first frame) and removed: it would
    sit in the data folder, which the kiosk's own account can write, so anyone able to
    write there could put figures or captions on screen that no check ever saw."""
    return _load(folder)


def _load(folder: Path) -> Exhibit | None:
    # Imported here: only the commands that read content pay for the loader.
    from kiosk.content.loader import load_exhibit  # noqa: PLC0415

    try:
        return load_exhibit(folder)
    except ContentError as error:
        for issue in error.issues:
            print(issue, file=sys.stderr)
        count = len(error.issues)
        print(
            f"kiosk: {count} error{'s' if count != 1 else ''} in {folder}; nothing was shown.",
            file=sys.stderr,
        )
        return None


def _validate(folder: Path, output_format: str) -> int:
    from kiosk.content.validate import format_json, format_text, validate_folder  # noqa: PLC0415

    if not folder.is_dir():
        print(f"kiosk validate: {folder} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    issues = validate_folder(folder)
    errors = sum(issue.severity == "error" for issue in issues)
    if output_format == "json":
        print(format_json(issues))
    else:
        if issues:
            print(format_text(issues))
        warnings = len(issues) - errors
        print(f"{folder}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return EXIT_CONTENT if errors else EXIT_OK


def _statement(args: argparse.Namespace) -> int:
    from kiosk.content.sealing import seal_statement  # noqa: PLC0415

    folder = args.folder or (Path() if Path("statement.yaml").is_file() else default_content_dir())
    if not folder.is_dir():
        print(f"kiosk statement seal: {folder} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    return seal_statement(folder, args.language, args.unseal, sys.stdout, sys.stderr)


def _preview(folder: Path, size: tuple[int, int] | None) -> int:
    if not folder.is_dir():
        print(f"kiosk preview: {folder} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    from kiosk.ui.preview import run_preview  # noqa: PLC0415 - imports Qt

    return run_preview(folder, size)


def _studio(chosen: Path | None, language: str | None) -> int:
    folder = content_folder(chosen)
    if chosen is None and _in_store(folder):
        # An installed version is kept as it was published (the station checks it against
        # its manifest); staff edit their own copy and publish a new pack.
        print(
            f"kiosk studio: the exhibit showing is the installed pack in {folder}; "
            "name the folder you edit (kiosk studio DIR)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if not folder.is_dir():
        print(f"kiosk studio: {folder} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    from kiosk.ui.studio.app import run_studio  # noqa: PLC0415 - imports Qt

    return run_studio(folder, language)


def _in_store(folder: Path) -> bool:
    from kiosk.packs.pointer import store_root  # noqa: PLC0415 - light

    return store_root(None).resolve() in folder.resolve().parents


def _schema(out: Path | None) -> int:
    import json  # noqa: PLC0415

    from kiosk.content.validate import all_schemas, write_schemas  # noqa: PLC0415

    if out is None:
        print(json.dumps(all_schemas(), indent=2))
        return EXIT_OK
    try:
        written = write_schemas(out)
    except OSError as error:
        print(f"kiosk schema: cannot write {out}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    for path in written:
        print(f"kiosk schema: wrote {path}", file=sys.stderr)
    return EXIT_OK


def _render(  # noqa: PLR0917 - the render command's own options, passed straight on
    exhibit: Exhibit,
    out: Path | None,
    sheet: Path | None,
    sizes: list[tuple[int, int]],
    language: str | None = None,
    pseudo: bool = False,
) -> int:
    import tempfile  # noqa: PLC0415

    from kiosk.logs import configure_logging  # noqa: PLC0415
    from kiosk.render import contact_sheets, render_all  # noqa: PLC0415 - imports Qt
    from kiosk.ui.qt_messages import route_qt_messages  # noqa: PLC0415

    configure_logging()
    route_qt_messages()

    with tempfile.TemporaryDirectory(prefix="kiosk-render-") as scratch:
        target = out or Path(scratch)
        try:
            written = render_all(exhibit, target, sizes, language, pseudo=pseudo)
            if sheet is not None:
                for path in contact_sheets(written, sheet, sizes):
                    print(f"kiosk: wrote contact sheet {path}")
        except OSError as error:
            print(f"kiosk: {error}", file=sys.stderr)
            return EXIT_USAGE
    if out is not None:
        print(f"kiosk: wrote {len(written)} images to {out}")
    return EXIT_OK


def _run(
    exhibit: Exhibit,
    folder: Path,
    station: tuple[StationConfig, list[Issue]],
    args: argparse.Namespace,
    data_folder: Path,
) -> int:
    from kiosk.ui.runner import RunOptions, run_kiosk  # noqa: PLC0415 - imports Qt

    options = RunOptions(
        content_dir=folder,
        follow_store=args.content is None,
        config_path=args.config,
        config=station[0],
        config_issues=station[1],
        windowed=args.windowed or args.size is not None,
        size=args.size,
        screen_index=args.screen,
        exit_after_first_frame=args.exit_after_first_frame,
        exit_when_ready=args.exit_when_ready,
        data_folder=data_folder,
    )
    return run_kiosk(exhibit, options)


class Command(NamedTuple):
    """One ``kiosk`` command: how its options are read and what it does."""

    add_parser: Callable[[Commands], None]
    # Given the parsed options; or, for a command that reads its own (``kiosk run`` does
    # so in a child process: see _run_command), the words after the program's name.
    run: Callable[[argparse.Namespace], int] | Callable[[list[str]], int]
    # Commands whose parser is heavy to build: only this name and help when another command
    # runs (the kiosk's start-up), the full parser for itself and for `kiosk -h`.
    stand_in: str | None = None
    reads_own_options: bool = False


# Every command, in `kiosk -h` order: adding a command is one entry here.
COMMANDS: dict[str, Command] = {
    "run": Command(_add_run, _run_command, reads_own_options=True),
    "validate": Command(
        _add_validate, lambda a: _validate(a.folder or content_folder(None), a.format)
    ),
    "statement": Command(_add_statement, _statement),
    "preview": Command(_add_preview, lambda a: _preview(a.folder or content_folder(None), a.size)),
    "studio": Command(_add_studio, lambda a: _studio(a.folder, a.language)),
    "schema": Command(_add_schema, lambda a: _schema(a.out)),
    "pack": Command(
        _add_pack, _pack, stand_in="build, sign, check, install and roll back content packs"
    ),
    "analytics": Command(
        _add_analytics, _analytics, stand_in="anonymous visit counts: summary or CSV export"
    ),
    "channel": Command(_add_channel, _channel),
    "staff": Command(_add_staff, _staff),
    "self-test": Command(_add_self_test, _self_test),
    "fallback": Command(_add_fallback, _fallback),
    "render": Command(_add_render, _render_command),
}
