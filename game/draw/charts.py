"""Line and bar charts drawn with pygame: axes, ticks, labels, a legend, any surface size.

The debrief draws the meters over a game with :class:`LineChart`; the class report reuses the
same classes for a bar chart of endings (:class:`BarChart`) and an overlay of trust lines.
A chart is a frozen value; :meth:`LineChart.draw` paints it into any rectangle of any surface,
using the context only for fonts and the text size. Series colours come from
:func:`series_colours`, which follows the colour-blind setting; every series also has its own
marker and dash, so no reader depends on colour alone.

>>> chart = LineChart(
...     x=Axis(0, 2, ticks=(0, 1, 2)),
...     y=Axis(0, 100, ticks=(0, 50, 100)),
...     series=(Series("trust", (10, 40, 60), (25, 43, 77)),),
... )
>>> chart.to_screen(pygame.Rect(0, 0, 200, 100), 1, 50)
(100.0, 50.0)
"""

from __future__ import annotations

import enum
import itertools
import math
from collections.abc import Callable, Sequence
from typing import Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import Colour, Palette, TextRole

SUPERSAMPLE: Final = 3
"""Lines and markers are drawn this many times larger and scaled down: smooth, even strokes."""
TICK: Final = 5
"""Length of an axis tick, in pixels."""
GAP: Final = 8
"""Space between a label and what it labels."""
LEGEND_SWATCH: Final = 28
"""Width of the line sample beside each legend entry."""

# Deep tones that read on the off-white paper. The first is the house navy, for the series the
# reader should follow (trust, in the debrief).
STANDARD_SERIES: Final[tuple[Colour, ...]] = (
    (25, 43, 77),
    (176, 116, 20),
    (44, 110, 90),
    (158, 48, 36),
    (118, 72, 130),
    (98, 112, 131),
)
# Okabe and Ito's palette for colour-vision deficiencies, darkened where it was too pale to
# read against the paper; navy stands in for their black.
COLOUR_BLIND_SERIES: Final[tuple[Colour, ...]] = (
    (25, 43, 77),
    (204, 132, 0),
    (0, 114, 178),
    (0, 140, 100),
    (213, 94, 0),
    (175, 90, 140),
)


def series_colours(palette: Palette) -> tuple[Colour, ...]:
    """The series colours that go with ``palette`` (colour-blind-safe for that palette)."""
    if palette == theme.COLOUR_BLIND_PALETTE:
        return COLOUR_BLIND_SERIES
    return STANDARD_SERIES


class Marker(enum.Enum):
    """The shape drawn at each data point; a second cue beside colour."""

    CIRCLE = "circle"
    SQUARE = "square"
    TRIANGLE = "triangle"
    DIAMOND = "diamond"
    NONE = "none"


MARKERS: Final = (Marker.CIRCLE, Marker.SQUARE, Marker.TRIANGLE, Marker.DIAMOND, Marker.CIRCLE)
"""Markers in series order, paired with :func:`series_colours`."""


@attrs.frozen
class Axis:
    """One axis: its range, where ticks go, how they read, and its title."""

    lo: float
    hi: float
    ticks: tuple[float, ...] = ()
    """Values that get a tick, a grid line and a label."""
    labels: tuple[str, ...] = ()
    """One label per tick; empty: the tick values, as integers where they are whole."""
    title: str = ""

    def __attrs_post_init__(self) -> None:
        if not self.hi > self.lo:
            raise ValueError(f"an axis needs hi > lo, got {self.lo}..{self.hi}")
        if self.labels and len(self.labels) != len(self.ticks):
            raise ValueError("give one label per tick, or none")

    def fraction(self, value: float) -> float:
        """Where ``value`` lies along the axis, 0 at ``lo`` and 1 at ``hi``."""
        return (value - self.lo) / (self.hi - self.lo)

    def tick_labels(self) -> tuple[str, ...]:
        """The label of every tick."""
        if self.labels:
            return self.labels
        return tuple(_number(tick) for tick in self.ticks)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@attrs.frozen
class Series:
    """One line of a line chart."""

    label: str
    values: tuple[float | None, ...]
    """One value per x position ``x.lo, x.lo + 1, ...``; None leaves a gap."""
    colour: Colour
    width: int = 2
    """Stroke width in pixels."""
    marker: Marker = Marker.CIRCLE
    dashed: bool = False
    emphasis: bool = False
    """Drawn last, thicker, and labelled with its final value: the line to follow."""
    xs: tuple[float, ...] = ()
    """Explicit x values, one per value; empty: consecutive from the x axis' ``lo``."""

    def points(self, start: float) -> list[tuple[float, float] | None]:
        """(x, y) for every value (None for a gap)."""
        xs = self.xs or tuple(start + i for i in range(len(self.values)))
        return [
            None if value is None else (float(x), float(value))
            for x, value in zip(xs, self.values, strict=True)
        ]


