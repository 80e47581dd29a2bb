"""Feedback for every student: one page per verified game of the class report.

Each page says how the game ended and what it put on the record; its key moments (the turns
where trust moved most, each proposal of theirs and how it was answered, the turns where most
of the class chose otherwise); what history and the essay say of that ending and of the moves
made (from the scenario's own text, so another scenario gets its own words); and the student's
scores against the class and the reference lines. Built as a :class:`~game.classroom.document.Page`
like the class report, so it is written as Markdown and as one self-contained HTML file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Final

import attrs

from game.classroom import document as doc
from game.classroom.report import ClassReport, Row, whole_mean
from game.engine import (
    ACCEPT,
    AMEND,
    REJECT,
    GameState,
    MeterRole,
    Move,
    Proposal,
    Terminal,
    outcome,
    recorded_accords,
)
from game.engine.describe import (
    answered_proposal,
    capitalise,
    move_label,
    offers_made,
    ordinal,
    signed,
)
from game.words import counted

SWINGS: Final = 3
"""How many of the largest trust swings a page shows."""
DIFFERENT: Final = 3
"""How many turns where the class mostly chose otherwise a page shows."""
MOST: Final = 0.5
"""The share of the class that makes "most of the class": more than half."""
AT_LEAST: Final = 3
"""The fewest games still going at a turn for the class's choice there to count."""
STUDENTS_DIR: Final = "students"
"""The folder of the student pages, beside the class report."""


@attrs.frozen
class Swing:
    """A turn where trust moved."""

    turn: int
    move: str
    """The move, in words."""
    before: int
    after: int
    why: str
    """Their reply's explanation."""

    @property
    def change(self) -> int:
        return self.after - self.before


@attrs.frozen
class Difference:
    """A turn where most of the class, at the same turn of the same game, chose otherwise."""

    turn: int
    yours: str
    theirs: str
    count: int
    """How many of the class chose ``theirs`` at this turn."""
    playing: int
    """How many of the class were still at the table at this turn."""


def choice_label(label: str) -> str:
    """A move's label as a choice in a list: an answer's ``You reject...`` becomes
    ``Reject...``, so it reads like an offer's label.

    >>> choice_label("You reject their proposal: Yongbyon"), choice_label("Liaison offices")
    ('Reject their proposal: Yongbyon', 'Liaison offices')
    """
    return label[4:5].upper() + label[5:] if label.startswith("You ") else label


def _trust_index(state: GameState) -> int | None:
    return state.scenario.role_index(MeterRole.TRUST)


def swings(row: Row, limit: int = SWINGS) -> list[Swing]:
    """The turns where trust moved most, largest first (the earlier turn first on a tie); none
    when the scenario names no trust meter."""
    state = row.state
    if state is None or _trust_index(state) is None:
        return []
    found = []
    for index, turn in enumerate(state.turns):
        before, after = row.trust[index], row.trust[index + 1]
        if before != after:
            proposal = answered_proposal(state.scenario, state.turns, index)
            label = choice_label(move_label(state.scenario, turn.move, proposal))
            found.append(Swing(turn.number, label, before, after, turn.reaction.why))
    found.sort(key=lambda s: (-abs(s.change), s.turn))
    return found[:limit]


def differences(report: ClassReport, row: Row, limit: int = DIFFERENT) -> list[Difference]:
    """The turns where more than half of the rest of the class, at the same turn, made one
    other move (at least :data:`AT_LEAST` of them still playing then), earliest first."""
    state = row.state
    if state is None:
        return []
    others = [r.state for r in report.rows if r is not row and r.state is not None]
    found = []
    for index, turn in enumerate(state.turns):
        moves = Counter(str(s.turns[index].move) for s in others if len(s.turns) > index)
        playing = sum(moves.values())
        if playing < AT_LEAST:
            break
        common, count = moves.most_common(1)[0]
        if common != str(turn.move) and count > playing * MOST:
            scenario = state.scenario
            theirs = move_label(scenario, Move.parse(common), _pending(others, index, common))
            yours = move_label(scenario, turn.move, answered_proposal(scenario, state.turns, index))
            theirs, yours = choice_label(theirs), choice_label(yours)
            found.append(Difference(turn.number, yours, theirs, count, playing))
        if len(found) >= limit:
            break
    return found


def _pending(states: Sequence[GameState], index: int, move: str) -> Proposal | None:
    """The proposal a common answer (accept, reject, amend) answered, from a game that made it."""
    for state in states:
        if len(state.turns) > index and str(state.turns[index].move) == move:
            return answered_proposal(state.scenario, state.turns, index)
    return None


def _class_scores(report: ClassReport) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for row in report.rows:
        for name, value in row.scores:
            found.setdefault(name, []).append(value)
    return found


def _place(value: int, values: Sequence[int]) -> str:
    """``3rd of 30`` (shared places count once: two at the top are both 1st, and say so:
    ``1st of 7, tied with 4 others``, where five students each read "1st of 7")."""
    place = 1 + sum(1 for v in values if v > value)
    tied = sum(1 for v in values if v == value) - 1
    others = f", tied with {tied} other{'s' if tied > 1 else ''}" if tied > 0 else ""
    return f"{ordinal(place)} of {len(values)}{others}"


def _lapsed(state: GameState) -> str:
    """The accords reached at this summit that are not on the record, and why, as a sentence
    (``""`` when none): a page said "On the record: nothing" of a game that reached six."""
    recorded = {accord.id for accord in recorded_accords(state)}
    lost = [a for a in state.accords if not a.prior and a.id not in recorded]
    if not lost:
        return ""
    scenario = state.scenario
    broken = [scenario.accord_label(a.id) for a in lost if a.broken]
    lapsed = [scenario.accord_label(a.id) for a in lost if not a.broken]
    parts = []
    if lapsed:
        why = (
            "their walkout erased them"
            if state.terminal is Terminal.WALKOUT
            else "without a joint statement only unwritten accords stand"
        )
        parts.append(f"Reached at the table but not on the record: {', '.join(lapsed)} ({why}).")
    if broken:
        parts.append(f"Broken when put to the test: {', '.join(broken)}.")
    return " ".join(parts)


