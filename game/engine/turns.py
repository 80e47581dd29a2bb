"""Applying a move: the counterpart's reaction and every effect of the turn, an answer to their
proposal, a recess or a walk-away (what happens between rounds is in :mod:`game.engine.rounds`)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Final

from game.engine.draft import _Draft, _say
from game.engine.judging import (
    _VERB,
    _Alignment,
    _judge,
    _served,
    _tableable,
)
from game.engine.moves import _checked, _resolve, amendment
from game.engine.rounds import _check_walkout, _close_stalled, _next_round
from game.engine.scenario import (
    MeterGroup,
    Offer,
    OfferKind,
    Proposal,
    Scenario,
    Terminal,
    Variant,
)
from game.engine.state import (
    ACCEPT,
    AMEND,
    Accord,
    ChosenBy,
    GameState,
    IllegalMoveError,
    Move,
    Pending,
    PendingKind,
    ReactionKind,
    Result,
    Turn,
)

_REFUSALS: Final = (ReactionKind.DEFER, ReactionKind.REJECT, ReactionKind.COUNTER)
REMEMBER: Final = "they will remember"
"""How a reason says that the move leaves a grievance behind (see :func:`_remembered`)."""
AMENDED: Final = " with an offer of your own, "
"""What the reason for their reply to an amendment says between their proposal's name and the
offer's: ``you answered X with an offer of your own, Y: `` and then the verdict."""


def _turn_hash(previous: str, number: int, move: Move, d: _Draft) -> str:
    """The hash of the game after this turn. A game is a pure function of its scenario, seed
    and inputs, so chaining the inputs (the move, and what a hot-seat player chose for their
    side) pins down everything the turn produced."""
    chosen = f"{d.kind._value_}:{d.counter or ''}" if d.chosen_by is ChosenBy.PLAYER else ""
    text = f"{previous}|{number}|{move.text}|{chosen}"
    return hashlib.sha256(text.encode()).hexdigest()


def apply(
    state: GameState,
    move: Move,
    reaction: ReactionKind | None = None,
    proposal: str | None = None,
) -> Result:
    """Play ``move``: return the new state and the counterpart's reaction.

    ``reaction`` lets a hot-seat player choose the counterpart's answer to an offer among
    :func:`judge`'s ``allowed``, and ``proposal`` which of their proposals a counter-offer
    tables (among :func:`judge`'s ``proposals``); by default the rules decide. Raises
    :class:`IllegalMoveError` for a move that cannot be played now.
    """
    offer, variant = _checked(state, move)
    if proposal is not None and reaction is not ReactionKind.COUNTER:
        raise IllegalMoveError(str(move), "only a counter-offer tables a proposal")
    draft = _Draft(state)
    before = tuple(state.meters)
    number = len(state.turns) + 1
    if offer is None:
        if reaction is not None and move.offer != AMEND:
            raise IllegalMoveError(str(move), "an answer to their proposal is not judged")
        _answer(state, draft, move, number=number, chosen=reaction, table=proposal)
    elif offer.kind is OfferKind.WALK_AWAY:
        if reaction is not None:
            raise IllegalMoveError(str(move), "walking away is not judged")
        draft.apply(offer.on_offer)
        if variant is not None:
            draft.apply(variant.on_offer)
        draft.kind = ReactionKind.ENDED
        draft.say = _say(draft.scenario, offer, ReactionKind.ENDED)
        draft.why = "ended: you walked away; the summit closes without a statement"
        draft.terminal = Terminal.WALKED_AWAY
    elif offer.kind is OfferKind.RECESS:
        if reaction is not None:
            raise IllegalMoveError(str(move), f"{offer.label} is not judged by the counterpart")
        _recess(state, draft, offer, variant)
    else:
        _offer(state, draft, offer, variant, chosen=reaction, table=proposal)
    _remembered(state, draft)
    draft.asides = _asides(draft.scenario, before, draft.meters)

    if draft.terminal is None:
        draft.transition()
        _check_walkout(draft, offer)
    round_over = draft.turn_in_round >= draft.scenario.rounds[draft.round].turns
    if draft.terminal is None and draft.pending is None and round_over:
        _next_round(draft, offer, state.hotseat)
    _close_stalled(draft, offer, state.hotseat)

    digest = _turn_hash(state.hash, number, move, draft)
    result = draft.reaction()
    meters = tuple(draft.meters)
    turn = Turn(
        number,
        state.round,
        move,
        result,
        meters,
        draft.stance,
        draft.events,
        digest,
        draft.drifts,
        draft.tests,
        draft.tabled,
    )
    # Positional, in the order of the fields (a call with 25 keywords costs a twentieth of a
    # turn); a test in tests/engine/test_engine.py holds that order.
    new = GameState(
        state.scenario,  # scenario
        state.seed,  # seed
        state.profile,  # profile
        state.hardness,  # hardness
        draft.rng,  # rng
        meters,  # meters
        draft.stance,  # stance
        draft.round,  # round
        draft.turn_in_round,  # turn_in_round
        draft.accords,  # accords
        draft.agreed,  # agreed
        draft.attempts,  # attempts
        draft.refusals,  # refusals
        draft.answered,  # answered
        draft.fired,  # fired
        draft.pending,  # pending
        draft.terminal,  # terminal
        (*state.turns, turn),  # turns
        digest,  # hash
        state.carry,  # carry
        tuple(draft.points),  # points
        draft.grudges,  # grudges
        state.hotseat,  # hotseat
        draft.rejected,  # rejected
        draft.tabled_count,  # tabled
    )
    return Result(new, result)


