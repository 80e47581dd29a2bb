"""The words every front end shares: move labels, reaction words, meter lines and changes.

The terminal, the stdio protocol, the window and the classroom say the same things the same way;
this is where they are worded. Pure: it reads scenarios, moves and effects, nothing else.

>>> capitalise("dinner"), sentence("they walk out")
('Dinner', 'They walk out.')
>>> signed(8), signed(-8)
('+8', '\u22128')
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

import attrs

from game.engine.effects import meter_totals
from game.engine.scenario import (
    Direction,
    Effect,
    Event,
    Meter,
    MeterGroup,
    Offer,
    Proposal,
    Round,
    Scenario,
    Side,
)
from game.engine.state import ACCEPT, AMEND, REJECT, GameState, Move, ReactionKind, Turn
from game.escapes import UNPRINTABLE, printable

MINUS: Final = "\u2212"
"""The true minus sign, wider than a hyphen and set at the height of a plus."""
NO_BREAK: Final = "\u00a0"
"""A space a window's wrapping never breaks at: it keeps words together (``risk exposure``)."""


class StrategyName(enum.StrEnum):
    """The built-in strategies, by the names ``batch --strategy`` and the reports use.

    A ``StrEnum``: each is also the name :data:`game.engine.strategies.STRATEGIES` knows it by.
    """

    HISTORICAL = "historical"
    """What happened in Hanoi."""
    ESSAY = "essay"
    """The essay's agenda in order, closed by a joint statement."""
    HAWK = "hawk"
    """Ask for everything, concede nothing."""
    DOVE = "dove"
    """Reassure first, concede generously, accept every counter-offer."""
    RANDOM = "random"
    """Any available move."""
    GREEDY = "greedy"
    """The offer with the best immediate gain that they should accept."""


def capitalise(text: str) -> str:
    """``text`` with its first letter in capitals and the rest as it was (labels are written to
    read mid-sentence: "working lunch", "U.S. leverage")."""
    return text[:1].upper() + text[1:]


def ordinal(number: int) -> str:
    """``number`` as a place in a row: ``10th``, ``1st``, ``22nd``, ``13th``.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102, 111)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '102nd', '111th']
    """
    teen = 10 <= number % 100 <= 20
    return f"{number}{'th' if teen else {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


def side_called(side: Side, noun: str, neutral: str) -> str:
    """``noun`` after the side's short name (``"U.S. team"``), or ``neutral`` for a side the
    scenario does not name that way (``"first team"``).

    >>> from game.engine.scenario import NEUTRAL_PLAYER
    >>> side_called(attrs.evolve(NEUTRAL_PLAYER, short="U.S."), "team", "first team")
    'U.S. team'
    >>> side_called(NEUTRAL_PLAYER, "team", "first team")
    'first team'
    """
    return f"{side.short} {noun}" if side.short else neutral


def sentence(text: str) -> str:
    """``text`` as a sentence of its own: capitalised and ending with a full stop."""
    text = capitalise(text)
    return text if text.endswith(".") else f"{text}."


def round_when(held: Round, between: str = ", ", after: str = "") -> str:
    """A round's name and, when the scenario says, when it is held, set off by ``between`` and
    ``after``; its name alone when the scenario leaves the time out (both optional in a file:
    "Only session ()" was printed for a round without one).

    >>> from game.engine.scenario import Round
    >>> dinner = Round("dinner", "dinner", "27 February, evening", 2, "")
    >>> round_when(dinner), round_when(dinner, " (", ")")
    ('dinner, 27 February, evening', 'dinner (27 February, evening)')
    >>> round_when(attrs.evolve(dinner, time=""), " (", ")")
    'dinner'
    """
    time = held.time.strip()
    return f"{held.label}{between}{time}{after}" if time else held.label


