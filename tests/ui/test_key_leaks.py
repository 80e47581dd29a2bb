"""No key that opens a screen types itself into that screen's text field (issue 9, bug 2).

SDL delivers a key as a KEYDOWN and, for a key that types, a TEXTINPUT right after it. When the
KEYDOWN opens a screen with a text field in focus, its TEXTINPUT must not land there: the New
game form opened with 1 or 5 used to show "1" or "5" in the name, the save screen opened with S
an "s". Every text field the game has is reached here by the keys a player would press; the same
cases run under a real X server with real key presses (``test_real_window``).
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pygame
import pytest

from game.draw.context import UiContext
from game.store.scenarios import load_scenario
from game.ui.app import App, ScriptStep
from game.ui.flow import Flow
from game.ui.in_play import GameSetup, NewGame
from game.ui.screen import Screen
from game.ui.screens.new_game import NewGameScreen
from game.ui.screens.saves_screen import SavesScreen
from game.ui.testing import game_app, key, text
from game.ui.widgets.text_field import TextField


@attrs.frozen
class FieldCase:
    """How a player reaches a text field by keyboard, and which field it is."""

    name: str
    start: Callable[[Flow], Screen]
    keys: tuple[str, ...]
    """Key names as xdotool knows them ("1", "s", "Escape"...), pressed in turn."""
    field: Callable[[Screen], TextField]
    """The field on the screen the keys lead to."""


def _title(flow: Flow) -> Screen:
    return flow.title()


def _table(flow: Flow) -> Screen:
    flow.handle(NewGame(GameSetup(load_scenario("hanoi"), 4)))
    return flow.summit()


def _form_name(screen: Screen) -> TextField:
    assert isinstance(screen, NewGameScreen)
    return screen.name


def _form_team(screen: Screen) -> TextField:
    assert isinstance(screen, NewGameScreen)
    return screen.team_us


def _save_name(screen: Screen) -> TextField:
    assert isinstance(screen, SavesScreen)
    return screen.name


FIELD_CASES = (
    FieldCase("New game (1 on the title screen): your name", _title, ("1",), _form_name),
    FieldCase("Hot-seat (5 on the title screen): the U.S. team", _title, ("5",), _form_team),
    FieldCase("Scenario, then Enter: your name", _title, ("4", "Return"), _form_name),
    FieldCase("Save (S at the table): its name", _table, ("s",), _save_name),
    FieldCase("Menu, Save game (Esc, 2): its name", _table, ("Escape", "2"), _save_name),
)
"""Every text field the game has (the class code and the seed are reached by Tab from the
name, which types nothing)."""

KEYS = {
    "1": (pygame.K_1, "1"),
    "2": (pygame.K_2, "2"),
    "4": (pygame.K_4, "4"),
    "5": (pygame.K_5, "5"),
    "s": (pygame.K_s, "s"),
    "Return": (pygame.K_RETURN, ""),
    "Escape": (pygame.K_ESCAPE, ""),
}


def press(name: str, *, apart: bool) -> list[ScriptStep]:
    """A key as SDL delivers it: its KEYDOWN and then its text, if it types (in the same pump,
    or in the next one when ``apart``)."""
    code, typed = KEYS[name]
    down = key(code, unicode=typed)
    if not typed:
        return [down]
    return [down, text(typed)] if apart else [[down, text(typed)]]


@pytest.mark.parametrize("apart", [False, True], ids=["same pump", "next pump"])
@pytest.mark.parametrize("case", FIELD_CASES, ids=lambda case: case.name)
def test_the_key_that_opens_a_field_types_nothing_into_it(
    ctx: UiContext, case: FieldCase, apart: bool
) -> None:
    flow = Flow(ctx, seed=4)
    script = [step for name in case.keys for step in press(name, apart=apart)]
    app = game_app(ctx, flow, case.start(flow), script)
    app.run()
    field = case.field(_top(app))
    assert field.focused
    assert field.text == ""


def test_typing_after_it_still_types(ctx: UiContext) -> None:
    flow = Flow(ctx, seed=4)
    script: list[ScriptStep] = [
        *press("1", apart=False),
        [key(pygame.K_k, unicode="k"), text("k")],
        [key(pygame.K_1, unicode="1"), text("1")],
    ]
    app = game_app(ctx, flow, flow.title(), script)
    app.run()
    assert _form_name(_top(app)).text == "k1"


def _top(app: App) -> Screen:
    assert app.top is not None
    return app.top
