"""A menu in a dialog over the screen below: the pause menu over the table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Final

import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.ui.screen import Action, MenuEntry, Pop
from game.ui.widgets.base import FocusGroup
from game.ui.widgets.buttons import menu_items
from game.ui.widgets.drawing import draw_modal_frame

MENU_DIALOG_COLUMNS: Final = 5
MENU_DIALOG_ROW: Final = 56


class MenuScreen:
    """A menu in a dialog over the screen below (the pause menu): Esc closes it."""

    is_overlay: ClassVar[bool] = True

    def __init__(
        self, ctx: UiContext, title: str, entries: Sequence[MenuEntry], *, kicker: str = ""
    ) -> None:
        self.ctx = ctx
        self.title = title
        self.kicker = kicker
        self.items = menu_items(entries)
        self.focus = FocusGroup(list(self.items))
        self.frame = pygame.Rect(0, 0, theme.span(MENU_DIALOG_COLUMNS), 0)
        self._layout()

    def _layout(self) -> None:
        ctx = self.ctx
        head = theme.UNIT + 3 * theme.UNIT + 4 * theme.UNIT + 1
        if self.kicker:
            head += ctx.line_height(TextRole.KICKER) + theme.UNIT
        head += ctx.text(TextRole.HEADING, self.title, ctx.palette.ink).get_height()
        row = MENU_DIALOG_ROW + (ctx.line_height(TextRole.BODY_STRONG) - 27)
        height = head + len(self.items) * row + 3 * theme.UNIT
        frame = pygame.Rect(0, 0, self.frame.width, height)
        frame.center = (theme.LOGICAL_WIDTH // 2, theme.LOGICAL_HEIGHT // 2)
        self.frame = frame
        for i, item in enumerate(self.items):
            item.rect = pygame.Rect(
                frame.left + 2 * theme.UNIT,
                frame.top + head + i * row,
                frame.width - 4 * theme.UNIT,
                row - 4,
            )

    def on_event(self, event: pygame.event.Event) -> Action | None:
        self._layout()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop()
        handled = self.focus.handle(event, self.ctx)
        if handled is not None:
            return handled.action
        if (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and not self.frame.collidepoint(event.pos)
        ):
            return Pop()
        return None

    def update(self, dt: float) -> bool:
        return self.focus.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self._layout()
        draw_modal_frame(surface, self.ctx, self.frame, self.title, self.kicker)
        self.focus.draw(surface, self.ctx)