def move_label(
    scenario: Scenario, move: Move, proposal: Proposal | None = None, *, mid: bool = False
) -> str:
    """The player-facing name of a move: ``Mutual restraint (unwritten)``.

    An answer names the proposal it answers when given it: ``You reject their proposal:
    Yongbyon for the 2016-17 sanctions``, ``You amend their proposal to Yongbyon for relief
    (partial relief)``. ``mid`` gives the name as it reads mid-sentence: ``mutual restraint
    (unwritten)``, but ``Yongbyon for relief``, a name keeping its capital.
    """
    if mid:
        label = move_label(scenario, move, proposal)
        if move.is_answer:
            return label[:1].lower() + label[1:]
        offer = scenario.offer(move.offer)
        return offer.mid_label + label[len(offer.label) :]
    if move.is_answer:
        if move.offer == AMEND:
            if proposal is None or not proposal.amend:
                return "You amend their proposal"
            return f"You amend their proposal to {move_label(scenario, Move.parse(proposal.amend))}"
        verb = "accept" if move.offer == ACCEPT else "reject"
        named = f": {proposal.label}" if proposal is not None else ""
        return f"You {verb} their proposal{named}"
    offer = scenario.offer(move.offer)
    variant = offer.variant(move.variant)
    return f"{offer.label} ({variant.label})" if variant else offer.label


def essay_view(scenario: Scenario, offer: Offer) -> str:
    """What the scenario's source says of an offer, introduced as the source's unless the text
    names the source itself ("A modest step the essay welcomes" is not "The essay: A modest
    step the essay welcomes")."""
    text, kind = offer.essay, scenario.source.kind
    if not text or re.search(rf"\b{re.escape(kind)}\b", text, re.IGNORECASE):
        return text
    return f"The {kind}: {text}"


def history_and_source(scenario: Scenario) -> str:
    """What the comparison of an ending with history and the scenario's source is headed:
    "History and the essay"."""
    return f"History and the {scenario.source.kind}"


def offers_made(scenario: Scenario, turns: Sequence[Turn]) -> tuple[str, ...]:
    """The ids of the offers ``turns`` made, each once, in the order first made: an answer to
    their proposal with an offer of one's own (an amendment) makes one too."""
    made: dict[str, None] = {}
    for index, turn in enumerate(turns):
        move: Move | None = None if turn.move.is_answer else turn.move
        if turn.move.offer == AMEND:
            answered = answered_proposal(scenario, turns, index)
            move = Move.parse(answered.amend) if answered and answered.amend else None
        if move is not None:
            made.setdefault(move.offer)
    return tuple(made)


def answered_proposal(scenario: Scenario, turns: Sequence[Turn], index: int) -> Proposal | None:
    """The proposal of theirs that ``turns[index]`` answered (None when it is not an answer).

    A proposal waits for an answer on the very next move, so it is the one the turn before
    put on the table: as a counter-offer, or tabled at the start of the round.
    """
    if not turns[index].move.is_answer or index == 0:
        return None
    before = turns[index - 1]
    named = before.reaction.counter or before.tabled
    return scenario.proposal(named) if named else None


def group_of(scenario: Scenario, group: MeterGroup) -> tuple[int, ...]:
    """Indexes of the scenario's meters in ``group``, in the scenario's order."""
    return tuple(i for i, meter in enumerate(scenario.meters) if meter.group is group)


def meters_line(
    scenario: Scenario,
    meters: Sequence[int],
    stance: int | None = None,
    *,
    group: MeterGroup | None = None,
    unbroken: bool = False,
) -> str:
    """``trust 25 · patience 63 · ... · they are guarded`` (the stance only when given; only
    the meters of ``group`` when given, all of them otherwise). ``unbroken`` joins the words
    of each part with no-break spaces, so that a window wrapping the line breaks it only
    between meters, never inside ``risk exposure 58``."""
    parts = [
        f"{meter.label} {value}"
        for meter, value in zip(scenario.meters, meters, strict=True)
        if group is None or meter.group is group
    ]
    if stance is not None:
        parts.append(f"they are {scenario.stances[stance].label}")
    if unbroken:
        parts = [part.replace(" ", NO_BREAK) for part in parts]
    return " \u00b7 ".join(parts)


def region_line(scenario: Scenario, meters: Sequence[int]) -> str:
    """The neighbours' stances: ``Seoul 60 supportive · Tokyo 48 wary`` (``""`` when the
    scenario has no region meters)."""
    parts = []
    for index in group_of(scenario, MeterGroup.REGION):
        meter, value = scenario.meters[index], meters[index]
        band = meter.band(value)
        parts.append(f"{meter.label} {value} {band}" if band else f"{meter.label} {value}")
    return " \u00b7 ".join(parts)


def again_text(scenario: Scenario) -> str:
    """What making an offer again does once they have not taken it up (rejected, deferred or
    countered it), after "it": ``costs patience`` (``gains less`` when the scenario's repeat
    cost takes nothing: the gains still shrink)."""
    costs = " and ".join(
        scenario.meters[index].label for index, delta in scenario.rules.repeat.meters if delta
    )
    return f"costs {costs}" if costs else "gains less"


