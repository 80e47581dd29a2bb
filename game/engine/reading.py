"""Reading the delegation's replies: what their words reveal they want first and what they have
settled, whether they pocket what is given; and the essay's agenda played with that judgment."""

from __future__ import annotations

from game.engine.moves import amendment, available_moves, is_legal
from game.engine.playbook import (
    _helpful_recess,
    _in_final_round,
    _last_resort,
    _line_moves,
    _offer_of,
    _outside_blocked,
    _outside_needs_recess,
    _recesses,
    _refused_since_progress,
    _signable_after,
    _statement_limits,
    _statement_move,
)
from game.engine.rules import opening_tell
from game.engine.scenario import OfferKind, Proposal, Scenario
from game.engine.state import (
    ACCEPT,
    AMEND,
    REJECT,
    GameState,
    Move,
    ReactionKind,
    Turn,
    last_named_focus,
)


def _revealed_focus(state: GameState) -> str | None:
    """The interest their most recent tell named as the one they want first."""
    return last_named_focus(state.turns) or opening_tell(state)


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
    return last_named_focus(state.turns[: number - 1]) or opening_tell(state)


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
