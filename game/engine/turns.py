"""Applying a move: the counterpart's reaction and every effect of the turn; the events, tests
and standing pressures between rounds; and the proposals they table."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Final

import attrs

from game.engine.conditions import _holds
from game.engine.judging import (
    _VERB,
    _Alignment,
    _judge,
    _served,
    _tableable,
)
from game.engine.moves import _checked, _resolve, amendment
from game.engine.rng import draw, pick_weighted
from game.engine.scenario import (
    Condition,
    Direction,
    Effect,
    MeterGroup,
    Offer,
    OfferKind,
    Profile,
    Proposal,
    Quirk,
    Scenario,
    Terminal,
    Test,
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
    Reaction,
    ReactionKind,
    Result,
    Turn,
)


def _apply_meters(
    scenario: Scenario, meters: tuple[int, ...], effect: Effect, times: int
) -> tuple[int, ...]:
    values = list(meters)
    _shift(scenario, values, effect, times)
    return tuple(values)


def _shift(scenario: Scenario, values: list[int], effect: Effect, times: int = 1) -> None:
    """Add an effect's deltas (``times`` over) to meter values in place, within bounds."""
    specs = scenario.meters
    for index, delta in effect.meters:
        spec = specs[index]
        values[index] = min(max(values[index] + delta * times, spec.minimum), spec.maximum)


def _shift_diminished(scenario: Scenario, values: list[int], effect: Effect, repeats: int) -> None:
    """Add an effect whose gains shrink each time the same offer is made again."""
    specs = scenario.meters
    for index, delta in effect.meters:
        spec = specs[index]
        gain = delta > 0 if spec.good is Direction.HIGH else delta < 0
        # Integer division toward zero, so a shrinking gain never flips into a loss.
        change = int(delta / (repeats + 1)) if gain else delta
        values[index] = min(max(values[index] + change, spec.minimum), spec.maximum)


def _say(
    scenario: Scenario,
    offer: Offer | Proposal | None,
    kind: ReactionKind,
    profile: Profile | None = None,
    quirk: Quirk | None = None,
) -> str:
    """Their line: the quirk's, the offer's, the profile's own, then the scenario's default."""
    key = kind.value
    for source in (quirk, offer, profile):
        if source is not None:
            line = source.say.line(key)
            if line:
                return line
    return scenario.rules.say.line(key)


_REFUSALS: Final = (ReactionKind.DEFER, ReactionKind.REJECT, ReactionKind.COUNTER)


class _Draft:
    """Mutable scratch for one move: the steps of :func:`apply` fill it, and it is frozen once
    into the next state, so no intermediate state is ever built."""

    __slots__ = (
        "accord",
        "accords",
        "agreed",
        "answered",
        "asides",
        "attempts",
        "chosen_by",
        "counter",
        "drifts",
        "events",
        "fired",
        "focus",
        "grudges",
        "holding_out",
        "kind",
        "meters",
        "pending",
        "points",
        "profile",
        "refusals",
        "rejected",
        "rng",
        "round",
        "say",
        "scenario",
        "stance",
        "tabled",
        "tabled_count",
        "terminal",
        "tests",
        "turn_in_round",
        "why",
    )

    def __init__(self, state: GameState) -> None:
        self.scenario = state.scenario
        self.profile = state.scenario.profiles[state.profile]
        self.rng = state.rng
        self.meters = list(state.meters)
        self.stance = state.stance
        self.round = state.round
        self.turn_in_round = state.turn_in_round
        self.accords = state.accords
        self.agreed = state.agreed
        self.attempts = state.attempts
        self.refusals = state.refusals
        self.answered = state.answered
        self.fired = state.fired
        self.pending = state.pending
        self.terminal = state.terminal
        self.points = list(state.points)
        self.grudges = state.grudges
        self.rejected = state.rejected
        self.tabled_count = state.tabled
        self.kind = ReactionKind.NOTED
        self.say = ""
        self.why = ""
        self.counter: str | None = None
        self.accord: str | None = None
        self.chosen_by = ChosenBy.ENGINE
        self.focus: str | None = None
        self.holding_out = False
        self.asides: tuple[str, ...] = ()
        self.events: tuple[str, ...] = ()
        self.drifts: tuple[str, ...] = ()
        self.tests: tuple[tuple[str, bool], ...] = ()
        self.tabled: str | None = None

    def holds(self, condition: Condition) -> bool:
        return _holds(condition, self.meters, self.stance, self.round, self.agreed)

    def step_stance(self, step: int) -> None:
        if step:
            self.stance = min(max(self.stance + step, 0), len(self.scenario.stances) - 1)

    def apply(self, effect: Effect, times: int = 1, source: str = "") -> None:
        _shift(self.scenario, self.meters, effect, times)
        self.step_stance(effect.stance_step * times)
        if effect.grudge and source:
            self.grudges = (*self.grudges, source)

    def add_accord(self, accord: Accord) -> None:
        self.accords = (*self.accords, accord)
        self.agreed = self.agreed | {accord.id}
        self.accord = accord.id

    def serve(
        self, served: Sequence[tuple[int, int]], quirk: Quirk | None = None, *, bonus: bool = True
    ) -> None:
        """Count what an accord serves toward their interests (a quirk may add or take away):
        the reward when it serves the one they wanted first and, once that one is settled, a
        word on what they want next."""
        agenda = self.profile.agenda
        interests = self.scenario.interests
        focus = next((i for i in agenda if self.points[i] < interests[i].met), None)
        total: dict[int, int] = {}
        for index, points in (*served, *(quirk.serves if quirk is not None else ())):
            total[index] = total.get(index, 0) + points
        for index, points in total.items():
            self.points[index] += points
        if focus is None or total.get(focus, 0) <= 0:
            return
        if bonus:
            self.apply(self.scenario.rules.focus_bonus)
        if self.points[focus] < interests[focus].met:
            return
        following = next((i for i in agenda if self.points[i] < interests[i].met), None)
        if following is not None:
            self.focus = interests[following].id
            self.why += (
                f"; {interests[focus].label} settled, next they want {interests[following].label}"
            )

    def transition(self) -> None:
        """Take at most one meter-driven transition at a time (after the move, and again after
        an event between rounds): with the gaps between up and down thresholds, that is the
        hysteresis."""
        for transition in self.scenario.transitions_from[self.stance]:
            if self.holds(transition.when):
                self.stance = transition.target
                return

    def reaction(self) -> Reaction:
        return Reaction(
            self.kind,
            self.say,
            self.why,
            self.counter,
            self.accord,
            self.chosen_by,
            self.focus,
            self.asides,
            self.holding_out,
        )


