"""Render screens offscreen and save them as PNG files, for ``shots`` and for checking layouts."""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.engine import GameState, Scenario, apply, new_game
from game.engine.describe import StrategyName
from game.store.mode import Mode
from game.store.saves import SavedGame, SaveStore, save_text
from game.store.scenarios import load_scenario
from game.store.settings import Settings
from game.ui.screen import Screen
from game.ui.session import Controller, GameSetup, Session

SETTLE_SECONDS: Final = 1e6
"""One update this long finishes every animation, so a shot shows where things come to rest."""


def render_screens(
    screens: Sequence[Screen], size: tuple[int, int] = theme.LOGICAL_SIZE
) -> pygame.Surface:
    """Draw ``screens`` bottom first (an overlay over what it covers) and return the picture."""
    if not pygame.font.get_init():
        pygame.font.init()
    surface = pygame.Surface(theme.LOGICAL_SIZE)
    for screen in screens:
        screen.update(SETTLE_SECONDS)
    for screen in screens:
        screen.draw(surface)
    if size != theme.LOGICAL_SIZE:
        surface = pygame.transform.smoothscale(surface, size)
    return surface


def render_screen_png(
    screen: Screen | Sequence[Screen], path: Path | str, size: tuple[int, int] = theme.LOGICAL_SIZE
) -> Path:
    """Render ``screen`` (or a stack, bottom first) as a PNG at ``path``; return the path."""
    screens = list(screen) if isinstance(screen, Sequence) else [screen]
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(render_screens(screens, size), str(target))
    return target


# --- Sample games for the game screens -----------------------------------------------------------

SHOT_NOW: Final = datetime(2019, 2, 28, 15, 0, tzinfo=UTC)
"""The clock the screenshots' saves are written by, so their dates never change."""


def game_until(
    scenario: Scenario, seed: int, strategy: StrategyName, stop: Callable[[GameState], bool]
) -> tuple[GameState, list[GameState]] | None:
    """The first state of a built-in strategy's game on ``seed`` for which ``stop`` holds, with
    the states before it (the undo history); None if the game never gets there."""
    from game.engine.strategies import play

    final = play(scenario, strategy, seed)
    state = new_game(scenario, seed)
    history: list[GameState] = []
    for turn in final.turns:
        if stop(state):
            return state, history
        history.append(state)
        state = apply(state, turn.move).state
    return (state, history) if stop(state) else None


