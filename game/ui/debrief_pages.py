"""The debrief's pages, laid out in columns from the debrief's model: the charts of the meters,
of the scores and of the neighbours, the scores, the record, what reading the counterpart would
have shown (who they were, what they wanted in what order, the replies that said so, what they
remembered, the proposals they tabled and the answers, what the neighbours did), and the
comparison with history and the essay. The debrief screen shows them behind its tabs."""

from __future__ import annotations

from collections.abc import Sequence

from game.classroom.debrief import Debrief, NeighbourLine, ProposalLine, Tell
from game.draw import theme
from game.draw.charts import (
    MARKERS,
    Axis,
    Band,
    BarChart,
    BarSeries,
    LineChart,
    Series,
    even_axis,
    series_colours,
)
from game.draw.context import UiContext
from game.draw.theme import Palette, TextRole, Tone
from game.engine.describe import remembered_each, sentence
from game.ui.texts import listing
from game.ui.tones import decision_tone
from game.ui.widgets.column import Column
from game.words import counted

NEIGHBOURS_CHART_HEIGHT = 200


def meter_chart(debrief: Debrief, palette: Palette) -> LineChart:
    """The chart of every meter over the game, trust emphasised, rounds as bands."""
    colours = series_colours(palette)
    decisions = debrief.outcome.turns
    series = []
    for i, meter in enumerate(debrief.meters):
        label = f"{meter.label} (lower is better)" if meter.lower_is_better else meter.label
        series.append(
            Series(
                label,
                tuple(float(v) for v in meter.values),
                colours[i % len(colours)],
                width=3 if meter.emphasis else 2,
                marker=MARKERS[i % len(MARKERS)],
                dashed=meter.lower_is_better,
                emphasis=meter.emphasis,
            )
        )
    # Trust first in the legend, whatever its place in the scenario.
    series.sort(key=lambda s: not s.emphasis)
    bands = tuple(
        Band(r.first - 1, r.last, r.label, shaded=i % 2 == 1) for i, r in enumerate(debrief.rounds)
    )
    ticks = tuple(float(i) for i in range(decisions + 1))
    labels = ("start", *(str(i) for i in range(1, decisions + 1)))
    return LineChart(
        x=Axis(0, max(decisions, 1), ticks=ticks, labels=labels, title="your decisions"),
        # One axis for every meter: from the lowest minimum to the highest maximum.
        y=even_axis(
            min((m.span[0] for m in debrief.meters), default=0),
            max((m.span[1] for m in debrief.meters), default=100),
            4,
        ),
        series=tuple(series),
        bands=bands,
    )


def score_chart(debrief: Debrief, palette: Palette) -> BarChart | None:
    """Your scores beside those of the historical and the essay's lines (None without them)."""
    if not debrief.scores:  # a scenario without scorecards: nothing to chart, nor a legend
        return None
    colours = series_colours(palette)
    series = [BarSeries("You", tuple(float(s.value) for s in debrief.scores), colours[0])]
    if all(s.history is not None for s in debrief.scores):
        values = tuple(float(s.history or 0) for s in debrief.scores)
        series.append(BarSeries("History's line", values, colours[5 % len(colours)]))
    if all(s.essay is not None for s in debrief.scores):
        values = tuple(float(s.essay or 0) for s in debrief.scores)
        series.append(BarSeries(f"The {debrief.source_kind}'s line", values, colours[1]))
    if len(series) == 1:
        return None
    return BarChart(
        categories=tuple(s.label for s in debrief.scores),
        series=tuple(series),
        value_axis=Axis(0, 100, ticks=(0, 50, 100)),
    )


def _column(ctx: UiContext, first: int, columns: int) -> Column:
    return Column(ctx, theme.column_x(first) - theme.MARGIN_X, theme.span(columns))


