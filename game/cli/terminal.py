"""Playing without a window: scripts of moves, a game in the terminal, and a game as text.

Everything here is a thin layer over :mod:`game.engine`: it reads moves, applies them and
writes what happened as readable text (the JSON forms and the stdio protocol are in
:mod:`game.cli.protocol`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Final

import attrs

from game.engine import (
    GameState,
    IllegalMoveError,
    MeterGroup,
    Move,
    Proposal,
    Scenario,
    apply,
    move_options,
    new_game,
    outcome,
)
from game.engine.describe import (
    answered_proposal,
    between_rounds,
    capitalise,
    meters_line,
    move_label,
    printable,
    proposal_costs,
    region_line,
    remembered,
    reply_sentence,
)
from game.engine.state import ReactionKind, Turn
from game.engine.transcript import short, verification_code
from game.store.reading import SCRIPT_LIMIT, UnreadableFileError, read_toml

TALKS: Final = MeterGroup.TALKS


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


MAX_SEED: Final = 2**63 - 1
"""The largest seed, as ``--seed`` takes it."""


def read_script(path: Path) -> Script:
    """Read ``moves = [...]`` (and optionally ``seed`` and ``scenario``) from a TOML file, read
    as every file is (:mod:`game.store.reading`)."""
    try:
        _, data = read_toml(
            path, what="a script", limit=SCRIPT_LIMIT, missing="no such script file"
        )
    except UnreadableFileError as error:
        raise ScriptError(str(error)) from None
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
        raise ScriptError(f"{path}: moves: expected an array of strings, got {short(moves)}")
    for index, move in enumerate(moves):
        if not isinstance(move, str) or not move.strip():
            raise ScriptError(
                f'{path}: moves[{index}]: expected a move such as "next_summit", got {short(move)}'
            )
    seed = data.get("seed")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise ScriptError(f"{path}: seed: expected an integer, got {short(seed)}")
    if seed is not None and not 0 <= seed <= MAX_SEED:
        raise ScriptError(f"{path}: seed: expected a seed from 0 to 2**63-1, got {seed}")
    scenario = data.get("scenario")
    if scenario is not None and (not isinstance(scenario, str) or not scenario):
        raise ScriptError(
            f"{path}: scenario: expected a scenario name or path, got {short(scenario)}"
        )
    return Script(tuple(moves), seed, scenario)


def legal_summary(state: GameState) -> str:
    """The moves available now, comma-separated (or a note that the summit is over)."""
    moves = [str(option.move) for option in move_options(state) if option.available]
    return ", ".join(moves) if moves else "none (the summit is over)"


class BadMoveError(ValueError):
    """A move that could not be played, with its position in the sequence and the legal moves.

    The move is kept as it can be shown: escaped, and cut to 60 characters.
    """

    def __init__(self, number: int, move: str, reason: str, state: GameState) -> None:
        self.number = number
        self.move = short(printable(move), quoted=False)
        self.reason = printable(reason)
        self.state = state
        self.legal = [str(option.move) for option in move_options(state) if option.available]
        super().__init__(
            f'move {number} "{self.move}": {self.reason}; legal moves: {legal_summary(state)}'
        )


MAX_MOVE: Final = 200
"""The longest line read as a move: ids are a few dozen characters."""


def move_problem(text: str) -> str:
    """Why a line read as a move cannot be one before it is even looked up (``""`` if none):
    bytes that were not UTF-8, or a line far longer than any move."""
    if len(text) > MAX_MOVE:
        return f"a move is at most {MAX_MOVE} characters"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "not UTF-8 text"
    return ""


def play_moves(state: GameState, moves: Iterable[str], first: int = 1) -> GameState:
    """Apply moves in order; on a bad one raise :class:`BadMoveError` with the state so far."""
    for number, text in enumerate(moves, start=first):
        problem = move_problem(text)
        if problem:
            raise BadMoveError(number, text.strip(), problem, state)
        try:
            state = apply(state, Move.parse(text)).state
        except IllegalMoveError as error:
            raise BadMoveError(number, text.strip(), error.reason, state) from None
    return state


class OutputError(Exception):
    """Standard output failed (a full disk, a closed pipe) during a game: the game so far and
    the error, so that the transcript can still be written."""

    def __init__(self, state: GameState, error: OSError) -> None:
        super().__init__(describe(error))
        self.state = state
        self.error = error


def describe(error: OSError) -> str:
    """Why output failed, in a few words."""
    return error.strerror or type(error).__name__


class Guarded:
    """A text stream that shows text from files safely (control characters escaped, lines
    kept) and turns a failed write into :class:`_WriteFailedError`, so a game knows where it
    stopped."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.last_state: GameState | None = None
        """The game as it stood at the last move shown (kept for :class:`OutputError`)."""

    def write(self, text: str) -> None:
        try:
            self.stream.write(printable(text, keep_newlines=True))
        except OSError as error:
            raise _WriteFailedError(error) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as error:
            raise _WriteFailedError(error) from None


