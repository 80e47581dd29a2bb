"""Preferences: round trip through TOML, atomic writes, and calm fallbacks for bad files."""

import logging
from pathlib import Path

import pytest

from game.store.files import HOME_ENV, write_text_atomic
from game.store.settings import (
    SETTINGS_FILE,
    AnimationSpeed,
    Settings,
    TextSize,
    load_settings,
    parse_settings,
    save_settings,
    settings_path,
)


def test_settings_path_follows_the_home_variable(home: Path) -> None:
    assert settings_path() == home / SETTINGS_FILE


def test_settings_path_defaults_to_the_platform_config_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(HOME_ENV)
    path = settings_path()
    assert path.name == SETTINGS_FILE
    assert path.parent.name == "hanoi-summit"


def test_missing_file_gives_defaults_silently(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert load_settings() == Settings()
    assert caplog.records == []


def test_round_trip(home: Path) -> None:
    chosen = Settings(
        fullscreen=True,
        text_size=TextSize.LARGE,
        colour_blind=True,
        animation_speed=AnimationSpeed.OFF,
        sound=False,
        hints=False,
    )
    assert save_settings(chosen)
    assert (home / SETTINGS_FILE).is_file()
    assert load_settings() == chosen


def test_save_leaves_no_temporary_files(home: Path) -> None:
    for size in TextSize:
        save_settings(Settings(text_size=size))
    assert [p.name for p in home.iterdir()] == [SETTINGS_FILE]


def test_corrupt_file_falls_back_with_one_line(
    home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    home.mkdir(parents=True)
    (home / SETTINGS_FILE).write_text("text_size = [unclosed\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert load_settings() == Settings()
    assert len(caplog.records) == 1
    message = caplog.records[0].getMessage()
    assert SETTINGS_FILE in message
    assert "defaults" in message
    assert "\n" not in message


def test_binary_garbage_falls_back(home: Path, caplog: pytest.LogCaptureFixture) -> None:
    home.mkdir(parents=True)
    (home / SETTINGS_FILE).write_bytes(b"\xff\xfe\x00garbage")
    with caplog.at_level(logging.WARNING):
        assert load_settings() == Settings()
    assert len(caplog.records) == 1


def test_unreadable_file_falls_back(home: Path, caplog: pytest.LogCaptureFixture) -> None:
    (home / SETTINGS_FILE).mkdir(parents=True)  # a directory where the file should be
    with caplog.at_level(logging.WARNING):
        assert load_settings() == Settings()
    assert len(caplog.records) == 1


def test_bad_values_fall_back_key_by_key(home: Path, caplog: pytest.LogCaptureFixture) -> None:
    home.mkdir(parents=True)
    (home / SETTINGS_FILE).write_text(
        'text_size = "huge"\nsound = "loud"\nhints = false\nfuture_option = 3\n', encoding="utf-8"
    )
    with caplog.at_level(logging.WARNING):
        loaded = load_settings()
    assert loaded == Settings(hints=False)
    assert len(caplog.records) == 1
    message = caplog.records[0].getMessage()
    assert "text_size" in message
    assert "sound" in message
    assert "future_option" not in message


def test_parse_reports_each_problem() -> None:
    settings, problems = parse_settings({"colour_blind": 1, "animation_speed": "fast"})
    assert settings == Settings(animation_speed=AnimationSpeed.FAST)
    assert len(problems) == 1
    assert "colour_blind" in problems[0]


def test_save_failure_is_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert not save_settings(Settings(), blocker / SETTINGS_FILE)
    assert len(caplog.records) == 1


def test_atomic_write_keeps_the_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.toml"
    target.write_text("old", encoding="utf-8")

    def fail(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.fsync", fail)
    with pytest.raises(OSError, match="disk full"):
        write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.toml"]
