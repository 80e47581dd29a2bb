"""Pieces several screens share: the page header, the key-hint footer, the side panel and the
row of dialog buttons."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import Colour, TextRole
from game.ui.widgets.buttons import Button
from game.ui.widgets.drawing import draw_rule


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


PANEL_PAD = 3 * theme.UNIT
"""Inner margin of a side panel."""


def draw_side_panel(
    surface: pygame.Surface, ctx: UiContext, first_column: int, columns: int, top: int
) -> pygame.Rect:
    """The framed panel beside a list or form, down to the footer's buttons.

    Returns the area inside its margins, where the content goes.
    """
    palette = ctx.palette
    bottom = theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT - 3 * theme.UNIT
    panel = theme.grid_rect(first_column, columns, top, bottom - top)
    pygame.draw.rect(surface, palette.surface, panel, border_radius=theme.RADIUS)
    pygame.draw.rect(surface, palette.rule, panel, width=1, border_radius=theme.RADIUS)
    return panel.inflate(-2 * PANEL_PAD, -2 * PANEL_PAD)


def place_buttons_right(buttons: Sequence[Button], ctx: UiContext, right: int, bottom: int) -> None:
    """Lay buttons out in a row from ``right`` leftwards, their bottoms on ``bottom``."""
    for button in reversed(buttons):
        width = max(button.preferred_width(ctx), 3 * theme.COLUMN // 2)
        button.rect = pygame.Rect(
            right - width, bottom - theme.CONTROL_HEIGHT, width, theme.CONTROL_HEIGHT
        )
        right = button.rect.left - 2 * theme.UNIT


def footer_back_rect() -> pygame.Rect:
    """Where a screen's Back button sits: bottom left, two columns wide."""
    return pygame.Rect(
        theme.MARGIN_X,
        theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT,
        theme.span(2),
        theme.CONTROL_HEIGHT,
    )
