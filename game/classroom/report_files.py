"""The class report on disk: report.md and report.html, report.csv, two pictures drawn with
pygame off screen (endings as bars, trust as lines), and in ``students/`` one page per student
as Markdown and HTML with their own two pictures.

The HTML files are self-contained: styles inline, pictures embedded as ``data:`` URIs, no
script, nothing fetched; each opens in any browser, offline, sent on its own. Every file is
written atomically (:mod:`game.store.files`). The pictures use the same chart code as the
debrief screen, so the report looks like the game.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from game.classroom.document import Figure, to_html, to_markdown
from game.classroom.feedback import STUDENTS_DIR, student_page
from game.classroom.report import (
    ENDINGS_PNG,
    TRUST_PNG,
    ClassReport,
    Row,
    class_page,
    csv_text,
    markdown,
    whole_mean,
)
from game.engine.scenario import MeterRole, Scenario
from game.store.files import check_folder
from game.store.reading import (
    CODES_LIMIT,
    TRANSCRIPT_LIMIT,
    UnreadableFileError,
    read_bytes,
    read_text,
)
from game.store.staging import write_set

if TYPE_CHECKING:
    from game.draw.charts import Axis
    from game.draw.context import UiContext

ENDINGS_SIZE: Final = (1200, 640)
TRUST_SIZE: Final = (1200, 640)
MARGIN: Final = 40
"""Paper left around each chart, as on a printed page."""
CLASS_FILES: Final = ("report.md", "report.html", "report.csv", ENDINGS_PNG, TRUST_PNG)
"""The class's files, in the order :func:`write` lists them."""
STUDENT_TRUST: Final = "-trust.png"
STUDENT_SCORES: Final = "-scores.png"
STUDENT_FILES: Final = (".md", ".html", STUDENT_TRUST, STUDENT_SCORES)
"""What each student's page is made of: the page's name and then these."""


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


def _ticks(top: int) -> tuple[float, ...]:
    """About five whole ticks from 0, none past ``top``, the axis's end (a tick past it was
    labelled beyond the chart's edge, cut off: "15" on a chart of 14 turns).

    >>> _ticks(14), _ticks(10)
    ((0.0, 3.0, 6.0, 9.0, 12.0), (0.0, 2.0, 4.0, 6.0, 8.0, 10.0))
    """
    step = max(1, -(-top // 5))
    return tuple(float(v) for v in range(0, top + 1, step))


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


def _trust_axes(scenario: Scenario, longest: int) -> tuple[Axis, Axis]:
    """The axes of a chart of trust over the turns: the turns of the longest game, and the
    trust meter's range as the scenario gives it."""
    from game.draw import charts

    meter = scenario.meters[scenario.role_index(MeterRole.TRUST) or 0]
    last = max(longest - 1, 1)
    turns = charts.Axis(0, float(last), ticks=_ticks(last), title="turn")
    return turns, charts.even_axis(meter.minimum, meter.maximum, 4, title=meter.label)


def draw_charts(report: ClassReport) -> list[Figure]:
    """Draw endings.png and trust.png; return them as figures of the page."""
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
    endings = _png(bars.render(ctx, ENDINGS_SIZE, MARGIN))

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
        *_trust_axes(scenario, longest),
        series=(
            *student_lines,
            charts.Series("Class average", mean, colours[0], width=3, emphasis=True),
        ),
        title="Trust over the turns: every student, and the class average in bold "
        "(a finished game keeps its last value)",
        legend=False,
    )
    trust = _png(lines.render(ctx, TRUST_SIZE, MARGIN))
    return [
        Figure(
            f"How the {len(rows)} games ended: the number of students at each ending",
            endings,
            ENDINGS_PNG,
            ENDINGS_SIZE,
        ),
        Figure(
            "Trust over the turns: every student, and the class average in bold",
            trust,
            TRUST_PNG,
            TRUST_SIZE,
        ),
    ]


def student_charts(report: ClassReport, row: Row) -> list[Figure]:
    """Draw a student's two charts (their trust against the class average; their scores
    against the class's) and return them as figures."""
    from game.draw import charts

    ctx = _context()
    palette = ctx.palette
    colours = charts.series_colours(palette)
    mean = _class_average(report.rows)
    longest = max(len(mean), len(row.trust))
    lines = charts.LineChart(
        *_trust_axes(report.scenario, longest),
        series=(
            charts.Series("Class average", mean, palette.ink_soft, width=2, dashed=True),
            charts.Series("Your game", tuple(float(v) for v in row.trust), colours[0], width=3),
        ),
        title="Trust over your turns, and the class average",
    )
    names = [name for name, _ in row.scores]
    averages = [float(whole_mean(dict(r.scores)[n] for r in report.rows)) for n in names]
    bars = charts.BarChart(
        categories=tuple(names),
        series=(
            charts.BarSeries("You", tuple(float(v) for _, v in row.scores), colours[0]),
            charts.BarSeries("Class average", tuple(averages), colours[1 % len(colours)]),
        ),
        value_axis=charts.Axis(0, 100, ticks=(0, 25, 50, 75, 100), title="score"),
        title="Your scores and the class average",
    )
    trust_png, scores_png = f"{row.page}{STUDENT_TRUST}", f"{row.page}{STUDENT_SCORES}"
    trust = _png(lines.render(ctx, STUDENT_SIZE, MARGIN))
    scores = _png(bars.render(ctx, STUDENT_SIZE, MARGIN))
    return [
        Figure(
            "Trust after each of your turns, with the class average dashed",
            trust,
            trust_png,
            STUDENT_SIZE,
        ),
        Figure(
            "Your scores beside the class average, scorecard by scorecard",
            scores,
            scores_png,
            STUDENT_SIZE,
        ),
    ]


MANIFEST: Final = ".report-files"
"""Beside report.md: each file the report wrote, with its SHA-256, so that a later report may
take out the pages of students it no longer has (those still as written, and only those)."""


def files_of(report: ClassReport) -> dict[str, bytes]:
    """Every file of the report, by its place in the report's folder (``/``-separated): the
    class's files, each student's page and charts in ``students/``, and the manifest."""
    figures = draw_charts(report)
    md, page, table, endings, trust = CLASS_FILES
    files = {
        table: csv_text(report).encode(),
        md: markdown(report).encode(),
        page: to_html(class_page(report, figures)).encode(),
        endings: figures[0].png,
        trust: figures[1].png,
    }
    for row in report.rows:
        if row.state is None or not row.page:
            continue
        charts = student_charts(report, row)
        student = student_page(report, row, charts)
        place = f"{STUDENTS_DIR}/{row.page}"
        md_suffix, html_suffix, trust_suffix, scores_suffix = STUDENT_FILES
        files[place + md_suffix] = to_markdown(student).encode()
        files[place + html_suffix] = to_html(student).encode()
        files[place + trust_suffix] = charts[0].png
        files[place + scores_suffix] = charts[1].png
    listed = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in files.items()
    )
    files[MANIFEST] = listed.encode()
    return files


