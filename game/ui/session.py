"""The game the app owns: the session in play (state, undo history, saves) and the controller
that turns the screens' commands into engine moves and the screens that follow.

Screens never change game state. They read a :class:`Session` and return ``Apply(command)``;
the app hands each command to :meth:`Controller.handle`, the one place where games start, moves
are played and taken back, and saves are written, loaded and deleted.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from game.classroom.classcode import random_seed
from game.draw.assets import Cue
from game.draw.context import UiContext
from game.draw.theme import Tone
from game.store.mode import Mode
from game.store.saves import LoadResult, SavedGame, SaveStore, WriteResult
from game.ui.screen import Action, Chain, Pop, Push, Replace, Reset, Screen

if TYPE_CHECKING:
    from game.engine import Carry, GameState, Judgement, Move, ReactionKind, Scenario, Turn
    from game.engine.transcript import Undo
    from game.ui.screens.dialog import DialogScreen

UNDO_GRADED: Final = "Graded game: a move cannot be taken back."
UNDO_NOTHING: Final = "There is no move to take back yet."
DEFAULT_SCENARIO: Final = "hanoi"


class Step(enum.Enum):
    """What the screens should show after a move, in order."""

    REPLY = "reply"
    """Their answer in the speech bubble (always)."""
    EVENT = "event"
    """Something happened between rounds: the event pop-up."""
    COUNTER = "counter"
    """They made a proposal of their own: the counter-offer dialog."""
    OUTCOME = "outcome"
    """The summit is over: the outcome scene follows."""


@attrs.frozen
class GameSetup:
    """Everything that decides a new game before its first move."""

    scenario: Scenario
    seed: int
    mode: Mode = Mode.PRACTICE
    player: str = ""
    code: str = ""
    """The class code the game was started from, or ``""``."""
    hotseat: bool = False
    scenario_file: str = ""
    """The file the scenario was read from (kept in saves so they load again)."""
    carry: Carry | None = None
    """Where an earlier summit left off, for a scenario that continues one."""


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


@attrs.frozen
class TakenBack:
    """The result of an undo: the turn taken back, or why none was."""

    turn: Turn | None
    reason: str = ""

    @property
    def is_ok(self) -> bool:
        """True when a move was taken back."""
        return self.turn is not None


@attrs.frozen
class Notice:
    """A short message for the table screen's toast (saved, save failed, undo refused)."""

    serial: int
    text: str
    tone: Tone = Tone.NEUTRAL


@attrs.define(eq=False)
class Session:
    """A game in play: its state, the states before each move (for undo), who plays, and saves.

    ``store`` None means nothing is written (screenshots, some tests).
    """

    state: GameState
    mode: Mode = Mode.PRACTICE
    player: str = ""
    code: str = ""
    hotseat: bool = False
    scenario_file: str = ""
    history: list[GameState] = attrs.field(factory=list)
    undos: list[Undo] = attrs.field(factory=list)
    store: SaveStore | None = None
    notices: list[Notice] = attrs.field(factory=list)

    @classmethod
    def start(cls, setup: GameSetup, store: SaveStore | None = None) -> Session:
        """A new game, autosaved at once so Continue finds it even before the first move."""
        from game.engine import new_game

        session = cls(
            new_game(setup.scenario, setup.seed, setup.carry),
            mode=Mode(setup.mode),
            player=setup.player,
            code=setup.code,
            hotseat=setup.hotseat,
            scenario_file=setup.scenario_file,
            store=store,
        )
        session.autosave()
        return session

    @classmethod
    def from_saved(cls, saved: SavedGame, store: SaveStore | None = None) -> Session:
        """Go on with a loaded game, undo history included."""
        return cls(
            saved.state,
            mode=saved.mode,
            player=saved.player,
            code=saved.code,
            hotseat=saved.hotseat,
            scenario_file=saved.scenario_file,
            history=list(saved.history),
            undos=list(saved.undos),
            store=store,
        )

    @property
    def scenario(self) -> Scenario:
        """The scenario being played."""
        return self.state.scenario

    @property
    def is_graded(self) -> bool:
        """True in graded mode: no undo."""
        return self.mode is Mode.GRADED

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
            self.mode,
            self.player,
            self.code,
            self.hotseat,
            self.scenario_file,
            self.state.carry,
        )

    def judge(self, move: Move) -> Judgement | None:
        """The counterpart's verdict on ``move`` as the rules see it, or None when the move is
        not judged (answers, recesses, walking away) or cannot be played."""
        from game.engine import IllegalMoveError, judge

        try:
            return judge(self.state, move)
        except IllegalMoveError:
            return None

    def play(self, move: Move, reaction: ReactionKind | None = None) -> Played:
        """Play ``move`` (``reaction``: a hot-seat player's choice) and autosave.

        Raises :class:`IllegalMoveError` for a move that cannot be played now.
        """
        from game.engine import ReactionKind, apply

        before = self.state
        after = apply(before, move, reaction).state
        self.history.append(before)
        self.state = after
        turn = after.turns[-1]
        steps = [Step.REPLY]
        if turn.events:
            steps.append(Step.EVENT)
        if after.pending is not None and turn.reaction.kind is ReactionKind.COUNTER:
            steps.append(Step.COUNTER)
        if after.is_over:
            steps.append(Step.OUTCOME)
        return Played(move, before, after, tuple(steps), self.autosave())

    def undo(self) -> TakenBack:
        """Step back one move (practice only); the transcript records what was taken back."""
        from game.engine.transcript import Undo

        block = self.undo_block
        if block:
            return TakenBack(None, block)
        turn = self.state.turns[-1]
        self.state = self.history.pop()
        self.undos.append(Undo(len(self.state.turns), str(turn.move), turn.reaction.kind.value))
        self.autosave()
        return TakenBack(turn)

    def saved_game(self) -> SavedGame:
        """The game as the save files hold it."""
        return SavedGame(
            self.state,
            tuple(self.history),
            tuple(self.undos),
            self.player,
            self.mode,
            self.code,
            self.hotseat,
            self.scenario_file,
        )

    def autosave(self) -> str:
        """Write the autosave; return why it failed (``""`` if written or saving is off)."""
        if self.store is None:
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

    def restart(self) -> Session:
        """The same scenario, seed, mode and player, from the first move."""
        return Session.start(self.setup, self.store)

    def notify(self, text: str, tone: Tone = Tone.NEUTRAL) -> None:
        """Queue a message for the table screen."""
        self.notices.append(Notice(len(self.notices) + 1, text, tone))


