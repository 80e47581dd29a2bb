"""What a game played from the command line leaves behind: its transcript (checked before a
move is played), an export for the class, the game printed as text or JSON, and one-line
warnings on standard error."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import IO

from game.cli.parser import UsageError
from game.engine import GameState
from game.engine.describe import printable
from game.store.files import check_writable, describe_os_error, make_folder
from game.store.who import Who


def warn(text: str) -> None:
    """One line on standard error, with anything a terminal would act on escaped."""
    print(printable(text), file=sys.stderr)


def check_transcript_path(
    path: Path | None, script: Path | None, earlier: Path | None = None
) -> None:
    """Refuse, before a move is played, a transcript that could not be written or would
    overwrite the script being played or the earlier summit's transcript it continues (which
    the new game's start is checked against)."""
    if path is None:
        return
    try:
        check_writable(path)
    except OSError as error:
        raise UsageError(
            f"{path}: cannot write the transcript: {describe_os_error(error)}"
        ) from None
    if not path.parent.exists():
        # A mistyped folder would be made without a word (a play-tester's was): the transcript
        # goes into a folder that is there.
        raise UsageError(
            f"{path}: cannot write the transcript: there is no folder {path.parent} "
            "(make it first, or check the name)"
        )
    for given, what in (
        (script, "the script being played"),
        (earlier, "the earlier summit's transcript (--from)"),
    ):
        if given is not None and _same_file(path, given):
            raise UsageError(f"{path}: is {what}; give the transcript a name of its own")


def _same_file(path: Path, other: Path) -> bool:
    with contextlib.suppress(OSError, ValueError):
        return path.exists() and path.samefile(other)
    return False


def _write_transcript_to(path: Path | None, state: GameState, who: Who) -> None:
    if path is None:
        return
    from game.store.transcripts import write_transcript

    try:
        write_transcript(path, state, who)
    except OSError as error:
        raise UsageError(
            f"{path}: cannot write the transcript: {describe_os_error(error)}"
        ) from None


def check_export_folder() -> None:
    """Refuse, before a move is played, an export folder that cannot be made or written to,
    so that a game is not played to the end and then lost."""
    import tempfile

    from game.store.exports import exports_dir

    folder = exports_dir()
    try:
        make_folder(folder)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise UsageError(f"{folder}: cannot export: {describe_os_error(error)}") from None


def _export_for_class(state: GameState, who: Who) -> None:
    """Write the transcript to hand in into the exports folder, named as the window names it
    (see :mod:`game.store.exports`), and say where it went on standard error."""
    from datetime import date

    from game.store.exports import export_game, exports_dir

    folder = exports_dir()
    try:
        path = export_game(folder, state, date.today(), who)
    except OSError as error:
        raise UsageError(f"{folder}: cannot export: {describe_os_error(error)}") from None
    warn(f"exported to {path}")


def leave_behind(state: GameState, who: Who, transcript: Path | None, *, export: bool) -> None:
    """What a game played from the command line leaves, however it stopped (at its end, at a
    bad move, on Ctrl-C, when its output failed): its transcript where ``--transcript`` asked,
    and with ``--export`` the same game in the exports folder, so that the two always agree."""
    _write_transcript_to(transcript, state, who)
    if export:
        _export_for_class(state, who)


def print_game(state: GameState, form: str, who: Who, stream: IO[str] | None = None) -> None:
    from game.cli.protocol import game_json, json_text
    from game.cli.text import game_text

    stream = stream or sys.stdout
    if form == "json":
        stream.write(json_text(game_json(state, who), indent=2) + "\n")
    else:
        stream.write(printable(game_text(state, who), keep_newlines=True) + "\n")
