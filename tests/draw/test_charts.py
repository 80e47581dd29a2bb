"""Charts draw what they are given: points where the axes put them, bars as tall as their values."""

import itertools

import pygame
import pytest

from game.draw import theme
from game.draw.charts import (
    COLOUR_BLIND_SERIES,
    MARKERS,
    STANDARD_SERIES,
    Axis,
    Band,
    BarChart,
    BarSeries,
    LineChart,
    Marker,
    Series,
    series_colours,
)
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.store.settings import Settings, TextSize

Colour = tuple[int, int, int]
# Smoothing leaves a marker's centre within a few levels of its colour.
TOLERANCE = 24


def _close(actual: pygame.Color, expected: Colour, tolerance: int = TOLERANCE) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual[:3], expected, strict=True))


def _known_chart(colours: tuple[Colour, ...]) -> LineChart:
    # Values far apart, so no line or marker covers another series' point.
    return LineChart(
        x=Axis(0, 4, ticks=(0, 1, 2, 3, 4), labels=("start", "1", "2", "3", "4")),
        y=Axis(0, 100, ticks=(0, 50, 100)),
        series=(
            Series("low", (10, 12, 8, 10, 14), colours[1], marker=Marker.SQUARE),
            Series("middle", (45, 50, 55, 48, 52), colours[2], marker=Marker.DIAMOND),
            Series("high", (90, 85, 92, 88, 95), colours[0], width=3, emphasis=True),
        ),
        bands=(Band(0, 2, "first"), Band(2, 4, "second", shaded=True)),
        title="Known data",
    )


@pytest.mark.parametrize("colour_blind", [False, True])
@pytest.mark.parametrize("size", [(640, 400), (1152, 376), (320, 240)])
def test_points_are_drawn_where_the_axes_put_them(
    size: tuple[int, int], colour_blind: bool
) -> None:
    ctx = UiContext(Settings(colour_blind=colour_blind))
    chart = _known_chart(series_colours(ctx.palette))
    surface = pygame.Surface((size[0] + 40, size[1] + 40))
    surface.fill(ctx.palette.paper)
    rect = pygame.Rect(20, 20, *size)
    chart.draw(surface, rect, ctx)
    plot = chart.layout(ctx, rect).plot
    assert rect.contains(plot)
    for series in chart.series:
        for x, value in enumerate(series.values):
            assert value is not None
            px, py = chart.point_at(ctx, rect, x, value)
            assert plot.left <= px <= plot.right and plot.top <= py <= plot.bottom
            got = surface.get_at((px, py))
            assert _close(got, series.colour), f"{series.label} at x={x}: {got}"


def test_to_screen_maps_the_corners_of_the_plot() -> None:
    chart = _known_chart(STANDARD_SERIES)
    plot = pygame.Rect(100, 50, 400, 200)
    assert chart.to_screen(plot, 0, 0) == (100, 250)
    assert chart.to_screen(plot, 4, 100) == (500, 50)
    assert chart.to_screen(plot, 2, 50) == (300, 150)


def test_a_gap_in_a_series_leaves_no_point() -> None:
    ctx = UiContext(Settings())
    colour = STANDARD_SERIES[3]
    chart = LineChart(
        x=Axis(0, 4, ticks=(0, 1, 2, 3, 4)),
        y=Axis(0, 100, ticks=(0, 100)),
        series=(Series("broken", (20, 30, None, 70, 80), colour),),
        legend=False,
    )
    surface = chart.render(ctx, (500, 300))
    rect = surface.get_rect()
    assert _close(surface.get_at(chart.point_at(ctx, rect, 1, 30)), colour)
    assert _close(surface.get_at(chart.point_at(ctx, rect, 3, 70)), colour)
    # Half-way along where the line would run from x=1 to x=3 there is nothing of it.
    mid = chart.point_at(ctx, rect, 2, 50)
    assert not _close(surface.get_at(mid), colour, 60)


def test_explicit_x_values_place_points_anywhere_on_the_axis() -> None:
    ctx = UiContext(Settings())
    colour = STANDARD_SERIES[0]
    chart = LineChart(
        x=Axis(0, 10, ticks=(0, 5, 10)),
        y=Axis(0, 10, ticks=(0, 10)),
        series=(Series("sparse", (2, 8), colour, xs=(1.5, 9)),),
        legend=False,
        end_labels=False,
    )
    surface = chart.render(ctx, (400, 300))
    rect = surface.get_rect()
    assert _close(surface.get_at(chart.point_at(ctx, rect, 1.5, 2)), colour)
    assert _close(surface.get_at(chart.point_at(ctx, rect, 9, 8)), colour)


