"""The class report: verified transcripts summed up as a page (Markdown and HTML) and a CSV
table; :mod:`game.classroom.report_files` writes them with two charts and each student's page.

Each transcript is verified first (see :mod:`game.classroom.verify`); those that fail are listed
and left out of every figure. The class is compared with what the historical and the essay's
lines do against the same counterpart (same scenario and seed), so a teacher sees where students
stood against history and against the essay's recommendation.

Names and file names come from students' files: they are shown with control characters
escaped, at most 60 characters long, as text in the Markdown (never markup or HTML) and as text
in the CSV (never a formula)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from game.classroom import document as doc
from game.classroom.one_class import any_scenario, check_one_class, reported_scenario
from game.classroom.to_check import counted_once, to_check
from game.classroom.verify import NOTHING, Against, SameGame, Verdict, same_games, verify_files
from game.engine import (
    ACCEPT,
    AMEND,
    REJECT,
    Carry,
    GameState,
    MeterRole,
    ReactionKind,
    Scenario,
    Terminal,
    new_game,
    outcome,
)
from game.engine.describe import StrategyName, answered_proposal, printable
from game.engine.strategies import play
from game.engine.teams import Team, Teams, who_played
from game.engine.transcript import MAX_NAME
from game.store.names import file_stem, unique_stems
from game.words import counted

ENDINGS_PNG: Final = "endings.png"
"""The class report's bar chart of endings, beside report.md."""
TRUST_PNG: Final = "trust.png"
"""The class report's chart of every student's trust, beside report.md."""


@attrs.frozen
class Answered:
    """A proposal of theirs a student answered, and how."""

    proposal: str
    """The proposal's id."""
    answer: str
    """``accept``, ``reject`` or ``amend``."""
    turn: int
    """The number of the turn that answered it."""
    agreed: bool
    """True when an accord came of the answer: the proposal accepted, or the amendment
    accepted in its place."""


@attrs.frozen
class Row:
    """One student's game."""

    file: str
    name: str
    ending: str
    ending_title: str
    accords: tuple[str, ...]
    scores: tuple[tuple[str, int], ...]
    turns: int
    verification: str
    trust: tuple[int, ...]
    """Trust at the start and after every turn."""
    terminal: str
    answers: tuple[Answered, ...] = ()
    """Each proposal of theirs the student answered, in order."""
    hotseat: bool = False
    """True when a second student played the North Korean side."""
    teams: Teams | None = None
    """The teams of a team game (the row goes by their names when it names no player)."""
    page: str = ""
    """The file name (no extension) of the student's own page in ``students/``."""
    state: GameState | None = attrs.field(default=None, eq=False, repr=False)
    """The replayed game, for the student's page."""


@attrs.frozen
class Comparison:
    """A reference line played against the same counterpart."""

    label: str
    ending_title: str
    accords: tuple[str, ...]
    scores: tuple[tuple[str, int], ...]


@attrs.frozen
class ClassReport:
    """Everything the report shows."""

    scenario: Scenario
    rows: tuple[Row, ...]
    rejected: tuple[Verdict, ...]
    """Transcripts that failed verification, with the reason."""
    other: tuple[Verdict, ...]
    """Verified games of another summit (e.g. the Hanoi games that vouch for next-summit
    starts): not in the figures, and not failures."""
    comparisons: tuple[Comparison, ...]
    code: str
    same: tuple[SameGame, ...] = ()
    """Verified games that are the same turn for turn under different names."""
    repeated: tuple[Verdict, ...] = ()
    """Files given again, checked and counted once."""
    checks: tuple[str, ...] = ()
    """The ``to check:`` lines, as verify says them (:func:`~game.classroom.to_check.to_check`)."""


