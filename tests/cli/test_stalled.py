"""The command line on a scenario in which the player runs out of moves (one offer, no recess,
no walk-away): batches, the search, the terminal and the stdio protocol play it to its end."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from game.cli import main
from game.cli.protocol import run_stdio
from game.cli.terminal import interactive
from game.engine import new_game
from tests.engine.small import LATE_TOAST, THREE_SESSIONS, small, small_text, write_small

TINY = ["--budget", "6", "--train", "4", "--test", "8"]


@pytest.mark.parametrize("strategy", ["essay", "historical", "hawk", "dove", "greedy", "random"])
def test_a_batch_plays_every_game_to_an_ending(
    strategy: str, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_small(workdir)
    args = ["batch", "--scenario", "one_offer.toml", "--strategy", strategy, "--games", "20"]
    assert main([*args, "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert sum(result["endings"].values()) == 20


def test_the_search_for_a_fixed_line_runs_to_its_report(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_small(workdir)
    write_small(workdir, small_text(rounds=THREE_SESSIONS, offers=LATE_TOAST), "toast.toml")
    for name in ("one_offer.toml", "toast.toml"):
        assert main(["analyze", name, "--json", *TINY]) == 0
        report = json.loads(capsys.readouterr().out)
        assert report["best"]["moves"]


def test_the_terminal_game_ends_once_nothing_is_left() -> None:
    sink = io.StringIO()
    state = interactive(new_game(small(), 1), io.StringIO("handshake\n"), sink)
    assert state.is_over
    assert "nothing is left to put on the table in the only session" in sink.getvalue()


def test_the_stdio_protocol_says_the_summit_is_over_only_when_it_is() -> None:
    sink = io.StringIO()
    state, bad = run_stdio(new_game(small(), 1), io.StringIO("handshake\n"), sink)
    assert bad is None and state.is_over
    first, last = (json.loads(line) for line in sink.getvalue().splitlines())
    assert first["outcome"] is None and any(option["available"] for option in first["legal"])
    assert last["outcome"]["ending"] == "nothing"
    assert not any(option["available"] for option in last["legal"])


def test_check_refuses_an_opening_with_no_move_in_one_line(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = small_text(offers="requires = { meters = { trust = { min = 50 } } }")
    write_small(workdir, locked, "locked.toml")
    assert main(["check", "locked.toml"]) == 2
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith('locked.toml: rounds[0] (id "only"): expected an offer the player')
    assert main(["play", "--headless", "--scenario", "locked.toml"]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "rounds[0]" in captured.err