def _remembered(state: GameState, draft: _Draft) -> None:
    """Say in the reason that the move leaves them holding it against you ("; they will
    remember it"): a grievance raises what they ask of every later offer, and a play-tester
    first met "your quick yes to Yongbyon" in the debrief. Said once, where the reason has not
    said it already, nor on a move that ends the summit; what they remember is named in full
    where the front ends list it."""
    fresh = len(draft.grudges) > len(state.grudges)
    if fresh and draft.terminal is None and REMEMBER not in draft.why:
        draft.why += f"; {REMEMBER} it"


def _asides(scenario: Scenario, before: Sequence[int], after: Sequence[int]) -> tuple[str, ...]:
    """How the neighbours took the move: one line for each region meter it changed."""
    lines = []
    for index, meter in scenario.region_meters:
        old, new = before[index], after[index]
        if old == new:
            continue
        words = meter.rise if new > old else meter.fall
        change = f"{meter.label} {old} to {new}"
        lines.append(f"{words} ({change})" if words else change)
    return tuple(lines)


def _answer(
    state: GameState,
    draft: _Draft,
    move: Move,
    *,
    number: int,
    chosen: ReactionKind | None,
    table: str | None,
) -> None:
    scenario = draft.scenario
    assert draft.pending is not None
    proposal = scenario.proposals[draft.pending.proposal]
    quirk = draft.profile.quirk(proposal.id, None)
    draft.pending = None
    if move.offer == AMEND:
        amended = amendment(state)
        assert amended is not None
        offer, variant = _resolve(state, amended)
        _offer(state, draft, offer, variant, chosen=chosen, table=table, amending=proposal)
        return
    if move.offer == ACCEPT:
        # What they hold against you is your answer, not their own proposal.
        taken = f"your quick yes to {proposal.mid_label}"
        draft.apply(proposal.on_accept, source=taken)
        draft.apply(scenario.rules.per_accept)
        if quirk is not None:
            draft.apply(quirk.on_accept, source=taken)
        draft.add_accord(
            Accord(proposal.accord, proposal.variant, number, False, hold=proposal.hold)
        )
        draft.kind = ReactionKind.ACCEPT
        draft.say = _say(scenario, proposal, ReactionKind.ACCEPT, None, quirk)
        draft.why = proposal.accept_why
        draft.serve(proposal.serves, quirk, bonus=False)
    else:
        refused = f"your no to {proposal.mid_label}"
        draft.apply(proposal.on_reject, source=refused)
        if quirk is not None:
            draft.apply(quirk.on_reject, source=refused)
        draft.rejected = draft.rejected | {proposal.id}
        draft.kind = ReactionKind.NOTED
        draft.say = _say(scenario, proposal, ReactionKind.NOTED, None, quirk)
        draft.why = proposal.reject_why
    if quirk is not None and quirk.note:
        effect = quirk.on_accept if move.offer == ACCEPT else quirk.on_reject
        if not effect.is_empty or quirk.serves:
            draft.why += f"; {quirk.note}"