def _row(verdict: Verdict) -> Row:
    state, transcript = verdict.state, verdict.transcript
    assert state is not None and transcript is not None
    result = outcome(state)
    assert result is not None
    trust_index = state.scenario.role_index(MeterRole.TRUST) or 0
    # The first point is the value before the first move, as the game began.
    start = new_game(state.scenario, state.seed, state.carry, hotseat=state.hotseat)
    first = start.meters[trust_index]
    answers = []
    for index, turn in enumerate(state.turns):
        proposal = answered_proposal(state.scenario, state.turns, index)
        if proposal is not None:
            agreed = turn.reaction.kind is ReactionKind.ACCEPT
            answers.append(Answered(proposal.id, turn.move.offer, turn.number, agreed))
    return Row(
        file=printable(verdict.name),
        name=shown_name(who_played(transcript.player, transcript.teams) or verdict.path.stem),
        ending=result.ending.id,
        ending_title=result.ending.title,
        accords=tuple(accord.id for accord in result.accords),
        scores=tuple((score.label, score.value) for score in result.scores),
        turns=result.turns,
        verification=transcript.verification_for(state),
        trust=(first, *(turn.meters[trust_index] for turn in state.turns)),
        terminal=result.terminal.value,
        answers=tuple(answers),
        hotseat=state.hotseat,
        teams=transcript.teams,
        state=state,
    )


def _comparisons(
    scenario: Scenario, starts: Sequence[tuple[int, Carry | None]]
) -> tuple[Comparison, ...]:
    """The historical and essay lines against the class's counterparts (same seed, same start),
    scores averaged."""
    result = []
    lines = (
        (StrategyName.HISTORICAL, "What happened in history"),
        (StrategyName.ESSAY, f"The {scenario.source.kind}'s line"),
    )
    for line_id, label in lines:
        if not any(line.id == line_id for line in scenario.lines):
            continue
        finished = [outcome(play(scenario, line_id, seed, carry)) for seed, carry in starts]
        outcomes = [f for f in finished if f is not None]
        if not outcomes:
            continue
        tables = [{s.label: s.value for s in o.scores} for o in outcomes]
        means = tuple((name, whole_mean(table[name] for table in tables)) for name in tables[0])
        common = Counter(o.ending.title for o in outcomes).most_common(1)[0][0]
        accords = Counter(a.id for o in outcomes for a in o.accords)
        typical = tuple(a for a, n in accords.items() if n * 2 >= len(outcomes))
        result.append(Comparison(label, common, typical, means))
    return tuple(result)


def _against_history(report: ClassReport) -> tuple[str, ...]:
    """The class against history and the essay, in the scenario's own terms: games with no
    joint statement, games that reached its top tiers of endings (named), and games that ended
    as each reference line does on the class's seed."""
    rows, scenario = report.rows, report.scenario
    total = len(rows)
    tiers = {ending.id: ending.tier for ending in scenario.endings}
    unsigned = sum(1 for r in rows if r.terminal != Terminal.STATEMENT.value)
    lines = [f"No joint statement: {unsigned} of {total} ({_share(unsigned, total)})."]
    top = max(tiers.values(), default=0)
    for tier in (top, top - 1):
        names = [e.title for e in scenario.endings if e.tier == tier]
        if tier <= 0 or not names:
            continue
        reached = sum(1 for r in rows if tiers.get(r.ending, 0) >= tier)
        lines.append(f"{tier_words(names, top=tier == top)}: {reached} ({_share(reached, total)}).")
    for comparison in report.comparisons:
        same = sum(1 for r in rows if r.ending_title == comparison.ending_title)
        lines.append(
            f"{comparison.label}, played on the class's counterparts, ends mostly in "
            f"{comparison.ending_title}: {same} of the class ended there too "
            f"({_share(same, total)})."
        )
    return tuple(lines)


def tier_words(titles: Sequence[str], *, top: bool) -> str:
    """How the report names a tier of endings: "A top-tier ending (A, B, C)"; below it, one
    ending's "Liaison offices or better", or several's "An ending of the tier below or better
    (...)". Titles are set apart by semicolons where one holds a comma ("Yongbyon, verified")."""
    listed = ("; " if any("," in title for title in titles) else ", ").join(titles)
    if top:
        return f"A top-tier ending ({listed})"
    if len(titles) == 1:
        return f"{titles[0]} or better"
    return f"An ending of the tier below or better ({listed})"


def shown_name(name: str) -> str:
    """A name as the report shows it: control characters escaped, 60 characters at most.

    >>> shown_name("Ada\\x1b[2J"), len(shown_name("x" * 1000))
    ('Ada\\\\x1b[2J', 60)
    """
    text = printable(name)
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1] + "\u2026"