def _turn_hash(previous: str, number: int, move: Move, d: _Draft) -> str:
    """The hash of the game after this turn. A game is a pure function of its scenario, seed
    and inputs, so chaining the inputs (the move, and what a hot-seat player chose for their
    side) pins down everything the turn produced."""
    chosen = f"{d.kind.value}:{d.counter or ''}" if d.chosen_by is ChosenBy.PLAYER else ""
    text = f"{previous}|{number}|{move}|{chosen}"
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
    draft.asides = _asides(draft.scenario, before, draft.meters)

    if draft.terminal is None:
        draft.transition()
        _check_walkout(draft, offer)
    round_over = draft.turn_in_round >= draft.scenario.rounds[draft.round].turns
    if draft.terminal is None and draft.pending is None and round_over:
        _next_round(draft, offer, state.hotseat)

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
    new = GameState(
        scenario=state.scenario,
        seed=state.seed,
        profile=state.profile,
        hardness=state.hardness,
        rng=draft.rng,
        meters=meters,
        stance=draft.stance,
        round=draft.round,
        turn_in_round=draft.turn_in_round,
        accords=draft.accords,
        agreed=draft.agreed,
        attempts=draft.attempts,
        refusals=draft.refusals,
        answered=draft.answered,
        fired=draft.fired,
        pending=draft.pending,
        terminal=draft.terminal,
        turns=(*state.turns, turn),
        hash=digest,
        carry=state.carry,
        points=tuple(draft.points),
        grudges=draft.grudges,
        hotseat=state.hotseat,
        rejected=draft.rejected,
        tabled=draft.tabled_count,
    )
    return Result(new, result)


_REGIONS: dict[str, tuple[int, ...]] = {}
"""Each scenario's region meters, by digest (built once, like :data:`_MENUS`)."""


