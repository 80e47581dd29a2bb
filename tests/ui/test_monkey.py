"""Seeded random input through the real loop: thousands of events per screen, no exception."""

import itertools
import random
from collections.abc import Callable

import pytest

from game.draw.context import UiContext
from game.store.settings import Settings
from game.ui.app import App, FixedClock, OffscreenDisplay, ScriptedEvents
from game.ui.screen import Screen
from game.ui.screens.dialog import Choice, DialogScreen
from game.ui.screens.settings_screen import SettingsScreen
from game.ui.screens.text_pages import TextPagesScreen
from game.ui.screens.title import default_title
from game.ui.testing import monkey_events, run_until_exhausted
from game.ui.texts import BRIEFING, HOW_TO_PLAY
from game.ui.widgets import ButtonKind

EVENTS = 2500
BATCH = 8
"""Events per loop iteration: each is handled, but a frame is drawn per batch, not per event."""


def _dialog(ctx: UiContext) -> Screen:
    return DialogScreen(
        ctx,
        "Counter-offer",
        ["They offer to close Yongbyon if most sanctions are lifted.", "Accepting costs leverage."],
        [
            Choice("Reject", lambda: None),
            Choice("Counter", lambda: None),
            Choice("Accept", lambda: None, ButtonKind.PRIMARY),
        ],
    )


SCREENS: dict[str, Callable[[UiContext], Screen]] = {
    "title": default_title,
    "settings": SettingsScreen,
    "how-to-play": lambda ctx: TextPagesScreen(ctx, "How to play", HOW_TO_PLAY),
    "briefing": lambda ctx: TextPagesScreen(ctx, "Briefing", BRIEFING),
    "dialog": _dialog,
}


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_monkey(name: str) -> None:
    ctx = UiContext(Settings())
    factory = SCREENS[name]
    stream = monkey_events(random.Random(f"monkey-{name}"), EVENTS)
    events = ScriptedEvents(iter(lambda: list(itertools.islice(stream, BATCH)), []))
    app = App(ctx, factory(ctx), display=OffscreenDisplay(), events=events, clock=FixedClock())
    run_until_exhausted(app, events, lambda: [factory(ctx)])
    assert events.delivered >= EVENTS
    assert app.frames_drawn > 0
