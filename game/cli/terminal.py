"""Playing without a window: scripts of moves and a game in the terminal.

Everything here is a thin layer over :mod:`game.engine`: it reads moves and applies them; the
game as readable text is :mod:`game.cli.text`, the JSON forms and the stdio protocol are in
:mod:`game.cli.protocol`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Final

import attrs

from game.cli.text import (
    ANSWER_KEYS,
    amend_closed,
    headed,
    help_lines,
    info_lines,
    log_lines,
    menu_cards,
    menu_lines,
    meter_lines,
    opening_lines,
    outcome_lines,
    prompt_lines,
    turn_lines,
)
from game.engine import (
    AMEND,
    GameState,
    IllegalMoveError,
    Move,
    apply,
    judge,
    move_options,
    offered,
)
from game.engine.describe import (
    REPLY,
    capitalise,
    effect_text,
    move_label,
    printable,
    side_called,
)
from game.engine.foresight import reaction_effects
from game.engine.moves import UNKNOWN_MOVE
from game.engine.state import ReactionKind
from game.engine.transcript import LARGEST_SEED
from game.escapes import short
from game.store.reading import SCRIPT_LIMIT, UnreadableFileError, read_toml
from game.store.who import NOBODY, Who


class ScriptError(ValueError):
    """A script file that cannot be used; the message is one line naming the file and key."""


@attrs.frozen
class Script:
    """A script of moves read from a TOML file."""

    moves: tuple[str, ...]
    seed: int | None
    scenario: str | None


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
    if seed is not None and not 0 <= seed <= LARGEST_SEED:
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
    if moves:
        return ", ".join(moves)
    return "none (the summit is over)" if state.is_over else "none"


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


def plain_text_hint(text: str, reason: str, *, lines: bool = False) -> str:
    """``reason`` for a move refused, with a word for one written as JSON (a play-tester sent
    ``{"move": ...}`` to the JSON-lines protocol and read only "unknown move"); ``lines`` for
    moves read one per line (stdio, the terminal) rather than from a script's list.

    >>> plain_text_hint('{"move": "liaison_offices"}', "unknown move", lines=True)
    'unknown move (moves are plain text, one per line, not JSON)'
    """
    if reason != UNKNOWN_MOVE or text.lstrip()[:1] not in ("{", "["):
        return reason
    return f"{reason} (moves are plain text{', one per line' if lines else ''}, not JSON)"


CHOSEN: Final = "->"
"""In a hot-seat script, what separates a move from the North's answer to it:
``liaison_offices -> defer``, ``yongbyon_deal -> counter:PROPOSAL``."""


def split_choice(state: GameState, text: str) -> tuple[Move, ReactionKind | None, str | None]:
    """A script's move as played: the move and, in a hot-seat game, the North's choice of
    reaction and the proposal a counter-offer tables. Raises :class:`IllegalMoveError`."""
    move_text, arrow, choice = text.partition(CHOSEN)
    move = Move.parse(move_text)
    if not arrow:
        return move, None, None
    if not state.hotseat:
        raise IllegalMoveError(
            str(move), "only a hot-seat game (--hotseat) has the other side's choice after ->"
        )
    kind_text, _, proposal = choice.strip().partition(":")
    try:
        kind = ReactionKind(kind_text.strip())
    except ValueError:
        names = ", ".join(k.value for k in CHOOSABLE)
        raise IllegalMoveError(
            str(move), f"after -> expected one of {names}, got {short(kind_text.strip())}"
        ) from None
    return move, kind, proposal.strip() or None


CHOOSABLE: Final = (
    ReactionKind.ACCEPT,
    ReactionKind.COUNTER,
    ReactionKind.DEFER,
    ReactionKind.REJECT,
    ReactionKind.WALKOUT,
)
"""The reactions a player answering for the North may choose (as the rules allow)."""


def play_moves(
    state: GameState, moves: Iterable[str], first: int = 1, *, lines: bool = False
) -> GameState:
    """Apply moves in order; on a bad one raise :class:`BadMoveError` with the state so far.

    In a hot-seat game a move may carry the North's choice after ``->`` (see
    :func:`split_choice`); without one the rules decide. ``lines`` when the moves were read
    one per line (stdio), as a move sent as JSON is told."""
    for number, text in enumerate(moves, start=first):
        problem = move_problem(text)
        if problem:
            raise BadMoveError(number, text.strip(), problem, state)
        try:
            move, reaction, proposal = split_choice(state, text)
            state = apply(state, move, reaction, proposal).state
        except IllegalMoveError as error:
            reason = plain_text_hint(text, error.reason, lines=lines)
            raise BadMoveError(number, text.strip(), reason, state) from None
    return state


class OutputError(Exception):
    """Standard output failed (a full disk, a closed pipe) during a game: the game so far and
    the error, so that the transcript can still be written."""

    def __init__(self, state: GameState, error: OSError) -> None:
        super().__init__(describe(error))
        self.state = state
        self.error = error


class GameInterrupted(KeyboardInterrupt):
    """Ctrl-C during a game: the game as it stood at the last move played, so that the
    transcript can still be written before the command stops."""

    def __init__(self, state: GameState) -> None:
        super().__init__()
        self.state = state


def describe(error: OSError) -> str:
    """Why output failed, in a few words."""
    return error.strerror or type(error).__name__


class Guarded:
    """A text stream that shows text from files safely (control characters escaped, lines
    kept) and turns a failed write into :class:`_WriteFailedError`, so a game knows where it
    stopped."""

    def __init__(self, stream: IO[str], *, colour: bool = False) -> None:
        self.stream = stream
        self.colour = colour
        """True to style text with the terminal's colours (see :func:`use_colour`)."""
        self.last_state: GameState | None = None
        """The game as it stood at the last move shown (kept for :class:`OutputError`)."""

    def write(self, text: str, style: str = "") -> None:
        """Write ``text`` escaped; with ``style`` (an SGR code such as :data:`BOLD`) and colour
        on, styled line by line, so that no style runs on past a line's end."""
        shown = printable(text, keep_newlines=True)
        if style and self.colour:
            shown = "\n".join(
                f"\x1b[{style}m{line}\x1b[0m" if line else line for line in shown.split("\n")
            )
        try:
            self.stream.write(shown)
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


