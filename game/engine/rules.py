"""The trust-and-leverage state machine: start a game, list legal moves, apply a move.

Pure functions over frozen state. Everything the counterpart does is decided by the scenario's
data, the hidden profile drawn from the seed, and the random number generator carried in the
state, so the same scenario, seed and moves always give the same game.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Final

import attrs

from game.engine.rng import draw, pick_weighted, seed_state
from game.engine.scenario import (
    Condition,
    Effect,
    Need,
    Offer,
    OfferKind,
    Scenario,
    Terminal,
    Variant,
)
from game.engine.state import (
    ACCEPT,
    REJECT,
    Accord,
    GameOverError,
    GameState,
    IllegalMoveError,
    Judgement,
    Move,
    MoveOption,
    Outcome,
    Reaction,
    ReactionKind,
    Result,
    Score,
    Turn,
)

OVER_REASON: Final = "the summit is over"
PENDING_REASON: Final = "answer their proposal first (accept or reject)"
NOTHING_TO_ANSWER: Final = "there is no proposal of theirs to answer"
AGREED_REASON: Final = "already agreed"
NOTHING_AGREED: Final = "nothing has been agreed yet that a statement could record"

_VERB: Final = {
    ReactionKind.ACCEPT: "accepted",
    ReactionKind.COUNTER: "countered",
    ReactionKind.DEFER: "deferred",
    ReactionKind.REJECT: "rejected",
    ReactionKind.WALKOUT: "walked out",
}


def initial_hash(scenario: Scenario, seed: int) -> str:
    """The hash a game starts from: the scenario's digest and the seed."""
    return hashlib.sha256(f"{scenario.sha256}|{seed}".encode()).hexdigest()


def new_game(scenario: Scenario, seed: int) -> GameState:
    """Start a summit: draw the counterpart's hidden profile from the seed and set the meters.

    >>> from game.scenarios import load_scenario
    >>> state = new_game(load_scenario("hanoi"), seed=1)
    >>> state.round, state.is_over
    (0, False)
    """
    rng = seed_state(scenario.id, seed)
    profile_index, rng = pick_weighted(rng, tuple(p.weight for p in scenario.profiles))
    profile = scenario.profiles[profile_index]
    jitter, rng = draw(rng, -scenario.rules.profile_jitter, scenario.rules.profile_jitter)
    meters = _apply_meters(scenario, tuple(m.start for m in scenario.meters), profile.start, 1)
    count = len(scenario.offers)
    return GameState(
        scenario=scenario,
        seed=seed,
        profile=profile_index,
        hardness=profile.shift + jitter,
        rng=rng,
        meters=meters,
        stance=scenario.start_stance,
        round=0,
        turn_in_round=0,
        accords=(),
        attempts=(0,) * count,
        refusals=(0,) * count,
        answered=frozenset(),
        fired=frozenset(),
        pending=None,
        terminal=None,
        turns=(),
        hash=initial_hash(scenario, seed),
    )


# --- conditions -------------------------------------------------------------------------


def holds(state: GameState, condition: Condition) -> bool:
    """True when every part of the condition holds in this state."""
    return not _failures(state, condition)


def _failures(state: GameState, condition: Condition) -> list[str]:
    """Player-facing descriptions of each part of the condition that does not hold."""
    scenario = state.scenario
    failures: list[str] = []
    for bound in condition.meters:
        value = state.meters[bound.meter]
        label = scenario.meters[bound.meter].label
        if bound.low is not None and value < bound.low:
            failures.append(f"{label} {value} is below {bound.low}")
        if bound.high is not None and value > bound.high:
            failures.append(f"{label} {value} is above {bound.high}")
    missing = [a for a in condition.accords if not state.has_accord(a)]
    if missing:
        names = " and ".join(scenario.accord_label(a) for a in missing)
        failures.append(f"needs {names} agreed first")
    for accord in condition.no_accords:
        if state.has_accord(accord):
            failures.append(f"not once {scenario.accord_label(accord)} is agreed")
    stances = scenario.stances
    if condition.stance_at_least is not None and state.stance < condition.stance_at_least:
        failures.append(
            f"needs them at least {stances[condition.stance_at_least].label} "
            f"(they are {stances[state.stance].label})"
        )
    if condition.stance_at_most is not None and state.stance > condition.stance_at_most:
        failures.append(f"not while they are {stances[state.stance].label}")
    if condition.round_at_least is not None and state.round < condition.round_at_least:
        failures.append(f"not before the {scenario.rounds[condition.round_at_least].label}")
    if condition.any:
        alternatives = [_failures(state, alternative) for alternative in condition.any]
        if all(alternatives):
            failures.append("either " + ", or ".join("; ".join(a) for a in alternatives))
    return failures


