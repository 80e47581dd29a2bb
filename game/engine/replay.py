"""Replaying a transcript through the engine: every turn, and the outcome, compared with what
the rules give, so that a transcript edited by hand is caught at the first turn that differs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from game.engine.rules import CarryError, new_game, outcome
from game.engine.scenario import Scenario
from game.engine.state import (
    ChosenBy,
    GameState,
    IllegalMoveError,
    Move,
    ReactionKind,
)
from game.engine.transcript import ENGINE, TURN_KEYS, Transcript, TurnRecord, turn_document
from game.engine.turns import apply
from game.escapes import short


@attrs.frozen
class ReplayReport:
    """The result of replaying a transcript."""

    ok: bool
    message: str
    """``"ok"`` or what is wrong, naming the first turn that differs."""
    state: GameState | None
    """The game as replayed, up to the first difference (None if it could not start)."""
    bad_turn: int | None = None
    """Number of the first turn that differs, if any."""


def check_header(transcript: Transcript, scenario: Scenario) -> str:
    """What makes a transcript unplayable with this scenario and engine (``""`` if nothing)."""
    if transcript.engine != ENGINE:
        return (
            f"made with rules version {transcript.engine}; this game plays version {ENGINE} "
            f"(game version {short(transcript.game_version, quoted=False) or 'unknown'})"
        )
    if transcript.scenario != scenario.id:
        if transcript.scenario_sha256 == scenario.sha256:
            # Its fingerprint is this scenario's: the file names another than the one it was
            # made for (the scenario itself has not changed).
            return (
                f'names scenario "{transcript.scenario}", but its recorded scenario fingerprint '
                f'is that of "{scenario.id}", the scenario it was made for (the file was edited)'
            )
        return f'made for scenario "{transcript.scenario}", not "{scenario.id}"'
    if transcript.scenario_sha256 and transcript.scenario_sha256 != scenario.sha256:
        return f'scenario "{scenario.id}" has changed since the transcript was made'
    return ""


def _differences(record: TurnRecord, state: GameState) -> list[str]:
    scenario = state.scenario
    turn = state.turns[-1]
    found = []
    if record.reaction != turn.reaction.kind.value:
        found.append(
            f"reaction {short(record.reaction)}, replay gives {turn.reaction.kind.value!r}"
        )
    written = dict(record.meters)
    for meter, value in zip(scenario.meters, turn.meters, strict=True):
        if written.get(meter.id) != value:
            found.append(f"{meter.id} {written.get(meter.id)}, replay gives {value}")
    for extra in sorted(set(written) - set(scenario.meter_index)):
        found.append(f"unknown meter {short(extra)}")
    if record.stance != scenario.stances[turn.stance].id:
        found.append(
            f"stance {short(record.stance)}, replay gives {scenario.stances[turn.stance].id!r}"
        )
    if record.why != turn.reaction.why:
        found.append("the explanation differs")
    if record.say != turn.reaction.say:
        found.append("their words differ")
    if tuple(record.events) != turn.events:
        found.append(f"events {short(list(record.events))}, replay gives {list(turn.events)}")
    if record.tabled != (turn.tabled or ""):
        found.append(f"tabled {short(record.tabled)}, replay gives {turn.tabled or ''!r}")
    if record.round != scenario.rounds[turn.round].id:
        found.append(
            f"round {short(record.round)}, replay gives {scenario.rounds[turn.round].id!r}"
        )
    if record.hash != turn.hash:
        found.append("the turn hash differs")
    return found + _other_differences(record, turn_document(scenario, turn))


_COMPARED: Final = frozenset(
    {"round", "reaction", "say", "why", "meters", "stance", "events", "tabled", "hash"}
)
"""The keys of a turn :func:`_differences` compares with a message of its own."""
_TEXTS: Final = {"asides": "the neighbours' asides differ"}
"""Keys whose values are too long to show, and what to say when they differ."""


def _other_differences(record: TurnRecord, expected: Mapping[str, Any]) -> list[str]:
    """Every other key of the turn as written against the turn as the transcript writer
    writes it (a key it leaves out, such as ``accord`` for a turn that made none, is
    compared as missing), then any key a transcript never holds."""
    written = record.written
    found = []
    for key in TURN_KEYS:
        if key in _COMPARED or (key not in written and key not in expected):
            continue
        value, wanted = written.get(key), expected.get(key)
        if value == wanted:
            continue
        if key in _TEXTS:
            found.append(_TEXTS[key])
        elif key not in written:
            found.append(f"{key} missing, replay gives {wanted!r}")
        else:
            shown = "none" if wanted is None else repr(wanted)
            found.append(f"{key} {short(value)}, replay gives {shown}")
    for key in sorted(str(key) for key in set(written) - set(TURN_KEYS)):
        found.append(f"unknown key {short(key)}")
    return found


def numbering_problem(numbers: Sequence[int]) -> str:
    """How the turn numbers of a transcript betray a removed, inserted or reordered turn.

    >>> numbering_problem([1, 3, 2])
    'turn 3 comes before turn 2 (turns were reordered)'
    """
    expected = list(range(1, len(numbers) + 1))
    if list(numbers) == expected:
        return ""
    counts: dict[int, int] = {}
    for number in numbers:
        counts[number] = counts.get(number, 0) + 1
    twice = sorted(number for number, count in counts.items() if count > 1)
    if twice:
        return f"turn {twice[0]} appears twice (a turn was inserted)"
    if sorted(numbers) == expected:
        position = next(i for i, n in enumerate(numbers) if n != i + 1)
        first, then = numbers[position], numbers[position + 1]
        return f"turn {first} comes before turn {then} (turns were reordered)"
    top = max(numbers, default=0)
    missing = next((n for n in range(1, top + 1) if n not in counts), top + 1)
    return f"turn {missing} is missing (a turn was removed)"


def replay(scenario: Scenario, transcript: Transcript) -> ReplayReport:
    """Replay a transcript and compare every turn and the outcome with what the engine gives."""
    problem = check_header(transcript, scenario)
    if problem:
        return ReplayReport(False, problem, None)
    try:
        state = new_game(scenario, transcript.seed, transcript.carry, hotseat=transcript.hotseat)
    except CarryError as error:
        return ReplayReport(False, f"start: {short(error, quoted=False, limit=200)}", None)
    problem = numbering_problem([record.number for record in transcript.turns])
    if problem:
        return ReplayReport(False, problem, state, None)
    for index, record in enumerate(transcript.turns):
        number = index + 1
        chosen = None
        if record.chosen_by is ChosenBy.PLAYER and not transcript.hotseat:
            return ReplayReport(
                False,
                f"turn {number}: its reaction was chosen by a player, but the game is not hot-seat",
                state,
                number,
            )
        if record.chosen_by is ChosenBy.PLAYER:
            try:
                chosen = ReactionKind(record.reaction)
            except ValueError:
                return ReplayReport(
                    False,
                    f"turn {number}: unknown reaction {short(record.reaction)}",
                    state,
                    number,
                )
        table = record.counter or None if chosen is ReactionKind.COUNTER else None
        try:
            state = apply(state, Move.parse(record.move), chosen, table).state
        except IllegalMoveError as error:
            return ReplayReport(
                False,
                f"turn {number}: move {short(record.move)}: {short(error.reason, quoted=False)}",
                state,
                number,
            )
        differences = _differences(record, state)
        if differences:
            return ReplayReport(
                False,
                f"turn {number} ({short(record.move, quoted=False)}): " + "; ".join(differences),
                state,
                number,
            )
    return _check_outcome(transcript, state)


def _check_outcome(transcript: Transcript, state: GameState) -> ReplayReport:
    result = outcome(state)
    written = transcript.outcome
    if result is None and written is not None:
        return ReplayReport(False, "the outcome is written but the game is not over", state)
    if result is not None and written is None:
        return ReplayReport(False, "the game is over but the outcome is missing", state)
    if result is not None and written is not None:
        # Every key the outcome table holds (see to_document): none may be edited.
        expected = {
            "ending": result.ending.id,
            "title": result.ending.title,
            "terminal": result.terminal.value,
            "accords": [accord.id for accord in result.accords],
            "scores": {score.id: score.value for score in result.scores},
            "meters": dict(zip(state.scenario.meter_ids, state.meters, strict=True)),
            "profile": state.profile_info.id,
            "turns": result.turns,
        }
        for key, value in expected.items():
            if written.get(key) != value:
                return ReplayReport(
                    False,
                    f"outcome.{key}: {short(written.get(key))}, replay gives {value!r}",
                    state,
                )
    code = transcript.verification_for(state)
    if result is not None and not transcript.verification:
        return ReplayReport(False, "the verification code is missing", state)
    if transcript.verification and transcript.verification != code:
        # The right code is not shown: someone who renamed the file would only have to copy it.
        shown = short(transcript.verification, quoted=False)
        return ReplayReport(
            False,
            f"verification code {shown} does not belong to the game in the file: "
            "it was cut short, altered or renamed",
            state,
        )
    return ReplayReport(True, "ok", state)