# --- Their reply ------------------------------------------------------------------------------

REPLY: Final[Mapping[ReactionKind, str]] = MappingProxyType(
    {
        ReactionKind.ACCEPT: "accept",
        ReactionKind.COUNTER: "counter",
        ReactionKind.DEFER: "defer",
        ReactionKind.REJECT: "reject",
        ReactionKind.WALKOUT: "walk out",
        ReactionKind.NOTED: "take note",
        ReactionKind.ENDED: "see you leave",
    }
)
"""What they do, after "they": ``They accept``, ``they see you leave``."""

REPLIED: Final[Mapping[ReactionKind, str]] = MappingProxyType(
    {
        ReactionKind.ACCEPT: "accepted",
        ReactionKind.COUNTER: "countered",
        ReactionKind.DEFER: "deferred",
        ReactionKind.REJECT: "rejected",
        ReactionKind.WALKOUT: "they walked out",
        ReactionKind.NOTED: "noted",
        ReactionKind.ENDED: "you left the table",
    }
)
"""What became of an offer, after it: ``Liaison offices: accepted``."""


OUTSIDER_REPLIED: Final[Mapping[ReactionKind, str]] = MappingProxyType(
    {
        ReactionKind.REJECT: "refused by",
        ReactionKind.DEFER: "held up by",
    }
)
"""What became of an offer that someone other than the counterpart refused, before who it
was: ``Embassies: refused by the Senate``."""


def reply_sentence(kind: ReactionKind, who: str = "") -> str:
    """Their reply as the start of a sentence: ``They accept``, ``You leave the table``; or,
    when ``who`` refused the offer in their place (a reaction's ``refused_by``), ``Refused by the
    Senate``."""
    if kind is ReactionKind.ENDED:
        return "You leave the table"
    if who and kind in OUTSIDER_REPLIED:
        return capitalise(f"{OUTSIDER_REPLIED[kind]} {who}")
    return f"They {REPLY[kind]}"


# --- What moves change ------------------------------------------------------------------------


def signed(value: int) -> str:
    """``+8``, or ``-8`` written with a true minus sign (U+2212)."""
    return f"+{value}" if value >= 0 else f"{MINUS}{-value}"


@attrs.frozen
class Change:
    """One change an effect makes, e.g. ``trust +8``, and whether it is good for the player."""

    text: str
    good: bool
    size: int = 0
    """How far the meter moves (a stance step counts as none): a line too short for every change
    can put the largest first."""


def changes(scenario: Scenario, *effects: Effect) -> list[Change]:
    """The changes the effects make together, one per meter in the scenario's order, then the
    step in their stance."""
    totals = meter_totals(*effects)
    step = sum(effect.stance_step for effect in effects)
    found = []
    for index, meter in enumerate(scenario.meters):
        delta = totals.get(index, 0)
        if delta:
            good = (delta > 0) == (meter.good is Direction.HIGH)
            found.append(Change(f"{meter.label} {signed(delta)}", good, abs(delta)))
    if step:
        word = "warmer" if step > 0 else "cooler"
        steps = "one step" if abs(step) == 1 else f"{abs(step)} steps"
        found.append(Change(f"their stance {steps} {word}", step > 0))
    return found


def effect_text(scenario: Scenario, *effects: Effect, none: str = "no change") -> str:
    """The changes as one phrase: ``trust +8, risk exposure -8`` (true minus signs)."""
    found = changes(scenario, *effects)
    return ", ".join(change.text for change in found) if found else none


def need_sentence(meter: Meter, low: int, high: int, now: int) -> str:
    """What a form needs of ``meter`` in a sentence: one figure, or, while their replies have
    not said what they want first, what it needs if this is it and if it is not.

    >>> from game.engine.scenario import Direction, Meter
    >>> trust = Meter("trust", "trust", "", 0, 100, 15, Direction.HIGH)
    >>> need_sentence(trust, 11, 11, 15)
    'Trust needed in this form: about 11 (now 15).'
    >>> need_sentence(trust, 0, 26, 15)
    'Trust needed in this form: none if it is what they want first, about 26 if not (now 15).'
    >>> need_sentence(trust, 0, 0, 32)
    'Trust needed in this form: none (now 32).'
    """
    label = capitalise(meter.label)
    if low == high:
        figure = "none" if low <= meter.minimum else f"about {low}"
        return f"{label} needed in this form: {figure} (now {now})."
    first = "none" if low <= meter.minimum else f"about {low}"
    return (
        f"{label} needed in this form: {first} if it is what they want first, about {high} if "
        f"not (now {now})."
    )


