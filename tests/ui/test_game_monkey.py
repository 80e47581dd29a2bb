"""Seeded random input through the real loop on every game screen: thousands of events each, no
exception. The app's router is the real flow, so whatever the monkey manages to do (play, undo,
save, load, delete, start a game) really happens, into a private saves folder."""

from pathlib import Path

import pytest

from game.draw.context import UiContext
from game.store.settings import Settings
from game.ui.flow import Flow
from game.ui.screen import Action, Command, Place, Screen
from game.ui.shots import Gallery
from game.ui.testing import monkey_input, run_monkey
from tests.ui import GAME_SCREENS

EVENTS = 2000
BATCH = 16
"""Events delivered per loop iteration: every one is handled, but frames are drawn per batch,
which keeps the whole run quick."""

SCREENS = [name for name in GAME_SCREENS if name not in ("hotseat-new", "title")]


class LatestFlow:
    """Routes through the flow that built the screens on show, so the monkey's moves are really
    played on their game."""

    def __init__(self) -> None:
        self.flows: list[Flow] = []

    def open(self, place: Place) -> Screen:
        return self.flows[-1].open(place)

    def handle(self, command: Command) -> Action | None:
        return self.flows[-1].handle(command)


@pytest.mark.parametrize("name", SCREENS)
def test_monkey_on_game_screens(name: str, tmp_path: Path) -> None:
    ctx = UiContext(Settings(sound=False))
    build = Gallery(ctx, tmp_path / "shots", 7).shots()[name]
    router = LatestFlow()

    def fresh() -> list[Screen]:
        flow, stack = build()
        router.flows.append(flow)
        return stack

    events = monkey_input(f"game-monkey-{name}", EVENTS, BATCH)
    app = run_monkey(ctx, fresh, events, router)
    assert events.delivered >= EVENTS
    assert app.frames_drawn > 0
