"""How the counterpart judges an offer: the thresholds its needs set, moved by mood, profile,
memory, its agenda and chance; and what a hot-seat player may choose instead."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Final

import attrs

from game.engine.conditions import holds
from game.engine.moves import _ACCORDING, _checked, _resolve, amendment
from game.engine.rng import draw
from game.engine.scenario import (
    Need,
    Offer,
    OfferKind,
    Profile,
    Quirk,
    Variant,
)
from game.engine.state import (
    AMEND,
    GameState,
    IllegalMoveError,
    Judgement,
    Move,
    ReactionKind,
)

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


@attrs.define
class _Verdict:
    """The counterpart's decision on one offer, before its effects apply. Scratch like
    :class:`~game.engine.draft._Draft` (built on every judged move and never changed after),
    so it skips the cost of a frozen class's checks."""

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
    outsider: str = ""
    """Who stands in the way when a need of someone else's (a neighbour, the Senate) decided
    a refusal: the refusal is theirs, not the delegation's to voice."""

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


@attrs.define
class _Reading:
    """How one need stands: by how much it falls short, described on demand. Scratch of the
    judgement, like :class:`_Verdict`."""

    shortfall: int
    need: Need
    label: str
    value: int
    threshold: int
    floor: int = 0
    """The meter's minimum: a need at it is no need at all."""

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
        need = self.need
        if need.at_least is not None and self.threshold <= self.floor:
            # Their stance and what they want first have taken the need to nothing.
            who, verb = (need.who, "needs") if need.who else ("they", "need")
            return f"{self.label} {self.value}: {who} {verb} none {need.context}"
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
    state: GameState, served: Sequence[tuple[int, int]], *, answering: bool = False
) -> tuple[_Alignment, int | None]:
    """How what an offer serves stands with their agenda, and their first open interest. An
    offer ``answering`` their proposal is never early: they put its subject on the table (a
    play-tester amended the Yongbyon deal they had tabled, and was told they would remember
    that he did not listen)."""
    focus = state.focus
    if focus is None or not served:
        return _Alignment.NEUTRAL, focus
    for index, points in served:
        if index == focus and points > 0:
            return _Alignment.FOCUS, focus
    if answering:
        return _Alignment.NEUTRAL, focus
    agenda = state.scenario.profiles[state.profile].agenda
    interests = state.scenario.interests
    for index, points in served:
        if points > 0 and index in agenda and state.points[index] < interests[index].met:
            return _Alignment.EARLY, focus
    return _Alignment.NEUTRAL, focus


def _is_red_line(profile: Profile, offer: Offer, variant: Variant | None) -> bool:
    lines = profile.red_lines
    if not lines:
        return False
    if offer.id in lines:
        return True
    return variant is not None and f"{offer.id}:{variant.id}" in lines


def _judge(
    state: GameState, offer: Offer, variant: Variant | None, *, answering: bool = False
) -> _Verdict:
    """Decide the counterpart's reaction to an offer, before any of its effects apply;
    ``answering``: the offer answers their pending proposal (an amendment), judged with the
    rules' ``amend_shift``, and never as pressed on them out of turn: they raised its subject."""
    scenario = state.scenario
    rules = scenario.rules
    profile = scenario.profiles[state.profile]
    noise, rng = draw(state.rng, -rules.noise, rules.noise)
    counter_open = _counter_open(state, offer)
    quirk = profile.quirk(offer.id, variant.id if variant else None)
    alignment, focus = _alignment(state, _served(offer, variant), answering=answering)
    extra_shift = rules.amend_shift if answering else 0
    if _is_red_line(profile, offer, variant):
        rule = profile.red_line_walkout or rules.red_line_walkout
        walkout = rule is not None and holds(state, rule)
        kind = ReactionKind.WALKOUT if walkout else ReactionKind.REJECT
        what = offer.mid_label + (f" ({variant.label})" if variant is not None else "")
        why = f"{_VERB[kind]}: {what} crosses a red line for them"
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
    if offer.needs:
        # The need that falls shortest decides; only that one is read out in words.
        need = offer.needs[0]
        threshold, short = _threshold(state, need, shift)
        for other in offer.needs[1:]:
            other_threshold, other_short = _threshold(state, other, shift)
            if other_short > short:
                need, threshold, short = other, other_threshold, other_short
        meter = scenario.meters[need.meter]
        value = state.meters[need.meter]
        worst = _Reading(short, need, meter.label, value, threshold, meter.minimum)
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
        # A refused offer of what they want first is not one that missed: "rejected: ... (they
        # want recognition first)" after recognition was offered read as a wrong guess.
        do = "" if kind is ReactionKind.ACCEPT else "do "
        why += f" (they {do}want {scenario.interests[focus].label} first)"
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
    refused = kind in (ReactionKind.REJECT, ReactionKind.DEFER) and shortfall > 0
    outsider = worst.need.who if refused and worst is not None else ""
    return _Verdict(
        kind,
        why,
        rng,
        shortfall,
        counter_open,
        False,
        quirk,
        alignment,
        revealed,
        holding,
        outsider,
    )


def _hardened(state: GameState, offer: Offer) -> int:
    """How much their rejected proposals for the same accord stiffen them against the offer."""
    if not state.rejected:
        return 0
    proposals, index = state.scenario.proposals, state.scenario.proposal_index
    hardened = 0
    for name in state.rejected:
        proposal = proposals[index[name]]
        if proposal.accord == offer.id:
            hardened += proposal.hardens
    return hardened


def judge(state: GameState, move: Move) -> Judgement:
    """What the counterpart would do with ``move`` (an offer), and what else it may do.

    Used for hot-seat advice; it does not change the state.
    """
    offer, variant = _checked(state, move)
    answering = False
    if offer is None and move.offer == AMEND:
        # An amendment is their proposal answered with an offer: judged like one.
        amended = amendment(state)
        assert amended is not None
        offer, variant = _resolve(state, amended)
        answering = True
    if offer is None:
        raise IllegalMoveError(str(move), "accepting or rejecting their proposal is not judged")
    if offer.kind not in _ACCORDING:
        raise IllegalMoveError(str(move), f"{offer.label} is not judged by the counterpart")
    verdict = _judge(state, offer, variant, answering=answering)
    return Judgement(
        verdict.kind, verdict.why, verdict.allowed(state, offer), _tableable(state, offer)
    )
