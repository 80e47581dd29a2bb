"""The balance the brief asks for (GAME.md §4), checked on both scenarios: seeded batches of the
built-in strategies, and the project's own search for a memorised line (``analyze``) at a small
budget, so that a scenario edit cannot quietly make the summit solvable by rote again.

The full figures (a search forty times larger, on a thousand other seeds) are in the issue's
note; ``python -m game analyze`` reproduces them.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable

import pytest

from game.engine import Scenario, Terminal, new_game, outcome
from game.engine.analysis import Analysis, analyze
from game.engine.state import GameState
from game.engine.strategies import STRATEGIES, play
from game.store.scenarios import load_scenario

GAMES = 400
SEEDS = range(1000, 1000 + GAMES)
LEFT = (Terminal.WALKOUT, Terminal.WALKED_AWAY)
SCENARIOS = ("hanoi", "next_summit")

_BATCHES: dict[tuple[str, str], list[GameState]] = {}
_ANALYSES: dict[str, Analysis] = {}


def batch(scenario: Scenario, strategy: str) -> list[GameState]:
    key = (scenario.id, strategy)
    if key not in _BATCHES:
        _BATCHES[key] = [play(scenario, strategy, seed) for seed in SEEDS]
    return _BATCHES[key]


def share(games: list[GameState], test: Callable[[GameState], bool]) -> float:
    return sum(1 for game in games if test(game)) / len(games)


def tier(game: GameState) -> int:
    result = outcome(game)
    assert result is not None
    return result.ending.tier


def ending(game: GameState) -> str:
    result = outcome(game)
    assert result is not None
    return result.ending.id


def top(scenario: Scenario) -> int:
    return max(ending.tier for ending in scenario.endings)


def liaison_tier(scenario: Scenario) -> int:
    """The tier of the ending that records liaison offices: "liaison offices or better"."""
    return next(e.tier for e in scenario.endings if e.accords == ("liaison_offices",))


@pytest.fixture(params=SCENARIOS, scope="module")
def scenario(request: pytest.FixtureRequest) -> Scenario:
    return load_scenario(str(request.param))


@pytest.fixture(scope="module")
def analysis(scenario: Scenario) -> Analysis:
    if scenario.id not in _ANALYSES:
        _ANALYSES[scenario.id] = analyze(
            scenario, budget=240, profile_budget=200, train=80, test=400
        )
    return _ANALYSES[scenario.id]


# --- no memorised line wins ------------------------------------------------------------------


@pytest.mark.slow
def test_no_fixed_line_reaches_the_top_in_more_than_half_the_seeds(analysis: Analysis) -> None:
    assert analysis.test.top <= 0.50, str(analysis.best)
    assert analysis.train.top <= 0.55, str(analysis.best)


@pytest.mark.slow
def test_the_best_fixed_line_never_demands_everything_or_preconditions(
    analysis: Analysis,
) -> None:
    assert analysis.counterproductive == (), str(analysis.best)


@pytest.mark.slow
def test_the_hidden_counterparts_call_for_different_lines(analysis: Analysis) -> None:
    assert len(analysis.profiles) >= 4
    # The best line against one profile loses at least 10 points against the others.
    assert analysis.profile_loss >= 10


@pytest.mark.slow
def test_no_offer_is_accepted_as_an_opening_move_in_more_than_nine_seeds_of_ten(
    analysis: Analysis,
) -> None:
    assert analysis.openings
    assert max(rate.accepted for rate in analysis.openings) <= 0.90


@pytest.mark.slow
def test_they_table_proposals_and_taking_the_main_one_is_a_real_decision(
    analysis: Analysis,
) -> None:
    figures = analysis.proposals
    assert figures.reached >= 500 and figures.tabled >= 0.90
    assert figures.decisions >= 100
    assert 0.25 <= figures.accept_better <= 0.75


# --- the built-in strategies ---------------------------------------------------------------


@pytest.mark.slow
def test_the_historical_line_almost_never_reaches_a_joint_statement(scenario: Scenario) -> None:
    games = batch(scenario, "historical")
    assert share(games, lambda g: g.terminal is Terminal.STATEMENT) <= 0.05
    # It ends as history did: the Americans leave.
    assert share(games, lambda g: g.terminal is Terminal.WALKED_AWAY) >= 0.5


@pytest.mark.slow
def test_the_essay_played_with_judgment_reaches_offices_and_often_the_top(
    scenario: Scenario,
) -> None:
    games = batch(scenario, "essay")
    assert share(games, lambda g: tier(g) >= liaison_tier(scenario)) >= 0.70
    assert 0.25 <= share(games, lambda g: tier(g) == top(scenario)) <= 0.60


@pytest.mark.slow
def test_reading_the_replies_beats_what_a_player_sees_alone(scenario: Scenario) -> None:
    greedy = share(batch(scenario, "greedy"), lambda g: tier(g) == top(scenario))
    essay = share(batch(scenario, "essay"), lambda g: tier(g) == top(scenario))
    assert greedy <= 0.70 and essay > greedy


@pytest.mark.slow
def test_the_hawk_is_walked_out_on_or_walks_away(scenario: Scenario) -> None:
    assert share(batch(scenario, "hawk"), lambda g: g.terminal in LEFT) >= 0.95


@pytest.mark.slow
def test_random_play_ends_with_someone_leaving_often_but_not_always(scenario: Scenario) -> None:
    games = batch(scenario, "random")
    assert 0.25 <= share(games, lambda g: g.terminal in LEFT) <= 0.75
    assert share(games, lambda g: g.terminal is Terminal.WALKOUT) >= 0.15


@pytest.mark.slow
@pytest.mark.parametrize("strategy", ["essay", "greedy"])
def test_a_considered_game_takes_10_to_20_decisions(scenario: Scenario, strategy: str) -> None:
    lengths = [len(game.turns) for game in batch(scenario, strategy)]
    assert 10 <= statistics.median(lengths) <= 20
    assert max(lengths) <= 22


@pytest.mark.slow
def test_the_grand_bargain_is_near_impossible(scenario: Scenario) -> None:
    for name in STRATEGIES:
        games = batch(scenario, name)
        assert share(games, lambda g: ending(g) == "grand_bargain") <= 0.02


def test_every_profile_is_drawn(scenario: Scenario) -> None:
    drawn = {new_game(scenario, seed).profile_info.id for seed in SEEDS}
    assert drawn == {profile.id for profile in scenario.profiles}
