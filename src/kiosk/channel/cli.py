"""``kiosk channel ...``: publish a pack to a channel, look at one, follow one by hand.

Exit codes: 0 done (installed, already current, waiting for its ``not_before``, or another
round was already running), 1 refused or unreachable (the message says which file and what
was wrong), 2 usage (no channel configured, a missing file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.packs.errors import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, PackError

PROG = "kiosk channel"


def add_channel_commands(subparsers: Any) -> None:
    """Add ``channel`` and its subcommands to the top-level ``add_subparsers()`` object."""
    channel = subparsers.add_parser(
        "channel",
        help="publish content to a channel many kiosks follow; follow one",
        description="A channel: a folder of static files (a signed index and the packs) "
        "that any file server serves and kiosks follow.",
    )
    commands = channel.add_subparsers(dest="channel_command", metavar="SUBCOMMAND")

    publish = commands.add_parser("publish", help="put a signed pack into a channel folder")
    publish.add_argument("pack", type=Path, metavar="PACK")
    publish.add_argument(
        "--channel",
        type=Path,
        required=True,
        metavar="DIR",
        help="the channel folder (made if missing)",
    )
    publish.add_argument(
        "--key", type=Path, required=True, metavar="KEY", help="the private key that signed it"
    )
    publish.add_argument(
        "--not-before",
        metavar="ISO",
        default=None,
        help="show it from this moment, e.g. 2027-01-20T00:00:00+04:00 (kiosks download it "
        "before and keep it waiting)",
    )
    publish.add_argument(
        "--expires-in",
        type=float,
        default=30.0,
        metavar="DAYS",
        help="kiosks refuse the index after this many days (default 30): publish again before then",
    )

    show = commands.add_parser("show", help="print a channel's index and check it")
    show.add_argument("location", metavar="DIR|URL")
    show.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="PUBKEY",
        help="check against this public key instead of the station's (repeatable)",
    )
    show.add_argument("--ca-file", type=Path, default=None, metavar="FILE")

    sync = commands.add_parser("sync", help="one round of following the station's channel")
    sync.add_argument(
        "--once", action="store_true", help="one round, then exit (cron, provisioning, tests)"
    )

    commands.add_parser("status", help="the channel followed, what is installed, last check")
    channel.set_defaults(channel_parser=channel)


def run_channel_command(args: argparse.Namespace) -> int:
    handler = _HANDLERS.get(args.channel_command or "")
    if handler is None:
        args.channel_parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return handler(args)
    except PackError as error:
        _fail(str(error))
        return error.exit_code
    except OSError as error:
        from kiosk.paths import explain_os_error  # noqa: PLC0415

        _fail(explain_os_error(error))
        return EXIT_USAGE


def _publish(args: argparse.Namespace) -> int:
    from kiosk.channel.index import parse_moment  # noqa: PLC0415
    from kiosk.channel.publish import describe_published, publish  # noqa: PLC0415

    not_before = None
    if args.not_before is not None:
        try:
            not_before = parse_moment(args.not_before)
        except ValueError as error:
            _fail(f"--not-before: {error}")
            return EXIT_USAGE
    result = publish(
        args.pack,
        args.channel,
        args.key,
        not_before=not_before,
        expires_in_days=args.expires_in,
    )
    print(describe_published(result))
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from kiosk.channel.fetch import FetchPolicy  # noqa: PLC0415
    from kiosk.channel.show import show_channel  # noqa: PLC0415
    from kiosk.packs.verify import verify_keys  # noqa: PLC0415

    shown = show_channel(args.location, verify_keys(args.trust), FetchPolicy(ca_file=args.ca_file))
    print(shown.index.describe())
    print(f"signed by   trusted key {shown.signer}")
    for problem in shown.problems:
        _fail(problem)
    return EXIT_REFUSED if shown.problems else EXIT_OK


def _sync(args: argparse.Namespace) -> int:
    from kiosk.channel.settings import read_channel_settings  # noqa: PLC0415
    from kiosk.channel.sync import sync_once  # noqa: PLC0415

    if not args.once:
        _fail("the kiosk follows its channel itself; 'sync --once' does one round by hand")
        return EXIT_USAGE
    settings, issues = read_channel_settings()
    for issue in issues:
        print(issue, file=sys.stderr)
    if settings.location is None:
        _fail("no channel to follow: set 'channel:' in the station configuration")
        return EXIT_USAGE
    outcome = sync_once(settings)
    if outcome.ok:
        print(f"{settings.location}: {outcome.message}")
        return EXIT_OK
    _fail(f"{outcome.result}: {outcome.message}")
    return EXIT_REFUSED


def _status(_args: argparse.Namespace) -> int:
    from kiosk.channel.settings import read_channel_settings  # noqa: PLC0415
    from kiosk.channel.state import load_state  # noqa: PLC0415
    from kiosk.channel.status import status_lines  # noqa: PLC0415

    settings, issues = read_channel_settings()
    for issue in issues:
        print(issue, file=sys.stderr)
    state = load_state()
    for line in status_lines(settings, state):
        print(line)
    return EXIT_OK if settings.location is not None else EXIT_USAGE


def _fail(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


_HANDLERS = {"publish": _publish, "show": _show, "sync": _sync, "status": _status}