def scores_page(ctx: UiContext, debrief: Debrief) -> list[Column]:
    palette = ctx.palette
    left = _column(ctx, 0, 7)
    left.kicker("The scorecards, 0 to 100")
    for score in debrief.scores:
        left.score(score)
    chart = score_chart(debrief, palette)
    right = _column(ctx, 8, 4)
    if chart is None and debrief.scores:
        # Say why the column is empty (a play-tester found it so after the next summit).
        right.kicker("Compared, on your seed")
        right.paragraph(_uncompared(debrief), TextRole.CAPTION, palette.ink_soft)
    if chart is not None:
        right.kicker("Compared, on your seed")
        right.chart(chart, 236)
        notes = []
        if debrief.history and debrief.history.ending:
            notes.append(f"History's line ends: {debrief.history.ends}.")
        if debrief.essay and debrief.essay.ending:
            notes.append(f"The {debrief.source_kind}'s line ends: {debrief.essay.ends}.")
        if notes:
            right.gap(theme.UNIT)
            right.paragraph(
                " ".join(["Both lines are played by the computer.", *notes]),
                TextRole.CAPTION,
                palette.ink_soft,
            )
    return [left, right]


def _uncompared(debrief: Debrief) -> str:
    """Why the scores have no chart beside them."""
    if debrief.carried:
        return (
            f"No comparison for this summit. History's line and the {debrief.source_kind}'s "
            "line are played from the scenario's own start, and this summit carried on from "
            "yours, with your meters and accords: their scores would not compare with yours."
        )
    return (
        f"No comparison: this scenario has no line of history's or the {debrief.source_kind}'s "
        "to play on your seed."
    )


