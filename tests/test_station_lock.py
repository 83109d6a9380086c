"""One kiosk per station, whatever the disk: locks the kernel drops with their process, so a
stale lock file never blocks, and a read-only or full disk never stops the exhibit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from disks import full_folder, read_only_folder, remounted_read_only
from kiosk.ops import station_lock
from kiosk.ops.station_lock import StationBusyError, hold_station_lock


def test_a_second_kiosk_on_the_same_station_is_refused(tmp_path: Path) -> None:
    first = hold_station_lock(tmp_path)
    assert first.notes == []
    with pytest.raises(StationBusyError):
        hold_station_lock(tmp_path / ".")  # the same folder, spelled otherwise
    first.release()
    hold_station_lock(tmp_path).release()


def test_a_lock_held_by_another_process_is_respected(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from kiosk.ops.station_lock import "
            "hold_station_lock; hold_station_lock(Path(sys.argv[1])); print('held', flush=True);"
            " sys.stdin.read()",
            str(tmp_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(StationBusyError):
            hold_station_lock(tmp_path)
    finally:
        holder.communicate("", timeout=60)
    hold_station_lock(tmp_path).release()  # gone with its process


def test_a_stale_lock_file_is_recognised_as_stale(tmp_path: Path) -> None:
    # What Qt's QLockFile leaves when its kiosk is killed: a process id that is gone.
    (tmp_path / "kiosk.lock").write_text("2147483646\npython3.11\nstation\n", encoding="utf-8")
    hold_station_lock(tmp_path).release()


def test_a_read_only_data_folder_falls_back_to_a_lock_that_needs_no_disk(
    tmp_path: Path,
) -> None:
    with read_only_folder(tmp_path) as folder:
        lock = hold_station_lock(folder)
        try:
            assert len(lock.notes) == 1
            assert str(folder) in lock.notes[0]
            with pytest.raises(StationBusyError):  # the fallback really locks
                hold_station_lock(folder)
        finally:
            lock.release()


def test_without_abstract_sockets_the_runtime_folder_holds_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(station_lock, "_abstract_socket", lambda _folder: None)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    (tmp_path / "run").mkdir()
    with read_only_folder(tmp_path) as folder:
        lock = hold_station_lock(folder)
        try:
            assert str(tmp_path / "run") in lock.notes[0]
            with pytest.raises(StationBusyError):
                hold_station_lock(folder)
        finally:
            lock.release()


def test_a_full_data_disk_with_a_stale_lock_still_locks(tmp_path: Path) -> None:
    with full_folder(tmp_path, stale_lock=True) as folder:
        lock = hold_station_lock(folder)
        try:
            with pytest.raises(StationBusyError):
                hold_station_lock(folder)
        finally:
            lock.release()


def test_an_existing_lock_file_on_a_read_only_disk_still_excludes(tmp_path: Path) -> None:
    # A disk the kernel remounted read-only under a station that had run before: the lock
    # file is there and can be locked (read-only), so kiosks still see each other by it.
    def ran_before(folder: Path) -> None:
        (folder / "kiosk.lock").write_text("2147483646\n", encoding="utf-8")

    with remounted_read_only(tmp_path, ran_before) as folder:
        lock = hold_station_lock(folder)
        try:
            assert lock.notes == []
            with pytest.raises(StationBusyError):
                hold_station_lock(folder)
        finally:
            lock.release()
