"""Is there a sound server to play to?  Answered without Qt Multimedia.

Qt Multimedia, asked for an output where no PulseAudio (or pipewire-pulse) answers, logs a
Qt warning ("PulseAudioService: pa_context_connect() failed") on every look-up.  A kiosk
without a sound server (a build machine, a station with no audio set up) already knows it
plays nothing; it asks here first, and Qt Multimedia is not even loaded then.

The answer errs towards "yes": an address that cannot be checked cheaply (a TCP server)
counts as present and Qt decides.  Asked at every start of a sound, so a server that starts
after the kiosk (the session's PipeWire) is found.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

CONNECT_TIMEOUT_S = 0.2


def _unix_answers(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(CONNECT_TIMEOUT_S)
        try:
            probe.connect(str(path))
        except OSError:
            return False
    return True


def _runtime_dir() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return Path(runtime) if runtime else Path(f"/run/user/{os.getuid()}")


def candidate_sockets() -> list[Path] | None:
    """The unix sockets a sound server would listen on; None when an address that is not a
    local socket is configured (it cannot be checked without speaking its protocol)."""
    configured = os.environ.get("PULSE_SERVER", "").split()
    if configured:
        found = []
        for entry in configured:
            address = entry.split("}", 1)[-1]  # "{machine-id}unix:/path"
            if address.startswith("unix:"):
                found.append(Path(address[len("unix:") :]))
            elif address.startswith("/"):
                found.append(Path(address))
            else:
                return None  # tcp:host, host: let Qt try
        return found
    runtime = _runtime_dir()
    pipewire = Path(os.environ.get("PIPEWIRE_RUNTIME_DIR", str(runtime)))
    return [
        runtime / "pulse" / "native",
        Path("/run/pulse/native"),  # a system-wide PulseAudio
        pipewire / os.environ.get("PIPEWIRE_REMOTE", "pipewire-0"),
    ]


def sound_server_answers() -> bool:
    """True when a sound server may answer (some socket accepts, or one cannot be checked)."""
    sockets = candidate_sockets()
    if sockets is None:
        return True
    return any(_unix_answers(path) for path in sockets)
