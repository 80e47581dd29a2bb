"""Golden images: the main screens must still look as they did when last approved.

Regenerate after an intended change with ``HANOI_UPDATE_GOLDEN=1 pytest tests/ui/test_golden.py``
and look at the new PNGs before committing them.
"""

import os
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from game.draw.context import UiContext
from game.store.settings import Settings
from game.ui.flow import Flow
from game.ui.screen import Screen
from game.ui.screens.settings_screen import SettingsScreen
from game.ui.screens.text_pages import TextPagesScreen
from game.ui.shots import render_screens
from game.ui.texts import HOW_TO_PLAY

GOLDEN = Path(__file__).parent / "golden"
# Loose enough for antialiasing differences between builds, tight enough to catch a moved panel.
MAX_MEAN_DIFFERENCE = 1.5
MAX_CHANGED_SHARE = 0.01
CHANGED_THRESHOLD = 48


SUMMIT_MOVES = (
    "mutual_restraint:unwritten",
    "yongbyon_for_relief:partial",
    "peace_declaration:declaration",
    "yongbyon_for_relief:partial",
)


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
    "how-to-play": lambda ctx: TextPagesScreen(ctx, "How to play", HOW_TO_PLAY, kicker="Help"),
    "summit": _summit,
}


def _compare(actual: pygame.Surface, expected: pygame.Surface) -> tuple[float, float]:
    """Mean absolute channel difference, and the share of pixels that changed markedly."""
    width, height = actual.get_size()
    total = 0
    changed = 0
    step = 2  # every other pixel each way is plenty to catch layout changes, and 4x faster
    samples = 0
    for y in range(0, height, step):
        for x in range(0, width, step):
            a = actual.get_at((x, y))
            b = expected.get_at((x, y))
            diff = abs(a.r - b.r) + abs(a.g - b.g) + abs(a.b - b.b)
            total += diff
            changed += diff > CHANGED_THRESHOLD
            samples += 1
    return total / (3 * samples), changed / samples


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen_matches_its_golden_image(name: str) -> None:
    picture = render_screens([SCREENS[name](UiContext(Settings()))])
    path = GOLDEN / f"{name}.png"
    if os.environ.get("HANOI_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        pygame.image.save(picture, str(path))
    expected = pygame.image.load(str(path))
    assert expected.get_size() == picture.get_size()
    mean, share = _compare(picture, expected)
    assert mean <= MAX_MEAN_DIFFERENCE, f"{name}: mean difference {mean:.2f}"
    assert share <= MAX_CHANGED_SHARE, f"{name}: {share:.1%} of pixels changed"
