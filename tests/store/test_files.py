"""Files the game writes get the permissions any program's files get: a new one those the
umask allows, a replaced one its own.

A play-test found every transcript, export and report file made readable by its owner alone
whatever the umask, and a file replaced (0664) changed to 0600.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.cli import main
from game.engine import Scenario
from game.store.files import write_bytes_atomic, write_text_atomic
from tests.classroom.games import adas_game

if os.name != "posix":  # the umask and permission bits are POSIX's
    pytest.skip("permissions are POSIX's", allow_module_level=True)


@pytest.fixture
def umask() -> Iterator[None]:
    """Restore the process's umask after a test that sets its own."""
    kept = os.umask(0o022)
    yield
    os.umask(kept)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize(
    ("mask", "mode"),
    [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)],
    ids=["umask-022", "umask-002", "umask-077"],
)
def test_a_new_file_gets_what_the_umask_allows(tmp_path: Path, mask: int, mode: int) -> None:
    os.umask(mask)
    write_text_atomic(tmp_path / "a.toml", "seed = 1\n")
    write_bytes_atomic(tmp_path / "b.toml", b"seed = 1\n", replace=False)
    assert _mode(tmp_path / "a.toml") == mode
    assert _mode(tmp_path / "b.toml") == mode


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize("mode", [0o664, 0o600, 0o640, 0o444], ids=oct)
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "t.toml"
    path.write_text("seed = 1\n", encoding="utf-8")
    path.chmod(mode)
    os.umask(0o077 if mode & 0o077 else 0o022)  # a umask that would give other permissions
    write_text_atomic(path, "seed = 2\n")
    assert path.read_text(encoding="utf-8") == "seed = 2\n"
    assert _mode(path) == mode
    assert [p.name for p in tmp_path.iterdir()] == ["t.toml"]  # and no temporary file left


@pytest.mark.usefixtures("umask")
def test_a_transcript_and_a_report_are_written_as_the_umask_allows(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    game = adas_game(tmp_path / "ada.toml", hanoi)
    out = tmp_path / "report"
    assert main(["report", str(game), "--out", str(out)]) == 0
    capsys.readouterr()
    written = [game, *(p for p in out.rglob("*") if p.is_file())]
    assert {p.suffix for p in written} >= {".toml", ".md", ".html", ".csv", ".png"}
    assert any(p.parent.name == "students" for p in written)
    assert {p.name: _mode(p) for p in written} == {p.name: 0o644 for p in written}


def test_a_write_that_fails_names_the_file_not_its_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A play-test: "ro/.endings.png.4c751561.tmp: cannot write the report".
    path = tmp_path / "endings.png"
    real_open = os.open

    def refused(name: str | Path, *args: int) -> int:
        if str(name).endswith(".tmp"):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args)

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(OSError) as caught:
        write_bytes_atomic(path, b"png")
    assert caught.value.filename == str(path)
    monkeypatch.undo()

    def moved(self: Path, target: str | Path) -> Path:
        raise OSError(30, "Read-only file system", str(self), str(target))

    monkeypatch.setattr(Path, "replace", moved)
    with pytest.raises(OSError) as caught:
        write_bytes_atomic(path, b"png")
    assert caught.value.filename == str(path)
    assert list(tmp_path.iterdir()) == []