@attrs.frozen
class Band:
    """A labelled stretch of the x axis, shaded on alternate bands (e.g. a round of talks)."""

    start: float
    end: float
    label: str
    shaded: bool = False


@attrs.frozen
class Layout:
    """Where the parts of a chart go inside its rectangle."""

    plot: pygame.Rect
    """The data area: axis ranges map onto its edges."""
    legend: pygame.Rect
    legend_rows: tuple[tuple[int, ...], ...]
    """Indices of the series (or bar series) on each legend row."""


def _legend_entry_width(ctx: UiContext, label: str, emphasis: bool) -> int:
    role = TextRole.LABEL if emphasis else TextRole.CAPTION
    return LEGEND_SWATCH + GAP + ctx.text_width(role, label) + 3 * GAP


def _legend_rows(
    ctx: UiContext, entries: Sequence[tuple[str, bool]], width: int
) -> list[list[int]]:
    rows: list[list[int]] = [[]]
    used = 0
    for i, (label, emphasis) in enumerate(entries):
        w = _legend_entry_width(ctx, label, emphasis)
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0
        rows[-1].append(i)
        used += w
    return [row for row in rows if row]


def _legend_row_height(ctx: UiContext) -> int:
    return max(ctx.line_height(TextRole.LABEL), 18) + theme.UNIT // 2


def _draw_marker(
    surface: pygame.Surface,
    marker: Marker,
    colour: Colour,
    centre: tuple[float, float],
    radius: float,
    *,
    ring: Colour | None = None,
) -> None:
    """A data-point marker; ``ring`` draws a halo first so markers stand off the lines."""
    x, y = centre
    shapes: list[tuple[Colour, float]] = []
    if ring is not None:
        shapes.append((ring, radius * 1.45))
    shapes.append((colour, radius))
    for fill, r in shapes:
        match marker:
            case Marker.CIRCLE:
                pygame.draw.circle(surface, fill, (x, y), r)
            case Marker.SQUARE:
                s = r * 0.9
                pygame.draw.rect(surface, fill, pygame.Rect(x - s, y - s, 2 * s, 2 * s))
            case Marker.TRIANGLE:
                s = r * 1.25
                pygame.draw.polygon(
                    surface,
                    fill,
                    [(x, y - s), (x + s * 0.95, y + s * 0.7), (x - s * 0.95, y + s * 0.7)],
                )
            case Marker.DIAMOND:
                s = r * 1.25
                pygame.draw.polygon(surface, fill, [(x, y - s), (x + s, y), (x, y + s), (x - s, y)])
            case Marker.NONE:
                pass


def _stroke(
    surface: pygame.Surface,
    colour: Colour,
    points: Sequence[tuple[float, float]],
    width: float,
    *,
    dashed: bool,
    dash: float,
) -> None:
    """A polyline with round joints, optionally dashed (dash lengths in surface pixels)."""
    w = max(1, round(width))
    if not dashed:
        if len(points) > 1:
            pygame.draw.lines(surface, colour, False, points, w)
        for point in points:
            pygame.draw.circle(surface, colour, point, w / 2)
        return
    on, left = True, dash
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = math.hypot(x2 - x1, y2 - y1)
        done = 0.0
        while done < length - 1e-9:
            step = min(left, length - done)
            if on:
                a, b = done / length, (done + step) / length
                p1 = (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a)
                p2 = (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b)
                pygame.draw.line(surface, colour, p1, p2, w)
                pygame.draw.circle(surface, colour, p1, w / 2)
                pygame.draw.circle(surface, colour, p2, w / 2)
            done += step
            left -= step
            if left <= 1e-9:
                on = not on
                left = dash if on else dash * 0.7


def _swatch(
    surface: pygame.Surface,
    colour: Colour,
    rect: pygame.Rect,
    *,
    marker: Marker,
    width: int,
    dashed: bool,
    paper: Colour,
) -> None:
    y = rect.centery
    _stroke(surface, colour, [(rect.left, y), (rect.right, y)], width, dashed=dashed, dash=7)
    _draw_marker(surface, marker, colour, (rect.centerx, y), 4.0 if width < 3 else 5.0, ring=paper)


def _y_axis_width(ctx: UiContext, axis: Axis) -> int:
    labels = axis.tick_labels()
    widest = max((ctx.text_width(TextRole.CAPTION, label) for label in labels), default=0)
    return widest + GAP + TICK


