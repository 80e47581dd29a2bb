"""A class report is written whole or not at all: a file that cannot be replaced, a students'
folder that takes no file, or Ctrl-C at any point leaves the report's folder as it was."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import pytest

from game.cli import main
from game.engine import Scenario
from game.store import staging
from game.store.staging import STAGING_MARK
from tests.classroom.games import three_students

_replace = Path.replace


def _snapshot(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.fixture
def earlier(tmp_path: Path, hanoi: Scenario) -> tuple[list[str], Path]:
    """Three students' games, and the report of the first two in ``report``."""
    games = three_students(tmp_path, hanoi)
    out = tmp_path / "report"
    assert main(["report", *games[:2], "--out", str(out)]) == 0
    return games, out


def _refuse(when: Callable[[Path, Path], bool], error: BaseException) -> Callable[..., Path]:
    def replace(self: Path, target: str | Path) -> Path:
        if when(self, Path(target)):
            raise error
        return _replace(self, target)

    return replace


def _moves(count: int) -> Callable[[Path, Path], bool]:
    """True on the ``count``-th move only (putting things back must still work)."""
    seen = [0]

    def when(_source: Path, _target: Path) -> bool:
        seen[0] += 1
        return seen[0] == count

    return when


@pytest.mark.parametrize(
    ("fault", "status"),
    [
        ("report.csv cannot be replaced", 2),
        ("students/ takes no file", 2),
        ("Ctrl-C while staging", 130),
        ("Ctrl-C among the moves", 130),
    ],
)
def test_a_report_that_fails_part_way_leaves_the_folder_as_it_was(
    *,
    earlier: tuple[list[str], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fault: str,
    status: int,
) -> None:
    # A play-test: with report.csv not writable the charts were already replaced, while
    # report.md/.html/.csv told of the earlier run; with students/ not writable the class
    # report linked to pages never written; Ctrl-C left some students' pages.
    games, out = earlier
    before = _snapshot(out)
    denied = OSError(errno.EPERM, "Operation not permitted")
    if fault == "report.csv cannot be replaced":
        refuse = _refuse(lambda source, _: source == out / "report.csv", denied)
        monkeypatch.setattr(Path, "replace", refuse)
        expected = f"{out / 'report.csv'}: cannot write the report: Operation not permitted"
    elif fault == "students/ takes no file":

        def new_page(source: Path, target: Path) -> bool:
            return target.parent == out / "students" and source.parent.name == "students"

        refuse = _refuse(new_page, denied)
        monkeypatch.setattr(Path, "replace", refuse)
        expected = (
            f"{out / 'students' / 'Ada.md'}: cannot write the report: Operation not permitted"
        )
    elif fault == "Ctrl-C among the moves":
        monkeypatch.setattr(Path, "replace", _refuse(_moves(7), KeyboardInterrupt()))
        expected = "hanoi-summit: interrupted"
    else:
        written = [0]
        write = staging._write

        def interrupted(*args: object) -> None:
            written[0] += 1
            if written[0] == 6:
                raise KeyboardInterrupt
            write(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(staging, "_write", interrupted)
        expected = "hanoi-summit: interrupted"
    assert main(["report", *games, "--out", str(out)]) == status
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [expected]
    assert _snapshot(out) == before
    left = [path for path in tmp_path.rglob("*") if STAGING_MARK in path.name]
    assert left == []


def test_the_same_report_into_a_new_folder_is_one_move(
    earlier: tuple[list[str], Path], tmp_path: Path
) -> None:
    games, out = earlier
    fresh = tmp_path / "a" / "b" / "report"
    assert main(["report", *games[:2], "--out", str(fresh)]) == 0
    mine, theirs = _snapshot(out), _snapshot(fresh)
    assert [path.relative_to(out) for path in mine] == [path.relative_to(fresh) for path in theirs]
    assert list(mine.values()) == list(theirs.values())


@pytest.mark.parametrize("command", ["report", "verify"])
@pytest.mark.parametrize("given", ["pattern", "folder"])
def test_a_report_of_no_transcript_at_all_writes_nothing(
    workdir: Path, capsys: pytest.CaptureFixture[str], given: str, command: str
) -> None:
    # A play-test: `report '*.toml' --out rep` in an empty folder listed the report's files as
    # written, then said 0 games with status 1, leaving an empty report and a blank chart.
    # Another: verify gave status 1 for the same input, where bad input is status 2.
    (workdir / "handed-in").mkdir()
    typed = "*.toml" if given == "pattern" else "handed-in"
    out = ["--out", "rep"] if command == "report" else []
    assert main([command, typed, *out]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    why = (
        "*.toml matches no file"
        if given == "pattern"
        else (f"handed-in is a folder (give {Path('handed-in') / '*.toml'})")
    )
    assert captured.err.splitlines() == [f"hanoi-summit {command}: no transcripts found: {why}"]
    assert sorted(path.name for path in workdir.iterdir()) == ["handed-in"]