def _offer(
    state: GameState,
    draft: _Draft,
    offer: Offer,
    variant: Variant | None,
    *,
    chosen: ReactionKind | None = None,
    table: str | None = None,
    amending: Proposal | None = None,
) -> None:
    scenario = draft.scenario
    rules = scenario.rules
    index = scenario.offer_index[offer.id]
    # What they hold against you, should the move leave a grudge: the move, as you made it.
    yours = f"your \u201c{offer.label}\u201d"
    verdict = _judge(state, offer, variant, answering=amending is not None)
    kind = verdict.kind
    why = verdict.why
    counter = offer.counter if kind is ReactionKind.COUNTER else None
    if chosen is not None:
        draft.chosen_by = ChosenBy.PLAYER
        allowed = verdict.allowed(state, offer)
        if chosen not in allowed:
            names = ", ".join(k.value for k in allowed)
            raise IllegalMoveError(
                offer.id, f"the rules do not allow {chosen.value} here (allowed: {names})"
            )
        if chosen is ReactionKind.COUNTER:
            options = _tableable(state, offer)
            counter = table if table is not None else (options[0] if options else None)
            if counter not in options:
                names = ", ".join(options) or "none"
                raise IllegalMoveError(
                    offer.id, f"they cannot table {counter} now (they can table: {names})"
                )
        if chosen is not kind or (counter is not None and counter != offer.counter):
            why = f"{_VERB[chosen]} by their choice; the rules would have {why}"
        kind = chosen
    draft.rng = verdict.rng
    if verdict.focus is not None:
        draft.focus = scenario.interests[verdict.focus].id
    draft.holding_out = verdict.holding_out and kind is ReactionKind.COUNTER

    attempts = state.attempts[index]
    refusals = state.refusals[index]
    draft.apply_diminished(offer.on_offer, attempts, yours)
    if variant is not None:
        draft.apply_diminished(variant.on_offer, attempts, yours)
    draft.apply(rules.per_turn)
    if refusals:
        draft.apply(rules.repeat, refusals)
        # Beside their verdict, not at the end, where it read as part of the last thing they
        # said (a play-tester: "they have not forgotten your Human rights (offered again...)").
        verdict_word, colon, reading = why.partition(": ")
        again = f"offered again after {refusals} refusal{'s' if refusals > 1 else ''}"
        why = f"{verdict_word} ({again}){colon}{reading}"
    if amending is not None:
        # Named as the window names them, whole and quoted: mid-sentence a label lower-cased
        # read as words of the sentence ("you answered end the joint exercises for good").
        named = f"\u201c{amending.label}\u201d{AMENDED}\u201c{offer.label}\u201d"
        why = f"you answered {named}: {why}"
    if verdict.red_line:
        draft.apply(rules.red_line, source=yours)

    quirk = verdict.quirk
    draft.why = why
    if kind is ReactionKind.ACCEPT:
        draft.apply(offer.on_accept, source=yours)
        draft.apply(rules.per_accept)
        if variant is not None:
            draft.apply(variant.on_accept, source=yours)
        if quirk is not None:
            draft.apply(quirk.on_accept, source=yours)
        tacit = variant.tacit if variant else False
        hold = variant.hold if variant is not None and variant.hold is not None else offer.hold
        number = len(state.turns) + 1
        draft.add_accord(
            Accord(offer.id, variant.id if variant else "", number, tacit, False, hold)
        )
        draft.serve(_served(offer, variant), quirk)
        if offer.kind is OfferKind.STATEMENT:
            draft.terminal = Terminal.STATEMENT
    early = verdict.alignment is _Alignment.EARLY and kind in _REFUSALS
    if early:
        draft.apply(rules.early_cost, source=f"{yours}, pressed on them out of turn")
    if kind is ReactionKind.DEFER:
        draft.apply_diminished(offer.on_defer, refusals, yours)
    elif kind is ReactionKind.REJECT:
        draft.apply(offer.on_reject, source=yours)
        if quirk is not None:
            draft.apply(quirk.on_reject, source=yours)
    elif kind is ReactionKind.COUNTER:
        assert counter is not None
        proposal_index = scenario.proposal_index[counter]
        draft.pending = Pending(proposal_index, PendingKind.COUNTER)
        draft.answered = draft.answered | {counter}
        draft.counter = counter
        draft.why += f": {scenario.proposals[proposal_index].label}"
    elif kind is ReactionKind.WALKOUT:
        draft.terminal = Terminal.WALKOUT
    if early and rules.early_cost.grudge:
        # After the proposal a counter names, not before it, where it read as the proposal
        # they would remember (a play-tester: "...did not listen: End the joint exercises").
        draft.why += f"; {REMEMBER} that you did not listen"

    draft.attempts = _bump(state.attempts, index)
    if kind in (ReactionKind.REJECT, ReactionKind.DEFER, ReactionKind.COUNTER):
        draft.refusals = _bump(state.refusals, index)
    draft.turn_in_round += 1
    draft.kind = kind
    say = _say(scenario, offer, kind, draft.profile, quirk)
    if kind is ReactionKind.COUNTER and counter is not None:
        say = scenario.proposal(counter).say.counter or say
    if verdict.alignment is _Alignment.EARLY and verdict.focus is not None:
        voice = scenario.interests[verdict.focus].voice
        if voice and kind is not ReactionKind.ACCEPT:
            say = f"{say} {voice}" if say else voice
    if verdict.outsider and chosen is None:
        say = ""  # the delegation has nothing to say to it: the refusal is someone else's
        draft.refused_by = verdict.outsider
    draft.say = say


