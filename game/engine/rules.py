"""The trust-and-leverage state machine: start a game, list the moves, apply a move.

Pure functions over frozen state. Everything the counterpart does is decided by the scenario's
data, the hidden profile drawn from the seed (its agenda of interests, its quirks and its own
proposals), what it remembers of the game so far, and the random number generator carried in
the state, so the same scenario, seed and moves always give the same game.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Sequence
from typing import Final

import attrs

from game.engine.rng import draw, pick_weighted, seed_state
from game.engine.scenario import (
    Condition,
    Direction,
    Effect,
    MeterGroup,
    Need,
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
    ANSWERS,
    REJECT,
    Accord,
    Carry,
    ChosenBy,
    GameOverError,
    GameState,
    IllegalMoveError,
    Judgement,
    Move,
    MoveOption,
    Outcome,
    Pending,
    PendingKind,
    Reaction,
    ReactionKind,
    Result,
    Score,
    Turn,
)

OVER_REASON: Final = "the summit is over"
PENDING_REASON: Final = "answer their proposal first (accept, reject or amend)"
NOTHING_TO_ANSWER: Final = "there is no proposal of theirs to answer"
NO_AMENDMENT: Final = "this proposal of theirs cannot be amended, only accepted or rejected"
AGREED_REASON: Final = "already agreed"
BROKEN_REASON: Final = "agreed once and broken; it cannot be agreed again at this summit"
PRIOR_REASON: Final = "already agreed at the earlier summit"
_ACCORDING: Final = (OfferKind.OFFER, OfferKind.STATEMENT)
"""Kinds of offer that create an accord, and so can be agreed only once."""
NOTHING_AGREED: Final = "nothing has been agreed yet that a statement could record"

_REFUSALS: Final = (ReactionKind.DEFER, ReactionKind.REJECT, ReactionKind.COUNTER)

_VERB: Final = {
    ReactionKind.ACCEPT: "accepted",
    ReactionKind.COUNTER: "countered",
    ReactionKind.DEFER: "deferred",
    ReactionKind.REJECT: "rejected",
    ReactionKind.WALKOUT: "walked out",
}


class _Alignment(enum.Enum):
    """How an offer stands with the interest they want served first."""

    FOCUS = "focus"
    """It serves that interest."""
    EARLY = "early"
    """It serves only interests they want served later."""
    NEUTRAL = "neutral"
    """It serves nothing on their agenda that is still open."""


def initial_hash(
    scenario: Scenario, seed: int, carry: Carry | None = None, hotseat: bool = False
) -> str:
    """The hash a game starts from: the scenario's digest, the seed, any carried state and
    whether a second player sits on their side."""
    inherited = ""
    if carry is not None:
        inherited = f"|{carry.source}|{carry.meters}|{carry.accords}|{carry.verification}"
    seats = "|hotseat" if hotseat else ""
    return hashlib.sha256(f"{scenario.sha256}|{seed}{inherited}{seats}".encode()).hexdigest()


class CarryError(ValueError):
    """A carry-over that does not fit the scenario it should start."""


def carry_from(previous: GameState, scenario: Scenario, verification: str = "") -> Carry:
    """What ``scenario`` inherits from a finished game of an earlier summit.

    Raises :class:`CarryError` when the game is unfinished or the scenario does not follow it.
    """
    spec = scenario.carry
    if spec is None:
        raise CarryError(f'scenario "{scenario.id}" does not continue an earlier summit')
    if previous.scenario.id not in spec.sources:
        allowed = ", ".join(spec.sources)
        raise CarryError(
            f'scenario "{scenario.id}" continues {allowed}, not "{previous.scenario.id}"'
        )
    result = outcome(previous)
    if result is None:
        raise CarryError("the earlier summit is not over yet")
    meters = tuple(
        (meter_id, previous.meter(meter_id))
        for meter_id in spec.meters
        if meter_id in previous.scenario.meter_index
    )
    accords: tuple[str, ...] = ()
    if spec.accords:
        accords = tuple(
            accord.id
            for accord in result.accords
            if accord.id in scenario.offer_index
            and scenario.offer(accord.id).kind is OfferKind.OFFER
        )
    return Carry(previous.scenario.id, meters, accords, verification)


def new_game(
    scenario: Scenario, seed: int, carry: Carry | None = None, *, hotseat: bool = False
) -> GameState:
    """Start a summit: draw the counterpart's hidden profile from the seed and set the meters.

    ``carry`` starts it where an earlier summit left off (see :func:`carry_from`); ``hotseat``
    seats a second player on their side, who chooses their reactions and tables their
    proposals.

    >>> from game.store.scenarios import load_scenario
    >>> state = new_game(load_scenario("hanoi"), seed=1)
    >>> state.round, state.is_over
    (0, False)
    """
    rng = seed_state(scenario.id, seed)
    profile_index, rng = pick_weighted(rng, tuple(p.weight for p in scenario.profiles))
    profile = scenario.profiles[profile_index]
    jitter, rng = draw(rng, -scenario.rules.profile_jitter, scenario.rules.profile_jitter)
    start = [m.start for m in scenario.meters]
    accords: tuple[Accord, ...] = ()
    points = [0] * len(scenario.interests)
    if carry is not None:
        for meter_id, value in carry.meters:
            index = scenario.meter_index.get(meter_id)
            if index is None:
                raise CarryError(f'scenario "{scenario.id}" has no meter "{meter_id}" to carry')
            meter = scenario.meters[index]
            start[index] = min(max(value, meter.minimum), meter.maximum)
        for accord_id in carry.accords:
            if accord_id not in scenario.offer_index:
                raise CarryError(f'scenario "{scenario.id}" has no accord "{accord_id}" to carry')
            for interest, served in scenario.offer(accord_id).serves:
                points[interest] += served
        accords = tuple(Accord(a, "", 0, True, prior=True) for a in carry.accords)
    meters = _apply_meters(scenario, tuple(start), profile.start, 1)
    stance = min(
        max(scenario.start_stance + profile.start.stance_step, 0), len(scenario.stances) - 1
    )
    count = len(scenario.offers)
    return GameState(
        scenario=scenario,
        seed=seed,
        profile=profile_index,
        hardness=profile.shift + jitter,
        rng=rng,
        meters=meters,
        stance=stance,
        round=0,
        turn_in_round=0,
        accords=accords,
        agreed=frozenset(a.id for a in accords),
        attempts=(0,) * count,
        refusals=(0,) * count,
        answered=frozenset(),
        fired=frozenset(),
        pending=None,
        terminal=None,
        turns=(),
        hash=initial_hash(scenario, seed, carry, hotseat),
        carry=carry,
        points=tuple(points),
        grudges=(),
        hotseat=hotseat,
    )


def opening_tell(state: GameState) -> str | None:
    """The interest their head of delegation's opening words name (None when the profile has
    no opening line): the first tell of the game, shown to the player before any move."""
    profile = state.scenario.profiles[state.profile]
    if not profile.opening or not profile.agenda:
        return None
    return state.scenario.interests[profile.agenda[0]].id


# --- conditions -------------------------------------------------------------------------


def holds(state: GameState, condition: Condition) -> bool:
    """True when every part of the condition holds in this state."""
    return _holds(condition, state.meters, state.stance, state.round, state.agreed)


def _holds(
    condition: Condition,
    meters: Sequence[int],
    stance: int,
    round_index: int,
    agreed: frozenset[str],
) -> bool:
    for bound in condition.meters:
        value = meters[bound.meter]
        if (bound.low is not None and value < bound.low) or (
            bound.high is not None and value > bound.high
        ):
            return False
    if condition.accords and not agreed.issuperset(condition.accords):
        return False
    if condition.no_accords and not agreed.isdisjoint(condition.no_accords):
        return False
    if condition.stance_at_least is not None and stance < condition.stance_at_least:
        return False
    if condition.stance_at_most is not None and stance > condition.stance_at_most:
        return False
    if condition.round_at_least is not None and round_index < condition.round_at_least:
        return False
    if condition.round_at_most is not None and round_index > condition.round_at_most:
        return False
    return not condition.any or any(
        _holds(alternative, meters, stance, round_index, agreed) for alternative in condition.any
    )


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
    missing = [a for a in condition.accords if a not in state.agreed]
    if missing:
        names = " and ".join(scenario.accord_label(a) for a in missing)
        failures.append(f"needs {names} agreed first")
    for accord in condition.no_accords:
        if accord in state.agreed:
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
    if condition.round_at_most is not None and state.round > condition.round_at_most:
        failures.append(f"not after the {scenario.rounds[condition.round_at_most].label}")
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


def _is_open(state: GameState, offer: Offer, answering: bool = False) -> bool:
    """True when the offer can be made now (the fast path of :func:`_offer_block`).

    ``answering``: it is made as an amendment to their pending proposal.
    """
    if state.terminal is not None or (state.pending is not None and not answering):
        return False
    if offer.kind in _ACCORDING and offer.id in state.agreed:
        return False
    if offer.kind is OfferKind.STATEMENT and not _reached_here(state):
        return False
    return offer.requires.is_empty or holds(state, offer.requires)


def _reached_here(state: GameState) -> bool:
    """True once this summit (not an earlier one) has reached an accord that still stands."""
    return any(not accord.prior and not accord.broken for accord in state.accords)


def _offer_block(state: GameState, offer: Offer, answering: bool = False) -> str:
    """Why an offer cannot be made now (``""`` when it can)."""
    if _is_open(state, offer, answering):
        return ""
    if state.terminal is not None:
        return OVER_REASON
    if state.pending is not None and not answering:
        return PENDING_REASON
    if offer.kind in _ACCORDING and offer.id in state.agreed:
        accord = next((a for a in state.accords if a.id == offer.id), None)
        if accord is not None and accord.prior:
            return PRIOR_REASON
        if accord is not None and accord.broken:
            return BROKEN_REASON
        return AGREED_REASON
    if offer.kind is OfferKind.STATEMENT and not _reached_here(state):
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


def amendment(state: GameState) -> Move | None:
    """The move the player may answer their pending proposal with (None when none)."""
    if state.pending is None:
        return None
    text = state.scenario.proposals[state.pending.proposal].amend
    return Move.parse(text) if text else None


def _amend_block(state: GameState) -> str:
    """Why the pending proposal cannot be answered with its amendment now (``""``: it can)."""
    amended = amendment(state)
    if amended is None:
        return NO_AMENDMENT
    offer, _ = _resolve(state, amended)
    reason = _offer_block(state, offer, answering=True)
    return f"{offer.label}: {reason}" if reason else ""


def check_move(state: GameState, move: Move) -> None:
    """Raise :class:`IllegalMoveError` (or :class:`GameOverError`) unless the move is legal."""
    _checked(state, move)


def _checked(state: GameState, move: Move) -> tuple[Offer | None, Variant | None]:
    """Check a move and return its offer and variant (None for an answer)."""
    if state.terminal is not None:
        raise GameOverError(str(move), OVER_REASON)
    if move.is_answer:
        if move.variant is not None:
            raise IllegalMoveError(str(move), "an answer takes no variant")
        if state.pending is None:
            raise IllegalMoveError(str(move), NOTHING_TO_ANSWER)
        if move.offer == AMEND:
            reason = _amend_block(state)
            if reason:
                raise IllegalMoveError(str(move), reason)
        return None, None
    offer, variant = _resolve(state, move)
    if not _is_open(state, offer):
        raise IllegalMoveError(str(move), _offer_block(state, offer))
    return offer, variant


def is_legal(state: GameState, move: Move) -> bool:
    """True when ``move`` can be played now."""
    try:
        check_move(state, move)
    except IllegalMoveError:
        return False
    return True


def _answer_options(state: GameState) -> list[MoveOption]:
    if state.terminal is not None:
        reasons = dict.fromkeys(ANSWERS, OVER_REASON)
    elif state.pending is None:
        reasons = dict.fromkeys(ANSWERS, NOTHING_TO_ANSWER)
    else:
        reasons = {ACCEPT: "", REJECT: "", AMEND: _amend_block(state)}
    options = []
    for answer in ANSWERS:
        label = answer.capitalize()
        amended = amendment(state) if answer == AMEND else None
        if amended is not None:
            offer, variant = _resolve(state, amended)
            label = f"Amend: {offer.label}" + (f" ({variant.label})" if variant else "")
        options.append(MoveOption(Move(answer), label, not reasons[answer], reasons[answer]))
    return options


def move_options(state: GameState) -> tuple[MoveOption, ...]:
    """Every move of the scenario, each marked available or not with the reason (the playable
    ones alone come from :func:`available_moves`).

    Offers with variants are listed once per variant. Answers to a proposal of theirs come
    first while one is pending, last otherwise.
    """
    options: list[MoveOption] = []
    answers = _answer_options(state)
    pending = state.pending is not None and state.terminal is None
    if pending:
        options.extend(answers)
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
        options.extend(answers)
    return tuple(options)


_ANSWER_MOVES: Final = (Move(ACCEPT), Move(REJECT))
_MENUS: dict[str, tuple[tuple[Offer, tuple[Move, ...]], ...]] = {}
"""Each scenario's offers with their moves, by the scenario's digest: moves are frozen values,
so they are built once and shared (the same digest always means the same offers)."""


def _menu(scenario: Scenario) -> tuple[tuple[Offer, tuple[Move, ...]], ...]:
    menu = _MENUS.get(scenario.sha256)
    if menu is None:
        menu = tuple(
            (offer, tuple(Move(offer.id, v.id) for v in offer.variants) or (Move(offer.id),))
            for offer in scenario.offers
        )
        _MENUS[scenario.sha256] = menu
    return menu


def available_moves(state: GameState) -> tuple[Move, ...]:
    """Only the moves that can be played now, in the order of :func:`move_options`."""
    if state.terminal is not None:
        return ()
    if state.pending is not None:
        if _amend_block(state):
            return _ANSWER_MOVES
        return (*_ANSWER_MOVES, Move(AMEND))
    moves: list[Move] = []
    for offer, offered in _menu(state.scenario):
        if _is_open(state, offer):
            moves.extend(offered)
    return tuple(moves)


# --- judging an offer -------------------------------------------------------------------


@attrs.frozen
class _Verdict:
    kind: ReactionKind
    why: str
    rng: int
    shortfall: int
    """How far the offer falls short of what they need (<= 0: it does not)."""
    counter_open: bool
    red_line: bool
    quirk: Quirk | None
    alignment: _Alignment
    focus: int | None
    """The interest they revealed wanting first, when the reply shows it."""
    holding_out: bool = False
    """True when they countered an offer they had no objection to."""

    def allowed(self, state: GameState, offer: Offer) -> tuple[ReactionKind, ...]:
        """The reactions a human playing the counterpart may choose instead (hot-seat)."""
        if self.red_line:
            return (ReactionKind.REJECT, ReactionKind.WALKOUT)
        near = self.shortfall <= state.scenario.rules.defer_margin
        options = {
            ReactionKind.ACCEPT: near,
            ReactionKind.COUNTER: offer.kind is OfferKind.OFFER and bool(_tableable(state, offer)),
            ReactionKind.DEFER: True,
            ReactionKind.REJECT: True,
            ReactionKind.WALKOUT: state.stance == 0,
        }
        options[self.kind] = True
        return tuple(kind for kind, allowed in options.items() if allowed)


@attrs.frozen
class _Reading:
    """How one need stands: by how much it falls short, described on demand."""

    shortfall: int
    need: Need
    label: str
    value: int
    threshold: int

    def _say(self, below: str, above: str, *, why: bool) -> str:
        """The reading in words: ``below`` is the verb for a need with a minimum, ``above``
        for one with a maximum; ``why`` adds their reason."""
        need = self.need
        who, verb = (need.who, "needs") if need.who else ("they", "need")
        if need.at_least is not None:
            text = f"{below} the {self.threshold} {who} {verb}"
        else:
            text = f"{above} the {self.threshold} {who} can accept"
        reason = f"; {need.why}" if why and need.why else ""
        return f"{self.label} {self.value} {text} {need.context}{reason}"

    def short(self) -> str:
        return self._say("is below", "is above", why=True)

    def close(self) -> str:
        return self._say("is close to", "is just above", why=True)

    def met(self) -> str:
        return self._say("meets", "is within", why=False)


def _threshold(state: GameState, need: Need, shift: int) -> tuple[int, int]:
    """The threshold a need has at this shift, and by how much the meter falls short of it."""
    meter = state.scenario.meters[need.meter]
    value = state.meters[need.meter]
    if need.fixed:
        shift = 0
    if need.at_least is not None:
        threshold = min(max(need.at_least + shift, meter.minimum), meter.maximum)
        return threshold, threshold - value
    limit = need.at_most if need.at_most is not None else meter.maximum
    threshold = min(max(limit - shift, meter.minimum), meter.maximum)
    return threshold, value - threshold


def _read_need(state: GameState, need: Need, shift: int) -> _Reading:
    threshold, shortfall = _threshold(state, need, shift)
    label = state.scenario.meters[need.meter].label
    return _Reading(shortfall, need, label, state.meters[need.meter], threshold)


def _tableable(state: GameState, offer: Offer | None) -> tuple[str, ...]:
    """Proposals of theirs that can be put forward now: the offer's own counter-offer, and in
    a hot-seat game every other proposal whose moment has come."""
    scenario = state.scenario
    found = []
    for proposal in scenario.proposals:
        if proposal.id in state.answered or proposal.accord in state.agreed:
            continue
        own = offer is not None and offer.counter == proposal.id
        if own or (state.hotseat and holds(state, proposal.tabled)):
            found.append(proposal.id)
    return tuple(found)


def _counter_open(state: GameState, offer: Offer) -> bool:
    """True when they may answer the offer with its counter-offer: not put forward before, its
    accord not yet reached, and not about something they want only later."""
    if offer.counter is None or offer.counter in state.answered:
        return False
    proposal = state.scenario.proposal(offer.counter)
    if proposal.accord in state.agreed:
        return False
    return _alignment(state, proposal.serves)[0] is not _Alignment.EARLY


def _served(offer: Offer, variant: Variant | None) -> tuple[tuple[int, int], ...]:
    if variant is None or not variant.serves:
        return offer.serves
    return (*offer.serves, *variant.serves)


def _alignment(
    state: GameState, served: Sequence[tuple[int, int]]
) -> tuple[_Alignment, int | None]:
    """How what an offer serves stands with their agenda, and their first open interest."""
    focus = state.focus
    if focus is None or not served:
        return _Alignment.NEUTRAL, focus
    if any(index == focus and points > 0 for index, points in served):
        return _Alignment.FOCUS, focus
    agenda = state.scenario.profiles[state.profile].agenda
    interests = state.scenario.interests
    for index, points in served:
        if points > 0 and index in agenda and state.points[index] < interests[index].met:
            return _Alignment.EARLY, focus
    return _Alignment.NEUTRAL, focus


def _is_red_line(profile: Profile, offer: Offer, variant: Variant | None) -> bool:
    if offer.id in profile.red_lines:
        return True
    return variant is not None and f"{offer.id}:{variant.id}" in profile.red_lines


def _judge(
    state: GameState, offer: Offer, variant: Variant | None, extra_shift: int = 0
) -> _Verdict:
    """Decide the counterpart's reaction to an offer, before any of its effects apply."""
    scenario = state.scenario
    rules = scenario.rules
    profile = scenario.profiles[state.profile]
    noise, rng = draw(state.rng, -rules.noise, rules.noise)
    counter_open = _counter_open(state, offer)
    quirk = profile.quirk(offer.id, variant.id if variant else None)
    alignment, focus = _alignment(state, _served(offer, variant))
    if _is_red_line(profile, offer, variant):
        rule = profile.red_line_walkout
        walkout = holds(state, rules.red_line_walkout if rule is None else rule)
        kind = ReactionKind.WALKOUT if walkout else ReactionKind.REJECT
        why = f"{_VERB[kind]}: {offer.label.lower()} crosses a red line for them"
        if quirk is not None and quirk.note:
            why += f"; {quirk.note}"
        return _Verdict(kind, why, rng, 100, counter_open, True, quirk, alignment, None)

    shift = state.hardness + scenario.stances[state.stance].shift + noise + extra_shift
    shift += variant.shift if variant else 0
    shift += quirk.shift if quirk else 0
    shift += rules.grudge_shift * len(state.grudges)
    hardened = _hardened(state, offer)
    shift += hardened
    if alignment is _Alignment.FOCUS:
        shift += rules.focus_shift
    elif alignment is _Alignment.EARLY:
        shift += rules.early_shift
    worst: _Reading | None = None
    for need in offer.needs:
        reading = _read_need(state, need, shift)
        if worst is None or reading.shortfall > worst.shortfall:
            worst = reading
    holding_out = counter_open and offer.id in profile.counter_first
    if worst is None:
        shortfall = -1
        if holding_out:
            kind = ReactionKind.COUNTER
            why = "countered: they have no objection, but they hold out for more"
        else:
            kind = ReactionKind.ACCEPT
            why = "accepted: they have no objection"
    elif worst.shortfall <= 0:
        shortfall = worst.shortfall
        if holding_out:
            kind = ReactionKind.COUNTER
            why = f"countered: {worst.met()}, but they hold out for more"
        else:
            kind = ReactionKind.ACCEPT
            why = f"accepted: {worst.met()}"
    else:
        shortfall = worst.shortfall
        if shortfall <= rules.defer_margin:
            kind = ReactionKind.DEFER
            why = f"deferred: {worst.close()}"
        elif counter_open:
            kind = ReactionKind.COUNTER
            why = f"countered: {worst.short()}; they name their own price"
        else:
            kind = ReactionKind.REJECT
            why = f"rejected: {worst.short()}"
    if alignment is _Alignment.EARLY and kind in (ReactionKind.ACCEPT, ReactionKind.COUNTER):
        # First things first: however high trust runs, they take up their agenda in order.
        kind = ReactionKind.DEFER
        standing = worst.met() if worst is not None else "they have no objection"
        why = f"deferred: {standing}, but it is not their first concern"
    revealed: int | None = None
    if focus is not None and alignment is _Alignment.FOCUS:
        revealed = focus
        why += f" ({scenario.interests[focus].label} comes first for them)"
    elif focus is not None and alignment is _Alignment.EARLY:
        revealed = focus
        why += f"; they want {scenario.interests[focus].label} settled first"
    if quirk is not None and quirk.note:
        why += f"; {quirk.note}"
    if hardened and kind is not ReactionKind.ACCEPT:
        why += "; since you refused their own proposal, their position has not moved"
    if state.grudges and kind is not ReactionKind.ACCEPT:
        why += f"; they have not forgotten {state.grudges[-1]}"
    holding = kind is ReactionKind.COUNTER and holding_out and shortfall <= 0
    return _Verdict(
        kind, why, rng, shortfall, counter_open, False, quirk, alignment, revealed, holding
    )


