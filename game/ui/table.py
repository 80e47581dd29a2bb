"""What the summit table shows, worked out from the scenario and the game in play: the log's
lines, the limits marked on the meters, where their stance turns, what an offer needs, and what
each offer card says. No drawing: the table screen and its widgets lay these out.
"""

from __future__ import annotations

import enum

import attrs

from game.draw.theme import Tone
from game.engine import GameState, OfferKind, ReactionKind, Scenario, move_options, outcome
from game.engine.describe import REPLIED, REPLY, capitalise, move_label, offer_costs
from game.engine.scenario import Offer
from game.engine.state import ACCEPT
from game.ui.tones import reaction_tone
from game.ui.widgets.log import LogEntry


class TableMode(enum.Enum):
    """What the tray under the table holds."""

    OFFERS = "offers"
    """The offer cards: the player's move."""
    PENDING = "pending"
    """Their proposal, waiting for an answer."""
    OVER = "over"
    """The summit is over: on to how it ended."""

    @classmethod
    def of(cls, state: GameState) -> TableMode:
        """The mode for ``state``."""
        if state.is_over:
            return cls.OVER
        if state.pending is not None:
            return cls.PENDING
        return cls.OFFERS


class CardStatus(enum.Enum):
    """What an offer card can do now."""

    OPEN = "open"
    LOCKED = "locked"
    AGREED = "agreed"


@attrs.frozen
class CardFace:
    """What an offer card shows now: whether it can be played, its caption and why not."""

    status: CardStatus
    caption: str
    tone: Tone = Tone.NEUTRAL
    reason: str = ""
    """Why the offer cannot be made now (``""`` when it can)."""
    selected: bool = False
    """The offer made last."""


def card_faces(state: GameState) -> dict[str, CardFace]:
    """Every offer's card face, by offer id."""
    scenario = state.scenario
    reasons: dict[str, str] = {}
    for option in move_options(state):
        if option.move.is_answer:
            continue
        reason = reasons.get(option.move.offer)
        if reason is None or not option.available:
            reasons[option.move.offer] = option.reason if not option.available else ""
    last = state.turns[-1].move.offer if state.turns else ""
    faces = {}
    for index, offer in enumerate(scenario.offers):
        reason = reasons.get(offer.id, "")
        selected = offer.id == last
        if offer.kind in (OfferKind.OFFER, OfferKind.STATEMENT) and offer.id in state.agreed:
            accord = next((a for a in state.accords if a.id == offer.id), None)
            form = accord_form(scenario, accord.variant) if accord else ""
            caption = "Agreed" + (f": {form}" if form else "")
            if accord is not None and accord.prior:
                caption = "Agreed at the earlier summit"
            faces[offer.id] = CardFace(CardStatus.AGREED, caption, Tone.POSITIVE, reason, selected)
        elif reason:
            faces[offer.id] = CardFace(
                CardStatus.LOCKED, capitalise(reason), reason=reason, selected=selected
            )
        else:
            refused = state.refusals[index]
            tone = Tone.NEUTRAL
            if refused and offer.kind is OfferKind.OFFER:
                times = "once" if refused == 1 else f"{refused} times"
                caption = f"Refused {times}: again costs patience"
                tone = Tone.CAUTION
            elif offer.variants:
                forms = " or ".join(v.label for v in offer.variants)
                caption = f"{len(offer.variants)} forms: {forms}"
            else:
                caption = offer.summary
            faces[offer.id] = CardFace(CardStatus.OPEN, caption, tone, selected=selected)
    return faces


def statement_limits(scenario: Scenario) -> dict[int, int]:
    """Meter index -> the most it may be for a joint statement to be signable (e.g. 75)."""
    limits: dict[int, int] = {}
    for offer in scenario.offers:
        if offer.kind is OfferKind.STATEMENT:
            for bound in offer.requires.meters:
                if bound.high is not None:
                    limits[bound.meter] = bound.high
    return limits


def walkout_floors(scenario: Scenario) -> dict[int, int]:
    """Meter index -> the value at or below which they walk out (e.g. patience 0)."""
    return {
        bound.meter: bound.high
        for bound in scenario.rules.walkout_when.meters
        if bound.high is not None
    }


def stance_ticks(scenario: Scenario, meter: int) -> tuple[tuple[int, str], ...]:
    """Where, on one meter, the counterpart warms to each next stance: (value, stance)."""
    ticks = []
    for transition in scenario.transitions:
        if transition.target != transition.source + 1:
            continue
        for bound in transition.when.meters:
            if bound.meter == meter and bound.low is not None:
                ticks.append((bound.low, scenario.stances[transition.target].label))
    return tuple(sorted(ticks))


def trust_need(offer: Offer, meter: int) -> int | None:
    """The trust (or other meter) an offer nominally needs, before mood and chance shift it."""
    for need in offer.needs:
        if need.meter == meter and need.at_least is not None:
            return need.at_least
    return None


