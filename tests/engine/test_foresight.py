"""What a player can foresee before a move: that, as things stand, the delegation turns an offer
down, and what a rejection then costs (a play-tester was shown what proposing the big deal
costs, not the six trust its rejection took)."""

from __future__ import annotations

from collections import Counter

import pytest

from game.engine import Move, apply, new_game
from game.engine.foresight import foreseen_rejection, likely_rejected
from game.engine.state import ReactionKind
from game.engine.strategies import STRATEGIES
from game.store.scenarios import load_scenario


@pytest.mark.parametrize("name", ["hanoi", "next_summit"])
def test_an_offer_foreseen_as_turned_down_is_never_accepted_nor_deferred(name: str) -> None:
    scenario = load_scenario(name)
    seen: Counter[ReactionKind] = Counter()
    for seed in range(80):
        for strategy in ("random", "essay", "greedy", "hawk", "historical"):
            choose = STRATEGIES[strategy].choose
            state, rng = new_game(scenario, seed), seed
            while not state.is_over:
                move, rng = choose(state, rng)
                judged = not move.is_answer and scenario.offer(move.offer).kind.judged
                foreseen = judged and likely_rejected(state, move)
                result = apply(state, move)
                if foreseen:
                    seen[result.reaction.kind] += 1
                    assert result.reaction.kind not in (ReactionKind.ACCEPT, ReactionKind.DEFER), (
                        seed,
                        strategy,
                        str(move),
                        result.reaction.why,
                    )
                state = result.state
    # It says so often enough to matter: the hawk's big deal, the random player's long shots.
    assert seen[ReactionKind.REJECT] > 400


def test_the_big_deal_at_the_start_is_foreseen_as_turned_down_with_its_cost() -> None:
    hanoi = load_scenario("hanoi")
    state = new_game(hanoi, 7)
    big = Move("demand_cvid")
    assert likely_rejected(state, big)
    (rejection,) = foreseen_rejection(state, big)
    assert rejection == hanoi.offer("demand_cvid").on_reject
    trust = hanoi.meter_index["trust"]
    assert dict(rejection.meters)[trust] < 0
    # An opening offer a delegation may take is not foreseen as turned down.
    assert not likely_rejected(state, Move("security_assurances", "spoken"))
