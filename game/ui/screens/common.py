"""Pieces several screens share: the page header and the key-hint footer."""

from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.context import UiContext
from game.ui.theme import Colour, TextRole
from game.ui.widgets import draw_rule


def draw_header(
    surface: pygame.Surface,
    ctx: UiContext,
    kicker: str,
    title: str,
    rect: pygame.Rect,
    *,
    title_role: TextRole = TextRole.TITLE,
    on_navy: bool = False,
) -> int:
    """Kicker, title and a hairline at the top of ``rect``; return the y just below the rule."""
    palette = ctx.palette
    soft: Colour = palette.on_navy_soft if on_navy else palette.ink_soft
    ink: Colour = palette.on_navy if on_navy else palette.ink
    y = rect.top
    if kicker:
        kick = ctx.text(TextRole.KICKER, kicker.upper(), soft)
        surface.blit(kick, (rect.left, y))
        y += kick.get_height() + theme.UNIT
    heading = ctx.text(title_role, title, ink, wrap=rect.width)
    surface.blit(heading, (rect.left, y))
    y += heading.get_height() + 2 * theme.UNIT
    draw_rule(surface, soft if on_navy else palette.rule, rect.left, rect.right, y)
    return y + 1


def draw_key_hints(
    surface: pygame.Surface, ctx: UiContext, hints: str, bottomleft: tuple[int, int]
) -> None:
    """A caption line of keyboard hints, e.g. 'Tab move · Enter choose · Esc back'."""
    text = ctx.text(TextRole.CAPTION, hints, ctx.palette.ink_soft)
    surface.blit(text, text.get_rect(bottomleft=bottomleft))
