"""What line and bar charts share: series colours and markers, axes, series and bands, the
legend, strokes, the value axis and the title, and drawing on paper of a given size."""

from __future__ import annotations

import enum
import itertools
import math
from collections.abc import Callable, Iterator, Sequence
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
# reader should follow (trust, in the debrief); the palette's brick red and slate are among them.
STANDARD_SERIES: Final[tuple[Colour, ...]] = (
    theme.STANDARD_PALETTE.navy,
    (176, 116, 20),
    (44, 110, 90),
    theme.STANDARD_PALETTE.alarm,
    (118, 72, 130),
    theme.STANDARD_PALETTE.slate,
)
# Okabe and Ito's palette for colour-vision deficiencies, darkened where it was too pale to
# read against the paper; navy stands in for their black.
COLOUR_BLIND_SERIES: Final[tuple[Colour, ...]] = (
    theme.COLOUR_BLIND_PALETTE.navy,
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
        return tuple(number(tick) for tick in self.ticks)


def even_axis(lo: float, hi: float, parts: int, title: str = "") -> Axis:
    """An axis from ``lo`` to ``hi`` with a tick at each end and ``parts - 1`` evenly between.

    >>> even_axis(0, 100, 4).tick_labels()
    ('0', '25', '50', '75', '100')
    """
    step = (hi - lo) / parts
    return Axis(lo, hi, ticks=tuple(lo + step * i for i in range(parts + 1)), title=title)


def number(value: float) -> str:
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


def legend_entry_width(ctx: UiContext, label: str, emphasis: bool) -> int:
    role = TextRole.LABEL if emphasis else TextRole.CAPTION
    return LEGEND_SWATCH + GAP + ctx.text_width(role, label) + 3 * GAP


def legend_rows(ctx: UiContext, entries: Sequence[tuple[str, bool]], width: int) -> list[list[int]]:
    rows: list[list[int]] = [[]]
    used = 0
    for i, (label, emphasis) in enumerate(entries):
        w = legend_entry_width(ctx, label, emphasis)
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0
        rows[-1].append(i)
        used += w
    return [row for row in rows if row]


def legend_row_height(ctx: UiContext) -> int:
    return max(ctx.line_height(TextRole.LABEL), 18) + theme.UNIT // 2


def draw_marker(
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


def stroke(
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


def draw_swatch(
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
    stroke(surface, colour, [(rect.left, y), (rect.right, y)], width, dashed=dashed, dash=7)
    draw_marker(surface, marker, colour, (rect.centerx, y), 4.0 if width < 3 else 5.0, ring=paper)


def y_axis_width(ctx: UiContext, axis: Axis) -> int:
    labels = axis.tick_labels()
    widest = max((ctx.text_width(TextRole.CAPTION, label) for label in labels), default=0)
    return widest + GAP + TICK


def draw_y_axis(
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


def draw_title(surface: pygame.Surface, ctx: UiContext, title: str, rect: pygame.Rect) -> int:
    """A chart's kicker title at the top of ``rect``; returns the height it took."""
    if not title:
        return 0
    text = ctx.text(TextRole.KICKER, title.upper(), ctx.palette.ink_soft)
    surface.blit(text, rect.topleft)
    return text.get_height() + GAP


def on_paper(
    draw: Callable[[pygame.Surface, pygame.Rect, UiContext], None],
    ctx: UiContext,
    size: tuple[int, int],
    margin: int,
) -> pygame.Surface:
    surface = pygame.Surface(size)
    surface.fill(ctx.palette.paper)
    draw(surface, surface.get_rect().inflate(-2 * margin, -2 * margin), ctx)
    return surface


def fit(ctx: UiContext, role: TextRole, text: str, width: int) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` (empty when not even that fits)."""
    if ctx.text_width(role, text) <= width:
        return text
    while text and ctx.text_width(role, text + "\u2026") > width:
        text = text[:-1].rstrip()
    return text + "\u2026" if text else ""


def fit_words(ctx: UiContext, role: TextRole, text: str, width: int) -> str:
    """``text`` cut to whole words that fit ``width`` (a band label reads better as
    "signing" than as "signing cer..."); an ellipsis only when not even a word fits."""
    words = text.split()
    while len(words) > 1 and ctx.text_width(role, " ".join(words)) > width:
        words.pop()
    return fit(ctx, role, " ".join(words), width)


def legend_places(
    ctx: UiContext, layout: Layout, entries: Sequence[tuple[str, bool]]
) -> Iterator[tuple[int, int, int]]:
    """Where each legend entry goes, row by row: the series' index, and the x and the middle
    y of its entry; ``entries`` are every series' label and whether it is emphasised."""
    row_h = legend_row_height(ctx)
    for r, row in enumerate(layout.legend_rows):
        x = layout.legend.left
        y = layout.legend.top + r * row_h + row_h // 2
        for index in row:
            yield index, x, y
            x += legend_entry_width(ctx, *entries[index])


class Chart:
    """What every chart does: paint itself into a rectangle, or alone on paper."""

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, ctx: UiContext) -> None:
        """Paint the chart inside ``rect``; the area behind it is left as it is."""
        raise NotImplementedError

    def render(self, ctx: UiContext, size: tuple[int, int], margin: int = 0) -> pygame.Surface:
        """The chart alone on paper, ``size`` pixels with ``margin`` left blank around it."""
        return on_paper(self.draw, ctx, size, margin)