def bonus_sentence(scenario: Scenario) -> str:
    """What the reward for serving what they want first adds to acceptance, in a sentence
    (``""`` when the scenario gives none): for an offer while their replies have not said what
    they want first."""
    bonus = effect_text(scenario, scenario.rules.focus_bonus, none="")
    return f"If it is what they want first, acceptance also brings {bonus}." if bonus else ""


def remembered(grudges: Sequence[str]) -> str:
    """What they remember against you, each thing once, with how often:

    >>> remembered(["your \u201cWalk away\u201d", "a broken promise", "your \u201cWalk away\u201d"])
    'your \u201cWalk away\u201d (twice); a broken promise'
    """
    return "; ".join(remembered_each(grudges))


def remembered_each(grudges: Sequence[str]) -> list[str]:
    """What they remember against you, each thing once with how often, in the order first
    remembered: the parts of :func:`remembered`."""
    counts: dict[str, int] = {}
    for grudge in grudges:
        counts[grudge] = counts.get(grudge, 0) + 1
    times = {1: "", 2: " (twice)"}
    return [f"{g}{times.get(n, f' ({n} times)')}" for g, n in counts.items()]


# --- Their proposals and what happens between rounds ---------------------------------------


def answer_effects(scenario: Scenario, proposal: Proposal, answer: str) -> tuple[Effect, ...]:
    """What accepting (``answer`` is ``accept``) or rejecting a proposal of theirs changes, as
    a player can foresee it: the proposal's own effect and, on accepting, the rules' for every
    accord (what their character adds is hidden). Every screen and the protocol say this."""
    if answer == ACCEPT:
        return (proposal.on_accept, scenario.rules.per_accept)
    return (proposal.on_reject,)


def answer_foreseen(
    state: GameState, proposal: Proposal, answer: str
) -> tuple[tuple[Effect, ...], bool]:
    """What answering their proposal changes as the player of ``state`` can foresee it (see
    :func:`answer_effects`), with what their character adds once a reply has shown it (its
    note quoted in a reason: "they take what is given as a sign of weakness"); and whether
    their character may still add something unseen (a play-tester was shown "trust +4" and
    got nothing)."""
    effects = answer_effects(state.scenario, proposal, answer)
    theirs = state.profile_info.quirk(proposal.id, None)
    if (
        theirs is not None
        and theirs.note
        and any(theirs.note in t.reaction.why for t in state.turns)
    ):
        return (*effects, theirs.on_accept if answer == ACCEPT else theirs.on_reject), False
    quirks = (profile.quirk(proposal.id, None) for profile in state.scenario.profiles)
    return effects, any(
        q is not None and not (q.on_accept if answer == ACCEPT else q.on_reject).is_empty
        for q in quirks
    )


def rejection_hardens(scenario: Scenario, proposal: Proposal) -> str:
    """What rejecting a proposal of theirs does to your own offer for the same accord, as a
    sentence ("" when nothing): its ``hardens`` added to every level that offer needs (a
    play-tester's own Yongbyon offer needed 16 more after he rejected theirs, and no answer
    card had said so)."""
    if not proposal.hardens or proposal.accord not in scenario.offer_index:
        return ""
    label = scenario.offer(proposal.accord).label
    return f"From then on your own \u201c{label}\u201d needs {proposal.hardens} more."


def rejecting_text(
    scenario: Scenario, proposal: Proposal, effects: Sequence[Effect] | None = None
) -> str:
    """What rejecting a proposal of theirs does, as one phrase: the meters (``effects``, as a
    player foresees them; by default the proposal's own, :func:`answer_effects`), and what it
    does to your own offer for the same accord (see :func:`rejection_hardens`)."""
    if effects is None:
        effects = answer_effects(scenario, proposal, REJECT)
    said = effect_text(scenario, *effects, none="no change to the meters")
    hardens = rejection_hardens(scenario, proposal)
    return f"{said}. {hardens}" if hardens else said


