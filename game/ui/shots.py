"""Render screens offscreen and save them as PNG files, for ``shots`` and for checking layouts."""

from __future__ import annotations

import functools
import io
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.engine import (
    GameState,
    IllegalMoveError,
    Move,
    PendingKind,
    ReactionKind,
    Scenario,
    apply,
    new_game,
)
from game.engine.describe import StrategyName
from game.engine.scenario import Seat
from game.engine.teams import Player, Team, Teams
from game.store.files import write_bytes_atomic
from game.store.mode import Mode
from game.store.saves import SavedGame, SaveStore, save_text
from game.store.scenarios import DEFAULT_SCENARIO, load_scenario
from game.store.settings import Settings, TextSize
from game.store.who import Who
from game.ui.flow import Flow
from game.ui.in_play import Answer, Briefing, GameSetup, OfferForms, PlayMove, RoleCards, Tabling
from game.ui.screen import (
    Chain,
    HowToPlay,
    NewGameForm,
    PauseMenu,
    Place,
    Preferences,
    Push,
    Saves,
    Scenarios,
    Screen,
    SummitLog,
    Table,
    TheirProposal,
    Title,
    confirm_quit,
)
from game.ui.session import Session
from game.ui.window import as_window_shows

SETTLE_SECONDS: Final = 1e6
"""One update this long finishes every animation, so a shot shows where things come to rest."""


def render_screens(
    screens: Sequence[Screen], size: tuple[int, int] = theme.LOGICAL_SIZE
) -> pygame.Surface:
    """Draw ``screens`` bottom first (an overlay over what it covers) and return the picture,
    at ``size`` as a window of that size shows it (scaled, with bars where its shape differs)."""
    if not pygame.font.get_init():
        pygame.font.init()
    surface = pygame.Surface(theme.LOGICAL_SIZE)
    for screen in screens:
        screen.update(SETTLE_SECONDS)
    for screen in screens:
        screen.draw(surface)
    return surface if size == theme.LOGICAL_SIZE else as_window_shows(surface, size)


def render_screen_png(
    screen: Screen | Sequence[Screen], path: Path | str, size: tuple[int, int] = theme.LOGICAL_SIZE
) -> Path:
    """Render ``screen`` (or a stack, bottom first) as a PNG at ``path``; return the path."""
    screens = list(screen) if isinstance(screen, Sequence) else [screen]
    target = Path(path)
    # Encoded in memory and written atomically: SDL's own writer misses a full disk.
    buffer = io.BytesIO()
    pygame.image.save(render_screens(screens, size), buffer, "png")
    write_bytes_atomic(target, buffer.getvalue())
    return target


# --- Sample games for the game screens -----------------------------------------------------------

SHOT_NOW: Final = datetime(2019, 2, 28, 15, 0, tzinfo=UTC)
"""The clock the screenshots' saves are written by, so their dates never change."""


def game_until(
    scenario: Scenario,
    seed: int,
    strategy: StrategyName,
    stop: Callable[[GameState], bool],
    *,
    hotseat: bool = False,
) -> tuple[GameState, list[GameState]] | None:
    """The first state of a built-in strategy's game on ``seed`` for which ``stop`` holds, with
    the states before it (the undo history); None if the game never gets there. ``hotseat``
    plays a hot-seat game (their side's choices left to the rules)."""
    from game.engine.strategies import play_from

    final = play_from(new_game(scenario, seed, hotseat=hotseat), strategy)
    state = new_game(scenario, seed, hotseat=hotseat)
    history: list[GameState] = []
    for turn in final.turns:
        if stop(state):
            return state, history
        history.append(state)
        state = apply(state, turn.move).state
    return (state, history) if stop(state) else None


