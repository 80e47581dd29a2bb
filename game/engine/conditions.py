"""Conditions on a game: whether one holds, and in words why it does not."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine.scenario import (
    Condition,
)
from game.engine.state import (
    GameState,
)


def holds(state: GameState, condition: Condition) -> bool:
    """True when every part of the condition holds in this state."""
    if condition.is_empty:
        return True
    return _holds(condition, state.meters, state.stance, state.round, state.agreed)


def _holds(
    condition: Condition,
    meters: Sequence[int],
    stance: int,
    round_index: int,
    agreed: frozenset[str],
) -> bool:
    for meter, low, high in condition.ranges:
        value = meters[meter]
        if value < low or value > high:
            return False
    if condition.only_meters:
        return True
    if condition.accords and not agreed.issuperset(condition.accords):
        return False
    if condition.no_accords and not agreed.isdisjoint(condition.no_accords):
        return False
    if condition.stance_at_least is not None and stance < condition.stance_at_least:
        return False
    if condition.stance_at_most is not None and stance > condition.stance_at_most:
        return False
    if condition.round_at_least is not None and round_index < condition.round_at_least:
        return False
    if condition.round_at_most is not None and round_index > condition.round_at_most:
        return False
    if not condition.any:
        return True
    for alternative in condition.any:
        if _holds(alternative, meters, stance, round_index, agreed):
            return True
    return False


def _failures(state: GameState, condition: Condition, *, needs: bool = False) -> list[str]:
    """Player-facing descriptions of each part of the condition that does not hold; ``needs``
    words a meter's as what it needs ("needs trust 70 or more, now 15"), as an alternative in an
    "either ... or ..." is read (a play-tester read "or trust 15 is below 70" as garbled)."""
    scenario = state.scenario
    failures: list[str] = []
    for bound in condition.meters:
        value = state.meters[bound.meter]
        label = scenario.meters[bound.meter].label
        if bound.low is not None and value < bound.low:
            low = f"needs {label} {bound.low} or more, now {value}"
            failures.append(low if needs else f"{label} {value} is below {bound.low}")
        if bound.high is not None and value > bound.high:
            high = f"needs {label} {bound.high} or less, now {value}"
            failures.append(high if needs else f"{label} {value} is above {bound.high}")
    missing = [a for a in condition.accords if a not in state.agreed]
    if missing:
        names = " and ".join(scenario.accord_label(a) for a in missing)
        failures.append(f"needs {names} agreed first")
    for accord in condition.no_accords:
        if accord in state.agreed:
            failures.append(f"not once {scenario.accord_label(accord)} is agreed")
    stances = scenario.stances
    if condition.stance_at_least is not None and state.stance < condition.stance_at_least:
        failures.append(
            f"needs them at least {stances[condition.stance_at_least].label} "
            f"(they are {stances[state.stance].label})"
        )
    if condition.stance_at_most is not None and state.stance > condition.stance_at_most:
        failures.append(f"not while they are {stances[state.stance].label}")
    if condition.round_at_least is not None and state.round < condition.round_at_least:
        failures.append(f"not before the {scenario.rounds[condition.round_at_least].label}")
    if condition.round_at_most is not None and state.round > condition.round_at_most:
        failures.append(f"not after the {scenario.rounds[condition.round_at_most].label}")
    if condition.any:
        alternatives = [_failures(state, alt, needs=True) for alt in condition.any]
        if all(alternatives):
            failures.append("either " + ", or ".join("; ".join(a) for a in alternatives))
    return failures


def _explain(state: GameState, condition: Condition) -> str:
    failures = _failures(state, condition)
    if not failures:
        return ""
    detail = "; ".join(failures)
    return f"{condition.reason} ({detail})" if condition.reason else detail
