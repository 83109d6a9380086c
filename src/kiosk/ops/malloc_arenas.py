"""One malloc arena for the whole kiosk, where the C library is glibc.

glibc gives each thread that allocates an arena of its own (up to eight per core) and gives
little of a thread arena's freed memory back: Qt Multimedia's decoding and output threads,
the picture loader and the channel's rounds would each fragment their own, and a kiosk runs
for months.  In one arena, memory freed by any thread is reused by all of them and can be
trimmed back to the system.  The lock they then share costs nothing a visitor could notice
with a kiosk's few threads.  Elsewhere (musl, macOS, Windows) this does nothing.

Set after the first frame (``ctypes`` costs about 3 ms to import): threads that allocated
before it keep their arena, and every thread started later shares the main one.
"""

from __future__ import annotations

M_ARENA_MAX = -8  # glibc's <malloc.h>
ARENAS = 1


def limit_malloc_arenas(count: int = ARENAS) -> bool:
    """Ask glibc for at most ``count`` arenas; whether the C library took the request."""
    import ctypes  # noqa: PLC0415 - only after the first frame: see the module's note

    try:
        libc = ctypes.CDLL(None)  # the C library this process already uses
    except OSError:
        return False
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return False
    return bool(mallopt(M_ARENA_MAX, count))