def sample_game(
    scenario: Scenario, seed: int, stop: Callable[[GameState], bool], *, hotseat: bool = False
) -> tuple[GameState, list[GameState]]:
    """A game in the state ``stop`` asks for, searching strategies and nearby seeds."""
    for offset in range(40):
        for strategy in (
            StrategyName.ESSAY,
            StrategyName.HISTORICAL,
            StrategyName.GREEDY,
            StrategyName.DOVE,
            StrategyName.HAWK,
            StrategyName.RANDOM,
        ):
            found = game_until(scenario, seed + offset, strategy, stop, hotseat=hotseat)
            if found is not None:
                return found
    raise LookupError("no sample game reaches the state asked for")


def mid_game(state: GameState) -> bool:
    """Several moves in, a reply on the table, nothing pending, not over."""
    return len(state.turns) >= 4 and state.pending is None and not state.is_over


def under_way(state: GameState) -> bool:
    """A move made, nothing pending, not over: the nearest a summit too short for
    :func:`mid_game` comes to it."""
    return bool(state.turns) and state.pending is None and not state.is_over


def in_play(scenario: Scenario, seed: int) -> Callable[[GameState], bool]:
    """:func:`mid_game`, or :func:`under_way` for a scenario no sample game of which gets
    several moves in: the table in play, as the game screens show it."""
    try:
        sample_game(scenario, seed, mid_game)
    except LookupError:
        return under_way
    return mid_game


def proposal_pending(state: GameState) -> bool:
    """A proposal of theirs is on the table."""
    return state.pending is not None and not state.is_over


def tabled_pending(state: GameState) -> bool:
    """A proposal they tabled on their own, as a round opened, is on the table."""
    return proposal_pending(state) and (
        state.pending is not None and state.pending.kind is PendingKind.PROPOSAL
    )


def counter_pending(state: GameState) -> bool:
    """A proposal they put forward instead of accepting an offer is on the table."""
    return proposal_pending(state) and (
        state.pending is not None and state.pending.kind is PendingKind.COUNTER
    )


def several_to_table(state: GameState) -> bool:
    """In a hot-seat game, nothing pending, and an offer they could counter with any of
    several proposals of theirs."""
    return bool(state.hotseat and mid_game(state) and tabling_move(state) is not None)


def tabling_move(state: GameState) -> Move | None:
    """An offer that their side could answer by tabling any of several proposals."""
    from game.engine import judge, move_options

    for option in move_options(state):
        if not option.available or option.move.is_answer:
            continue
        try:
            judgement = judge(state, option.move)
        except IllegalMoveError:
            continue
        if ReactionKind.COUNTER in judgement.allowed and len(judgement.proposals) > 1:
            return option.move
    return None


def event_happened(state: GameState) -> bool:
    """The last move closed a round and something happened before the next."""
    return bool(state.turns and state.turns[-1].events) and not state.is_over


def sample_session(
    scenario: Scenario,
    seed: int,
    stop: Callable[[GameState], bool],
    *,
    hotseat: bool = False,
    **fields: Any,
) -> Session:
    """A session (saving nothing, unless ``fields`` give it a store) in the state ``stop`` asks
    for, of a hot-seat game when ``hotseat``."""
    state, history = sample_game(scenario, seed, stop, hotseat=hotseat)
    return Session(state, history=history, **fields)


def _quiet(ctx: UiContext) -> UiContext:
    """``ctx`` with the adviser's hints off, for shots that show the table as a player sees it
    after the first game."""
    return UiContext(attrs.evolve(ctx.settings, hints=False), fonts=ctx.fonts, sounds=ctx.sounds)


def _fill_saves(store: SaveStore, scenario: Scenario, seed: int) -> None:
    """A few saves to list: an autosave and its backup, two named slots and a damaged one."""
    state, history = sample_game(scenario, seed, in_play(scenario, seed))
    early = min(2, len(history) - 1)
    alex = Who("Alex Kim", Mode.PRACTICE)
    game = SavedGame(state, tuple(history), who=alex)
    store.autosave(SavedGame(history[-1], tuple(history[:-1]), who=alex))
    store.autosave(game)
    store.save_slot("Before the expanded talks", SavedGame(history[early], tuple(history[:early])))
    store.save_slot("Class 9B, graded run", attrs.evolve(game, who=Who("Sam Ortiz", Mode.GRADED)))
    damaged = store.slot_path("Trying the big deal")
    damaged.parent.mkdir(parents=True, exist_ok=True)
    text = save_text(game, saved_at=SHOT_NOW, slot="Trying the big deal")
    # A hand-edited meter: the kind of tampering a replay catches.
    damaged.write_text(text.replace("trust = ", "trust = 9", 1), encoding="utf-8")


