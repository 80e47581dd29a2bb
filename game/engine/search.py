"""Finding a finished game for every ending of a scenario, for screenshots, benchmarks and tests.

Built-in strategies are tried first (their games are the most natural to show), then the
scenario's known games (its ``[[examples]]``), then a search that steers towards the ending, and
only when that fails one that also overrides the counterpart's reaction wherever the rules let
a hot-seat player choose it.

Pure and deterministic like the rest of the engine: the search draws its choices from the
engine's own generator (:mod:`game.engine.rng`), seeded from the scenario, the ending and the
seed asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, TypeVar

import attrs

from game.engine import (
    Ending,
    GameState,
    IllegalMoveError,
    Move,
    OfferKind,
    ReactionKind,
    Scenario,
    Terminal,
    apply,
    available_moves,
    judge,
    new_game,
    outcome,
)
from game.engine.describe import StrategyName
from game.engine.rng import draw, seed_state
from game.engine.state import ACCEPT, REJECT
from game.engine.strategies import play

T = TypeVar("T")

SHOT_STRATEGIES: Final = (
    StrategyName.HISTORICAL,
    StrategyName.ESSAY,
    StrategyName.HAWK,
    StrategyName.DOVE,
    StrategyName.RANDOM,
)
"""Built-in strategies tried first: their games are the most natural to show."""
SEARCH_SEEDS: Final = 24
"""Seeds tried per strategy, starting from the one asked for."""
DIRECTED_TRIES: Final = 240
"""Games a directed search plays before giving up on an ending."""
_JUDGED: Final = (OfferKind.OFFER, OfferKind.STATEMENT)
"""Offer kinds the counterpart answers (others, like walking away, are not judged)."""


@attrs.frozen
class Found:
    """A finished game and how it was found (for reports and test messages)."""

    state: GameState
    how: str
    """E.g. ``"essay, seed 8"`` or ``"directed, seed 7, moves: ..."``."""


def _shadowing(scenario: Scenario, target: Ending, terminal: Terminal) -> frozenset[str]:
    """Accords to avoid: each would let an earlier ending match first, or lock a needed offer."""
    avoid: set[str] = set()
    for ending in scenario.endings:
        if ending.id == target.id:
            break
        if terminal in ending.terminals and not ending.prior:  # no fresh game matches those
            avoid.update(set(ending.accords) - set(target.accords))
    for accord in target.accords:
        if accord in scenario.offer_index:
            avoid.update(scenario.offer(accord).requires.no_accords)
    return frozenset(avoid)


def _is_shadowed(scenario: Scenario, target: Ending, terminal: Terminal) -> bool:
    """True when an earlier ending needs nothing more than ``target`` does for this terminal."""
    for ending in scenario.endings:
        if ending.id == target.id:
            return False
        if (
            terminal in ending.terminals
            and not ending.prior
            and set(ending.accords) <= set(target.accords)
        ):
            return True
    return False


def _variant_for(state: GameState, move: Move, terminal: Terminal) -> Move:
    """Without a joint statement only tacit accords stand, so prefer a tacit form then."""
    offer = state.scenario.offer(move.offer)
    if terminal is Terminal.STATEMENT or not offer.variants:
        return move
    for variant in offer.variants:
        if variant.tacit:
            return Move(offer.id, variant.id)
    return move


def _guarded(scenario: Scenario, target: Ending) -> dict[int, int]:
    """Meters the target needs, by index: +1 must stay high, -1 must stay low.

    That is what the target's accords need from the counterpart, and what closing the summit
    with a statement requires (e.g. a President who can sell it at home).
    """
    guard: dict[int, int] = {}
    closing = [o for o in scenario.offers if o.kind is OfferKind.STATEMENT]
    for offer in [
        *(scenario.offer(a) for a in target.accords if a in scenario.offer_index),
        *closing,
    ]:
        for need in offer.needs:
            guard[need.meter] = 1 if need.at_least is not None else -1
        for bound in offer.requires.meters:
            guard[bound.meter] = 1 if bound.low is not None else -1
    return guard


def _helpfulness(state: GameState, move: Move, guard: dict[int, int]) -> int:
    """How much accepting ``move`` moves the guarded meters the right way (negative: harms)."""
    offer = state.scenario.offer(move.offer)
    variant = offer.variant(move.variant)
    effects = [offer.on_offer, offer.on_accept]
    if variant is not None:
        effects += [variant.on_offer, variant.on_accept]
    return sum(
        delta * guard[index]
        for effect in effects
        for index, delta in effect.meters
        if index in guard
    )


def _pick(rng: int, items: Sequence[T]) -> tuple[T, int]:
    """One of ``items`` (not empty), drawn at random, and the generator's next state."""
    index, rng = draw(rng, 0, len(items) - 1)
    return items[index], rng


