"""The speech bubble their reply appears in."""

from __future__ import annotations

import enum
from typing import Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import Colour, Palette, TextRole, Tone
from game.ui.widgets.base import Widget
from game.ui.widgets.drawing import blit_clipped, draw_triangle

BUBBLE_PAD: Final = 12
"""Inner margin of the bubble."""
TEXT_LEFT: Final = BUBBLE_PAD + 4 + BUBBLE_PAD
"""Where the text starts, after the accent bar."""
ASIDE_INDENT: Final = 18
"""Room at the left of a neighbour's aside for the mark of which way it went."""
ASIDE_GAP: Final = 3 * 8
"""Space between two asides on one line."""


class Tail(enum.Enum):
    """Which edge of a speech bubble the pointer leaves from."""

    LEFT = enum.auto()
    RIGHT = enum.auto()
    BOTTOM = enum.auto()
    TOP = enum.auto()


@attrs.define(kw_only=True, eq=False)
class SpeechBubble(Widget):
    """What the other side says, and underneath it why (the engine's explanation)."""

    speaker: str
    text: str
    why: str = ""
    asides: tuple[tuple[str, Tone], ...] = ()
    """Lines under the reason on how the neighbours took the move, each with its tone."""
    tone: Tone = Tone.NEUTRAL
    tail: Tail = Tail.BOTTOM
    tail_at: float = 0.5
    """Position of the pointer along its edge, 0-1."""
    pad_y: int = BUBBLE_PAD
    """Inner margin above and below the words (the table tightens it when short of room)."""

    @staticmethod
    def inner_width(width: int) -> int:
        """Width of the text in a bubble ``width`` pixels wide."""
        return width - TEXT_LEFT - BUBBLE_PAD

    def measure(self, ctx: UiContext, width: int | None = None) -> int:
        """Height the bubble needs at ``width``."""
        inner = self.inner_width(self.rect.width if width is None else width)
        height = 2 * self.pad_y + ctx.line_height(TextRole.KICKER) + theme.UNIT // 2
        height += ctx.text(TextRole.BODY, self.text, (0, 0, 0), wrap=inner).get_height()
        if self.why:
            height += (
                theme.UNIT // 2
                + ctx.text(TextRole.CAPTION_ITALIC, self.why, (0, 0, 0), wrap=inner).get_height()
            )
        if self.asides:
            height += theme.UNIT // 2 + self._asides_flow(ctx, inner)[1]
        return height

    def _asides_flow(self, ctx: UiContext, width: int) -> tuple[list[tuple[int, int]], int]:
        """Where each aside goes, flowing like words across lines of ``width``, and the height
        they take: (x, y) offsets from where they start."""
        line = ctx.line_height(TextRole.CAPTION)
        x = y = 0
        spots = []
        for aside, _ in self.asides:
            w = ASIDE_INDENT + ctx.text_width(TextRole.CAPTION, aside)
            if x and x + w > width:
                x, y = 0, y + line
            spots.append((x, y))
            x += w + ASIDE_GAP
        return spots, y + line

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
            (rect.left + BUBBLE_PAD, rect.top + self.pad_y, 4, rect.height - 2 * self.pad_y),
            border_radius=2,
        )
        x = rect.left + TEXT_LEFT
        inner = self.inner_width(rect.width)
        y = rect.top + self.pad_y
        speaker = ctx.text(TextRole.KICKER, self.speaker.upper(), accent)
        surface.blit(speaker, (x, y))
        y += ctx.line_height(TextRole.KICKER) + theme.UNIT // 2
        body = ctx.text(TextRole.BODY, self.text, palette.ink, wrap=inner)
        blit_clipped(surface, body, (x, y), rect)
        y += body.get_height()
        if self.why:
            why = ctx.text(TextRole.CAPTION_ITALIC, self.why, palette.ink_soft, wrap=inner)
            blit_clipped(surface, why, (x, y + theme.UNIT // 2), rect)
            y += theme.UNIT // 2 + why.get_height()
        if self.asides:
            y += theme.UNIT // 2
            spots, _ = self._asides_flow(ctx, inner)
            half = ctx.line_height(TextRole.CAPTION) // 2
            for (aside, tone), (dx, dy) in zip(self.asides, spots, strict=True):
                colour = palette.tone(tone) if tone is not Tone.NEUTRAL else palette.ink_soft
                text = ctx.text(TextRole.CAPTION, aside, palette.ink)
                mid = (x + dx + 5, y + dy + half)
                if tone is not Tone.NEUTRAL:
                    draw_triangle(surface, colour, mid, up=tone is Tone.POSITIVE)
                else:
                    pygame.draw.circle(surface, colour, mid, 3)
                blit_clipped(surface, text, (x + dx + ASIDE_INDENT - 4, y + dy), rect)

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
