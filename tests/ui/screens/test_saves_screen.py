"""The save and load screens: what saving under a name that is taken does, and the details of
a save."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.engine import Move, new_game
from game.store.save_folder import SaveKind
from game.store.saves import SavedGame, SaveStore
from game.store.scenarios import load_scenario
from game.store.settings import Settings, TextSize
from game.ui.flow import Flow
from game.ui.in_play import GameSetup, NewGame, PlayMove, SaveSlot
from game.ui.screens.dialog import DialogScreen
from game.ui.screens.saves_screen import DETAIL_COLUMNS, DETAIL_FIRST_COLUMN, SavesScreen
from game.ui.screens.summit import SummitScreen
from game.ui.testing import feed, game_app, key

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
    feed(app, key(pygame.K_RETURN), key(pygame.K_RETURN))
    asked = app.top
    assert isinstance(asked, DialogScreen)
    feed(app, key(pygame.K_RETURN))
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


def test_the_notice_names_the_save_as_it_is_listed(ctx: UiContext) -> None:
    # A name typed with a control character and past the longest a slot keeps: the notice said
    # the name as typed, the save screen lists it cleaned and cut.
    flow = Flow(ctx, seed=4)
    flow.handle(NewGame(GameSetup(SCENARIO, 4)))
    typed = "  Lunch\x1b[2J " + "x" * 80
    flow.handle(SaveSlot(typed))
    (listed,) = _slots(flow.store)
    assert listed == ("Lunch[2J " + "x" * 80)[:60]
    assert flow.session is not None
    assert flow.session.notices[-1].text == f"Saved as \u201c{listed}\u201d."


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


@pytest.mark.parametrize("size", list(TextSize))
def test_the_details_show_the_start_and_end_of_a_long_file_name(
    size: TextSize, rendered: list[str]
) -> None:
    # A play-tester read "File:..." and nothing of the file's name.
    ctx = UiContext(Settings(sound=False, text_size=size))
    store = Flow(ctx, seed=4).store
    store.save_slot("Unfinished, opening session, 1 moves", SavedGame(new_game(SCENARIO, 4)))
    screen = SavesScreen(ctx, store, saving=False)
    screen.focus.focus(screen.rows[0])
    rendered.clear()
    screen.draw(pygame.Surface(theme.LOGICAL_SIZE))
    shown = [text for text in rendered if text.startswith("File: ")]
    assert len(shown) == 1
    assert shown[0].startswith("File: slot-unfinished") and shown[0].endswith("moves.toml")
    panel = theme.grid_rect(DETAIL_FIRST_COLUMN, DETAIL_COLUMNS, 0, 0)
    assert ctx.text_width(TextRole.CAPTION, shown[0]) <= panel.width - 6 * theme.UNIT


def test_a_hot_seat_save_is_called_one(tmp_path: Path) -> None:
    # A play-tester's hot-seat saves read "practice" on the load screen, as a one-player game's.
    from game.store.mode import Mode
    from game.store.saves import SaveInfo
    from game.ui.screens.saves_screen import describe_save, kind_of_game

    seat = SaveInfo(tmp_path / "a.toml", SaveKind.SLOT, "A", mode=Mode.PRACTICE, hotseat=True)
    alone = SaveInfo(tmp_path / "b.toml", SaveKind.SLOT, "B", mode=Mode.GRADED)
    assert kind_of_game(seat) == "hot-seat practice" and kind_of_game(alone) == "graded"
    assert describe_save(seat, None).endswith(" \u00b7 hot-seat practice")
    assert kind_of_game(SaveInfo(tmp_path / "c.toml", SaveKind.SLOT, "C")) == ""


def test_continue_says_the_autosave_is_a_hot_seat_game(tmp_path: Path) -> None:
    # A play-tester's Continue read like a one-player game's for a hot-seat game.
    from game.ui.menus import continue_entry

    hanoi = load_scenario("hanoi")
    store = SaveStore(tmp_path)
    store.autosave(SavedGame(new_game(hanoi, 3, hotseat=True), ()))
    assert " \u00b7 hot-seat \u00b7 " in continue_entry(store).detail
    store.autosave(SavedGame(new_game(hanoi, 3), ()))
    assert "hot-seat" not in continue_entry(SaveStore(tmp_path)).detail


def test_a_save_that_cannot_be_loaded_takes_the_focus_and_enter_deletes_nothing(
    tmp_path: Path,
) -> None:
    # A re-check moved onto a locked save: the focus fell on its Delete button, and Enter
    # (which the hints say loads) asked to delete it.
    store = SaveStore(tmp_path)
    store.save_slot("good", SavedGame(new_game(SCENARIO, 4)))
    store.saves.joinpath("slot-broken.toml").write_text("not = [a save", encoding="utf-8")
    screen = SavesScreen(UiContext(Settings(sound=False)), store, saving=False)
    names = [row.info.name for row in screen.rows]
    broken = screen.rows[names.index("broken")]
    assert not broken.enabled
    for _ in range(len(screen.focus.controls)):
        if screen.focus.focused is broken:
            break
        screen.on_event(key(pygame.K_DOWN))
    assert screen.focus.focused is broken, "the locked row was passed by"
    assert screen.on_event(key(pygame.K_RETURN)) is None