def shot_flow(
    ctx: UiContext, store: SaveStore, seed: int, scenario: str = DEFAULT_SCENARIO
) -> Flow:
    """A flow on ``ctx`` over ``store`` that offers ``scenario`` (a name or a file) and
    ``seed`` for every new game."""
    return Flow(ctx, scenario=scenario, store=store, seed=seed, seeds=lambda: seed)


Shot = tuple[Flow, list[Screen]]
"""A stack of screens, bottom first, and the flow that built them (and owns their game)."""


class NoShotError(LookupError):
    """A screen the scenario drawn never shows (the forms of an offer, where no offer has two)."""


def _gallery(
    store: SaveStore, seed: int, scenario_ref: str
) -> dict[str, Callable[[UiContext], Shot]]:
    """Every screen the flow builds for a game of ``scenario_ref``, by name, each as a player
    meets it."""
    # Imported here so that importing this module stays cheap for callers of render_screen_png.
    from game.engine import judge, move_options
    from game.ui.session import Session

    scenario = load_scenario(scenario_ref)
    middle = in_play(scenario, seed)

    def fresh(ctx: UiContext) -> Flow:
        """A flow with no game in play yet."""
        return shot_flow(ctx, store, seed, scenario_ref)

    def playing(ctx: UiContext, stop: Callable[[GameState], bool], **fields: Any) -> Flow:
        """A flow whose game in play is a sample game in the state ``stop`` asks for."""
        flow = fresh(ctx)
        flow.session = sample_session(scenario, seed, stop, **fields)
        return flow

    def start(ctx: UiContext) -> Shot:
        flow = fresh(_quiet(ctx))
        flow.session = Session(new_game(scenario, seed))
        return flow, [flow.open(Table())]

    def variant(ctx: UiContext) -> Shot:
        flow = playing(_quiet(ctx), middle)
        assert flow.session is not None
        # The first offer open in that game that takes several forms (Hanoi's Yongbyon for
        # relief was named here: a scenario without it had no such shot).
        forms = next(
            (
                option.move.offer
                for option in move_options(flow.session.state)
                if option.available
                and not option.move.is_answer
                and len(scenario.offer(option.move.offer).variants) > 1
            ),
            None,
        )
        if forms is None:
            raise NoShotError("no offer open in the sample game takes more than one form")
        return flow, [flow.open(Table()), flow.open(OfferForms(forms))]

    def proposal(stop: Callable[[GameState], bool]) -> Callable[[UiContext], Shot]:
        def screens(ctx: UiContext) -> Shot:
            quiet = playing(_quiet(ctx), stop)
            # The dialog as a first game shows it, with the adviser's note.
            advised = fresh(ctx)
            advised.session = quiet.session
            return advised, [quiet.open(Table()), advised.open(TheirProposal())]

        return screens

    def event(ctx: UiContext) -> Shot:
        # The move that closed the round, played again: the flow opens the event pop-up.
        state, history = sample_game(scenario, seed, event_happened)
        flow = fresh(ctx)
        flow.session = Session(history[-1], history=history[:-1])
        popup = flow.handle(PlayMove(state.turns[-1].move))
        assert isinstance(popup, Chain) and isinstance(popup.actions[-1], Push)
        quiet = fresh(_quiet(ctx))
        quiet.session = flow.session
        return flow, [quiet.open(Table()), popup.actions[-1].screen]

    def hotseat(ctx: UiContext) -> tuple[Flow, GameState, Move]:
        """A hot-seat game, and a U.S. offer the other side may answer by tabling one of
        several proposals."""
        flow = playing(ctx, several_to_table, hotseat=True)
        assert flow.session is not None
        state = flow.session.state
        move = tabling_move(state)
        assert move is not None
        return flow, state, move

    def answer(ctx: UiContext) -> Shot:
        flow, state, move = hotseat(ctx)
        return flow, [flow.open(Answer(move, judge(state, move)))]

    def tabling(ctx: UiContext) -> Shot:
        flow, state, move = hotseat(ctx)
        judgement = judge(state, move)
        return flow, [flow.open(Answer(move, judgement)), flow.open(Tabling(move, judgement))]

    def hand_over(ctx: UiContext) -> Shot:
        flow, _, move = hotseat(ctx)
        action = flow.handle(PlayMove(move))
        assert isinstance(action, Push), "a hot-seat offer is handed over first"
        return flow, [action.screen]

    def hand_back(ctx: UiContext) -> Shot:
        flow, state, move = hotseat(ctx)
        proposal = judge(state, move).proposals[0]
        action = flow.handle(PlayMove(move, ReactionKind.COUNTER, proposal))
        assert isinstance(action, Chain), "a hot-seat answer hands the keyboard back"
        last = action.actions[-1]
        assert isinstance(last, Push)
        return flow, [last.screen]

    def whole_log(ctx: UiContext) -> Shot:
        flow = playing(ctx, lambda s: s.is_over)
        return flow, [flow.open(SummitLog())]

    def paused(ctx: UiContext) -> Shot:
        flow = playing(_quiet(ctx), middle)
        return flow, [flow.open(Table()), fresh(ctx).open(PauseMenu())]

    def setup() -> GameSetup:
        return GameSetup(scenario, seed, Who("Alex Kim", Mode.PRACTICE))

    def team_setup() -> GameSetup:
        # The first two roles of the player's side held by one player, the first of theirs.
        ours, theirs = (scenario.roles_of(seat) for seat in (Seat.PLAYER, Seat.COUNTERPART))
        us = Team("Eagles", (Player("Alex Kim", tuple(role.id for role in ours[:2])),))
        north = Team("Cranes", (Player("Sam Lee", tuple(role.id for role in theirs[:1])),))
        return GameSetup(
            scenario, seed, Who(mode=Mode.PRACTICE, teams=Teams(us, north)), hotseat=True
        )

    def place(build: Callable[[UiContext], Flow], *places: Place) -> Callable[[UiContext], Shot]:
        def screens(ctx: UiContext) -> Shot:
            flow = build(ctx)
            return flow, [flow.open(where) for where in places]

        return screens

    return {
        "title": place(fresh, Title()),
        "settings": place(fresh, Preferences()),
        "how-to-play": place(fresh, HowToPlay()),
        "new-game": place(fresh, NewGameForm()),
        "hotseat-new": place(fresh, NewGameForm(hotseat=True)),
        "briefing": place(fresh, Briefing(setup(), keep=False)),
        "role-cards": place(fresh, RoleCards(team_setup())),
        "summit-start": start,
        "summit": place(lambda ctx: playing(_quiet(ctx), middle), Table()),
        "hints": place(lambda ctx: playing(ctx, middle), Table()),
        "variant": variant,
        "proposal": proposal(tabled_pending),
        "counter": proposal(counter_pending),
        "event": event,
        "hotseat": answer,
        "tabling": tabling,
        "hand-over": hand_over,
        "hand-back": hand_back,
        "summit-proposal": place(lambda ctx: playing(_quiet(ctx), tabled_pending), Table()),
        "summit-over": place(lambda ctx: playing(_quiet(ctx), lambda s: s.is_over), Table()),
        "log": whole_log,
        "menu": paused,
        "save": place(lambda ctx: playing(ctx, middle), Saves(saving=True)),
        "load": place(fresh, Saves(saving=False)),
        "scenario": place(fresh, Scenarios()),
        "quit": place(fresh, Title(), confirm_quit()),
    }


