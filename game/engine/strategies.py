"""Built-in players for batches and tests: historical, essay, hawk, dove, random, greedy.

A strategy is a pure function ``(state, rng) -> (move, rng)``. Each game gives its strategy a
random number generator seeded from the strategy's name and the game's seed, so a batch gives
the same result however it is split across processes. Strategies see only what a player sees:
the meters, the stance, the accords, the cards and the delegation's replies, never the hidden
profile. What each plays comes from the scenario's named lines (``historical``, ``essay``,
``hawk``, ``dove``, ``keep_talking``), so no scenario is named here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

import attrs

from game.engine.describe import StrategyName
from game.engine.foresight import expected_shortfall
from game.engine.moves import available_moves, is_legal
from game.engine.playbook import (
    _always,
    _helpful_recess,
    _in_final_round,
    _keep_talking,
    _last_resort,
    _line_answer,
    _line_moves,
    _offer_of,
    _preferences,
    _recesses,
    _refused_since_progress,
    _signable_after,
    _statement_limits,
    _statement_move,
    _walk_away_move,
)
from game.engine.reading import _after_accepting, essay
from game.engine.rng import draw, seed_state
from game.engine.rules import new_game
from game.engine.scenario import MeterRole, Offer, OfferKind, Scenario, Variant
from game.engine.state import (
    ACCEPT,
    REJECT,
    Carry,
    GameState,
    Move,
)
from game.engine.turns import apply

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
