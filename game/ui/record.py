"""What the table says has happened, in words: their opening line, their reply to the last move
with its reasons and the neighbours' asides, the proposal of theirs on the table, and the
summit log's lines. No drawing: the table and the log screen lay these out.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from game.draw.theme import Tone
from game.engine import (
    GameState,
    Move,
    OfferKind,
    PendingKind,
    Proposal,
    Reaction,
    ReactionKind,
    Turn,
    outcome,
)
from game.engine.describe import (
    NEW_ROUND,
    OUTSIDER_REPLIED,
    REPLIED,
    REPLY,
    answered_proposal,
    changes,
    event_effect,
    move_label,
    reply_sentence,
    round_opened,
    round_when,
    sentence,
    with_figures,
)
from game.engine.state import ACCEPT, AMEND
from game.engine.turns import AMENDED
from game.ui.tones import reaction_tone
from game.ui.widgets.log import LogEntry

THEY_TABLE: Final = "They table a proposal"
"""The kicker over a proposal they tabled on their own."""
THEY_COUNTER: Final = "Instead, they propose"
"""The kicker over a proposal they put forward instead of accepting your offer."""
HEAD: Final = "head of delegation"
"""Who speaks their opening line."""
SILENT: Final = "The delegation has no say in this."
"""What the bubble says when someone else (a neighbour, the Senate) refused the offer."""
_ASIDE_CHANGE: Final = re.compile(r"(-?\d+) to (-?\d+)\)?$")


# --- Their proposal -------------------------------------------------------------------------


def pending_proposal(state: GameState) -> Proposal | None:
    """The proposal of theirs awaiting an answer, if any (none once the summit is over)."""
    if state.pending is None or state.is_over:
        return None
    return state.scenario.proposals[state.pending.proposal]


def proposal_kicker(state: GameState) -> str:
    """How the proposal on the table came to be there, as a kicker over it: ``They table a
    proposal``, or ``Instead of liaison offices, they propose``."""
    if state.pending is None or state.pending.kind is PendingKind.PROPOSAL:
        return THEY_TABLE
    last = state.turns[-1].move if state.turns else None
    if last is None or last.is_answer:
        return THEY_COUNTER
    return f"Instead of \u201c{move_label(state.scenario, last)}\u201d, they propose"


def amend_title(state: GameState, move: Move) -> str:
    """The amend answer named by the offer it plays: ``Answer with Yongbyon for relief
    (partial relief)``; ``Insist on ...`` when it is the very offer they have just countered
    with this proposal."""
    # The offer's own name, as on its card: lower-cased mid-sentence, "Answer with peace
    # declaration (a political declaration)" misread (a play-tester).
    label = move_label(state.scenario, move)
    return f"Insist on {label}" if insists(state, move) else f"Answer with {label}"


def insists(state: GameState, move: Move) -> bool:
    """True when answering their proposal with ``move`` makes again the offer they have just
    countered with it (the scenario names that offer as the proposal's amendment)."""
    if state.pending is None or state.pending.kind is not PendingKind.COUNTER or not state.turns:
        return False
    last = state.turns[-1]
    return last.reaction.kind is ReactionKind.COUNTER and last.move == move


def answer_text(state: GameState, turn: Turn, who: str = "You") -> str:
    """What an answer to a proposal of theirs did, e.g. ``You accepted their proposal:
    Yongbyon for the 2016-17 sanctions``; ``who`` answered (a team, on a screen both teams
    read). An amendment quotes both titles, as a counter-offer's is: lower-cased mid-sentence,
    "you answered end the joint exercises for good with mutual restraint" misread."""
    scenario = state.scenario
    proposal = answered_proposal(state.scenario, state.turns, turn.number - 1)
    name = proposal.label if proposal is not None else "their proposal"
    if turn.move.offer == ACCEPT:
        return f"{who} accepted their proposal: {name}"
    if turn.move.offer == AMEND:
        amended = amended_move(proposal)
        offer = f"\u201c{move_label(scenario, amended)}\u201d" if amended else "an amendment"
        named = f"\u201c{name}\u201d" if proposal is not None else name
        return f"{who} answered {named} with {offer}: {_replied(turn.reaction)}"
    return f"{who} rejected their proposal: {name}"


def _replied(reaction: Reaction) -> str:
    """What became of an offer: ``accepted``, or ``refused by the Senate`` when someone other
    than the counterpart refused it."""
    who = reaction.refused_by
    return f"{OUTSIDER_REPLIED[reaction.kind]} {who}" if who else REPLIED[reaction.kind]


def _why(turn: Turn) -> str:
    """The reason for a reply, as the log gives it after the line saying what was answered: for
    an amendment, without the engine's own words for the same (the log read "You answered X
    with Y: rejected. ... Why: you answered X with an offer of your own, Y: rejected: ...", a
    play-tester). The engine's reason itself stays whole: transcripts carry it."""
    why = turn.reaction.why
    if turn.move.offer != AMEND:
        return why
    _, said, rest = why.partition(AMENDED)
    _, colon, verdict = rest.partition(": ")
    return verdict if said and colon else why


def amended_move(proposal: Proposal | None) -> Move | None:
    """The move an amendment of ``proposal`` plays (None when it cannot be amended)."""
    if proposal is None or not proposal.amend:
        return None
    return Move.parse(proposal.amend)


def turn_text(state: GameState, turn: Turn, *, quoted: bool = False, who: str = "You") -> str:
    """One decision and what became of it: ``Liaison offices: accepted``, or, when a neighbour
    or the Senate refused it in their place, ``Embassies: refused by the Senate``. ``quoted``
    names an offer as a title inside a sentence (``you offered “Liaison offices”: accepted``:
    lower-cased, "you offered live with a limited arsenal" misread); ``who`` made an answer to
    their proposal (see :func:`answer_text`)."""
    scenario = state.scenario
    reaction = turn.reaction
    if turn.move.is_answer:
        return answer_text(state, turn, who)
    label = move_label(scenario, turn.move)
    if quoted:
        label = f"\u201c{label}\u201d"
    text = f"{label}: {_replied(reaction)}"
    if reaction.kind is ReactionKind.COUNTER and reaction.counter:
        # Quoted, as a title: "proposing End the..." and "proposing end the..." both misread.
        text += f", proposing \u201c{scenario.proposal(reaction.counter).label}\u201d"
    return text


# --- The neighbours -------------------------------------------------------------------------


def aside_tone(aside: str) -> Tone:
    """Good news or an alarm, by which way the aside says a neighbour moved (``Tokyo objects
    (Tokyo 48 to 44)``); neutral when it does not say."""
    found = _ASIDE_CHANGE.search(aside)
    if found is None:
        return Tone.NEUTRAL
    before, after = int(found.group(1)), int(found.group(2))
    return Tone.POSITIVE if after > before else Tone.ALARM


def aside_words(aside: str) -> str:
    """An aside without the figures in brackets (``Tokyo objects``): the neighbours' strip
    shows where each now stands."""
    words, _, _ = aside.partition(" (")
    return words or aside


# --- Their reply ----------------------------------------------------------------------------


@attrs.frozen
class Reply:
    """What the speech bubble says: who speaks, their words, why, the tone of it, and how the
    neighbours took the move (each with its tone)."""

    speaker: str
    said: str
    why: str
    tone: Tone
    asides: tuple[tuple[str, Tone], ...] = ()


def opening_line(state: GameState) -> str:
    """Their head of delegation's first words (only these: the profile stays hidden)."""
    return state.profile_info.opening


def their_reply(state: GameState, them: str) -> Reply:
    """Their reply to the last move (``them``: how their delegation is named), or, before the
    first, their head of delegation's opening words."""
    if not state.turns:
        held = state.scenario.rounds[state.round]
        when = sentence(round_when(held))
        why = f"{when} Put your first offer on the table: pick a card below."
        opening = opening_line(state)
        if opening:
            return Reply(f"{them} \u00b7 {HEAD}", opening, why, Tone.NEUTRAL)
        return Reply(round_when(held, " \u00b7 "), held.description, why, Tone.NEUTRAL)
    reaction = state.turns[-1].reaction
    if reaction.kind is ReactionKind.ENDED:
        speaker = "You leave the table"
        said = reaction.say or "You close your folder and stand. The talks are over."
    elif who := reaction.refused_by:
        # Not theirs: the heading names who refused, and the delegation has nothing to say.
        speaker = reply_sentence(reaction.kind, who)
        said = SILENT
    else:
        speaker = f"{them} \u00b7 they {REPLY[reaction.kind]}"
        said = reaction.say or "\u2026"
    asides = tuple((aside_words(aside), aside_tone(aside)) for aside in reaction.asides)
    why = sentence(reaction.why) if reaction.why else ""
    return Reply(speaker, said, why, reaction_tone(reaction.kind), asides)


def before_the_break(state: GameState, turn: Turn | None = None) -> list[tuple[str, Tone]]:
    """How the round's last move was answered, for a dialog that opens between rounds over
    the table that shows it: the event's (for ``turn``), or, with no ``turn``, their
    proposal's when it opened the round with no event before it (else no note)."""
    if turn is None:
        if not state.turns or state.turns[-1].tabled is None or state.turns[-1].events:
            return []
        turn = state.turns[-1]
    tone = reaction_tone(turn.reaction.kind)
    if turn.move.is_answer:
        done = answer_text(state, turn)  # "You rejected their proposal: ..."
        done = done[:1].lower() + done[1:]
    elif (offer := state.scenario.offer(turn.move.offer)).kind is OfferKind.RECESS:
        # A pause is no offer, and its label says what you did: "you chose to call Washington".
        form = offer.variant(turn.move.variant)
        done = f"you chose to {form.label if form else offer.mid_label}: noted"
    else:
        done = f"you offered {turn_text(state, turn, quoted=True)}"
    return [(f"Before the break, {done}.", tone)]


# --- The log --------------------------------------------------------------------------------


def _round_label(state: GameState, index: int) -> str:
    held = state.scenario.rounds[index]
    return f"Round {index + 1} \u00b7 {held.label}"


def _between_rounds(state: GameState, turn: Turn, *, full: bool) -> list[LogEntry]:
    """What happened after ``turn`` before the next round: the new round's own change to the
    meters, the event (or the test of an accord), the standing pressures, and the proposal
    they tabled."""
    scenario = state.scenario
    entries: list[LogEntry] = []
    per_round = changes(scenario, scenario.rules.per_round)
    if per_round and round_opened(state, turn):
        figures = ", ".join(change.text for change in per_round) if full else ""
        good = all(change.good for change in per_round)
        entries.append(
            LogEntry(with_figures(f"{NEW_ROUND}.", figures), "Between rounds", _good(good))
        )
    tested = dict(turn.tests)
    for event_id in turn.events:
        event = next(e for e in scenario.events if e.id == event_id)
        text = f"{event.title}."
        if full:
            text += f" {event.text}"
        tone = Tone.CAUTION
        if event.test is not None and event.test.accord in tested:
            held = tested[event.test.accord]
            text += f" {event.test.held if held else event.test.broken}"
            tone = Tone.POSITIVE if held else Tone.ALARM
        found = changes(scenario, event_effect(event, turn))
        if full:
            text = with_figures(text, ", ".join(change.text for change in found))
        entries.append(LogEntry(text, "" if entries else "Between rounds", tone))
    for drift_id in turn.drifts:
        drift = next(d for d in scenario.drifts if d.id == drift_id)
        found = changes(scenario, drift.effect)
        good = bool(found) and all(change.good for change in found)
        text = sentence(drift.text)
        if full:
            text = with_figures(text, ", ".join(change.text for change in found))
        entries.append(LogEntry(text, "" if entries else "Between rounds", _good(good)))
    if turn.tabled is not None:
        proposal = scenario.proposal(turn.tabled)
        text = f"As the round opens, they table a proposal: {proposal.label}."
        words = proposal.say.tabled or proposal.say.counter
        if full and words:
            text += f" \u201c{words}\u201d"
        # It opens the next round, so that round's heading goes over it.
        label = _round_label(state, turn.round + 1)
        entries.append(LogEntry(text, label, Tone.CAUTION))
    return entries


def _good(good: bool) -> Tone:
    return Tone.POSITIVE if good else Tone.CAUTION


def log_entries(state: GameState, *, full: bool = False) -> list[LogEntry]:
    """The summit so far: their opening words, one entry per decision and what followed it
    between rounds; ``full`` adds their words and the reasons."""
    scenario = state.scenario
    entries: list[LogEntry] = []
    if state.carry is not None and state.carry.accords:
        names = ", ".join(scenario.accord_label(a) for a in state.carry.accords)
        entries.append(LogEntry(f"Carried over from the earlier summit: {names}.", "Before"))
    opening = opening_line(state)
    if opening:
        entries.append(
            LogEntry(f"Their {HEAD} opens: \u201c{opening}\u201d", _round_label(state, 0))
        )
    current = 0 if opening else -1
    for turn in state.turns:
        label = ""
        if turn.round != current:
            current = turn.round
            label = _round_label(state, current)
        reaction = turn.reaction
        text = f"{turn.number}. {turn_text(state, turn)}."
        if full:
            if reaction.accord:
                text += f" Agreed: {scenario.accord_label(reaction.accord)}."
            if reaction.say:
                text += f" \u201c{reaction.say}\u201d"
            text += f" Why: {_why(turn)}."
        if reaction.asides:
            text += " " + " ".join(sentence(aside) for aside in reaction.asides)
        entries.append(LogEntry(text, label, reaction_tone(reaction.kind)))
        entries.extend(_between_rounds(state, turn, full=full))
        if turn.tabled is not None:
            current = turn.round + 1
    result = outcome(state)
    if result is not None:
        entries.append(LogEntry(f"The summit is over: {result.ending.mid_title}.", "The end"))
    return entries


__all__ = [
    "HEAD",
    "SILENT",
    "THEY_COUNTER",
    "THEY_TABLE",
    "Reply",
    "amend_title",
    "amended_move",
    "answer_text",
    "aside_tone",
    "aside_words",
    "insists",
    "log_entries",
    "opening_line",
    "pending_proposal",
    "proposal_kicker",
    "their_reply",
    "turn_text",
]