def sample_game(
    scenario: Scenario, seed: int, stop: Callable[[GameState], bool]
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
            found = game_until(scenario, seed + offset, strategy, stop)
            if found is not None:
                return found
    raise LookupError("no sample game reaches the state asked for")


def mid_game(state: GameState) -> bool:
    """Several moves in, a reply on the table, nothing pending, not over."""
    return len(state.turns) >= 4 and state.pending is None and not state.is_over


def counter_pending(state: GameState) -> bool:
    """Their proposal is on the table."""
    return state.pending is not None and not state.is_over


def event_happened(state: GameState) -> bool:
    """The last move closed a round and something happened before the next."""
    return bool(state.turns and state.turns[-1].events) and not state.is_over


def sample_session(
    scenario: Scenario, seed: int, stop: Callable[[GameState], bool], **fields: Any
) -> Session:
    """A session (saving nothing) in the state ``stop`` asks for."""
    state, history = sample_game(scenario, seed, stop)
    return Session(state, history=history, **fields)


def _quiet(ctx: UiContext) -> UiContext:
    """``ctx`` with the adviser's hints off, for shots that show the table as a player sees it
    after the first game."""
    return UiContext(attrs.evolve(ctx.settings, hints=False), fonts=ctx.fonts, sounds=ctx.sounds)


def _fill_saves(store: SaveStore, scenario: Scenario, seed: int) -> None:
    """A few saves to list: an autosave and its backup, two named slots and a damaged one."""
    state, history = sample_game(scenario, seed, mid_game)
    game = SavedGame(state, tuple(history), player="Alex Kim")
    store.autosave(SavedGame(history[-1], tuple(history[:-1]), player="Alex Kim"))
    store.autosave(game)
    store.save_slot("Before the expanded talks", SavedGame(history[2], tuple(history[:2])))
    store.save_slot(
        "Class 9B, graded run", attrs.evolve(game, mode=Mode.GRADED, player="Sam Ortiz")
    )
    damaged = store.slot_path("Trying the big deal")
    damaged.parent.mkdir(parents=True, exist_ok=True)
    text = save_text(game, saved_at=SHOT_NOW, slot="Trying the big deal")
    # A hand-edited meter: the kind of tampering a replay catches.
    damaged.write_text(text.replace("trust = ", "trust = 9", 1), encoding="utf-8")


def _gallery(controller: Controller, seed: int) -> dict[str, Callable[[UiContext], list[Screen]]]:
    # Imported here so that importing this module stays cheap for callers of render_screen_png.
    from game.engine import Move, judge
    from game.ui.screens.briefing import briefing_screen
    from game.ui.screens.counter import CounterScreen
    from game.ui.screens.event import EventScreen
    from game.ui.screens.hotseat import AnswerScreen, HandOverScreen
    from game.ui.screens.new_game import NewGameScreen
    from game.ui.screens.saves_screen import SavesScreen
    from game.ui.screens.scenario_pick import ScenarioScreen
    from game.ui.screens.settings_screen import SettingsScreen
    from game.ui.screens.summit import LogScreen, SummitScreen, pause_menu
    from game.ui.screens.text_pages import TextPagesScreen
    from game.ui.screens.title import confirm_quit, default_title
    from game.ui.screens.variant import VariantScreen
    from game.ui.texts import HOW_TO_PLAY

    scenario = load_scenario("hanoi")
    store = controller.store

    def summit(ctx: UiContext, stop: Callable[[GameState], bool], **fields: Any) -> SummitScreen:
        return SummitScreen(ctx, sample_session(scenario, seed, stop, **fields))

    def start(ctx: UiContext) -> list[Screen]:
        session = Session(new_game(scenario, seed))
        return [SummitScreen(_quiet(ctx), session)]

    def variant(ctx: UiContext) -> list[Screen]:
        table = summit(_quiet(ctx), mid_game)
        offer = scenario.offer("yongbyon_for_relief")
        return [table, VariantScreen(ctx, table.state, offer, on_pick=lambda move: None)]

    def counter(ctx: UiContext) -> list[Screen]:
        table = summit(_quiet(ctx), counter_pending)
        return [table, CounterScreen(ctx, table.state, hints=True)]

    def event(ctx: UiContext) -> list[Screen]:
        table = summit(_quiet(ctx), event_happened)
        return [table, EventScreen(ctx, table.state, table.state.turns[-1])]

    def answer(ctx: UiContext) -> list[Screen]:
        session = sample_session(scenario, seed, mid_game, hotseat=True)
        move = next(
            Move(offer.id, offer.variants[0].id if offer.variants else None)
            for offer in scenario.offers
            if session.judge(Move(offer.id, offer.variants[0].id if offer.variants else None))
        )
        return [AnswerScreen(ctx, session, move, judge(session.state, move))]

    def hand_over(ctx: UiContext) -> list[Screen]:
        session = sample_session(scenario, seed, mid_game, hotseat=True)
        move = Move("liaison_offices")
        return [HandOverScreen(ctx, session, move, judge(session.state, move))]

    def hints(ctx: UiContext) -> list[Screen]:
        session = sample_session(scenario, seed, mid_game)
        return [SummitScreen(ctx, session)]

    def over(ctx: UiContext) -> list[Screen]:
        return [summit(_quiet(ctx), lambda s: s.is_over)]

    def proposal(ctx: UiContext) -> list[Screen]:
        return [summit(_quiet(ctx), counter_pending)]

    def whole_log(ctx: UiContext) -> list[Screen]:
        state, _ = sample_game(scenario, seed, lambda s: s.is_over)
        return [LogScreen(ctx, state)]

    def paused(ctx: UiContext) -> list[Screen]:
        table = summit(_quiet(ctx), mid_game)
        return [table, pause_menu(ctx, table.session)]

    def saving(ctx: UiContext) -> list[Screen]:
        return [
            SavesScreen(ctx, store, saving=True, session=sample_session(scenario, seed, mid_game))
        ]

    def setup(ctx: UiContext) -> GameSetup:
        return GameSetup(scenario, seed, player="Alex Kim")

    return {
        "title": lambda ctx: [default_title(ctx, controller)],
        "settings": lambda ctx: [SettingsScreen(ctx)],
        "how-to-play": lambda ctx: [
            TextPagesScreen(ctx, "How to play", HOW_TO_PLAY, kicker="Help")
        ],
        "new-game": lambda ctx: [NewGameScreen(ctx, controller, scenario="hanoi")],
        "hotseat-new": lambda ctx: [NewGameScreen(ctx, controller, scenario="hanoi", hotseat=True)],
        "briefing": lambda ctx: [briefing_screen(ctx, setup(ctx))],
        "summit-start": start,
        "summit": lambda ctx: [summit(_quiet(ctx), mid_game)],
        "hints": hints,
        "variant": variant,
        "counter": counter,
        "event": event,
        "hotseat": answer,
        "hand-over": hand_over,
        "summit-proposal": proposal,
        "summit-over": over,
        "log": whole_log,
        "menu": paused,
        "save": saving,
        "load": lambda ctx: [SavesScreen(ctx, store, saving=False)],
        "scenario": lambda ctx: [ScenarioScreen(ctx, controller)],
        "quit": lambda ctx: [default_title(ctx, controller), confirm_quit(ctx)],
    }


def shot_controller(ctx: UiContext, root: Path, seed: int) -> Controller:
    """A controller whose saves live in ``root`` (filled with sample saves) on a fixed clock."""
    store = SaveStore(root, clock=lambda: SHOT_NOW)
    _fill_saves(store, load_scenario("hanoi"), seed)
    return Controller(ctx, store=store, seed=seed, seeds=lambda: seed)


def gallery(ctx: UiContext, root: Path, seed: int = 7) -> dict[str, Callable[[], list[Screen]]]:
    """Every screen by name, built on demand; saves go to ``root``."""
    controller = shot_controller(ctx, root, seed)
    return {
        name: functools.partial(build, ctx) for name, build in _gallery(controller, seed).items()
    }


def render_all(out: Path | str, *, seed: int = 7) -> list[Path]:
    """Render every screen to ``out/<name>.png`` with default settings; return the files written.

    ``seed`` chooses the games shown on the game screens.
    """
    directory = Path(out)
    # Default settings, not the player's: screenshots must come out the same on every machine.
    ctx = UiContext(Settings(sound=False))
    written = []
    with tempfile.TemporaryDirectory(prefix="hanoi-shots-") as root:
        for name, build in gallery(ctx, Path(root), seed).items():
            written.append(render_screen_png(build(), directory / f"{name}.png"))
    for name, screen in _outcome_shots(ctx, seed):
        written.append(render_screen_png(screen, directory / f"{name}.png"))
    return written


def _outcome_shots(ctx: UiContext, seed: int) -> list[tuple[str, Screen]]:
    """The outcome scenes and the debrief, from their own module once it is installed."""
    try:
        from game.ui.screens.outcome import outcome_shots
    except ImportError:
        return []
    return outcome_shots(ctx, seed)
