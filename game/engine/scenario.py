"""The validated, frozen model of a scenario: meters, stances, offers, events, endings.

These objects are built once by :mod:`game.engine.parse` from a TOML document and never change.
Meters are referred to by their index in :attr:`Scenario.meters` so the engine can keep meter
values in a plain tuple; everything a player reads carries its own label.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs


class Terminal(enum.Enum):
    """How a summit ended."""

    WALKOUT = "walkout"
    """The counterpart walked out."""
    WALKED_AWAY = "walked_away"
    """The player walked away from the table."""
    STATEMENT = "statement"
    """The summit closed with a joint statement."""
    NO_STATEMENT = "no_statement"
    """The schedule ran out without a joint statement."""


class Direction(enum.Enum):
    """Which way a meter is better for the player."""

    HIGH = "high"
    """A higher value is better (trust, patience, leverage)."""
    LOW = "low"
    """A lower value is better (domestic pressure, risk exposure)."""


class MeterRole(enum.Enum):
    """What a meter means to every front end, so no code names a scenario's meter ids."""

    TRUST = "trust"
    """The one number the player's eye returns to: shown front and centre, charted, scored."""


class OfferKind(enum.Enum):
    """What an offer does besides being judged."""

    OFFER = "offer"
    """An ordinary proposal: judged by the counterpart, creates its accord when accepted."""
    STATEMENT = "statement"
    """A closing joint statement: when accepted, the summit ends and records the accords."""
    WALK_AWAY = "walk_away"
    """The player leaves the table: not judged, ends the summit at once."""
    RECESS = "recess"
    """A pause in the talks (e.g. to consult Washington): not judged, creates no accord, can be
    taken again, and uses up a turn."""


@attrs.frozen
class Meter:
    """A bounded integer the engine tracks (trust, patience, leverage...)."""

    id: str
    """Identifier used in scenario files, scripts and transcripts."""
    label: str
    """Name shown to the player, e.g. ``"Trust"``."""
    description: str
    """One or two sentences on what the meter means, for help screens and hints."""
    minimum: int
    """Lowest value; changes are clamped to it."""
    maximum: int
    """Highest value; changes are clamped to it."""
    start: int
    """Value at the start of a game (before the counterpart profile adjusts it)."""
    good: Direction
    """Which way is better for the player."""
    role: MeterRole | None = None
    """What the meter stands for to the front ends (at most one meter per role)."""


@attrs.frozen
class Bound:
    """A meter kept within an inclusive range: part of a :class:`Condition`."""

    meter: int
    """Index of the meter."""
    low: int | None = None
    """The meter must be at least this (``None``: no lower bound)."""
    high: int | None = None
    """The meter must be at most this (``None``: no upper bound)."""


@attrs.frozen
class Condition:
    """A test on the game: every part given must hold. An empty condition always holds."""

    meters: tuple[Bound, ...] = ()
    """Meter bounds, all of which must hold."""
    accords: tuple[str, ...] = ()
    """Accords that must all have been reached."""
    no_accords: tuple[str, ...] = ()
    """Accords that must not have been reached."""
    stance_at_least: int | None = None
    """The counterpart's stance must be at least this index."""
    stance_at_most: int | None = None
    """The counterpart's stance must be at most this index."""
    round_at_least: int | None = None
    """The schedule must have reached this round index."""
    any: tuple[Condition, ...] = ()
    """When not empty, at least one of these must hold as well."""
    reason: str = ""
    """Player-facing words on why the condition matters (prefixed to the generated detail)."""

    @property
    def is_empty(self) -> bool:
        """True when the condition tests nothing and so always holds."""
        return not (
            self.meters
            or self.accords
            or self.no_accords
            or self.any
            or self.stance_at_least is not None
            or self.stance_at_most is not None
            or self.round_at_least is not None
        )


@attrs.frozen
class Effect:
    """Changes applied together: meter deltas and a step of the counterpart's stance."""

    meters: tuple[tuple[int, int], ...] = ()
    """Pairs of (meter index, delta)."""
    stance_step: int = 0
    """Steps up (positive) or down (negative) the ordered list of stances."""

    @property
    def is_empty(self) -> bool:
        """True when applying the effect changes nothing."""
        return not self.meters and not self.stance_step


NO_EFFECT = Effect()


@attrs.frozen
class Need:
    """What the counterpart needs to see on one meter before it accepts an offer."""

    meter: int
    """Index of the meter."""
    at_least: int | None
    """The meter must reach this (before the counterpart's mood and noise shift it)."""
    at_most: int | None
    """The meter must not exceed this (shifted the other way)."""
    context: str
    """Completes "they need ... ": e.g. ``"before closing Yongbyon"``."""
    why: str
    """Their reason in a few words, e.g. ``"they remember what happened to Libya"``."""
    fixed: bool = False
    """True when neither mood, profile nor chance moves this threshold."""