def test_the_legend_wraps_when_narrow_and_the_plot_shrinks_to_make_room() -> None:
    ctx = UiContext(Settings(text_size=TextSize.LARGE))
    chart = _known_chart(STANDARD_SERIES)
    wide = chart.layout(ctx, pygame.Rect(0, 0, 1200, 400))
    narrow = chart.layout(ctx, pygame.Rect(0, 0, 260, 400))
    assert len(wide.legend_rows) == 1
    assert len(narrow.legend_rows) > 1
    assert sorted(itertools.chain(*narrow.legend_rows)) == [0, 1, 2]
    assert narrow.plot.height < wide.plot.height


@pytest.mark.parametrize("size", [(60, 40), (200, 120), (1920, 1080)])
def test_charts_render_at_any_size(size: tuple[int, int]) -> None:
    ctx = UiContext(Settings())
    assert _known_chart(STANDARD_SERIES).render(ctx, size).get_size() == size
    bars = BarChart(("a", "b"), (BarSeries("s", (1, 2), STANDARD_SERIES[0]),), Axis(0, 2))
    assert bars.render(ctx, size).get_size() == size


def test_axes_refuse_nonsense() -> None:
    with pytest.raises(ValueError, match="hi > lo"):
        Axis(5, 5)
    with pytest.raises(ValueError, match="one label per tick"):
        Axis(0, 1, ticks=(0, 1), labels=("only one",))
    with pytest.raises(ValueError, match="one value per category"):
        BarChart(("a", "b"), (BarSeries("s", (1,), (0, 0, 0)),), Axis(0, 1))


def test_tick_labels_default_to_the_values() -> None:
    assert Axis(0, 1, ticks=(0, 0.5, 1)).tick_labels() == ("0", "0.5", "1")


@pytest.mark.parametrize("horizontal", [False, True])
def test_bars_are_as_long_as_their_values(horizontal: bool) -> None:
    ctx = UiContext(Settings())
    colours = series_colours(ctx.palette)
    chart = BarChart(
        categories=("They walk out", "Embassies in both capitals", "No deal"),
        series=(
            BarSeries("Class A", (4, 10, 2), colours[0]),
            BarSeries("Class B", (6, 5, 0), colours[1]),
        ),
        value_axis=Axis(0, 10, ticks=(0, 5, 10)),
        horizontal=horizontal,
        title="Endings",
    )
    surface = chart.render(ctx, (640, 360))
    plot = chart.layout(ctx, surface.get_rect()).plot
    full = chart.bar_rect(plot, 1, 0)
    half = chart.bar_rect(plot, 1, 1)

    def length(bar: pygame.Rect) -> int:
        return bar.width if horizontal else bar.height

    assert abs(length(half) * 2 - length(full)) <= 2
    assert length(chart.bar_rect(plot, 2, 1)) == 0
    for category, values in enumerate(zip(*(s.values for s in chart.series), strict=True)):
        for index, value in enumerate(values):
            bar = chart.bar_rect(plot, category, index)
            if value:
                assert plot.contains(bar) or plot.inflate(2, 2).contains(bar)
                assert _close(surface.get_at(bar.center), chart.series[index].colour, 2)


def test_series_colours_are_distinct_and_follow_the_palette() -> None:
    assert series_colours(theme.STANDARD_PALETTE) == STANDARD_SERIES
    assert series_colours(theme.COLOUR_BLIND_PALETTE) == COLOUR_BLIND_SERIES
    for colours in (STANDARD_SERIES, COLOUR_BLIND_SERIES):
        assert len(set(colours)) == len(colours)
        # Dark enough to read as lines on the off-white paper.
        for colour in colours:
            assert sum(colour) < sum(theme.STANDARD_PALETTE.paper) * 0.6
    assert len(set(MARKERS[:4])) == 4, "the first four series differ in shape as well"


def test_two_lines_at_the_same_values_both_show() -> None:
    # Issue 9, bug 13: in the debrief, U.S. leverage hid under risk exposure when both were 70.
    ctx = UiContext(Settings())
    green, purple = (44, 104, 76), (120, 70, 140)
    chart = LineChart(
        x=Axis(0, 4, ticks=(0, 2, 4)),
        y=Axis(0, 100, ticks=(0, 50, 100)),
        series=(
            Series("leverage", (70, 70, 70, 70, 70), green, marker=Marker.TRIANGLE),
            Series("risk", (70, 70, 70, 70, 70), purple, dashed=True),
        ),
        legend=False,
    )
    rect = pygame.Rect(0, 0, 600, 300)
    surface = pygame.Surface(rect.size)
    surface.fill(ctx.palette.paper)
    chart.draw(surface, rect, ctx)
    plot = chart.layout(ctx, rect).plot

    def seen(colour: Colour) -> int:
        return sum(
            _close(surface.get_at((x, y)), colour, 40)
            for x in range(plot.left + 20, plot.right - 20)
            for y in range(plot.top, plot.bottom)
        )

    # Each shows about as much line as the other (drawn alone, a line shows ~1000 pixels; the
    # lower one, under a dashed line, showed only through the gaps between its dashes).
    assert seen(green) > 600
    assert seen(purple) > 600


