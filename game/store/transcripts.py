"""Read and write transcript files (TOML): the file edge of :mod:`game.engine.transcript`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Final

from game import __version__
from game.engine.state import GameState
from game.engine.transcript import (
    MAX_TURNS,
    Transcript,
    TranscriptError,
    Undo,
    clean_name,
    from_document,
    to_document,
)
from game.store.files import write_text_atomic
from game.store.reading import (
    SAVE_KEYS,
    TRANSCRIPT_LIMIT,
    UnreadableFileError,
    parse_toml,
    read_text,
)
from game.store.toml_text import InlineTable
from game.store.toml_text import dumps as toml_dumps
from game.store.who import NOBODY, Who


def _inline(document: dict[str, Any]) -> dict[str, Any]:
    for turn in document.get("turns", []):
        turn["meters"] = InlineTable(turn["meters"])
    start = document.get("start")
    if start is not None:
        start["meters"] = InlineTable(start["meters"])
    result = document.get("outcome")
    if result is not None:
        result["scores"] = InlineTable(result["scores"])
        result["meters"] = InlineTable(result["meters"])
    return document


def dumps(document: dict[str, Any]) -> str:
    """A transcript document as TOML text, with a header saying what the file is."""
    header = (
        "# Hanoi Summit transcript: a save, a replay and a grading record.\n"
        "# Check it with: python -m game replay THIS_FILE --verify\n\n"
    )
    return header + toml_dumps(_inline(document))


def transcript_document(
    state: GameState, who: Who = NOBODY, undos: tuple[Undo, ...] = ()
) -> dict[str, Any]:
    """The document of a game's transcript, played by ``who``, with the moves taken back."""
    return to_document(
        state,
        game_version=__version__,
        player=clean_name(who.player),
        # Plain text: the TOML writer would spell a Mode out letter by letter.
        mode=str(who.mode),
        code=who.code,
        undos=undos,
        teams=who.teams,
    )


def transcript_text(state: GameState, who: Who = NOBODY, undos: tuple[Undo, ...] = ()) -> str:
    """The TOML text of a game's transcript, played by ``who``."""
    return dumps(transcript_document(state, who, undos))


def write_transcript(
    path: Path, state: GameState, who: Who = NOBODY, undos: tuple[Undo, ...] = ()
) -> None:
    """Write a game's transcript atomically (a crash leaves the old file or the new one)."""
    write_text_atomic(path, transcript_text(state, who, undos))


class UnreadableTranscriptError(TranscriptError):
    """A transcript file that cannot be read at all: missing, not a regular file, too large, not
    text, not TOML. (A file that reads but holds what no transcript does raises the plain
    :class:`TranscriptError`: the file was edited, or is something else.)"""


def read_transcript(path: Path) -> Transcript:
    """Read a transcript file as every file is read (:mod:`game.store.reading`); raise
    :class:`TranscriptError` with one line per problem (:class:`UnreadableTranscriptError`
    where the file cannot be read at all)."""
    try:
        text = read_text(path, what="a transcript", limit=TRANSCRIPT_LIMIT)
    except UnreadableFileError as problem:
        raise UnreadableTranscriptError([str(problem)]) from None
    return parse_transcript(text, str(path))


_TURN_TABLE: Final = re.compile(r"^[ \t]*\[\[[ \t]*turns[ \t]*\]\]", re.MULTILINE)
"""The line that opens a turn's table."""


def _too_many_turns(text: str, source: str) -> str:
    """The line for a text with more turn tables than any game has (before it is parsed: a
    file of a few MB of bare ``[[turns]]`` lines took seconds and hundreds of MB to read)."""
    for count, found in enumerate(_TURN_TABLE.finditer(text), start=1):
        if count > MAX_TURNS:
            line = text.count("\n", 0, found.start()) + 1
            return f"{source}:{line}:1: turn {count}: more turns than any game has ({MAX_TURNS})"
    return ""


def parse_transcript(text: str, source: str) -> Transcript:
    """Parse transcript TOML text; raise :class:`TranscriptError` with one line per problem."""
    problem = _too_many_turns(text, source)
    if problem:
        raise UnreadableTranscriptError([problem])
    try:
        data = parse_toml(text, source)
    except UnreadableFileError as problem:
        raise UnreadableTranscriptError([str(problem)]) from None
    return from_document(data, source, also=SAVE_KEYS)