def _explain(state: GameState, condition: Condition) -> str:
    failures = _failures(state, condition)
    if not failures:
        return ""
    detail = "; ".join(failures)
    return f"{condition.reason} ({detail})" if condition.reason else detail


# --- legal moves ------------------------------------------------------------------------


def _offer_block(state: GameState, offer: Offer) -> str:
    """Why an offer cannot be made now (``""`` when it can)."""
    if state.terminal is not None:
        return OVER_REASON
    if state.pending is not None:
        return PENDING_REASON
    if offer.kind is not OfferKind.WALK_AWAY and state.has_accord(offer.id):
        return AGREED_REASON
    if offer.kind is OfferKind.STATEMENT and not state.accords:
        return NOTHING_AGREED
    return _explain(state, offer.requires)


def _resolve(state: GameState, move: Move) -> tuple[Offer, Variant | None]:
    """Find the offer and variant a move names, or raise :class:`IllegalMoveError`."""
    scenario = state.scenario
    index = scenario.offer_index.get(move.offer)
    if index is None:
        raise IllegalMoveError(str(move), "unknown move")
    offer = scenario.offers[index]
    if move.variant is not None and offer.variant(move.variant) is None:
        if offer.variants:
            names = ", ".join(v.id for v in offer.variants)
            raise IllegalMoveError(str(move), f"unknown variant (this offer has {names})")
        raise IllegalMoveError(str(move), "this offer has no variants")
    return offer, offer.variant(move.variant)


def check_move(state: GameState, move: Move) -> None:
    """Raise :class:`IllegalMoveError` (or :class:`GameOverError`) unless the move is legal."""
    if state.terminal is not None:
        raise GameOverError(str(move), OVER_REASON)
    if move.is_answer:
        if move.variant is not None:
            raise IllegalMoveError(str(move), "an answer takes no variant")
        if state.pending is None:
            raise IllegalMoveError(str(move), NOTHING_TO_ANSWER)
        return
    offer, _ = _resolve(state, move)
    reason = _offer_block(state, offer)
    if reason:
        raise IllegalMoveError(str(move), reason)


def is_legal(state: GameState, move: Move) -> bool:
    """True when ``move`` can be played now."""
    try:
        check_move(state, move)
    except IllegalMoveError:
        return False
    return True


def legal_moves(state: GameState) -> tuple[MoveOption, ...]:
    """Every move of the scenario, each marked available or not with the reason.

    Offers with variants are listed once per variant. Answers to a counter-offer come first
    while one is pending.
    """
    options: list[MoveOption] = []
    pending = state.pending is not None and state.terminal is None
    answer_reason = "" if pending else (OVER_REASON if state.terminal else NOTHING_TO_ANSWER)
    if pending:
        options.extend(
            MoveOption(Move(answer), answer.capitalize(), True, "") for answer in (ACCEPT, REJECT)
        )
    for offer in state.scenario.offers:
        reason = _offer_block(state, offer)
        if offer.variants:
            options.extend(
                MoveOption(
                    Move(offer.id, variant.id),
                    f"{offer.label} ({variant.label})",
                    not reason,
                    reason,
                )
                for variant in offer.variants
            )
        else:
            options.append(MoveOption(Move(offer.id), offer.label, not reason, reason))
    if not pending:
        options.extend(
            MoveOption(Move(answer), answer.capitalize(), False, answer_reason)
            for answer in (ACCEPT, REJECT)
        )
    return tuple(options)


def available_moves(state: GameState) -> tuple[Move, ...]:
    """Only the moves that can be played now, in menu order."""
    return tuple(option.move for option in legal_moves(state) if option.available)


# --- judging an offer -------------------------------------------------------------------


@attrs.frozen
class _Verdict:
    judgement: Judgement
    rng: int
    red_line: bool


@attrs.frozen
class _Reading:
    """How one need stands: by how much it falls short, described both ways."""

    shortfall: int
    short: str
    met: str
    why: str


_NO_NEEDS: Final = _Reading(-1, "", "they have no objection", "")


