"""An unfinished game is never lost without a word (issue 9, bug 11): loading a named save, or
starting a new game, would replace the autosave that holds it, so the player is asked first
and may keep it as a named save."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.draw.context import UiContext
from game.draw.theme import LOGICAL_SIZE
from game.engine import Move, new_game
from game.engine.strategies import play
from game.store.save_folder import SaveKind
from game.store.saves import SavedGame, SaveStore
from game.store.scenarios import load_scenario
from game.store.settings import Settings, TextSize
from game.ui.flow import Flow
from game.ui.in_play import GameSetup, LoadSave, NewGame, PlayMove
from game.ui.screen import Apply, Chain, Dialog, Open, Pop, Reset
from game.ui.screens.summit import SummitScreen
from game.ui.shots import sample_session

SCENARIO = load_scenario("hanoi")


def _playing(ctx: UiContext) -> Flow:
    """A flow with a game two moves in, autosaved, and a named save of another game."""
    flow = Flow(ctx, seed=4)
    flow.handle(NewGame(GameSetup(SCENARIO, 4)))
    assert flow.session is not None
    flow.handle(PlayMove(Move("mutual_restraint", "written")))
    flow.store.save_slot("Class 9B", SavedGame(new_game(SCENARIO, 9)))
    return flow


def _choose(flow: Flow, action: object, label: str) -> object:
    """Press ``label`` in the dialog that ``action`` opens; return what it leads to."""
    assert isinstance(action, Open) and isinstance(action.place, Dialog)
    choice = next(c for c in action.place.choices if c.label == label)
    assert isinstance(choice.action, Chain)
    last = choice.action.actions[-1]
    assert isinstance(last, Apply)
    return flow.handle(last.command)


def _slots(store: SaveStore) -> list[str]:
    return [info.name for info in store.listing() if info.kind is SaveKind.SLOT]


def test_loading_a_save_asks_and_keeps_the_unfinished_game(ctx: UiContext) -> None:
    flow = _playing(ctx)
    unfinished = flow.session.state if flow.session else None
    action = flow.handle(LoadSave(flow.store.slot_path("Class 9B")))
    assert isinstance(action, Open) and isinstance(action.place, Dialog)
    assert action.place.title == "Load \u201cClass 9B\u201d?"
    after = _choose(flow, action, "Keep it")
    assert isinstance(after, Chain) and isinstance(after.actions[0], Reset)
    assert flow.session is not None and flow.session.state.seed == 9
    kept = [name for name in _slots(flow.store) if name.startswith("Unfinished")]
    assert len(kept) == 1
    loaded = flow.store.load(flow.store.slot_path(kept[0])).game
    assert loaded is not None and unfinished is not None
    assert loaded.state.hash == unfinished.hash
    assert "kept as" in flow.session.notices[-1].text


def test_replacing_it_keeps_nothing(ctx: UiContext) -> None:
    flow = _playing(ctx)
    action = flow.handle(LoadSave(flow.store.slot_path("Class 9B")))
    _choose(flow, action, "Replace it")
    assert flow.session is not None and flow.session.state.seed == 9
    assert _slots(flow.store) == ["Class 9B"]


def test_a_new_game_asks_too(ctx: UiContext) -> None:
    flow = _playing(ctx)
    action = flow.handle(NewGame(GameSetup(SCENARIO, 11)))
    assert isinstance(action, Open) and isinstance(action.place, Dialog)
    _choose(flow, action, "Keep it")
    assert flow.session is not None and flow.session.state.seed == 11
    assert any(name.startswith("Unfinished") for name in _slots(flow.store))


@pytest.mark.parametrize("case", ["finished", "same game", "autosave", "nothing saved"])
def test_nothing_is_asked_when_nothing_would_be_lost(ctx: UiContext, home: Path, case: str) -> None:
    flow = Flow(ctx, seed=4)
    store = flow.store
    if case == "finished":
        store.autosave(SavedGame(play(SCENARIO, "essay", 4)))
        target = store.slot_path("Class 9B")
        store.save_slot("Class 9B", SavedGame(new_game(SCENARIO, 9)))
    elif case == "same game":
        game = SavedGame(new_game(SCENARIO, 9))
        store.autosave(game)
        store.save_slot("Class 9B", game)
        target = store.slot_path("Class 9B")
    elif case == "autosave":
        store.autosave(SavedGame(new_game(SCENARIO, 9)))
        store.autosave(SavedGame(new_game(SCENARIO, 10)))
        target = store.backup_path
    else:
        target = store.slot_path("Class 9B")
        store.save_slot("Class 9B", SavedGame(new_game(SCENARIO, 9)))
    action = flow.handle(LoadSave(target))
    assert isinstance(action, Chain) and isinstance(action.actions[0], Reset)


def test_a_game_without_a_move_is_not_asked_about(ctx: UiContext) -> None:
    # A play-tester opened a new game, read the briefing, and was asked to keep the game they
    # had not begun: nothing is lost when no move was made.
    flow = Flow(ctx, seed=4)
    flow.handle(NewGame(GameSetup(SCENARIO, 4)))
    assert flow.session is not None and flow.store.has_autosave()
    action = flow.handle(NewGame(GameSetup(SCENARIO, 5)))
    assert not (isinstance(action, Open) and isinstance(action.place, Dialog))
    assert _slots(flow.store) == []


def test_replacing_a_save_names_the_one_that_is_there(ctx: UiContext) -> None:
    # "café naïve 1" and "cafe naive 1" share a file: the prompt asked to replace the name
    # being typed, not the save it would replace.
    from game.ui.screens.saves_screen import SavesScreen

    flow = _playing(ctx)
    flow.store.save_slot("Café naïve 1", SavedGame(new_game(SCENARIO, 9)))
    screen = SavesScreen(ctx, flow.store, saving=True, state=new_game(SCENARIO, 4))
    screen.name.set_text("cafe naive 1")
    action = screen._save()
    assert isinstance(action, Open) and isinstance(action.place, Dialog)
    assert action.place.title == "Replace \u201cCafé naïve 1\u201d?"
    assert "has the same file name" in action.place.body[0]


def test_a_new_game_asks_about_the_unfinished_one_before_its_briefing(ctx: UiContext) -> None:
    # A play-tester read the six pages of the briefing before being asked.
    from game.ui.in_play import Briefing
    from game.ui.screens.dialog import DialogScreen
    from game.ui.screens.text_pages import TextPagesScreen

    flow = _playing(ctx)
    setup = GameSetup(SCENARIO, 5)
    asked = flow.open(Briefing(setup))
    assert isinstance(asked, DialogScreen)
    choices = {choice.label: choice.action for choice in asked.dialog.choices}
    assert choices["Keep it"] == Chain((Pop(), Open(Briefing(setup, keep=True))))
    assert choices["Replace it"] == Chain((Pop(), Open(Briefing(setup, keep=False))))
    # Once answered, the briefing opens, and its last page starts the game with the answer.
    briefing = flow.open(Briefing(setup, keep=True))
    assert isinstance(briefing, TextPagesScreen)
    assert briefing.done == Apply(NewGame(setup, True))


def test_a_kept_game_of_one_move_says_one_move(ctx: UiContext) -> None:
    # "Unfinished, opening session, 1 moves" (a play-tester's finding).
    flow = _playing(ctx)
    action = flow.handle(NewGame(GameSetup(SCENARIO, 11)))
    assert isinstance(action, Open) and isinstance(action.place, Dialog)
    assert ", 1 move)" in action.place.body[0]
    _choose(flow, action, "Keep it")
    assert "Unfinished, dinner, 1 move" in _slots(flow.store)
    flow.handle(PlayMove(Move("mutual_restraint", "written")))
    again = flow.handle(NewGame(GameSetup(SCENARIO, 12)))
    _choose(flow, again, "Keep it")
    assert "Unfinished, dinner, 1 move (2)" in _slots(flow.store)


@pytest.mark.parametrize("size", list(TextSize))
def test_the_word_on_a_kept_game_is_whole_on_the_table(size: TextSize, rendered: list[str]) -> None:
    # At Large text the toast cut it: "Your unfinished game was kept as "Unfinished,
    # one-on-one, 5...".
    ctx = UiContext(Settings(sound=False, text_size=size))
    flow = Flow(ctx, seed=4)
    last = len(SCENARIO.rounds) - 1
    flow.session = sample_session(
        SCENARIO, 7, lambda s: s.round == last and len(s.turns) >= 10, store=flow.store
    )
    flow.session.autosave()
    action = flow.handle(NewGame(GameSetup(SCENARIO, 11), keep=True))
    assert isinstance(action, Reset) and isinstance(action.screen, SummitScreen)
    said = flow.session.notices[-1].text if flow.session else ""
    assert said.startswith("Your unfinished game was kept as \u201cUnfinished, signing ceremony")
    table = action.screen
    table.update(0.1)
    rendered.clear()
    table.draw(pygame.Surface(LOGICAL_SIZE))
    assert {text for text in rendered if text.startswith("Your unfinished")} == {said}
    assert table.toast.rect.contains(table.toast.box(ctx))


def test_a_graded_game_cannot_go_back_by_loading_its_own_save(ctx: UiContext) -> None:
    """The play-tester's path: a graded game saved under a name, a move played, the save
    loaded to play the move again. The load is refused, saying why, and the game stays where
    it is; the same seed started again is another game, whose saves load."""
    from game.store.graded import WENT_ON
    from game.store.mode import Mode
    from game.store.who import Who
    from game.ui.in_play import SaveSlot

    flow = Flow(ctx, seed=4)
    graded = Who("Jordan", Mode.GRADED)
    flow.handle(NewGame(GameSetup(SCENARIO, 4, graded), keep=False))
    flow.handle(PlayMove(Move("mutual_restraint", "written")))
    flow.handle(SaveSlot("large mid"))
    flow.handle(PlayMove(Move("security_assurances", "written")))
    session = flow.session
    assert session is not None and len(session.state.turns) == 2
    slot = flow.store.slot_path("large mid")
    action = flow.handle(LoadSave(slot, keep=False))
    assert isinstance(action, Open) and isinstance(action.place, Dialog)
    assert any(WENT_ON in line for line in action.place.body)
    assert flow.session is session and len(session.state.turns) == 2
    # Replayed from the first move, the same seed is a game of its own.
    first = session.game
    flow.session = session.restart()
    assert flow.session.game != first
    flow.handle(PlayMove(Move("mutual_restraint", "written")))
    flow.handle(SaveSlot("replayed"))
    assert flow.store.load(flow.store.slot_path("replayed")).is_ok