# --- Commands: what screens hand the app through Apply ----------------------------------------


@attrs.frozen
class NewGame:
    """Start a game."""

    setup: GameSetup


@attrs.frozen
class PlayMove:
    """Put a move on the table; ``reaction`` is the hot-seat counterpart's choice."""

    move: Move
    reaction: ReactionKind | None = None


@attrs.frozen
class TakeBack:
    """Undo the last move."""


@attrs.frozen
class SaveSlot:
    """Save the game in play under a name."""

    name: str


@attrs.frozen
class LoadSave:
    """Load the save in ``path``."""

    path: Path


@attrs.frozen
class ContinueGame:
    """Load the latest autosave (or its backup)."""


@attrs.frozen
class DeleteSave:
    """Delete the save in ``path`` (from the save screen when ``saving``, else the load one)."""

    path: Path
    saving: bool = False


@attrs.frozen
class ShowOutcome:
    """The summit is over: show how it ended, then the debrief."""


@attrs.frozen
class ReplaySeed:
    """Play the same scenario and seed again from the start."""


@attrs.frozen
class ExportTranscript:
    """Write the transcript of the game in play to the exports folder."""


@attrs.frozen
class ToTitle:
    """Leave the game (it is autosaved) for the title screen."""


Command = (
    NewGame
    | PlayMove
    | TakeBack
    | SaveSlot
    | LoadSave
    | ContinueGame
    | DeleteSave
    | ShowOutcome
    | ReplaySeed
    | ExportTranscript
    | ToTitle
)

NextSummit = Callable[["GameState"], Action | None]
"""Starts the next summit from a finished game (wired once a follow-up scenario exists)."""


def following_scenario(scenario_id: str) -> Scenario | None:
    """An installed scenario that continues ``scenario_id``'s summit, if there is one."""
    from game.engine import ScenarioError
    from game.store.scenarios import load_scenario, scenario_paths

    for path in scenario_paths():
        try:
            scenario = load_scenario(path)
        except ScenarioError:
            continue
        if scenario.carry is not None and scenario_id in scenario.carry.sources:
            return scenario
    return None


def _follow_up_code(code: str, follow_up: Scenario) -> str:
    """The class code of the next round: the same seed and mode under the next summit's prefix
    (none when the first round had none)."""
    from game.classroom.classcode import ClassCodeError, decode, encode

    if not code:
        return ""
    try:
        first = decode(code)
        return encode(follow_up.code, first.seed, first.mode)
    except ClassCodeError:
        return ""