def sample_saves(
    root: Path,
    seed: int,
    scenario: str = DEFAULT_SCENARIO,
    skipped: Callable[[str, str], object] = lambda name, why: None,
) -> SaveStore:
    """A save store in ``root`` holding a few sample saves of ``scenario``, on a fixed clock;
    empty, and told to ``skipped``, when no game of ``scenario`` lasts long enough to save."""
    store = SaveStore(root, clock=lambda: SHOT_NOW)
    try:
        _fill_saves(store, load_scenario(scenario), seed)
    except LookupError as error:
        skipped("sample saves", f"not made: {error} (the load screen lists none)")
    return store


@attrs.frozen
class Gallery:
    """Every screen by name, built on demand, for games of ``scenario`` (a name or a file);
    saves go to ``root`` (sample saves it cannot make are told to ``skipped``)."""

    ctx: UiContext
    root: Path
    seed: int = 7
    scenario: str = DEFAULT_SCENARIO
    skipped: Callable[[str, str], object] = lambda name, why: None

    def screens(self) -> dict[str, Callable[[], list[Screen]]]:
        """Each screen's stack of screens."""
        return {name: _screens_of(build) for name, build in self.shots().items()}

    def shots(self) -> dict[str, Callable[[], Shot]]:
        """Each screen's stack, with the flow that built it."""
        store = sample_saves(self.root, self.seed, self.scenario, self.skipped)
        shots = _gallery(store, self.seed, self.scenario)
        return {name: functools.partial(build, self.ctx) for name, build in shots.items()}