@attrs.frozen
class Sayings:
    """What the counterpart says, one line per reaction; empty strings fall back to defaults."""

    accept: str = ""
    counter: str = ""
    defer: str = ""
    reject: str = ""
    walkout: str = ""
    noted: str = ""
    ended: str = ""

    def line(self, kind: str) -> str:
        """The line for a reaction kind (``""`` when none is given)."""
        value: str = getattr(self, kind, "")
        return value


@attrs.frozen
class Variant:
    """A form an offer can take, e.g. a written or an unwritten understanding."""

    id: str
    """Identifier, used after a colon in moves: ``mutual_restraint:written``."""
    label: str
    """Name shown to the player."""
    summary: str
    """What this variant means in practice, and what it costs."""
    shift: int
    """Added to every threshold the counterpart applies to this variant."""
    on_offer: Effect
    """Added to the offer's own cost of proposing it."""
    on_accept: Effect
    """Added to the offer's own effect when accepted."""
    tacit: bool
    """An accord in this form stands even without a joint statement (not after a walkout)."""


@attrs.frozen
class Offer:
    """A move the player can put on the table."""

    id: str
    """Identifier used by scripts, screens and transcripts; also the id of its accord."""
    label: str
    """Short name for the offer card."""
    summary: str
    """What the offer proposes, in a sentence or two."""
    essay: str
    """What the essay says of this move, in our own words."""
    accord: str
    """Name of the accord this offer creates when accepted."""
    kind: OfferKind
    """Ordinary offer, closing statement or walking away."""
    requires: Condition
    """When the offer can be made at all; otherwise the card is locked with the reason."""
    needs: tuple[Need, ...]
    """What the counterpart needs to see before it accepts."""
    variants: tuple[Variant, ...]
    """The forms the offer can take (empty: only one form)."""
    on_offer: Effect
    """Cost of putting the offer on the table, whatever the reply."""
    on_accept: Effect
    """Effect when accepted."""
    on_defer: Effect
    """Effect when deferred."""
    on_reject: Effect
    """Effect when rejected."""
    counter: str | None
    """Counter-offer they make instead of rejecting outright, if any."""
    say: Sayings
    """The counterpart's lines."""

    def variant(self, variant_id: str | None) -> Variant | None:
        """Return the named variant, the first when ``variant_id`` is None, or None if absent."""
        if not self.variants:
            return None
        if variant_id is None:
            return self.variants[0]
        for variant in self.variants:
            if variant.id == variant_id:
                return variant
        return None


@attrs.frozen
class CounterOffer:
    """The counterpart's own proposal, which the player answers with accept or reject."""

    id: str
    """Identifier."""
    label: str
    """Short name."""
    summary: str
    """What they ask for and what it would cost."""
    accord: str
    """Id of the offer whose accord accepting this creates."""
    variant: str
    """Label recorded with the accord, e.g. ``"most sanctions lifted"``."""
    on_accept: Effect
    """Effect when the player accepts."""
    on_reject: Effect
    """Effect when the player rejects."""
    accept_why: str
    """Explanation when the player accepts."""
    reject_why: str
    """Explanation when the player rejects."""
    say: Sayings
    """Their lines after the player's answer (``accept`` and ``noted``)."""


@attrs.frozen
class Stance:
    """A state of the counterpart's machine, from hostile to cooperative."""

    id: str
    label: str
    description: str
    shift: int
    """Added to every threshold they apply while in this stance (mood)."""


@attrs.frozen
class Transition:
    """A move of the counterpart from one stance to another when a condition holds."""

    source: int
    target: int
    when: Condition


@attrs.frozen
class Round:
    """A session of the summit's schedule."""

    id: str
    label: str
    time: str
    """When it takes place, e.g. ``"27 February, evening"``."""
    turns: int
    """How many offers the player can make in this round."""
    description: str


@attrs.frozen
class Event:
    """Something that happens between rounds, drawn by the seed."""

    id: str
    title: str
    text: str
    weight: int
    """Relative chance among the events eligible at that moment."""
    when: Condition
    """When the event can happen."""
    effect: Effect
    once: bool
    """True when the event can happen at most once per game."""


@attrs.frozen
class Profile:
    """A hidden character of the counterpart delegation, drawn from the seed."""

    id: str
    label: str
    description: str
    weight: int
    """Relative chance of being drawn."""
    shift: int
    """Added to every threshold: positive is harder to please."""
    start: Effect
    """Applied to the starting meters."""
    red_lines: tuple[str, ...]
    """Offers that offend this delegation: rejected at a heavy cost, or a walkout."""
    counter_first: tuple[str, ...]
    """Offers they answer with their counter-offer even when they would accept."""


@attrs.frozen
class Ending:
    """A named outcome of the summit, with its scene text."""

    id: str
    title: str
    text: str
    history: str
    """How this ending compares with what happened in history and what the essay advised."""
    terminals: tuple[Terminal, ...]
    """The ways the summit must have ended."""
    accords: tuple[str, ...]
    """Accords that must all be on the record."""