def _shuffled(rng: int, items: Sequence[T]) -> tuple[list[T], int]:
    """``items`` in a random order (Fisher and Yates), and the generator's next state."""
    order = list(items)
    for last in range(len(order) - 1, 0, -1):
        other, rng = draw(rng, 0, last)
        order[last], order[other] = order[other], order[last]
    return order, rng


def _chance(rng: int, percent: int) -> tuple[bool, int]:
    """True ``percent`` times in a hundred, and the generator's next state."""
    roll, rng = draw(rng, 0, 99)
    return roll < percent, rng


def _directed_move(
    state: GameState,
    target: Ending,
    terminal: Terminal,
    avoid: frozenset[str],
    rng: int,
    *,
    hot_seat: bool = False,
) -> tuple[Move, ReactionKind | None, int]:
    """The next move of a game steered towards ``target``, the reaction it would need, and the
    generator's next state."""
    scenario = state.scenario
    if state.pending is not None:
        counter = scenario.proposals[state.pending.proposal]
        wanted = counter.accord in target.accords and terminal is Terminal.STATEMENT
        return Move(ACCEPT if wanted and counter.accord not in avoid else REJECT), None, rng
    moves = available_moves(state)
    offers = [
        move
        for move in moves
        if scenario.offer(move.offer).kind is OfferKind.OFFER
        and move.offer not in avoid
        and not state.has_accord(move.offer)
    ]
    needed = [_variant_for(state, m, terminal) for m in offers if m.offer in target.accords]
    missing = [a for a in target.accords if not state.has_accord(a)]
    closing_kind = OfferKind.STATEMENT if terminal is Terminal.STATEMENT else OfferKind.WALK_AWAY
    closing = [m for m in moves if scenario.offer(m.offer).kind is closing_kind]
    last_round = state.round == len(scenario.rounds) - 1
    if not missing and closing and terminal in (Terminal.STATEMENT, Terminal.WALKED_AWAY):
        move = closing[0]
        if terminal is Terminal.WALKED_AWAY or last_round:
            return move, None, rng
        if judge(state, move).kind is ReactionKind.ACCEPT:
            return move, None, rng
    needed, rng = _shuffled(rng, needed)
    for move in needed:
        if judge(state, move).kind is ReactionKind.ACCEPT:
            return move, None, rng
    if terminal is Terminal.WALKOUT:
        # Pressing what they refuse wears their patience down.
        pool = [m for m in offers if judge(state, m).kind is not ReactionKind.ACCEPT] or offers
        if pool:
            move, rng = _pick(rng, pool)
            return move, None, rng
    guard = _guarded(scenario, target)
    fillers = [
        m for m in offers if m.offer not in target.accords and _helpfulness(state, m, guard) >= 0
    ]
    welcome = [m for m in fillers if judge(state, m).kind is ReactionKind.ACCEPT]
    usually, rng = _chance(rng, 85)
    if welcome and usually:
        # Mostly the filler that does most for what the target needs; sometimes any other.
        welcome.sort(key=lambda m: -_helpfulness(state, m, guard))
        best, rng = _chance(rng, 60)
        if best:
            return welcome[0], None, rng
        move, rng = _pick(rng, welcome)
        return move, None, rng
    if needed and hot_seat:
        move, rng = _pick(rng, needed)
        return move, ReactionKind.ACCEPT, rng
    fresh = [m for m in fillers if not state.refusals[scenario.offer_index[m.offer]]]
    if fresh:
        move, rng = _pick(rng, fresh)
        return move, None, rng
    # Rather than press a refused offer again, take a pause (a recess), if the scenario has one.
    pauses = [
        m for m in moves if scenario.offer(m.offer).kind not in (*_JUDGED, OfferKind.WALK_AWAY)
    ]
    move, rng = _pick(rng, pauses or fillers or offers or list(moves))
    return move, None, rng