# --- colour ---------------------------------------------------------------------------------

BOLD: Final = "1"
ALERT: Final = "31"


def use_colour(stream: IO[str], environ: Mapping[str, str]) -> bool:
    """Colour only for a terminal, and never when ``NO_COLOR`` is set to anything
    (https://no-color.org): the text says everything without it."""
    if environ.get("NO_COLOR", "") != "":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):
        return False


# --- the terminal game -----------------------------------------------------------------------


def interactive(
    state: GameState,
    source: IO[str] | None = None,
    sink: IO[str] | None = None,
    who: Who = NOBODY,
    *,
    colour: bool | None = None,
) -> GameState:
    """A terminal game: a numbered menu of cards with their terms; type a number or a move id,
    or a command (``help`` lists them; ``q`` stops). In a hot-seat game the North's team then
    chooses their answer. Colour only when ``colour`` is true (by default: when the output is
    a terminal and ``NO_COLOR`` is unset)."""
    import os

    source = source or sys.stdin
    stream = sink or sys.stdout
    guarded = Guarded(stream)
    guarded.colour = use_colour(stream, os.environ) if colour is None else colour
    try:
        return _interactive(state, source, guarded, who)
    except _WriteFailedError as failed:
        raise OutputError(guarded.last_state or state, failed.error) from None
    except KeyboardInterrupt:
        raise GameInterrupted(guarded.last_state or state) from None


_STOP: Final = ("q", "quit")
_HELP: Final = ("help", "?", "h")
_LETTERS: Final = {letter: answer for answer, letter in ANSWER_KEYS.items()}
"""The answers' letters, each to its move id: ``r`` to ``reject``."""


