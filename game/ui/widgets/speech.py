"""The speech bubble their reply appears in."""

from __future__ import annotations

import enum

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import Colour, Palette, TextRole, Tone
from game.ui.widgets.base import Widget
from game.ui.widgets.drawing import blit_clipped


class Tail(enum.Enum):
    """Which edge of a speech bubble the pointer leaves from."""

    LEFT = "left"
    RIGHT = "right"
    BOTTOM = "bottom"
    TOP = "top"


@attrs.define(kw_only=True, eq=False)
class SpeechBubble(Widget):
    """What the other side says, and underneath it why (the engine's explanation)."""

    speaker: str
    text: str
    why: str = ""
    tone: Tone = Tone.NEUTRAL
    tail: Tail = Tail.BOTTOM
    tail_at: float = 0.5
    """Position of the pointer along its edge, 0-1."""

    def measure(self, ctx: UiContext, width: int | None = None) -> int:
        """Height the bubble needs at ``width``."""
        inner = (self.rect.width if width is None else width) - 6 * theme.UNIT
        height = 2 * 2 * theme.UNIT + ctx.line_height(TextRole.KICKER) + theme.UNIT
        height += ctx.text(TextRole.BODY, self.text, (0, 0, 0), wrap=inner).get_height()
        if self.why:
            height += (
                theme.UNIT
                + ctx.text(TextRole.CAPTION_ITALIC, self.why, (0, 0, 0), wrap=inner).get_height()
            )
        return height

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        accent = palette.tone(self.tone) if self.tone is not Tone.NEUTRAL else palette.navy
        pygame.draw.rect(surface, palette.surface, rect, border_radius=theme.RADIUS * 2)
        pygame.draw.rect(surface, palette.rule, rect, width=1, border_radius=theme.RADIUS * 2)
        self._draw_tail(surface, palette, accent)
        pygame.draw.rect(
            surface,
            accent,
            (
                rect.left + 2 * theme.UNIT,
                rect.top + 2 * theme.UNIT,
                4,
                rect.height - 4 * theme.UNIT,
            ),
            border_radius=2,
        )
        x = rect.left + 2 * theme.UNIT + 4 + 2 * theme.UNIT
        inner = rect.right - 2 * theme.UNIT - x
        y = rect.top + 2 * theme.UNIT
        speaker = ctx.text(TextRole.KICKER, self.speaker.upper(), accent)
        surface.blit(speaker, (x, y))
        y += ctx.line_height(TextRole.KICKER) + theme.UNIT
        body = ctx.text(TextRole.BODY, self.text, palette.ink, wrap=inner)
        blit_clipped(surface, body, (x, y), rect)
        y += body.get_height()
        if self.why:
            why = ctx.text(TextRole.CAPTION_ITALIC, self.why, palette.ink_soft, wrap=inner)
            blit_clipped(surface, why, (x, y + theme.UNIT), rect)

    def _draw_tail(self, surface: pygame.Surface, palette: Palette, accent: Colour) -> None:
        del accent
        rect = self.rect
        size = 14
        if self.tail in (Tail.BOTTOM, Tail.TOP):
            x = rect.left + round(rect.width * self.tail_at)
            x = max(rect.left + 24, min(rect.right - 24, x))
            edge = rect.bottom - 1 if self.tail is Tail.BOTTOM else rect.top
            tip = edge + size if self.tail is Tail.BOTTOM else edge - size
            points = [(x - size, edge), (x + size, edge), (x, tip)]
            seam = ((x - size + 1, edge), (x + size - 1, edge))
        else:
            y = rect.top + round(rect.height * self.tail_at)
            y = max(rect.top + 24, min(rect.bottom - 24, y))
            edge = rect.left if self.tail is Tail.LEFT else rect.right - 1
            tip = edge - size if self.tail is Tail.LEFT else edge + size
            points = [(edge, y - size), (edge, y + size), (tip, y)]
            seam = ((edge, y - size + 1), (edge, y + size - 1))
        pygame.draw.polygon(surface, palette.surface, points)
        pygame.draw.line(surface, palette.rule, points[0], points[2])
        pygame.draw.line(surface, palette.rule, points[1], points[2])
        pygame.draw.line(surface, palette.surface, *seam, 2)
