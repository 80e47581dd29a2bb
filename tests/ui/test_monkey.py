"""Seeded random input through the real loop: thousands of events per screen, no exception."""

from collections.abc import Callable

import pytest

from game.draw.context import UiContext
from game.store.scenarios import load_scenario
from game.store.settings import Settings
from game.ui.briefing import briefing_pages
from game.ui.flow import Flow
from game.ui.screen import Chain, Choice, Dialog, Screen
from game.ui.screens.dialog import DialogScreen
from game.ui.screens.settings_screen import SettingsScreen
from game.ui.screens.text_pages import TextPagesScreen
from game.ui.testing import monkey_input, run_monkey
from game.ui.texts import how_to_play

EVENTS = 2500
BATCH = 8
"""Events per loop iteration: each is handled, but a frame is drawn per batch, not per event."""


NOTHING = Chain(())
"""An action that does nothing."""


def _dialog(ctx: UiContext) -> Screen:
    return DialogScreen(
        ctx,
        Dialog(
            "Counter-offer",
            (
                "They offer to close Yongbyon if most sanctions are lifted.",
                "Accepting costs leverage.",
            ),
            (
                Choice("Reject", NOTHING),
                Choice("Counter", NOTHING),
                Choice("Accept", NOTHING, primary=True),
            ),
        ),
    )


SCREENS: dict[str, Callable[[UiContext], Screen]] = {
    "title": lambda ctx: Flow(ctx).title(),
    "settings": SettingsScreen,
    "how-to-play": lambda ctx: TextPagesScreen(
        ctx, "How to play", how_to_play(load_scenario("hanoi"))
    ),
    "briefing": lambda ctx: TextPagesScreen(
        ctx, "Briefing", briefing_pages(load_scenario("hanoi"))
    ),
    "dialog": _dialog,
}


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_monkey(name: str) -> None:
    ctx = UiContext(Settings())
    factory = SCREENS[name]
    events = monkey_input(f"monkey-{name}", EVENTS, BATCH)
    app = run_monkey(ctx, lambda: [factory(ctx)], events, Flow(ctx))
    assert events.delivered >= EVENTS
    assert app.frames_drawn > 0
