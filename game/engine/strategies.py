"""Built-in players for batches and tests: historical, essay, hawk, dove, random, greedy.

A strategy is a pure function ``(state, rng) -> (move, rng)``. Each game gives its strategy a
random number generator seeded from the strategy's name and the game's seed, so a batch gives
the same result however it is split across processes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Final

import attrs

from game.engine.rng import draw, seed_state
from game.engine.rules import (
    apply,
    available_moves,
    expected_shortfall,
    is_legal,
    new_game,
)
from game.engine.scenario import Offer, OfferKind, Scenario, Variant
from game.engine.state import ACCEPT, REJECT, Carry, GameState, Move, ReactionKind

Strategy = Callable[[GameState, int], tuple[Move, int]]
"""Chooses the next move from the state and a random state; returns the move and new state."""

MAX_DECISIONS: Final = 500
"""A guard against a strategy that never ends a game (the schedule always ends one sooner)."""


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


def _walk_away_move(scenario: Scenario) -> Move | None:
    for offer in scenario.offers:
        if offer.kind is OfferKind.WALK_AWAY:
            return Move(offer.id)
    return None


def _last_resort(state: GameState) -> Move:
    """Walk away if the scenario allows it now, else whatever can be played."""
    walk_away = _walk_away_move(state.scenario)
    if walk_away is not None and is_legal(state, walk_away):
        return walk_away
    return available_moves(state)[0]


def _in_final_round(state: GameState) -> bool:
    return state.round == len(state.scenario.rounds) - 1


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
    for offer in scenario.offers:
        move = Move(offer.id, offer.variants[0].id if offer.variants else None)
        if offer.kind is not OfferKind.RECESS or not is_legal(state, move):
            continue
        deltas = dict(offer.on_offer.meters)
        if any(deltas.get(meter, 0) * sign > 0 for meter, sign in blocking):
            return move
    return None


def _preferences(
    state: GameState, preferred: Sequence[Move], answer: Callable[[GameState], str]
) -> Move:
    """Play down a list of preferred offers, closing with a joint statement.

    Answers counter-offers as ``answer`` says. Takes the first preferred offer not yet
    agreed and available, holding back one refused until something new is agreed (meanwhile
    keeping the talks going with the least provocative offers); proposes the statement once
    nothing preferred is left or in the final round, taking a recess first when that is what
    keeps the statement out of reach.
    """
    if state.pending is not None:
        return Move(answer(state))
    statement = _statement_move(state)
    candidates = [
        move
        for move in preferred
        if state.scenario.offers[state.scenario.offer_index[move.offer]].kind is OfferKind.OFFER
        and not state.has_accord(move.offer)
        and is_legal(state, move)
    ]
    closing = not candidates or _in_final_round(state)
    if statement is not None and closing:
        return statement
    recess = _helpful_recess(state)
    if recess is not None and closing:
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
        offer = state.scenario.offers[state.scenario.offer_index[move.offer]]
        if offer.kind in (OfferKind.OFFER, OfferKind.RECESS):
            return move
    return _last_resort(state)


def _line_moves(scenario: Scenario, line_id: str) -> tuple[Move, ...]:
    try:
        line = scenario.line(line_id)
    except KeyError:
        return ()
    return tuple(Move.parse(text) for text in line.moves if not Move.parse(text).is_answer)


def _line_answer(line_id: str) -> Callable[[GameState], str]:
    """Answer a counter-offer as the line does: the answer written right after the offer that
    drew the counter-offer, or reject when the line says nothing."""

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


def historical(state: GameState, rng: int) -> tuple[Move, int]:
    """What happened in Hanoi: the expected accords on the table, then the big deal demanded,
    the North's Yongbyon ask refused, and a walk away before anything is signed."""
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
    # Waiting for the next step (walking out of a dinner is not done): insist on the last one.
    for move in reversed(line[:position]):
        if is_legal(state, move):
            return move, rng
    return _last_resort(state), rng


def essay(state: GameState, rng: int) -> tuple[Move, int]:
    """The essay's agenda in order, recorded in a closing joint statement."""
    return _preferences(state, _line_moves(state.scenario, "essay"), _line_answer("essay")), rng


_KEEP_TALKING: Final = (
    Move("next_summit", "working_level"),
    Move("security_assurances", "spoken"),
)
_HAWK: Final = (
    Move("demand_cvid"),
    Move("raise_human_rights", "precondition"),
    Move("next_summit"),
    Move("mutual_restraint", "written"),
)
_DOVE: Final = (
    Move("security_assurances"),
    Move("accept_limited_arsenal"),
    Move("mutual_restraint", "written"),
    Move("yongbyon_for_relief", "generous"),
    Move("peace_declaration", "treaty_talks"),
    Move("liaison_offices"),
    Move("embassies"),
    Move("next_summit"),
    Move("regional_handoff"),
)


def _keep_talking(state: GameState) -> list[Move]:
    """The least provocative offers: the scenario's ``keep_talking`` line, or Hanoi's own."""
    line = _line_moves(state.scenario, "keep_talking")
    return list(line) if line else _known(state, _KEEP_TALKING)


def _known(state: GameState, moves: Sequence[Move]) -> list[Move]:
    index = state.scenario.offer_index
    return [move for move in moves if move.offer in index]


def hawk(state: GameState, rng: int) -> tuple[Move, int]:
    """Ask for everything, raise human rights, refuse every counter-offer, concede nothing."""
    return _preferences(state, _known(state, _HAWK), _always(REJECT)), rng


def dove(state: GameState, rng: int) -> tuple[Move, int]:
    """Reassure first and concede generously; accept every counter-offer."""
    return _preferences(state, _known(state, _DOVE), _always(ACCEPT)), rng


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
    trust = scenario.meter_index.get("trust")
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
    can judge it (their stance counted; their hidden profile and mood not)."""
    scenario = state.scenario
    if state.pending is not None:
        counter = scenario.counters[state.pending]
        fits = _signable_after(state, counter.on_accept.meters, _statement_limits(scenario))
        return Move(ACCEPT if fits and counter.accord not in state.agreed else REJECT), rng
    margin = scenario.rules.defer_margin
    raws = _card_raw(scenario, state.meters, state.agreed)
    limits = _statement_limits(scenario)
    best: Move | None = None
    best_value = 0
    for move in available_moves(state):
        offer = scenario.offer(move.offer)
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
        StrategyInfo("historical", historical.__doc__ or "", historical),
        StrategyInfo("essay", essay.__doc__ or "", essay),
        StrategyInfo("hawk", hawk.__doc__ or "", hawk),
        StrategyInfo("dove", dove.__doc__ or "", dove),
        StrategyInfo("random", random_play.__doc__ or "", random_play),
        StrategyInfo("greedy", greedy.__doc__ or "", greedy),
    )
}


def strategy_rng(name: str, seed: int) -> int:
    """The random state a strategy starts a game with."""
    return seed_state(f"strategy:{name}", seed)


def play(scenario: Scenario, strategy: str, seed: int, carry: Carry | None = None) -> GameState:
    """Play one whole game with a built-in strategy and return the final state."""
    choose = STRATEGIES[strategy].choose
    state = new_game(scenario, seed, carry)
    rng = strategy_rng(strategy, seed)
    for _ in range(MAX_DECISIONS):
        if state.is_over:
            return state
        move, rng = choose(state, rng)
        state = apply(state, move).state
    raise RuntimeError(f"strategy {strategy} did not finish a game in {MAX_DECISIONS} decisions")
