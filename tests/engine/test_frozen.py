"""The values a turn builds are frozen to the type checker and left as they were by the engine.

They carry no guard at run time (see :mod:`game.engine.state`), so both halves are held here:
the type checker refuses an assignment to any of them (the test command's mypy run fails on an
unused ``type: ignore``, so each ignore below stands only while the assignment is an error), and
``apply`` never changes the state it is given, on any path of real games.
"""

from __future__ import annotations

import attrs
import pytest

from game.engine import Move, Scenario, apply, new_game
from game.engine.describe import StrategyName
from game.engine.rng import draw
from game.engine.state import Accord, GameState, Pending, PendingKind, Result, Turn
from game.engine.strategies import play


def _assignments(state: GameState, turn: Turn, result: Result) -> None:
    """Every assignment here is a type error; called only on copies, to show that the run time
    does not guard them."""
    state.meters = ()  # type: ignore[misc]
    turn.hash = ""  # type: ignore[misc]
    turn.reaction.why = ""  # type: ignore[misc]
    result.state = state  # type: ignore[misc]
    accord = Accord("liaison", "", 1, False)
    accord.broken = True  # type: ignore[misc]
    pending = Pending(0, PendingKind.COUNTER)
    pending.proposal = 1  # type: ignore[misc]


def test_the_type_checker_is_the_guard_the_run_time_is_not(hanoi: Scenario) -> None:
    state = new_game(hanoi, 3)
    result = apply(state, Move.parse("security_assurances:spoken"))
    turn = attrs.evolve(result.state.turns[0], reaction=attrs.evolve(result.reaction))
    copy = attrs.evolve(result.state)
    _assignments(copy, turn, attrs.evolve(result))
    assert copy.meters == () and turn.hash == "" and turn.reaction.why == ""
    # The values the game holds are untouched: the copies were changed, not they.
    assert result.state.meters and result.state.turns[0].hash and result.reaction.why


def _fields(state: GameState) -> tuple[object, ...]:
    return tuple(getattr(state, field.name) for field in attrs.fields(GameState))


@pytest.mark.parametrize("strategy", [StrategyName.RANDOM, StrategyName.ESSAY])
def test_apply_leaves_the_state_it_is_given_as_it_was(
    hanoi: Scenario, strategy: StrategyName
) -> None:
    for seed in range(60):
        final = play(hanoi, strategy, seed)
        state = new_game(hanoi, seed)
        for turn in final.turns:
            before = _fields(state)
            after = apply(state, turn.move).state
            assert all(a is b for a, b in zip(_fields(state), before, strict=True))
            state = after
        assert state == final


def test_the_values_keep_their_equality_and_hash(hanoi: Scenario) -> None:
    one = play(hanoi, StrategyName.ESSAY, 5)
    two = play(hanoi, StrategyName.ESSAY, 5)
    assert one == two and hash(one) == hash(two) and one is not two
    assert hash(one.turns) == hash(two.turns)
    other = play(hanoi, StrategyName.ESSAY, 6)
    assert one != other
    assert len({one, two, other}) == 2
    _, rng = draw(one.rng, 0, 1)
    assert attrs.evolve(one, rng=rng) != one
