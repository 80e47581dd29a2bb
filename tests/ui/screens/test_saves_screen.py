"""The save and load screens: what saving under a name that is taken does."""

from __future__ import annotations

import pygame

from game.draw.context import UiContext
from game.engine import Move
from game.store.saves import SavedGame, SaveKind, SaveStore
from game.store.scenarios import load_scenario
from game.ui.app import ScriptedEvents
from game.ui.flow import Flow
from game.ui.screen import GameSetup, NewGame, PlayMove
from game.ui.screens.dialog import DialogScreen
from game.ui.screens.summit import SummitScreen
from game.ui.testing import game_app, key

SCENARIO = load_scenario("hanoi")


def _slots(store: SaveStore) -> list[str]:
    return sorted(info.name for info in store.listing() if info.kind is SaveKind.SLOT)


def _playing(ctx: UiContext, saved: str) -> Flow:
    """A game one move in, with a save called ``saved`` of the game before the move."""
    flow = Flow(ctx, seed=4)
    flow.handle(NewGame(GameSetup(SCENARIO, 4)))
    assert flow.session is not None
    flow.store.save_slot(saved, SavedGame(flow.session.state))
    flow.handle(PlayMove(Move("mutual_restraint", "written")))
    return flow


def _keep_both(ctx: UiContext, flow: Flow) -> DialogScreen:
    """On the table press S, pick the first save, Enter (its name), Enter (save): the dialog
    that asks whether to replace it, answered with Enter (Keep both)."""
    app = game_app(
        ctx, flow, flow.summit(), [key(pygame.K_s), key(pygame.K_TAB), key(pygame.K_TAB)]
    )
    app.run()
    app.events = ScriptedEvents([key(pygame.K_RETURN), key(pygame.K_RETURN)])
    app.run()
    asked = app.top
    assert isinstance(asked, DialogScreen)
    app.events = ScriptedEvents([key(pygame.K_RETURN)])
    app.run()
    assert isinstance(app.top, SummitScreen)
    return asked


def test_keep_both_saves_the_game_beside_the_save_of_that_name(ctx: UiContext) -> None:
    # A play-tester chose Keep both: the dialog closed and no save was written.
    flow = _playing(ctx, "Before lunch")
    asked = _keep_both(ctx, flow)
    assert asked.dialog.title == "Replace \u201cBefore lunch\u201d?"
    assert "\u201cBefore lunch (2)\u201d" in asked.dialog.body[1]
    assert _slots(flow.store) == ["Before lunch", "Before lunch (2)"]
    old = flow.store.load(flow.store.slot_path("Before lunch")).game
    new = flow.store.load(flow.store.slot_path("Before lunch (2)")).game
    assert old is not None and new is not None and flow.session is not None
    assert (len(old.state.turns), len(new.state.turns)) == (0, 1)
    assert flow.session.notices[-1].text == "Saved as \u201cBefore lunch (2)\u201d."


def test_a_long_name_is_cut_so_that_its_number_shows_in_the_name_and_the_file(
    ctx: UiContext,
) -> None:
    long = "Before the joint statement with a very l"
    flow = _playing(ctx, long)
    assert flow.session is not None
    flow.store.save_slot(f"{long[:36]} (2)", SavedGame(flow.session.state))
    _keep_both(ctx, flow)
    names = _slots(flow.store)
    assert names == sorted([long, f"{long[:36]} (2)", f"{long[:36]} (3)"])
    assert len({flow.store.slot_path(name) for name in names}) == 3