def student_page(report: ClassReport, row: Row, charts: Sequence[doc.Figure] = ()) -> doc.Page:
    """One student's page: ``charts`` are its figures (trust, and scores against the class)."""
    state = row.state
    assert state is not None
    scenario = state.scenario
    result = outcome(state)
    assert result is not None
    blocks: list[doc.Block] = []
    accords = ", ".join(scenario.accord_label(a) for a in row.accords) or "nothing"
    decisions = f"{row.turns} decision{'s' if row.turns != 1 else ''}"
    blocks.append(
        doc.Paragraph(
            f"Ending: {result.ending.title}, after {decisions}. On the record: {accords}. "
            + (f"{lost} " if (lost := _lapsed(state)) else "")
            + f"Verification code {row.verification}."
        )
    )
    if result.ending.text:
        blocks.append(doc.Paragraph(result.ending.text))
    if row.teams is not None:
        blocks.append(doc.Heading(2, "The teams"))
        items: list[doc.Text] = [
            (f"{capitalise(line.split(': ', 1)[0])}: ", doc.Quoted(line.split(": ", 1)[1]))
            for line in row.teams.lines(scenario)
        ]
        blocks.append(doc.Bullets(tuple(items)))

    blocks.append(doc.Heading(2, "Key moments"))
    moved = swings(row)
    if moved:
        blocks.append(doc.Heading(3, "Where trust moved most"))
        blocks.append(
            doc.Bullets(
                tuple(
                    f"Turn {s.turn}, {s.move}: trust {s.before} to {s.after} "
                    f"({signed(s.change)}). {_sentence(s.why)}"
                    for s in moved
                )
            )
        )
    blocks += _decisions(report, row)
    different = differences(report, row)
    blocks.append(doc.Heading(3, "Where most of the class chose otherwise"))
    if different:
        blocks.append(
            doc.Bullets(
                tuple(
                    f"Turn {d.turn}: you chose {d.yours}; {d.count} of the {d.playing} others "
                    f"still at the table chose {d.theirs}."
                    for d in different
                )
            )
        )
    elif len(report.rows) - 1 < AT_LEAST:
        blocks.append(doc.Paragraph("Too few other games in the report to compare turn by turn."))
    else:
        blocks.append(
            doc.Paragraph(
                "At no turn did more than half of the rest of the class make one other move."
            )
        )

    blocks.append(doc.Heading(2, f"What history and the {scenario.source.kind} would say"))
    if result.ending.history:
        blocks.append(doc.Paragraph(result.ending.history))
    views = []
    for offer_id in offers_made(scenario, state.turns):
        offer = scenario.offer(offer_id)
        if offer.essay:
            views.append(f"{offer.label}: {offer.essay}")
    if views:
        blocks.append(doc.Paragraph("On the moves you made:"))
        blocks.append(doc.Bullets(tuple(views)))

    blocks.append(doc.Heading(2, "Your scores against the class"))
    by_name = _class_scores(report)
    rows: list[Sequence[doc.Text]] = []
    for name, value in row.scores:
        values = by_name.get(name, [value])
        rows.append(
            (
                name,
                value,
                whole_mean(values),
                f"{min(values)} to {max(values)}",
                _place(value, values),
            )
        )
    blocks.append(doc.table(["Scorecard", "You", "Class average", "Class range", "Place"], rows))
    if report.comparisons:
        names = [name for name, _ in row.scores]
        reference: list[Sequence[doc.Text]] = [
            (c.label, *(dict(c.scores).get(n, "-") for n in names), c.ending_title)
            for c in report.comparisons
        ]
        reference.insert(0, ("You", *(v for _, v in row.scores), row.ending_title))
        blocks.append(doc.table(["", *names, "Ending"], reference))
        blocks.append(
            doc.Paragraph(
                "The reference lines are the game's historical and essay strategies played "
                "against the same counterpart."
            )
        )
    if charts:
        blocks.append(doc.Heading(2, "Charts"))
        blocks += charts
    back: doc.Inline = doc.Link("Back to the class report", "../report")
    blocks.append(doc.Paragraph(back))
    return doc.Page(
        ("Feedback: ", doc.Quoted(row.name)), tuple(blocks), lead=f"Class report: {scenario.title}"
    )


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _decisions(report: ClassReport, row: Row) -> list[doc.Block]:
    """Each proposal of theirs the student answered, and what the rest of the class who met
    it did."""
    if not row.answers:
        return []
    state = row.state
    assert state is not None
    scenario = state.scenario
    items: list[doc.Text] = []
    for answered in row.answers:
        label = scenario.proposal(answered.proposal).label
        same = [
            a
            for r in report.rows
            if r is not row
            for a in r.answers
            if a.proposal == answered.proposal
        ]
        alike = sum(1 for a in same if a.answer == answered.answer)
        what = {ACCEPT: "accepted", REJECT: "rejected", AMEND: "amended"}[answered.answer]
        if answered.answer == AMEND:
            what += ", and they agreed" if answered.agreed else ", and they refused"
        others = (
            f" Of the {counted(len(same), 'other')} who met it, {alike} did the same."
            if same
            else " Nobody else in the class met it."
        )
        items.append(f"Turn {answered.turn}: they proposed {label}; you {what}.{others}")
    return [doc.Heading(3, "Their proposals and your answers"), doc.Bullets(tuple(items))]
