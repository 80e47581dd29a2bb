"""Golden images: the main screens must still look as they did when last approved.

Regenerate after an intended change with ``HANOI_UPDATE_GOLDEN=1 pytest tests/ui/test_golden.py``
and look at the new PNGs before committing them.
"""

from collections.abc import Callable
from pathlib import Path

import pytest

from game.draw.context import UiContext
from game.store.scenarios import load_scenario
from game.store.settings import Settings
from game.ui.flow import Flow
from game.ui.screen import Screen
from game.ui.screens.settings_screen import SettingsScreen
from game.ui.screens.text_pages import TextPagesScreen
from game.ui.shots import render_screens
from game.ui.testing import assert_matches_golden
from game.ui.texts import how_to_play

GOLDEN = Path(__file__).parent / "golden"


SUMMIT_MOVES = (
    "peace_declaration:declaration",
    "liaison_offices",
    "reject",
    "mutual_restraint:unwritten",
)
"""Two accords, their proposal rejected, and a third accord the neighbours comment on."""


def _summit(ctx: UiContext) -> Screen:
    """The table mid-game (a scripted game, so strategy changes leave it alone), as a player
    sees it once the adviser's hints are off."""
    from game.engine import Move, apply, new_game
    from game.store.scenarios import load_scenario
    from game.ui.screens.summit import SummitScreen
    from game.ui.session import Session

    state = new_game(load_scenario("hanoi"), 7)
    history = []
    for text in SUMMIT_MOVES:
        history.append(state)
        state = apply(state, Move.parse(text)).state
    quiet = UiContext(Settings(hints=False), fonts=ctx.fonts)
    return SummitScreen(quiet, Session(state, history=history))


SCREENS: dict[str, Callable[[UiContext], Screen]] = {
    "title": lambda ctx: Flow(ctx).title(),
    "settings": SettingsScreen,
    "how-to-play": lambda ctx: TextPagesScreen(
        ctx, "How to play", how_to_play(load_scenario("hanoi")), kicker="Help"
    ),
    "summit": _summit,
}


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen_matches_its_golden_image(name: str) -> None:
    picture = render_screens([SCREENS[name](UiContext(Settings()))])
    assert_matches_golden(picture, GOLDEN / f"{name}.png")
