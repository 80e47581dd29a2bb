"""The debrief of a finished game, worked out once from the game alone: the meters over every
decision, the rounds, the accords and whether they stand, the scores against the historical and
the essay's lines on the same seed, the hidden counterpart, and the essay's view of each move.

The debrief screen lays this out; it is pygame-free so that tests and other front ends can read
it too.
"""

from __future__ import annotations

import attrs

from game.engine import (
    Direction,
    GameState,
    MeterRole,
    Outcome,
    ReactionKind,
    Terminal,
    new_game,
    outcome,
)
from game.engine.describe import REPLIED, StrategyName, capitalise, move_label
from game.engine.strategies import STRATEGIES, play


@attrs.frozen
class MeterLine:
    """One meter over the game: its start value, then its value after every decision."""

    label: str
    values: tuple[int, ...]
    lower_is_better: bool
    emphasis: bool


@attrs.frozen
class RoundSpan:
    """The decisions made in one round of the schedule (x positions on the chart)."""

    label: str
    first: int
    last: int


@attrs.frozen
class AccordLine:
    """An accord reached during the summit and whether it stands on the record."""

    label: str
    form: str
    when: str
    status: str
    stands: bool


@attrs.frozen
class ScoreLine:
    """A scorecard: the player's value, and what the historical and essay lines scored."""

    label: str
    description: str
    value: int
    history: int | None
    essay: int | None


@attrs.frozen
class LineSummary:
    """A named line of play (history or the essay) and how it ends on this game's seed."""

    heading: str
    description: str
    ending: str
    """Title of the ending the line reaches with this seed ("" when it cannot be replayed)."""


@attrs.frozen
class MoveLine:
    """One of the player's decisions, summarised."""

    number: int
    round_label: str
    label: str
    verdict: str
    """What became of it, e.g. "accepted" ("agreed" for a proposal of theirs accepted)."""
    reaction: ReactionKind


@attrs.frozen
class Debrief:
    """Everything the debrief shows, worked out from a finished game."""

    kicker: str
    title: str
    ending_text: str
    history_text: str
    meters: tuple[MeterLine, ...]
    rounds: tuple[RoundSpan, ...]
    decisions: int
    accords: tuple[AccordLine, ...]
    scores: tuple[ScoreLine, ...]
    profile: tuple[str, str]
    """The counterpart's hidden profile: label and description."""
    stance: tuple[str, str]
    """Their stance when the summit ended: label and description."""
    history: LineSummary | None
    essay: LineSummary | None
    essay_views: tuple[tuple[str, str], ...]
    """(offer label, the essay's view) for every offer the player made, in order of first use."""
    citation: str
    """The essay, by author, publication and year."""
    moves: tuple[MoveLine, ...]


def _line_outcome(state: GameState, strategy: StrategyName) -> Outcome | None:
    """How the built-in strategy of a line ends a game on this seed; None where the scenario
    has no such line, or where the game continued an earlier summit (a fresh game from the
    scenario's own start would not compare)."""
    if state.carry is not None or strategy not in STRATEGIES:
        return None
    try:
        state.scenario.line(strategy)
    except KeyError:
        return None
    return outcome(play(state.scenario, strategy, state.seed))


def _line_summary(
    state: GameState, strategy: StrategyName, heading: str, result: Outcome | None
) -> LineSummary | None:
    try:
        line = state.scenario.line(strategy)
    except KeyError:
        return None
    return LineSummary(heading, line.description, result.ending.title if result else "")


def build_debrief(state: GameState) -> Debrief:
    """Work out the debrief of a finished game (ValueError if the game is not over)."""
    result = outcome(state)
    if result is None:
        raise ValueError("the debrief needs a finished game")
    scenario = state.scenario
    start = new_game(scenario, state.seed, state.carry).meters
    trust = scenario.role_index(MeterRole.TRUST)
    meters = tuple(
        MeterLine(
            label=capitalise(meter.label),
            values=(start[i], *(turn.meters[i] for turn in state.turns)),
            lower_is_better=meter.good is Direction.LOW,
            emphasis=i == trust,
        )
        for i, meter in enumerate(scenario.meters)
    )
    rounds: list[RoundSpan] = []
    for turn in state.turns:
        label = scenario.rounds[turn.round].label
        if rounds and rounds[-1].label == label:
            rounds[-1] = attrs.evolve(rounds[-1], last=turn.number)
        else:
            rounds.append(RoundSpan(label, turn.number, turn.number))

    kept = {(accord.id, accord.turn) for accord in result.accords}
    accords = []
    for accord in state.accords:
        form = accord.variant
        if accord.id in scenario.offer_index:
            variant = scenario.offer(accord.id).variant(accord.variant or None)
            if accord.variant and variant is not None:
                form = variant.label
        when = "at the earlier summit" if accord.prior else f"decision {accord.turn}"
        stands = (accord.id, accord.turn) in kept
        if stands and accord.prior:
            status = "carried over"
        elif stands and result.terminal is Terminal.STATEMENT:
            status = "in the joint statement"
        elif stands:
            status = "stands without a statement"
        elif result.terminal is Terminal.WALKOUT:
            status = "lost: they walked out"
        else:
            status = "lost: no statement"
        accords.append(
            AccordLine(capitalise(scenario.accord_label(accord.id)), form, when, status, stands)
        )

    history_line = _line_outcome(state, StrategyName.HISTORICAL)
    essay_line = _line_outcome(state, StrategyName.ESSAY)
    history_scores = [s.value for s in history_line.scores] if history_line else None
    essay_scores = [s.value for s in essay_line.scores] if essay_line else None
    cards = {card.id: card for card in scenario.scorecards}
    scores = tuple(
        ScoreLine(
            score.label,
            cards[score.id].description if score.id in cards else "",
            score.value,
            history_scores[i] if history_scores else None,
            essay_scores[i] if essay_scores else None,
        )
        for i, score in enumerate(result.scores)
    )

    views: dict[str, tuple[str, str]] = {}
    moves = []
    for turn in state.turns:
        verdict = REPLIED[turn.reaction.kind]
        if turn.reaction.kind is ReactionKind.ACCEPT and turn.move.is_answer:
            verdict = "agreed"
        moves.append(
            MoveLine(
                turn.number,
                scenario.rounds[turn.round].label,
                move_label(scenario, turn.move),
                verdict,
                turn.reaction.kind,
            )
        )
        if not turn.move.is_answer and turn.move.offer not in views:
            offer = scenario.offer(turn.move.offer)
            if offer.essay:
                views[offer.id] = (offer.label, offer.essay)

    stance = scenario.stances[state.stance]
    source = scenario.source
    verb = "decision" if len(state.turns) == 1 else "decisions"
    return Debrief(
        kicker=f"Debrief \u00b7 {scenario.title} \u00b7 seed {state.seed} \u00b7 "
        f"{len(state.turns)} {verb}",
        title=result.ending.title,
        ending_text=result.ending.text,
        history_text=result.ending.history,
        meters=meters,
        rounds=tuple(rounds),
        decisions=len(state.turns),
        accords=tuple(accords),
        scores=scores,
        profile=(state.profile_info.label, state.profile_info.description),
        stance=(stance.label, stance.description),
        history=_line_summary(
            state, StrategyName.HISTORICAL, "What happened in history", history_line
        ),
        essay=_line_summary(state, StrategyName.ESSAY, "What the essay recommended", essay_line),
        essay_views=tuple(views.values()),
        citation=f"{source.author}, {source.publication}, {source.year}.",
        moves=tuple(moves),
    )
