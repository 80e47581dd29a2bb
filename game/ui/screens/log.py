"""The whole summit log, with their words and reasons: scroll, then Esc."""

from __future__ import annotations

import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.engine import GameState
from game.ui.record import log_entries
from game.ui.screen import Action, Pop
from game.ui.widgets.base import FocusGroup, does
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.log import LogPanel
from game.ui.widgets.page import FocusScreen, draw_key_hints, draw_page, footer_back_rect


class LogScreen(FocusScreen):
    """The whole summit log, with their words and reasons: scroll, then Esc (or L again)."""

    escape = Pop()

    def __init__(self, ctx: UiContext, state: GameState) -> None:
        self.ctx = ctx
        self.state = state
        self.log = LogPanel(
            title="Every move, answer and event", entries=log_entries(state, full=True)
        )
        self.log.rect = theme.grid_rect(0, theme.COLUMNS, 18 * theme.UNIT, 0)
        self.log.rect.height = (
            theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT - 3 * theme.UNIT - self.log.rect.top
        )
        self.back = Button(
            label="Back", kind=ButtonKind.SECONDARY, hint="Esc", on_activate=does(Pop())
        )
        self.back.rect = footer_back_rect()
        self.focus = FocusGroup([self.log, self.back])

    def on_event(self, event: pygame.event.Event) -> Action | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_l:
            return self.escape
        return super().on_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        draw_page(surface, ctx, self.state.scenario.title, "Summit log")
        self.focus.draw(surface, ctx)
        draw_key_hints(surface, ctx, "\u2191\u2193 PgUp PgDn scroll \u00b7 Esc back")
