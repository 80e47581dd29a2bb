"""The balance the brief asks for, checked by seeded batches of at least 200 games."""

from __future__ import annotations

import statistics
from collections import Counter

import pytest

from game.engine import Scenario, Terminal, outcome
from game.engine.state import GameState
from game.engine.strategies import STRATEGIES, play

GAMES = 400
SEEDS = range(1000, 1000 + GAMES)


def batch(scenario: Scenario, strategy: str) -> list[GameState]:
    return [play(scenario, strategy, seed) for seed in SEEDS]


def share(games: list[GameState], test: object) -> float:
    assert callable(test)
    return sum(1 for game in games if test(game)) / len(games)


def recorded(game: GameState) -> set[str]:
    result = outcome(game)
    assert result is not None
    return {accord.id for accord in result.accords}


def ending(game: GameState) -> str:
    result = outcome(game)
    assert result is not None
    return result.ending.id


def test_the_historical_line_ends_without_a_joint_statement(hanoi: Scenario) -> None:
    games = batch(hanoi, "historical")
    assert share(games, lambda g: g.terminal is not Terminal.STATEMENT) >= 0.95
    # It mostly ends as history did: the Americans leave.
    assert share(games, lambda g: g.terminal is Terminal.WALKED_AWAY) >= 0.5


def test_the_essay_line_reaches_liaison_offices_and_sometimes_embassies(
    hanoi: Scenario,
) -> None:
    games = batch(hanoi, "essay")
    better = {"liaison_offices", "embassies"}
    liaison_or_better = share(games, lambda g: bool(better & recorded(g)))
    embassies = share(games, lambda g: "embassies" in recorded(g))
    assert liaison_or_better >= 0.80
    assert 0.30 <= embassies <= 0.80


def test_random_play_ends_in_a_walkout_often_but_not_always(hanoi: Scenario) -> None:
    games = batch(hanoi, "random")
    left = share(games, lambda g: g.terminal in (Terminal.WALKOUT, Terminal.WALKED_AWAY))
    assert 0.25 <= left <= 0.75


def test_choices_matter_between_strategies(hanoi: Scenario) -> None:
    endings = {name: Counter(ending(g) for g in batch(hanoi, name)) for name in ("essay", "hawk")}
    assert endings["hawk"].most_common(1)[0][0] == "walkout"
    assert endings["essay"].most_common(1)[0][0] == "regional_handoff"


@pytest.mark.parametrize("strategy", ["essay", "dove", "greedy"])
def test_a_considered_game_takes_8_to_16_decisions(hanoi: Scenario, strategy: str) -> None:
    lengths = [len(game.turns) for game in batch(hanoi, strategy)]
    assert 8 <= statistics.median(lengths) <= 16
    assert max(lengths) <= 20


def test_the_grand_bargain_is_near_impossible(hanoi: Scenario) -> None:
    for name in STRATEGIES:
        games = batch(hanoi, name)
        assert share(games, lambda g: ending(g) == "grand_bargain") <= 0.02