class _WriteFailedError(Exception):
    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def read_line(source: IO[str]) -> str | None:
    """One line of input, or None at its end (or when there is no input at all). A line far
    longer than any move is cut and the rest skipped, so it cannot fill the memory."""
    try:
        line = source.readline(MAX_MOVE * 4)
    except (OSError, ValueError):  # a closed input
        return None
    if not line:
        return None
    if not line.endswith("\n") and len(line) >= MAX_MOVE * 4:
        rest = line
        while rest and not rest.endswith("\n"):
            rest = source.readline(64 * 1024)
    return line


# --- text -------------------------------------------------------------------------------

INDENT: Final = "     "
"""Where the lines under a turn's number start."""


def proposal_lines(scenario: Scenario, proposal: Proposal, indent: str = INDENT) -> list[str]:
    """Their proposal as a few lines: its terms, how each side describes it, what accepting
    does to the meters and how it may be answered."""
    lines = [
        f"{indent}Terms: {proposal.summary}",
        f"{indent}They call it: {proposal.their_view}",
        f"{indent}Washington calls it: {proposal.our_view}",
        f"{indent}Accepting: {proposal_costs(scenario, proposal)}",
    ]
    if proposal.amend:
        amended = move_label(scenario, Move.parse(proposal.amend))
        lines.append(f"{indent}Answer: accept, reject, or amend it to {amended}")
    else:
        lines.append(f"{indent}Answer: accept or reject")
    return lines


def turn_lines(scenario: Scenario, turns: Sequence[Turn], index: int = -1) -> list[str]:
    """A turn (the last one by default) as a few lines of readable text: the move, their
    reply and why, the meters, how the neighbours took it, and what happened before the
    next move."""
    index %= len(turns)
    turn = turns[index]
    reaction = turn.reaction
    label = move_label(scenario, turn.move, answered_proposal(scenario, turns, index))
    lines = [
        f"{turn.number:>3}. {label}"
        if turn.move.is_answer
        else f"{turn.number:>3}. You offer: {label}"
    ]
    said = f': "{reaction.say}"' if reaction.say else ""
    lines.append(f"{INDENT}{reply_sentence(reaction.kind)}{said}")
    lines.append(f"{INDENT}Why: {reaction.why}")
    lines.append(f"{INDENT}{meters_line(scenario, turn.meters, turn.stance, group=TALKS)}")
    if reaction.asides:
        lines.append(f"{INDENT}The neighbours: {'; '.join(reaction.asides)}.")
    if reaction.kind is ReactionKind.COUNTER and reaction.counter:
        counter = scenario.proposal(reaction.counter)
        lines.append(f"{INDENT}Their proposal instead: {counter.label}.")
        lines.extend(proposal_lines(scenario, counter, INDENT + "  "))
    for heading, text in between_rounds(scenario, turn):
        lines.append(f"{INDENT}{heading}: {text}")
    if turn.tabled:
        lines.extend(proposal_lines(scenario, scenario.proposal(turn.tabled), INDENT + "  "))
    return lines


def opening_lines(state: GameState) -> list[str]:
    """What is known before the first move: their head of delegation's first words (the
    first tell) and where the neighbours stand."""
    scenario = state.scenario
    start = new_game(scenario, state.seed, state.carry, hotseat=state.hotseat)
    lines = []
    if state.profile_info.opening:
        lines.append(f'Their head of delegation: "{state.profile_info.opening}"')
    region = region_line(scenario, start.meters)
    if region:
        lines.append(f"The neighbours: {region}")
    return lines


def game_text(state: GameState, who: Who = NOBODY) -> str:
    """The whole game as a readable account, turn by turn, then the outcome."""
    scenario = state.scenario
    lines = [f"{scenario.title}: {scenario.subtitle}", f"Seed {state.seed}"]
    opening = opening_lines(state)
    lines.extend(["", *opening] if opening else [])
    lines.append("")
    current = -1
    for index, turn in enumerate(state.turns):
        if turn.round != current:
            current = turn.round
            held = scenario.rounds[current]
            lines.append(f"Round {current + 1}: {held.label} ({held.time})")
        lines.extend(turn_lines(scenario, state.turns, index))
    lines.append("")
    lines.extend(outcome_lines(state, who))
    return "\n".join(lines)


