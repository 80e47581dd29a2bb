"""A scenario that leaves its optional words out (no subtitle, no summaries, no scorecards, an
ending with nothing to compare it to): terminal play says what there is, and never a heading
with nothing after it (a scenario author's play-test read "One offer: " and "Scores: ")."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from tests.engine.small import small, write_small


def test_terminal_play_never_heads_nothing(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = small()
    assert not scenario.subtitle and not scenario.scorecards
    path = write_small(workdir)
    (workdir / "script.toml").write_text('moves = ["handshake"]\n', encoding="utf-8")
    status = main(
        ["play", "--headless", "--scenario", str(path), "--seed", "1", "--script", "script.toml"]
    )
    out = capsys.readouterr().out.splitlines()
    assert status == 0 and out[0] == "One offer"
    assert "Across the table: plain people." in out
    assert [line for line in out if line.rstrip().endswith(":") or line != line.rstrip()] == []