def directed_game(
    scenario: Scenario, target: Ending, seed: int, *, hot_seat: bool = False
) -> Found | None:
    """Play towards ``target``, trying seeds from ``seed`` on; None if no game reached it.

    Without ``hot_seat`` every reaction is the engine's own; with it, the counterpart may be
    made to accept (or walk out) wherever the rules allow a human player to choose that. An
    ending that needs accords of an earlier summit (``prior``) is out of reach of a game that
    starts afresh: None.
    """
    if target.prior:
        return None
    rng = seed_state(f"search:{scenario.id}:{target.id}", seed)
    terminals = [t for t in target.terminals if not _is_shadowed(scenario, target, t)]
    for attempt in range(DIRECTED_TRIES):
        terminal = terminals[attempt % len(terminals)] if terminals else target.terminals[0]
        avoid = _shadowing(scenario, target, terminal)
        game_seed = seed + attempt // 4
        state = new_game(scenario, game_seed)
        while not state.is_over:
            move, forced, rng = _directed_move(
                state, target, terminal, avoid, rng, hot_seat=hot_seat
            )
            reaction: ReactionKind | None = None
            if hot_seat and not move.is_answer:
                offer = scenario.offer(move.offer)
                if offer.kind in _JUDGED:
                    allowed = judge(state, move).allowed
                    wish = ReactionKind.WALKOUT if terminal is Terminal.WALKOUT else forced
                    if wish is not None and wish in allowed:
                        reaction = wish
            state = apply(state, move, reaction).state
        result = outcome(state)
        if result is not None and result.ending.id == target.id:
            moves = ", ".join(str(turn.move) for turn in state.turns)
            how = "hot-seat" if hot_seat else "directed"
            return Found(state, f"{how}, seed {game_seed}, moves: {moves}")
    return None


def finished_games(scenario: Scenario, seed: int) -> dict[str, Found]:
    """A finished game for every ending the scenario can reach, by ending id."""
    found: dict[str, Found] = {}
    wanted = {ending.id for ending in scenario.endings}
    for offset in range(SEARCH_SEEDS):
        for name in SHOT_STRATEGIES:
            state = play(scenario, name, seed + offset)
            result = outcome(state)
            if result is not None and result.ending.id not in found:
                found[result.ending.id] = Found(state, f"{name}, seed {seed + offset}")
        if wanted <= set(found):
            break
    for example in scenario.examples:
        ending_id, recipe_seed, moves = example.ending, example.seed, example.moves
        if ending_id not in found:
            scripted = _scripted(scenario, recipe_seed, moves)
            result = None if scripted is None else outcome(scripted)
            if scripted is not None and result is not None and result.ending.id == ending_id:
                found[ending_id] = Found(
                    scripted, f"script, seed {recipe_seed}: {', '.join(moves)}"
                )
    for ending in scenario.endings:
        if ending.id in found:
            continue
        hit = directed_game(scenario, ending, seed) or directed_game(
            scenario, ending, seed, hot_seat=True
        )
        if hit is not None:
            found[ending.id] = hit
    return {ending.id: found[ending.id] for ending in scenario.endings if ending.id in found}


def _scripted(scenario: Scenario, seed: int, moves: tuple[str, ...]) -> GameState | None:
    """The game a script of moves plays, or None if a move is no longer legal."""
    state = new_game(scenario, seed)
    for text in moves:
        try:
            state = apply(state, Move.parse(text)).state
        except IllegalMoveError:
            return None
    return state


def rich_game(scenario: Scenario, seed: int) -> GameState:
    """A finished game with plenty to debrief: the essay's line on this seed, or a longer one."""
    lines = (StrategyName.ESSAY, StrategyName.DOVE, StrategyName.HISTORICAL)
    candidates = [play(scenario, name, seed) for name in lines]
    return max(candidates, key=lambda s: (len(s.accords), len(s.turns)))


__all__ = ["Found", "directed_game", "finished_games", "rich_game"]
