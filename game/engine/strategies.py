"""Built-in players for batches and tests: historical, essay, hawk, dove, random, greedy.

A strategy is a pure function ``(state, rng) -> (move, rng)``. Each game gives its strategy a
random number generator seeded from the strategy's name and the game's seed, so a batch gives
the same result however it is split across processes. Strategies see only what a player sees:
the meters, the stance, the accords, the cards and the delegation's replies, never the hidden
profile. What each plays comes from the scenario's named lines (``historical``, ``essay``,
``hawk``, ``dove``, ``keep_talking``), so no scenario is named here.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable, Sequence
from typing import Final

import attrs

from game.engine.rng import draw, seed_state
from game.engine.rules import (
    amendment,
    apply,
    available_moves,
    expected_shortfall,
    is_legal,
    new_game,
    opening_tell,
)
from game.engine.scenario import MeterRole, Offer, OfferKind, Proposal, Scenario, Variant
from game.engine.state import (
    ACCEPT,
    AMEND,
    REJECT,
    Carry,
    GameState,
    Move,
    ReactionKind,
    Turn,
)

Strategy = Callable[[GameState, int], tuple[Move, int]]
"""Chooses the next move from the state and a random state; returns the move and new state."""

MAX_DECISIONS: Final = 500
"""A guard against a strategy that never ends a game (the schedule always ends one sooner)."""


class StrategyName(enum.Enum):
    """The built-in strategies."""

    HISTORICAL = "historical"
    ESSAY = "essay"
    HAWK = "hawk"
    DOVE = "dove"
    RANDOM = "random"
    GREEDY = "greedy"


@attrs.frozen
class StrategyInfo:
    """A built-in strategy and what it does, for ``batch --help`` and the docs."""

    name: str
    description: str
    choose: Strategy


_REFUSED: Final = (
    ReactionKind.REJECT,
    ReactionKind.DEFER,
    ReactionKind.COUNTER,
    ReactionKind.NOTED,
)


def _offer_of(scenario: Scenario, move: Move) -> Offer:
    return scenario.offers[scenario.offer_index[move.offer]]


def _refused_since_progress(state: GameState, move: Move) -> bool:
    """True when the offer was refused and nothing has been agreed since: trying it again
    at once would only cost patience."""
    for turn in reversed(state.turns):
        if turn.reaction.accord is not None:
            return False
        if turn.move.offer == move.offer and turn.reaction.kind in _REFUSED:
            return True
    return False


def _statement_move(state: GameState) -> Move | None:
    for offer in state.scenario.offers:
        if offer.kind is OfferKind.STATEMENT and is_legal(state, Move(offer.id)):
            return Move(offer.id)
    return None


def _walk_away_move(state: GameState) -> Move | None:
    for offer in state.scenario.offers:
        if offer.kind is OfferKind.WALK_AWAY and is_legal(state, Move(offer.id)):
            return Move(offer.id)
    return None


def _last_resort(state: GameState) -> Move:
    """Walk away if the scenario allows it now, else whatever can be played."""
    return _walk_away_move(state) or available_moves(state)[0]


def _turns_left(state: GameState) -> int:
    """Offers still to be made before the schedule runs out."""
    rounds = state.scenario.rounds
    return sum(r.turns for r in rounds[state.round :]) - state.turn_in_round


def _in_final_round(state: GameState) -> bool:
    return state.round == len(state.scenario.rounds) - 1


def _recesses(state: GameState) -> list[tuple[Move, dict[int, int]]]:
    """Every recess move playable now, with the meter changes it brings."""
    found = []
    for offer in state.scenario.offers:
        if offer.kind is not OfferKind.RECESS:
            continue
        for variant in offer.variants or (None,):
            move = Move(offer.id, variant.id if variant else None)
            if is_legal(state, move):
                deltas = dict(offer.on_offer.meters)
                if variant is not None:
                    for index, delta in variant.on_offer.meters:
                        deltas[index] = deltas.get(index, 0) + delta
                found.append((move, deltas))
    return found


def _recess_for(state: GameState, blocking: Sequence[tuple[int, int]]) -> Move | None:
    """A recess that moves one of the ``blocking`` meters (index, direction) the right way."""
    for move, deltas in _recesses(state):
        if any(deltas.get(meter, 0) * sign > 0 for meter, sign in blocking):
            return move
    return None


def _helpful_recess(state: GameState) -> Move | None:
    """A recess that would move a meter keeping the joint statement out of reach, if any."""
    scenario = state.scenario
    statement = next((o for o in scenario.offers if o.kind is OfferKind.STATEMENT), None)
    if statement is None or is_legal(state, Move(statement.id)):
        return None
    blocking = []
    for bound in statement.requires.meters:
        value = state.meters[bound.meter]
        if bound.high is not None and value > bound.high:
            blocking.append((bound.meter, -1))
        if bound.low is not None and value < bound.low:
            blocking.append((bound.meter, 1))
    return _recess_for(state, blocking)


def _outside_needs_recess(state: GameState, move: Move) -> Move | None:
    """A recess that would win over a third party (a need with a ``who``) the move lacks, if
    taking it now would close the gap."""
    offer = _offer_of(state.scenario, move)
    for need in offer.needs:
        if not need.who:
            continue
        value = state.meters[need.meter]
        if need.at_least is not None and value < need.at_least:
            gap, sign = need.at_least - value, 1
        elif need.at_most is not None and value > need.at_most:
            gap, sign = value - need.at_most, -1
        else:
            continue
        turns_left = _turns_left(state)
        for recess, deltas in _recesses(state):
            taken = state.attempts[state.scenario.offer_index[recess.offer]]
            gain = sum(int(deltas.get(need.meter, 0) * sign / (taken + k + 1)) for k in range(2))
            if gain >= gap or (turns_left > 3 and gain > 0):
                return recess
        return None
    return None


def _outside_blocked(state: GameState, move: Move) -> bool:
    """True when a third party's need (a need with a ``who``) keeps the move from passing."""
    for need in _offer_of(state.scenario, move).needs:
        value = state.meters[need.meter]
        if need.who and (
            (need.at_least is not None and value < need.at_least)
            or (need.at_most is not None and value > need.at_most)
        ):
            return True
    return False


