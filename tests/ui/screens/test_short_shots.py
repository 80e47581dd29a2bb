"""``shots`` on the play-tester's short scenarios (one_offer2.toml, dead_prop.toml stopped with
a traceback, as no sample game was long enough to save): what such a scenario can show is
drawn, and each screen or sample it cannot is one line on standard error."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from tests.engine.small import RECESS, small_text, write_small


def _shots(workdir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[set[str], list[str]]:
    assert main(["shots", "--scenario", "one_offer.toml", "--out", "out"]) == 0
    captured = capsys.readouterr()
    drawn = {path.name for path in (workdir / "out").iterdir()}
    assert {Path(line).name for line in captured.out.splitlines()} == drawn
    problems = captured.err.splitlines()
    assert all(line.startswith("hanoi-summit shots: ") for line in problems), problems
    return drawn, problems


def test_a_summit_over_after_one_move_draws_what_it_can(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_small(workdir)
    drawn, problems = _shots(workdir, capsys)
    assert {"title.png", "summit-start.png", "load.png", "outcome-nothing.png"} <= drawn
    assert {"summit.png", "save.png"}.isdisjoint(drawn)
    assert problems[0] == (
        "hanoi-summit shots: sample saves: not made: no sample game reaches the state asked for "
        "(the load screen lists none)"
    )
    assert "hanoi-summit shots: summit: not drawn: no sample game reaches the state asked for" in (
        problems
    )


def test_a_summit_too_short_for_several_moves_shows_its_table_after_the_first(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_small(workdir, small_text(extra=RECESS))
    drawn, problems = _shots(workdir, capsys)
    assert {"summit.png", "hints.png", "menu.png", "save.png", "load.png"} <= drawn
    assert not [line for line in problems if "sample saves" in line]
