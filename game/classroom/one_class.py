"""Which class a report covers when no class code names it: the one its games agree on.

A class report's figures only make sense over one class: one summit, one seed (the same
counterpart for everyone) and one mode. With a class code, a game that does not fit it is left
out, with the reason. Without one, the verified games must agree among themselves: all of one
summit, seed and mode, but for the games of an earlier round that the summit continues (they
vouch for its starts and are listed apart, whatever their seed and mode). Games that do not agree
are refused in one line that says how they differ, the class code of each class and how to choose
(:class:`NotOneClassError`): never mixed in one set of figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Final

import attrs

from game.classroom.classcode import ClassCode, ClassCodeError, encode
from game.classroom.verify import Verdict
from game.engine import GameState, Scenario
from game.engine.describe import printable
from game.store.mode import Mode

SHOWN_FILES: Final = 3
"""A class of at most this many games is shown with its files; a larger one by its count."""
SHOWN_CLASSES: Final = 4
"""The most classes the line names, the largest first; the others are counted."""


class NotOneClassError(ValueError):
    """Games of more than one class given without a class code; the message says, in one line,
    how they differ, the class code of each class and how to choose."""


@attrs.frozen
class _Group:
    """Games of one class: the summit a report on them covers, the seed and the mode."""

    scenario: Scenario
    seed: int
    mode: Mode
    paths: tuple[str, ...]


def check_one_class(reported: Scenario, verdicts: Sequence[Verdict]) -> None:
    """Raise :class:`NotOneClassError` unless the verified games among ``verdicts`` are one
    class, ``reported`` being the summit the report covers (see the module's docstring)."""
    classes: dict[tuple[str, int, Mode], list[Verdict]] = {}
    for verdict in verdicts:
        state = verdict.state
        if not verdict.ok or state is None:
            continue
        if state.scenario.id != reported.id and _continued_by(reported, state.scenario):
            continue  # an earlier round: it vouches for starts, and is listed apart
        key = (state.scenario.id, state.seed, _mode(verdict))
        classes.setdefault(key, []).append(verdict)
    if len(classes) <= 1:
        return
    groups = [_group(members) for members in classes.values()]
    differ = tuple(
        name
        for name, values in (
            ("summit", {group.scenario.id for group in groups}),
            ("seed", {group.seed for group in groups}),
            ("mode", {group.mode for group in groups}),
        )
        if len(values) > 1
    )
    raise NotOneClassError(_message(groups, differ))


def _continued_by(later: Scenario, scenario: Scenario) -> bool:
    """True when ``later`` continues ``scenario``: the two are rounds of one class."""
    return later.carry is not None and scenario.id in later.carry.sources


def _mode(verdict: Verdict) -> Mode:
    """The game's mode; a transcript that records none was played as practice (undo allowed)."""
    recorded = verdict.transcript.mode if verdict.transcript is not None else ""
    return Mode.named(recorded) or Mode.PRACTICE


def _group(members: Sequence[Verdict]) -> _Group:
    state = members[0].state
    assert state is not None
    paths = tuple(printable(verdict.name) for verdict in members)
    return _Group(state.scenario, state.seed, _mode(members[0]), paths)


def _message(groups: Sequence[_Group], differ: Sequence[str]) -> str:
    """One line: how the games differ, each class with its code and its games, largest first,
    and how to choose."""
    shown = []
    ordered = sorted(groups, key=lambda g: -len(g.paths))
    for group in ordered[:SHOWN_CLASSES]:
        facts = {
            "summit": printable(group.scenario.title),
            "seed": f"seed {group.seed}",
            "mode": group.mode.value,
        }
        what = ", ".join(facts[name] for name in differ)
        code = _code(group)
        count = len(group.paths)
        games = f"{count} game{'s' if count != 1 else ''}"
        if count <= SHOWN_FILES:
            games += f" ({', '.join(group.paths)})"
        shown.append(f"{what} (class code {code or 'none: the seed is too large'}): {games}")
    more = len(ordered) - SHOWN_CLASSES
    if more > 0:
        shown.append(f"and {more} more class{'es' if more != 1 else ''}")
    how = ", ".join(differ[:-1]) + " and " + differ[-1] if len(differ) > 1 else differ[0]
    return (
        f"the games differ in {how}, so they are not one class: "
        f"{'; '.join(shown)}; choose the class with --code, or give only its transcripts"
    )


def _code(group: _Group) -> str:
    """The class code of the group's class; ``""`` when none can name it (a seed too large)."""
    try:
        return encode(group.scenario.code, group.seed, group.mode)
    except ClassCodeError:
        return ""


def reported_scenario(states: Sequence[GameState], expected: ClassCode | None) -> Scenario:
    """The summit a report covers (see :func:`game.classroom.report.build`)."""
    scenarios = {state.scenario.id: state.scenario for state in states}
    if expected is not None:
        for scenario in scenarios.values():
            if scenario.code == expected.prefix:
                return scenario
    counts = Counter(state.scenario.id for state in states)

    def later(scenario: Scenario) -> bool:
        return scenario.carry is not None and any(s in scenarios for s in scenario.carry.sources)

    return max(scenarios.values(), key=lambda s: (later(s), counts[s.id]))


def any_scenario(verdicts: Sequence[Verdict], given: Sequence[Scenario]) -> Scenario:
    """The scenario a report with no verified game is titled by: the first one a transcript
    names that is installed or given, else the default."""
    from game.store.scenarios import find_scenario, load_scenario

    for verdict in verdicts:
        if verdict.transcript is not None:
            transcript = verdict.transcript
            found = find_scenario(transcript.scenario, transcript.scenario_sha256, given)
            if found is not None:
                return found
    return load_scenario()
