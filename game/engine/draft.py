"""The scratch a move is worked out on: meters shifted within bounds, the stance stepped, the
grudges remembered and the interests served, frozen into the next state at the end."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from game.engine.conditions import _holds
from game.engine.scenario import (
    Condition,
    Direction,
    Effect,
    Meter,
    Offer,
    Profile,
    Proposal,
    Quirk,
    Scenario,
)
from game.engine.state import (
    Accord,
    ChosenBy,
    GameState,
    Reaction,
    ReactionKind,
    first_open,
)


def _apply_meters(
    scenario: Scenario, meters: tuple[int, ...], effect: Effect, times: int
) -> tuple[int, ...]:
    values = list(meters)
    _shift(scenario, values, effect, times)
    return tuple(values)


def _shift(scenario: Scenario, values: list[int], effect: Effect, times: int = 1) -> None:
    """Add an effect's deltas (``times`` over) to meter values in place, within bounds."""
    specs = scenario.meters
    for index, delta in effect.meters:
        spec = specs[index]
        value = values[index] + delta * times
        if value < spec.minimum:
            value = spec.minimum
        elif value > spec.maximum:
            value = spec.maximum
        values[index] = value


def _shift_diminished(scenario: Scenario, values: list[int], effect: Effect, repeats: int) -> None:
    """Add an effect whose gains shrink each time the same offer is made again."""
    if not repeats:  # the first time, the effect is whole
        _shift(scenario, values, effect)
        return
    specs = scenario.meters
    for index, delta in effect.meters:
        spec = specs[index]
        change = _diminished_delta(spec, delta, repeats)
        values[index] = min(max(values[index] + change, spec.minimum), spec.maximum)


def _diminished_delta(meter: Meter, delta: int, repeats: int) -> int:
    """A meter's delta in an effect made again after ``repeats`` times: a gain shrinks (by
    integer division toward zero, so it never flips into a loss), a cost stays whole."""
    gain = delta > 0 if meter.good is Direction.HIGH else delta < 0
    return int(delta / (repeats + 1)) if gain else delta


def diminished(scenario: Scenario, effect: Effect, repeats: int) -> Effect:
    """``effect`` as it applies when its offer has been made ``repeats`` times before (see
    :meth:`_Draft.apply_diminished`): its meters' gains shrink; its step and grudge stay."""
    if not repeats:
        return effect
    meters = tuple(
        (index, _diminished_delta(scenario.meters[index], delta, repeats))
        for index, delta in effect.meters
    )
    return attrs.evolve(effect, meters=meters)


def _say(
    scenario: Scenario,
    offer: Offer | Proposal | None,
    kind: ReactionKind,
    profile: Profile | None = None,
    quirk: Quirk | None = None,
) -> str:
    """Their line: the quirk's, the offer's, the profile's own, then the scenario's default."""
    key = kind._value_  # the member's value without the descriptor's cost: on every move
    for source in (quirk, offer, profile):
        if source is not None:
            line = source.say.line(key)
            if line:
                return line
    return scenario.rules.say.line(key)