def _line_moves(scenario: Scenario, line_id: str) -> tuple[Move, ...]:
    try:
        line = scenario.line(line_id)
    except KeyError:
        return ()
    return tuple(Move.parse(text) for text in line.moves if not Move.parse(text).is_answer)


def _line_answer(line_id: str) -> Callable[[GameState], str]:
    """Answer a proposal of theirs as the line does: the answer written right after the offer
    that drew it, or reject when the line says nothing."""

    def answer(state: GameState) -> str:
        try:
            moves = [Move.parse(text) for text in state.scenario.line(line_id).moves]
        except KeyError:
            return REJECT
        trigger = state.turns[-1].move.offer if state.turns else ""
        for here, after in itertools.pairwise(moves):
            if here.offer == trigger and after.is_answer:
                return after.offer
        return REJECT

    return answer


def _always(answer: str) -> Callable[[GameState], str]:
    return lambda state: answer


def _keep_talking(state: GameState) -> list[Move]:
    """The least provocative offers: the scenario's ``keep_talking`` line."""
    return list(_line_moves(state.scenario, "keep_talking"))


def _preferences(
    state: GameState,
    preferred: Sequence[Move],
    answer: Callable[[GameState], str],
    *,
    closing: Callable[[GameState], Move | None] = _statement_move,
) -> Move:
    """Play down a list of preferred offers, closing as ``closing`` says (by default with a
    joint statement).

    Answers their proposals as ``answer`` says. Takes the first preferred offer not yet agreed
    and available, holding back one refused until something new is agreed (meanwhile keeping
    the talks going with the least provocative offers); closes once nothing preferred is left
    or in the final round, taking a recess first when that is what keeps the statement out of
    reach.
    """
    if state.pending is not None:
        return Move(answer(state))
    scenario = state.scenario
    candidates = [
        move
        for move in preferred
        if _offer_of(scenario, move).kind is OfferKind.OFFER
        and not state.has_accord(move.offer)
        and is_legal(state, move)
    ]
    final = not candidates or _in_final_round(state)
    close = closing(state)
    if close is not None and final:
        return close
    recess = _helpful_recess(state)
    if recess is not None and final:
        return recess
    fresh = [move for move in candidates if not _refused_since_progress(state, move)]
    if fresh:
        return fresh[0]
    for move in _keep_talking(state):
        if (
            not state.has_accord(move.offer)
            and is_legal(state, move)
            and not _refused_since_progress(state, move)
        ):
            return move
    if candidates:
        return candidates[0]
    if recess is not None:
        return recess
    for move in available_moves(state):
        if _offer_of(scenario, move).kind in (OfferKind.OFFER, OfferKind.RECESS):
            return move
    return _last_resort(state)


