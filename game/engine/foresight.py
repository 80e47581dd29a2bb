"""What a player can foresee of the counterpart's judgement before making a move: what an
offer's forms change (proposing it, and if they accept), what it needs as far as their replies
have shown their agenda and character, which forms no trust wins, and what answering for them
does in a hot-seat game. The judgement itself, with what stays hidden, is in
:mod:`game.engine.judging`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs

from game.engine.conditions import _holds
from game.engine.draft import _shift, diminished
from game.engine.judging import (
    _Alignment,
    _alignment,
    _hardened,
    _is_red_line,
    _served,
    _threshold,
)
from game.engine.moves import _ACCORDING, _resolve
from game.engine.scenario import Effect, Offer, Quirk, Scenario, Variant
from game.engine.state import GameState, Move, ReactionKind, first_open, last_named_focus


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


def out_of_turn(state: GameState, move: Move, *, answering: bool = False) -> bool:
    """True when the offer serves only what they want later, so that refusing it (deferring,
    rejecting or countering) costs the rules' ``early_cost``: what a player answering for them,
    who knows their agenda, can foresee. Never for an offer ``answering`` their proposal."""
    offer, variant = _resolve(state, move)
    alignment, _ = _alignment(state, _served(offer, variant), answering=answering)
    return alignment is _Alignment.EARLY


def reaction_effects(
    state: GameState, move: Move, kind: ReactionKind, *, answering: bool = False
) -> tuple[Effect, ...]:
    """All that answering the offer ``move`` with ``kind`` does to the meters, as the player
    who answers for them in a hot-seat game foresees it (they know their agenda, red lines and
    character): what the offer costs whatever the answer (:func:`foreseen`); for a refusal of
    an offer that serves only what they want later, the rules' ``early_cost``; and what this
    answer adds: acceptance's effects, a deferral's (smaller each time), a rejection's. A
    walkout ends the summit, and nothing of it is counted. ``answering``: the offer is the
    player's amendment of their proposal."""
    if kind is ReactionKind.WALKOUT:
        return ()
    proposing, accepted = foreseen(state, move, agenda_known=True)
    if kind is ReactionKind.ACCEPT:
        return (*proposing, *accepted)
    offer, variant = _resolve(state, move)
    scenario = state.scenario
    effects = list(proposing)
    if out_of_turn(state, move, answering=answering):
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


_MEASURED: Final = frozenset(
    (ReactionKind.ACCEPT, ReactionKind.DEFER, ReactionKind.REJECT, ReactionKind.COUNTER)
)
"""Replies whose reason names the level they need, when the offer has a need to read out."""


def bargaining_read(state: GameState) -> bool:
    """True once a reply has named the level they need of an offer whose needs are all theirs
    to set (none fixed, no red line crossed): set against the table's own estimate, it shows
    how hard this delegation bargains, and from then on the estimate counts it. Before that
    it is hidden, and the table's figure may be off by it (a play-tester was told "about 15"
    for what needed 24)."""
    scenario = state.scenario
    profile = state.profile_info
    for turn in state.turns:
        move = turn.move
        if move.is_answer or turn.reaction.kind not in _MEASURED:
            continue
        offer = scenario.offer(move.offer)
        if not offer.needs or any(need.fixed for need in offer.needs):
            continue
        if not _is_red_line(profile, offer, offer.variant(move.variant)):
            return True
    return False


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


def _expected_shift(
    state: GameState, offer: Offer, variant: Variant | None, *, bargaining: bool = True
) -> int:
    """The shift of their thresholds a player can estimate: stance, variant, memory, refusals,
    their character as far as their replies to this offer have shown it, how hard they bargain
    once a reply has shown it (unless not ``bargaining``), and their agenda as far as their
    replies have revealed it (an offer serving what they said they want first needs less; one
    serving only something else still open and on their list, more: see
    :func:`_on_their_list`)."""
    known = _known_shift(state, offer, variant, bargaining=bargaining)
    return known + _agenda_shift(state, offer, variant)


def _known_shift(
    state: GameState, offer: Offer, variant: Variant | None, *, bargaining: bool = True
) -> int:
    """The shift of their thresholds a player knows of, their agenda aside: stance, variant,
    memory, refusals, their character as far as their replies to this offer have shown it,
    and (unless not ``bargaining``) how hard they bargain once a reply has shown it."""
    rules = state.scenario.rules
    shift = state.scenario.stances[state.stance].shift + (variant.shift if variant else 0)
    shift += rules.grudge_shift * len(state.grudges) + _hardened(state, offer)
    if bargaining and bargaining_read(state):
        shift += state.hardness
    quirk = revealed_quirk(state, offer, variant)
    return shift + quirk.shift if quirk is not None else shift


