"""The class report on disk: report.md and report.html, report.csv, two pictures drawn with
pygame off screen (endings as bars, trust as lines), and in ``students/`` one page per student
as Markdown and HTML with their own two pictures.

The HTML files are self-contained: styles inline, pictures embedded as ``data:`` URIs, no
script, nothing fetched; each opens in any browser, offline, sent on its own. Every file is
written atomically (:mod:`game.store.files`). The pictures use the same chart code as the
debrief screen, so the report looks like the game.
"""

from __future__ import annotations

import io
import os
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from game.classroom.document import Figure, to_html, to_markdown
from game.classroom.feedback import STUDENTS_DIR, student_page
from game.classroom.report import ClassReport, Row, class_page, csv_text, markdown
from game.store.files import write_bytes_atomic, write_text_atomic

if TYPE_CHECKING:
    from game.draw.context import UiContext

ENDINGS_SIZE: Final = (1200, 640)
TRUST_SIZE: Final = (1200, 640)
MARGIN: Final = 40
"""Paper left around each chart, as on a printed page."""


STUDENT_SIZE: Final = (900, 460)
"""A student's charts: smaller, two to a page."""


def _png(surface: object) -> bytes:
    import pygame

    assert isinstance(surface, pygame.Surface)
    # Encoded in memory and written as any file is: SDL's own writer does not notice a full
    # disk, and would leave a truncated picture behind a success.
    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "png")
    return buffer.getvalue()


def _save_png(surface: object, path: Path) -> bytes:
    data = _png(surface)
    write_bytes_atomic(path, data)
    return data


def _ticks(top: int) -> tuple[float, ...]:
    step = max(1, -(-top // 5))
    return tuple(float(v) for v in range(0, top + step, step))


def _context() -> UiContext:
    # Drawing needs no window; a machine without a display must still make the report.
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.draw.context import UiContext

    pygame.font.init()
    return UiContext()


def _class_average(rows: Sequence[Row]) -> tuple[float | None, ...]:
    """Trust after each turn, averaged over the class; a finished game keeps the trust it ended
    with, so early endings do not skew the average."""
    longest = max((len(row.trust) for row in rows), default=2)
    padded = [row.trust + (row.trust[-1],) * (longest - len(row.trust)) for row in rows]
    return tuple(
        float(round(statistics.mean(values[i] for values in padded))) if padded else None
        for i in range(longest)
    )


def draw_charts(report: ClassReport, out: Path) -> list[Figure]:
    """Write endings.png and trust.png into ``out``; return them as figures of the page."""
    from game.draw import charts

    ctx = _context()
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
    endings = _save_png(bars.render(ctx, ENDINGS_SIZE, MARGIN), out / "endings.png")

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
    mean = _class_average(rows)
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
    trust = _save_png(lines.render(ctx, TRUST_SIZE, MARGIN), out / "trust.png")
    return [
        Figure(
            f"How the {len(rows)} games ended: the number of students at each ending",
            endings,
            "endings.png",
            ENDINGS_SIZE,
        ),
        Figure(
            "Trust over the turns: every student, and the class average in bold",
            trust,
            "trust.png",
            TRUST_SIZE,
        ),
    ]


def student_charts(report: ClassReport, row: Row, folder: Path) -> list[Figure]:
    """Draw a student's two charts (their trust against the class average; their scores
    against the class's), write them into ``folder`` and return them as figures."""
    from game.draw import charts

    ctx = _context()
    palette = ctx.palette
    colours = charts.series_colours(palette)
    mean = _class_average(report.rows)
    longest = max(len(mean), len(row.trust))
    lines = charts.LineChart(
        x=charts.Axis(
            0, float(max(longest - 1, 1)), ticks=_ticks(max(longest - 1, 1)), title="turn"
        ),
        y=charts.Axis(0, 100, ticks=(0, 25, 50, 75, 100), title="trust"),
        series=(
            charts.Series("Class average", mean, palette.ink_soft, width=2, dashed=True),
            charts.Series("Your game", tuple(float(v) for v in row.trust), colours[0], width=3),
        ),
        title="Trust over your turns, and the class average",
    )
    names = [name for name, _ in row.scores]
    averages = [
        float(round(statistics.mean(dict(r.scores)[n] for r in report.rows))) for n in names
    ]
    bars = charts.BarChart(
        categories=tuple(names),
        series=(
            charts.BarSeries("You", tuple(float(v) for _, v in row.scores), colours[0]),
            charts.BarSeries("Class average", tuple(averages), colours[1 % len(colours)]),
        ),
        value_axis=charts.Axis(0, 100, ticks=(0, 25, 50, 75, 100), title="score"),
        title="Your scores and the class average",
    )
    trust = _save_png(lines.render(ctx, STUDENT_SIZE, MARGIN), folder / f"{row.page}-trust.png")
    scores = _save_png(bars.render(ctx, STUDENT_SIZE, MARGIN), folder / f"{row.page}-scores.png")
    return [
        Figure(
            "Trust after each of your turns, with the class average dashed",
            trust,
            f"{row.page}-trust.png",
            STUDENT_SIZE,
        ),
        Figure(
            "Your scores beside the class average, scorecard by scorecard",
            scores,
            f"{row.page}-scores.png",
            STUDENT_SIZE,
        ),
    ]


def write(report: ClassReport, out: Path) -> list[Path]:
    """Write report.md, report.html, report.csv, endings.png and trust.png into ``out``, and
    each student's page (Markdown, HTML and two pictures) into ``out/students``; return the
    class's files and then the students' pages."""
    out.mkdir(parents=True, exist_ok=True)
    md = out / "report.md"
    page = out / "report.html"
    table = out / "report.csv"
    figures = draw_charts(report, out)
    write_text_atomic(table, csv_text(report))
    write_text_atomic(md, markdown(report))
    write_text_atomic(page, to_html(class_page(report, figures)))
    written = [md, page, table, out / "endings.png", out / "trust.png"]
    folder = out / STUDENTS_DIR
    for row in report.rows:
        if row.state is None or not row.page:
            continue
        folder.mkdir(exist_ok=True)
        student = student_page(report, row, student_charts(report, row, folder))
        student_md = folder / f"{row.page}.md"
        student_html = folder / f"{row.page}.html"
        write_text_atomic(student_md, to_markdown(student))
        write_text_atomic(student_html, to_html(student))
        written += [student_md, student_html]
    return written