def build(
    paths: Sequence[Path], against: Against = NOTHING, shown: Sequence[str] = ()
) -> ClassReport | None:
    """Verify every transcript and gather the figures; None when no transcript is usable.

    One report covers one summit: the class code's; else, where a summit and one that continues
    it are both present, the later one (the earlier games are there to vouch for its starts);
    else the one most games were played in. Without a class code, games of more than one class
    raise :class:`~game.classroom.one_class.NotOneClassError` (one line: how they differ).
    """
    verdicts = verify_files(paths, against, shown)
    expected, handed_in = against.expected, against.handed_in
    good = [v for v in verdicts if v.ok and v.state is not None]
    rejected = tuple(v for v in verdicts if not v.ok)
    repeated = tuple(v for v in verdicts if v.repeated)
    if not good:
        if not rejected:
            return None
        scenario = any_scenario(verdicts, against.scenarios)
        checks = tuple(to_check(verdicts, handed_in))
        return ClassReport(scenario, (), rejected, (), (), "", repeated=repeated, checks=checks)
    scenario = reported_scenario([v.state for v in good if v.state is not None], expected)
    if expected is None:
        check_one_class(scenario, good)
    same = [v for v in good if v.state is not None and v.state.scenario.id == scenario.id]
    other = tuple(v for v in good if v not in same)
    same_game = tuple(same_games(same))
    same, second = counted_once(same)
    rows = tuple(sorted((_row(v) for v in same), key=lambda r: (r.name.casefold(), r.file)))
    pages = unique_stems(file_stem(row.name, "student") for row in rows)
    rows = tuple(attrs.evolve(row, page=page) for row, page in zip(rows, pages, strict=True))
    starts = list(dict.fromkeys((v.state.seed, v.state.carry) for v in same if v.state is not None))
    codes = {v.transcript.code for v in same if v.transcript is not None and v.transcript.code}
    code = str(expected) if expected else (codes.pop() if len(codes) == 1 else "")
    comparisons = _comparisons(scenario, starts)
    checks = tuple(to_check(verdicts, handed_in, same_game))
    left = (*rejected, *second)
    return ClassReport(scenario, rows, left, other, comparisons, code, same_game, repeated, checks)


# --- the page ------------------------------------------------------------------------------


def _share(count: int, total: int) -> str:
    """``count`` of ``total`` as a whole percentage, a half rounded up (as a class expects: 12.5%
    is 13%, never 12% beside a 37.5% shown as 38%).

    >>> _share(1, 8), _share(3, 8), _share(2, 3), _share(0, 0)
    ('13%', '38%', '67%', '-')
    """
    return f"{(200 * count + total) // (2 * total)}%" if total else "-"


def whole_mean(values: Iterable[int]) -> int:
    """The mean of whole numbers, to the nearest whole number, a half rounded up (``round``
    would take 42.5 to 42 and 43.5 to 44).

    >>> whole_mean([42, 43]), whole_mean([43, 44]), whole_mean([1, 2, 2])
    (43, 44, 2)
    """
    found = list(values)
    return (2 * sum(found) + len(found)) // (2 * len(found))


def markdown(report: ClassReport) -> str:
    """The report as Markdown."""
    return doc.to_markdown(class_page(report))


