"""Seeded random input through the real loop on every game screen: thousands of events each, no
exception. The app's router is the real flow, so whatever the monkey manages to do (play, undo,
save, load, delete, start a game) really happens, into a private saves folder."""

import random
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.draw.context import UiContext
from game.store.settings import Settings
from game.ui.app import App, FixedClock, OffscreenDisplay, ScriptedEvents, ScriptStep
from game.ui.flow import Flow
from game.ui.screen import Screen
from game.ui.shots import flow_gallery
from game.ui.testing import monkey_events, run_until_exhausted

EVENTS = 2000
BATCH = 16
"""Events delivered per loop iteration: every one is handled, but frames are drawn per batch,
which keeps the whole run quick."""

SCREENS = (
    "summit",
    "summit-start",
    "hints",
    "variant",
    "counter",
    "event",
    "hotseat",
    "hand-over",
    "menu",
    "new-game",
    "briefing",
    "save",
    "load",
    "scenario",
)


def _batches(rng: random.Random, count: int) -> Iterator[ScriptStep]:
    batch: list[pygame.event.Event] = []
    for event in monkey_events(rng, count):
        batch.append(event)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


@pytest.mark.parametrize("name", SCREENS)
def test_monkey_on_game_screens(name: str, tmp_path: Path) -> None:
    ctx = UiContext(Settings(sound=False))
    build = flow_gallery(ctx, tmp_path / "shots", 7)[name]
    flows: list[Flow] = []

    def fresh() -> list[Screen]:
        # The flow that built the screens routes the monkey's moves: they are really played.
        flow, stack = build()
        flows.append(flow)
        if len(flows) > 1:
            app.router = flow
        return stack

    events = ScriptedEvents(_batches(random.Random(f"game-monkey-{name}"), EVENTS))
    stack = fresh()
    app = App(
        ctx,
        stack[0],
        display=OffscreenDisplay(),
        events=events,
        clock=FixedClock(),
        router=flows[-1],
        persist_settings=False,
    )
    app.stack = list(stack)
    run_until_exhausted(app, events, fresh)
    assert events.delivered >= EVENTS
    assert app.frames_drawn > 0
