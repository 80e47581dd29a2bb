"""The neighbours on the table: a compact strip of the region's meters (Seoul, Tokyo, Beijing),
each a row with its value, the word for where it stands and its last change, kept apart from
the meters of the talks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.engine import GameState
from game.engine import Meter as MeterSpec
from game.ui.widgets.base import Widget
from game.ui.widgets.drawing import draw_rule, fit_text
from game.ui.widgets.meter import Meter

HEADING: Final = "The neighbours"
ROW_GAP: Final = 3
BAR: Final = 2
NAME_SHARE: Final = 0.3
"""Where the band word starts, as a share of the row's width: the words line up."""


@attrs.define(kw_only=True, eq=False)
class NeighbourMeter(Meter):
    """One neighbour: a meter that glides like the others, drawn as a row: its name, the word
    for where it stands, its last change and its value, over a hairline bar."""

    spec: MeterSpec

    @property
    def band(self) -> str:
        """The word for where its value stands now ("wary", "supportive"...)."""
        return self.spec.band(self.value)

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        line = row_text_height(ctx)
        mid = rect.top + line // 2
        value = ctx.text(TextRole.LABEL, str(round(self.shown)), palette.ink)
        spot = value.get_rect(midright=(rect.right, mid))
        surface.blit(value, spot)
        name = ctx.text(TextRole.CAPTION, self.label, palette.ink)
        surface.blit(name, name.get_rect(midleft=(rect.left, mid)))
        word_x = rect.left + round(rect.width * NAME_SHARE)
        right = spot.left - theme.UNIT
        if self.last_delta:
            width = ctx.text_width(TextRole.CAPTION, str(abs(self.last_delta))) + 14
            right -= width
            self._delta(surface, ctx, (right, mid + 1), TextRole.CAPTION)
            right -= theme.UNIT
        word = fit_text(ctx, TextRole.CAPTION_ITALIC, self.band, right - word_x)
        text = ctx.text(TextRole.CAPTION_ITALIC, word, palette.ink_soft)
        surface.blit(text, text.get_rect(midleft=(word_x, mid)))
        bar = pygame.Rect(rect.left, rect.bottom - BAR, rect.width, BAR)
        self._bar(surface, ctx, bar)


def row_text_height(ctx: UiContext) -> int:
    """Height of the text line of a neighbour's row (the value, set larger, keeps to it)."""
    return ctx.line_height(TextRole.CAPTION)


def row_height(ctx: UiContext) -> int:
    """Height of one neighbour's row: the line of text and the bar under it."""
    return row_text_height(ctx) + BAR


def neighbour_meters(state: GameState, indexes: Sequence[int]) -> list[tuple[int, NeighbourMeter]]:
    """The neighbours' meters at their current values, with their indexes in the scenario."""
    scenario = state.scenario
    found = []
    for index in indexes:
        spec = scenario.meters[index]
        found.append((index, NeighbourMeter.from_spec(spec, state.meters[index], spec=spec)))
    return found


def heading_height(ctx: UiContext) -> int:
    """Height of the strip's heading (its kicker and the space under it)."""
    return ctx.line_height(TextRole.KICKER) + 2


@attrs.define(kw_only=True, eq=False)
class NeighbourStrip(Widget):
    """The neighbours one under another, under a kicker (the kicker a hairline when room is
    short)."""

    meters: list[tuple[int, NeighbourMeter]] = attrs.field(factory=list)
    heading: bool = True

    def height_for(self, ctx: UiContext, *, heading: bool = True) -> int:
        """Height the strip takes, with or without its heading."""
        if not self.meters:
            return 0
        rows = len(self.meters) * row_height(ctx) + (len(self.meters) - 1) * ROW_GAP
        return rows + (heading_height(ctx) if heading else ROW_GAP)

    def place(self, ctx: UiContext, rect: pygame.Rect) -> None:
        """Fit the strip into ``rect``: the heading only if it fits, then one row each."""
        self.rect = rect
        self.heading = rect.height >= self.height_for(ctx, heading=True)
        y = rect.top + (heading_height(ctx) if self.heading else ROW_GAP)
        for _, meter in self.meters:
            meter.rect = pygame.Rect(rect.left, y, rect.width, row_height(ctx))
            y += row_height(ctx) + ROW_GAP

    def update(self, dt: float) -> bool:
        moving = False
        for _, meter in self.meters:
            moving = meter.update(dt) or moving
        return moving

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        if not self.meters:
            return
        palette = ctx.palette
        if self.heading:
            kick = ctx.text(TextRole.KICKER, HEADING.upper(), palette.ink_soft)
            surface.blit(kick, self.rect.topleft)
            x = self.rect.left + kick.get_width() + theme.UNIT
            y = self.rect.top + kick.get_height() // 2
            draw_rule(surface, palette.rule, x, self.rect.right, y)
        else:
            draw_rule(surface, palette.rule, self.rect.left, self.rect.right, self.rect.top)
        for _, meter in self.meters:
            meter.draw(surface, ctx)