def record_page(ctx: UiContext, debrief: Debrief) -> list[Column]:
    palette = ctx.palette
    head = _column(ctx, 0, theme.COLUMNS)
    head.kicker("Accords reached, and whether they stand")
    columns = [head]
    if debrief.accords:
        # Three columns of accords, filled downwards, so nine fit without scrolling.
        per = -(-len(debrief.accords) // 3)
        parts = []
        for part in range(3):
            column = _column(ctx, part * 4, 4)
            column.gap(head.bottom)
            for accord in debrief.accords[part * per : (part + 1) * per]:
                column.accord(accord)
            parts.append(column)
        columns += parts
        head.gap(max(part.bottom for part in parts) - head.bottom + theme.UNIT)
    else:
        head.paragraph("No accord was reached.", TextRole.BODY_ITALIC, palette.ink_soft)
        head.gap(3 * theme.UNIT)
    ended = _column(ctx, 0, 8)
    ended.gap(head.bottom)
    ended.kicker("How it ended")
    ended.paragraph(debrief.outcome.ending.text, TextRole.BODY, palette.ink)
    return [*columns, ended]


def compare_page(ctx: UiContext, debrief: Debrief) -> list[Column]:
    palette = ctx.palette
    columns = []
    for index, line in enumerate((debrief.history, debrief.essay)):
        column = _column(ctx, index * 4, 4)
        if line is None:
            column.kicker(
                "What happened in history"
                if index == 0
                else f"What the {debrief.source_kind} recommended"
            )
            column.paragraph(
                "This scenario has no such line.", TextRole.BODY_ITALIC, palette.ink_soft
            )
        else:
            column.kicker(line.heading)
            column.paragraph(line.description, TextRole.BODY, palette.ink)
            if index == 1 and debrief.citation:
                column.gap(theme.UNIT // 2)
                column.paragraph(debrief.citation, TextRole.CAPTION, palette.ink_soft)
            if line.ending:
                column.gap(theme.UNIT)
                column.paragraph(
                    f"Played on your seed, this line ends: {line.ends}.",
                    TextRole.CAPTION_ITALIC,
                    palette.ink_soft,
                )
        columns.append(column)
    if debrief.essay_views:
        # Under both lines, across their two columns: what the essay says of each move made.
        views = _column(ctx, 0, 8)
        views.gap(max(column.bottom for column in columns) + 2 * theme.UNIT)
        views.kicker(f"The {debrief.source_kind} on the moves you made")
        per = -(-len(debrief.essay_views) // 2)
        for part in range(2):
            column = _column(ctx, part * 4, 4)
            column.gap(views.bottom)
            for label, view in debrief.essay_views[part * per : (part + 1) * per]:
                column.view(label, view)
            columns.append(column)
        columns.append(views)
    you = _column(ctx, 8, 4)
    you.kicker("What you did")
    counts: dict[Tone, int] = {}
    for move in debrief.moves:
        tone = decision_tone(move.reaction)
        counts[tone] = counts.get(tone, 0) + 1
    tallies = [
        (counts.get(Tone.POSITIVE, 0), "accepted"),
        (counts.get(Tone.CAUTION, 0), "deferred or countered"),
        (counts.get(Tone.ALARM, 0), "refused or ended"),
        (counts.get(Tone.NEUTRAL, 0), "other"),
    ]
    summary = ", ".join(f"{count} {what}" for count, what in tallies if count)
    you.paragraph(
        f"{counted(debrief.outcome.turns, 'decision')}: {summary}.",
        TextRole.CAPTION,
        palette.ink_soft,
    )
    you.gap(theme.UNIT // 2)
    current = ""
    for move in debrief.moves:
        if move.round_label != current:
            current = move.round_label
            you.round_rule(current)
        you.move(move)
    you.gap(2 * theme.UNIT)
    you.paragraph(f"Ending: {debrief.outcome.ending.title}.", TextRole.BODY_STRONG, palette.ink)
    columns.append(you)
    return columns


def neighbours_chart(debrief: Debrief, palette: Palette) -> LineChart | None:
    """The neighbours' support over the game, one line each (None without neighbours)."""
    if not debrief.neighbours:
        return None
    colours = series_colours(palette)
    decisions = debrief.outcome.turns
    series = tuple(
        Series(
            line.label,
            tuple(float(v) for v in line.values),
            colours[(i + 2) % len(colours)],
            marker=MARKERS[(i + 2) % len(MARKERS)],
        )
        for i, line in enumerate(debrief.neighbours)
    )
    labels = ("start", *(str(i) for i in range(1, decisions + 1)))
    every = max(1, -(-decisions // 8))
    ticks = tuple(float(i) for i in range(0, decisions + 1, every))
    return LineChart(
        x=Axis(
            0,
            max(decisions, 1),
            ticks=ticks,
            labels=tuple(labels[int(t)] for t in ticks),
            title="your decisions",
        ),
        y=even_axis(
            min(n.span[0] for n in debrief.neighbours),
            max(n.span[1] for n in debrief.neighbours),
            2,
        ),
        series=series,
    )


def neighbour_text(line: NeighbourLine) -> str:
    """How a neighbour's support went: ``Tokyo: wary, 48 at the start; opposed, 30 at the
    end``."""
    first, last = line.values[0], line.values[-1]
    # Throughout only if it never moved (a play-tester read "43 throughout" beside a chart
    # that went up to 49 and back).
    if line.start == line.end and len(set(line.values)) == 1:
        return f"{line.label}: {line.start or 'unchanged'}, {first} throughout."
    if line.start == line.end and first == last:
        low, high = min(line.values), max(line.values)
        state = line.start or "unchanged"
        return (
            f"{line.label}: {state}, {first} at the start and at the end ({low} to {high} between)."
        )
    start = f"{line.start}, {first}" if line.start else str(first)
    end = f"{line.end}, {last}" if line.end else str(last)
    return f"{line.label}: {start} at the start; {end} at the end."


def proposal_tone(line: ProposalLine) -> Tone:
    """How the answer to a proposal reads: an accord made, a refusal, or nothing."""
    if line.reaction is None:
        return Tone.NEUTRAL
    return decision_tone(line.reaction)


def agenda_text(agenda: Sequence[str]) -> str:
    """Their interests in order, as a sentence: ``Recognition, then security guarantees.``"""
    if not agenda:
        return "Nothing in particular."
    return sentence(", then ".join(agenda))


def tell_texts(tells: Sequence[Tell]) -> list[str]:
    """The replies that were tells, one line per interest they showed, in the order they first
    showed it, quoting the first such reply."""
    by_interest: dict[str, list[Tell]] = {}
    for tell in tells:
        by_interest.setdefault(tell.interest, []).append(tell)
    lines = []
    for interest, found in by_interest.items():
        numbers = [str(t.decision) for t in found]
        which = "Decision" if len(numbers) == 1 else "Decisions"
        listed = listing(numbers)
        quoted = next((f" \u201c{t.said}\u201d" for t in found if t.said), "")
        # At the head of their list, first or next: a reply names what they want now.
        lines.append(
            f"{which} {listed}: their replies put {interest} at the head of their list.{quoted}"
        )
    return lines


def grudge_texts(grudges: Sequence[str]) -> list[str]:
    """What they remembered, each thing once, with how often, as sentences."""
    return [sentence(each) for each in remembered_each([g.rstrip(".") for g in grudges])]


def hidden_caption(debrief: Debrief) -> str:
    """Under who they were: hidden and drawn by the seed; in a hot-seat game, what their
    character did when people chose the answers; and the stance they ended in."""
    stance, _ = debrief.stance
    if debrief.hotseat:
        return (
            "Drawn by the seed and hidden during play. In this hot-seat game their team chose "
            "the answers; this character shaped only the rules' reading, shown to them as "
            f"advice. At the end they were {stance}."
        )
    return f"Hidden during play and drawn by the seed. At the end they were {stance}."


def table_page(ctx: UiContext, debrief: Debrief) -> list[Column]:
    """Across the table: who they were and what reading them would have shown, on the left;
    their proposals and the answers, and the neighbours, on the right."""
    palette = ctx.palette
    them = _column(ctx, 0, 6)
    reading = debrief.reading
    them.kicker("Who they were")
    if reading is None:
        label, description = debrief.profile
        them.paragraph(f"They were {label}. {description}", TextRole.BODY, palette.ink)
    else:
        them.paragraph(
            f"They were {reading.label}. {reading.description}", TextRole.BODY, palette.ink
        )
    them.gap(theme.UNIT // 2)
    them.paragraph(hidden_caption(debrief), TextRole.CAPTION, palette.ink_soft)
    if reading is not None:
        them.gap(2 * theme.UNIT)
        them.kicker("What they wanted, in order")
        them.paragraph(agenda_text(reading.agenda), TextRole.BODY, palette.ink)
        them.gap(2 * theme.UNIT)
        them.kicker("What their words gave away")
        if reading.opening:
            named = f" It named {reading.opening_interest}." if reading.opening_interest else ""
            them.paragraph(
                f"Before your first move: \u201c{reading.opening}\u201d{named}",
                TextRole.CAPTION,
                palette.ink,
            )
            them.gap(theme.UNIT // 2)
        for text in tell_texts(reading.tells):
            them.paragraph(text, TextRole.CAPTION, palette.ink)
            them.gap(theme.UNIT // 2)
        if not reading.tells:
            them.paragraph(
                "None of their replies to your moves showed what they wanted first.",
                TextRole.CAPTION_ITALIC,
                palette.ink_soft,
            )
        them.gap(2 * theme.UNIT)
        them.kicker("What they remembered")
        for text in grudge_texts(reading.grudges):
            them.paragraph(text, TextRole.CAPTION, palette.ink)
        if not reading.grudges:
            them.paragraph(
                "Nothing: they held nothing against you.",
                TextRole.CAPTION_ITALIC,
                palette.ink_soft,
            )
    side = _column(ctx, 7, 5)
    side.kicker("Their proposals, and your answers")
    if not debrief.proposals:
        side.paragraph(
            "They put no proposal of their own on the table.",
            TextRole.BODY_ITALIC,
            palette.ink_soft,
        )
    for line in debrief.proposals:
        side.proposal(line, proposal_tone(line))
    chart = neighbours_chart(debrief, palette)
    if chart is not None:
        side.gap(2 * theme.UNIT)
        side.kicker("The neighbours, over the game")
        side.chart(chart, NEIGHBOURS_CHART_HEIGHT)
        side.gap(theme.UNIT)
        for neighbour in debrief.neighbours:
            side.paragraph(neighbour_text(neighbour), TextRole.CAPTION, palette.ink)
    return [them, side]


__all__ = [
    "compare_page",
    "hidden_caption",
    "meter_chart",
    "neighbours_chart",
    "record_page",
    "score_chart",
    "scores_page",
    "table_page",
]
