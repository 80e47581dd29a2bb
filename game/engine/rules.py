"""The start and the end of a game: a new game (its hidden profile drawn from the seed), a game
carried on from an earlier summit, and the outcome (recorded accords, ending and scores). The
moves are listed in :mod:`game.engine.moves` and applied in :mod:`game.engine.turns`.

Pure functions over frozen state. Everything the counterpart does is decided by the scenario's
data, the hidden profile drawn from the seed (its agenda of interests, its quirks and its own
proposals), what it remembers of the game so far, and the random number generator carried in
the state, so the same scenario, seed and moves always give the same game.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import attrs

from game.engine.conditions import _holds
from game.engine.draft import _apply_meters
from game.engine.moves import can_offer
from game.engine.rng import draw, pick_weighted, seed_state
from game.engine.scenario import (
    OfferKind,
    Profile,
    Scenario,
    Terminal,
)
from game.engine.state import (
    Accord,
    Carry,
    GameState,
    Outcome,
    Score,
)

__all__ = [
    "CarryError",
    "carry_from",
    "initial_hash",
    "new_game",
    "opening_against",
    "opening_tell",
    "outcome",
    "recorded_accords",
    "scores",
]


def initial_hash(
    scenario: Scenario, seed: int, carry: Carry | None = None, hotseat: bool = False
) -> str:
    """The hash a game starts from: the scenario's digest, the seed, any carried state and
    whether a second player sits on their side."""
    inherited = ""
    if carry is not None:
        inherited = f"|{carry.source}|{carry.meters}|{carry.accords}|{carry.verification}"
    seats = "|hotseat" if hotseat else ""
    return hashlib.sha256(f"{scenario.sha256}|{seed}{inherited}{seats}".encode()).hexdigest()


class CarryError(ValueError):
    """A carry-over that does not fit the scenario it should start."""


def carry_from(previous: GameState, scenario: Scenario, verification: str = "") -> Carry:
    """What ``scenario`` inherits from a finished game of an earlier summit.

    Raises :class:`CarryError` when the game is unfinished or the scenario does not follow it.
    """
    spec = scenario.carry
    if spec is None:
        raise CarryError(f'scenario "{scenario.id}" does not continue an earlier summit')
    if previous.scenario.id not in spec.sources:
        allowed = ", ".join(spec.sources)
        raise CarryError(
            f'scenario "{scenario.id}" continues {allowed}, not "{previous.scenario.id}"'
        )
    result = outcome(previous)
    if result is None:
        raise CarryError("the earlier summit is not over yet")
    meters = tuple(
        (meter_id, previous.meter(meter_id))
        for meter_id in spec.meters
        if meter_id in previous.scenario.meter_index
    )
    accords: tuple[str, ...] = ()
    if spec.accords:
        accords = tuple(
            accord.id
            for accord in result.accords
            if accord.id in scenario.offer_index
            and scenario.offer(accord.id).kind is OfferKind.OFFER
        )
    return Carry(previous.scenario.id, meters, accords, verification)


def _settled(scenario: Scenario, stance: int, meters: Sequence[int], agreed: frozenset[str]) -> int:
    """The stance the meters hold at the start: transitions taken one after another until none
    holds (at most one pass per stance, so that transitions written in a circle end)."""
    for _ in scenario.stances:
        taken = next(
            (
                t
                for t in scenario.transitions_from[stance]
                if _holds(t.when, meters, stance, 0, agreed)
            ),
            None,
        )
        if taken is None:
            break
        stance = taken.target
    return stance


def _opening(
    scenario: Scenario, profile: Profile, start: tuple[int, ...]
) -> tuple[tuple[int, ...], int]:
    """The meters and stance a game against ``profile`` opens with, from ``start`` meters."""
    meters = _apply_meters(scenario, start, profile.start, 1)
    stance = min(
        max(scenario.start_stance + profile.start.stance_step, 0), len(scenario.stances) - 1
    )
    return meters, stance


def opening_against(scenario: Scenario, profile: int) -> GameState:
    """The position a fresh game opens in when ``profile`` is the one drawn (its draws of
    chance are seed 0's): what the checker asks whether the player can move from."""
    state = new_game(scenario, 0)
    start = tuple(meter.start for meter in scenario.meters)
    meters, stance = _opening(scenario, scenario.profiles[profile], start)
    hardness = scenario.profiles[profile].shift
    return attrs.evolve(state, profile=profile, hardness=hardness, meters=meters, stance=stance)


def new_game(
    scenario: Scenario, seed: int, carry: Carry | None = None, *, hotseat: bool = False
) -> GameState:
    """Start a summit: draw the counterpart's hidden profile from the seed and set the meters.

    ``carry`` starts it where an earlier summit left off (see :func:`carry_from`); ``hotseat``
    seats a second player on their side, who chooses their reactions and tables their
    proposals.

    >>> from game.store.scenarios import load_scenario
    >>> state = new_game(load_scenario("hanoi"), seed=1)
    >>> state.round, state.is_over
    (0, False)
    """
    rng = seed_state(scenario.id, seed)
    profile_index, rng = pick_weighted(rng, tuple(p.weight for p in scenario.profiles))
    profile = scenario.profiles[profile_index]
    jitter, rng = draw(rng, -scenario.rules.profile_jitter, scenario.rules.profile_jitter)
    start = [m.start for m in scenario.meters]
    accords: tuple[Accord, ...] = ()
    points = [0] * len(scenario.interests)
    if carry is not None:
        for meter_id, value in carry.meters:
            index = scenario.meter_index.get(meter_id)
            if index is None:
                raise CarryError(f'scenario "{scenario.id}" has no meter "{meter_id}" to carry')
            meter = scenario.meters[index]
            start[index] = min(max(value, meter.minimum), meter.maximum)
        for accord_id in carry.accords:
            if accord_id not in scenario.offer_index:
                raise CarryError(f'scenario "{scenario.id}" has no accord "{accord_id}" to carry')
            for interest, served in scenario.offer(accord_id).serves:
                points[interest] += served
        accords = tuple(
            Accord(a, "", 0, True, prior=True, hold=scenario.offer(a).hold) for a in carry.accords
        )
    meters, stance = _opening(scenario, profile, tuple(start))
    if carry is not None and scenario.carry is not None and scenario.carry.settle_stance:
        agreed = frozenset(accord.id for accord in accords)
        stance = _settled(scenario, stance, meters, agreed)
    count = len(scenario.offers)
    state = GameState(
        scenario=scenario,
        seed=seed,
        profile=profile_index,
        hardness=profile.shift + jitter,
        rng=rng,
        meters=meters,
        stance=stance,
        round=0,
        turn_in_round=0,
        accords=accords,
        agreed=frozenset(a.id for a in accords),
        attempts=(0,) * count,
        refusals=(0,) * count,
        answered=frozenset(),
        fired=frozenset(),
        pending=None,
        terminal=None,
        turns=(),
        hash=initial_hash(scenario, seed, carry, hotseat),
        carry=carry,
        points=tuple(points),
        grudges=(),
        hotseat=hotseat,
    )
    if carry is not None and not can_offer(state):
        # The checker makes sure a fresh game opens with a move; what is carried can still
        # close every offer (each agreed before, or its condition unmet by the carried meters).
        raise CarryError(
            f'scenario "{scenario.id}" leaves no offer open at the start with what it carries'
        )
    return state


def opening_tell(state: GameState) -> str | None:
    """The interest their head of delegation's opening words name (None when the profile has
    no opening line): the first tell of the game, shown to the player before any move."""
    profile = state.scenario.profiles[state.profile]
    if not profile.opening or not profile.agenda:
        return None
    return state.scenario.interests[profile.agenda[0]].id


# --- the end ----------------------------------------------------------------------------


def recorded_accords(state: GameState) -> tuple[Accord, ...]:
    """The accords that stand: those of an earlier summit, then this summit's — all of them
    with a joint statement, none after a walkout, only tacit ones otherwise; never one a test
    has broken."""
    standing = tuple(accord for accord in state.accords if not accord.broken)
    if state.terminal is Terminal.STATEMENT:
        return standing
    if state.terminal is Terminal.WALKOUT:
        return tuple(accord for accord in standing if accord.prior)
    return tuple(accord for accord in standing if accord.tacit)


def scores(state: GameState, accords: Sequence[Accord] | None = None) -> tuple[Score, ...]:
    """The scenario's scorecards for the recorded accords and the current meters."""
    recorded = {a.id for a in (recorded_accords(state) if accords is None else accords)}
    result = []
    for card in state.scenario.scorecards:
        value = card.base
        value += sum(points for accord, points in card.accords if accord in recorded)
        value += sum(state.meters[index] * percent // 100 for index, percent in card.meters)
        result.append(Score(card.id, card.label, min(max(value, 0), 100)))
    return tuple(result)


def outcome(state: GameState) -> Outcome | None:
    """The ending, recorded accords and scores once the summit is over; None before."""
    if state.terminal is None:
        return None
    accords = recorded_accords(state)
    # Endings describe what this summit achieved (``accords``), or what it kept of what an
    # earlier one did (``prior``); otherwise carried accords count only in the scores.
    ids = {accord.id for accord in accords if not accord.prior}
    kept = {accord.id for accord in accords if accord.prior}
    for ending in state.scenario.endings:
        if (
            state.terminal in ending.terminals
            and all(a in ids for a in ending.accords)
            and all(a in kept for a in ending.prior)
        ):
            return Outcome(
                ending, state.terminal, accords, scores(state, accords), len(state.turns)
            )
    raise AssertionError("the scenario loader guarantees a catch-all ending per terminal")
