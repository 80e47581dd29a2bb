"""A game as JSON: the whole game (``--format json``), and the stdio line protocol, one state
message out per move in (see docs/scripting.md, which documents every field).

The meters of the talks (the scenario's talks group) stay in ``meters``, as they always were;
the neighbours' meters (its region group) are apart in ``region``, so a program written for the
talks meters alone reads the same keys as before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import IO, Any, Final

from game.cli.terminal import BadMoveError, GameInterrupted, OutputError, play_moves, read_line
from game.engine import GameState, MeterGroup, Move, Proposal, Scenario, move_options, outcome
from game.engine.describe import (
    UNPRINTABLE,
    answer_effects,
    answered_proposal,
    group_of,
    proposal_costs,
    rejecting_text,
)
from game.engine.effects import Effect, meter_totals
from game.engine.state import ACCEPT, REJECT, Turn
from game.store.who import NOBODY, Who

# Newlines outside strings are the indentation's; inside them json has escaped them already.
_UNPRINTABLE: Final = re.compile(f"(?!\\n)[{UNPRINTABLE}]")


def json_text(value: Any, indent: int | None = None) -> str:
    """JSON as the game writes it: readable non-ASCII text, but every character a terminal may
    act on escaped (``json`` escapes the C0 controls, not DEL, the C1 controls or direction
    overrides; those can only stand inside strings, where ``\\u`` escapes mean the same).

    >>> json_text({"say": "caf\u00e9 \x9b2J"})
    '{"say": "café \\\\u009b2J"}'
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _UNPRINTABLE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _group(scenario: Scenario, meters: Sequence[int], group: MeterGroup) -> dict[str, int]:
    """Meter id -> value for the meters of one group, in the scenario's order."""
    return {scenario.meters[i].id: meters[i] for i in group_of(scenario, group)}


def talks_meters(scenario: Scenario, meters: Sequence[int]) -> dict[str, int]:
    """The meters of the talks (trust, patience...): meter id -> value."""
    return _group(scenario, meters, MeterGroup.TALKS)


def region_meters(scenario: Scenario, meters: Sequence[int]) -> dict[str, int]:
    """The neighbours' meters (Seoul, Tokyo, Beijing...): meter id -> value."""
    return _group(scenario, meters, MeterGroup.REGION)


def region_bands(scenario: Scenario, meters: Sequence[int]) -> dict[str, str]:
    """The word for where each neighbour stands: meter id -> ``supportive``, ``wary``..."""
    return {
        scenario.meters[i].id: scenario.meters[i].band(meters[i])
        for i in group_of(scenario, MeterGroup.REGION)
    }


def turn_json(scenario: Scenario, turns: Sequence[Turn], index: int = -1) -> dict[str, Any]:
    """One turn (the last by default) as a JSON-ready dictionary."""
    index %= len(turns)
    turn = turns[index]
    answered = answered_proposal(scenario, turns, index)
    return {
        "n": turn.number,
        "round": scenario.rounds[turn.round].id,
        "move": str(turn.move),
        "answered": answered.id if answered is not None else None,
        "reaction": turn.reaction.kind.value,
        # Who decided the reaction, as the transcript records it: in a hot-seat game, the
        # answers the North's player chose (a play-test could not tell them apart).
        "chosen_by": turn.reaction.chosen_by.value,
        "say": turn.reaction.say,
        "why": turn.reaction.why,
        "counter": turn.reaction.counter,
        "accord": turn.reaction.accord,
        "meters": talks_meters(scenario, turn.meters),
        "region": region_meters(scenario, turn.meters),
        "asides": list(turn.reaction.asides),
        "stance": scenario.stances[turn.stance].id,
        "events": list(turn.events),
        "tests": [{"accord": accord, "held": held} for accord, held in turn.tests],
        "drifts": list(turn.drifts),
        "tabled": turn.tabled,
    }


def outcome_json(state: GameState, who: Who = NOBODY) -> dict[str, Any] | None:
    """The outcome as a JSON-ready dictionary, or None while the summit goes on."""
    result = outcome(state)
    if result is None:
        return None
    return {
        "ending": result.ending.id,
        "title": result.ending.title,
        "terminal": result.terminal.value,
        "accords": [accord.id for accord in result.accords],
        "scores": {score.id: score.value for score in result.scores},
        "profile": state.profile_info.id,
        "verification": who.verification(state),
    }