def _hardened(state: GameState, offer: Offer) -> int:
    """How much their rejected proposals for the same accord stiffen them against the offer."""
    scenario = state.scenario
    return sum(
        scenario.proposal(name).hardens
        for name in state.rejected
        if scenario.proposal(name).accord == offer.id
    )


def expected_shortfall(state: GameState, move: Move) -> int:
    """How far an offer falls short of what the counterpart needs, as a player can estimate it:
    their stance, the variant and what they remember counted; their hidden profile, their
    agenda and the day's mood not.

    Zero or less means it should be accepted; a little more, deferred.
    """
    offer, variant = _resolve(state, move)
    rules = state.scenario.rules
    shift = state.scenario.stances[state.stance].shift + (variant.shift if variant else 0)
    shift += rules.grudge_shift * len(state.grudges) + _hardened(state, offer)
    return max((_threshold(state, need, shift)[1] for need in offer.needs), default=-1)


def judge(state: GameState, move: Move) -> Judgement:
    """What the counterpart would do with ``move`` (an offer), and what else it may do.

    Used for hot-seat advice; it does not change the state.
    """
    offer, variant = _checked(state, move)
    if offer is None:
        raise IllegalMoveError(str(move), "answers are not judged")
    if offer.kind not in _ACCORDING:
        raise IllegalMoveError(str(move), f"{offer.label} is not judged by the counterpart")
    verdict = _judge(state, offer, variant)
    return Judgement(
        verdict.kind, verdict.why, verdict.allowed(state, offer), _tableable(state, offer)
    )


# --- applying a move --------------------------------------------------------------------


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


# --- the end ----------------------------------------------------------------------------


def recorded_accords(state: GameState) -> tuple[Accord, ...]:
    """The accords that stand: those of an earlier summit, then this summit's — all of them
    with a joint statement, none after a walkout, only tacit ones otherwise; never one a test
    has broken."""
    standing = tuple(accord for accord in state.accords if not accord.broken)
    if state.terminal is Terminal.STATEMENT:
        return standing
    if state.terminal is Terminal.WALKOUT:
        return tuple(accord for accord in standing if accord.prior)
    return tuple(accord for accord in standing if accord.tacit)


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
    # Endings describe what this summit achieved; carried accords count only in the scores.
    ids = {accord.id for accord in accords if not accord.prior}
    for ending in state.scenario.endings:
        if state.terminal in ending.terminals and all(a in ids for a in ending.accords):
            return Outcome(
                ending, state.terminal, accords, scores(state, accords), len(state.turns)
            )
    raise AssertionError("the scenario loader guarantees a catch-all ending per terminal")
