"""The validated, frozen model of a scenario: meters, stances, offers, events, endings.

These objects are built once by :mod:`game.engine.parse` from a TOML document and never change.
Meters are referred to by their index in :attr:`Scenario.meters` so the engine can keep meter
values in a plain tuple; everything a player reads carries its own label.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import attrs

from game.engine.effects import NO_EFFECT, Bound, Condition, Effect
from game.engine.endings import PICTURES, Ending, Terminal
from game.engine.offers import (
    Need,
    Offer,
    OfferKind,
    Proposal,
    Quirk,
    Sayings,
    Variant,
)
from game.engine.sides import (
    FLAGS,
    NEUTRAL_COUNTERPART,
    NEUTRAL_PLAYER,
    Seat,
    Side,
    Sides,
    TeamRole,
)


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


class MeterGroup(enum.Enum):
    """Where a meter belongs on the screen and in reports."""

    TALKS = "talks"
    """A meter of the negotiation itself: trust, patience, leverage, pressure at home, risk."""
    REGION = "region"
    """A neighbour's support for the talks (an ally or a great power), shown apart."""


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
    group: MeterGroup = MeterGroup.TALKS
    """Whether it measures the talks or a neighbour's support for them."""
    bands: tuple[Band, ...] = ()
    """Words for ranges of the value, lowest first (e.g. opposed, wary, supportive)."""
    rise: str = ""
    """What is said when a move raises it, e.g. ``"Seoul welcomes the step"``."""
    fall: str = ""
    """What is said when a move lowers it, e.g. ``"Tokyo objects"``."""

    def band(self, value: int) -> str:
        """The word for ``value`` (``""`` when the meter has no bands)."""
        for band in self.bands:
            if band.high is None or value <= band.high:
                return band.label
        return ""


@attrs.frozen
class Band:
    """A word for a meter's values up to ``high`` (the last band has no upper end)."""

    high: int | None
    label: str


@attrs.frozen
class Interest:
    """Something the counterpart wants from the talks: sanctions relief, security, status..."""

    id: str
    label: str
    """Name in the middle of a sentence, e.g. ``"sanctions relief"``."""
    description: str
    voice: str
    """What their delegates say when they press for it: the tell a careful player reads."""
    met: int
    """Points of accords serving it that settle it, so that they move on to the next."""


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
class Test:
    """An event's test of an accord: whether it survives depends on the form it took."""

    accord: str
    """Id of the accord tested; without it on the record, the event's ``effect`` applies."""
    on_hold: Effect
    """Effect when the accord holds."""
    on_break: Effect
    """Effect when it breaks: it drops off the record."""
    held: str
    """What the log says when it holds."""
    broken: str
    """What the log says when it breaks."""


@attrs.frozen
class Drift:
    """A standing pressure: applied at the start of every round while its condition holds."""

    id: str
    text: str
    """What the log says, e.g. ``"Beijing lets border checks slacken"``."""
    when: Condition
    effect: Effect


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
    test: Test | None = None
    """The accord the event puts to the test, if any."""


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
    """Moves (``offer`` or ``offer:variant``) that offend them: refused at a heavy cost, or a
    walkout."""
    counter_first: tuple[str, ...]
    """Offers they answer with their counter-offer even when they would accept."""
    agenda: tuple[int, ...] = ()
    """Interest indexes in the order they want them served."""
    proposals: tuple[int, ...] = ()
    """Indexes of the proposals they table on their own, in order."""
    quirks: tuple[Quirk, ...] = ()
    say: Sayings = attrs.field(factory=Sayings)
    """Their own lines, used where an offer has none."""
    opening: str = ""
    """What their head of delegation says as the talks open: the first tell."""
    red_line_walkout: Condition | None = None
    """When they walk out over a red line instead of refusing (None: the scenario's rule)."""
    _quirks_by_move: dict[tuple[str, str | None], Quirk | None] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )
    """:meth:`quirk`'s answers so far: the engine asks on every judged move."""

    def quirk(self, target: str, variant: str | None) -> Quirk | None:
        """Their quirk for this offer or proposal in this form, if any."""
        key = (target, variant)
        try:
            return self._quirks_by_move[key]
        except KeyError:
            pass
        found = next(
            (
                quirk
                for quirk in self.quirks
                if quirk.target == target and (not quirk.variant or quirk.variant == variant)
            ),
            None,
        )
        self._quirks_by_move[key] = found
        return found


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
    focus_shift: int = 0
    """Added to their thresholds for an offer that serves the interest they want served first."""
    early_shift: int = 0
    """Added for an offer that serves only interests they want served later."""
    focus_bonus: Effect = NO_EFFECT
    """Applied when an accord serves the interest they wanted served first."""
    early_cost: Effect = NO_EFFECT
    """Applied when they refuse an offer that served only interests they want served later:
    they feel unheard (with ``grudge``, they remember it)."""
    grudge_shift: int = 0
    """Added to every threshold for each thing they remember against you."""
    red_line_walkout: Condition | None = None
    """When this holds, crossing a red line makes them walk out instead of refusing (None:
    they never walk out over one, they refuse)."""
    amend_shift: int = 0
    """Added to their thresholds when the player answers their proposal with an amendment."""
    tabled_limit: int = 0
    """How many proposals they table on their own in one game (0: no limit); counter-offers
    do not count."""


