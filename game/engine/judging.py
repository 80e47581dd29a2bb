"""How the counterpart judges an offer: the thresholds its needs set, moved by mood, profile,
memory, its agenda and chance; and what a hot-seat player may choose instead."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Final

import attrs

from game.engine.conditions import holds
from game.engine.draft import diminished
from game.engine.moves import _ACCORDING, _checked, _resolve, amendment
from game.engine.rng import draw
from game.engine.scenario import (
    Effect,
    Need,
    Offer,
    OfferKind,
    Profile,
    Quirk,
    Scenario,
    Variant,
)
from game.engine.state import (
    AMEND,
    GameState,
    IllegalMoveError,
    Judgement,
    Move,
    ReactionKind,
    first_open,
    last_named_focus,
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
    state: GameState, served: Sequence[tuple[int, int]]
) -> tuple[_Alignment, int | None]:
    """How what an offer serves stands with their agenda, and their first open interest."""
    focus = state.focus
    if focus is None or not served:
        return _Alignment.NEUTRAL, focus
    for index, points in served:
        if index == focus and points > 0:
            return _Alignment.FOCUS, focus
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


def revealed_focus(state: GameState) -> int | None:
    """The interest their replies last said they want first, while it is still open: what a
    player who reads the replies knows of their agenda (None: not said yet, or settled since).
    Only a reply says it in so many words; their opening line only hints."""
    said = last_named_focus(state.turns)
    interests = state.scenario.interests
    index = next((i for i, interest in enumerate(interests) if interest.id == said), None)
    if index is None or state.points[index] >= interests[index].met:
        return None
    return index


def foreseen(
    state: GameState, move: Move, *, agenda_known: bool = False
) -> tuple[tuple[Effect, ...], tuple[Effect, ...]]:
    """What an offer (in a form) does to the meters as a player can foresee it: proposing it
    (its own effect, its gains smaller each time it is made again; the rules' for every turn
    and for offering again after a refusal) and, if it is accepted, what acceptance adds (its
    effect; the rules' for every accord; the reward for serving what the replies have said
    they want first, or, with ``agenda_known``, what they do want first: a hot-seat player
    answering for them knows, and knows their red lines, whose cost comes whatever they
    answer). What their character adds or takes away is in it once a reply to this offer has
    shown it (:func:`revealed_quirk`); before that it is hidden, like the rest of their agenda
    (with ``agenda_known``, their character is known too)."""
    offer, variant = _resolve(state, move)
    scenario = state.scenario
    rules = scenario.rules
    index = scenario.offer_index[offer.id]
    attempts, refusals = state.attempts[index], state.refusals[index]
    forms = (offer,) if variant is None else (offer, variant)
    proposing = [diminished(scenario, form.on_offer, attempts) for form in forms]
    proposing.append(rules.per_turn)
    if refusals:
        proposing.append(_times(rules.repeat, refusals))
    if agenda_known and _is_red_line(scenario.profiles[state.profile], offer, variant):
        proposing.append(rules.red_line)
    accepted = [form.on_accept for form in forms]
    if offer.kind in _ACCORDING:
        accepted.append(rules.per_accept)
        focus = state.focus if agenda_known else revealed_focus(state)
        if focus is not None and any(i == focus and p > 0 for i, p in _served(offer, variant)):
            accepted.append(rules.focus_bonus)
    if agenda_known:
        quirk = state.profile_info.quirk(offer.id, variant.id if variant else None)
    else:
        quirk = revealed_quirk(state, offer, variant)
    if quirk is not None:
        accepted.append(quirk.on_accept)
    return tuple(proposing), tuple(accepted)


def out_of_turn(state: GameState, move: Move) -> bool:
    """True when the offer serves only what they want later, so that refusing it (deferring,
    rejecting or countering) costs the rules' ``early_cost``: what a player answering for them,
    who knows their agenda, can foresee."""
    offer, variant = _resolve(state, move)
    return _alignment(state, _served(offer, variant))[0] is _Alignment.EARLY


def reaction_effects(state: GameState, move: Move, kind: ReactionKind) -> tuple[Effect, ...]:
    """All that answering the offer ``move`` with ``kind`` does to the meters, as the player
    who answers for them in a hot-seat game foresees it (they know their agenda, red lines and
    character): what the offer costs whatever the answer (:func:`foreseen`); for a refusal of
    an offer that serves only what they want later, the rules' ``early_cost``; and what this
    answer adds: acceptance's effects, a deferral's (smaller each time), a rejection's. A
    walkout ends the summit, and nothing of it is counted."""
    if kind is ReactionKind.WALKOUT:
        return ()
    proposing, accepted = foreseen(state, move, agenda_known=True)
    if kind is ReactionKind.ACCEPT:
        return (*proposing, *accepted)
    offer, variant = _resolve(state, move)
    scenario = state.scenario
    effects = list(proposing)
    if out_of_turn(state, move):
        effects.append(scenario.rules.early_cost)
    if kind is ReactionKind.DEFER:
        refusals = state.refusals[scenario.offer_index[offer.id]]
        effects.append(diminished(scenario, offer.on_defer, refusals))
    elif kind is ReactionKind.REJECT:
        effects.append(offer.on_reject)
        quirk = state.profile_info.quirk(offer.id, variant.id if variant else None)
        if quirk is not None:
            effects.append(quirk.on_reject)
    return tuple(effects)


def _times(effect: Effect, times: int) -> Effect:
    """``effect`` applied ``times`` over, as one effect."""
    meters = tuple((index, delta * times) for index, delta in effect.meters)
    return attrs.evolve(effect, meters=meters, stance_step=effect.stance_step * times)


def revealed_quirk(state: GameState, offer: Offer, variant: Variant | None) -> Quirk | None:
    """Their quirk for this offer in this form once a reply to it has shown it: the reply's
    reason quoted the quirk's note (``"they hold out for more than partial relief"``). Before
    that, it is their hidden character."""
    quirk = state.profile_info.quirk(offer.id, variant.id if variant else None)
    if quirk is None or not quirk.note:
        return None
    for turn in state.turns:
        move = turn.move
        if (
            move.offer == offer.id
            and (not quirk.variant or move.variant == quirk.variant)
            and quirk.note in turn.reaction.why
        ):
            return quirk
    return None


def _expected_shift(state: GameState, offer: Offer, variant: Variant | None) -> int:
    """The shift of their thresholds a player can estimate: stance, variant, memory, refusals,
    their character as far as their replies to this offer have shown it, and their agenda as
    far as their replies have revealed it (an offer serving what they said they want first
    needs less; one serving only something else still open and on their list, more: see
    :func:`_on_their_list`)."""
    scenario = state.scenario
    rules = scenario.rules
    shift = scenario.stances[state.stance].shift + (variant.shift if variant else 0)
    shift += rules.grudge_shift * len(state.grudges) + _hardened(state, offer)
    quirk = revealed_quirk(state, offer, variant)
    if quirk is not None:
        shift += quirk.shift
    focus = revealed_focus(state)
    if focus is None:
        return shift
    served = [index for index, points in _served(offer, variant) if points > 0]
    if focus in served:
        return shift + rules.focus_shift
    interests = scenario.interests
    still_open = [index for index in served if state.points[index] < interests[index].met]
    if still_open and _on_their_list(state, focus, still_open):
        return shift + rules.early_shift
    return shift


def _on_their_list(state: GameState, focus: int, interests: Sequence[int]) -> bool:
    """Whether any of ``interests`` is on their agenda, as a player who has read that they want
    ``focus`` first can tell from the delegations that would want it first now: an offer that
    serves something on their list out of turn needs more, one that serves nothing on it does
    not (a play-tester was told 41 for what needed 30 of a delegation that never wanted relief).
    Where those delegations differ, the cautious answer: it is."""
    scenario = state.scenario
    alike = [p for p in scenario.profiles if first_open(scenario, p, state.points) == focus]
    return not alike or any(index in p.agenda for p in alike for index in interests)


def no_trust_wins(state: GameState, move: Move) -> bool:
    """True when no trust wins the move: it crosses a red line of every profile the
    counterpart may have (the scenario's words say as much; which profile plays is hidden), or
    of theirs, as their reply to it said ("crosses a red line for them"; the table went on
    saying what it needed, a play-tester)."""
    if refused_by_every_profile(state, move):
        return True
    offer, variant = _resolve(state, move)
    return _is_red_line(state.profile_info, offer, variant) and any(
        turn.move == move for turn in state.turns
    )


def refused_by_every_profile(state: GameState, move: Move) -> bool:
    """True when the move crosses a red line of every profile the counterpart may have: no
    delegation accepts it, whatever the trust."""
    offer, variant = _resolve(state, move)
    return all(_is_red_line(profile, offer, variant) for profile in state.scenario.profiles)


def foreseen_refusal(state: GameState, move: Move) -> tuple[Effect, ...]:
    """What their refusal adds to proposing an offer that every profile refuses (see
    :func:`no_trust_wins`): its own effect when refused, and the rules' for crossing
    a red line. Whether they also walk out depends on their hidden profile and the moment."""
    offer, _ = _resolve(state, move)
    return offer.on_reject, state.scenario.rules.red_line


def walkout_possible(scenario: Scenario) -> bool:
    """True when crossing a red line may end the talks, for some profile at some moment."""
    return scenario.rules.red_line_walkout is not None or any(
        profile.red_line_walkout is not None for profile in scenario.profiles
    )


def expected_need(state: GameState, move: Move, meter: int) -> int | None:
    """The value of ``meter`` an offer needs, as a player can estimate it (the same estimate as
    :func:`expected_shortfall`); None when the offer needs nothing of that meter."""
    offer, variant = _resolve(state, move)
    shift = _expected_shift(state, offer, variant)
    needs = [n for n in offer.needs if n.meter == meter and n.at_least is not None]
    return max((_threshold(state, n, shift)[0] for n in needs), default=None)


def agenda_unread(state: GameState, move: Move) -> bool:
    """True while no reply has named what they want first and the offer serves something still
    open: whether it is what they want first (less needed, and the reward for it) is yet to be
    read. After a reply first names it, none named means their list is done (a reply says what
    they want next while anything is left on it)."""
    offer, variant = _resolve(state, move)
    if last_named_focus(state.turns) is not None:
        return False
    interests = state.scenario.interests
    return any(
        points > 0 and state.points[index] < interests[index].met
        for index, points in _served(offer, variant)
    )


def expected_need_range(
    state: GameState, move: Move, meter: int, *, extra: int = 0
) -> tuple[int, int] | None:
    """The least and the most of ``meter`` an offer may need, as a player can estimate it
    (:func:`expected_need`) without yet knowing what they want first: while no reply has said
    it, an offer serving something still open on the table needs less if that is what they want
    first and more if they want something else first, and both figures are given. Once a reply
    has said it (even if it is settled since: then their list is done), or for an offer that
    serves nothing open, the two are the same. None when the offer needs nothing of that
    meter. ``extra`` adds to their thresholds (the rules' ``amend_shift`` for an offer made as
    an amendment to their proposal)."""
    offer, variant = _resolve(state, move)
    needs = [n for n in offer.needs if n.meter == meter and n.at_least is not None]
    if not needs:
        return None
    shift = _expected_shift(state, offer, variant) + extra
    shifts = [shift]
    if agenda_unread(state, move):
        rules = state.scenario.rules
        shifts = [shift + rules.focus_shift, shift + rules.early_shift]
    figures = [max(_threshold(state, need, each)[0] for need in needs) for each in shifts]
    return min(figures), max(figures)


def expected_shortfall(state: GameState, move: Move) -> int:
    """How far an offer falls short of what the counterpart needs, as a player can estimate it:
    their stance, the variant, what they remember and what their replies have said they want
    first counted; their hidden profile, the rest of their agenda and the day's mood not.

    Zero or less means it should be accepted; a little more, deferred.
    """
    offer, variant = _resolve(state, move)
    shift = _expected_shift(state, offer, variant)
    return max((_threshold(state, need, shift)[1] for need in offer.needs), default=-1)


def judge(state: GameState, move: Move) -> Judgement:
    """What the counterpart would do with ``move`` (an offer), and what else it may do.

    Used for hot-seat advice; it does not change the state.
    """
    offer, variant = _checked(state, move)
    extra = 0
    if offer is None and move.offer == AMEND:
        # An amendment is their proposal answered with an offer: judged like one.
        amended = amendment(state)
        assert amended is not None
        offer, variant = _resolve(state, amended)
        extra = state.scenario.rules.amend_shift
    if offer is None:
        raise IllegalMoveError(str(move), "accepting or rejecting their proposal is not judged")
    if offer.kind not in _ACCORDING:
        raise IllegalMoveError(str(move), f"{offer.label} is not judged by the counterpart")
    verdict = _judge(state, offer, variant, extra)
    return Judgement(
        verdict.kind, verdict.why, verdict.allowed(state, offer), _tableable(state, offer)
    )