def _asides(scenario: Scenario, before: Sequence[int], after: Sequence[int]) -> tuple[str, ...]:
    """How the neighbours took the move: one line for each region meter it changed."""
    indexes = _REGIONS.get(scenario.sha256)
    if indexes is None:
        indexes = tuple(
            i for i, meter in enumerate(scenario.meters) if meter.group is MeterGroup.REGION
        )
        _REGIONS[scenario.sha256] = indexes
    lines = []
    for index in indexes:
        old, new = before[index], after[index]
        meter = scenario.meters[index]
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
        draft.apply(proposal.on_accept, source=proposal.label)
        draft.apply(scenario.rules.per_accept)
        if quirk is not None:
            draft.apply(quirk.on_accept, source=proposal.label)
        draft.add_accord(
            Accord(proposal.accord, proposal.variant, number, False, hold=proposal.hold)
        )
        draft.kind = ReactionKind.ACCEPT
        draft.say = _say(scenario, proposal, ReactionKind.ACCEPT, None, quirk)
        draft.why = proposal.accept_why
        draft.serve(proposal.serves, quirk, bonus=False)
    else:
        draft.apply(proposal.on_reject, source=proposal.label)
        if quirk is not None:
            draft.apply(quirk.on_reject, source=proposal.label)
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
    verdict = _judge(state, offer, variant, rules.amend_shift if amending else 0)
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
    _shift_diminished(scenario, draft.meters, offer.on_offer, attempts)
    draft.step_stance(offer.on_offer.stance_step)
    if offer.on_offer.grudge:
        draft.apply(Effect(grudge=True), source=offer.label.lower())
    if variant is not None:
        _shift_diminished(scenario, draft.meters, variant.on_offer, attempts)
        draft.step_stance(variant.on_offer.stance_step)
    draft.apply(rules.per_turn)
    if refusals:
        draft.apply(rules.repeat, refusals)
        why += f" (offered again after {refusals} refusal{'s' if refusals > 1 else ''})"
    if amending is not None:
        why = f"you answered {amending.label} with {offer.label.lower()}: {why}"
    if verdict.red_line:
        draft.apply(rules.red_line, source=offer.label.lower())

    quirk = verdict.quirk
    draft.why = why
    if kind is ReactionKind.ACCEPT:
        draft.apply(offer.on_accept)
        draft.apply(rules.per_accept)
        if variant is not None:
            draft.apply(variant.on_accept)
        if quirk is not None:
            draft.apply(quirk.on_accept, source=offer.label.lower())
        tacit = variant.tacit if variant else False
        hold = variant.hold if variant is not None and variant.hold is not None else offer.hold
        draft.add_accord(
            Accord(offer.id, variant.id if variant else "", len(state.turns) + 1, tacit, hold=hold)
        )
        draft.serve(_served(offer, variant), quirk)
        if offer.kind is OfferKind.STATEMENT:
            draft.terminal = Terminal.STATEMENT
    if verdict.alignment is _Alignment.EARLY and kind in _REFUSALS:
        draft.apply(rules.early_cost, source=f"{offer.label.lower()} pressed on them out of turn")
        if rules.early_cost.grudge:
            draft.why += "; they will remember that you did not listen"
    if kind is ReactionKind.DEFER:
        _shift_diminished(scenario, draft.meters, offer.on_defer, refusals)
        draft.step_stance(offer.on_defer.stance_step)
    elif kind is ReactionKind.REJECT:
        draft.apply(offer.on_reject)
        if quirk is not None:
            draft.apply(quirk.on_reject, source=offer.label.lower())
    elif kind is ReactionKind.COUNTER:
        assert counter is not None
        proposal_index = scenario.proposal_index[counter]
        draft.pending = Pending(proposal_index, PendingKind.COUNTER)
        draft.answered = draft.answered | {counter}
        draft.counter = counter
        draft.why += f": {scenario.proposals[proposal_index].label}"
    elif kind is ReactionKind.WALKOUT:
        draft.terminal = Terminal.WALKOUT

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
    draft.say = say


def _recess(state: GameState, draft: _Draft, offer: Offer, variant: Variant | None) -> None:
    """A pause: its effects (smaller each time it is taken again), the clock, no accord."""
    scenario = draft.scenario
    index = scenario.offer_index[offer.id]
    attempts = state.attempts[index]
    before = list(draft.meters)
    _shift_diminished(scenario, draft.meters, offer.on_offer, attempts)
    draft.step_stance(offer.on_offer.stance_step)
    if variant is not None:
        _shift_diminished(scenario, draft.meters, variant.on_offer, attempts)
        draft.step_stance(variant.on_offer.stance_step)
    draft.apply(scenario.rules.per_turn)
    changes = [
        f"{meter.label} {old} to {new}"
        for meter, old, new in zip(scenario.meters, before, draft.meters, strict=True)
        if old != new and meter.group is MeterGroup.TALKS
    ]
    taken = f" (taken {attempts + 1} times: each helps less)" if attempts else ""
    draft.why = f"noted: {offer.label.lower()}{taken}; " + (", ".join(changes) or "no change")
    draft.kind = ReactionKind.NOTED
    draft.say = _say(scenario, offer, ReactionKind.NOTED)
    draft.attempts = _bump(state.attempts, index)
    draft.turn_in_round += 1


def _bump(values: tuple[int, ...], index: int) -> tuple[int, ...]:
    return (*values[:index], values[index] + 1, *values[index + 1 :])


