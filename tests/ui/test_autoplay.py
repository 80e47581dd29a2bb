"""The window plays by itself (``--autoplay``): key by key through the real loop, the same game
as the strategy plays headless, through events and proposals to the outcome and the debrief."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.draw.context import UiContext
from game.engine.strategies import play
from game.store.saves import SaveStore
from game.store.scenarios import load_scenario
from game.store.settings import AnimationSpeed, Settings
from game.ui.app import App, OffscreenDisplay, ScriptedEvents
from game.ui.autoplay import Autoplayer, AutoplayEvents
from game.ui.flow import Flow
from game.ui.screen import Playable
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.outcome import OutcomeScreen
from game.ui.screens.proposal import ProposalScreen
from game.ui.screens.variant import VariantScreen
from game.ui.testing import FixedClock
from tests.engine.small import write_small


class Ticks:
    """A clock that moves a fixed step each time it is read."""

    def __init__(self, step: float) -> None:
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def watched(
    strategy: str,
    seed: int,
    speed: AnimationSpeed = AnimationSpeed.OFF,
    scenario: str | None = None,
) -> tuple[App, Flow, Autoplayer, list[str]]:
    """An app whose flow plays ``strategy`` by itself (on Hanoi unless ``scenario`` names
    another), with every screen it showed."""
    ctx = UiContext(Settings(animation_speed=speed, sound=False))
    flow = Flow(ctx, scenario=scenario, seed=seed)
    app = App(
        ctx,
        flow.watch(strategy),
        display=OffscreenDisplay(),
        clock=FixedClock(),
        router=flow,
        persist_settings=False,
    )
    player = Autoplayer(strategy, seed)
    seen: list[str] = []

    def look() -> tuple[object, object]:
        seen.append(type(app.top).__name__)
        return app.top, flow.session.state if flow.session is not None else None

    inner = ScriptedEvents(quit_when_done=False)
    app.events = AutoplayEvents(inner, player, look, pace=0.5, clock=Ticks(0.3))  # type: ignore[arg-type]
    return app, flow, player, seen


@pytest.mark.parametrize(("strategy", "seed"), [("essay", 7), ("historical", 4), ("dove", 11)])
def test_the_window_plays_the_strategys_game_to_the_debrief(strategy: str, seed: int) -> None:
    app, flow, player, seen = watched(strategy, seed)
    for _ in range(3000):
        app.step()
        if isinstance(app.top, DebriefScreen):
            break
    assert isinstance(app.top, DebriefScreen)
    assert flow.session is not None
    played = play(load_scenario("hanoi"), strategy, seed)
    assert flow.session.state.hash == played.hash
    assert "OutcomeScreen" in seen
    assert player.pressed


@pytest.mark.parametrize("strategy", ["essay", "random"])
def test_the_window_plays_a_game_that_runs_out_of_moves_to_the_debrief(
    strategy: str, tmp_path: Path
) -> None:
    """One offer, no recess, no walk-away: once it is agreed the summit ends, and the window
    goes on to how it ended instead of waiting for a move nobody can make."""
    path = write_small(tmp_path)
    app, flow, _, seen = watched(strategy, 1, scenario=str(path))
    for _ in range(3000):
        app.step()
        if isinstance(app.top, DebriefScreen):
            break
    assert isinstance(app.top, DebriefScreen) and "OutcomeScreen" in seen
    assert flow.session is not None and flow.session.state.is_over


def test_it_goes_through_forms_proposals_and_events() -> None:
    app, _, _, seen = watched("essay", 7)
    for _ in range(3000):
        app.step()
        if isinstance(app.top, DebriefScreen):
            break
    names = {VariantScreen.__name__, ProposalScreen.__name__, EventScreen.__name__}
    assert names <= set(seen)


def test_the_outcome_is_left_only_once_its_picture_has_settled() -> None:
    app, _, _, _ = watched("historical", 4, AnimationSpeed.NORMAL)
    left: list[float] = []
    for _ in range(5000):
        top = app.top
        app.step()
        if isinstance(top, OutcomeScreen) and app.top is not top:
            left.append(top.progress)
            break
    assert left == [1.0]


def test_a_watched_game_never_replaces_the_players_autosave(ctx: UiContext) -> None:
    store = SaveStore()
    assert not store.has_autosave()
    app, _, _, _ = watched("hawk", 3)
    for _ in range(600):
        app.step()
    assert not SaveStore().has_autosave()


def test_the_screens_on_its_way_name_a_key_and_the_debrief_none(ctx: UiContext) -> None:
    assert not issubclass(DebriefScreen, Playable)
    for screen in (VariantScreen, ProposalScreen, EventScreen, OutcomeScreen):
        assert issubclass(screen, Playable)


def test_a_players_own_input_goes_first() -> None:
    app, _, player, _ = watched("essay", 7)
    inner = app.events.inner  # type: ignore[attr-defined]
    assert isinstance(inner, ScriptedEvents)
    motion = pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 5), rel=(0, 0), buttons=(0, 0, 0))
    inner._script = iter([[motion]] * 5)
    for _ in range(5):
        app.step()
    assert player.pressed == []


def test_after_the_summit_a_dialog_is_left_to_the_watcher(ctx: UiContext) -> None:
    # A play-tester exported the transcript of an autoplayed game: the confirmation closed at
    # once, and four presses wrote four files.
    from game.engine import Move
    from game.ui.screen import Choice, Dialog, Pop
    from game.ui.screens.dialog import DialogScreen

    dialog = DialogScreen(
        ctx, Dialog("Transcript exported", ("Saved",), (Choice("OK", Pop(), primary=True),))
    )
    assert dialog.key_for(Move("joint_statement")) is not None  # during the summit: OK
    assert dialog.key_for(None) is None
    over = play(load_scenario("hanoi"), "essay", 4)
    assert Autoplayer("essay", 4).key(dialog, over) is None