def historical(state: GameState, rng: int) -> tuple[Move, int]:
    """What happened in Hanoi: the expected accords on the table, then the big deal demanded,
    the North's Yongbyon proposal refused, and a walk away before anything is signed."""
    scenario = state.scenario
    if state.pending is not None:
        return Move(_line_answer("historical")(state)), rng
    line = _line_moves(scenario, "historical")
    # Steps agreed at an earlier summit are already done; the rest are taken in order.
    prior = {accord.id for accord in state.accords if accord.prior}
    line = tuple(move for move in line if move.offer not in prior)
    made = [turn.move for turn in state.turns if not turn.move.is_answer]
    position = 0
    for move in made:
        if position < len(line) and move == line[position]:
            position += 1
    if position < len(line) and is_legal(state, line[position]):
        return line[position], rng
    # Waiting for the next step (walking out of a dinner is not done): keep the talks going.
    for move in _keep_talking(state):
        open_now = is_legal(state, move) and not state.has_accord(move.offer)
        if open_now and not _refused_since_progress(state, move):
            return move, rng
    waiting = [move for move, _ in _recesses(state)]
    return (waiting[0] if waiting else _last_resort(state)), rng


# --- the essay's agenda, played with judgment -----------------------------------------------


def _revealed_focus(state: GameState) -> str | None:
    """The interest their most recent tell named as the one they want first."""
    for turn in reversed(state.turns):
        if turn.reaction.focus is not None:
            return turn.reaction.focus
    return opening_tell(state)


def _settled(state: GameState) -> set[str]:
    """Interests they have said are settled: each earlier focus once a later one was named."""
    named = [opening_tell(state)] + [t.reaction.focus for t in state.turns]
    order = [focus for focus in named if focus is not None]
    current = order[-1] if order else None
    return {focus for focus in order if focus != current}


def _served_ids(scenario: Scenario, move: Move) -> set[str]:
    offer = _offer_of(scenario, move)
    variant = offer.variant(move.variant)
    served = list(offer.serves) + (list(variant.serves) if variant is not None else [])
    return {scenario.interests[i].id for i, points in served if points > 0}


def _after_accepting(state: GameState, proposal: Proposal) -> bool:
    """True when the statement's own meter limits would still hold after accepting it."""
    return _signable_after(state, proposal.on_accept.meters, _statement_limits(state.scenario))


def _exploited(state: GameState) -> bool:
    """True when their replies have shown that they pocket what is given: they countered an
    offer they had no objection to, or took a proposal and still wanted as much as before."""
    for turn in state.turns:
        if turn.reaction.holding_out:
            return True
        accepted = turn.move.offer == ACCEPT and turn.reaction.kind is ReactionKind.ACCEPT
        if accepted and turn.reaction.focus is None:
            previous = _revealed_focus_before(state, turn.number)
            if previous is not None and _proposal_served(state, turn, previous):
                return True
    return False


def _revealed_focus_before(state: GameState, number: int) -> str | None:
    for turn in reversed(state.turns[: number - 1]):
        if turn.reaction.focus is not None:
            return turn.reaction.focus
    return opening_tell(state)


def _proposal_served(state: GameState, turn: Turn, interest: str) -> bool:
    """True when the proposal accepted on ``turn`` was meant to serve ``interest``."""
    previous = state.turns[turn.number - 2] if turn.number >= 2 else None
    proposal_id = None
    if previous is not None:
        proposal_id = previous.tabled or previous.reaction.counter
    if proposal_id is None:
        return False
    proposal = state.scenario.proposal(proposal_id)
    return any(
        state.scenario.interests[i].id == interest and points > 0 for i, points in proposal.serves
    )


def _essay_answer(state: GameState) -> str:
    """Take their proposal when it serves the interest they named first, they have not shown
    that they pocket what is given, and the statement stays signable; answer with the
    amendment when it serves what they want now; refuse otherwise."""
    assert state.pending is not None
    scenario = state.scenario
    proposal = scenario.proposals[state.pending.proposal]
    served = {scenario.interests[i].id for i, points in proposal.serves if points > 0}
    focus = _revealed_focus(state)
    if focus not in served:
        return REJECT
    first = opening_tell(state)
    if first in served and not _exploited(state) and _after_accepting(state, proposal):
        return ACCEPT
    if amendment(state) is not None and is_legal(state, Move(AMEND)):
        return AMEND
    return REJECT