class _Draft:
    """Mutable scratch for one move: the steps of :func:`apply` fill it, and it is frozen once
    into the next state, so no intermediate state is ever built."""

    __slots__ = (
        "accord",
        "accords",
        "agreed",
        "answered",
        "asides",
        "attempts",
        "chosen_by",
        "counter",
        "drifts",
        "events",
        "fired",
        "focus",
        "grudges",
        "holding_out",
        "kind",
        "meters",
        "pending",
        "points",
        "profile",
        "refusals",
        "refused_by",
        "rejected",
        "rng",
        "round",
        "say",
        "scenario",
        "seed",
        "stance",
        "tabled",
        "tabled_count",
        "terminal",
        "tests",
        "turn_in_round",
        "why",
    )

    def __init__(self, state: GameState) -> None:
        self.scenario = state.scenario
        self.seed = state.seed
        self.profile = state.scenario.profiles[state.profile]
        self.rng = state.rng
        self.meters = list(state.meters)
        self.stance = state.stance
        self.round = state.round
        self.turn_in_round = state.turn_in_round
        self.accords = state.accords
        self.agreed = state.agreed
        self.attempts = state.attempts
        self.refusals = state.refusals
        self.answered = state.answered
        self.fired = state.fired
        self.pending = state.pending
        self.terminal = state.terminal
        self.points = list(state.points)
        self.grudges = state.grudges
        self.rejected = state.rejected
        self.tabled_count = state.tabled
        self.kind = ReactionKind.NOTED
        self.say = ""
        self.why = ""
        self.counter: str | None = None
        self.accord: str | None = None
        self.chosen_by = ChosenBy.ENGINE
        self.focus: str | None = None
        self.holding_out = False
        self.refused_by = ""
        self.asides: tuple[str, ...] = ()
        self.events: tuple[str, ...] = ()
        self.drifts: tuple[str, ...] = ()
        self.tests: tuple[tuple[str, bool], ...] = ()
        self.tabled: str | None = None

    def holds(self, condition: Condition) -> bool:
        if condition.is_empty:
            return True
        return _holds(condition, self.meters, self.stance, self.round, self.agreed)

    def step_stance(self, step: int) -> None:
        if step:
            self.stance = min(max(self.stance + step, 0), len(self.scenario.stances) - 1)

    def apply(self, effect: Effect, times: int = 1, source: str = "") -> None:
        if effect.meters:
            _shift(self.scenario, self.meters, effect, times)
        if effect.stance_step:
            self.step_stance(effect.stance_step * times)
        if effect.grudge:
            self.grudges = (*self.grudges, source or "how the talks have gone")

    def apply_diminished(self, effect: Effect, repeats: int, source: str | None) -> None:
        """Apply an effect whose gains shrink with each repeat of the same offer (see
        :func:`_shift_diminished`): its meters, its step of their stance, and its grudge,
        remembered as ``source`` (None: a recess, where a grudge has no effect)."""
        if effect.meters:
            _shift_diminished(self.scenario, self.meters, effect, repeats)
        if effect.stance_step:
            self.step_stance(effect.stance_step)
        if effect.grudge and source is not None:
            self.grudges = (*self.grudges, source)

    def add_accord(self, accord: Accord) -> None:
        self.accords = (*self.accords, accord)
        self.agreed = self.agreed | {accord.id}
        self.accord = accord.id

    def serve(
        self, served: Sequence[tuple[int, int]], quirk: Quirk | None = None, *, bonus: bool = True
    ) -> None:
        """Count what an accord serves toward their interests (a quirk may add or take away):
        the reward when it serves the one they wanted first and, once that one is settled, a
        word on what they want next."""
        interests = self.scenario.interests
        focus = self.first_open()
        total: dict[int, int] = {}
        for index, points in served:
            total[index] = total.get(index, 0) + points
        if quirk is not None:
            for index, points in quirk.serves:
                total[index] = total.get(index, 0) + points
        for index, points in total.items():
            self.points[index] += points
        if focus is None or total.get(focus, 0) <= 0:
            return
        if bonus:
            self.apply(self.scenario.rules.focus_bonus)
        if self.points[focus] < interests[focus].met:
            return
        following = self.first_open()
        if following is not None:
            self.focus = interests[following].id
            self.why += (
                f"; {interests[focus].label} settled, next they want {interests[following].label}"
            )

    def first_open(self) -> int | None:
        """The interest on their agenda they want served next (None: all are met)."""
        return first_open(self.scenario, self.profile, self.points)

    def transition(self) -> None:
        """Take at most one meter-driven transition at a time (after the move, and again after
        an event between rounds): with the gaps between up and down thresholds, that is the
        hysteresis."""
        meters, stance, round_index, agreed = self.meters, self.stance, self.round, self.agreed
        for transition in self.scenario.transitions_from[stance]:
            if _holds(transition.when, meters, stance, round_index, agreed):
                self.stance = transition.target
                return

    def reaction(self) -> Reaction:
        return Reaction(
            self.kind,
            self.say,
            self.why,
            self.counter,
            self.accord,
            self.chosen_by,
            self.focus,
            self.asides,
            self.holding_out,
            self.refused_by,
        )