def _read_need(state: GameState, need: Need, shift: int) -> _Reading:
    meter = state.scenario.meters[need.meter]
    value = state.meters[need.meter]
    if need.fixed:
        shift = 0
    why = f"; {need.why}" if need.why else ""
    if need.at_least is not None:
        threshold = min(max(need.at_least + shift, meter.minimum), meter.maximum)
        return _Reading(
            threshold - value,
            f"{meter.label} {value} is below the {threshold} they need {need.context}",
            f"{meter.label} {value} meets the {threshold} they need {need.context}",
            why,
        )
    limit = need.at_most if need.at_most is not None else meter.maximum
    threshold = min(max(limit - shift, meter.minimum), meter.maximum)
    return _Reading(
        value - threshold,
        f"{meter.label} {value} is above the {threshold} they can accept {need.context}",
        f"{meter.label} {value} is within the {threshold} they can accept {need.context}",
        why,
    )


def _counter_open(state: GameState, offer: Offer) -> bool:
    if offer.counter is None or offer.counter in state.answered:
        return False
    counter = state.scenario.counter(offer.counter)
    return not state.has_accord(counter.accord)


def _judge(state: GameState, offer: Offer, variant: Variant | None) -> _Verdict:
    """Decide the counterpart's reaction to an offer, before any of its effects apply."""
    scenario = state.scenario
    rules = scenario.rules
    profile = scenario.profiles[state.profile]
    noise, rng = draw(state.rng, -rules.noise, rules.noise)
    if offer.id in profile.red_lines:
        why = f"rejected: {offer.label} crosses a red line for this delegation"
        red = (ReactionKind.REJECT, ReactionKind.WALKOUT)
        return _Verdict(Judgement(ReactionKind.REJECT, why, red), rng, True)

    shift = state.hardness + scenario.stances[state.stance].shift + noise
    shift += variant.shift if variant else 0
    readings = [_read_need(state, need, shift) for need in offer.needs]
    worst = max(readings, key=lambda r: r.shortfall, default=_NO_NEEDS)
    counter_open = _counter_open(state, offer)
    if worst.shortfall <= 0:
        if counter_open and offer.id in profile.counter_first:
            kind = ReactionKind.COUNTER
            why = f"countered: {worst.met}, but they hold out for more"
        else:
            kind = ReactionKind.ACCEPT
            why = f"accepted: {worst.met}"
    elif worst.shortfall <= rules.defer_margin:
        kind = ReactionKind.DEFER
        why = f"deferred: {worst.short}, but it is close{worst.why}"
    elif counter_open:
        kind = ReactionKind.COUNTER
        why = f"countered: {worst.short}{worst.why}; they name their own price"
    else:
        kind = ReactionKind.REJECT
        why = f"rejected: {worst.short}{worst.why}"

    allowed = {kind, ReactionKind.DEFER, ReactionKind.REJECT}
    if worst.shortfall <= rules.defer_margin:
        allowed.add(ReactionKind.ACCEPT)
    if counter_open and offer.kind is OfferKind.OFFER:
        allowed.add(ReactionKind.COUNTER)
    if state.stance == 0:
        allowed.add(ReactionKind.WALKOUT)
    order = tuple(k for k in ReactionKind if k in allowed)
    return _Verdict(Judgement(kind, why, order), rng, False)


def judge(state: GameState, move: Move) -> Judgement:
    """What the counterpart would do with ``move`` (an offer), and what else it may do.

    Used for hot-seat advice; it does not change the state.
    """
    check_move(state, move)
    if move.is_answer:
        raise IllegalMoveError(str(move), "answers are not judged")
    offer, variant = _resolve(state, move)
    if offer.kind is OfferKind.WALK_AWAY:
        raise IllegalMoveError(str(move), "walking away is not judged")
    return _judge(state, offer, variant).judgement


# --- applying a move --------------------------------------------------------------------


def _apply_meters(
    scenario: Scenario, meters: tuple[int, ...], effect: Effect, times: int
) -> tuple[int, ...]:
    if not effect.meters or times <= 0:
        return meters
    values = list(meters)
    specs = scenario.meters
    for index, delta in effect.meters:
        spec = specs[index]
        values[index] = min(max(values[index] + delta * times, spec.minimum), spec.maximum)
    return tuple(values)