def game_json(state: GameState, who: Who = NOBODY) -> dict[str, Any]:
    """The whole game as one JSON-ready dictionary."""
    scenario = state.scenario
    result = outcome_json(state, who)
    teams = {"teams": who.teams.document()} if who.teams is not None else {}
    # What a game that continues an earlier summit started from, as its transcript has it
    # (a play-test could not tell the carried accords from this summit's).
    start = {"start": state.carry.document()} if state.carry is not None else {}
    return {
        "scenario": scenario.id,
        "seed": state.seed,
        **teams,
        **start,
        "opening": state.profile_info.opening,
        "over": state.is_over,
        "ending": result["ending"] if result else None,
        "accords": result["accords"] if result else [a.id for a in state.accords],
        "meters": talks_meters(scenario, state.meters),
        "region": region_meters(scenario, state.meters),
        "stance": scenario.stances[state.stance].id,
        "grudges": list(state.grudges),
        "outcome": result,
        "turns": [turn_json(scenario, state.turns, i) for i in range(len(state.turns))],
    }


def _meter_changes(scenario: Scenario, effects: Sequence[Effect]) -> dict[str, int]:
    """Meter id -> what the effects change together (none that comes to nothing)."""
    totals = meter_totals(*effects)
    return {scenario.meters[i].id: delta for i, delta in totals.items() if delta}


def proposal_json(scenario: Scenario, proposal: Proposal, kind: str) -> dict[str, Any]:
    """Their proposal awaiting an answer, as the protocol's ``pending`` object."""
    return {
        "kind": kind,
        "id": proposal.id,
        "label": proposal.label,
        "summary": proposal.summary,
        "their_view": proposal.their_view,
        "our_view": proposal.our_view,
        "accord": proposal.accord,
        "on_accept": _meter_changes(scenario, answer_effects(scenario, proposal, ACCEPT)),
        "accepting": proposal_costs(scenario, proposal),
        "on_reject": _meter_changes(scenario, answer_effects(scenario, proposal, REJECT)),
        "rejecting": rejecting_text(scenario, proposal),
        "amend": str(Move.parse(proposal.amend)) if proposal.amend else None,
    }


# --- the stdio protocol -----------------------------------------------------------------


def protocol_message(state: GameState, who: Who = NOBODY) -> dict[str, Any]:
    """What the game writes before each move in ``--stdio`` mode (see docs/scripting.md)."""
    scenario = state.scenario
    held = scenario.rounds[state.round]
    pending = None
    if state.pending is not None:
        proposal = scenario.proposals[state.pending.proposal]
        pending = proposal_json(scenario, proposal, state.pending.kind.value)
    return {
        "type": "state",
        "scenario": scenario.id,
        "seed": state.seed,
        "opening": state.profile_info.opening,
        "move_number": len(state.turns) + 1,
        "round": {
            "index": state.round + 1,
            "of": len(scenario.rounds),
            "id": held.id,
            "label": held.label,
            "turn": min(state.turn_in_round + 1, held.turns),
            "turns": held.turns,
        },
        "meters": talks_meters(scenario, state.meters),
        "region": region_meters(scenario, state.meters),
        "region_bands": region_bands(scenario, state.meters),
        "stance": scenario.stances[state.stance].id,
        "accords": [accord.id for accord in state.accords],
        "grudges": list(state.grudges),
        "legal": [
            {"move": str(o.move), "label": o.label, "available": o.available, "reason": o.reason}
            for o in move_options(state)
        ],
        "last": turn_json(scenario, state.turns) if state.turns else None,
        "pending": pending,
        "outcome": outcome_json(state, who),
    }


def _lines(stream: IO[str]) -> Iterator[str]:
    while (line := read_line(stream)) is not None:
        text = line.strip()
        if text and not text.startswith("#"):
            yield text


def run_stdio(
    state: GameState, source: IO[str], sink: IO[str], who: Who = NOBODY
) -> tuple[GameState, BadMoveError | None]:
    """Play over a line protocol: one JSON object out per state, one move in per line.

    Returns the final state and the bad move that stopped the game, if any; raises
    :class:`OutputError` with the game so far when the output cannot be written, and
    :class:`GameInterrupted` with it on Ctrl-C.
    """

    def send(message: dict[str, Any]) -> None:
        try:
            sink.write(json_text(message) + "\n")
            sink.flush()
        except OSError as error:
            raise OutputError(state, error) from None

    try:
        send(protocol_message(state, who))
        for text in _lines(source):
            try:
                state = play_moves(state, [text], first=len(state.turns) + 1, lines=True)
            except BadMoveError as error:
                send(
                    {
                        "type": "error",
                        "move_number": error.number,
                        "move": error.move,
                        "reason": error.reason,
                        "legal": error.legal,
                    }
                )
                return state, error
            send(protocol_message(state, who))
            if state.is_over:
                break
    except KeyboardInterrupt:
        raise GameInterrupted(state) from None
    return state, None
