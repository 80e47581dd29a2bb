"""Exported transcripts: what a student hands in, named after the student and the class, in a
folder they can find.

Exports go to ``Hanoi Summit`` in the user's documents folder (``Documents`` on Windows, macOS
and most Linux desktops), not to the hidden folder that holds saves and settings. With
``HANOI_SUMMIT_HOME`` set they go to its ``exports`` folder, as before. Exports made by earlier
versions stay where they were written: nothing is moved.

The file is named ``<who>_<class>_<day>.toml``: who played (the student, or a team game's
teams), the class code (else the scenario and seed) and the day, e.g.
``Sam-Rivera_HNOI-16JJ_2026-12-01.toml``. An export never replaces an earlier one: a second
export the same day gets ``-2``, and so on.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Final

from game.store.files import HOME_ENV, data_dir, make_folder, write_bytes_atomic
from game.store.names import file_stem
from game.store.reading import TOML_SUFFIX

if TYPE_CHECKING:
    from game.engine import GameState
    from game.engine.transcript import Undo
    from game.store.who import Who

FOLDER_NAME: Final = "Hanoi Summit"
"""The folder made in the user's documents folder."""
EXPORTS_DIR: Final = "exports"
"""The folder under ``HANOI_SUMMIT_HOME`` (or a store's own root) instead."""


def exports_dir() -> Path:
    """Where exports go: ``$HANOI_SUMMIT_HOME/exports`` when that is set, else ``Hanoi Summit``
    in the user's documents folder."""
    if os.environ.get(HOME_ENV):
        return data_dir() / EXPORTS_DIR
    import platformdirs

    return platformdirs.user_documents_path() / FOLDER_NAME


def export_stem(who: str, class_code: str, scenario: str, seed: int, day: date) -> str:
    """The name of an export without its extension.

    >>> export_stem("Sam Rivera", "HNOI-16JJ", "hanoi", 1234, date(2026, 12, 1))
    'Sam-Rivera_HNOI-16JJ_2026-12-01'
    >>> export_stem("", "", "next_summit", 7, date(2026, 12, 1))
    'anonymous_next-summit-7_2026-12-01'
    """
    played = file_stem(class_code) if class_code else file_stem(f"{scenario}-{seed}")
    return f"{file_stem(who, 'anonymous')}_{played}_{day.isoformat()}"


def export_game(
    folder: Path,
    state: GameState,
    day: date,
    who: Who,
    undos: tuple[Undo, ...] = (),
) -> Path:
    """Write the transcript of ``state`` to hand in, as the window's Export and ``play
    --export`` both do: into ``folder``, named after who played, the class code (else the
    scenario and seed) and ``day``, never over an earlier export. Raises :class:`OSError`."""
    from game.engine.teams import who_played
    from game.store.transcripts import transcript_text

    played = who_played(who.player, who.teams)
    stem = export_stem(played, who.code, state.scenario.id, state.seed, day)
    return write_new(folder, stem, transcript_text(state, who, undos))


def write_new(folder: Path, stem: str, text: str) -> Path:
    """Write ``text`` into ``folder`` as ``stem.toml``, or ``stem-2.toml`` and so on when the
    name is taken: never over an earlier file. Raises :class:`OSError`."""
    make_folder(folder)
    for _ in range(3):
        path = _free(folder, stem)
        try:
            write_bytes_atomic(path, text.encode("utf-8"), replace=False)
        except FileExistsError:
            continue  # another export took the name between the look and the write
        return path
    raise FileExistsError(f"{folder}: every name for {stem} was taken while exporting")


def _free(folder: Path, stem: str) -> Path:
    """The first of ``stem.toml``, ``stem-2.toml``... that is not taken (in any case)."""
    taken: set[str] = set()
    with contextlib.suppress(OSError):
        taken = {path.name.casefold() for path in folder.iterdir()}
    path, number = folder / f"{stem}{TOML_SUFFIX}", 2
    while path.name.casefold() in taken or path.exists():
        path = folder / f"{stem}-{number}{TOML_SUFFIX}"
        number += 1
    return path