def log_entries(state: GameState, *, full: bool = False) -> list[LogEntry]:
    """The summit so far, one entry per decision and per event; ``full`` adds their words and
    the reasons."""
    scenario = state.scenario
    entries: list[LogEntry] = []
    if state.carry is not None and state.carry.accords:
        names = ", ".join(scenario.accord_label(a) for a in state.carry.accords)
        entries.append(LogEntry(f"Carried over from the earlier summit: {names}.", "Before"))
    current = -1
    for turn in state.turns:
        label = ""
        if turn.round != current:
            current = turn.round
            held = scenario.rounds[current]
            label = f"Round {current + 1} \u00b7 {held.label}"
        reaction = turn.reaction
        if turn.move.is_answer:
            pending = state.turns[turn.number - 2].reaction.counter if turn.number > 1 else None
            ask = scenario.proposal(pending).label if pending else "their proposal"
            verb = "accepted" if turn.move.offer == ACCEPT else "rejected"
            text = f"{turn.number}. You {verb} their ask: {ask}."
        else:
            text = f"{turn.number}. {move_label(scenario, turn.move)}: {REPLIED[reaction.kind]}"
            if reaction.kind is ReactionKind.COUNTER and reaction.counter:
                text += f", asking for {scenario.proposal(reaction.counter).label}"
            text += "."
        if full:
            if reaction.accord:
                text += f" Agreed: {scenario.accord_label(reaction.accord)}."
            if reaction.say:
                text += f" \u201c{reaction.say}\u201d"
            text += f" Why: {reaction.why}."
        entries.append(LogEntry(text, label, reaction_tone(reaction.kind)))
        for event_id in turn.events:
            event = next(e for e in scenario.events if e.id == event_id)
            detail = f" {event.text}" if full else ""
            entries.append(LogEntry(f"{event.title}.{detail}", "Between rounds", Tone.CAUTION))
    result = outcome(state)
    if result is not None:
        entries.append(LogEntry(f"The summit is over: {result.ending.title}.", "The end"))
    return entries


def essay_view(offer: Offer) -> str:
    """What the essay says of an offer, introduced unless the text introduces itself."""
    text = offer.essay
    return text if text.lower().startswith("the essay") else f"The essay: {text}"


def accord_form(scenario: Scenario, variant: str) -> str:
    """The form an accord took, in words: a variant's label, or a counter-offer's wording."""
    if not variant:
        return ""
    for offer in scenario.offers:
        for option in offer.variants:
            if option.id == variant:
                return option.label
    return variant


def tray_panel(state: GameState, can_undo: bool) -> tuple[str, str, str]:
    """What the tray holds instead of the cards, as (kicker, title, body): the end of the
    summit, or their proposal awaiting an answer."""
    scenario = state.scenario
    if state.pending is not None and not state.is_over:
        counter = scenario.proposals[state.pending.proposal]
        return "THEIR PROPOSAL", counter.label, counter.summary
    result = outcome(state)
    last = state.turns[-1].reaction if state.turns else None
    body = (
        "The talks have ended. See how it ended, and then the debrief: what you "
        "achieved against the two goals, and what happened in history."
    )
    if last is not None and last.kind is ReactionKind.WALKOUT:
        body = "They have left the table. " + body
    if can_undo:
        body += " In a practice game you can still undo the last move (U)."
    return "THE SUMMIT IS OVER", result.ending.title if result else "", body


@attrs.frozen
class Reply:
    """What the speech bubble says: who speaks, their words, why, and the tone of it."""

    speaker: str
    said: str
    why: str
    tone: Tone


def their_reply(state: GameState, them: str) -> Reply:
    """Their reply to the last move (``them``: how their delegation is named), or, before the
    first, the round that has begun."""
    if not state.turns:
        held = state.scenario.rounds[state.round]
        why = "Put your first offer on the table: pick a card below."
        return Reply(f"{held.label} \u00b7 {held.time}", held.description, why, Tone.NEUTRAL)
    reaction = state.turns[-1].reaction
    if reaction.kind is ReactionKind.ENDED:
        speaker = "You leave the table"
        said = reaction.say or "You close your folder and stand. The talks are over."
    else:
        speaker = f"{them} \u00b7 they {REPLY[reaction.kind]}"
        said = reaction.say or "\u2026"
    return Reply(speaker, said, capitalise(reaction.why), reaction_tone(reaction.kind))


def card_detail(
    scenario: Scenario, offer: Offer, status: CardStatus, reason: str, key: str
) -> tuple[str, str]:
    """An offer card in full, as a title and a body: the offer, what the essay says of it, and
    what playing it would cost (or why it is locked). ``key`` is the card's shortcut."""
    title = f"{key} \u00b7 {offer.label}" if key else offer.label
    if status is CardStatus.LOCKED:
        return title + " \u00b7 locked", f"{capitalise(reason)}. {offer.summary}"
    if status is CardStatus.AGREED:
        return title + " \u00b7 agreed", f"{offer.summary} {essay_view(offer)}"
    parts = [offer.summary, essay_view(offer)]
    if offer.variants:
        forms = " or ".join(v.label for v in offer.variants)
        parts.append(f"Next you choose its form: {forms}, each with its own costs.")
    else:
        proposing, accepted = offer_costs(scenario, offer, None)
        parts.append(f"Proposing costs {proposing}; if accepted, {accepted}.")
    return title, " ".join(parts)
