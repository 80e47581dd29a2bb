"""``analyze``: is a scenario solvable by rote? The engine's search for the best fixed line
(:func:`game.engine.analysis.analyze`), reported as readable text or as JSON.

The targets printed beside the figures are the balance the game must show (docs/scenarios.md,
section 9, "Tuning the balance"); the report says how the scenario stands against each, it does
not enforce them.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from game.engine import Move, Scenario
from game.engine.analysis import Analysis, FixedLine, LineScore, ProposalFigures
from game.engine.describe import move_label

TOP_TIER_AT_MOST: Final = 0.5
"""The best fixed line reaches a top-tier ending in at most this share of seeds."""
PROFILE_LOSS_AT_LEAST: Final = 10.0
"""The best line against one profile loses at least this much mean scorecard, on average,
against the others."""
OPENING_AT_MOST: Final = 0.9
"""No offer is accepted as an opening move in more than this share of seeds."""
TABLED_AT_LEAST: Final = 0.9
"""They table a proposal in at least this share of games that reach its round."""
ACCEPT_BETTER: Final = (0.25, 0.75)
"""Accepting their main proposal is the better answer in a share of seeds within this range."""


@attrs.frozen
class Check:
    """One balance figure against its target."""

    name: str
    value: float
    target: str
    ok: bool | None
    """Whether the figure meets its target; None when the target does not apply (the share of
    games in which they table a proposal, in a scenario without proposals of theirs; what the
    best line for a profile loses against the others, in a scenario of one profile)."""


def checks(analysis: Analysis) -> tuple[Check, ...]:
    """The figures the brief sets targets for, each with whether it meets its target."""
    highest = max((rate.accepted for rate in analysis.openings), default=0.0)
    proposals = analysis.proposals
    low, high = ACCEPT_BETTER
    found = [
        Check(
            "best_line_top_tier",
            analysis.test.top,
            f"at most {TOP_TIER_AT_MOST:.0%}",
            analysis.test.top <= TOP_TIER_AT_MOST,
        ),
        Check(
            "profile_loss",
            analysis.profile_loss,
            f"at least {PROFILE_LOSS_AT_LEAST:g} points",
            # With one hidden profile there are no others to play its best line against.
            analysis.profile_loss >= PROFILE_LOSS_AT_LEAST if len(analysis.profiles) > 1 else None,
        ),
        Check(
            "best_opening_accepted",
            highest,
            f"at most {OPENING_AT_MOST:.0%}",
            highest <= OPENING_AT_MOST,
        ),
        Check(
            "proposal_tabled",
            proposals.tabled,
            f"at least {TABLED_AT_LEAST:.0%}",
            proposals.tabled >= TABLED_AT_LEAST if is_tabling_measured(proposals) else None,
        ),
        Check(
            "accepting_main_better",
            proposals.accept_better,
            f"{low:.0%} to {high:.0%}",
            low <= proposals.accept_better <= high if proposals.decisions else None,
        ),
        Check(
            "best_line_counterproductive",
            float(len(analysis.counterproductive)),
            "none",
            not analysis.counterproductive,
        ),
    ]
    return tuple(found)


def is_tabling_measured(proposals: ProposalFigures) -> bool:
    """Whether the share of games in which they table a proposal means anything: the scenario
    has proposals of theirs and some game reached the round they wait for."""
    return proposals.exist and proposals.reached > 0


# --- JSON --------------------------------------------------------------------------------


def _line_json(line: FixedLine) -> dict[str, Any]:
    return {"moves": [str(move) for move in line.moves], "answers": dict(line.answers)}


def _score_json(score: LineScore) -> dict[str, Any]:
    return {"top": round(score.top, 4), "score": round(score.score, 2), "games": score.games}


def analysis_json(scenario: Scenario, analysis: Analysis, budget: int) -> dict[str, Any]:
    """The analysis as a JSON-ready dictionary (docs/scripting.md documents every field)."""
    main = scenario.main_proposal
    waits = main.tabled.round_at_least if main is not None else None
    return {
        "scenario": analysis.scenario,
        "budget": budget,
        "evaluations": analysis.evaluations,
        "best": {
            **_line_json(analysis.best),
            "train": _score_json(analysis.train),
            "test": _score_json(analysis.test),
            "counterproductive": list(analysis.counterproductive),
        },
        "profiles": [
            {
                "profile": figures.profile,
                **_line_json(figures.line),
                "own": round(figures.own, 2),
                "others": round(figures.others, 2),
                "loss": round(figures.loss, 2),
            }
            for figures in analysis.profiles
        ],
        "profile_loss": round(analysis.profile_loss, 2),
        "openings": {rate.move: round(rate.accepted, 4) for rate in analysis.openings},
        "proposals": {
            "main": main.id if main is not None else None,
            "round": scenario.rounds[waits].id if waits is not None else None,
            "reached": analysis.proposals.reached,
            "tabled": round(analysis.proposals.tabled, 4),
            "decisions": analysis.proposals.decisions,
            "accept_better": round(analysis.proposals.accept_better, 4),
            "ties": round(analysis.proposals.ties, 4),
        },
        "checks": {
            check.name: {"value": round(check.value, 4), "target": check.target, "ok": check.ok}
            for check in checks(analysis)
        },
    }


# --- text --------------------------------------------------------------------------------


def _percent(share: float) -> str:
    return f"{share:.1%}"


def _line_lines(scenario: Scenario, line: FixedLine, indent: str) -> list[str]:
    """A fixed line as numbered moves, then its answers to their proposals."""
    lines = [
        f"{indent}{number:>2}. {move_label(scenario, move)}  [{move}]"
        for number, move in enumerate(line.moves, start=1)
    ]
    answers = [
        f'{answer} "{scenario.proposal(proposal).label}"' for proposal, answer in line.answers
    ]
    rest = "reject the others" if answers else "reject every proposal of theirs"
    lines.append(f"{indent}    Answers: {', '.join([*answers, rest])}")
    return lines


def _verdict(check: Check) -> str:
    verdict = "does not apply" if check.ok is None else "ok" if check.ok else "MISSED"
    return f"(target {check.target}: {verdict})"


def analysis_text(scenario: Scenario, analysis: Analysis, budget: int) -> str:
    """The analysis as a readable report."""
    found = {check.name: check for check in checks(analysis)}
    best = analysis.best
    lines = [
        f"Analysis of {scenario.id} ({scenario.title}): {analysis.evaluations} line evaluations "
        f"(budget {budget}), {analysis.train.games} training seeds, "
        f"{analysis.test.games} test seeds",
        "",
        "The best fixed line (moves tried in order without reading a reply; a move that cannot "
        "be played is skipped, the statement closes the list):",
        *_line_lines(scenario, best, "  "),
        f"  Top-tier endings: {_percent(analysis.train.top)} of training seeds, "
        f"{_percent(analysis.test.top)} of test seeds {_verdict(found['best_line_top_tier'])}",
        f"  Mean scorecard: {analysis.train.score:.1f} on training seeds, "
        f"{analysis.test.score:.1f} on test seeds",
    ]
    flagged = ", ".join(move_label(scenario, Move.parse(m)) for m in analysis.counterproductive)
    lines.append(
        f"  Moves the scenario marks counterproductive: {flagged or 'none'} "
        f"{_verdict(found['best_line_counterproductive'])}"
    )
    lines += ["", "The best line against each hidden profile, played against the others:"]
    labels = {profile.id: profile.label for profile in scenario.profiles}
    for figures in analysis.profiles:
        loss = round(figures.loss, 1)
        change = f"loses {loss:.1f}" if loss >= 0 else f"gains {-loss:.1f}"
        lines.append(
            f"  {labels.get(figures.profile, figures.profile)}: {figures.own:.1f} against them, "
            f"{figures.others:.1f} against the others: it {change}"
        )
        lines += _line_lines(scenario, figures.line, "    ")
    lines.append(
        f"  Average loss: {analysis.profile_loss:.1f} points {_verdict(found['profile_loss'])}"
    )
    lines += ["", "Opening moves: the share of test seeds in which each is accepted when first:"]
    width = max(
        (len(move_label(scenario, Move.parse(r.move))) for r in analysis.openings), default=0
    )
    for rate in sorted(analysis.openings, key=lambda r: -r.accepted):
        label = move_label(scenario, Move.parse(rate.move))
        lines.append(f"  {label:<{width}}  {rate.accepted:>6.1%}")
    lines.append(
        f"  Highest: {_percent(found['best_opening_accepted'].value)} "
        f"{_verdict(found['best_opening_accepted'])}"
    )
    lines += ["", *_proposal_lines(scenario, analysis, found)]
    return "\n".join(lines)


def _proposal_lines(scenario: Scenario, analysis: Analysis, found: dict[str, Check]) -> list[str]:
    figures = analysis.proposals
    tabled = found["proposal_tabled"]
    main = scenario.main_proposal
    if not figures.exist:
        return ["Their proposals: the scenario has none " + _verdict(tabled)]
    waits = main.tabled.round_at_least if main is not None else None
    index = waits if waits is not None else 1
    if index >= len(scenario.rounds):
        where = "a second session, which the scenario does not have"
    else:
        where = f"the {scenario.rounds[index].label}"
    if figures.reached:
        share = f"they put a proposal of their own on the table in {_percent(figures.tabled)}"
        games = f"Of {figures.reached} games of the built-in strategies that reached {where}"
        lines = ["Their proposals:", f"  {games}, {share} {_verdict(tabled)}"]
    else:
        lines = [
            "Their proposals:",
            f"  No game of the built-in strategies reached {where} {_verdict(tabled)}",
        ]
    if main is None:
        return [*lines, "  The scenario names no main proposal."]
    better = found["accepting_main_better"]
    if not figures.decisions:
        return [
            *lines,
            f"  {main.label}: it never came up in the essay strategy's games {_verdict(better)}",
        ]
    lines.append(
        f"  {main.label}: it came up in {figures.decisions} of the essay strategy's games; "
        f"accepting it ended better than rejecting it in {_percent(figures.accept_better)} "
        f"(level in {_percent(figures.ties)}) {_verdict(better)}"
    )
    return lines
