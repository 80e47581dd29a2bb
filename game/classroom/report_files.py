"""The class report on disk: report.md, report.csv, and two pictures drawn with pygame off
screen, endings as bars and trust as lines.

The pictures use the same chart code as the debrief screen, so the report looks like the game.
"""

from __future__ import annotations

import io
import os
import statistics
from pathlib import Path
from typing import Final

from game.classroom.report import ClassReport, csv_text, markdown
from game.store.files import write_bytes_atomic, write_text_atomic

ENDINGS_SIZE: Final = (1200, 640)
TRUST_SIZE: Final = (1200, 640)
MARGIN: Final = 40
"""Paper left around each chart, as on a printed page."""


def _save_png(surface: object, path: Path) -> None:
    import pygame

    assert isinstance(surface, pygame.Surface)
    # Encoded in memory and written as any file is: SDL's own writer does not notice a full
    # disk, and would leave a truncated picture behind a success.
    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "png")
    write_bytes_atomic(path, buffer.getvalue())


def _ticks(top: int) -> tuple[float, ...]:
    step = max(1, -(-top // 5))
    return tuple(float(v) for v in range(0, top + step, step))


def draw_charts(report: ClassReport, out: Path) -> list[Path]:
    """Write endings.png and trust.png into ``out`` and return their paths."""
    # Drawing needs no window; a machine without a display must still make the report.
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.draw import charts
    from game.draw.context import UiContext

    pygame.font.init()
    ctx = UiContext()
    palette = ctx.palette
    colours = charts.series_colours(palette)
    scenario = report.scenario
    rows = report.rows

    counts = {ending.id: 0 for ending in scenario.endings}
    for row in rows:
        counts[row.ending] = counts.get(row.ending, 0) + 1
    shown = sorted(
        (e for e in scenario.endings if counts[e.id]), key=lambda e: -counts[e.id]
    ) or list(scenario.endings)
    top = max((counts[e.id] for e in shown), default=0)
    top = max(top, 1)
    bars = charts.BarChart(
        categories=tuple(e.title for e in shown),
        series=(
            charts.BarSeries("Students", tuple(float(counts[e.id]) for e in shown), colours[0]),
        ),
        value_axis=charts.Axis(0, float(max(_ticks(top))), ticks=_ticks(top), title="students"),
        title=f"How {len(rows)} games ended",
        horizontal=True,
    )
    endings = out / "endings.png"
    _save_png(bars.render(ctx, ENDINGS_SIZE, MARGIN), endings)

    longest = max((len(row.trust) for row in rows), default=2)
    student_lines = tuple(
        charts.Series(
            row.name,
            tuple(float(v) for v in row.trust),
            palette.ink_soft,
            width=1,
            marker=charts.Marker.NONE,
        )
        for row in rows
    )
    # A finished game keeps the trust it ended with, so early endings do not skew the average.
    padded = [row.trust + (row.trust[-1],) * (longest - len(row.trust)) for row in rows]
    mean = tuple(
        float(round(statistics.mean(values[i] for values in padded))) if padded else None
        for i in range(longest)
    )
    lines = charts.LineChart(
        x=charts.Axis(
            0, float(max(longest - 1, 1)), ticks=_ticks(max(longest - 1, 1)), title="turn"
        ),
        y=charts.Axis(0, 100, ticks=(0, 25, 50, 75, 100), title="trust"),
        series=(
            *student_lines,
            charts.Series("Class average", mean, colours[0], width=3, emphasis=True),
        ),
        title="Trust over the turns: every student, and the class average in bold "
        "(a finished game keeps its last value)",
        legend=False,
    )
    trust = out / "trust.png"
    _save_png(lines.render(ctx, TRUST_SIZE, MARGIN), trust)
    return [endings, trust]


def write(report: ClassReport, out: Path) -> list[Path]:
    """Write report.md, report.csv, endings.png and trust.png into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    md = out / "report.md"
    table = out / "report.csv"
    write_text_atomic(md, markdown(report))
    write_text_atomic(table, csv_text(report))
    return [md, table, *draw_charts(report, out)]