def class_page(report: ClassReport, charts: Sequence[doc.Figure] = ()) -> doc.Page:
    """The report as a page; ``charts`` are the figures of its Charts section (the endings
    and trust charts as files beside the report when none are given)."""
    scenario = report.scenario
    rows = report.rows
    total = len(rows)
    label = scenario.accord_label
    facts = [f"{total} verified game{'s' if total != 1 else ''}"]
    if report.code:
        facts.append(f"class code {report.code}")
    if report.rejected:
        facts.append(f"{counted(len(report.rejected), 'transcript')} left out (see the end)")
    hotseat = sum(row.hotseat for row in rows)
    if hotseat:
        facts.append(f"{hotseat} of them hot-seat (a second student played the other side)")
    if report.other:
        facts.append(f"{counted(len(report.other), 'game')} of another summit not counted")
    blocks: list[doc.Block] = [doc.Paragraph("; ".join(facts) + ".")]

    endings = Counter(row.ending for row in rows)
    titles = {ending.id: ending.title for ending in scenario.endings}
    blocks += [doc.Heading(2, "Outcomes")]
    blocks.append(
        _counted(
            ["Ending", "Games", "Share"],
            [(titles.get(e, e), n, _share(n, total)) for e, n in endings.most_common()],
        )
    )
    # In the order of each game's record, so that ties come out the same on every run.
    accords = Counter(a for row in rows for a in dict.fromkeys(row.accords))
    # A game may put several accords on the record, so only this row makes every game count.
    unrecorded = sum(1 for row in rows if not row.accords)
    accord_rows = [(label(a), n, _share(n, total)) for a, n in accords.most_common()]
    if unrecorded:
        accord_rows.append(("(none)", unrecorded, _share(unrecorded, total)))
    blocks += [doc.Heading(2, "Accords on the record")]
    blocks.append(_counted(["Accord", "Games", "Share"], accord_rows))
    blocks += _proposals(report)
    kind = report.scenario.source.kind
    blocks += [doc.Heading(2, f"Against history and the {kind}")]
    blocks.append(doc.Bullets(_against_history(report)))
    if rows:
        score_names = [name for name, _ in rows[0].scores]
        means = [whole_mean(dict(r.scores)[name] for r in rows) for name in score_names]
        table_rows: list[Sequence[doc.Text]] = [("Class average", *means, "")]
        for comparison in report.comparisons:
            values = [dict(comparison.scores).get(name, "-") for name in score_names]
            table_rows.append((comparison.label, *values, comparison.ending_title))
        blocks.append(doc.table(["", *score_names, "Ending"], table_rows))
        blocks.append(
            doc.Paragraph(
                "The reference lines are played by the game's built-in historical and essay "
                "strategies against the same counterpart (same scenario and seed)."
            )
        )

    blocks += [doc.Heading(2, "Students")]
    if any(r.page for r in rows):
        blocks.append(
            doc.Paragraph(
                "Each name links to the student's own page: key moments, what history and the "
                f"{kind} say, and their scores against the class."
            )
        )
    alone = [r for r in rows if not r.hotseat]
    if alone:
        blocks.append(_students(report, alone))
    else:
        blocks.append(
            doc.Paragraph(
                "Every verified game was hot-seat (below)." if rows else "No verified games."
            )
        )
    if hotseat:
        blocks += [doc.Heading(2, "Hot-seat games")]
        blocks.append(
            doc.Paragraph(
                "A second student chose the other side's answers and tabled its proposals."
            )
        )
        blocks.append(_students(report, [r for r in rows if r.hotseat]))
        teamed = [r for r in rows if r.teams is not None]
        if teamed:
            blocks += [doc.Heading(3, "The teams")]
            blocks.append(
                doc.Bullets(
                    tuple(
                        (
                            doc.Quoted(r.name),
                            ": ",
                            doc.Quoted("; ".join(r.teams.lines(r.state.scenario))),
                        )
                        for r in teamed
                        if r.teams is not None and r.state is not None
                    )
                )
            )
    blocks += [doc.Heading(2, "Charts")]
    blocks += charts or [
        doc.Figure("Endings", b"", ENDINGS_PNG),
        doc.Figure("Trust", b"", TRUST_PNG),
    ]
    if report.other:
        blocks += [doc.Heading(2, "Games of another summit")]
        blocks.append(
            doc.Bullets(
                tuple(
                    (
                        doc.Code(v.name),
                        ": a verified game of "
                        f"{v.state.scenario.title if v.state else 'another summit'}, "
                        "not in these figures",
                    )
                    for v in report.other
                )
            )
        )
    if report.same:
        blocks += [doc.Heading(2, "The same game under different names")]
        blocks.append(
            doc.Paragraph(
                "Two students may play the same short game; a long one may have been copied."
            )
        )
        blocks.append(doc.Bullets(tuple(_same(same) for same in report.same)))
    if report.rejected:
        blocks += [doc.Heading(2, "Left out")]
        blocks.append(
            doc.Bullets(
                tuple((doc.Code(v.name), ": ", doc.Quoted(v.message)) for v in report.rejected)
            )
        )
    return doc.Page(f"Class report: {scenario.title}", tuple(blocks))


def _counted(header: Sequence[doc.Text], rows: Sequence[Sequence[doc.Text]]) -> doc.Block:
    """A table of games counted by category; a report without a verified game says so in its
    place rather than show a table with no rows (or a row counting nothing)."""
    return doc.table(header, rows) if rows else doc.Paragraph("No verified games.")