def _earlier_files(out: Path) -> list[str]:
    """The files an earlier report wrote into ``out`` (by its manifest) that are still as it
    wrote them: those a report may take out. A file changed since, or not listed, is not the
    report's to remove."""
    try:
        text = read_text(out / MANIFEST, what="a report's list of files", limit=CODES_LIMIT)
    except UnreadableFileError:
        return []
    found = []
    for line in text.splitlines():
        digest, _, name = line.partition("  ")
        parts = name.split("/")
        if len(parts) > 2 or any(not part or part.startswith(".") for part in parts):
            continue  # not a place a report writes: never followed
        if len(parts) == 2 and parts[0] != STUDENTS_DIR:
            continue
        try:
            data = read_bytes(out / name, what="a report's file", limit=TRANSCRIPT_LIMIT)
        except UnreadableFileError:
            continue
        if hashlib.sha256(data).hexdigest() == digest:
            found.append(name)
    return found


def _check_no_other_pages(folder: Path, ours: set[str]) -> None:
    """Raise :class:`OSError` when ``folder`` holds a file this report does not write, nor an
    earlier report wrote as it is now: the page of a student an earlier report had, with the
    class as it was then, must not be left beside this report's pages to be sent on. Nothing
    of anyone else's is removed: the file may be the teacher's own. Hidden files (a killed
    write's, the file manager's) are no page."""
    try:
        entries = list(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return
    others = sorted(
        (
            entry.name
            for entry in entries
            if entry.name not in ours and not entry.name.startswith(".") and not entry.is_dir()
        ),
        key=lambda name: (not name.endswith(".md"), name),  # a page first, then its charts
    )
    if others:
        more = f" and {len(others) - 1} more" if len(others) > 1 else ""
        raise OSError(
            errno.EEXIST,
            f"it holds {others[0]}{more} that this report does not write (an earlier "
            "report's pages?): move them away, or give another --out",
            str(folder),
        )


def write(report: ClassReport, out: Path) -> list[Path]:
    """Write report.md, report.html, report.csv, endings.png and trust.png into ``out``, and
    each student's page (Markdown, HTML and two pictures) into ``out/students``; return the
    class's files and then the students' pages.

    All or nothing (:func:`game.store.staging.write_set`): on any failure, or Ctrl-C, ``out``
    is as it was, and :class:`OSError` names the file or folder that failed. The pages of an
    earlier report's students that this one does not have are taken out with the same move,
    when they are as that report wrote them; any other file in ``students/`` that this report
    does not write stops it before anything is written.
    """
    check_folder(out)
    files = files_of(report)
    retired = [name for name in _earlier_files(out) if name not in files]
    ours = {name.split("/")[-1] for name in [*files, *retired] if name.startswith(STUDENTS_DIR)}
    _check_no_other_pages(out / STUDENTS_DIR, ours)
    write_set(out, files, retired)
    pages = [
        out / name
        for name in files
        if name.startswith(f"{STUDENTS_DIR}/") and name.endswith(STUDENT_FILES[:2])
    ]
    return [out / name for name in CLASS_FILES] + pages
