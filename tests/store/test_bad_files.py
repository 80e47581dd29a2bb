"""Issue 10, the window's own folder: no settings file, autosave or named save can crash or hang
the game, and a kill or a full disk never leaves half a file.

Each test is one attempt of the issue (or one added since); each failed before the fix.
"""

from __future__ import annotations

import errno
import logging
import os
import time
from pathlib import Path

import pygame
import pytest

from game.engine import Scenario, new_game
from game.engine.strategies import play
from game.store.files import write_text_atomic
from game.store.mode import Mode
from game.store.saves import SavedGame, SaveStore
from game.store.settings import Settings, load_settings, settings_path
from game.store.transcripts import write_transcript
from game.store.who import Who

BAD_TOML = {
    "5000-digit": f"text_size = {'9' * 5000}\n",
    "3000-deep": f"text_size = {'[' * 3000}{']' * 3000}\n",
    "2**64": f"sound = {2**64}\n",
    "not-utf8": "text_size = 'caf\udce9'\n",
}

if os.name != "posix":  # FIFOs, /dev/full, resource limits and SIGALRM are POSIX's
    pytest.skip("these attacks need a POSIX system", allow_module_level=True)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8", "surrogateescape"))


def _fifo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


@pytest.mark.parametrize("bad", [*BAD_TOML, "fifo", "folder", "device"])
def test_bad_settings_give_the_defaults_and_one_logged_line(
    home: Path, caplog: pytest.LogCaptureFixture, bad: str
) -> None:
    path = settings_path()
    if bad == "fifo":
        _fifo(path)
    elif bad == "folder":
        path.mkdir(parents=True)
    elif bad == "device":
        home.mkdir(parents=True)
        path.symlink_to("/dev/zero")
    else:
        _write(path, BAD_TOML[bad])
    with caplog.at_level(logging.WARNING):
        assert load_settings() == Settings()
    assert len(caplog.records) == 1
    assert "\n" not in caplog.records[0].getMessage()


def _good_game(hanoi: Scenario, seed: int = 1) -> SavedGame:
    return SavedGame(play(hanoi, "essay", seed), who=Who("Ada", Mode.PRACTICE))


@pytest.mark.parametrize("bad", [*BAD_TOML, "fifo"])
def test_a_bad_autosave_falls_back_to_the_backup(home: Path, hanoi: Scenario, bad: str) -> None:
    store = SaveStore()
    assert store.autosave(_good_game(hanoi)).is_ok
    assert store.autosave(_good_game(hanoi, 2)).is_ok  # the first becomes the backup
    store.autosave_path.unlink()
    if bad == "fifo":
        _fifo(store.autosave_path)
    else:
        _write(store.autosave_path, BAD_TOML[bad].replace("text_size", "seed"))
    loaded = SaveStore().load_latest()
    assert loaded.is_ok and loaded.game is not None and loaded.game.state.seed == 1
    assert loaded.notice.startswith("autosave.toml")


def test_a_bad_autosave_and_backup_leave_a_message_for_the_title_screen(home: Path) -> None:
    store = SaveStore()
    _write(store.autosave_path, BAD_TOML["3000-deep"])
    _fifo(store.backup_path)
    loaded = store.load_latest()
    assert not loaded.is_ok and loaded.problem.startswith("autosave.toml:1:")


def test_a_bad_named_save_is_listed_as_damaged(home: Path, hanoi: Scenario) -> None:
    store = SaveStore()
    assert store.save_slot("Good", _good_game(hanoi)).is_ok
    for name, text in BAD_TOML.items():
        _write(store.saves / f"slot-{name}.toml", text.replace("text_size", "seed"))
    _fifo(store.saves / "slot-fifo.toml")
    listing = {info.path.name: info for info in store.listing()}
    assert listing.pop("slot-good.toml").is_ok
    assert len(listing) == len(BAD_TOML) + 1
    assert all(not info.is_ok and "\n" not in info.problem for info in listing.values())


def test_what_the_load_screen_draws_can_be_drawn(home: Path, hanoi: Scenario) -> None:
    """Names with control characters or bytes that are not UTF-8 (in the file, in the file's
    name, in the slot's name) never reach the font: a font refuses a NUL or a lone surrogate."""
    store = SaveStore()
    path = store.saves / "slot-ada.toml"
    path.parent.mkdir(parents=True)
    write_transcript(path, play(hanoi, "essay", 1), Who("Ada Lovelace"))
    text = path.read_text(encoding="utf-8").replace(
        'player = "Ada Lovelace"', 'player = "Ada\\u0000 Lovelace\\u009b\\u202e"'
    )
    path.write_text(text + 'slot = "Mine\\u0000\\u009b"\n', encoding="utf-8")
    odd = os.fsencode(str(store.saves)) + b"/slot-\xff\x1b.toml"
    with open(odd, "wb") as handle:  # noqa: PTH123 (a name pathlib cannot write)
        handle.write(b"seed = 1\n")
    font = pygame.font.Font(None, 20)
    infos = store.listing()
    assert [info.path.name for info in infos] == ["slot-ada.toml"]
    for info in infos:
        for text in (info.name, info.player, info.problem, info.path.name):
            font.render(text, True, (0, 0, 0))
    loaded = store.load(path)
    assert loaded.game is not None and loaded.game.who.player == "Ada Lovelace"


def test_a_write_killed_half_way_leaves_nothing_behind_for_long(tmp_path: Path) -> None:
    target = tmp_path / "autosave.toml"
    stale = tmp_path / ".autosave.toml.k1ll3d.tmp"
    stale.write_text("half a save")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    in_progress = tmp_path / ".autosave.toml.wr1t1ng.tmp"  # another write, still going
    in_progress.write_text("being written")
    write_text_atomic(target, "seed = 1\n")
    assert target.read_text() == "seed = 1\n"
    assert not stale.exists() and in_progress.exists()


@pytest.mark.parametrize("fails", ["write", "fsync"])
def test_a_full_disk_leaves_the_old_file_whole_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hanoi: Scenario, fails: str
) -> None:
    store = SaveStore(tmp_path)
    assert store.autosave(SavedGame(new_game(hanoi, 1))).is_ok
    before = store.autosave_path.read_bytes()

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if fails == "fsync":
        monkeypatch.setattr(os, "fsync", full)
    else:
        real = os.fdopen

        class FullDisk:
            def __init__(self, fd: int) -> None:
                self.handle = real(fd, "wb")

            def __enter__(self) -> FullDisk:
                return self

            def __exit__(self, *_: object) -> None:
                self.handle.close()

            write = full

        monkeypatch.setattr(os, "fdopen", lambda fd, *_: FullDisk(fd))
    result = SaveStore(tmp_path).save_slot("x", SavedGame(new_game(hanoi, 2)))
    assert not result.is_ok and "No space left on device" in result.problem
    assert store.autosave_path.read_bytes() == before
    assert sorted(p.name for p in store.saves.iterdir()) == ["autosave.toml"]