def _screens_of(build: Callable[[], Shot]) -> Callable[[], list[Screen]]:
    return lambda: build()[1]


def render_all(
    out: Path | str,
    *,
    seed: int = 7,
    text_size: TextSize = TextSize.NORMAL,
    size: tuple[int, int] | None = None,
    scenario: str = DEFAULT_SCENARIO,
    skipped: Callable[[str, str], object] = lambda name, why: None,
) -> list[Path]:
    """Render every screen of a game of ``scenario`` (a name or a file) to ``out/<name>.png``;
    return the files written.

    ``seed`` chooses the games shown on the game screens; ``text_size`` is the setting of that
    name, and ``size`` the window's (the pictures are what a window of that size shows; None:
    the design size, 1280x720). Every other setting is the default, not the player's:
    screenshots must come out the same on every machine. A screen the scenario never shows (no
    game of it reaches a proposal of theirs, say), or sample saves no game of it lasts long
    enough for, is told to ``skipped``, by name and why.
    """
    directory = Path(out)
    size = size or theme.LOGICAL_SIZE
    ctx = UiContext(Settings(sound=False, text_size=text_size))
    written = []
    with tempfile.TemporaryDirectory(prefix="hanoi-shots-") as root:
        for name, build in Gallery(ctx, Path(root), seed, scenario, skipped).screens().items():
            try:
                screens = build()
            except LookupError as error:  # NoShotError, or no sample game reaches the state
                skipped(name, f"not drawn: {error}")
                continue
            written.append(render_screen_png(screens, directory / f"{name}.png", size))
    for name, screen in outcome_shots(ctx, seed, scenario):
        written.append(render_screen_png(screen, directory / f"{name}.png", size))
    return written


def outcome_shots(
    ctx: UiContext, seed: int, scenario_ref: str = DEFAULT_SCENARIO
) -> list[tuple[str, Screen]]:
    """One outcome scene per ending of ``scenario_ref`` (``outcome-<ending id>``) that a game
    reaches, then the debrief of a game with plenty in it, each built by the flow for a game
    that ended that way."""
    from game.engine.search import finished_games, rich_game
    from game.ui.session import Session

    scenario = load_scenario(scenario_ref)
    shots: list[tuple[str, Screen]] = []
    for ending_id, found in finished_games(scenario, seed).items():
        flow = Flow(ctx)
        flow.session = Session(found.state)
        shots.append((f"outcome-{ending_id}", flow.outcome()))
    flow = Flow(ctx)
    flow.session = Session(rich_game(scenario, seed))
    shots.append(("debrief", flow.debrief(next_summit=False)))
    return shots
