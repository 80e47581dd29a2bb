"""A line chart: series over an x axis, with shaded bands, markers, a legend, and the last value
of the series to follow written at its end."""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs
import pygame

from game.draw.charts.parts import (
    GAP,
    LEGEND_SWATCH,
    SUPERSAMPLE,
    TICK,
    Axis,
    Band,
    Chart,
    Layout,
    Series,
    draw_marker,
    draw_swatch,
    draw_title,
    draw_y_axis,
    fit_words,
    legend_places,
    legend_row_height,
    legend_rows,
    number,
    stroke,
    y_axis_width,
)
from game.draw.context import UiContext
from game.draw.theme import TextRole


@attrs.frozen
class LineChart(Chart):
    """Series of values over an x axis, with optional bands (e.g. rounds) behind them."""

    x: Axis
    y: Axis
    series: tuple[Series, ...]
    bands: tuple[Band, ...] = ()
    title: str = ""
    """A kicker above the chart (empty: none)."""
    legend: bool = True
    grid: bool = True
    end_labels: bool = True
    """Label each emphasised series with its last value, at the end of its line."""
    boundaries: bool = True
    """Draw a dotted rule where one band ends and the next begins."""
    lines: bool = True
    """Draw the series; without, the chart's frame alone, laid out as with them (what a line
    drawing in from the left is revealed over: a frame laid out without the end labels' room
    set every label at another place, and for a moment the debrief read "expanded d talks")."""

    def layout(self, ctx: UiContext, rect: pygame.Rect) -> Layout:
        """Where the plot and the legend go in ``rect``, for the current text size."""
        top = rect.top
        if self.title:
            top += ctx.line_height(TextRole.KICKER) + GAP
        if self.bands:
            top += ctx.line_height(TextRole.CAPTION) + GAP
        left = rect.left + y_axis_width(ctx, self.y)
        if self.y.title:
            left += ctx.line_height(TextRole.CAPTION) + GAP // 2
        right = rect.right - (self._end_label_room(ctx) if self.end_labels else GAP)
        rows: list[list[int]] = []
        legend_h = 0
        if self.legend and self.series:
            entries = [(s.label, s.emphasis) for s in self.series]
            rows = legend_rows(ctx, entries, rect.width)
            legend_h = len(rows) * legend_row_height(ctx) + GAP
        bottom = rect.bottom - legend_h
        bottom -= TICK + GAP // 2 + ctx.line_height(TextRole.CAPTION)
        if self.x.title:
            bottom -= ctx.line_height(TextRole.CAPTION)
        plot = pygame.Rect(left, top, max(1, right - left), max(1, bottom - top))
        legend = pygame.Rect(rect.left, rect.bottom - legend_h + GAP, rect.width, legend_h - GAP)
        return Layout(plot, legend, tuple(tuple(row) for row in rows))

    def _end_label_room(self, ctx: UiContext) -> int:
        widths = [
            ctx.text_width(TextRole.LABEL, number(_last(s.values) or 0)) + 2 * GAP
            for s in self.series
            if s.emphasis and _last(s.values) is not None
        ]
        return max(widths, default=GAP)

    def to_screen(self, plot: pygame.Rect, x: float, y: float) -> tuple[float, float]:
        """The point of ``plot`` where the data value ``(x, y)`` is drawn."""
        return (
            plot.left + self.x.fraction(x) * plot.width,
            plot.bottom - self.y.fraction(y) * plot.height,
        )

    def point_at(self, ctx: UiContext, rect: pygame.Rect, x: float, y: float) -> tuple[int, int]:
        """Pixel of ``(x, y)`` when the chart is drawn in ``rect`` (for tests and hit-testing)."""
        px, py = self.to_screen(self.layout(ctx, rect).plot, x, y)
        return (round(px), round(py))

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: UiContext) -> None:
        """Paint the chart inside ``rect``; the area behind it is left as it is."""
        palette = ctx.palette
        draw_title(surface, ctx, self.title, rect)
        layout = self.layout(ctx, rect)
        plot = layout.plot
        self._draw_bands(surface, ctx, rect, plot)
        draw_y_axis(surface, ctx, self.y, plot, grid=self.grid)
        self._draw_x_axis(surface, ctx, plot)
        # Axis lines go under the data: a point on an axis must not be struck through.
        pygame.draw.line(surface, palette.ink_soft, plot.bottomleft, plot.bottomright)
        pygame.draw.line(surface, palette.rule, plot.topleft, plot.bottomleft)
        if self.lines:
            self._draw_series(surface, ctx, plot)
        if self.y.title:
            title = ctx.text(TextRole.CAPTION, self.y.title, palette.ink_soft)
            title = pygame.transform.rotate(title, 90)
            surface.blit(title, title.get_rect(midleft=(rect.left, plot.centery)))
        if layout.legend_rows:
            self._draw_legend(surface, ctx, layout)

    def band_labels(
        self, ctx: UiContext, rect: pygame.Rect, plot: pygame.Rect | None = None
    ) -> list[tuple[str, int]]:
        """Each band's label as drawn in ``rect`` and where it starts: as much of it as fits
        before the next band, the last one up to the chart's right edge, over the room kept
        for the end labels (at large text the debrief's "working lunch" came out "working").
        A last label still too long starts earlier, ending at that edge, as far back as the
        label before it allows ("signing ceremony" came out "signing"). ``plot`` is the
        plot's place in ``rect`` when it is already known."""
        plot = plot if plot is not None else self.layout(ctx, rect).plot
        placed: list[tuple[str, int]] = []
        free = rect.left  # where the label before ends, with room after it
        for i, band in enumerate(self.bands):
            x1 = max(round(self.to_screen(plot, band.start, 0)[0]), plot.left)
            x2 = min(round(self.to_screen(plot, band.end, 0)[0]), plot.right)
            if x2 <= x1:
                continue
            x = x1 + GAP // 2
            if i == len(self.bands) - 1:
                whole = ctx.text_width(TextRole.CAPTION, band.label)
                x = max(min(x, rect.right - GAP // 2 - whole), free)
            end = rect.right if i == len(self.bands) - 1 else x2
            label = fit_words(ctx, TextRole.CAPTION, band.label, end - x - GAP // 2)
            if label:
                placed.append((label, x))
                free = x + ctx.text_width(TextRole.CAPTION, label) + 2 * GAP
        return placed

    def _draw_bands(
        self, surface: pygame.Surface, ctx: UiContext, rect: pygame.Rect, plot: pygame.Rect
    ) -> None:
        palette = ctx.palette
        for i, band in enumerate(self.bands):
            x1 = round(self.to_screen(plot, band.start, 0)[0])
            x2 = round(self.to_screen(plot, band.end, 0)[0])
            x1, x2 = max(x1, plot.left), min(x2, plot.right)
            if x2 <= x1:
                continue
            if band.shaded:
                surface.fill(palette.surface, pygame.Rect(x1, plot.top, x2 - x1, plot.height))
            if self.boundaries and i > 0:
                for y in range(plot.top, plot.bottom, 6):
                    pygame.draw.line(surface, palette.rule, (x1, y), (x1, min(y + 2, plot.bottom)))
        for label, x in self.band_labels(ctx, rect, plot):
            text = ctx.text(TextRole.CAPTION, label, palette.ink_soft)
            surface.blit(text, text.get_rect(bottomleft=(x, plot.top - GAP // 2)))

    def _draw_x_axis(self, surface: pygame.Surface, ctx: UiContext, plot: pygame.Rect) -> None:
        palette = ctx.palette
        labels = self.x.tick_labels()
        # Thin the labels when they would touch, keeping the first and the last.
        widest = max((ctx.text_width(TextRole.CAPTION, label) for label in labels), default=0)
        count = max(len(self.x.ticks) - 1, 1)
        pitch = plot.width / count
        every = max(1, math.ceil((widest + GAP) / max(pitch, 1)))
        y = plot.bottom
        for i, (tick, label) in enumerate(zip(self.x.ticks, labels, strict=True)):
            x = round(self.to_screen(plot, tick, 0)[0])
            pygame.draw.line(surface, palette.rule, (x, y), (x, y + TICK))
            if i % every and i != len(labels) - 1:
                continue
            if i != len(labels) - 1 and (len(labels) - 1 - i) < every and i:
                continue
            text = ctx.text(TextRole.CAPTION, label, palette.ink_soft)
            surface.blit(text, text.get_rect(midtop=(x, y + TICK + GAP // 2)))
        if self.x.title:
            title = ctx.text(TextRole.CAPTION, self.x.title, palette.ink_soft)
            top = y + TICK + GAP // 2 + ctx.line_height(TextRole.CAPTION)
            surface.blit(title, title.get_rect(midtop=(plot.centerx, top)))

    def _draw_series(self, surface: pygame.Surface, ctx: UiContext, plot: pygame.Rect) -> None:
        palette = ctx.palette
        pad = 12
        k = SUPERSAMPLE
        area = plot.inflate(2 * pad, 2 * pad)
        big = pygame.Surface((area.width * k, area.height * k), pygame.SRCALPHA)

        def big_point(point: tuple[float, float]) -> tuple[float, float]:
            sx, sy = self.to_screen(plot, *point)
            return ((sx - area.left + 0.5) * k, (sy - area.top + 0.5) * k)

        ordered = sorted(self.series, key=lambda s: s.emphasis)
        apart = _spread(ordered, self.x.lo, (self.y.lo, self.y.hi))
        for series, shifts in zip(ordered, apart, strict=True):
            width = series.width + (1 if series.emphasis else 0)
            runs: list[list[tuple[float, float]]] = [[]]
            for point, shift in zip(series.points(self.x.lo), shifts, strict=True):
                if point is None:
                    runs.append([])
                else:
                    bx, by = big_point(point)
                    runs[-1].append((bx, by + shift * k))
            for run in runs:
                stroke(big, series.colour, run, width * k, dashed=series.dashed, dash=9 * k)
            radius = (4.5 if series.emphasis else 3.5) * k
            for run in runs:
                for point in run:
                    draw_marker(
                        big, series.marker, series.colour, point, radius, ring=palette.paper
                    )
        small = pygame.transform.smoothscale(big, area.size)
        surface.blit(small, area.topleft)
        if self.end_labels:
            for series in self.series:
                last = _last_point(series.points(self.x.lo))
                if series.emphasis and last is not None:
                    sx, sy = self.to_screen(plot, *last)
                    text = ctx.text(TextRole.LABEL, number(last[1]), series.colour)
                    surface.blit(text, text.get_rect(midleft=(round(sx) + GAP + 2, round(sy))))

    def _draw_legend(self, surface: pygame.Surface, ctx: UiContext, layout: Layout) -> None:
        palette = ctx.palette
        entries = [(series.label, series.emphasis) for series in self.series]
        for index, x, y in legend_places(ctx, layout, entries):
            series = self.series[index]
            swatch = pygame.Rect(x, y - 6, LEGEND_SWATCH, 12)
            draw_swatch(
                surface,
                series.colour,
                swatch,
                marker=series.marker,
                width=series.width + (1 if series.emphasis else 0),
                dashed=series.dashed,
                paper=palette.paper,
            )
            role = TextRole.LABEL if series.emphasis else TextRole.CAPTION
            text = ctx.text(
                role, series.label, palette.ink if series.emphasis else palette.ink_soft
            )
            surface.blit(text, text.get_rect(midleft=(swatch.right + GAP, y)))


SPREAD = 6.0
"""Pixels between two series drawn where they have the same value, so neither hides the other."""
MOST_FANNED = 4
"""More series than this through one point are drawn on it: fanned out, the outer ones would
stand too far from their value (a class of 30 all starting at trust 15)."""


def _spread(
    series: Sequence[Series], start: float, limits: tuple[float, float]
) -> list[list[float]]:
    """For each series, how far each of its points is moved up or down: where two to
    :data:`MOST_FANNED` series pass through the same point (leverage and risk exposure both at
    70), they are fanned out around it, SPREAD pixels apart, in the order they are drawn; at
    either end of the y axis (``limits``), into the plot only. The emphasised series, the line
    to follow, is never moved."""
    points = [s.points(start) for s in series]
    sharing: dict[tuple[float, float], list[int]] = {}
    for index, row in enumerate(points):
        if series[index].emphasis:
            continue
        for point in row:
            if point is not None:
                sharing.setdefault(point, []).append(index)
    shifts: list[list[float]] = []
    for index, row in enumerate(points):
        moved = []
        for point in row:
            group = sharing.get(point, []) if point is not None else []
            if point is None or index not in group or not 1 < len(group) <= MOST_FANNED:
                moved.append(0.0)
                continue
            rank = group.index(index)
            if point[1] <= limits[0]:
                moved.append(-rank * SPREAD)  # up from the floor (screen y grows downward)
            elif point[1] >= limits[1]:
                moved.append(rank * SPREAD)
            else:
                moved.append((rank - (len(group) - 1) / 2) * SPREAD)
        shifts.append(moved)
    return shifts


def _last(values: Sequence[float | None]) -> float | None:
    for value in reversed(values):
        if value is not None:
            return value
    return None


def _last_point(points: Sequence[tuple[float, float] | None]) -> tuple[float, float] | None:
    for point in reversed(points):
        if point is not None:
            return point
    return None
