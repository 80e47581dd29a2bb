"""A menu in a dialog over the screen below: the pause menu over the table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.ui.screen import MenuEntry, Pop
from game.ui.widgets.base import FocusGroup
from game.ui.widgets.buttons import menu_items
from game.ui.widgets.drawing import draw_modal_frame
from game.ui.widgets.page import ModalScreen

MENU_DIALOG_COLUMNS: Final = 5
MENU_DIALOG_ROW: Final = 56


class MenuScreen(ModalScreen):
    """A menu in a dialog over the screen below (the pause menu): Esc closes it."""

    def __init__(
        self, ctx: UiContext, title: str, entries: Sequence[MenuEntry], *, kicker: str = ""
    ) -> None:
        self.ctx = ctx
        self.escape = Pop()
        self.title = title
        self.kicker = kicker
        self.items = menu_items(entries)
        self.focus = FocusGroup(list(self.items))
        self.frame = pygame.Rect(0, 0, theme.span(MENU_DIALOG_COLUMNS), 0)
        self.layout()

    def layout(self) -> None:
        ctx = self.ctx
        head = theme.UNIT + 3 * theme.UNIT + 4 * theme.UNIT + 1
        if self.kicker:
            head += ctx.line_height(TextRole.KICKER) + theme.UNIT
        head += ctx.text(TextRole.HEADING, self.title, ctx.palette.ink).get_height()
        width = self.frame.width - 4 * theme.UNIT
        needed = max((item.height_for(ctx, width) for item in self.items), default=0)
        row = max(MENU_DIALOG_ROW + (ctx.line_height(TextRole.BODY_STRONG) - 27), needed + 4)
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

    def draw(self, surface: pygame.Surface) -> None:
        self.layout()
        draw_modal_frame(surface, self.ctx, self.frame, self.title, self.kicker)
        self.focus.draw(surface, self.ctx)
