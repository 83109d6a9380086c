"""kiosk.ops.malloc_arenas: the running kiosk asks glibc for one malloc arena."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_glibc_takes_the_request() -> None:
    # In a child process: this test process's allocator is left as it was.
    script = "from kiosk.ops.malloc_arenas import limit_malloc_arenas as l; print(l())"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.strip() == "True", result.stderr