@attrs.frozen
class CarrySpec:
    """What a scenario takes over from a finished game of an earlier one."""

    sources: tuple[str, ...]
    """Ids of the scenarios whose games can start this one."""
    meters: tuple[str, ...]
    """Meter ids whose final values replace this scenario's starting values."""
    accords: bool
    """True when the accords on the earlier record carry over as already agreed."""
    settle_stance: bool = False
    """True when the counterpart's stance at the start follows the carried meters: the
    transitions are taken, one after another, until none holds."""


@attrs.frozen
class Source:
    """The published essay the scenario is built on."""

    author: str
    title: str
    publication: str
    year: int
    kind: str = "essay"
    """What the game's sentences call it: "the essay" by default, "the book", "the report"."""


@attrs.frozen
class Line:
    """A named sequence of moves from history or the essay, for strategies and the debrief."""

    id: str
    label: str
    description: str
    moves: tuple[str, ...]


@attrs.frozen
class Example:
    """A known game that reaches an ending the built-in strategies seldom reach (for screenshots,
    tests and the debrief): replaying ``moves`` on ``seed`` ends there."""

    ending: str
    seed: int
    moves: tuple[str, ...]


@attrs.frozen
class Scenario:
    """A whole summit: everything the engine knows, validated and frozen."""

    id: str
    """Identifier transcripts and saves record, to find the scenario again."""
    code: str
    """Four capital letters that start this scenario's class codes, e.g. ``"HNOI"``."""
    title: str
    """The summit by place and date, e.g. ``"Hanoi, February 2019"``."""
    subtitle: str
    """What the summit was, in a line under the title."""
    source: Source
    """The published essay (or book, or report) the scenario is built on: the debrief cites it,
    and the offers' essay views are its."""
    briefing: tuple[str, ...]
    """Paragraphs of the situation, in our own words."""
    goals: tuple[str, ...]
    """The player's goals, one per paragraph."""
    meters: tuple[Meter, ...]
    """Every bounded number the engine tracks; front ends find one by its role (a MeterRole), never
    by its id."""
    stances: tuple[Stance, ...]
    """Ordered from the most hostile to the most cooperative."""
    start_stance: int
    """Index into ``stances`` of the stance the counterpart starts in."""
    transitions: tuple[Transition, ...]
    """How the counterpart moves from one stance to another, each when its condition holds."""
    rounds: tuple[Round, ...]
    """The summit's schedule, session by session."""
    offers: tuple[Offer, ...]
    """The moves the player can put on the table."""
    proposals: tuple[Proposal, ...]
    """The counterpart's own proposals: tabled at the start of a session, or put forward instead
    of accepting an offer."""
    events: tuple[Event, ...]
    """What may happen between rounds, drawn by the seed."""
    profiles: tuple[Profile, ...]
    """The hidden characters the counterpart delegation may have; the seed draws one."""
    endings: tuple[Ending, ...]
    """In priority order: the first that matches is the outcome."""
    scorecards: tuple[Scorecard, ...]
    """The 0-100 scores of the debrief."""
    lines: tuple[Line, ...]
    """Named sequences of moves from history and the essay, for the strategies and the debrief."""
    rules: Rules
    """Scenario-wide mechanics."""
    interests: tuple[Interest, ...]
    """What the counterpart wants from the talks: sanctions relief, security, status..."""
    drifts: tuple[Drift, ...]
    """Standing pressures, applied at the start of every round while their condition holds."""
    examples: tuple[Example, ...]
    """Known games that reach endings the built-in strategies seldom reach (for screenshots)."""
    carry: CarrySpec | None
    """How a game of this scenario can start from an earlier summit (None: it cannot)."""
    sides: Sides
    """What the front ends call the two sides, and which flags they show."""
    roles: tuple[TeamRole, ...]
    """The roles of team play, the player's side first (none: teams name only their players)."""
    sha256: str
    """Digest of the scenario's source, recorded in transcripts."""
    meter_index: Mapping[str, int] = attrs.field(eq=False, repr=False)
    offer_index: Mapping[str, int] = attrs.field(eq=False, repr=False)
    proposal_index: Mapping[str, int] = attrs.field(eq=False, repr=False)
    transitions_from: tuple[tuple[Transition, ...], ...] = attrs.field(eq=False, repr=False)
    """For each stance, the transitions that leave it, in file order."""
    meter_ids: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    """The meters' ids in order (worked out once: every turn of a transcript names them)."""
    region_meters: tuple[tuple[int, Meter], ...] = attrs.field(init=False, eq=False, repr=False)
    """The neighbours' meters with their indexes (worked out once: every move asks how the
    neighbours took it)."""
    live_events: tuple[Event, ...] = attrs.field(init=False, eq=False, repr=False)
    """The events that can be drawn at all (weight above zero), in file order."""
    memo: dict[str, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)
    """What the engine works out from this scenario once and keeps with it (the moves of its
    offers): values that depend on the scenario alone, never on a game."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "meter_ids", tuple(meter.id for meter in self.meters))
        region = tuple(
            (index, meter)
            for index, meter in enumerate(self.meters)
            if meter.group is MeterGroup.REGION
        )
        object.__setattr__(self, "region_meters", region)
        object.__setattr__(self, "live_events", tuple(e for e in self.events if e.weight > 0))

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

    def proposal(self, proposal_id: str) -> Proposal:
        """The proposal of theirs with this id (KeyError if absent)."""
        return self.proposals[self.proposal_index[proposal_id]]

    @property
    def main_proposal(self) -> Proposal | None:
        """The proposal the summit turns on, if the scenario names one."""
        return next((p for p in self.proposals if p.main), None)

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

    def team_role(self, role_id: str) -> TeamRole | None:
        """The role of team play with this id, or None when the scenario has none such."""
        return next((role for role in self.roles if role.id == role_id), None)

    def roles_of(self, seat: Seat) -> tuple[TeamRole, ...]:
        """The roles of one side's team, in the order of the scenario."""
        return tuple(role for role in self.roles if role.seat is seat)

    def accord_label(self, accord_id: str) -> str:
        """The player-facing name of an accord."""
        index = self.offer_index.get(accord_id)
        return self.offers[index].accord if index is not None else accord_id


__all__ = [
    "FLAGS",
    "NEUTRAL_COUNTERPART",
    "NEUTRAL_PLAYER",
    "NO_EFFECT",
    "PICTURES",
    "Band",
    "Bound",
    "CarrySpec",
    "Condition",
    "Direction",
    "Drift",
    "Effect",
    "Ending",
    "Event",
    "Example",
    "Interest",
    "Line",
    "Meter",
    "MeterGroup",
    "MeterRole",
    "Need",
    "Offer",
    "OfferKind",
    "Profile",
    "Proposal",
    "Quirk",
    "Round",
    "Rules",
    "Sayings",
    "Scenario",
    "Scorecard",
    "Seat",
    "Side",
    "Sides",
    "Source",
    "Stance",
    "TeamRole",
    "Terminal",
    "Test",
    "Transition",
    "Variant",
]
