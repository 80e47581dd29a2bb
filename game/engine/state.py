"""The values a game is made of: moves, reactions, turns, the game state and its outcome.

All are frozen; the engine returns new values instead of changing old ones. The values every
turn builds (the state, its turns and reactions, their accords and pending proposals, the
result) are frozen to the type checker, which the test command runs over every module, and
unguarded at run time: attrs guards a frozen value by setting each field through
``object.__setattr__``, which made a sixth of a turn's cost (234,000 instructions a turn with
the guard, 193,000 without). ``tests/engine/test_frozen.py`` holds both halves: the type
checker refuses an assignment, and ``apply`` leaves the state it was given as it was.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from game.engine.scenario import Ending, Profile, Scenario, Terminal

_C = TypeVar("_C", bound=type)

if TYPE_CHECKING:
    # The type checker reads these values as attrs's frozen classes: an assignment to a field
    # anywhere in the project is an error of the test command's mypy run.
    from attrs import frozen as stepped
else:

    def stepped(cls: _C) -> _C:
        """A frozen value built on every turn: attrs's class with its equality and hash, left
        unguarded at run time (see the module's docstring)."""
        made: Callable[[_C], _C] = attrs.define(unsafe_hash=True)
        return made(cls)


ACCEPT: Final = "accept"
REJECT: Final = "reject"
AMEND: Final = "amend"
ANSWERS: Final = (ACCEPT, REJECT, AMEND)


class IllegalMoveError(ValueError):
    """A move that cannot be played now: unknown, unavailable, or after the summit ended."""

    def __init__(self, move: str, reason: str) -> None:
        super().__init__(f'"{move}": {reason}')
        self.move = move
        """The move as it was given."""
        self.reason = reason
        """Why it cannot be played."""


class GameOverError(IllegalMoveError):
    """A move was given after the summit ended."""


@attrs.frozen
class Move:
    """An offer (with an optional variant) or an answer to a pending counter-offer.

    >>> Move.parse("mutual_restraint:written")
    Move(offer='mutual_restraint', variant='written')
    >>> str(Move("accept"))
    'accept'
    """

    offer: str
    """Offer id, or ``"accept"``, ``"reject"`` or ``"amend"`` to answer a proposal of theirs."""
    variant: str | None = None
    """Variant id for offers that have variants; ``None`` picks the first."""
    text: str = attrs.field(init=False, eq=False, repr=False)
    """The move as scripts and transcripts write it, ``offer`` or ``offer:variant`` (worked
    out once: every turn's hash and transcript record writes it)."""

    def __attrs_post_init__(self) -> None:
        text = f"{self.offer}:{self.variant}" if self.variant else self.offer
        object.__setattr__(self, "text", text)

    @classmethod
    def parse(cls, text: str) -> Move:
        """Read ``offer`` or ``offer:variant`` (surrounding blanks ignored)."""
        offer, _, variant = text.strip().partition(":")
        return cls(offer.strip(), variant.strip() or None)

    @property
    def is_answer(self) -> bool:
        """True for ``accept``, ``reject`` and ``amend``."""
        return self.offer in ANSWERS

    def __str__(self) -> str:
        return self.text


class ChosenBy(enum.Enum):
    """Who decided the counterpart's reaction."""

    ENGINE = "engine"
    """The rules."""
    PLAYER = "player"
    """A second, human player at the same computer (hot-seat)."""


class PendingKind(enum.Enum):
    """How a proposal of theirs came to be on the table."""

    COUNTER = "counter"
    """They put it forward instead of accepting an offer."""
    PROPOSAL = "proposal"
    """They tabled it on their own at the start of a session."""


@stepped
class Pending:
    """A proposal of theirs awaiting the player's answer."""

    proposal: int
    """Index of the proposal in the scenario."""
    kind: PendingKind


class ReactionKind(enum.Enum):
    """How the counterpart answers a move."""

    ACCEPT = "accept"
    """They agree: an accord is made (or the joint statement is signed)."""
    COUNTER = "counter"
    """They answer with a proposal of their own, which the player must accept or reject."""
    DEFER = "defer"
    """Not now: they want to see more first."""
    REJECT = "reject"
    """They refuse."""
    WALKOUT = "walkout"
    """They leave the table: the summit is over."""
    NOTED = "noted"
    """They take note of the player's refusal of their proposal, or of a recess."""
    ENDED = "ended"
    """The player walked away; there is nothing left to answer."""


@stepped
class Reaction:
    """The counterpart's answer to one move, with its reasons."""

    kind: ReactionKind
    """What they did."""
    say: str
    """What they say across the table, in a sentence."""
    why: str
    """Why, naming the meters and thresholds that decided it."""
    counter: str | None = None
    """The proposal they put forward instead, when ``kind`` is COUNTER."""
    accord: str | None = None
    """The accord this move created, if any."""
    chosen_by: ChosenBy = ChosenBy.ENGINE
    """The rules, or a hot-seat player who chose the reaction."""
    focus: str | None = None
    """The interest their words reveal they want served first (a tell), if they revealed one."""
    asides: tuple[str, ...] = ()
    """How the neighbours took the move, e.g. ``"Tokyo objects (Tokyo 45 to 38)"``."""
    holding_out: bool = False
    """True when they had no objection to the offer but countered it to get more (a tell)."""
    refused_by: str = ""
    """Who refused or held up the offer in their place, when a need of someone else's (a
    neighbour, the Senate) decided it, named as the scenario names them; ``""`` when the answer
    was the counterpart's own."""


@stepped
class Accord:
    """An agreement reached during the summit."""

    id: str
    """The id of the offer that created it."""
    variant: str
    """The form it took (a variant id or a counter-offer's label), or ``""``."""
    turn: int
    """Number of the turn that reached it."""
    tacit: bool
    """True when it stands without a joint statement."""
    prior: bool = False
    """True for an accord carried over from an earlier summit (turn 0)."""
    hold: int = 100
    """Percent chance it survives a test between rounds."""
    broken: bool = False
    """True once a test has broken it: it is off the record and cannot be agreed again."""


@attrs.frozen
class Carry:
    """What a summit inherits from an earlier one: meters where it left off, and its accords."""

    source: str
    """Id of the earlier summit's scenario."""
    meters: tuple[tuple[str, int], ...]
    """(meter id, value) pairs that replace the starting values."""
    accords: tuple[str, ...]
    """Ids of the accords on the earlier summit's record."""
    verification: str = ""
    """The earlier game's verification code, linking the two transcripts."""

    def document(self) -> dict[str, Any]:
        """The start as a transcript's ``[start]`` table (and the JSON's ``start``)."""
        return {
            "from": self.source,
            "verification": self.verification,
            "meters": dict(self.meters),
            "accords": list(self.accords),
        }


@stepped
class Turn:
    """One decision of the player and everything it led to."""

    number: int
    """1-based position in the game."""
    round: int
    """Index of the round in which the move was made."""
    move: Move
    reaction: Reaction
    meters: tuple[int, ...]
    """Meter values after the move (and any event that followed it)."""
    stance: int
    """Index of the counterpart's stance after the move."""
    events: tuple[str, ...]
    """Ids of the events that happened after this move, between rounds."""
    hash: str
    """Hash of the whole game up to and including this turn."""
    drifts: tuple[str, ...] = ()
    """Ids of the standing pressures that applied at the start of the next round."""
    tests: tuple[tuple[str, bool], ...] = ()
    """(accord id, held) for each accord an event put to the test after this move."""
    tabled: str | None = None
    """The proposal they tabled at the start of the next round, if any."""


def last_named_focus(turns: Sequence[Turn]) -> str | None:
    """The interest the latest of these turns' replies named as the one they want first (None
    when no reply has named one)."""
    for turn in reversed(turns):
        if turn.reaction.focus is not None:
            return turn.reaction.focus
    return None


def first_open(scenario: Scenario, profile: Profile, points: Sequence[int]) -> int | None:
    """The interest on ``profile``'s agenda they want served next, given the ``points`` their
    accords have served so far (None: every one is met)."""
    interests = scenario.interests
    for index in profile.agenda:
        if points[index] < interests[index].met:
            return index
    return None


@stepped
class GameState:
    """Everything about a game in progress. Built by ``new_game``, advanced by ``apply``."""

    scenario: Scenario = attrs.field(eq=False, repr=False)
    """The scenario being played."""
    seed: int
    """The game's seed: with the scenario and the moves, it decides everything."""
    profile: int
    """Index of the counterpart's hidden profile."""
    hardness: int
    """The profile's threshold shift plus its seeded jitter."""
    rng: int
    """State of the game's random number generator."""
    meters: tuple[int, ...]
    """Meter values, in the scenario's order."""
    stance: int
    """Index of the counterpart's current stance."""
    round: int
    """Index of the current round."""
    turn_in_round: int
    """Offers already made in the current round."""
    accords: tuple[Accord, ...]
    """Accords reached, in order."""
    agreed: frozenset[str]
    """Ids of the accords reached, for quick look-ups."""
    attempts: tuple[int, ...]
    """Per offer, how many times it has been put on the table."""
    refusals: tuple[int, ...]
    """Per offer, how many times it was rejected, deferred or countered."""
    answered: frozenset[str]
    """Proposals of theirs already put on the table (each is put once)."""
    fired: frozenset[str]
    """Events that have already happened."""
    pending: Pending | None
    """Their proposal awaiting an answer, if any."""
    terminal: Terminal | None
    """How the summit ended, or None while it goes on."""
    turns: tuple[Turn, ...]
    """Every turn so far."""
    hash: str
    """Hash of the game so far: changes with every turn, moves and results alike."""
    carry: Carry | None = None
    """What this summit inherited from an earlier one, if anything."""
    points: tuple[int, ...] = ()
    """Per interest of theirs, the points the accords so far have served."""
    grudges: tuple[str, ...] = ()
    """What they remember against you, oldest first: each raises every threshold."""
    hotseat: bool = False
    """True when a second player chooses their reactions and tables their proposals."""
    rejected: frozenset[str] = frozenset()
    """Proposals of theirs the player rejected (a rejected proposal may harden them)."""
    tabled: int = 0
    """How many proposals they have tabled on their own (counter-offers not counted)."""

    @property
    def is_over(self) -> bool:
        """True once the summit has ended."""
        return self.terminal is not None

    def meter(self, meter_id: str) -> int:
        """The current value of a meter."""
        return self.meters[self.scenario.meter_index[meter_id]]

    def has_accord(self, accord_id: str) -> bool:
        """True when the accord has been reached."""
        return accord_id in self.agreed

    @property
    def focus(self) -> int | None:
        """Index of the interest they want served next (hidden: their words reveal it)."""
        return first_open(self.scenario, self.scenario.profiles[self.profile], self.points)

    @property
    def profile_info(self) -> Profile:
        """The counterpart's hidden profile (for the debrief: do not show it during play)."""
        return self.scenario.profiles[self.profile]


@attrs.frozen
class MoveOption:
    """A move the player could make now, or could not, with the reason."""

    move: Move
    label: str
    """Offer label, with the variant's label where there is one."""
    available: bool
    reason: str
    """Why it is unavailable (``""`` when available)."""


@stepped
class Result:
    """What ``apply`` returns: the new state and the counterpart's reaction."""

    state: GameState
    reaction: Reaction


@attrs.frozen
class Judgement:
    """The counterpart's verdict on an offer before it is applied (for hot-seat advice)."""

    kind: ReactionKind
    """What the rules decide."""
    why: str
    """The rules' explanation."""
    allowed: tuple[ReactionKind, ...]
    """Reactions a human playing the counterpart may choose instead."""
    proposals: tuple[str, ...] = ()
    """Proposals of theirs a human playing them may table instead (a counter-offer)."""


@attrs.frozen
class Score:
    """One scorecard's value in the debrief."""

    id: str
    label: str
    value: int
    """0 to 100."""


@attrs.frozen
class Outcome:
    """How the summit ended and what it achieved."""

    ending: Ending
    terminal: Terminal
    accords: tuple[Accord, ...]
    """Accords on the record: all of them with a joint statement, tacit ones otherwise."""
    scores: tuple[Score, ...]
    turns: int
    """Number of decisions the player made."""
