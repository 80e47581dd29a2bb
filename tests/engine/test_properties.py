"""Property-based tests over random move sequences (Hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import (
    IllegalMoveError,
    Move,
    ReactionKind,
    Scenario,
    apply,
    available_moves,
    move_options,
    new_game,
)
from game.engine.state import GameState
from game.engine.transcript import to_document
from game.store.scenarios import load_scenario

HANOI = load_scenario("hanoi")
SEEDS = st.integers(min_value=0, max_value=2**32)
CHOICES = st.lists(st.integers(min_value=0, max_value=10_000), min_size=0, max_size=40)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def play_choices(scenario: Scenario, seed: int, choices: list[int]) -> GameState:
    """Each choice picks one of the moves available at that point."""
    state = new_game(scenario, seed)
    for choice in choices:
        moves = available_moves(state)
        if not moves:
            break
        state = apply(state, moves[choice % len(moves)]).state
    return state


@FAST
@given(SEEDS, CHOICES)
def test_meters_stay_in_bounds(seed: int, choices: list[int]) -> None:
    state = play_choices(HANOI, seed, choices)
    for turn in state.turns:
        for meter, value in zip(HANOI.meters, turn.meters, strict=True):
            assert meter.minimum <= value <= meter.maximum
        assert 0 <= turn.stance < len(HANOI.stances)


@FAST
@given(SEEDS, CHOICES)
def test_a_finished_game_accepts_no_move(seed: int, choices: list[int]) -> None:
    state = play_choices(HANOI, seed, [*choices, *range(60)])
    assert state.is_over
    assert available_moves(state) == ()
    for option in move_options(state):
        assert not option.available
        try:
            apply(state, option.move)
        except IllegalMoveError as error:
            assert error.reason == "the summit is over"
        else:
            raise AssertionError(f"{option.move} was accepted after the end")


@FAST
@given(SEEDS, CHOICES)
def test_no_accord_without_an_accepted_offer(seed: int, choices: list[int]) -> None:
    state = play_choices(HANOI, seed, choices)
    made = [t for t in state.turns if t.reaction.accord is not None]
    assert [a.id for a in state.accords] == [t.reaction.accord for t in made]
    for turn in made:
        assert turn.reaction.kind is ReactionKind.ACCEPT
        if turn.move.offer == "accept":
            continue  # their proposal, accepted: its accord is the proposal's
        if turn.move.offer == "amend":
            # Answered with the amendment: the offer it names was accepted.
            assert turn.reaction.accord is not None
        else:
            assert not turn.move.is_answer
            assert turn.reaction.accord == turn.move.offer
    assert len({a.id for a in state.accords}) == len(state.accords)


@FAST
@given(SEEDS, CHOICES)
def test_same_seed_and_moves_give_the_same_transcript(seed: int, choices: list[int]) -> None:
    first = play_choices(HANOI, seed, choices)
    again = new_game(load_scenario("hanoi"), seed)
    for turn in first.turns:
        again = apply(again, turn.move).state
    assert to_document(first, game_version="x") == to_document(again, game_version="x")
    assert first.hash == again.hash


@FAST
@given(SEEDS, CHOICES, st.integers(min_value=0, max_value=10_000))
def test_a_different_move_gives_a_different_state_hash(
    seed: int, choices: list[int], other: int
) -> None:
    state = play_choices(HANOI, seed, choices)
    moves = available_moves(state)
    if len(moves) < 2:
        return
    first = moves[other % len(moves)]
    second = moves[(other + 1) % len(moves)]
    assert apply(state, first).state.hash != apply(state, second).state.hash


@FAST
@given(SEEDS, CHOICES)
def test_every_unavailable_move_says_why(seed: int, choices: list[int]) -> None:
    state = play_choices(HANOI, seed, choices)
    for option in move_options(state):
        assert option.available == (option.reason == "")
        assert option.available == (option.move in available_moves(state))


@FAST
@given(SEEDS, CHOICES)
def test_answers_are_legal_exactly_while_a_counter_offer_is_pending(
    seed: int, choices: list[int]
) -> None:
    state = play_choices(HANOI, seed, choices)
    pending = state.pending is not None and not state.is_over
    assert (Move("accept") in available_moves(state)) == pending