class Controller:
    """Owns the session and the flow between screens; the app's ``on_apply`` is :meth:`handle`.

    ``scenario`` and ``seed`` are what New game offers first (the command line passes them).
    """

    def __init__(
        self,
        ctx: UiContext,
        *,
        scenario: str | None = None,
        seed: int | None = None,
        store: SaveStore | None = None,
        seeds: Callable[[], int] = random_seed,
    ) -> None:
        self.ctx = ctx
        self.store = store if store is not None else SaveStore()
        self.scenario = scenario or DEFAULT_SCENARIO
        self.seed = seed
        self.seeds = seeds
        self.session: Session | None = None
        self.hints_seen: set[str] = set()
        """Adviser hints dismissed in this run (interface state, not game state)."""
        self.next_summit: NextSummit | None = self.continue_summit
        """Hook for the debrief's "Go to the next summit"; None hides the button."""
        self.player = ""
        """The name New game offers first (from ``--name``)."""
        self.code = ""
        """The class code New game offers first (from ``--code``)."""

    # -- the app's move handler --

    def handle(self, command: object) -> Action | None:
        """Carry out one command from a screen and return what the screens do next."""
        match command:
            case PlayMove():
                return self._play(command)
            case NewGame(setup=setup):
                self.session = Session.start(setup, self.store)
                self.hints_seen.clear()
                return Reset(self.summit())
            case TakeBack():
                return self._undo()
            case SaveSlot(name=name):
                return self._save(name)
            case LoadSave(path=path):
                return self._load(self.store.load(path), path.name)
            case ContinueGame():
                return self._load(self.store.load_latest(), "the autosave")
            case DeleteSave(path=path, saving=saving):
                return self._delete(path, saving)
            case ShowOutcome():
                return self._outcome()
            case ReplaySeed():
                if self.session is None:
                    return None
                self.session = self.session.restart()
                return Reset(self.summit())
            case ExportTranscript():
                return self._export()
            case ToTitle():
                self.session = None
                return Reset(self.title())
        return None

    def _play(self, command: PlayMove) -> Action | None:
        from game.engine import IllegalMoveError

        session = self.session
        if session is None:
            return None
        move = command.move
        if session.hotseat and command.reaction is None:
            judgement = session.judge(move)
            if judgement is not None:
                from game.ui.screens.hotseat import HandOverScreen

                return Push(HandOverScreen(self.ctx, session, move, judgement))
        try:
            played = session.play(move, command.reaction)
        except IllegalMoveError as error:
            session.notify(f"Not possible: {error.reason}", Tone.ALARM)
            self.ctx.play(Cue.DENIED)
            return None
        return self._after(played)

    def _after(self, played: Played) -> Action | None:
        """The pop-ups a move calls for, stacked so the first to show is on top."""
        session = self.session
        if session is None:
            return None
        actions: list[Action] = []
        if Step.COUNTER in played.steps:
            from game.ui.screens.counter import CounterScreen

            actions.append(Push(CounterScreen(self.ctx, session.state, hints=self._hints_on())))
        if Step.EVENT in played.steps:
            from game.ui.screens.event import EventScreen

            self.ctx.play(Cue.ALERT)
            actions.append(Push(EventScreen(self.ctx, session.state, played.turn)))
        if not actions:
            return None
        return Chain(tuple(actions))

    def _undo(self) -> Action | None:
        session = self.session
        if session is None:
            return None
        taken = session.undo()
        if not taken.is_ok:
            session.notify(taken.reason, Tone.CAUTION)
            self.ctx.play(Cue.DENIED)
            return None
        assert taken.turn is not None
        from game.engine.describe import move_label

        label = move_label(session.scenario, taken.turn.move)
        session.notify(f"Taken back: {label}.")
        return None

    def _save(self, name: str) -> Action | None:
        session = self.session
        if session is None:
            return None
        result = session.save_as(name)
        if not result.is_ok:
            return Push(self.message("The game was not saved", [result.problem]))
        session.notify(f"Saved as \u201c{name.strip() or 'Saved game'}\u201d.", Tone.POSITIVE)
        return None

    def _load(self, result: LoadResult, what: str) -> Action | None:
        if result.game is None:
            problem = result.problem or f"{what} could not be read."
            return Push(self.message("This game cannot be loaded", [problem]))
        self.session = Session.from_saved(result.game, self.store)
        self.hints_seen.clear()
        actions: list[Action] = [Reset(self.summit())]
        if result.notice:
            actions.append(Push(self.message("The latest autosave was damaged", [result.notice])))
        return Chain(tuple(actions))

    def _delete(self, path: Path, saving: bool) -> Action | None:
        result = self.store.delete(path)
        if not result.is_ok:
            return Push(self.message("The save was not deleted", [result.problem]))
        from game.ui.screens.saves_screen import SavesScreen

        return Replace(SavesScreen(self.ctx, self.store, saving=saving, session=self.session))

    def _outcome(self) -> Action | None:
        session = self.session
        if session is None or not session.state.is_over:
            return None
        from game.ui.screens.outcome import OutcomeScreen

        screen = OutcomeScreen(self.ctx, session.state, lambda: Replace(self.debrief()))
        actions: list[Action] = []
        # Hints are for a first game: once one has been seen to the end, they switch off (the
        # player can switch them on again in Settings).
        if self.store.record_finished_game() == 1 and self.ctx.settings.hints:
            from game.ui.screen import ChangeSettings

            actions.append(ChangeSettings(attrs.evolve(self.ctx.settings, hints=False)))
        actions.append(Push(screen))
        return Chain(tuple(actions))

    def _export(self) -> Action | None:
        session = self.session
        if session is None:
            return None
        result = session.export()
        if not result.is_ok or result.path is None:
            return Push(self.message("The transcript was not exported", [result.problem]))
        return Push(
            self.message(
                "Transcript exported",
                [
                    f"Saved to {result.path}",
                    "Hand this file in to your teacher. It can be checked with "
                    "\u201cpython -m game verify\u201d followed by the file's name.",
                ],
                kicker="Export",
            )
        )

    def _hints_on(self) -> bool:
        return self.ctx.settings.hints

    def continue_summit(self, state: GameState) -> Action | None:
        """Start the scenario that follows ``state``'s summit, carrying over where it left off
        (trust, the other meters it names, the accords on the record).

        Ready to be the debrief's "next summit" hook: ``controller.next_summit =
        controller.continue_summit``. With no follow-up scenario installed it shows why.
        """
        from game.engine import CarryError, carry_from

        follow_up = following_scenario(state.scenario.id)
        session = self.session
        if follow_up is None or session is None:
            return Push(self.message("No next summit", ["No installed scenario follows this one."]))
        try:
            carry = carry_from(state, follow_up, self._verification(state))
        except CarryError as error:
            return Push(self.message("The next summit cannot start", [str(error)]))
        setup = GameSetup(
            follow_up,
            state.seed,
            session.mode,
            session.player,
            _follow_up_code(session.code, follow_up),
            session.hotseat,
            "",
            carry,
        )
        from game.ui.screen import Apply

        return Apply(NewGame(setup))

    # -- screens --

    def title(self) -> Screen:
        """The title screen, wired to this controller."""
        from game.ui.screens.title import default_title

        return default_title(self.ctx, self)

    def summit(self) -> Screen:
        """The summit table for the session in play."""
        from game.ui.screens.summit import SummitScreen

        assert self.session is not None
        return SummitScreen(self.ctx, self.session, hints_seen=self.hints_seen)

    def debrief(self) -> Screen:
        """The debrief of the finished game, with its buttons wired here."""
        from game.ui.screen import Apply
        from game.ui.screens.debrief import DebriefScreen

        assert self.session is not None
        state = self.session.state
        hook = self.next_summit
        # The button shows only where a scenario continues this one (Hanoi -> the next summit).
        follows = following_scenario(state.scenario.id) is not None
        next_summit = None if hook is None or not follows else (lambda: hook(state))
        return DebriefScreen(
            self.ctx,
            state,
            on_replay=lambda: Apply(ReplaySeed()),
            on_export=lambda: Apply(ExportTranscript()),
            on_next_summit=next_summit,
            on_title=lambda: Apply(ToTitle()),
            verification=self._verification(state),
        )

    def _verification(self, state: GameState) -> str:
        """The verification code of ``state`` as the transcript of this session records it."""
        from game.engine.transcript import verification_code

        session = self.session
        if session is None:
            return verification_code(state)
        return verification_code(state, player=session.player, mode=session.mode, code=session.code)

    def message(self, title: str, body: list[str], *, kicker: str = "Notice") -> DialogScreen:
        """A dialog with one OK button."""
        from game.ui.screens.dialog import Choice, DialogScreen
        from game.ui.widgets import ButtonKind

        return DialogScreen(
            self.ctx, title, body, (Choice("OK", Pop, ButtonKind.PRIMARY),), kicker=kicker
        )

    def new_seed(self) -> int:
        """The seed New game offers: the command line's, else a fresh one."""
        return self.seed if self.seed is not None else self.seeds()
