"""systemd's notification protocol (sd_notify): one datagram per message to $NOTIFY_SOCKET.

Small enough to speak directly; the C bindings would need a compiler on every kiosk.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping

# What systemd hands the service's main process for sd_notify; no child may inherit it.
NOTIFY_VARIABLES = ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")


class Notifier:
    """Sends READY=1, WATCHDOG=1 and STATUS=... when started by systemd; else does nothing."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        environ = os.environ if environ is None else environ
        address = environ.get("NOTIFY_SOCKET", "")
        # An address starting with @ is in the abstract namespace.
        self.address = "\0" + address[1:] if address.startswith("@") else address
        usec = environ.get("WATCHDOG_USEC", "")
        self.watchdog_s = int(usec) / 1_000_000 if usec.isdigit() and int(usec) > 0 else None
        # systemd names the process its watchdog watches; pings from another are not asked.
        watched = environ.get("WATCHDOG_PID", "")
        if watched.isdigit() and int(watched) != os.getpid():
            self.watchdog_s = None

    @property
    def enabled(self) -> bool:
        return bool(self.address)

    def send(self, message: str) -> bool:
        if not self.address:
            return False
        import socket  # noqa: PLC0415 - not before the first frame: its import is slow

        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.sendto(message.encode(), self.address)
        except OSError:
            return False  # systemd gone or socket unreadable: nothing a kiosk can do
        return True

    def ready(self) -> bool:
        return self.send("READY=1")

    def watchdog(self) -> bool:
        return self.send("WATCHDOG=1")

    def status(self, text: str) -> bool:
        return self.send(f"STATUS={text}")


_claimed: Notifier | None = None


def claim_notifier(environ: MutableMapping[str, str] | None = None) -> Notifier:
    """The process's notifier, read from the environment once, before any child starts.

    The variables are then removed from the environment (``os.environ`` updates the C
    environment too, which Qt's processes inherit): with ``NotifyAccess=all`` a child's
    READY=1 would count as the kiosk's.  KIOSK_SUPERVISED=1 keeps saying that a service
    manager restarts the kiosk (``kiosk.paths.self_restart_wanted``).
    """
    global _claimed  # noqa: PLW0603 - one claim per process, by design
    if _claimed is None:
        environ = os.environ if environ is None else environ
        _claimed = Notifier(environ)
        if environ.get("NOTIFY_SOCKET"):
            environ["KIOSK_SUPERVISED"] = "1"
        for name in NOTIFY_VARIABLES:
            environ.pop(name, None)
    return _claimed
