"""The ``kiosk`` command's entry point (the installed command, ``python -m kiosk`` and the
PyInstaller bundle).

``kiosk run`` (and plain ``kiosk``) starts its child reading the options, the station and
the content (kiosk.prepare_run) and turns Python's cycle collector off before it imports
anything else, kiosk.cli included: the child then has the parent's whole load of Qt to
finish in, even on a busy machine.  Every other command goes straight to kiosk.cli.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.prepare_run import Pending

RUN = "run"
# What the child runs for ``kiosk run`` (kiosk.prepare_run finds it by this name).
RUN_PREPARATION = "kiosk.cli:prepare_to_run"


def command_line(arguments: list[str]) -> list[str]:
    """``arguments`` with the command named: plain ``kiosk``, or options alone, is ``kiosk run``."""
    if not arguments or (
        arguments[0].startswith("-") and arguments[0] not in ("-h", "--help", "--version")
    ):
        return [RUN, *arguments]
    return arguments


def start_run(arguments: list[str]) -> Pending:
    """``kiosk run``'s first steps: systemd's variables out of the environment, the cycle
    collector off until the first frame (see kiosk.cli.finish_run), then the child that
    reads the options, the station and the content."""
    import gc  # noqa: PLC0415

    gc.disable()  # first: the imports below are start-up too
    from kiosk import prepare_run  # noqa: PLC0415
    from kiosk.ops.notify import claim_notifier  # noqa: PLC0415

    claim_notifier()  # before the child starts, so that it cannot inherit them
    return prepare_run.start(RUN_PREPARATION, arguments)


def entry() -> None:
    """The ``kiosk`` command; it leaves through kiosk.ops.leave (no hang in Qt's teardown)."""
    arguments = command_line(sys.argv[1:])
    if arguments[0] != RUN:
        from kiosk.cli import entry as other_command  # noqa: PLC0415

        other_command()
        return
    pending = start_run(arguments)
    from kiosk.cli import guarded_run  # noqa: PLC0415
    from kiosk.ops.leave import leave  # noqa: PLC0415

    leave(guarded_run(pending))