def test_many_lines_through_one_point_are_drawn_on_it_and_the_line_to_follow_never_moves() -> None:
    # A play-test's class report of 30: every game starts at trust 15, but fanned 6 px apart
    # the lines began anywhere from 34 to -3, and the class average, drawn last, below 0.
    ctx = UiContext(Settings())
    grey, navy = (150, 150, 150), (20, 30, 80)
    students = tuple(Series(f"s{i}", (15, 20 + i, 30 + i), grey) for i in range(30))
    average = Series("class", (15, 34.5, 44.5), navy, width=3, emphasis=True)
    chart = LineChart(
        x=Axis(0, 2, ticks=(0, 1, 2)),
        y=Axis(0, 100, ticks=(0, 50, 100)),
        series=(*students, average),
        legend=False,
    )
    rect = pygame.Rect(0, 0, 600, 300)
    surface = pygame.Surface(rect.size)
    surface.fill(ctx.palette.paper)
    chart.draw(surface, rect, ctx)
    for x, value in enumerate(average.values):
        assert value is not None
        px, py = chart.point_at(ctx, rect, x, value)
        assert _close(surface.get_at((px, py)), navy), (x, value)
    # Nothing of the students' start is drawn more than a marker's size from trust 15.
    px, start = chart.point_at(ctx, rect, 0, 15)
    _, far = chart.point_at(ctx, rect, 0, 19)
    column = [surface.get_at((px, y)) for y in range(rect.top, rect.bottom)]
    drawn = [y for y, colour in enumerate(column) if _close(colour, grey, 40)]
    assert drawn and all(abs(y - start) <= abs(far - start) for y in drawn), drawn


def test_lines_at_the_floor_fan_out_into_the_plot() -> None:
    ctx = UiContext(Settings())
    colours = ((200, 40, 40), (40, 160, 40), (40, 40, 200))
    chart = LineChart(
        x=Axis(0, 2, ticks=(0, 1, 2)),
        y=Axis(0, 100, ticks=(0, 50, 100)),
        series=tuple(Series(f"s{i}", (0, 0, 0), c) for i, c in enumerate(colours)),
        legend=False,
    )
    rect = pygame.Rect(0, 0, 600, 300)
    surface = pygame.Surface(rect.size)
    surface.fill(ctx.palette.paper)
    chart.draw(surface, rect, ctx)
    px, floor = chart.point_at(ctx, rect, 1, 0)
    for colour in colours:
        rows = [y for y in range(rect.height) if _close(surface.get_at((px, y)), colour, 40)]
        assert rows and max(rows) <= floor + 4, (colour, rows, floor)


def _rounds_chart(bands: tuple[Band, ...]) -> LineChart:
    """Trust over a game whose rounds are ``bands``, one decision to each step."""
    last = int(bands[-1].end)
    return LineChart(
        x=Axis(0, last, ticks=tuple(range(last + 1))),
        y=Axis(0, 100, ticks=(0, 50, 100)),
        series=(Series("trust", (15,) * last + (69,), STANDARD_SERIES[0], emphasis=True),),
        bands=bands,
    )


@pytest.mark.parametrize("size", list(TextSize))
def test_the_last_bands_label_may_run_on_past_the_plot(size: TextSize) -> None:
    # At large text the debrief's meters chart cut its last round, one decision wide, to
    # "working" (a play-tester): it has the chart's edge to run on to.
    ctx = UiContext(Settings(text_size=size))
    chart = _rounds_chart(
        (Band(0, 3, "dinner"), Band(3, 10, "expanded talks"), Band(10, 11, "working lunch"))
    )
    labels = [label for label, _ in chart.band_labels(ctx, pygame.Rect(64, 220, 1152, 360))]
    assert labels == ["dinner", "expanded talks", "working lunch"]


@pytest.mark.parametrize("size", list(TextSize))
def test_a_last_band_too_narrow_for_its_label_starts_it_earlier(size: TextSize) -> None:
    # The debrief cut "signing ceremony", one decision wide at the end of fourteen, to
    # "signing" even with the chart's edge to run on to (play-test B).
    ctx = UiContext(Settings(text_size=size))
    chart = _rounds_chart(
        (
            Band(0, 2, "dinner"),
            Band(2, 6, "one-on-one"),
            Band(6, 10, "expanded talks"),
            Band(10, 13, "working lunch"),
            Band(13, 14, "signing ceremony"),
        )
    )
    rect = pygame.Rect(64, 220, 1152, 360)
    placed = chart.band_labels(ctx, rect)
    assert [label for label, _ in placed] == [band.label for band in chart.bands]
    spans = [(x, x + ctx.text_width(TextRole.CAPTION, label)) for label, x in placed]
    assert spans[-1][1] <= rect.right
    for (_, before), (after, _) in itertools.pairwise(spans):
        assert before < after, f"labels touch at {size}: {placed}"
