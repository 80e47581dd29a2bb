"""What every built-in strategy plays with: the offers still worth making, the statement and
the recesses, lines of moves named in the scenario, and the check that a statement stays
signable."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Final

from game.engine.effects import meter_totals
from game.engine.moves import available_moves, is_legal
from game.engine.scenario import Offer, OfferKind, Scenario
from game.engine.state import (
    REJECT,
    GameState,
    Move,
    ReactionKind,
)

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
                forms = (offer, variant) if variant is not None else (offer,)
                found.append((move, meter_totals(*(form.on_offer for form in forms))))
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
