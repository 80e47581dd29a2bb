"""The points of graded games already played past: a graded game never goes back, so a save of
one is not loaded at a point its game went on from.

A play-tester saved a graded game, played a move, loaded the save and played the move again;
nothing in the transcript showed it, and the teacher's check passed it. Every autosave of a
graded game now adds the points it has played past (the hash of the game before each move,
which pins down the whole game up to there) to ``graded.toml`` beside the saves, under the
game's identity (drawn when it starts, kept by its saves: the same seed played again with the
same moves is another game); loading a save whose game stands at such a point is refused in
one line.

What the file holds is only ever added to, read whole and bounded: a damaged or foreign file
counts as holding nothing (logged), never as a reason to stop a game.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from game.store.files import describe_os_error, write_text_atomic
from game.store.reading import KB, UnreadableFileError, read_toml
from game.store.toml_text import dumps
from game.store.who import Who

if TYPE_CHECKING:
    from game.engine.state import GameState

log = logging.getLogger(__name__)

PLAYED_PAST: Final = "graded.toml"
"""The file, in the saves folder."""
FORMAT: Final = 1
LIMIT: Final = 4000
"""The most points kept, the newest: about three hundred graded games."""
_SIZE_LIMIT: Final = 256 * KB
WENT_ON: Final = (
    "an earlier point of a graded game, which was played on from there: a graded game cannot "
    "go back"
)
"""Why such a save is not loaded, after its file's name."""


GAME_ID: Final = re.compile("[0-9a-f]{16}")
"""What a game's identity looks like in a save (see :func:`new_game_id`)."""


def new_game_id() -> str:
    """A new game's identity: its saves keep it, and a game replayed on the same seed with the
    same moves, whose points are the same, has another."""
    return secrets.token_hex(8)


def point(game: str, state: GameState) -> str:
    """A point of a game as the file records it: the game's identity and its hash there, as
    one short digest."""
    return hashlib.sha256(f"{game}\x00{state.hash}".encode()).hexdigest()[:32]


class PlayedPast:
    """The file of points played past, in the saves folder ``saves``."""

    def __init__(self, saves: Path) -> None:
        self.path = saves / PLAYED_PAST
        self._known: tuple[tuple[int, int], list[str], frozenset[str]] | None = None
        """The points last read, by the file's modification time and size: the load screen
        asks of every graded save it lists."""

    def read(self) -> list[str]:
        """The points recorded, oldest first; none when the file is missing or damaged."""
        return self._points()[0]

    def _points(self) -> tuple[list[str], frozenset[str]]:
        """The points recorded, in order and as a set: read again only when the file changed."""
        try:
            stat = self.path.stat()
        except OSError:
            stamp = None
        else:
            stamp = (stat.st_mtime_ns, stat.st_size)
        known = self._known
        if known is not None and stamp == known[0]:
            return known[1], known[2]
        points = self._read()
        if stamp is not None:
            self._known = (stamp, points, frozenset(points))
        return points, frozenset(points)

    def _read(self) -> list[str]:
        try:
            _, document = read_toml(self.path, what="the graded games' record", limit=_SIZE_LIMIT)
        except UnreadableFileError as error:
            if not error.missing:
                log.warning("saves: %s", error)
            return []
        points = document.get("passed")
        if document.get("format") != FORMAT or not isinstance(points, list):
            log.warning("saves: %s: not a record of graded games; read as empty", self.path)
            return []
        return [p for p in points if isinstance(p, str) and len(p) == 32][-LIMIT:]

    def went_on(self, who: Who, game: str, state: GameState) -> bool:
        """True when ``state`` is a point the graded game ``game`` was played on from."""
        return who.is_graded and bool(game) and point(game, state) in self._points()[1]

    def add(self, who: Who, game: str, states: Iterable[GameState]) -> str:
        """Record the points of ``states`` as played past in ``game``; return why it failed
        (``""``: it did not). Only a graded game's count, once it has an identity."""
        if not who.is_graded or not game:
            return ""
        known = self.read()
        seen = set(known)
        new = [p for p in (point(game, s) for s in states) if p not in seen]
        if not new:
            return ""
        document = {"format": FORMAT, "passed": [*known, *dict.fromkeys(new)][-LIMIT:]}
        try:
            write_text_atomic(self.path, dumps(document))
        except OSError as error:
            return f"{self.path}: cannot record the graded game: {describe_os_error(error)}"
        return ""