def _apply_diminished(
    scenario: Scenario, meters: tuple[int, ...], effect: Effect, attempts: int
) -> tuple[int, ...]:
    """Apply an effect whose gains shrink each time the same offer is made again."""
    if not effect.meters:
        return meters
    if attempts == 0:
        return _apply_meters(scenario, meters, effect, 1)
    scaled = Effect(
        tuple((i, d // (attempts + 1) if d > 0 else d) for i, d in effect.meters),
        effect.stance_step,
    )
    return _apply_meters(scenario, meters, scaled, 1)


def _step_stance(scenario: Scenario, stance: int, step: int) -> int:
    return min(max(stance + step, 0), len(scenario.stances) - 1)


def _transition(state: GameState) -> int:
    """The stance after one meter-driven transition (at most one per move: hysteresis)."""
    for transition in state.scenario.transitions:
        if transition.source == state.stance and holds(state, transition.when):
            return transition.target
    return state.stance


def _say(scenario: Scenario, offer: Offer | None, kind: ReactionKind) -> str:
    line = offer.say.line(kind.value) if offer is not None else ""
    return line or scenario.rules.say.line(kind.value)


def _turn_hash(previous: str, state: GameState, turn_number: int, move: Move, r: Reaction) -> str:
    accords = ",".join(f"{a.id}:{a.variant}" for a in state.accords)
    text = (
        f"{previous}|{turn_number}|{move}|{r.kind.value}|{r.chosen_by}|{r.counter}|{r.why}|"
        f"{state.meters}|{state.stance}|{state.round}|{state.turn_in_round}|{accords}|"
        f"{state.pending}|{state.terminal.value if state.terminal else ''}|{state.rng}"
    )
    return hashlib.sha256(text.encode()).hexdigest()


def apply(state: GameState, move: Move, reaction: ReactionKind | None = None) -> Result:
    """Play ``move``: return the new state and the counterpart's reaction.

    ``reaction`` lets a hot-seat player choose the counterpart's answer to an offer among
    :func:`judge`'s ``allowed``; by default the rules decide. Raises
    :class:`IllegalMoveError` for a move that cannot be played now.
    """
    check_move(state, move)
    scenario = state.scenario
    move_round = state.round
    if move.is_answer:
        if reaction is not None:
            raise IllegalMoveError(str(move), "an answer to their proposal is not judged")
        state, result = _answer(state, move)
        offer = None
    else:
        offer, variant = _resolve(state, move)
        if offer.kind is OfferKind.WALK_AWAY:
            if reaction is not None:
                raise IllegalMoveError(str(move), "walking away is not judged")
            why = "ended: you walked away from the table; the summit closes without a statement"
            result = Reaction(ReactionKind.ENDED, _say(scenario, offer, ReactionKind.ENDED), why)
            state = attrs.evolve(state, terminal=Terminal.WALKED_AWAY)
        else:
            state, result = _offer(state, offer, variant, reaction)

    events: tuple[str, ...] = ()
    if state.terminal is None:
        state = attrs.evolve(state, stance=_transition(state))
        state, result = _check_walkout(state, result, offer)
    if state.terminal is None and state.pending is None:
        current = scenario.rounds[state.round]
        if state.turn_in_round >= current.turns:
            state, events, result = _next_round(state, result, offer)

    number = len(state.turns) + 1
    digest = _turn_hash(state.hash, state, number, move, result)
    turn = Turn(
        number=number,
        round=move_round,
        move=move,
        reaction=result,
        meters=state.meters,
        stance=state.stance,
        events=events,
        hash=digest,
    )
    state = attrs.evolve(state, turns=(*state.turns, turn), hash=digest)
    return Result(state, result)


def _answer(state: GameState, move: Move) -> tuple[GameState, Reaction]:
    scenario = state.scenario
    assert state.pending is not None
    counter = scenario.counters[state.pending]
    answered = state.answered | {counter.id}
    if move.offer == ACCEPT:
        meters = _apply_meters(scenario, state.meters, counter.on_accept, 1)
        accord = Accord(counter.accord, counter.variant, len(state.turns) + 1, False)
        say = counter.say.accept or scenario.rules.say.accept
        reaction = Reaction(ReactionKind.ACCEPT, say, counter.accept_why, accord=counter.accord)
        stance = _step_stance(scenario, state.stance, counter.on_accept.stance_step)
        new = attrs.evolve(
            state,
            meters=meters,
            stance=stance,
            accords=(*state.accords, accord),
            answered=answered,
            pending=None,
        )
        return new, reaction
    meters = _apply_meters(scenario, state.meters, counter.on_reject, 1)
    say = counter.say.noted or scenario.rules.say.noted
    reaction = Reaction(ReactionKind.NOTED, say, counter.reject_why)
    stance = _step_stance(scenario, state.stance, counter.on_reject.stance_step)
    new = attrs.evolve(state, meters=meters, stance=stance, answered=answered, pending=None)
    return new, reaction


def _offer(
    state: GameState, offer: Offer, variant: Variant | None, chosen: ReactionKind | None
) -> tuple[GameState, Reaction]:
    scenario = state.scenario
    rules = scenario.rules
    index = scenario.offer_index[offer.id]
    verdict = _judge(state, offer, variant)
    judgement = verdict.judgement
    kind = judgement.kind
    why = judgement.why
    chosen_by = "engine"
    if chosen is not None and chosen is not kind:
        if chosen not in judgement.allowed:
            allowed = ", ".join(k.value for k in judgement.allowed)
            raise IllegalMoveError(
                offer.id, f"the rules do not allow {chosen.value} here (allowed: {allowed})"
            )
        why = f"{_VERB.get(chosen, chosen.value)} by their choice; the rules would have {why}"
        kind = chosen
        chosen_by = "player"
    elif chosen is not None:
        chosen_by = "player"

    attempts = state.attempts[index]
    refusals = state.refusals[index]
    meters = _apply_diminished(scenario, state.meters, offer.on_offer, attempts)
    stance_step = offer.on_offer.stance_step
    if variant is not None:
        meters = _apply_diminished(scenario, meters, variant.on_offer, attempts)
        stance_step += variant.on_offer.stance_step
    meters = _apply_meters(scenario, meters, rules.per_turn, 1)
    if refusals:
        meters = _apply_meters(scenario, meters, rules.repeat, refusals)
        stance_step += rules.repeat.stance_step
        why += f" (offered again after {refusals} refusal{'s' if refusals > 1 else ''})"
    if verdict.red_line:
        meters = _apply_meters(scenario, meters, rules.red_line, 1)
        stance_step += rules.red_line.stance_step

    accords = state.accords
    pending = state.pending
    terminal = state.terminal
    accord_id = None
    counter_id = None
    if kind is ReactionKind.ACCEPT:
        meters = _apply_meters(scenario, meters, offer.on_accept, 1)
        meters = _apply_meters(scenario, meters, rules.per_accept, 1)
        stance_step += offer.on_accept.stance_step + rules.per_accept.stance_step
        if variant is not None:
            meters = _apply_meters(scenario, meters, variant.on_accept, 1)
            stance_step += variant.on_accept.stance_step
        accord = Accord(
            offer.id,
            variant.id if variant else "",
            len(state.turns) + 1,
            variant.tacit if variant else False,
        )
        accords = (*accords, accord)
        accord_id = offer.id
        if offer.kind is OfferKind.STATEMENT:
            terminal = Terminal.STATEMENT
    elif kind is ReactionKind.DEFER:
        meters = _apply_diminished(scenario, meters, offer.on_defer, refusals)
        stance_step += offer.on_defer.stance_step
    elif kind is ReactionKind.REJECT:
        meters = _apply_meters(scenario, meters, offer.on_reject, 1)
        stance_step += offer.on_reject.stance_step
    elif kind is ReactionKind.COUNTER:
        assert offer.counter is not None
        pending = scenario.counter_index[offer.counter]
        counter_id = offer.counter
        why += f": {scenario.counters[pending].label}"
    elif kind is ReactionKind.WALKOUT:
        terminal = Terminal.WALKOUT

    counted = kind in (ReactionKind.REJECT, ReactionKind.DEFER, ReactionKind.COUNTER)
    new = attrs.evolve(
        state,
        rng=verdict.rng,
        meters=meters,
        stance=_step_stance(scenario, state.stance, stance_step),
        turn_in_round=state.turn_in_round + 1,
        accords=accords,
        attempts=_bump(state.attempts, index),
        refusals=_bump(state.refusals, index) if counted else state.refusals,
        pending=pending,
        terminal=terminal,
    )
    reaction = Reaction(
        kind,
        _say(scenario, offer, kind),
        why,
        counter=counter_id,
        accord=accord_id,
        chosen_by=chosen_by,
    )
    return new, reaction


def _bump(values: tuple[int, ...], index: int) -> tuple[int, ...]:
    return (*values[:index], values[index] + 1, *values[index + 1 :])


def _check_walkout(
    state: GameState, reaction: Reaction, offer: Offer | None
) -> tuple[GameState, Reaction]:
    rules = state.scenario.rules
    if reaction.kind is ReactionKind.ACCEPT:
        return state, reaction  # nobody walks out on a deal they have just made
    if rules.walkout_when.is_empty or not holds(state, rules.walkout_when):
        return state, reaction
    detail = _walkout_detail(state)
    why = f"{reaction.why}; then they walk out: {detail}"
    new_reaction = attrs.evolve(
        reaction,
        kind=ReactionKind.WALKOUT,
        say=_say(state.scenario, offer, ReactionKind.WALKOUT),
        why=why,
        accord=reaction.accord,
    )
    return attrs.evolve(state, terminal=Terminal.WALKOUT, pending=None), new_reaction


def _walkout_detail(state: GameState) -> str:
    rules = state.scenario.rules
    parts = []
    for bound in rules.walkout_when.meters:
        meter = state.scenario.meters[bound.meter]
        value = state.meters[bound.meter]
        if bound.high is not None and value <= bound.high:
            parts.append(f"{meter.label} fell to {value}")
        elif bound.low is not None and value >= bound.low:
            parts.append(f"{meter.label} reached {value}")
    text = ", ".join(parts) or "the conditions for a walkout hold"
    return f"{text}; {rules.walkout_why}" if rules.walkout_why else text


def _next_round(
    state: GameState, reaction: Reaction, offer: Offer | None
) -> tuple[GameState, tuple[str, ...], Reaction]:
    """Close the current round: end the summit after the last one, else draw an event."""
    scenario = state.scenario
    if state.round + 1 >= len(scenario.rounds):
        why = f"{reaction.why}; the schedule has run out without a joint statement"
        return (
            attrs.evolve(state, terminal=Terminal.NO_STATEMENT),
            (),
            attrs.evolve(reaction, why=why),
        )
    state = attrs.evolve(state, round=state.round + 1, turn_in_round=0)
    meters = _apply_meters(scenario, state.meters, scenario.rules.per_round, 1)
    state = attrs.evolve(state, meters=meters)
    roll, rng = draw(state.rng, 1, 100)
    events: tuple[str, ...] = ()
    if roll <= scenario.rules.event_chance:
        eligible = [
            event
            for event in scenario.events
            if event.weight > 0
            and not (event.once and event.id in state.fired)
            and holds(state, event.when)
        ]
        if eligible:
            index, rng = pick_weighted(rng, tuple(e.weight for e in eligible))
            event = eligible[index]
            meters = _apply_meters(scenario, state.meters, event.effect, 1)
            stance = _step_stance(scenario, state.stance, event.effect.stance_step)
            state = attrs.evolve(
                state, meters=meters, stance=stance, fired=state.fired | {event.id}
            )
            events = (event.id,)
    state = attrs.evolve(state, rng=rng)
    state = attrs.evolve(state, stance=_transition(state))
    if events:
        state, reaction = _check_walkout(state, reaction, offer)
    return state, events, reaction


# --- the end ----------------------------------------------------------------------------


def recorded_accords(state: GameState) -> tuple[Accord, ...]:
    """The accords that stand: all with a joint statement, only tacit ones otherwise."""
    if state.terminal is Terminal.STATEMENT:
        return state.accords
    if state.terminal is Terminal.WALKOUT:
        return ()
    return tuple(accord for accord in state.accords if accord.tacit)


def scores(state: GameState, accords: Sequence[Accord] | None = None) -> tuple[Score, ...]:
    """The scenario's scorecards for the recorded accords and the current meters."""
    recorded = {a.id for a in (recorded_accords(state) if accords is None else accords)}
    result = []
    for card in state.scenario.scorecards:
        value = card.base
        value += sum(points for accord, points in card.accords if accord in recorded)
        value += sum(state.meters[index] * percent // 100 for index, percent in card.meters)
        result.append(Score(card.id, card.label, min(max(value, 0), 100)))
    return tuple(result)


def outcome(state: GameState) -> Outcome | None:
    """The ending, recorded accords and scores once the summit is over; None before."""
    if state.terminal is None:
        return None
    accords = recorded_accords(state)
    ids = {accord.id for accord in accords}
    for ending in state.scenario.endings:
        if state.terminal in ending.terminals and all(a in ids for a in ending.accords):
            return Outcome(
                ending, state.terminal, accords, scores(state, accords), len(state.turns)
            )
    raise AssertionError("the scenario loader guarantees a catch-all ending per terminal")
