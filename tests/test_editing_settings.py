"""The studio's remembered key and target folder: kept in the user's configuration folder,
a damaged file costs only the choice (logged), and a key inside a content folder is never
remembered."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from kiosk.editing import studio_settings
from kiosk.editing.studio_settings import (
    SETTINGS_OVERRIDE,
    SettingRefusedError,
    StudioSettings,
    key_problem,
    load_settings,
    save_settings,
    settings_path,
)


@pytest.fixture
def stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "studio.json"
    monkeypatch.setenv(SETTINGS_OVERRIDE, str(path))
    return path


def test_settings_live_in_the_users_config_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SETTINGS_OVERRIDE, raising=False)
    monkeypatch.setattr(
        "platformdirs.user_config_dir", lambda name, appauthor=None: f"/home/staff/.config/{name}"
    )
    assert settings_path() == Path("/home/staff/.config/kiosk/studio.json")


def test_the_key_and_target_are_remembered(stored: Path, tmp_path: Path) -> None:
    assert load_settings() == StudioSettings()  # nothing yet: nothing chosen
    chosen = StudioSettings(key_path=tmp_path / "keys" / "museum.key", last_target=tmp_path)
    save_settings(chosen)
    assert load_settings() == chosen
    assert json.loads(stored.read_text(encoding="utf-8"))["key_path"] == str(chosen.key_path)
    assert [entry.name for entry in stored.parent.iterdir()] == ["studio.json"]


@pytest.mark.parametrize(
    "damage",
    [b"{oops", b"[1, 2]", b'{"key_path": 7}', b"\xff\xfe", b"[" * 100_000, b" " * 70_000],
    ids=["broken", "list", "wrong-type", "not-utf8", "deep", "too-large"],
)
def test_a_damaged_settings_file_is_ignored_with_a_warning(
    stored: Path, damage: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    stored.parent.mkdir(parents=True)
    stored.write_bytes(damage)
    with caplog.at_level(logging.WARNING, logger=studio_settings.__name__):
        assert load_settings() == StudioSettings()
    assert "studio settings" in caplog.text
    save_settings(StudioSettings(last_target=stored.parent))  # and it is repaired by a save
    assert load_settings().last_target == stored.parent


def test_a_key_inside_a_content_folder_is_never_remembered(stored: Path, tmp_path: Path) -> None:
    content = tmp_path / "my-content"
    (content / "pictures").mkdir(parents=True)
    (content / "exhibit.yaml").write_text("title: {en: x}\n", encoding="utf-8")
    key = content / "pictures" / "museum.key"
    key.write_text("key", encoding="utf-8")
    with pytest.raises(SettingRefusedError, match="inside the content folder"):
        save_settings(StudioSettings(key_path=key))
    assert not stored.exists()
    assert key_problem(tmp_path / "museum.key") is None
    assert key_problem(tmp_path / "museum.key", content) is None
    assert "inside the content folder" in (key_problem(key) or "")

    # Remembered before the folder around it became a content folder: forgotten on reading.
    elsewhere = tmp_path / "keys"
    elsewhere.mkdir()
    save_settings(StudioSettings(key_path=elsewhere / "museum.key"))
    (elsewhere / "timeline.yaml").write_text("moments: []\n", encoding="utf-8")
    assert load_settings().key_path is None


def test_a_pipe_in_place_of_the_settings_never_hangs_the_studio(
    stored: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stored.parent.mkdir(parents=True)
    os.mkfifo(stored)
    with caplog.at_level(logging.WARNING, logger=studio_settings.__name__):
        assert load_settings() == StudioSettings()
    assert "not a regular file" in caplog.text
