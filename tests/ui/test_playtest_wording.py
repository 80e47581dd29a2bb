"""Words a play-tester found wrong on the table: a refusal called "turned down" after a
deferral, moves invited after the end."""

from __future__ import annotations

import attrs
import pytest

from game.engine import GameState, Move, ReactionKind, Scenario, apply, judge, new_game
from game.engine.search import Found
from game.ui.hints import Focus, next_hint
from game.ui.table import card_faces, round_detail


def _refused(hanoi: Scenario, kind: ReactionKind) -> GameState:
    """Seed 4's first offer, answered ``kind`` by the North's player in a hot-seat game."""
    move = Move.parse("mutual_restraint:written")
    state = new_game(hanoi, 4, hotseat=True)
    proposal = judge(state, move).proposals[0] if kind is ReactionKind.COUNTER else None
    return apply(state, move, kind, proposal).state


@pytest.mark.parametrize("kind", [ReactionKind.DEFER, ReactionKind.REJECT, ReactionKind.COUNTER])
def test_an_offer_not_taken_up_says_so_whatever_the_refusal(
    hanoi: Scenario, kind: ReactionKind
) -> None:
    # "Turned down once" read false after a deferral and a counter; the rules count all three
    # (docs/scenarios.md 6.9), and the card says what the repeat costs in this scenario.
    state = _refused(hanoi, kind)
    assert state.turns[-1].reaction.kind is kind
    hint = next_hint(state, Focus(), {"meter:trust", "proposal", "opening"})
    assert hint is not None and hint.key == "refused", hint
    assert "costs patience" in hint.text
    if state.pending is not None:  # the counter's proposal, answered before the cards open
        state = apply(state, Move("reject")).state
    caption = card_faces(state)["mutual_restraint"].caption
    assert caption == "Not taken up once: offering it again costs patience"


def test_nothing_invites_a_move_once_the_summit_is_over(games: dict[str, Found]) -> None:
    # The adviser's trust tip and the round's "A joint statement can now be put forward"
    # stayed under the summit's end.
    state = games["walked_away"].state
    assert state.is_over
    assert next_hint(state, Focus(), set()) is None
    title, body = round_detail(state)
    held = state.scenario.rounds[state.round]
    assert held.description not in body
    assert "over" in title and "Nothing more can be put forward" in body


def test_a_scenario_whose_repeat_costs_nothing_names_no_cost(hanoi: Scenario) -> None:
    # The repeat cost is the scenario's (rules.repeat): the card names no meter it leaves alone.
    repeat = attrs.evolve(hanoi.rules.repeat, meters=())
    free = attrs.evolve(hanoi, rules=attrs.evolve(hanoi.rules, repeat=repeat))
    state = attrs.evolve(_refused(hanoi, ReactionKind.DEFER), scenario=free)
    caption = card_faces(state)["mutual_restraint"].caption
    assert caption == "Not taken up once: offering it again gains less"