def _interactive(state: GameState, source: IO[str], sink: Guarded, who: Who) -> GameState:
    scenario = state.scenario
    write = sink.write
    sink.last_state = state
    write(f"{headed(scenario.title, scenario.subtitle)}\n\n", BOLD)
    for paragraph in scenario.briefing:
        write(f"{paragraph}\n\n")
    if who.teams is not None:
        write("Teams:\n" + "".join(f"  {capitalise(line)}\n" for line in who.teams.lines(scenario)))
    if not state.turns:
        write("\n".join(opening_lines(state)) + "\n")
    write("Type help or ? for the commands.\n")
    show_menu, full = True, True
    while not state.is_over:
        cards = menu_cards(state)
        if show_menu:
            write("\n" + "\n".join(prompt_lines(state)) + "\n", BOLD)
            write("\n".join(menu_lines(state, cards, full=full)) + "\n")
        show_menu = False
        if state.pending is not None:
            amends = "" if amend_closed(state) else ", m amends"
            write(f"Your answer (a accepts, r rejects{amends}; help, q): ")
        else:
            write("Your move (number, move id, help, q): ")
        sink.flush()
        line = read_line(source)
        if line is None or line.strip().lower() in _STOP:
            write("\n")
            break
        text = line.strip()
        problem = move_problem(line)
        if problem:
            write(f"  Not possible: {problem}\n", ALERT)
            continue
        command, _, rest = text.partition(" ")
        command = command.lower()
        if command in _HELP:
            write("\n".join(help_lines()) + "\n")
            continue
        if command == "info":
            if not rest.strip():
                write("  Which card? Type info and its number, e.g. info 2\n", ALERT)
                continue
            write("\n".join(info_lines(state, cards, rest.strip())) + "\n")
            continue
        if command == "menu":
            show_menu, full = True, True
            continue
        if command == "meters":
            write("\n".join(meter_lines(state)) + "\n")
            continue
        if command == "log":
            write("\n".join(log_lines(state)) + "\n")
            continue
        answer = next(
            (card for card in cards if card.number == 0 and card.key == text.lower()), None
        )
        if answer is not None:
            text = str(answer.option.move)
        elif text.lower() in _LETTERS and text.lower() not in state.scenario.offer_index:
            # An answer's letter with no answer to give (none of theirs waits, or it cannot be
            # amended) is still that answer, refused for the rules' reason, not "unknown move".
            text = _LETTERS[text.lower()]
        # ASCII digits only: '²' is a digit to Python, and int() of it fails.
        number = text.isascii() and text.isdigit()
        numbered = [card for card in cards if card.number]
        if number and not (len(text) <= 4 and 1 <= int(text) <= len(numbered)):
            # A number that names no card, as `info` says it (it said "unknown move").
            said = f"no card {short(text)}: the cards are 1 to {len(numbered)}"
            write(f"  Not possible: {said}\n", ALERT)
            continue
        if number:
            card = numbered[int(text) - 1]
            if not card.available:
                write(
                    f"  Not possible: {card.option.label} is locked: {card.option.reason}\n", ALERT
                )
                continue
            text = str(card.option.move)
        move = Move.parse(text)
        reaction: ReactionKind | None = None
        proposal: str | None = None
        if state.hotseat:
            chosen = _north_chooses(state, move, source, sink)
            if chosen is None:
                write("\n")
                break
            reaction, proposal = chosen
        try:
            state = apply(state, move, reaction, proposal).state
        except IllegalMoveError as error:
            write(f"  Not possible: {plain_text_hint(text, error.reason, lines=True)}\n", ALERT)
            continue
        sink.last_state = state
        write("\n".join(turn_lines(state)) + "\n")
        show_menu, full = True, False  # the terms were shown: a line a card from now on
    write("\n" + "\n".join(outcome_lines(state, who)) + "\n")
    return state


def north_choices(
    state: GameState, move: Move
) -> tuple[str, list[tuple[ReactionKind, str | None, str]]]:
    """What the rules would do with ``move`` (why, in a line) and the answers the North's
    player may choose instead: (reaction, the proposal a counter-offer tables, label). Empty
    when the move is not theirs to judge (an answer to their proposal, a recess, walking
    away) or cannot be played."""
    try:
        judgement = judge(state, move)
    except IllegalMoveError:
        return "", []
    scenario = state.scenario
    choices: list[tuple[ReactionKind, str | None, str]] = []
    for kind in judgement.allowed:
        if kind is ReactionKind.COUNTER:
            for proposal in judgement.proposals:
                label = scenario.proposal(proposal).mid_label
                choices.append((kind, proposal, f"counter: table {label}"))
        else:
            choices.append((kind, None, REPLY[kind]))
    return judgement.why, choices


def _north_chooses(
    state: GameState, move: Move, source: IO[str], sink: Guarded
) -> tuple[ReactionKind | None, str | None] | None:
    """In a hot-seat game, ask the North's team how they answer ``move``: (reaction, proposal),
    both None for the rules' choice; None when the input ended or they typed q."""
    why, choices = north_choices(state, move)
    if not choices:
        return None, None
    write = sink.write
    sides = state.scenario.sides
    write(
        f"\nFor the {side_called(sides.counterpart, 'team', 'second team')}: the "
        f"{side_called(sides.player, 'team', 'first team')} "
        f"{'answers your proposal with' if move.offer == AMEND else 'offers'} "
        f"{move_label(state.scenario, offered(state, move), mid=True)}.\n",
        BOLD,
    )
    write(f"  The rules' answer: {why}\n")
    # What each answer changes, as the window's answer screen shows it.
    shown = offered(state, move)
    for number, (kind, _, label) in enumerate(choices, start=1):
        foreseen = reaction_effects(state, shown, kind, answering=move.offer == AMEND)
        effects = effect_text(state.scenario, *foreseen, none="")
        write(f"  {number:>2}. {label}" + (f" ({effects})" if effects else "") + "\n")
    while True:
        write("Your answer (number; Enter for the rules' choice; q to stop): ")
        sink.flush()
        line = read_line(source)
        if line is None or line.strip().lower() in _STOP:
            return None
        text = line.strip()
        if not text:
            return None, None
        if text.isascii() and text.isdigit() and len(text) <= 4 and 1 <= int(text) <= len(choices):
            kind, proposal, _ = choices[int(text) - 1]
            return kind, proposal
        write(f"  Not possible: expected a number from 1 to {len(choices)}\n", ALERT)
