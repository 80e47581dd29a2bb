"""The flow of the game between screens: the one place that builds screens.

Screens hand back data (see :mod:`game.ui.screen`): places to open and commands for the game in
play. The app passes both here. :meth:`Flow.open` turns a place into its screen, with what that
screen needs to show; :meth:`Flow.handle` carries out a command on the session (a move, undo, a
save, a new game) and says what the screens do next.

Screens are imported when first opened, so that the title screen opens fast; so are the
session and what carries a game (:mod:`game.ui.in_play`), which wait for a game to be set up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

import attrs

from game.classroom.classcode import random_seed
from game.draw.assets import Cue
from game.draw.context import UiContext
from game.draw.theme import Tone
from game.store.mode import Mode
from game.store.save_folder import SaveFolder
from game.store.scenarios import DEFAULT_SCENARIO, follow_up, load_scenario, scenario_citation
from game.ui.folders import open_folder
from game.ui.menus import pause_entries, title_entries
from game.ui.screen import (
    Action,
    Apply,
    Chain,
    Choice,
    Command,
    ContinueGame,
    Debrief,
    Dialog,
    ExportTranscript,
    HowToPlay,
    NewGameForm,
    NextSummit,
    Open,
    OpenExports,
    PauseMenu,
    Place,
    Pop,
    Preferences,
    Push,
    ReplaySeed,
    Reset,
    Saves,
    Scenarios,
    Screen,
    ShowOutcome,
    SummitLog,
    Table,
    TakeBack,
    TheirProposal,
    Title,
    ToTitle,
    message,
)

if TYPE_CHECKING:
    from game.engine import GameState, Scenario
    from game.store.saves import LoadResult, SavedGame, SaveStore
    from game.ui.in_play import Briefing, FormDraft, LoadSave, NewGame, PlayMove, RoleCards
    from game.ui.screens.debrief import DebriefScreen
    from game.ui.screens.menu import MenuScreen
    from game.ui.screens.outcome import OutcomeScreen
    from game.ui.screens.summit import SummitScreen
    from game.ui.screens.title import TitleScreen
    from game.ui.session import Played, Session


class Flow:
    """Owns the session in play and builds every screen; the app's router.

    ``scenario`` and ``seed`` are what New game offers first (the command line passes them), as
    are ``player`` and ``code`` (from ``--name`` and ``--code``).
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
        self._saves = store
        self.scenario = scenario or DEFAULT_SCENARIO
        self.seed = seed
        self.seeds = seeds
        self.session: Session | None = None
        self.hints_seen: set[str] = set()
        """Adviser hints dismissed in this run, kept from game to game (interface state, not
        game state): a player who has read one is not shown it again until the game closes."""
        self.player = ""
        """The name New game offers first."""
        self.code = ""
        """The class code New game offers first."""
        self.draft: FormDraft | None = None
        """What was typed on New game, which it shows again until a game starts (None until the
        form first opens)."""
        self.opener: Callable[[Path], str] = open_folder
        """Opens a folder in the file manager (tests put a stand-in here)."""
        self._kept = ""

    @property
    def store(self) -> SaveStore:
        """The player's saves, read and written (the title opens without it: see
        :meth:`title`)."""
        if self._saves is None:
            from game.store.saves import SaveStore

            self._saves = SaveStore()
        return self._saves

    def scenario_in_view(self) -> Scenario:
        """The scenario of the game in play, else the one New game offers first (the bundled
        default when that one cannot be read: New game says what is wrong with it)."""
        if self.session is not None:
            return self.session.scenario
        from game.engine import ScenarioError

        try:
            return load_scenario(self.scenario)
        except ScenarioError:
            return load_scenario(DEFAULT_SCENARIO)

    def new_seed(self) -> int:
        """The seed New game offers: the command line's, else a fresh one."""
        return self.seed if self.seed is not None else self.seeds()

    # -- places: the screens, built with what they show --------------------------------------

    def open(self, place: Place) -> Screen:
        """The screen for ``place``."""
        from game.ui.in_play import Answer, Briefing, FormDraft, OfferForms, RoleCards, Tabling

        match place:
            case Title():
                return self.title()
            case NewGameForm(scenario=scenario, hotseat=hotseat, back=back):
                from game.ui.screens.new_game import NewGameScreen

                if self.draft is None:
                    self.draft = FormDraft()

                return NewGameScreen(
                    self.ctx,
                    scenario=scenario or self.scenario,
                    hotseat=hotseat,
                    player=self.player,
                    code=self.code,
                    seed=self.new_seed(),
                    back=back,
                    draft=self.draft,
                )
            case Briefing() | RoleCards():
                return self._before_play(place)
            case Scenarios():
                from game.ui.screens.scenario_pick import ScenarioScreen

                return ScenarioScreen(self.ctx)
            case Saves(saving=saving):
                from game.ui.screens.saves_screen import SavesScreen

                state = self.session.state if self.session is not None else None
                return SavesScreen(self.ctx, self._store(), saving=saving, state=state)
            case Preferences():
                from game.ui.screens.settings_screen import SettingsScreen

                return SettingsScreen(self.ctx)
            case HowToPlay():
                from game.ui.screens.text_pages import TextPagesScreen
                from game.ui.texts import how_to_play

                pages = how_to_play(self.scenario_in_view())
                return TextPagesScreen(self.ctx, "How to play", pages, kicker="Help")
            case Dialog():
                from game.ui.screens.dialog import DialogScreen

                return DialogScreen(self.ctx, place)
            case Table():
                return self.summit()
            case PauseMenu():
                return self.pause_menu()
            case SummitLog():
                from game.ui.screens.log import LogScreen

                return LogScreen(self.ctx, self._state())
            case OfferForms(offer=offer):
                from game.ui.screens.variant import VariantScreen

                state = self._state()
                return VariantScreen(self.ctx, state, state.scenario.offer(offer))
            case TheirProposal():
                from game.ui.screens.proposal import ProposalScreen

                return ProposalScreen(self.ctx, self._state(), hints=self.ctx.settings.hints)
            case Answer(move=move, judgement=judgement):
                from game.ui.screens.hotseat import AnswerScreen

                return AnswerScreen(self.ctx, self._state(), move, judgement)
            case Tabling(move=move, judgement=judgement):
                from game.ui.screens.hotseat import TablingScreen

                return TablingScreen(self.ctx, self._state(), move, judgement)
            case Debrief():
                return self.debrief()
        assert_never(place)

    def _before_play(self, place: Briefing | RoleCards) -> Screen:
        """The pages read before the first move: the briefing, then in a hot-seat game the role
        cards, handed out before the teams sit down. The last page seats the players."""
        from game.ui.briefing import briefing_pages
        from game.ui.in_play import Briefing, NewGame, RoleCards
        from game.ui.roles import role_pages
        from game.ui.screens.text_pages import TextPagesScreen
        from game.ui.unfinished import before_briefing

        setup = place.setup
        if isinstance(place, Briefing) and (question := before_briefing(self.store, place)):
            from game.ui.screens.dialog import DialogScreen

            return DialogScreen(self.ctx, question)
        done_label = "Take your seats" if setup.hotseat else "Take your seat"
        done: Action = Apply(NewGame(setup, place.keep))
        if isinstance(place, RoleCards):
            title, pages = "Role cards", role_pages(setup.scenario, setup.who.teams)
        else:
            title, pages = "Briefing", briefing_pages(setup.scenario, setup.carry)
            if setup.hotseat:
                done_label, done = "The role cards", Open(RoleCards(setup, place.keep))
        kicker = setup.scenario.title
        return TextPagesScreen(
            self.ctx, title, pages, kicker=kicker, done_label=done_label, done=done
        )

    def _state(self) -> GameState:
        assert self.session is not None, "this screen needs a game in play"
        return self.session.state

    def _store(self) -> SaveStore:
        session = self.session
        return session.store if session is not None and session.store is not None else self.store

    def title(self) -> TitleScreen:
        """The title screen and its main menu."""
        from game.ui.screens.title import TitleScreen

        cited = scenario_citation(self.scenario) or scenario_citation(DEFAULT_SCENARIO)
        subtitle = f"After {cited}." if cited else ""
        # The save files are counted by name; the store that reads them (and the engine) is
        # loaded when there is an autosave for Continue to describe.
        saves: SaveFolder = self._saves if self._saves is not None else SaveFolder()
        if saves.has_autosave():
            saves = self.store
        return TitleScreen(self.ctx, subtitle, title_entries(saves))

    def watch(self, strategy: str) -> SummitScreen:
        """The table of a new game that the built-in ``strategy`` plays by itself (``--autoplay``),
        on the scenario and seed the command line gave."""
        from game.store.who import Who
        from game.ui.in_play import GameSetup, NewGame

        setup = GameSetup(
            load_scenario(self.scenario),
            self.new_seed(),
            Who(f"autoplay: {strategy}", Mode.PRACTICE),
            autoplay=strategy,
        )
        self.handle(NewGame(setup))
        return self.summit()

    def summit(self) -> SummitScreen:
        """The summit table for the session in play."""
        from game.ui.screens.summit import SummitScreen

        assert self.session is not None
        return SummitScreen(self.ctx, self.session, hints_seen=self.hints_seen)

    def pause_menu(self) -> MenuScreen:
        """Esc on the table: resume, save, load, settings, help, the title, or quit."""
        from game.ui.screens.menu import MenuScreen

        over = self.session is not None and self.session.state.is_over
        title = "The summit is over" if over else "The summit is paused"
        return MenuScreen(self.ctx, title, pause_entries(), kicker="Menu")

    def outcome(self) -> OutcomeScreen:
        """The outcome scene of the finished game."""
        from game.ui.screens.outcome import OutcomeScreen

        return OutcomeScreen(self.ctx, self._state())

    def debrief(self, *, next_summit: bool | None = None) -> DebriefScreen:
        """The debrief of the finished game. Its "next summit" button is enabled where an
        installed scenario continues this one (as the next summit follows Hanoi), unless
        ``next_summit`` says otherwise."""
        from game.ui.screens.debrief import DebriefScreen

        session = self.session
        assert session is not None, "the debrief needs a game in play"
        if next_summit is None:
            next_summit = follow_up(session.scenario.id) is not None
        return DebriefScreen(
            self.ctx,
            session.state,
            verification=session.verification(),
            next_summit=next_summit,
            exports=self._store().exports,
        )

    # -- commands: the game in play -----------------------------------------------------------

    def handle(self, command: Command) -> Action | None:
        """Carry out one command from a screen and return what the screens do next."""
        from game.ui.in_play import DeleteSave, LoadSave, NewGame, PlayMove, SaveSlot
        from game.ui.session import Session

        match command:
            case NewGame(setup=setup, keep=keep):
                asked = self._unfinished(command, keep, None, "Start a new game")
                if asked is not None:
                    return asked
                self.session, self.draft = Session.start(setup, self.store), None
                return self._with_kept(Reset(self.summit()))
            case LoadSave(path=path, keep=keep):
                loaded = self.store.load(path)
                name = loaded.info.name if loaded.info is not None else path.stem
                doing = f"Load \u201c{name}\u201d"
                asked = self._unfinished(command, keep, loaded.game, doing)
                if asked is not None:
                    return asked
                return self._with_kept(self._load(loaded, path.name))
            case ContinueGame():
                return self._load(self.store.load_latest(), "the autosave")
            case DeleteSave(path=path, saving=saving):
                return self._delete(path, saving)
            case ToTitle():
                self.session = None
                return Reset(self.title())
        # The rest are about the game in play; without one they do nothing.
        session = self.session
        if session is None:
            return None
        match command:
            case PlayMove():
                return self._play(session, command)
            case TakeBack():
                return self._undo(session)
            case SaveSlot(name=name):
                return self._save(session, name)
            case ShowOutcome():
                return self._outcome(session)
            case ReplaySeed():
                self.session = session.restart()
                return Reset(self.summit())
            case ExportTranscript():
                return self._export(session)
            case OpenExports():
                return self._open_exports()
            case NextSummit():
                return self._next_summit(session)
        assert_never(command)

    def _play(self, session: Session, command: PlayMove) -> Action | None:
        from game.engine import IllegalMoveError

        move = command.move
        if session.hotseat and command.reaction is None:
            judgement = session.judge(move)
            if judgement is not None:
                from game.ui.screens.hotseat import HandOverScreen

                teams = session.who.teams
                return Push(HandOverScreen(self.ctx, session.state, move, judgement, teams))
        try:
            played = session.play(move, command.reaction, command.proposal)
        except IllegalMoveError as error:
            session.notify(f"Not possible: {error.reason}", Tone.ALARM)
            self.ctx.play(Cue.DENIED)
            return None
        return self._after(played, session if command.reaction is not None else None)

    def _after(self, played: Played, handing_back: Session | None = None) -> Action | None:
        """The pop-ups a move calls for, stacked so the first to show is on top: in a hot-seat
        game, after the other side's answer (``handing_back``), the keyboard goes back first."""
        from game.ui.session import Step

        actions: list[Action] = []
        if Step.PROPOSAL in played.steps:
            actions.append(Open(TheirProposal()))
        if Step.EVENT in played.steps:
            from game.ui.screens.event import EventScreen

            self.ctx.play(Cue.ALERT)
            actions.append(Push(EventScreen(self.ctx, played.after, played.turn)))
        if handing_back is not None and handing_back.hotseat:
            from game.ui.screens.hotseat import HandBackScreen

            teams = handing_back.who.teams
            actions.append(Push(HandBackScreen(self.ctx, played.after, teams)))
        if not actions:
            return None
        return Chain(tuple(actions))

    def _undo(self, session: Session) -> Action | None:
        taken = session.undo()
        if not taken.is_ok:
            session.notify(taken.problem, Tone.CAUTION)
            self.ctx.play(Cue.DENIED)
            return None
        assert taken.value is not None
        from game.engine.describe import move_label
        from game.ui.record import pending_proposal

        move = taken.value.move
        # An answer names the proposal it answered, which is back on the table: "Taken back:
        # You amend their proposal." read oddly (a play-tester).
        answered = pending_proposal(session.state) if move.is_answer else None
        label = move_label(session.scenario, move, answered, mid=move.is_answer)
        session.notify(f"Taken back: {label}.")
        return None

    def _unfinished(
        self,
        command: NewGame | LoadSave,
        keep: bool | None,
        replacing: SavedGame | None,
        doing: str,
    ) -> Action | None:
        """Ask first when ``command`` would lose an unfinished game (see
        :mod:`game.ui.unfinished`); keep it when asked to. None: go ahead."""
        from game.ui import unfinished
        from game.ui.in_play import LoadSave, NewGame

        self._kept = ""
        if isinstance(command, NewGame) and command.setup.autoplay:
            return None  # a watched game never touches the autosave
        if isinstance(command, LoadSave) and unfinished.is_autosave(self.store, command.path):
            return None
        if keep is None:
            info = unfinished.at_risk(self.store, replacing)
            if info is None:
                return None
            return Open(
                unfinished.ask(
                    info,
                    doing,
                    Apply(attrs.evolve(command, keep=True)),
                    Apply(attrs.evolve(command, keep=False)),
                )
            )
        if keep and unfinished.at_risk(self.store, replacing) is not None:
            name, problem = unfinished.keep(self.store)
            if problem:
                return Open(message("Your unfinished game was not kept", (problem,)))
            self._kept = name
        return None

    def _with_kept(self, action: Action | None) -> Action | None:
        """``action``, and a word on the table about the unfinished game kept on the way."""
        if self._kept and self.session is not None:
            self.session.notify(f"Your unfinished game was kept as \u201c{self._kept}\u201d.")
        self._kept = ""
        return action

    def _save(self, session: Session, name: str) -> Action | None:
        from game.store.saves import slot_name

        result = session.save_as(name)
        if not result.is_ok:
            return Open(message("The game was not saved", (result.problem,)))
        session.notify(f"Saved as \u201c{slot_name(name)}\u201d.", Tone.POSITIVE)
        return None

    def _load(self, result: LoadResult, what: str) -> Action | None:
        from game.ui.session import Session

        if result.game is None:
            problem = result.problem or f"{what} could not be read."
            return Open(message("This game cannot be loaded", (problem,)))
        self.session = Session.from_saved(result.game, self.store)
        actions: list[Action] = [Reset(self.summit())]
        if result.notice:
            updated = result.info is not None and result.info.updated and result.problem == ""
            title = "The scenario was updated" if updated else "The latest autosave was damaged"
            actions.append(Open(message(title, (result.notice,))))
        return Chain(tuple(actions))

    def _delete(self, path: Path, saving: bool) -> Action | None:
        result = self.store.delete(path)
        if not result.is_ok:
            return Open(message("The save was not deleted", (result.problem,)))
        # The list is read again without the deleted save.
        return Open(Saves(saving=saving), replace=True)

    def _outcome(self, session: Session) -> Action | None:
        if not session.state.is_over:
            return None
        # The hints stay as the player set them: switching them off after a first game, as the
        # window once did, switched them off for every later student on a shared computer.
        return Push(self.outcome())

    def _export(self, session: Session) -> Action | None:
        result = session.export()
        if not result.is_ok or result.value is None:
            return Open(message("The transcript was not exported", (result.problem,)))
        return Open(
            Dialog(
                "Transcript exported",
                (
                    f"Saved to {result.value}",
                    "Hand this file in to your teacher. It can be checked with "
                    "\u201cpython -m game verify\u201d followed by the file's name.",
                ),
                (
                    Choice("Open folder", Chain((Pop(), Apply(OpenExports())))),
                    Choice("OK", Pop(), primary=True),
                ),
                kicker="Export",
            )
        )

    def _open_exports(self) -> Action | None:
        folder = self._store().exports
        problem = self.opener(folder)
        if not problem:
            return None
        return Open(
            message(
                "The folder could not be opened",
                (problem + ".", f"Exported transcripts are in {folder}"),
                kicker="Export",
            )
        )

    def _next_summit(self, session: Session) -> Action | None:
        """Open the briefing of the scenario that follows the finished game's summit (as every
        summit begins); taking a seat starts it where this game left off."""
        from game.ui.in_play import Briefing

        found = session.next_summit()
        if isinstance(found, Dialog):
            return Open(found)
        return Open(Briefing(found, keep=False))  # the game it continues is finished


__all__ = ["Flow"]
