"""Between rounds: the events and the tests of what was agreed, the standing pressures, the
walkouts they may cause, the proposals the delegation tables, and the rounds that close early
because nothing is left to put on the table."""

from __future__ import annotations

import attrs

from game.engine.conditions import _holds
from game.engine.draft import _Draft, _say
from game.engine.moves import can_offer
from game.engine.rng import draw, pick_weighted, seed_state
from game.engine.scenario import (
    Effect,
    Offer,
    Terminal,
    Test,
)
from game.engine.state import (
    Pending,
    PendingKind,
    ReactionKind,
)


def _check_walkout(draft: _Draft, offer: Offer | None, after_round: bool = False) -> None:
    """Turn the reaction into a walkout when the scenario's walkout condition holds."""
    rules = draft.scenario.rules
    if draft.kind is ReactionKind.ACCEPT and not after_round:
        return  # nobody walks out on a deal they have just made
    if rules.walkout_when.is_empty or not draft.holds(rules.walkout_when):
        return
    draft.why = f"{draft.why}; then they walk out: {_walkout_detail(draft)}"
    draft.kind = ReactionKind.WALKOUT
    draft.refused_by = ""  # leaving is theirs alone
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


def _close_stalled(draft: _Draft, offer: Offer | None, hotseat: bool) -> None:
    """Close each round in which the player is left with no move — nothing of theirs to
    answer, no offer whose conditions hold — as if its turns were used: what happens between
    rounds happens, and after the last round the summit ends as when the schedule runs out. A
    scenario always able to take a recess never comes here."""
    while draft.terminal is None and draft.pending is None and not can_offer(draft):
        label = draft.scenario.rounds[draft.round].label
        draft.why = f"{draft.why}; nothing is left to put on the table in the {label}"
        _next_round(draft, offer, hotseat)


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
    # What happened at earlier breaks of the same move (rounds closed early) stays recorded.
    happened = (len(draft.events), len(draft.drifts))
    draft.apply(scenario.rules.per_round)
    # Each break draws its event from a stream of its own, seeded by the game's seed and the
    # round: players on the same seed (a class code) meet the same event at the same break,
    # whatever they played before it, unless their own play has ruled it out.
    events = seed_state(f"{scenario.id}\x00events\x00{draft.round}", draft.seed)
    roll, events = draw(events, 1, 100)
    if roll <= scenario.rules.event_chance:
        fired, meters, stance, agreed = draft.fired, draft.meters, draft.stance, draft.agreed
        eligible = [
            event
            for event in scenario.live_events
            if not (event.once and event.id in fired)
            and _holds(event.when, meters, stance, draft.round, agreed)
        ]
        if eligible:
            index, _ = pick_weighted(events, tuple(e.weight for e in eligible))
            event = eligible[index]
            _happen(draft, event.id, event.title, event.effect, event.test)
    for drift in scenario.drifts:
        if draft.holds(drift.when):
            draft.apply(drift.effect, source=drift.text)
            draft.drifts = (*draft.drifts, drift.id)
    draft.transition()
    if (len(draft.events), len(draft.drifts)) != happened:
        _check_walkout(draft, offer, after_round=True)
    if draft.terminal is None and not hotseat and draft.pending is None:
        _table(draft)


def _happen(draft: _Draft, ident: str, title: str, effect: Effect, test: Test | None) -> None:
    """An event between rounds: its effect, or the test of the accord it names."""

    draft.fired = draft.fired | {ident}
    draft.events = (*draft.events, ident)
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
        draft.apply(test.on_hold, source=title.lower())
    else:
        label = draft.scenario.accord_label(accord.id)
        draft.apply(test.on_break, source=f"the broken promise of {label}")
        accords = list(draft.accords)
        accords[position] = attrs.evolve(accord, broken=True)
        draft.accords = tuple(accords)
    draft.tests = (*draft.tests, (accord.id, held))


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
    focus = draft.first_open()
    later = {i for i in agenda if i != focus and draft.points[i] < interests[i].met}
    for index in draft.profile.proposals:
        proposal = scenario.proposals[index]
        if proposal.id in draft.answered or proposal.accord in draft.agreed:
            continue
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