def _essay_candidates(state: GameState) -> list[Move]:
    """The essay's moves still to make, in order; for an offer refused since the last accord,
    its other form."""
    scenario = state.scenario
    found = []
    for planned in _line_moves(scenario, "essay"):
        offer = _offer_of(scenario, planned)
        if offer.kind is not OfferKind.OFFER or state.has_accord(planned.offer):
            continue
        move = planned
        if _refused_since_progress(state, planned) and offer.variants:
            others = [v for v in offer.variants if v.id != planned.variant]
            move = Move(offer.id, others[-1].id) if others else planned
        if is_legal(state, move):
            found.append(move)
    return found


def _focus_moves(state: GameState, focus: str) -> list[Move]:
    """Every playable offer serving ``focus``, for when the essay's own list has none."""
    scenario = state.scenario
    found = []
    for move in available_moves(state):
        offer = _offer_of(scenario, move)
        useful = offer.kind is OfferKind.OFFER and focus in _served_ids(scenario, move)
        fresh = not offer.is_counterproductive(move.variant) and not state.has_accord(offer.id)
        if useful and fresh:
            found.append(move)
    return found


def essay(state: GameState, rng: int) -> tuple[Move, int]:
    """The essay's agenda, played with judgment: what they say they want first is offered
    first, nothing is pressed on them out of turn, a refused form is tried in another form,
    their proposals are taken when they serve that interest and amended or refused otherwise,
    the neighbours are consulted when the hand-off needs them, and a joint statement closes."""
    if state.pending is not None:
        return Move(_essay_answer(state)), rng
    scenario = state.scenario
    focus = _revealed_focus(state)
    settled = _settled(state)
    candidates = _essay_candidates(state)
    if focus is not None:
        # The essay's order, leaving out what would be pressed on them out of turn; other
        # offers serving what they want now come after.
        ordered = [
            m
            for m in candidates
            if focus in _served_ids(scenario, m) or _served_ids(scenario, m) <= settled
        ]
        ordered += [m for m in _focus_moves(state, focus) if m not in ordered]
    else:
        ordered = candidates
    fresh = [m for m in ordered if not _refused_since_progress(state, m)]
    retry = [m for m in ordered if m not in fresh]
    final = _in_final_round(state) or not ordered
    if final:
        closing = _statement_move(state) or _helpful_recess(state)
        if closing is not None:
            return closing, rng
    for move in fresh + retry:
        if _outside_blocked(state, move):
            recess = _outside_needs_recess(state, move)
            if recess is None:
                continue
            return recess, rng
        return move, rng
    closing = _statement_move(state) or _helpful_recess(state)
    if closing is not None:
        return closing, rng
    waiting = [move for move, _ in _recesses(state)]
    return (waiting[0] if waiting else _last_resort(state)), rng


def hawk(state: GameState, rng: int) -> tuple[Move, int]:
    """Ask for everything, make human rights a condition, refuse every proposal of theirs,
    concede nothing, and walk away rather than sign anything less."""
    return _preferences(
        state, _line_moves(state.scenario, "hawk"), _always(REJECT), closing=_walk_away_move
    ), rng


def dove(state: GameState, rng: int) -> tuple[Move, int]:
    """Reassure first and concede generously; accept every proposal of theirs."""
    return _preferences(state, _line_moves(state.scenario, "dove"), _always(ACCEPT)), rng


def random_play(state: GameState, rng: int) -> tuple[Move, int]:
    """Any available move, uniformly at random."""
    moves = available_moves(state)
    index, rng = draw(rng, 0, len(moves) - 1)
    return moves[index], rng


def _card_raw(scenario: Scenario, meters: Sequence[int], accords: frozenset[str]) -> list[int]:
    """Each scorecard's value before it is held to 0..100."""
    raws = []
    for card in scenario.scorecards:
        value = card.base
        for accord, points in card.accords:
            if accord in accords:
                value += points
        for index, percent in card.meters:
            value += meters[index] * percent // 100
        raws.append(value)
    return raws


def _gain(state: GameState, offer: Offer, variant: Variant | None, raws: Sequence[int]) -> int:
    """What accepting an offer would add to the scorecards (``raws``: their values now, from
    :func:`_card_raw`), trust counted twice over."""
    scenario = state.scenario
    changed: dict[int, int] = {}
    effects = [offer.on_offer, offer.on_accept, scenario.rules.per_accept]
    if variant is not None:
        effects += [variant.on_offer, variant.on_accept]
    for effect in effects:
        for index, delta in effect.meters:
            meter = scenario.meters[index]
            value = changed.get(index, state.meters[index]) + delta
            changed[index] = min(max(value, meter.minimum), meter.maximum)
    new_accord = offer.id not in state.agreed
    gain = 0
    for card, raw in zip(scenario.scorecards, raws, strict=True):
        after = raw
        if new_accord:
            after += dict(card.accords).get(offer.id, 0)
        for index, percent in card.meters:
            if index in changed:
                after += changed[index] * percent // 100 - state.meters[index] * percent // 100
        if after != raw:
            gain += min(max(after, 0), 100) - min(max(raw, 0), 100)
    trust = scenario.role_index(MeterRole.TRUST)
    if trust is not None and trust in changed:
        gain += 2 * (changed[trust] - state.meters[trust])
    return gain