def _recess(state: GameState, draft: _Draft, offer: Offer, variant: Variant | None) -> None:
    """A pause: its effects (smaller each time it is taken again), the clock, no accord."""
    scenario = draft.scenario
    index = scenario.offer_index[offer.id]
    attempts = state.attempts[index]
    before = list(draft.meters)
    # A recess is no move against them: a grudge on it has no effect (docs/scenarios.md).
    draft.apply_diminished(offer.on_offer, attempts, None)
    if variant is not None:
        draft.apply_diminished(variant.on_offer, attempts, None)
    draft.apply(scenario.rules.per_turn)
    changes = [
        f"{meter.label} {old} to {new}"
        for meter, old, new in zip(scenario.meters, before, draft.meters, strict=True)
        if old != new and meter.group is MeterGroup.TALKS
    ]
    taken = f" (taken {attempts + 1} times: each helps less)" if attempts else ""
    draft.why = f"noted: {offer.mid_label}{taken}; " + (", ".join(changes) or "no change")
    draft.kind = ReactionKind.NOTED
    draft.say = _say(scenario, offer, ReactionKind.NOTED)
    draft.attempts = _bump(state.attempts, index)
    draft.turn_in_round += 1


def _bump(values: tuple[int, ...], index: int) -> tuple[int, ...]:
    counts = list(values)
    counts[index] += 1
    return tuple(counts)
