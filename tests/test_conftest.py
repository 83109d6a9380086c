"""The test set-up itself: kiosks are closed after each test and leaks are named, every test
has its own station data folder, and loggers are left as they were found."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from conftest import fail_on_leaks, restored_logging
from kiosk.paths import data_dir as station_data_dir

if TYPE_CHECKING:
    from collections.abc import Iterator

    from conftest import KioskFactory
    from kiosk.content.model import Exhibit
    from kiosk.ui.application import Kiosk


def test_a_leaked_window_fails_the_test_by_name_and_is_cleaned_up(qapp: QApplication) -> None:
    before = set(QApplication.topLevelWidgets())
    leaked = QLabel("left open")
    leaked.setObjectName("forgotten")
    leaked.show()
    with pytest.raises(pytest.fail.Exception, match="top-level widgets left after the test: "):
        fail_on_leaks(before)
    assert not shiboken6.isValid(leaked)  # closed and deleted: the next test starts clean
    fail_on_leaks(before)  # nothing left


def test_the_leak_message_names_the_widget(qapp: QApplication) -> None:
    before = set(QApplication.topLevelWidgets())
    leaked = QWidget()
    leaked.setObjectName("forgotten")
    leaked.setWindowTitle("Still here")
    with pytest.raises(pytest.fail.Exception) as failure:
        fail_on_leaks(before)
    assert "QWidget 'forgotten' titled 'Still here'" in str(failure.value)


@pytest.fixture
def kiosks_seen_after_teardown() -> Iterator[list[Kiosk]]:
    """Requested before ``make_kiosk``, so it looks after that fixture's teardown."""
    seen: list[Kiosk] = []
    yield seen
    assert seen, "the test built no kiosk"
    for kiosk in seen:
        assert not shiboken6.isValid(kiosk.window), "a kiosk window outlived its test"


def test_kiosks_a_test_leaves_open_are_closed_and_deleted(
    kiosks_seen_after_teardown: list[Kiosk], make_kiosk: KioskFactory, exhibit: Exhibit
) -> None:
    kiosk = make_kiosk(exhibit, reduced_motion=True)
    kiosks_seen_after_teardown.append(kiosk)
    closed = make_kiosk(exhibit, reduced_motion=True)
    closed.close()  # closing one by hand as well is fine
    kiosks_seen_after_teardown.append(closed)
    assert kiosk.window.isVisible()


@pytest.mark.parametrize("run", [1, 2])
def test_each_test_has_a_fresh_data_folder(data_dir: Path, tmp_path: Path, run: int) -> None:
    # Twice, writing each time: the second run finds no trace of the first.
    assert station_data_dir() == data_dir and data_dir.parent == tmp_path
    assert os.environ["KIOSK_CONFIG"] == str(tmp_path / "station.yaml")
    assert "KIOSK_TRUSTED_KEYS" not in os.environ
    assert not data_dir.exists()
    data_dir.mkdir()
    (data_dir / "health.json").write_text(f"{run}\n", "utf-8")


def test_handlers_added_inside_are_closed_and_removed(tmp_path: Path) -> None:
    root, named = logging.getLogger(), logging.getLogger("kiosk.test-conftest")
    level = root.level
    with restored_logging():
        to_file = logging.FileHandler(tmp_path / "kiosk.log")
        root.addHandler(to_file)
        named.addHandler(logging.NullHandler())
        root.setLevel(logging.DEBUG)
    assert to_file not in root.handlers and named.handlers == []
    assert to_file.stream is None  # closed: nothing holds the file open
    assert root.level == level