def _statement_limits(scenario: Scenario) -> tuple[tuple[int, int], ...]:
    """(meter, highest value) pairs a joint statement requires, a margin of 5 kept."""
    return tuple(
        (bound.meter, bound.high - 5)
        for offer in scenario.offers
        if offer.kind is OfferKind.STATEMENT
        for bound in offer.requires.meters
        if bound.high is not None
    )


def _signable_after(
    state: GameState, effect_meters: Sequence[tuple[int, int]], limits: Sequence[tuple[int, int]]
) -> bool:
    """True when, after these changes, the statement's own meter limits would still hold."""
    for meter, high in limits:
        value = state.meters[meter] + sum(d for index, d in effect_meters if index == meter)
        if value > high:
            return False
    return True


def greedy(state: GameState, rng: int) -> tuple[Move, int]:
    """Take the offer with the best immediate gain that they should accept, as far as a player
    can judge it (their stance counted; their hidden profile and mood not); take their
    proposals when the statement stays signable."""
    scenario = state.scenario
    if state.pending is not None:
        proposal = scenario.proposals[state.pending.proposal]
        fits = _after_accepting(state, proposal)
        return Move(ACCEPT if fits and proposal.accord not in state.agreed else REJECT), rng
    margin = scenario.rules.defer_margin
    raws = _card_raw(scenario, state.meters, state.agreed)
    limits = _statement_limits(scenario)
    best: Move | None = None
    best_value = 0
    for move in available_moves(state):
        offer = _offer_of(scenario, move)
        if offer.kind is not OfferKind.OFFER or _refused_since_progress(state, move):
            continue
        variant = offer.variant(move.variant)
        effects = [*offer.on_offer.meters, *offer.on_accept.meters]
        if variant is not None:
            effects += [*variant.on_offer.meters, *variant.on_accept.meters]
        if not _signable_after(state, effects, limits):
            continue
        short = expected_shortfall(state, move)
        if short > margin:
            continue
        value = _gain(state, offer, variant, raws) // (1 if short <= 0 else 3)
        if value > best_value:
            best, best_value = move, value
    if best is None or _in_final_round(state):
        closing = _statement_move(state) or _helpful_recess(state)
        if closing is not None:
            return closing, rng
    if best is not None:
        return best, rng
    return _preferences(state, _keep_talking(state), _always(REJECT)), rng


STRATEGIES: Final = {
    info.name: info
    for info in (
        StrategyInfo(StrategyName.HISTORICAL.value, historical.__doc__ or "", historical),
        StrategyInfo(StrategyName.ESSAY.value, essay.__doc__ or "", essay),
        StrategyInfo(StrategyName.HAWK.value, hawk.__doc__ or "", hawk),
        StrategyInfo(StrategyName.DOVE.value, dove.__doc__ or "", dove),
        StrategyInfo(StrategyName.RANDOM.value, random_play.__doc__ or "", random_play),
        StrategyInfo(StrategyName.GREEDY.value, greedy.__doc__ or "", greedy),
    )
}


def strategy_rng(name: str, seed: int) -> int:
    """The random state a strategy starts a game with."""
    return seed_state(f"strategy:{name}", seed)


def play(scenario: Scenario, strategy: str, seed: int, carry: Carry | None = None) -> GameState:
    """Play one whole game with a built-in strategy and return the final state."""
    return play_from(new_game(scenario, seed, carry), strategy)


def play_from(state: GameState, strategy: str) -> GameState:
    """Play a game on from ``state`` to its end with a built-in strategy."""
    choose = STRATEGIES[strategy].choose
    rng = strategy_rng(strategy, state.seed)
    for _ in range(MAX_DECISIONS):
        if state.is_over:
            return state
        move, rng = choose(state, rng)
        state = apply(state, move).state
    raise RuntimeError(f"strategy {strategy} did not finish a game in {MAX_DECISIONS} decisions")
