"""``kiosk.prepare_run``: work done in a child process while the parent loads Qt, with the
parent doing it itself whenever the child cannot deliver (issue 20, start-up).

Each case runs in a fresh interpreter (pytest's Qt application runs, where the module
rightly does the work in place: that is tested here too), with work functions from a module
of the test's own that the child imports by name, as it imports ``kiosk.cli``'s."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk import prepare_run

WORKS = """
import os, signal, sys

def pid_and_words(arguments):
    return os.getpid(), {"words": arguments}

def refuse(arguments):
    raise PermissionError(13, "Permission denied", arguments[0])

def die_in_child(arguments):
    if str(os.getpid()) != os.environ["TEST_PARENT"]:
        os.kill(os.getpid(), signal.SIGKILL)  # the child, killed mid-work
    return "done by the parent"

def unsendable(arguments):
    return lambda: os.getpid()  # a lambda cannot be pickled

def say_and_fail(arguments):
    print("kiosk: the content in /media/usb does not load", file=sys.stderr)
    return 1
"""


Runner = Callable[[str], "subprocess.CompletedProcess[str]"]


@pytest.fixture
def run_script(tmp_path: Path) -> Runner:
    (tmp_path / "works.py").write_text(WORKS, encoding="utf-8")

    def run(body: str) -> subprocess.CompletedProcess[str]:
        script = (
            "import os, sys, threading\nfrom kiosk import prepare_run\n"
            "os.environ['TEST_PARENT'] = str(os.getpid())\n" + textwrap.dedent(body)
        )
        return subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            timeout=60,  # a hang guard only
            check=False,
            env={**os.environ, "PYTHONPATH": str(tmp_path)},
        )

    return run


def test_the_work_runs_in_a_child_and_its_result_reaches_the_parent(run_script: Runner) -> None:
    result = run_script(
        """
        pending = prepare_run.start("works:pid_and_words", ["20 January"])
        pid, value = pending.result()
        print(pending.in_child, pid != os.getpid(), value)
        """
    )
    assert result.stdout.split("\n")[0] == "True True {'words': ['20 January']}", result.stderr


def test_what_the_work_raises_in_the_child_is_raised_in_the_parent(run_script: Runner) -> None:
    result = run_script(
        """
        pending = prepare_run.start("works:refuse", ["/etc/kiosk/station.yaml"])
        try:
            pending.result()
        except PermissionError as error:
            print("raised", pending.in_child, error.filename)
        """
    )
    assert result.stdout.strip() == "raised True /etc/kiosk/station.yaml", result.stderr


def test_a_child_that_dies_leaves_the_work_to_the_parent(run_script: Runner) -> None:
    result = run_script(
        """
        pending = prepare_run.start("works:die_in_child", [])
        print(pending.in_child, pending.result())
        """
    )
    assert result.stdout.strip() == "True done by the parent", result.stderr


def test_a_result_that_cannot_be_sent_is_made_again_by_the_parent(run_script: Runner) -> None:
    result = run_script(
        """
        made_in = prepare_run.start("works:unsendable", []).result()()
        print(made_in == os.getpid())
        """
    )
    assert result.stdout.strip() == "True", result.stderr


def test_what_the_child_prints_is_printed_once_and_no_child_is_left(run_script: Runner) -> None:
    result = run_script(
        """
        pending = prepare_run.start("works:say_and_fail", [])
        print(pending.result(), pending.in_child)
        try:
            os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            print("no child left")
        """
    )
    assert result.stdout.split("\n")[:2] == ["1 True", "no child left"], result.stderr
    assert result.stderr.count("does not load") == 1


def test_a_child_is_started_while_threads_run(run_script: Runner) -> None:
    # A new process, not a fork: other threads (and the locks they hold) are not copied.
    result = run_script(
        """
        stop = threading.Event()
        thread = threading.Thread(target=stop.wait)
        thread.start()
        pending = prepare_run.start("works:pid_and_words", [])
        print(pending.in_child, pending.result()[0] != os.getpid())
        stop.set()
        thread.join()
        """
    )
    assert result.stdout.strip() == "True True", result.stderr


def test_work_the_child_cannot_find_is_an_error_in_the_parent(run_script: Runner) -> None:
    result = run_script(
        """
        pending = prepare_run.start("works:no_such_work", [])
        try:
            pending.result()
        except AttributeError as error:
            print(pending.in_child, "no_such_work" in str(error))
        """
    )
    assert result.stdout.strip() == "True True", result.stderr


def test_a_child_is_started_where_qt_is_loaded_without_an_application(run_script: Runner) -> None:
    # A PyInstaller bundle: its run-time hook loads QtCore before the kiosk's code runs.
    result = run_script(
        """
        import PySide6.QtCore
        pending = prepare_run.start("works:pid_and_words", [])
        print(pending.in_child, pending.result()[0] != os.getpid())
        """
    )
    assert result.stdout.strip() == "True True", result.stderr


def test_without_posix_spawn_the_work_is_done_in_place(run_script: Runner) -> None:
    result = run_script(
        """
        del os.posix_spawn
        pending = prepare_run.start("works:pid_and_words", [])
        print(pending.in_child, pending.result()[0] == os.getpid())
        """
    )
    assert result.stdout.strip() == "False True", result.stderr


def test_no_child_where_a_qt_application_runs(qapp: object) -> None:
    # This test process: pytest-qt's application runs.  The work is done in place.
    assert qapp is not None
    pending = prepare_run.start(f"{__name__}:_pid", [])
    assert not pending.in_child
    assert pending.result() == os.getpid()


def test_in_place_work_raises_as_it_always_did() -> None:
    with pytest.raises(FileNotFoundError, match="content folder not found"):
        prepare_run.start(f"{__name__}:_missing", []).result()


def test_a_bundle_reads_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    # Its child would be a second bundle, dearer to start than the reading it spares.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(prepare_run, "_qt_application_exists", lambda: False)
    pending = prepare_run.start(f"{__name__}:_pid", [])
    assert not pending.in_child
    assert pending.result() == os.getpid()


def _pid(arguments: list[str]) -> int:
    return os.getpid()


def _missing(arguments: list[str]) -> None:
    raise FileNotFoundError("content folder not found")
