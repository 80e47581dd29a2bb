"""The game in play: its state, the states before each move (for undo), who plays it, and its
saves. Pygame-free.

Screens never change game state. They read the session and return ``Apply(command)``; the flow
(:mod:`game.ui.flow`) carries out each command on the session, the one place where moves are
played and taken back and saves are written.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final

import attrs

from game.draw.theme import Tone
from game.store.graded import new_game_id
from game.store.saves import Attempt, SavedGame, SaveStore, WriteResult
from game.store.who import UNNAMED, Who
from game.ui.in_play import GameSetup, Notice
from game.ui.screen import Dialog, message

if TYPE_CHECKING:
    from game.engine import GameState, Judgement, Move, ReactionKind, Scenario, Turn
    from game.engine.transcript import Undo

UNDO_GRADED: Final = "Graded game: a move cannot be taken back."
UNDO_NOTHING: Final = "There is no move to take back yet."


class Step(enum.Enum):
    """What the screens should show after a move, in order."""

    REPLY = "reply"
    """Their answer in the speech bubble (always)."""
    EVENT = "event"
    """Something happened between rounds: the event pop-up."""
    PROPOSAL = "proposal"
    """A proposal of theirs awaits an answer (a counter-offer, or one they tabled as the next
    round opened): the proposal dialog."""
    OUTCOME = "outcome"
    """The summit is over: the outcome scene follows."""


@attrs.frozen
class Played:
    """One move played: the states either side of it and what to show next."""

    move: Move
    before: GameState
    after: GameState
    steps: tuple[Step, ...]
    save_problem: str = ""
    """Why the autosave failed (``""`` when it was written or saving is off)."""

    @property
    def turn(self) -> Turn:
        """The turn the move made."""
        return self.after.turns[-1]


@attrs.define(eq=False)
class Session:
    """A game in play: its state, the states before each move (for undo), who plays, and saves.

    ``store`` None means nothing is written (screenshots, some tests).
    """

    state: GameState
    who: Who = UNNAMED
    """Who plays, in what mode, with what class code (a team game names its teams)."""
    scenario_file: str = ""
    """The scenario file the game was started from, when it is not an installed one."""
    history: list[GameState] = attrs.field(factory=list)
    undos: list[Undo] = attrs.field(factory=list)
    store: SaveStore | None = None
    notices: list[Notice] = attrs.field(factory=list)
    autoplay: str = ""
    """The strategy playing the game by itself, or ``""``: its moves are never autosaved."""
    game: str = ""
    """Which game this is, as its saves keep it (see :func:`game.store.graded.new_game_id`)."""

    @classmethod
    def start(cls, setup: GameSetup, store: SaveStore | None = None) -> Session:
        """A new game, autosaved at once so Continue finds it even before the first move."""
        from game.engine import new_game

        session = cls(
            new_game(setup.scenario, setup.seed, setup.carry, hotseat=setup.hotseat),
            setup.who,
            setup.scenario_file,
            store=store,
            autoplay=setup.autoplay,
            game=new_game_id(),
        )
        session.autosave()
        return session

    @classmethod
    def from_saved(cls, saved: SavedGame, store: SaveStore | None = None) -> Session:
        """Go on with a loaded game, undo history included."""
        return cls(
            saved.state,
            saved.who,
            saved.scenario_file,
            list(saved.history),
            list(saved.undos),
            store,
            # A save from before saves kept it: from here on, a game of its own.
            game=saved.game or new_game_id(),
        )

    @property
    def scenario(self) -> Scenario:
        """The scenario being played."""
        return self.state.scenario

    @property
    def hotseat(self) -> bool:
        """True when a second player answers for the counterpart (the state's own flag)."""
        return self.state.hotseat

    @property
    def is_graded(self) -> bool:
        """True in graded mode: no undo."""
        return self.who.is_graded

    @property
    def undo_block(self) -> str:
        """Why undo is not possible now (``""`` when it is)."""
        if self.is_graded:
            return UNDO_GRADED
        if not self.history:
            return UNDO_NOTHING
        return ""

    @property
    def setup(self) -> GameSetup:
        """The setup that started this game: replaying it gives the same game."""
        return GameSetup(
            self.scenario,
            self.state.seed,
            self.who,
            self.hotseat,
            self.scenario_file,
            self.state.carry,
            self.autoplay,
        )

    def judge(self, move: Move) -> Judgement | None:
        """The counterpart's verdict on ``move`` as the rules see it, or None when the move is
        not judged (answers, recesses, walking away) or cannot be played."""
        from game.engine import IllegalMoveError, judge

        try:
            return judge(self.state, move)
        except IllegalMoveError:
            return None

    def play(
        self, move: Move, reaction: ReactionKind | None = None, proposal: str | None = None
    ) -> Played:
        """Play ``move`` and autosave. ``reaction`` is a hot-seat player's choice for their
        side, and ``proposal`` the proposal of theirs a counter-offer tables.

        Raises :class:`IllegalMoveError` for a move that cannot be played now.
        """
        from game.engine import apply

        before = self.state
        after = apply(before, move, reaction, proposal).state
        self.history.append(before)
        self.state = after
        turn = after.turns[-1]
        steps = [Step.REPLY]
        if turn.events:
            steps.append(Step.EVENT)
        if after.pending is not None and not after.is_over:
            steps.append(Step.PROPOSAL)
        if after.is_over:
            steps.append(Step.OUTCOME)
        return Played(move, before, after, tuple(steps), self.autosave())

    def undo(self) -> Attempt[Turn]:
        """Step back one move (practice only): the turn taken back, or why none was. The
        transcript records what was taken back."""
        from game.engine.transcript import Undo

        block = self.undo_block
        if block:
            return Attempt(None, block)
        turn = self.state.turns[-1]
        self.state = self.history.pop()
        self.undos.append(Undo(len(self.state.turns), str(turn.move), turn.reaction.kind.value))
        self.autosave()
        return Attempt(turn)

    def saved_game(self) -> SavedGame:
        """The game as the save files hold it."""
        return SavedGame(
            self.state,
            tuple(self.history),
            tuple(self.undos),
            self.who,
            self.scenario_file,
            self.game,
        )

    def autosave(self) -> str:
        """Write the autosave; return why it failed (``""`` if written or saving is off)."""
        if self.store is None or self.autoplay:
            # A game the window plays by itself must not replace the player's own.
            return ""
        result = self.store.autosave(self.saved_game())
        if not result.is_ok:
            self.notify(f"Autosave failed: {result.problem}", Tone.ALARM)
        return result.problem

    def save_as(self, name: str) -> WriteResult:
        """Save into a named slot."""
        if self.store is None:
            return WriteResult(None, "saving is switched off")
        return self.store.save_slot(name, self.saved_game())

    def export(self) -> WriteResult:
        """Write the transcript into the exports folder."""
        if self.store is None:
            return WriteResult(None, "saving is switched off")
        return self.store.export(self.saved_game())

    def verification(self) -> str:
        """The game's verification code as its transcript records it: the game and who played."""
        return self.who.verification(self.state)

    def next_summit(self) -> GameSetup | Dialog:
        """The game of the scenario that follows this finished one, carrying over where it
        left off (trust, the other meters it names, the accords on the record), with the next
        round's class code; or the message that says why there is none."""
        from game.classroom.classcode import next_round_code
        from game.engine import CarryError, carry_from
        from game.store.scenarios import follow_up

        state = self.state
        following = follow_up(state.scenario.id)
        if following is None:
            return message("No next summit", ("No installed scenario follows this one.",))
        try:
            carry = carry_from(state, following, self.verification())
        except CarryError as error:
            return message("The next summit cannot start", (str(error),))
        code = next_round_code(self.who.code, following.code)
        return GameSetup(
            following, state.seed, attrs.evolve(self.who, code=code), self.hotseat, "", carry
        )

    def restart(self) -> Session:
        """The same scenario, seed, mode and player, from the first move."""
        return Session.start(self.setup, self.store)

    def notify(self, text: str, tone: Tone = Tone.NEUTRAL) -> None:
        """Queue a message for the table screen."""
        self.notices.append(Notice(len(self.notices) + 1, text, tone))
