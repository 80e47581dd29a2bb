"""The row of a list screen (the saves, the scenarios): apart from :mod:`game.ui.widgets.base`
because the title screen, which imports that before its first frame, lists none."""

from __future__ import annotations

import attrs
import pygame

from game.draw.context import UiContext
from game.ui.widgets.base import Control
from game.ui.widgets.drawing import draw_focus_ring, draw_row_card


@attrs.define(kw_only=True, eq=False)
class ListRow(Control):
    """A row of a list screen: a card, what the row holds on it, and the focus ring."""

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        active = self.focused or self.hovered
        draw_row_card(surface, ctx, self.rect, active=active)
        self.draw_content(surface, ctx, active=active)
        if self.focused:
            draw_focus_ring(surface, ctx, self.rect)

    def draw_content(self, surface: pygame.Surface, ctx: UiContext, *, active: bool) -> None:
        """Paint what the row holds on its card (``active``: pointed at or in focus)."""
        raise NotImplementedError
