"""The search for a finished game of every ending: it finds one for each of Hanoi's, by the
engine's own reactions, the same every time."""

from __future__ import annotations

from game.engine import ChosenBy, Scenario, outcome
from game.engine.search import Found, directed_game, finished_games


def test_a_finished_game_is_found_for_every_ending(
    hanoi: Scenario, games: dict[str, Found]
) -> None:
    assert set(games) == {ending.id for ending in hanoi.endings}
    for ending_id, found in games.items():
        result = outcome(found.state)
        assert result is not None, found.how
        assert result.ending.id == ending_id, found.how


def test_no_ending_needs_the_hot_seat_override(games: dict[str, Found]) -> None:
    # Every Hanoi ending is reachable by the engine's own reactions.
    assert not [found.how for found in games.values() if found.how.startswith("hot-seat")]
    for found in games.values():
        assert all(turn.reaction.chosen_by is ChosenBy.ENGINE for turn in found.state.turns)


def test_the_search_is_deterministic(hanoi: Scenario, games: dict[str, Found]) -> None:
    again = finished_games(hanoi, 7)
    assert {k: v.state.hash for k, v in again.items()} == {
        k: v.state.hash for k, v in games.items()
    }


def test_directed_search_steers_to_an_ending_strategies_seldom_reach(hanoi: Scenario) -> None:
    found = directed_game(hanoi, hanoi.ending("talks_continue"), 3)
    assert found is not None
    result = outcome(found.state)
    assert result is not None and result.ending.id == "talks_continue"
