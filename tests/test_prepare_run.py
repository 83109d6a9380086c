"""``kiosk.prepare_run``: work done in a forked child while the parent loads Qt, with the
parent doing it itself whenever the child cannot deliver (issue 20, start-up).

Each case runs in a fresh interpreter: pytest has Qt loaded and threads running, where the
module rightly refuses to fork (that refusal is tested here too)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from kiosk import prepare_run


def run_script(body: str) -> subprocess.CompletedProcess[str]:
    script = "import os, sys, signal\nfrom kiosk import prepare_run\n" + textwrap.dedent(body)
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,  # a hang guard only
        check=False,
    )


def test_the_work_runs_in_a_child_and_its_result_reaches_the_parent() -> None:
    result = run_script(
        """
        parent = os.getpid()
        pending = prepare_run.start(lambda: (os.getpid(), {"words": ["20 January"]}))
        pid, value = pending.result()
        print(pending.forked, pid != parent, value)
        """
    )
    assert result.stdout.split("\n")[0] == "True True {'words': ['20 January']}", result.stderr


def test_what_the_work_raises_in_the_child_is_raised_in_the_parent() -> None:
    result = run_script(
        """
        def work():
            raise PermissionError(13, "Permission denied", "/etc/kiosk/station.yaml")
        pending = prepare_run.start(work)
        try:
            pending.result()
        except PermissionError as error:
            print("raised", pending.forked, error.filename)
        """
    )
    assert result.stdout.strip() == "raised True /etc/kiosk/station.yaml", result.stderr


def test_a_child_that_dies_leaves_the_work_to_the_parent() -> None:
    result = run_script(
        """
        parent = os.getpid()
        def work():
            if os.getpid() != parent:
                os.kill(os.getpid(), signal.SIGKILL)  # the child, killed mid-work
            return "done by the parent"
        print(prepare_run.start(work).result())
        """
    )
    assert result.stdout.strip() == "done by the parent", result.stderr


def test_a_result_that_cannot_be_sent_is_made_again_by_the_parent() -> None:
    result = run_script(
        """
        parent = os.getpid()
        # A lambda cannot be pickled: the child sends nothing and says so by its status.
        made_in = prepare_run.start(lambda: (lambda: os.getpid())).result()()
        print(made_in == parent)
        """
    )
    assert result.stdout.strip() == "True", result.stderr


def test_what_the_child_prints_is_printed_once_and_no_child_is_left() -> None:
    result = run_script(
        """
        def work():
            print("kiosk: the content in /media/usb does not load", file=sys.stderr)
            return 1
        pending = prepare_run.start(work)
        print(pending.result(), pending.forked)
        try:
            os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            print("no child left")
        """
    )
    assert result.stdout.split("\n")[:2] == ["1 True", "no child left"], result.stderr
    assert result.stderr.count("does not load") == 1


def test_no_fork_once_threads_run() -> None:
    result = run_script(
        """
        import threading
        stop = threading.Event()
        thread = threading.Thread(target=stop.wait)
        thread.start()
        pending = prepare_run.start(lambda: os.getpid())
        print(pending.forked, pending.result() == os.getpid())
        stop.set()
        thread.join()
        """
    )
    assert result.stdout.strip() == "False True", result.stderr


def test_no_fork_where_qt_is_loaded() -> None:
    # This test process: pytest-qt has loaded PySide6.  The work is done in place.
    assert any(name.startswith("PySide6") for name in sys.modules)
    pending = prepare_run.start(os.getpid)
    assert not pending.forked
    assert pending.result() == os.getpid()


def test_in_place_work_raises_as_it_always_did() -> None:
    def work() -> None:
        raise FileNotFoundError("content folder not found")

    with pytest.raises(FileNotFoundError, match="content folder not found"):
        prepare_run.start(work).result()
