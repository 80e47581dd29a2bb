"""Playing without a window: scripts of moves, a terminal game, and the stdio line protocol.

Everything here is a thin layer over :mod:`game.engine`: it reads moves, applies them and
writes what happened as text or JSON.
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final

import attrs

from game.engine import (
    GameState,
    IllegalMoveError,
    Move,
    Scenario,
    apply,
    move_options,
    outcome,
)
from game.engine.describe import capitalise, meters_line, move_label, reply_sentence
from game.engine.parse import syntax_problem
from game.engine.state import ReactionKind, Turn
from game.engine.transcript import verification_code


@attrs.frozen
class Who:
    """Who played a game, as its transcript records it: part of its verification code."""

    player: str = ""
    mode: str = ""
    code: str = ""

    def verification(self, state: GameState) -> str:
        """The game's verification code, for this player, mode and class code."""
        return verification_code(state, player=self.player, mode=self.mode, code=self.code)


NOBODY: Final = Who()


class ScriptError(ValueError):
    """A script file that cannot be used; the message is one line naming the file and key."""


@attrs.frozen
class Script:
    """A script of moves read from a TOML file."""

    moves: tuple[str, ...]
    seed: int | None
    scenario: str | None


def read_script(path: Path) -> Script:
    """Read ``moves = [...]`` (and optionally ``seed`` and ``scenario``) from a TOML file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScriptError(f"{path}: no such script file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ScriptError(f"{path}: cannot read: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScriptError(syntax_problem(str(path), error, text)) from None
    unknown = sorted(set(data) - {"moves", "seed", "scenario"})
    if unknown:
        raise ScriptError(
            f"{path}: {unknown[0]}: expected one of the keys moves, seed, scenario, got unknown key"
        )
    moves = data.get("moves")
    if moves is None:
        raise ScriptError(
            f'{path}: moves: expected an array of moves like ["next_summit"], got nothing'
        )
    if not isinstance(moves, list):
        raise ScriptError(f"{path}: moves: expected an array of strings, got {moves!r}")
    for index, move in enumerate(moves):
        if not isinstance(move, str) or not move.strip():
            raise ScriptError(
                f'{path}: moves[{index}]: expected a move such as "next_summit", got {move!r}'
            )
    seed = data.get("seed")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise ScriptError(f"{path}: seed: expected an integer, got {seed!r}")
    scenario = data.get("scenario")
    if scenario is not None and not isinstance(scenario, str):
        raise ScriptError(f"{path}: scenario: expected a scenario name or path, got {scenario!r}")
    return Script(tuple(moves), seed, scenario)


def legal_summary(state: GameState) -> str:
    """The moves available now, comma-separated (or a note that the summit is over)."""
    moves = [str(option.move) for option in move_options(state) if option.available]
    return ", ".join(moves) if moves else "none (the summit is over)"


class BadMoveError(ValueError):
    """A move that could not be played, with its position in the sequence and the legal moves."""

    def __init__(self, number: int, move: str, reason: str, state: GameState) -> None:
        self.number = number
        self.move = move
        self.reason = reason
        self.state = state
        self.legal = [str(option.move) for option in move_options(state) if option.available]
        super().__init__(f'move {number} "{move}": {reason}; legal moves: {legal_summary(state)}')


def play_moves(state: GameState, moves: Iterable[str], first: int = 1) -> GameState:
    """Apply moves in order; on a bad one raise :class:`BadMoveError` with the state so far."""
    for number, text in enumerate(moves, start=first):
        try:
            state = apply(state, Move.parse(text)).state
        except IllegalMoveError as error:
            raise BadMoveError(number, text.strip(), error.reason, state) from None
    return state


# --- text -------------------------------------------------------------------------------


def turn_lines(scenario: Scenario, turn: Turn) -> list[str]:
    """A turn as a few lines of readable text."""
    reaction = turn.reaction
    label = move_label(scenario, turn.move)
    lines = [
        f"{turn.number:>3}. {label}"
        if turn.move.is_answer
        else f"{turn.number:>3}. You offer: {label}"
    ]
    said = f': "{reaction.say}"' if reaction.say else ""
    lines.append(f"     {reply_sentence(reaction.kind)}{said}")
    if reaction.kind is ReactionKind.COUNTER and reaction.counter:
        counter = scenario.proposal(reaction.counter)
        lines.append(f"     Their proposal: {counter.label}. {counter.summary}")
    lines.append(f"     Why: {reaction.why}")
    lines.append(f"     {meters_line(scenario, turn.meters, turn.stance)}")
    for event_id in turn.events:
        event = next(e for e in scenario.events if e.id == event_id)
        lines.append(f"     Between rounds: {event.title}. {event.text}")
    return lines


def game_text(state: GameState, who: Who = NOBODY) -> str:
    """The whole game as a readable account, turn by turn, then the outcome."""
    scenario = state.scenario
    lines = [f"{scenario.title}: {scenario.subtitle}", f"Seed {state.seed}", ""]
    current = -1
    for turn in state.turns:
        if turn.round != current:
            current = turn.round
            held = scenario.rounds[current]
            lines.append(f"Round {current + 1}: {held.label} ({held.time})")
        lines.extend(turn_lines(scenario, turn))
    lines.append("")
    lines.extend(outcome_lines(state, who))
    return "\n".join(lines)


def outcome_lines(state: GameState, who: Who = NOBODY) -> list[str]:
    """The outcome, accords, scores and the hidden profile; or where the game stands."""
    scenario = state.scenario
    result = outcome(state)
    if result is None:
        held = scenario.rounds[state.round]
        moves = len(state.turns)
        made = f"{moves} move{'' if moves == 1 else 's'} so far"
        return [f"The summit goes on: {held.label}, {made}."]
    accords = ", ".join(scenario.accord_label(a.id) for a in result.accords) or "none"
    scores = " · ".join(f"{s.label} {s.value}/100" for s in result.scores)
    history = [f"History and the essay: {result.ending.history}"] if result.ending.history else []
    return [
        f"Outcome: {result.ending.title}. {result.ending.text}",
        *history,
        f"Accords on the record: {accords}",
        f"Scores: {scores}",
        f"Across the table: {state.profile_info.label}. {state.profile_info.description}",
        f"Verification code: {who.verification(state)}",
    ]


# --- JSON -------------------------------------------------------------------------------


def _meters(scenario: Scenario, meters: tuple[int, ...]) -> dict[str, int]:
    return {meter.id: value for meter, value in zip(scenario.meters, meters, strict=True)}


def turn_json(scenario: Scenario, turn: Turn) -> dict[str, Any]:
    """One turn as a JSON-ready dictionary."""
    return {
        "n": turn.number,
        "round": scenario.rounds[turn.round].id,
        "move": str(turn.move),
        "reaction": turn.reaction.kind.value,
        "say": turn.reaction.say,
        "why": turn.reaction.why,
        "counter": turn.reaction.counter,
        "accord": turn.reaction.accord,
        "meters": _meters(scenario, turn.meters),
        "stance": scenario.stances[turn.stance].id,
        "events": list(turn.events),
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
    return {
        "scenario": scenario.id,
        "seed": state.seed,
        "over": state.is_over,
        "ending": result["ending"] if result else None,
        "accords": result["accords"] if result else [a.id for a in state.accords],
        "meters": _meters(scenario, state.meters),
        "stance": scenario.stances[state.stance].id,
        "outcome": result,
        "turns": [turn_json(scenario, turn) for turn in state.turns],
    }


# --- the stdio protocol -----------------------------------------------------------------


def protocol_message(state: GameState, who: Who = NOBODY) -> dict[str, Any]:
    """What the game writes before each move in ``--stdio`` mode (see docs/scripting.md)."""
    scenario = state.scenario
    held = scenario.rounds[state.round]
    pending = None
    if state.pending is not None:
        counter = scenario.proposals[state.pending.proposal]
        pending = {"id": counter.id, "label": counter.label, "summary": counter.summary}
    last = turn_json(scenario, state.turns[-1]) if state.turns else None
    return {
        "type": "state",
        "scenario": scenario.id,
        "seed": state.seed,
        "move_number": len(state.turns) + 1,
        "round": {
            "index": state.round + 1,
            "of": len(scenario.rounds),
            "id": held.id,
            "label": held.label,
            "turn": min(state.turn_in_round + 1, held.turns),
            "turns": held.turns,
        },
        "meters": _meters(scenario, state.meters),
        "stance": scenario.stances[state.stance].id,
        "accords": [accord.id for accord in state.accords],
        "legal": [
            {"move": str(o.move), "label": o.label, "available": o.available, "reason": o.reason}
            for o in move_options(state)
        ],
        "last": last,
        "pending": pending,
        "outcome": outcome_json(state, who),
    }


def _lines(stream: IO[str]) -> Iterator[str]:
    for line in stream:
        text = line.strip()
        if text and not text.startswith("#"):
            yield text


def run_stdio(
    state: GameState, source: IO[str], sink: IO[str], who: Who = NOBODY
) -> tuple[GameState, BadMoveError | None]:
    """Play over a line protocol: one JSON object out per state, one move in per line.

    Returns the final state and the bad move that stopped the game, if any.
    """

    def send(message: dict[str, Any]) -> None:
        sink.write(json.dumps(message, ensure_ascii=False) + "\n")
        sink.flush()

    send(protocol_message(state, who))
    for text in _lines(source):
        try:
            state = play_moves(state, [text], first=len(state.turns) + 1)
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
    return state, None


def interactive(
    state: GameState,
    source: IO[str] | None = None,
    sink: IO[str] | None = None,
    who: Who = NOBODY,
) -> GameState:
    """A terminal game: the menu is numbered; type a number or a move id (``q`` to stop)."""
    source = source or sys.stdin
    sink = sink or sys.stdout
    scenario = state.scenario
    write = sink.write
    write(f"{scenario.title}: {scenario.subtitle}\n\n")
    for paragraph in scenario.briefing:
        write(f"{paragraph}\n\n")
    while not state.is_over:
        held = scenario.rounds[state.round]
        turn = f"offer {state.turn_in_round + 1} of {held.turns}"
        write(f"\n{capitalise(held.label)} ({held.time}), {turn}\n")
        write(f"  {meters_line(scenario, state.meters, state.stance)}\n")
        if state.pending is not None:
            counter = scenario.proposals[state.pending.proposal]
            write(f"  Their proposal: {counter.label}. {counter.summary}\n")
        options = [o for o in move_options(state) if o.available]
        for number, option in enumerate(options, start=1):
            write(f"  {number:>2}. {option.label}  [{option.move}]\n")
        write("Your move (number or id, q to stop): ")
        sink.flush()
        line = source.readline()
        if not line or line.strip().lower() in ("q", "quit"):
            write("\n")
            break
        text = line.strip()
        if text.isdigit() and 1 <= int(text) <= len(options):
            text = str(options[int(text) - 1].move)
        try:
            state = apply(state, Move.parse(text)).state
        except IllegalMoveError as error:
            write(f"  Not possible: {error.reason}\n")
            continue
        write("\n".join(turn_lines(scenario, state.turns[-1])) + "\n")
    write("\n" + "\n".join(outcome_lines(state, who)) + "\n")
    return state