def _same(same: SameGame) -> tuple[doc.Inline, ...]:
    pieces: list[doc.Inline] = []
    for path, name in zip(same.paths, same.names, strict=True):
        if pieces:
            pieces.append(", ")
        pieces += [doc.Code(str(path)), " (", doc.Quoted(shown_name(name) or "no name"), ")"]
    return (*pieces, f": {same.turns} turns")


def _students(report: ClassReport, rows: Sequence[Row]) -> doc.Table:
    """One line per student: name, ending, accords, scorecards, decisions and code."""
    label = report.scenario.accord_label
    score_names = [name for name, _ in rows[0].scores] if rows else []
    return doc.table(
        ["Name", "Ending", "Accords", *score_names, "Turns", "Code"],
        [
            (
                doc.Link(doc.Quoted(r.name), f"students/{r.page}")
                if r.page
                else doc.Quoted(r.name),
                r.ending_title,
                ", ".join(label(a) for a in r.accords) or "none",
                *(value for _, value in r.scores),
                r.turns,
                r.verification,
            )
            for r in rows
        ],
    )


ANSWER_COLUMNS: Final = (
    ("Accepted", ACCEPT, True),
    ("Amended, they agreed", AMEND, True),
    ("Amended, they refused", AMEND, False),
    ("Rejected", REJECT, False),
)
"""The columns of the proposals table: (heading, the answer, whether an accord came of it).
An amendment they refused made no accord, so it is counted apart from one they took."""


def _proposals(report: ClassReport) -> list[doc.Block]:
    """How the class answered the proposals the delegation put on the table (nothing when
    none came up)."""
    answers = [answer for row in report.rows for answer in row.answers]
    if not answers:
        return []
    counts = Counter((a.proposal, a.answer, a.agreed or a.answer == ACCEPT) for a in answers)
    came = Counter(a.proposal for a in answers)
    rows: list[tuple[doc.Text, ...]] = [
        (
            report.scenario.proposal(proposal).label,
            count,
            *(counts[(proposal, answer, agreed)] for _, answer, agreed in ANSWER_COLUMNS),
        )
        for proposal, count in came.most_common()
    ]
    header = ["Their proposal", "Games", *(heading for heading, _, _ in ANSWER_COLUMNS)]
    return [doc.Heading(2, "Their proposals"), doc.table(header, rows)]


_FORMULA: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A cell of the grade book: text that a spreadsheet would read as a formula (OWASP's rule:
    it begins with =, +, -, @, a tab or a carriage return) gets a leading quote; numbers stay
    numbers.

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("Ada"), csv_cell(71)
    ("'=HYPERLINK(1)", 'Ada', 71)
    """
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _write_row(writer: Any, cells: Sequence[object]) -> None:
    writer.writerow([csv_cell(printable(c) if isinstance(c, str) else c) for c in cells])


def csv_text(report: ClassReport) -> str:
    """One row per verified student, for a grade book; every cell quoted where it needs to be
    (a comma, a quote or a line break in it), none a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = [name for name, _ in report.rows[0].scores] if report.rows else []
    header = [
        "name",
        "file",
        "ending",
        "accords",
        *names,
        "turns",
        "verification",
        "hotseat",
        "offering team",
        "answering team",
    ]
    _write_row(writer, header)
    for row in report.rows:
        _write_row(
            writer,
            [
                row.name,
                row.file,
                row.ending,
                " ".join(row.accords),
                *(value for _, value in row.scores),
                row.turns,
                row.verification,
                "yes" if row.hotseat else "no",
                _team_cell(row.teams.us) if row.teams is not None else "",
                _team_cell(row.teams.north) if row.teams is not None else "",
            ],
        )
    return buffer.getvalue()


def _team_cell(team: Team) -> str:
    """A team as a grade book wants it: its name, then each player and the ids of the roles
    they held, ``Eagles (Sam Rivera: negotiator allies_liaison; Ben Carter: treasury)``."""
    players = "; ".join(
        f"{player.name}: {' '.join(player.roles)}" if player.roles else player.name
        for player in team.players
    )
    return f"{team.name} ({players})" if players else team.name