def _draw_y_axis(
    surface: pygame.Surface, ctx: UiContext, axis: Axis, plot: pygame.Rect, *, grid: bool
) -> None:
    palette = ctx.palette
    for tick, label in zip(axis.ticks, axis.tick_labels(), strict=True):
        y = round(plot.bottom - axis.fraction(tick) * plot.height)
        if grid and plot.top <= y <= plot.bottom:
            pygame.draw.line(surface, palette.sunk, (plot.left, y), (plot.right, y))
        pygame.draw.line(surface, palette.rule, (plot.left - TICK, y), (plot.left, y))
        text = ctx.text(TextRole.CAPTION, label, palette.ink_soft)
        surface.blit(text, text.get_rect(midright=(plot.left - TICK - GAP // 2, y)))


def _draw_title(surface: pygame.Surface, ctx: UiContext, title: str, rect: pygame.Rect) -> int:
    """A chart's kicker title at the top of ``rect``; returns the height it took."""
    if not title:
        return 0
    text = ctx.text(TextRole.KICKER, title.upper(), ctx.palette.ink_soft)
    surface.blit(text, rect.topleft)
    return text.get_height() + GAP


def _on_paper(
    draw: Callable[[pygame.Surface, pygame.Rect, UiContext], None],
    ctx: UiContext,
    size: tuple[int, int],
    margin: int,
) -> pygame.Surface:
    surface = pygame.Surface(size)
    surface.fill(ctx.palette.paper)
    draw(surface, surface.get_rect().inflate(-2 * margin, -2 * margin), ctx)
    return surface


@attrs.frozen
class LineChart:
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

    def layout(self, ctx: UiContext, rect: pygame.Rect) -> Layout:
        """Where the plot and the legend go in ``rect``, for the current text size."""
        top = rect.top
        if self.title:
            top += ctx.line_height(TextRole.KICKER) + GAP
        if self.bands:
            top += ctx.line_height(TextRole.CAPTION) + GAP
        left = rect.left + _y_axis_width(ctx, self.y)
        if self.y.title:
            left += ctx.line_height(TextRole.CAPTION) + GAP // 2
        right = rect.right - (self._end_label_room(ctx) if self.end_labels else GAP)
        rows: list[list[int]] = []
        legend_h = 0
        if self.legend and self.series:
            entries = [(s.label, s.emphasis) for s in self.series]
            rows = _legend_rows(ctx, entries, rect.width)
            legend_h = len(rows) * _legend_row_height(ctx) + GAP
        bottom = rect.bottom - legend_h
        bottom -= TICK + GAP // 2 + ctx.line_height(TextRole.CAPTION)
        if self.x.title:
            bottom -= ctx.line_height(TextRole.CAPTION)
        plot = pygame.Rect(left, top, max(1, right - left), max(1, bottom - top))
        legend = pygame.Rect(rect.left, rect.bottom - legend_h + GAP, rect.width, legend_h - GAP)
        return Layout(plot, legend, tuple(tuple(row) for row in rows))

    def _end_label_room(self, ctx: UiContext) -> int:
        widths = [
            ctx.text_width(TextRole.LABEL, _number(_last(s.values) or 0)) + 2 * GAP
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

    def render(self, ctx: UiContext, size: tuple[int, int], margin: int = 0) -> pygame.Surface:
        """The chart alone on paper, ``size`` pixels with ``margin`` left blank around it."""
        return _on_paper(self.draw, ctx, size, margin)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: UiContext) -> None:
        """Paint the chart inside ``rect``; the area behind it is left as it is."""
        palette = ctx.palette
        _draw_title(surface, ctx, self.title, rect)
        layout = self.layout(ctx, rect)
        plot = layout.plot
        self._draw_bands(surface, ctx, plot)
        _draw_y_axis(surface, ctx, self.y, plot, grid=self.grid)
        self._draw_x_axis(surface, ctx, plot)
        # Axis lines go under the data: a point on an axis must not be struck through.
        pygame.draw.line(surface, palette.ink_soft, plot.bottomleft, plot.bottomright)
        pygame.draw.line(surface, palette.rule, plot.topleft, plot.bottomleft)
        self._draw_series(surface, ctx, plot)
        if self.y.title:
            title = ctx.text(TextRole.CAPTION, self.y.title, palette.ink_soft)
            title = pygame.transform.rotate(title, 90)
            surface.blit(title, title.get_rect(midleft=(rect.left, plot.centery)))
        if layout.legend_rows:
            self._draw_legend(surface, ctx, layout)

    def _draw_bands(self, surface: pygame.Surface, ctx: UiContext, plot: pygame.Rect) -> None:
        palette = ctx.palette
        label_y = plot.top - GAP // 2
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
            label = _fit_words(ctx, TextRole.CAPTION, band.label, x2 - x1 - GAP)
            if label:
                text = ctx.text(TextRole.CAPTION, label, palette.ink_soft)
                surface.blit(text, text.get_rect(bottomleft=(x1 + GAP // 2, label_y)))

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
        for series in ordered:
            width = series.width + (1 if series.emphasis else 0)
            runs: list[list[tuple[float, float]]] = [[]]
            for point in series.points(self.x.lo):
                if point is None:
                    runs.append([])
                else:
                    runs[-1].append(big_point(point))
            for run in runs:
                _stroke(big, series.colour, run, width * k, dashed=series.dashed, dash=9 * k)
            radius = (4.5 if series.emphasis else 3.5) * k
            for run in runs:
                for point in run:
                    _draw_marker(
                        big, series.marker, series.colour, point, radius, ring=palette.paper
                    )
        small = pygame.transform.smoothscale(big, area.size)
        surface.blit(small, area.topleft)
        if self.end_labels:
            for series in self.series:
                last = _last_point(series.points(self.x.lo))
                if series.emphasis and last is not None:
                    sx, sy = self.to_screen(plot, *last)
                    text = ctx.text(TextRole.LABEL, _number(last[1]), series.colour)
                    surface.blit(text, text.get_rect(midleft=(round(sx) + GAP + 2, round(sy))))

    def _draw_legend(self, surface: pygame.Surface, ctx: UiContext, layout: Layout) -> None:
        palette = ctx.palette
        row_h = _legend_row_height(ctx)
        for r, row in enumerate(layout.legend_rows):
            x = layout.legend.left
            y = layout.legend.top + r * row_h + row_h // 2
            for index in row:
                series = self.series[index]
                swatch = pygame.Rect(x, y - 6, LEGEND_SWATCH, 12)
                _swatch(
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
                x += _legend_entry_width(ctx, series.label, series.emphasis)


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


def _fit(ctx: UiContext, role: TextRole, text: str, width: int) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` (empty when not even that fits)."""
    if ctx.text_width(role, text) <= width:
        return text
    while text and ctx.text_width(role, text + "\u2026") > width:
        text = text[:-1].rstrip()
    return text + "\u2026" if text else ""


def _fit_words(ctx: UiContext, role: TextRole, text: str, width: int) -> str:
    """``text`` cut to whole words that fit ``width`` (a band label reads better as
    "signing" than as "signing cer..."); an ellipsis only when not even a word fits."""
    words = text.split()
    while len(words) > 1 and ctx.text_width(role, " ".join(words)) > width:
        words.pop()
    return _fit(ctx, role, " ".join(words), width)


@attrs.frozen
class BarSeries:
    """One set of bars: a value per category."""

    label: str
    values: tuple[float, ...]
    colour: Colour


@attrs.frozen
class BarChart:
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
            rows = _legend_rows(ctx, [(s.label, False) for s in self.series], rect.width)
            legend_h = len(rows) * _legend_row_height(ctx) + GAP
        bottom = rect.bottom - legend_h
        value_room = ctx.text_width(TextRole.CAPTION, "0000") + GAP if self.value_labels else GAP
        if self.horizontal:
            widest = max((ctx.text_width(TextRole.CAPTION, c) for c in self.categories), default=0)
            left = rect.left + min(widest, rect.width // 3) + GAP + TICK
            bottom -= TICK + GAP // 2 + ctx.line_height(TextRole.CAPTION)
            right = rect.right - value_room
        else:
            left = rect.left + _y_axis_width(ctx, self.value_axis)
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

    def render(self, ctx: UiContext, size: tuple[int, int], margin: int = 0) -> pygame.Surface:
        """The chart alone on paper, ``size`` pixels with ``margin`` left blank around it."""
        return _on_paper(self.draw, ctx, size, margin)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: UiContext) -> None:
        """Paint the chart inside ``rect``."""
        palette = ctx.palette
        _draw_title(surface, ctx, self.title, rect)
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
                    value = ctx.text(TextRole.CAPTION, _number(series.values[c]), palette.ink)
                    if self.horizontal:
                        spot = value.get_rect(midleft=(bar.right + GAP // 2, bar.centery))
                    else:
                        spot = value.get_rect(midbottom=(bar.centerx, bar.top - 2))
                    surface.blit(value, spot)
            if self.horizontal:
                span = plot.height / count
                y = round(plot.top + (c + 0.5) * span)
                label = _fit(ctx, TextRole.CAPTION, category, plot.left - rect.left - GAP - TICK)
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
        if layout.legend_rows:
            row_h = _legend_row_height(ctx)
            for r, row in enumerate(layout.legend_rows):
                x = layout.legend.left
                y = layout.legend.top + r * row_h + row_h // 2
                for index in row:
                    series = self.series[index]
                    pygame.draw.rect(surface, series.colour, (x, y - 6, 12, 12))
                    text = ctx.text(TextRole.CAPTION, series.label, palette.ink_soft)
                    surface.blit(text, text.get_rect(midleft=(x + 12 + GAP, y)))
                    x += _legend_entry_width(ctx, series.label, False)