def outcome_lines(state: GameState, who: Who = NOBODY) -> list[str]:
    """The outcome, accords, scores, the neighbours, what they remember and the hidden profile;
    or where the game stands."""
    scenario = state.scenario
    result = outcome(state)
    if result is None:
        held = scenario.rounds[state.round]
        moves = len(state.turns)
        made = f"{moves} move{'' if moves == 1 else 's'} so far"
        return [f"The summit goes on: {held.label}, {made}."]
    accords = ", ".join(scenario.accord_label(a.id) for a in result.accords) or "none"
    scores = " \u00b7 ".join(f"{s.label} {s.value}/100" for s in result.scores)
    history = [f"History and the essay: {result.ending.history}"] if result.ending.history else []
    region = region_line(scenario, state.meters)
    neighbours = [f"The neighbours: {region}"] if region else []
    memory = [f"They remember: {remembered(state.grudges)}"] if state.grudges else []
    return [
        f"Outcome: {result.ending.title}. {result.ending.text}",
        *history,
        f"Accords on the record: {accords}",
        f"Scores: {scores}",
        *neighbours,
        *memory,
        f"Across the table: {state.profile_info.label}. {state.profile_info.description}",
        f"Verification code: {who.verification(state)}",
    ]


def _prompt_lines(state: GameState) -> list[str]:
    """Where the game stands before a move: the session, the meters, the neighbours, what they
    remember and the proposal awaiting an answer."""
    scenario = state.scenario
    held = scenario.rounds[state.round]
    turn = f"offer {state.turn_in_round + 1} of {held.turns}"
    lines = [
        f"{capitalise(held.label)} ({held.time}), {turn}",
        f"  {meters_line(scenario, state.meters, state.stance, group=TALKS)}",
    ]
    region = region_line(scenario, state.meters)
    if region:
        lines.append(f"  The neighbours: {region}")
    if state.grudges:
        lines.append(f"  They remember: {remembered(state.grudges)}")
    if state.pending is not None:
        proposal = scenario.proposals[state.pending.proposal]
        lines.append(f"  Their proposal awaits your answer: {proposal.label}")
    return lines


def interactive(
    state: GameState,
    source: IO[str] | None = None,
    sink: IO[str] | None = None,
    who: Who = NOBODY,
) -> GameState:
    """A terminal game: the menu is numbered; type a number or a move id (``q`` to stop)."""
    source = source or sys.stdin
    guarded = Guarded(sink or sys.stdout)
    try:
        return _interactive(state, source, guarded, who)
    except _WriteFailedError as failed:
        raise OutputError(guarded.last_state or state, failed.error) from None


def _interactive(state: GameState, source: IO[str], sink: Guarded, who: Who) -> GameState:
    scenario = state.scenario
    write = sink.write
    sink.last_state = state
    write(f"{scenario.title}: {scenario.subtitle}\n\n")
    for paragraph in scenario.briefing:
        write(f"{paragraph}\n\n")
    if not state.turns:
        write("\n".join(opening_lines(state)) + "\n")
    while not state.is_over:
        write("\n" + "\n".join(_prompt_lines(state)) + "\n")
        options = [o for o in move_options(state) if o.available]
        for number, option in enumerate(options, start=1):
            write(f"  {number:>2}. {option.label}  [{option.move}]\n")
        write("Your move (number or id, q to stop): ")
        sink.flush()
        line = read_line(source)
        if line is None or line.strip().lower() in ("q", "quit"):
            write("\n")
            break
        text = line.strip()
        problem = move_problem(line)
        if problem:
            write(f"  Not possible: {problem}\n")
            continue
        # ASCII digits only: '²' is a digit to Python, and int() of it fails.
        if text.isascii() and text.isdigit() and len(text) <= 4 and 1 <= int(text) <= len(options):
            text = str(options[int(text) - 1].move)
        try:
            state = apply(state, Move.parse(text)).state
        except IllegalMoveError as error:
            write(f"  Not possible: {error.reason}\n")
            continue
        sink.last_state = state
        write("\n".join(turn_lines(scenario, state.turns)) + "\n")
    write("\n" + "\n".join(outcome_lines(state, who)) + "\n")
    return state