def proposal_costs(scenario: Scenario, proposal: Proposal) -> str:
    """What accepting a proposal of theirs does to the meters, as one phrase."""
    effects = answer_effects(scenario, proposal, ACCEPT)
    return effect_text(scenario, *effects, none="no change to the meters")


def event_effect(event: Event, turn: Turn) -> Effect:
    """What an event between rounds did to the meters after ``turn``: the test's outcome when
    it put an accord of the record to the test, else its own effect."""
    if event.test is not None:
        for accord, held in turn.tests:
            if accord == event.test.accord:
                return event.test.on_hold if held else event.test.on_break
    return event.effect


def with_figures(text: str, figures: str) -> str:
    """``text`` with ``figures`` in brackets before its full stop: "A new round begins
    (patience +7)." (the window said so and the terminal "A new round begins. (patience +7)").

    >>> with_figures("Seoul vouches for you.", "trust +2")
    'Seoul vouches for you (trust +2).'
    >>> with_figures("Noted", "")
    'Noted'
    """
    if not figures:
        return text
    if text.endswith("."):
        return f"{text[:-1]} ({figures})."
    return f"{text} ({figures})"


def _with_effect(scenario: Scenario, text: str, effect: Effect) -> str:
    return with_figures(text, effect_text(scenario, effect, none=""))


def round_opened(state: GameState, turn: Turn) -> bool:
    """True when a new round began after ``turn`` of ``state``'s game: the rules' ``per_round``
    effect is then in the meters shown after the turn."""
    following = state.turns[turn.number] if turn.number < len(state.turns) else None
    return (following.round if following is not None else state.round) > turn.round


NEW_ROUND: Final = "A new round begins"
"""What the front ends say of a new round, with what it changes on the meters."""


def between_rounds(
    scenario: Scenario, turn: Turn, *, new_round: bool = False
) -> list[tuple[str, str]]:
    """What happened after a turn, before the next move: (heading, sentence) pairs for the new
    round when one began (``new_round``, see :func:`round_opened`), the event, the accord it
    put to the test, the standing pressures and the proposal they tabled, each with what it did
    to the meters (the meters shown after a turn include them: a play-tester saw patience rise
    by 7 at each new round and was told nothing of it).
    """
    found: list[tuple[str, str]] = []
    if new_round and not scenario.rules.per_round.is_empty:
        found.append(
            ("Between rounds", _with_effect(scenario, f"{NEW_ROUND}.", scenario.rules.per_round))
        )
    for event_id in turn.events:
        event = next(e for e in scenario.events if e.id == event_id)
        effect = event_effect(event, turn)
        tested = [held for accord, held in turn.tests if event.test and accord == event.test.accord]
        if event.test is None or not tested:
            found.append(
                ("Between rounds", _with_effect(scenario, f"{event.title}. {event.text}", effect))
            )
            continue
        found.append(("Between rounds", f"{event.title}. {event.text}"))
        label = capitalise(scenario.accord_label(event.test.accord))
        did = effect_text(scenario, effect, none="")
        did = f"; {did}" if did else ""
        if tested[0]:
            text = f"{event.test.held} ({label} holds{did}.)"
        else:
            text = f"{event.test.broken} ({label} is broken: off the record{did}.)"
        found.append(("Put to the test", text))
    for drift_id in turn.drifts:
        drift = next(d for d in scenario.drifts if d.id == drift_id)
        found.append(
            ("Standing pressure", _with_effect(scenario, sentence(drift.text), drift.effect))
        )
    if turn.tabled:
        proposal = scenario.proposal(turn.tabled)
        words = proposal.say.tabled or proposal.say.counter
        said = f" \u201c{words}\u201d" if words else ""
        found.append(("They table a proposal", sentence(proposal.label) + said))
    return found


__all__ = [
    "MINUS",
    "NO_BREAK",
    "OUTSIDER_REPLIED",
    "REPLIED",
    "REPLY",
    "UNPRINTABLE",
    "Change",
    "StrategyName",
    "again_text",
    "answered_proposal",
    "between_rounds",
    "bonus_sentence",
    "capitalise",
    "changes",
    "effect_text",
    "essay_view",
    "event_effect",
    "group_of",
    "meters_line",
    "move_label",
    "need_sentence",
    "ordinal",
    "printable",
    "proposal_costs",
    "region_line",
    "remembered",
    "remembered_each",
    "reply_sentence",
    "round_opened",
    "round_when",
    "sentence",
    "signed",
]