def _agenda_shift(
    state: GameState,
    offer: Offer,
    variant: Variant | None,
    *,
    hopeful: bool = False,
    answering: bool = False,
) -> int:
    """What their agenda, as far as their replies have revealed it, does to the offer's
    thresholds (see :func:`_expected_shift`); ``hopeful``: the least it may do, where an offer
    that may be on their list for later may as well not be; ``answering``: the offer answers
    their proposal, never early (see :func:`game.engine.judging._alignment`)."""
    rules = state.scenario.rules
    focus = revealed_focus(state)
    if focus is None:
        return 0
    served = [index for index, points in _served(offer, variant) if points > 0]
    if focus in served:
        return rules.focus_shift
    if answering:
        return 0
    interests = state.scenario.interests
    still_open = [index for index in served if state.points[index] < interests[index].met]
    if still_open and _on_their_list(state, focus, still_open):
        return min(rules.early_shift, 0) if hopeful else rules.early_shift
    return 0


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
    """The value of ``meter`` an offer needs, as a player can estimate it (the table's figure,
    :func:`expected_need_range` once their agenda is read); None when the offer needs nothing
    of that meter."""
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
    state: GameState, move: Move, meter: int, *, answering: bool = False
) -> tuple[int, int] | None:
    """The least and the most of ``meter`` an offer may need, as a player can estimate it
    (:func:`expected_need`) without yet knowing what they want first: while no reply has said
    it, an offer serving something still open on the table needs less if that is what they want
    first and more if they want something else first, and both figures are given. Once a reply
    has said it (even if it is settled since: then their list is done), or for an offer that
    serves nothing open, the two are the same. None when the offer needs nothing of that
    meter. ``answering``: the offer answers their proposal (an amendment), judged with the
    rules' ``amend_shift`` and never as out of turn."""
    offer, variant = _resolve(state, move)
    needs = [n for n in offer.needs if n.meter == meter and n.at_least is not None]
    if not needs:
        return None
    rules = state.scenario.rules
    shift = _known_shift(state, offer, variant) + (rules.amend_shift if answering else 0)
    shift += _agenda_shift(state, offer, variant, answering=answering)
    shifts = [shift]
    if agenda_unread(state, move):
        shifts = [shift + rules.focus_shift, shift + (0 if answering else rules.early_shift)]
    figures = [max(_threshold(state, need, each)[0] for need in needs) for each in shifts]
    return min(figures), max(figures)


def expected_shortfall(state: GameState, move: Move) -> int:
    """How far an offer falls short of what the counterpart needs, as the ``greedy`` player
    estimates it: their stance, the variant, what they remember and what their replies have
    said they want first counted; their hidden profile (even how hard they bargain, which the
    table's figures count once a reply has shown it), the rest of their agenda and the day's
    mood not.

    Zero or less means it should be accepted; a little more, deferred.
    """
    offer, variant = _resolve(state, move)
    shift = _expected_shift(state, offer, variant, bargaining=False)
    return max((_threshold(state, need, shift)[1] for need in offer.needs), default=-1)


def likely_rejected(state: GameState, move: Move) -> bool:
    """True when even the most hopeful estimate a player can make (:func:`expected_need_range`
    at its low end, every need of the offer counted: a neighbour's, a fixed one such as the big
    deal's leverage) falls short of what they need by more than a deferral's margin and the
    day's mood together, whichever delegation sits across the table (its hidden bargaining and
    character as far as no reply has shown them, at their most yielding): as things stand, they
    turn it down. A play-tester was shown what proposing the big deal costs, not the trust its
    rejection took."""
    offer, variant = _resolve(state, move)
    if not offer.needs:
        return False
    scenario = state.scenario
    rules = scenario.rules
    revealed = revealed_quirk(state, offer, variant) is not None
    form = variant.id if variant else None
    # How hard they bargain is counted once read (see :func:`bargaining_read`).
    read = bargaining_read(state)
    hidden = []
    for profile in scenario.profiles:
        quirk = None if revealed else profile.quirk(offer.id, form)
        eased = min(quirk.shift, 0) if quirk is not None else 0
        hidden.append(eased if read else profile.shift - rules.profile_jitter + eased)
    shift = _known_shift(state, offer, variant, bargaining=False) + min(hidden)
    if read:
        shift += state.hardness
    if agenda_unread(state, move):
        shift += min(rules.focus_shift, rules.early_shift, 0)
    else:
        shift += _agenda_shift(state, offer, variant, hopeful=True)
    # A fixed need (the Senate's, a neighbour's) ignores the day's mood: past a deferral's
    # margin it refuses for certain (a play-tester was not warned that the Senate would block
    # embassies, since trust was enough).
    least = max(
        _threshold(state, need, shift)[1] - (0 if need.fixed else rules.noise)
        for need in offer.needs
    )
    return least > rules.defer_margin


def foreseen_rejection(state: GameState, move: Move) -> tuple[Effect, ...]:
    """What their rejection of an offer adds to proposing it, as a player can foresee it: its
    own effect when rejected, and their character's once a reply to it has shown it."""
    offer, variant = _resolve(state, move)
    quirk = revealed_quirk(state, offer, variant)
    return (offer.on_reject,) if quirk is None else (offer.on_reject, quirk.on_reject)


def rejection_ends_talks(state: GameState, move: Move) -> bool:
    """True when proposing an offer and having it rejected, as a player can foresee both
    (:func:`foreseen`, :func:`foreseen_rejection`), would meet the rules' condition for them
    to walk out (patience run out): a play-tester, told only "patience -17 ... a rejection,
    patience -4", added it up himself, after they had left."""
    scenario = state.scenario
    when = scenario.rules.walkout_when
    if when.is_empty:
        return False
    proposing, _ = foreseen(state, move)
    values = list(state.meters)
    for effect in (*proposing, *foreseen_rejection(state, move)):
        _shift(scenario, values, effect)
    return _holds(when, tuple(values), state.stance, state.round, state.agreed)