def _check_walkout(draft: _Draft, offer: Offer | None, after_round: bool = False) -> None:
    """Turn the reaction into a walkout when the scenario's walkout condition holds."""
    rules = draft.scenario.rules
    if draft.kind is ReactionKind.ACCEPT and not after_round:
        return  # nobody walks out on a deal they have just made
    if rules.walkout_when.is_empty or not draft.holds(rules.walkout_when):
        return
    draft.why = f"{draft.why}; then they walk out: {_walkout_detail(draft)}"
    draft.kind = ReactionKind.WALKOUT
    draft.say = _say(draft.scenario, offer, ReactionKind.WALKOUT, draft.profile)
    draft.terminal = Terminal.WALKOUT
    draft.pending = None


def _walkout_detail(draft: _Draft) -> str:
    rules = draft.scenario.rules
    parts = []
    for bound in rules.walkout_when.meters:
        meter = draft.scenario.meters[bound.meter]
        value = draft.meters[bound.meter]
        if bound.high is not None and value <= bound.high:
            parts.append(f"{meter.label} fell to {value}")
        elif bound.low is not None and value >= bound.low:
            parts.append(f"{meter.label} reached {value}")
    text = ", ".join(parts) or "the conditions for a walkout hold"
    return f"{text}; {rules.walkout_why}" if rules.walkout_why else text


def _next_round(draft: _Draft, offer: Offer | None, hotseat: bool) -> None:
    """Close the current round: end the summit after the last one; else draw an event, apply
    the standing pressures, and let them table a proposal."""
    scenario = draft.scenario
    if draft.round + 1 >= len(scenario.rounds):
        draft.why = f"{draft.why}; the schedule has run out without a joint statement"
        draft.terminal = Terminal.NO_STATEMENT
        return
    draft.round += 1
    draft.turn_in_round = 0
    draft.apply(scenario.rules.per_round)
    roll, draft.rng = draw(draft.rng, 1, 100)
    if roll <= scenario.rules.event_chance:
        eligible = [
            event
            for event in scenario.events
            if event.weight > 0
            and not (event.once and event.id in draft.fired)
            and draft.holds(event.when)
        ]
        if eligible:
            index, draft.rng = pick_weighted(draft.rng, tuple(e.weight for e in eligible))
            event = eligible[index]
            _happen(draft, event.id, event.title, event.effect, event.test)
    for drift in scenario.drifts:
        if draft.holds(drift.when):
            draft.apply(drift.effect, source=drift.text)
            draft.drifts = (*draft.drifts, drift.id)
    draft.transition()
    if draft.events or draft.drifts:
        _check_walkout(draft, offer, after_round=True)
    if draft.terminal is None and not hotseat and draft.pending is None:
        _table(draft)


def _happen(draft: _Draft, ident: str, title: str, effect: Effect, test: Test | None) -> None:
    """An event between rounds: its effect, or the test of the accord it names."""

    draft.fired = draft.fired | {ident}
    draft.events = (ident,)
    if test is None:
        draft.apply(effect, source=title.lower())
        return
    position = next(
        (i for i, a in enumerate(draft.accords) if a.id == test.accord and not a.broken), None
    )
    if position is None:
        draft.apply(effect, source=title.lower())
        return
    accord = draft.accords[position]
    roll, draft.rng = draw(draft.rng, 1, 100)
    held = roll <= accord.hold
    if held:
        draft.apply(test.on_hold)
    else:
        label = draft.scenario.accord_label(accord.id)
        draft.apply(test.on_break, source=f"the broken promise of {label}")
        accords = list(draft.accords)
        accords[position] = attrs.evolve(accord, broken=True)
        draft.accords = tuple(accords)
    draft.tests = ((accord.id, held),)


def _table(draft: _Draft) -> None:
    """They table the first proposal on their list whose moment has come and that serves what
    they want now (nothing they want only later; their main proposal whatever they want), if
    any."""
    scenario = draft.scenario
    limit = scenario.rules.tabled_limit
    if limit and draft.tabled_count >= limit:
        return
    interests = scenario.interests
    agenda = draft.profile.agenda
    focus = next((i for i in agenda if draft.points[i] < interests[i].met), None)
    for index in draft.profile.proposals:
        proposal = scenario.proposals[index]
        if proposal.id in draft.answered or proposal.accord in draft.agreed:
            continue
        later = {i for i in agenda if i != focus and draft.points[i] < interests[i].met}
        served = {i for i, points in proposal.serves if points > 0}
        # Their main proposal is their standing position: it comes when its moment comes.
        if not proposal.main and served and focus not in served and served & later:
            continue
        if draft.holds(proposal.tabled):
            draft.pending = Pending(index, PendingKind.PROPOSAL)
            draft.answered = draft.answered | {proposal.id}
            draft.tabled = proposal.id
            draft.tabled_count += 1
            return
