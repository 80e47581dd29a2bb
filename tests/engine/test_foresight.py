"""What a player can foresee before a move: that, as things stand, the delegation turns an offer
down, and what a rejection then costs (a play-tester was shown what proposing the big deal
costs, not the six trust its rejection took)."""

from __future__ import annotations

from collections import Counter

import attrs
import pytest

from game.engine import GameState, MeterRole, Move, apply, new_game
from game.engine.foresight import (
    bargaining_read,
    expected_need_range,
    foreseen_rejection,
    likely_rejected,
    rejection_ends_talks,
)
from game.engine.judging import _Alignment, _alignment, _hardened, _served, _threshold
from game.engine.rng import draw
from game.engine.scenario import Offer, Variant
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


@pytest.mark.parametrize("name", ["hanoi", "next_summit"])
def test_a_rejection_foreseen_to_end_the_talks_ends_them(name: str) -> None:
    """A play-tester, told a rejection's cost in patience, had to add it up to see they would
    walk out: the confirmation now says so, and what it says holds."""
    scenario = load_scenario(name)
    said = 0
    for seed in range(60):
        for strategy in ("random", "hawk"):
            choose = STRATEGIES[strategy].choose
            state, rng = new_game(scenario, seed), seed
            while not state.is_over:
                move, rng = choose(state, rng)
                judged = not move.is_answer and scenario.offer(move.offer).kind.judged
                ends = judged and likely_rejected(state, move) and rejection_ends_talks(state, move)
                result = apply(state, move)
                if ends:
                    said += 1
                    assert result.reaction.kind is ReactionKind.WALKOUT, (seed, str(move))
                state = result.state
    assert said > 20


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


def test_a_fixed_need_past_its_margin_is_foreseen_as_turned_down_whatever_the_trust() -> None:
    """A play-tester proposed embassies with trust to spare and domestic pressure at 64, over
    the Senate's 55: no warning came, and the Senate refused it, as it always does."""
    hanoi = load_scenario("hanoi")
    state = new_game(hanoi, 7)
    trust, domestic = hanoi.meter_index["trust"], hanoi.meter_index["domestic"]
    margin = hanoi.rules.defer_margin
    embassies = Move("embassies")

    def at(pressure: int) -> GameState:
        meters = list(state.meters)
        meters[trust], meters[domestic] = 100, pressure
        return attrs.evolve(state, meters=tuple(meters))

    assert likely_rejected(at(55 + margin + 1), embassies)
    assert not likely_rejected(at(55 + margin), embassies)  # deferred at worst
    assert not likely_rejected(at(55), embassies)


def _actual_need(state: GameState, offer: Offer, variant: Variant | None, meter: int) -> int:
    """The level of ``meter`` the delegation will ask of the offer on this turn, as _judge works
    it out: everything counted, the hidden part and the day's mood too."""
    rules = state.scenario.rules
    profile = state.scenario.profiles[state.profile]
    noise, _ = draw(state.rng, -rules.noise, rules.noise)
    quirk = profile.quirk(offer.id, variant.id if variant else None)
    alignment, _ = _alignment(state, _served(offer, variant))
    shift = state.hardness + state.scenario.stances[state.stance].shift + noise
    shift += (variant.shift if variant else 0) + (quirk.shift if quirk else 0)
    shift += rules.grudge_shift * len(state.grudges) + _hardened(state, offer)
    shift += {_Alignment.FOCUS: rules.focus_shift, _Alignment.EARLY: rules.early_shift}.get(
        alignment, 0
    )
    return max(_threshold(state, n, shift)[0] for n in offer.needs if n.meter == meter)


@pytest.mark.parametrize("name", ["hanoi", "next_summit"])
def test_once_a_reply_has_named_a_level_the_estimate_counts_how_hard_they_bargain(
    name: str,
) -> None:
    """A play-tester was told "about 15" for what needed 24: the estimate left out how hard
    the delegation bargains, which its replies had shown. Counted once read, the figure the
    table shows is within the day's mood of what they ask nearly always (it was off by more
    in about one estimate in five)."""
    scenario = load_scenario(name)
    trust = scenario.role_index(MeterRole.TRUST)
    assert trust is not None
    off = shown = 0
    for seed in range(150):
        for strategy in ("essay", "random"):
            choose = STRATEGIES[strategy].choose
            state, rng = new_game(scenario, seed), seed
            assert not bargaining_read(state)
            while not state.is_over:
                move, rng = choose(state, rng)
                if not move.is_answer:
                    offer = scenario.offer(move.offer)
                    variant = offer.variant(move.variant)
                    need = expected_need_range(state, move, trust)
                    red = move.offer in state.profile_info.red_lines
                    if need is not None and need[0] == need[1] and not red:
                        shown += 1
                        actual = _actual_need(state, offer, variant, trust)
                        off += abs(actual - need[0]) > scenario.rules.noise
                state = apply(state, move).state
    assert shown > 1000
    assert off / shown < 0.06, (off, shown)
