"""Line and bar charts drawn with pygame: axes, ticks, labels, a legend, any surface size.

The debrief draws the meters over a game with :class:`LineChart`; the class report reuses the
same classes for a bar chart of endings (:class:`BarChart`) and an overlay of trust lines.
A chart is a frozen value; :meth:`LineChart.draw` paints it into any rectangle of any surface,
using the context only for fonts and the text size. Series colours come from
:func:`series_colours`, which follows the colour-blind setting; every series also has its own
marker and dash, so no reader depends on colour alone.

>>> import pygame
>>> chart = LineChart(
...     x=Axis(0, 2, ticks=(0, 1, 2)),
...     y=Axis(0, 100, ticks=(0, 50, 100)),
...     series=(Series("trust", (10, 40, 60), (25, 43, 77)),),
... )
>>> chart.to_screen(pygame.Rect(0, 0, 200, 100), 1, 50)
(100.0, 50.0)
"""

from game.draw.charts.bars import BarChart, BarSeries
from game.draw.charts.line import LineChart
from game.draw.charts.parts import (
    COLOUR_BLIND_SERIES,
    MARKERS,
    STANDARD_SERIES,
    Axis,
    Band,
    Marker,
    Series,
    even_axis,
    series_colours,
)

__all__ = [
    "COLOUR_BLIND_SERIES",
    "MARKERS",
    "STANDARD_SERIES",
    "Axis",
    "Band",
    "BarChart",
    "BarSeries",
    "LineChart",
    "Marker",
    "Series",
    "even_axis",
    "series_colours",
]
