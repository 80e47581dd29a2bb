"""Render screens offscreen and save them as PNG files, for ``shots`` and for checking layouts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

import pygame

from game.ui import theme
from game.ui.context import UiContext
from game.ui.screen import Screen
from game.ui.settings import Settings

SETTLE_SECONDS: Final = 1e6
"""One update this long finishes every animation, so a shot shows where things come to rest."""


def render_screens(
    screens: Sequence[Screen], size: tuple[int, int] = theme.LOGICAL_SIZE
) -> pygame.Surface:
    """Draw ``screens`` bottom first (an overlay over what it covers) and return the picture."""
    if not pygame.font.get_init():
        pygame.font.init()
    surface = pygame.Surface(theme.LOGICAL_SIZE)
    for screen in screens:
        screen.update(SETTLE_SECONDS)
    for screen in screens:
        screen.draw(surface)
    if size != theme.LOGICAL_SIZE:
        surface = pygame.transform.smoothscale(surface, size)
    return surface


def render_screen_png(
    screen: Screen | Sequence[Screen], path: Path | str, size: tuple[int, int] = theme.LOGICAL_SIZE
) -> Path:
    """Render ``screen`` (or a stack, bottom first) as a PNG at ``path``; return the path."""
    screens = list(screen) if isinstance(screen, Sequence) else [screen]
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(render_screens(screens, size), str(target))
    return target


def _gallery() -> dict[str, Callable[[UiContext], list[Screen]]]:
    # Imported here so that importing this module stays cheap for callers of render_screen_png.
    from game.ui.screens.settings_screen import SettingsScreen
    from game.ui.screens.text_pages import TextPagesScreen
    from game.ui.screens.title import confirm_quit, default_title
    from game.ui.texts import BRIEFING, HOW_TO_PLAY

    return {
        "title": lambda ctx: [default_title(ctx)],
        "settings": lambda ctx: [SettingsScreen(ctx)],
        "how-to-play": lambda ctx: [
            TextPagesScreen(ctx, "How to play", HOW_TO_PLAY, kicker="Help")
        ],
        "briefing": lambda ctx: [
            TextPagesScreen(ctx, "Briefing", BRIEFING, kicker="Before the talks")
        ],
        "quit": lambda ctx: [default_title(ctx), confirm_quit(ctx)],
    }


def render_all(out: Path | str, *, seed: int = 7) -> list[Path]:
    """Render every screen to ``out/<name>.png`` with default settings; return the files written.

    ``seed`` will choose the game shown on the game screens; the screens so far need none.
    """
    del seed
    directory = Path(out)
    # Default settings, not the player's: screenshots must come out the same on every machine.
    ctx = UiContext(Settings(sound=False))
    return [
        render_screen_png(build(ctx), directory / f"{name}.png")
        for name, build in _gallery().items()
    ]
