"""A bar chart: categories with one bar per series, upright or lying down, values written on the
bars."""

from __future__ import annotations

import attrs
import pygame

from game.draw.charts.parts import (
    GAP,
    TICK,
    Axis,
    Chart,
    Layout,
    draw_title,
    fit,
    legend_places,
    legend_row_height,
    legend_rows,
    number,
    y_axis_width,
)
from game.draw.context import UiContext
from game.draw.theme import Colour, TextRole


@attrs.frozen
class BarSeries:
    """One set of bars: a value per category."""

    label: str
    values: tuple[float, ...]
    colour: Colour


@attrs.frozen
class BarChart(Chart):
    """Categories with one bar per series each, grouped; vertical or horizontal.

    Horizontal bars suit long category names (e.g. the endings of a class report).
    """

    categories: tuple[str, ...]
    series: tuple[BarSeries, ...]
    value_axis: Axis
    title: str = ""
    horizontal: bool = False
    value_labels: bool = True
    """Print each bar's value at its end."""
    legend: bool = True
    """Show a legend (only drawn with more than one series)."""

    def __attrs_post_init__(self) -> None:
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(f'series "{series.label}" needs one value per category')

    def layout(self, ctx: UiContext, rect: pygame.Rect) -> Layout:
        """Where the plot and the legend go in ``rect``."""
        top = rect.top + (ctx.line_height(TextRole.KICKER) + GAP if self.title else 0)
        rows: list[list[int]] = []
        legend_h = 0
        if self.legend and len(self.series) > 1:
            rows = legend_rows(ctx, [(s.label, False) for s in self.series], rect.width)
            legend_h = len(rows) * legend_row_height(ctx) + GAP
        bottom = rect.bottom - legend_h
        value_room = ctx.text_width(TextRole.CAPTION, "0000") + GAP if self.value_labels else GAP
        if self.horizontal:
            widest = max((ctx.text_width(TextRole.CAPTION, c) for c in self.categories), default=0)
            left = rect.left + min(widest, rect.width // 3) + GAP + TICK
            bottom -= TICK + GAP // 2 + ctx.line_height(TextRole.CAPTION)
            right = rect.right - value_room
        else:
            left = rect.left + y_axis_width(ctx, self.value_axis)
            bottom -= TICK + GAP // 2 + 2 * ctx.line_height(TextRole.CAPTION)
            right = rect.right - GAP
            top += ctx.line_height(TextRole.CAPTION) if self.value_labels else 0
        plot = pygame.Rect(left, top, max(1, right - left), max(1, bottom - top))
        legend = pygame.Rect(rect.left, rect.bottom - legend_h + GAP, rect.width, legend_h - GAP)
        return Layout(plot, legend, tuple(tuple(row) for row in rows))

    def bar_rect(self, plot: pygame.Rect, category: int, series: int) -> pygame.Rect:
        """The rectangle of one bar inside ``plot``."""
        count = max(len(self.categories), 1)
        groups = max(len(self.series), 1)
        span = (plot.height if self.horizontal else plot.width) / count
        inner = span * 0.72
        bar = inner / groups
        start = category * span + (span - inner) / 2 + series * bar
        value = self.series[series].values[category]
        length = max(0.0, min(1.0, self.value_axis.fraction(value))) - max(
            0.0, self.value_axis.fraction(0.0)
        )
        if self.horizontal:
            base = plot.left + max(0.0, self.value_axis.fraction(0.0)) * plot.width
            return pygame.Rect(
                round(base), round(plot.top + start), round(length * plot.width), round(bar - 2)
            )
        base = plot.bottom - max(0.0, self.value_axis.fraction(0.0)) * plot.height
        height = round(length * plot.height)
        return pygame.Rect(round(plot.left + start), round(base) - height, round(bar - 2), height)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: UiContext) -> None:
        """Paint the chart inside ``rect``."""
        palette = ctx.palette
        draw_title(surface, ctx, self.title, rect)
        layout = self.layout(ctx, rect)
        plot = layout.plot
        axis = self.value_axis
        # Value grid and ticks.
        for tick, label in zip(axis.ticks, axis.tick_labels(), strict=True):
            text = ctx.text(TextRole.CAPTION, label, palette.ink_soft)
            if self.horizontal:
                x = round(plot.left + axis.fraction(tick) * plot.width)
                pygame.draw.line(surface, palette.sunk, (x, plot.top), (x, plot.bottom))
                pygame.draw.line(surface, palette.rule, (x, plot.bottom), (x, plot.bottom + TICK))
                surface.blit(text, text.get_rect(midtop=(x, plot.bottom + TICK + GAP // 2)))
            else:
                y = round(plot.bottom - axis.fraction(tick) * plot.height)
                pygame.draw.line(surface, palette.sunk, (plot.left, y), (plot.right, y))
                pygame.draw.line(surface, palette.rule, (plot.left - TICK, y), (plot.left, y))
                surface.blit(text, text.get_rect(midright=(plot.left - TICK - GAP // 2, y)))
        count = max(len(self.categories), 1)
        for c, category in enumerate(self.categories):
            for s, series in enumerate(self.series):
                bar = self.bar_rect(plot, c, s)
                if bar.width > 0 and bar.height > 0:
                    pygame.draw.rect(surface, series.colour, bar)
                if self.value_labels:
                    value = ctx.text(TextRole.CAPTION, number(series.values[c]), palette.ink)
                    if self.horizontal:
                        spot = value.get_rect(midleft=(bar.right + GAP // 2, bar.centery))
                    else:
                        spot = value.get_rect(midbottom=(bar.centerx, bar.top - 2))
                    surface.blit(value, spot)
            if self.horizontal:
                span = plot.height / count
                y = round(plot.top + (c + 0.5) * span)
                label = fit(ctx, TextRole.CAPTION, category, plot.left - rect.left - GAP - TICK)
                text = ctx.text(TextRole.CAPTION, label, palette.ink)
                surface.blit(text, text.get_rect(midright=(plot.left - GAP, y)))
            else:
                span = plot.width / count
                x = round(plot.left + (c + 0.5) * span)
                name = ctx.text(TextRole.CAPTION, category, palette.ink, wrap=max(int(span) - 4, 8))
                surface.blit(name, name.get_rect(midtop=(x, plot.bottom + TICK + GAP // 2)))
        if self.horizontal:
            pygame.draw.line(surface, palette.ink_soft, plot.topleft, plot.bottomleft)
        else:
            pygame.draw.line(surface, palette.ink_soft, plot.bottomleft, plot.bottomright)
        entries = [(series.label, False) for series in self.series]
        for index, x, y in legend_places(ctx, layout, entries):
            series = self.series[index]
            pygame.draw.rect(surface, series.colour, (x, y - 6, 12, 12))
            text = ctx.text(TextRole.CAPTION, series.label, palette.ink_soft)
            surface.blit(text, text.get_rect(midleft=(x + 12 + GAP, y)))
