"""Pieces several screens share: the input of a screen of controls (and of a modal panel), a
page of controls beside a side panel, the page header, the key-hint footer and the row of dialog
buttons."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.ui.screen import Action
from game.ui.widgets.base import FocusGroup
from game.ui.widgets.buttons import Button
from game.ui.widgets.drawing import draw_header


class FocusScreen:
    """A screen whose controls take the input through a focus group: each event first lays the
    screen out (the text size may have changed), then Esc does ``escape``, and the rest goes to
    the controls."""

    is_overlay: ClassVar[bool] = False
    ctx: UiContext
    focus: FocusGroup
    escape: Action | None = None
    """What Esc does (nothing when None)."""

    def layout(self) -> object:
        """Place the controls at the current text size (nothing to do for a fixed layout)."""
        return None

    def on_event(self, event: pygame.event.Event) -> Action | None:
        self.layout()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self.escape
        return self.focus.action_for(event, self.ctx)

    def update(self, dt: float) -> bool:
        return self.focus.update(dt)


class ModalScreen(FocusScreen):
    """A panel (``frame``) over the screen below: Esc, or a click outside the panel, does
    ``escape``."""

    is_overlay: ClassVar[bool] = True
    frame: pygame.Rect

    def on_event(self, event: pygame.event.Event) -> Action | None:
        self.layout()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self.escape
        handled = self.focus.handle(event, self.ctx)
        if handled is not None:
            return handled.action
        if (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and not self.frame.collidepoint(event.pos)
        ):
            return self.escape
        return None


@attrs.frozen
class PanelPage:
    """What a page of controls beside a side panel shows around them and the panel's content."""

    kicker: str
    title: str
    hints: str
    """The key hints, e.g. 'Tab move · Enter begin · Esc back'."""
    panel: tuple[int, int, int]
    """Where the panel goes: its first column, how many columns, its top."""


class PanelScreen(FocusScreen):
    """A page of controls beside a framed side panel (the New game form, the scenarios):
    drawing lays the controls out and draws the page's paper and header, the controls, the key
    hints and the panel down to the footer's buttons (as :meth:`page` says); what the panel
    shows is :meth:`draw_panel`'s."""

    def page(self) -> PanelPage:
        """The page's words and where its panel goes."""
        raise NotImplementedError

    def draw_panel(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """What the panel shows, inside its margins (``inner``)."""
        raise NotImplementedError

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        self.layout()
        page = self.page()
        draw_page(surface, ctx, page.kicker, page.title)
        self.focus.draw(surface, ctx)
        draw_key_hints(surface, ctx, page.hints)
        first_column, columns, top = page.panel
        bottom = theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT - 3 * theme.UNIT
        frame = theme.grid_rect(first_column, columns, top, bottom - top)
        pygame.draw.rect(surface, ctx.palette.surface, frame, border_radius=theme.RADIUS)
        pygame.draw.rect(surface, ctx.palette.rule, frame, width=1, border_radius=theme.RADIUS)
        self.draw_panel(surface, frame.inflate(-2 * PANEL_PAD, -2 * PANEL_PAD))


def draw_page(surface: pygame.Surface, ctx: UiContext, kicker: str, title: str) -> None:
    """A page's paper and its header across the grid: kicker, title and a hairline."""
    surface.fill(ctx.palette.paper)
    draw_header(surface, ctx, kicker, title, theme.grid_rect(0, theme.COLUMNS, theme.MARGIN_Y, 0))


KEY_HINTS_AT: Final = (theme.column_x(3), theme.CONTENT_BOTTOM - 14)
"""Where a page's key hints go: beside its Back button."""


def draw_key_hints(
    surface: pygame.Surface,
    ctx: UiContext,
    hints: str,
    bottomleft: tuple[int, int] = KEY_HINTS_AT,
) -> None:
    """A caption line of keyboard hints, e.g. 'Tab move · Enter choose · Esc back'."""
    text = ctx.text(TextRole.CAPTION, hints, ctx.palette.ink_soft)
    surface.blit(text, text.get_rect(bottomleft=bottomleft))


PANEL_PAD = 3 * theme.UNIT
"""Inner margin of a side panel."""


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
