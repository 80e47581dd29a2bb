"""Page tabs: a number badge and a name, the current page underlined."""

from __future__ import annotations

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.ui.widgets.base import Control
from game.ui.widgets.drawing import draw_badge, draw_focus_ring


@attrs.define(kw_only=True, eq=False)
class Tab(Control):
    """A page tab: number badge and name; the current page is underlined."""

    label: str
    is_current: bool = False

    def preferred_width(self, ctx: UiContext) -> int:
        """Badge, gap, label and padding."""
        return 28 + theme.UNIT + ctx.text_width(TextRole.BODY_STRONG, self.label) + 4 * theme.UNIT

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        if self.focused or self.hovered:
            pygame.draw.rect(surface, palette.surface_hover, rect, border_radius=theme.RADIUS)
        x = rect.left + 2 * theme.UNIT
        if self.shortcut is not None:
            badge = draw_badge(
                surface, ctx, (x, rect.centery - 14), self.shortcut.label, filled=self.is_current
            )
            x = badge.right + theme.UNIT
        role = TextRole.BODY_STRONG if self.is_current else TextRole.BODY
        colour = palette.ink if self.is_current else palette.ink_soft
        text = ctx.text(role, self.label, colour)
        surface.blit(text, text.get_rect(midleft=(x, rect.centery)))
        if self.is_current:
            inset = 2 * theme.UNIT
            pygame.draw.rect(
                surface,
                palette.navy,
                (rect.left + inset, rect.bottom - 3, rect.width - 2 * inset, 3),
                border_radius=1,
            )
        if self.focused:
            draw_focus_ring(surface, ctx, rect)