@attrs.frozen
class Scorecard:
    """A 0-100 score in the debrief, computed from recorded accords and final meters."""

    id: str
    label: str
    description: str
    base: int
    accords: tuple[tuple[str, int], ...]
    """Points for each recorded accord."""
    meters: tuple[tuple[int, int], ...]
    """(meter index, percent of the final value added)."""


@attrs.frozen
class Rules:
    """Scenario-wide mechanics."""

    noise: int
    """Each judgement shifts the counterpart's thresholds by a draw in [-noise, +noise]."""
    defer_margin: int
    """Falling short by at most this much gets a deferral rather than a refusal."""
    event_chance: int
    """Percent chance of an event between two rounds."""
    profile_jitter: int
    """The drawn profile's shift varies by a draw in [-jitter, +jitter]."""
    per_turn: Effect
    """Applied after every offer (the clock running)."""
    per_round: Effect
    """Applied at the start of every new round."""
    per_accept: Effect
    """Applied whenever an offer is accepted (progress restores goodwill)."""
    repeat: Effect
    """Applied once for every earlier time the same offer was refused or deferred."""
    red_line: Effect
    """Applied when an offer crosses the counterpart's red line."""
    walkout_when: Condition
    """When this holds after a move they did not accept, the counterpart walks out."""
    walkout_why: str
    """Their reason for walking out, in a few words."""
    say: Sayings
    """Default lines for each reaction."""


@attrs.frozen
class CarrySpec:
    """What a scenario takes over from a finished game of an earlier one."""

    sources: tuple[str, ...]
    """Ids of the scenarios whose games can start this one."""
    meters: tuple[str, ...]
    """Meter ids whose final values replace this scenario's starting values."""
    accords: bool
    """True when the accords on the earlier record carry over as already agreed."""


@attrs.frozen
class Source:
    """The published essay the scenario is built on."""

    author: str
    title: str
    publication: str
    year: int


@attrs.frozen
class Line:
    """A named sequence of moves from history or the essay, for strategies and the debrief."""

    id: str
    label: str
    description: str
    moves: tuple[str, ...]


@attrs.frozen
class Scenario:
    """A whole summit: everything the engine knows, validated and frozen."""

    id: str
    code: str
    """Four capital letters that start this scenario's class codes, e.g. ``"HNOI"``."""
    title: str
    subtitle: str
    source: Source
    briefing: tuple[str, ...]
    """Paragraphs of the situation, in our own words."""
    goals: tuple[str, ...]
    """The player's goals, one per paragraph."""
    meters: tuple[Meter, ...]
    stances: tuple[Stance, ...]
    """Ordered from the most hostile to the most cooperative."""
    start_stance: int
    transitions: tuple[Transition, ...]
    rounds: tuple[Round, ...]
    offers: tuple[Offer, ...]
    counters: tuple[CounterOffer, ...]
    events: tuple[Event, ...]
    profiles: tuple[Profile, ...]
    endings: tuple[Ending, ...]
    """In priority order: the first that matches is the outcome."""
    scorecards: tuple[Scorecard, ...]
    lines: tuple[Line, ...]
    rules: Rules
    carry: CarrySpec | None
    """How a game of this scenario can start from an earlier summit (None: it cannot)."""
    sha256: str
    """Digest of the scenario's source, recorded in transcripts."""
    meter_index: Mapping[str, int] = attrs.field(eq=False, repr=False)
    offer_index: Mapping[str, int] = attrs.field(eq=False, repr=False)
    counter_index: Mapping[str, int] = attrs.field(eq=False, repr=False)
    transitions_from: tuple[tuple[Transition, ...], ...] = attrs.field(eq=False, repr=False)
    """For each stance, the transitions that leave it, in file order."""

    def role_index(self, role: MeterRole) -> int | None:
        """Index of the meter that plays ``role``, or None when no meter does."""
        for index, meter in enumerate(self.meters):
            if meter.role is role:
                return index
        return None

    def meter(self, meter_id: str) -> Meter:
        """The meter with this id (KeyError if absent)."""
        return self.meters[self.meter_index[meter_id]]

    def offer(self, offer_id: str) -> Offer:
        """The offer with this id (KeyError if absent)."""
        return self.offers[self.offer_index[offer_id]]

    def counter(self, counter_id: str) -> CounterOffer:
        """The counter-offer with this id (KeyError if absent)."""
        return self.counters[self.counter_index[counter_id]]

    def ending(self, ending_id: str) -> Ending:
        """The ending with this id (KeyError if absent)."""
        for ending in self.endings:
            if ending.id == ending_id:
                return ending
        raise KeyError(ending_id)

    def line(self, line_id: str) -> Line:
        """The named line of play (KeyError if absent)."""
        for line in self.lines:
            if line.id == line_id:
                return line
        raise KeyError(line_id)

    def accord_label(self, accord_id: str) -> str:
        """The player-facing name of an accord."""
        index = self.offer_index.get(accord_id)
        return self.offers[index].accord if index is not None else accord_id
