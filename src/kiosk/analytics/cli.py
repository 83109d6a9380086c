"""``kiosk analytics summary`` and ``kiosk analytics export --out FILE.csv``: the counts for
staff, on the station itself.

``kiosk.cli`` adds them with ``add_analytics_commands`` and runs them with
``run_analytics_command``.  Exit codes: 0 done, 2 when the database or the CSV file cannot
be read or written; never a traceback.  The commands never move the kiosk's database aside,
even a damaged one: the running kiosk owns it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.analytics.store import (
    SUMMARY_DAYS,
    AnalyticsError,
    AnalyticsStore,
    Summary,
    default_db_path,
    empty_summary,
    write_csv,
)

EXIT_OK, EXIT_UNAVAILABLE = 0, 2
PROG = "kiosk analytics"

__all__ = ["add_analytics_commands", "default_db_path", "format_summary", "run_analytics_command"]


def add_analytics_commands(subparsers: Any) -> None:
    """Add ``analytics`` and its subcommands to the top-level ``add_subparsers()`` object."""
    analytics = subparsers.add_parser(
        "analytics",
        help="anonymous visit counts: a summary, or every hourly total as CSV",
        description="Visits counted per hour on this station; nothing about any visitor.",
    )
    commands = analytics.add_subparsers(
        dest="analytics_command", metavar="SUBCOMMAND", required=True
    )
    export = commands.add_parser("export", help="write every hourly total to a CSV file")
    export.add_argument(
        "--out", type=Path, required=True, metavar="FILE.csv", help="columns hour,kind,key,count"
    )
    commands.add_parser("summary", help="visits today and this week, screens and languages")


def run_analytics_command(args: argparse.Namespace) -> int:
    path = default_db_path()
    try:
        if args.analytics_command == "export":
            return _export(path, args.out)
        print(format_summary(_summary(path)))
    except AnalyticsError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    return EXIT_OK


def _export(path: Path, out: Path) -> int:
    if path.exists():
        with AnalyticsStore(path, recover=False) as store:
            written = store.export_csv(out)
    else:  # nothing counted yet (or analytics off): a header only, and no database made
        try:
            written = write_csv(out, [])
        except OSError as error:
            raise AnalyticsError(f"cannot write {out}: {error.strerror or error}") from error
    print(f"{PROG}: wrote {written} rows to {out}", file=sys.stderr)
    return EXIT_OK


def _summary(path: Path) -> Summary:
    if not path.exists():
        return empty_summary()
    with AnalyticsStore(path, recover=False) as store:
        return store.summary()


def format_summary(summary: Summary) -> str:
    """The summary as a few lines for a terminal."""
    week = f"last {SUMMARY_DAYS} days"

    def listed(pairs: list[tuple[str, int]]) -> str:
        return ", ".join(f"{key} {count}" for key, count in pairs) or "none"

    return "\n".join(
        (
            f"Visits today (UTC): {summary['visits_today']}",
            f"Visits, {week}: {summary['visits_last_7_days']}",
            f"Screens viewed, {week}: {listed(summary['top_screens'])}",
            f"Languages chosen, {week}: {listed(summary['languages'])}",
            f"Reading aids chosen, {week}: {listed(summary['access'])}",
            f"Visit lengths, {week}: {listed(summary['durations'])}",
            f"Idle resets, {week}: {summary['idle_resets']}",
        )
    )
