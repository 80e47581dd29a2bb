"""Conditions and effects: the two building blocks every part of a scenario is made of.

Meters are referred to by their index in the scenario, so the engine keeps meter values in a
plain tuple.
"""

from __future__ import annotations

import sys
from typing import Final

import attrs

_UNBOUNDED: Final = sys.maxsize
"""Stands for a missing meter bound: no meter value reaches it."""


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
    round_at_most: int | None = None
    """The schedule must not have gone past this round index."""
    any: tuple[Condition, ...] = ()
    """When not empty, at least one of these must hold as well."""
    reason: str = ""
    """Player-facing words on why the condition matters (prefixed to the generated detail)."""
    is_empty: bool = attrs.field(init=False, eq=False, repr=False)
    """True when the condition tests nothing and so always holds (worked out once: the engine
    asks for every event and transition of every round)."""
    ranges: tuple[tuple[int, int, int], ...] = attrs.field(init=False, eq=False, repr=False)
    """The meter bounds as (meter, lowest, highest) with no bound left open, for the engine's
    quick test."""
    only_meters: bool = attrs.field(init=False, eq=False, repr=False)
    """True when the meter bounds are all there is to test."""

    def __attrs_post_init__(self) -> None:
        rest = bool(
            self.accords
            or self.no_accords
            or self.any
            or self.stance_at_least is not None
            or self.stance_at_most is not None
            or self.round_at_least is not None
            or self.round_at_most is not None
        )
        ranges = tuple(
            (
                bound.meter,
                -_UNBOUNDED if bound.low is None else bound.low,
                _UNBOUNDED if bound.high is None else bound.high,
            )
            for bound in self.meters
        )
        object.__setattr__(self, "is_empty", not (rest or self.meters))
        object.__setattr__(self, "ranges", ranges)
        object.__setattr__(self, "only_meters", not rest)


@attrs.frozen
class Effect:
    """Changes applied together: meter deltas, a step of the counterpart's stance, a grudge."""

    meters: tuple[tuple[int, int], ...] = ()
    """Pairs of (meter index, delta)."""
    stance_step: int = 0
    """Steps up (positive) or down (negative) the ordered list of stances."""
    grudge: bool = False
    """True when the counterpart will remember it: every later threshold rises."""

    @property
    def is_empty(self) -> bool:
        """True when applying the effect changes nothing."""
        return not self.meters and not self.stance_step and not self.grudge


NO_EFFECT = Effect()


def meter_totals(*effects: Effect) -> dict[int, int]:
    """Meter index -> what the effects change together, in the order the meters first come."""
    totals: dict[int, int] = {}
    for effect in effects:
        for index, delta in effect.meters:
            totals[index] = totals.get(index, 0) + delta
    return totals
