"""What screens hand back that carries a game: its setup, the commands with a move or a save in
them, the places that show part of a game (the briefing, the hot-seat choices), and what was
typed on the New game form towards one.

Apart from :mod:`game.ui.screen` so that the title screen opens without them: none is needed
until a game is set up, and each class attrs makes costs its first frame part of a millisecond.
:mod:`game.ui.screen` names them in its :data:`~game.ui.screen.Command` and
:data:`~game.ui.screen.Place`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from game.draw.theme import Tone
from game.store.who import UNNAMED, Who

if TYPE_CHECKING:
    from game.engine import Carry, Judgement, Move, ReactionKind, Scenario


# --- A new game ---------------------------------------------------------------------------------


@attrs.frozen
class GameSetup:
    """Everything that decides a new game before its first move."""

    scenario: Scenario
    seed: int
    who: Who = UNNAMED
    """Who plays, in what mode, with what class code (a team game names its teams)."""
    hotseat: bool = False
    scenario_file: str = ""
    """The file the scenario was read from (kept in saves so they load again)."""
    carry: Carry | None = None
    """Where an earlier summit left off, for a scenario that continues one."""
    autoplay: str = ""
    """The built-in strategy playing this game in the window by itself (``--autoplay``), or
    ``""``. Such a game never replaces the player's autosave."""


@attrs.frozen
class Notice:
    """A short message for the table's toast (saved, save failed, undo refused)."""

    serial: int
    text: str
    tone: Tone = Tone.NEUTRAL


# --- Commands: what happens to the game in play -------------------------------------------------


@attrs.frozen
class NewGame:
    """Start a game; ``keep`` says what becomes of an unfinished game in the autosave: kept as
    a named save (True), replaced (False), or the player is asked (None)."""

    setup: GameSetup
    keep: bool | None = None


@attrs.frozen
class PlayMove:
    """Put a move on the table; ``reaction`` is the hot-seat counterpart's choice, and
    ``proposal`` the proposal of theirs that a hot-seat counter-offer tables."""

    move: Move
    reaction: ReactionKind | None = None
    proposal: str | None = None


@attrs.frozen
class SaveSlot:
    """Save the game in play under a name."""

    name: str


@attrs.frozen
class LoadSave:
    """Load the save in ``path``; ``keep`` as for :class:`NewGame`."""

    path: Path
    keep: bool | None = None


@attrs.frozen
class DeleteSave:
    """Delete the save in ``path`` (from the save screen when ``saving``, else the load one)."""

    path: Path
    saving: bool = False


# --- Places: where a screen can send the player -------------------------------------------------


@attrs.define
class FormDraft:
    """What was typed on the New game form, kept by the flow for this run so that the form
    opens with it again: a play-tester's Enter on Back lost a student's name and class code."""

    player: str = ""
    code: str = ""
    seed: str = ""
    """The player's own seed ("" until the form has been left once)."""
    mode: int = 0
    """The mode chosen (an index into the class codes' modes)."""
    team_us: str = ""
    team_north: str = ""
    kept: bool = False
    """True once a form has written to it: until then the form opens as the flow offers."""


@attrs.frozen
class Briefing:
    """The briefing for a game set up on the form; its last page starts the game. ``keep`` is
    the :class:`NewGame`'s (False for a next summit: the game it continues is finished)."""

    setup: GameSetup
    keep: bool | None = None


@attrs.frozen
class RoleCards:
    """The role cards of a hot-seat game, after its briefing; the last page starts the game."""

    setup: GameSetup
    keep: bool | None = None


@attrs.frozen
class OfferForms:
    """The forms an offer can take, to choose one and play it."""

    offer: str
    """The offer's id."""


@attrs.frozen
class Answer:
    """Hot-seat: the second player chooses how the counterpart answers ``move``."""

    move: Move
    judgement: Judgement


@attrs.frozen
class Tabling:
    """Hot-seat: the second player, countering ``move``, chooses which proposal to table."""

    move: Move
    judgement: Judgement
