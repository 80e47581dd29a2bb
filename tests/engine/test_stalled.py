"""When the player is left with no move — nothing of theirs to answer, no offer whose conditions
hold — the session closes as if its turns were used, and after the last one the summit ends as
when the schedule runs out; a scenario that opens with no move at all is refused."""

from __future__ import annotations

import pytest

from game.engine import (
    Carry,
    CarryError,
    Move,
    ScenarioError,
    Terminal,
    apply,
    available_moves,
    new_game,
    outcome,
    parse_scenario,
)
from game.engine.replay import replay
from game.engine.strategies import STRATEGIES, play
from game.engine.transcript import from_document, to_document
from game.store.scenarios import load_scenario, scenario_names
from tests.engine.small import EVENTS, LATE_TOAST, THREE_SESSIONS, small, small_text

NOTHING_LEFT = "nothing is left to put on the table"


def test_once_the_only_offer_is_agreed_the_summit_ends_as_the_schedule_running_out() -> None:
    scenario = small()
    played = apply(new_game(scenario, 1), Move("handshake"))
    state = played.state
    assert state.terminal is Terminal.NO_STATEMENT and available_moves(state) == ()
    assert played.reaction.why == (
        "accepted: trust 10 meets the 5 they need before shaking hands; nothing is left to put "
        "on the table in the only session; the schedule has run out without a joint statement"
    )
    result = outcome(state)
    assert result is not None and result.ending.id == "nothing"


def test_a_session_with_nothing_to_offer_closes_and_what_comes_between_sessions_comes() -> None:
    scenario = small(small_text(rounds=THREE_SESSIONS, offers=LATE_TOAST, chance=100, extra=EVENTS))
    played = apply(new_game(scenario, 1), Move("handshake"))
    state = played.state
    # The first session closes a turn early, the second holds nothing: the third begins.
    assert state.terminal is None and state.round == 2 and state.turn_in_round == 0
    assert available_moves(state) == (Move("toast"),)
    assert f"{NOTHING_LEFT} in the first session; {NOTHING_LEFT} in the second" in (
        played.reaction.why
    )
    # Both breaks drew their event, and the turn keeps both.
    assert sorted(state.turns[-1].events) == ["rain", "sun"]
    state = apply(state, Move("toast")).state
    assert state.terminal is Terminal.NO_STATEMENT


def test_a_game_with_sessions_closed_early_replays_from_its_transcript() -> None:
    scenario = small(small_text(rounds=THREE_SESSIONS, offers=LATE_TOAST, chance=100, extra=EVENTS))
    state = new_game(scenario, 3)
    for move in ("handshake", "toast"):
        state = apply(state, Move(move)).state
    document = to_document(state, game_version="test")
    report = replay(scenario, from_document(document))
    assert report.ok, report.message


@pytest.mark.parametrize("name", scenario_names())
def test_the_bundled_scenarios_never_close_a_session_early(name: str) -> None:
    """Their games are what they were before the rule: a move is always left to the player."""
    scenario = load_scenario(name)
    for strategy in STRATEGIES:
        for seed in range(40):
            for turn in play(scenario, strategy, seed).turns:
                assert NOTHING_LEFT not in turn.reaction.why, (strategy, seed, turn.number)


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_every_strategy_plays_a_small_scenario_to_its_end(strategy: str) -> None:
    for text in (small_text(), small_text(rounds=THREE_SESSIONS, offers=LATE_TOAST)):
        scenario = small(text)
        for seed in range(5):
            state = play(scenario, strategy, seed)
            assert state.terminal is not None and outcome(state) is not None


def _refused(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "locked.toml")
    return caught.value.problems


def test_a_scenario_that_opens_with_no_move_is_refused_in_one_line() -> None:
    locked = small_text(
        rounds=THREE_SESSIONS,
        offers='requires = { round_at_least = "second", reason = "not yet" }',
    )
    assert _refused(locked) == [
        'locked.toml: rounds[0] (id "first"): expected an offer the player can make as the '
        'summit opens, got none against the profile "plain" (Handshake: not yet (not before the '
        "second session))"
    ]


def test_the_opening_is_checked_against_every_hidden_profile() -> None:
    wary = '\n[[profiles]]\nid = "wary"\nlabel = "wary people"\nstart = { trust = -8 }\n'
    text = small_text(offers="requires = { meters = { trust = { min = 5 } } }", extra=wary)
    (problem,) = _refused(text)
    assert problem.startswith('locked.toml: rounds[0] (id "only"): expected an offer')
    assert 'got none against the profile "wary" (Handshake: trust 2 is below 5)' in problem


def test_a_carried_start_that_closes_every_offer_is_a_carry_error() -> None:
    sequel = small_text(ident="sequel", extra='\n[carry]\nfrom = ["one_offer"]\n')
    scenario = small(sequel)
    with pytest.raises(CarryError, match="leaves no offer open at the start"):
        new_game(scenario, 1, Carry("one_offer", (), ("handshake",)))
    assert available_moves(new_game(scenario, 1, Carry("one_offer", (), ()))) != ()
