"""Is the summit solvable by rote? A search for the best fixed line of play, and the balance
figures a scenario author needs.

A *fixed line* is what a student copies from a friend: moves played in order without reading a
single reply, and one fixed answer to each proposal of theirs (:mod:`game.engine.fixed_lines`
plays them and searches for the best). :func:`search_line` looks for the line that does best
on training seeds; :func:`analyze` scores it on other seeds and adds the rest of the
picture: the best line against each hidden profile and what it loses against the others, how
often each opening move is accepted, how often accepting their main proposal beats refusing it,
and how often they table a proposal of their own.

Pure and deterministic like the rest of the engine: the search draws from the engine's own
generator, seeded from the scenario, so the same arguments always give the same report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs

from game.engine.describe import StrategyName
from game.engine.fixed_lines import (
    MAX_DECISIONS,
    FixedLine,
    LineScore,
    counted_search,
    mean_score,
    play_line,
    score_line,
    search_line,
)
from game.engine.moves import available_moves, is_legal
from game.engine.rules import new_game
from game.engine.scenario import OfferKind, Scenario
from game.engine.state import ACCEPT, AMEND, REJECT, GameState, Move, ReactionKind
from game.engine.strategies import STRATEGIES, play, play_from
from game.engine.turns import apply

# --- the other figures ------------------------------------------------------------------


def profile_seeds(scenario: Scenario, seeds: Iterable[int]) -> dict[str, list[int]]:
    """The seeds of each hidden profile."""
    found: dict[str, list[int]] = {profile.id: [] for profile in scenario.profiles}
    for seed in seeds:
        found[new_game(scenario, seed).profile_info.id].append(seed)
    return found


@attrs.frozen
class OpeningRate:
    """How often one move is accepted when played first."""

    move: str
    accepted: float


def opening_rates(scenario: Scenario, seeds: Sequence[int]) -> tuple[OpeningRate, ...]:
    """For every move playable at the start, the share of seeds in which it is accepted."""
    starts = [new_game(scenario, seed) for seed in seeds]
    rates = []
    for move in available_moves(starts[0]):
        offer = scenario.offer(move.offer)
        if offer.kind is not OfferKind.OFFER:
            continue
        accepted = sum(
            apply(state, move).reaction.kind is ReactionKind.ACCEPT
            for state in starts
            if is_legal(state, move)
        )
        rates.append(OpeningRate(str(move), accepted / max(len(starts), 1)))
    return tuple(rates)


@attrs.frozen
class ProposalFigures:
    """Their proposals in play: how often one is tabled, and whether taking the main one pays."""

    reached: int
    """Games (of the built-in strategies) that reached the round the main proposal waits for."""
    tabled: float
    """Share of those in which they put a proposal of their own on the table."""
    decisions: int
    """Seeds in which the main proposal came up in the essay strategy's games."""
    accept_better: float
    """Share of those in which accepting it ends with a better mean scorecard than refusing."""
    ties: float
    """Share in which both answers end level."""
    exist: bool = True
    """Whether the scenario has proposals of theirs at all (without, nothing here applies)."""


def proposal_figures(scenario: Scenario, seeds: Sequence[int]) -> ProposalFigures:
    """How often they table proposals, and how often accepting the main one is the better
    answer (each answer played on by the essay strategy)."""
    main = scenario.main_proposal
    waits = main.tabled.round_at_least if main is not None else None
    threshold = waits if waits is not None else 1
    reached = tabled = 0
    for name in STRATEGIES:
        for seed in seeds:
            game = play(scenario, name, seed)
            if max((turn.round for turn in game.turns), default=0) < threshold:
                continue
            reached += 1
            tabled += any(
                turn.tabled is not None or turn.reaction.counter is not None for turn in game.turns
            )
    decisions = better = level = 0
    if main is not None:
        for seed in seeds:
            state = _until_main(scenario, seed)
            if state is None:
                continue
            decisions += 1
            accept = mean_score(
                play_from(apply(state, Move(ACCEPT)).state, StrategyName.ESSAY.value)
            )
            refuse = mean_score(
                play_from(apply(state, Move(REJECT)).state, StrategyName.ESSAY.value)
            )
            better += accept > refuse
            level += accept == refuse
    return ProposalFigures(
        reached,
        tabled / max(reached, 1),
        decisions,
        better / max(decisions, 1),
        level / max(decisions, 1),
        bool(scenario.proposals),
    )


def _until_main(scenario: Scenario, seed: int) -> GameState | None:
    """The essay strategy's game on this seed, stopped where the main proposal waits."""
    main = scenario.main_proposal
    choose = STRATEGIES[StrategyName.ESSAY.value].choose
    state = new_game(scenario, seed)
    rng = 0
    for _ in range(MAX_DECISIONS):
        if state.is_over:
            return None
        if state.pending is not None and scenario.proposals[state.pending.proposal] is main:
            return state
        move, rng = choose(state, rng)
        state = apply(state, move).state
    return None


@attrs.frozen
class ProfileFigures:
    """The best line against one hidden profile, and what it is worth against the others."""

    profile: str
    line: FixedLine
    own: float
    """Its mean scorecard against this profile (on test seeds)."""
    others: float
    """Its mean scorecard against the other profiles (on test seeds)."""

    @property
    def loss(self) -> float:
        return self.own - self.others


@attrs.frozen
class Analysis:
    """Everything ``analyze`` reports."""

    scenario: str
    """Id of the scenario analysed."""
    best: FixedLine
    """The best fixed line the search found on the training seeds: the most top-tier endings,
    then the best mean scorecard."""
    train: LineScore
    """How the best line did on the training seeds it was chosen on."""
    test: LineScore
    """How it did on the test seeds, which the search never saw: the figure to trust, where
    ``train`` flatters it."""
    counterproductive: tuple[str, ...]
    """Moves of the best line that the scenario marks counterproductive (none, we hope)."""
    profiles: tuple[ProfileFigures, ...]
    """For each hidden profile, the best line against it alone and what it is worth against the
    others."""
    openings: tuple[OpeningRate, ...]
    """How often each offer playable at the start is accepted as the first (on test seeds)."""
    proposals: ProposalFigures
    """How often they table proposals, and whether accepting the main one pays."""
    evaluations: int
    """Lines evaluated in all the searches (each on every one of its seeds)."""

    @property
    def profile_loss(self) -> float:
        """What the best line for a profile loses against the others, on average."""
        return sum(p.loss for p in self.profiles) / max(len(self.profiles), 1)


def analyze(
    scenario: Scenario,
    *,
    budget: int = 1200,
    profile_budget: int | None = None,
    train: int = 200,
    test: int = 1000,
    progress: Callable[[str], None] | None = None,
) -> Analysis:
    """Search for the best fixed line on ``train`` seeds and measure the balance on ``test``
    other seeds; ``budget`` is the number of line evaluations for the main search, and
    ``profile_budget`` for each hidden profile's own (a third of ``budget`` by default)."""
    say = progress or (lambda text: None)
    train_seeds = range(1, train + 1)
    test_seeds = range(100_001, 100_001 + test)
    say("searching for the best fixed line")
    best, trained, used = counted_search(scenario, train_seeds, budget, by_score=False, salt="all")
    tested = score_line(scenario, best, test_seeds)
    flagged = tuple(
        str(move)
        for move in best.moves
        if scenario.offer(move.offer).is_counterproductive(move.variant)
    )
    by_train = profile_seeds(scenario, train_seeds)
    by_test = profile_seeds(scenario, test_seeds)
    profiles = []
    for profile in scenario.profiles:
        say(f"searching for the best line against one hidden profile: {profile.label}")
        line, _, spent = counted_search(
            scenario,
            by_train[profile.id],
            budget // 3 if profile_budget is None else profile_budget,
            by_score=True,
            salt=profile.id,
        )
        used += spent
        others = [s for p, seeds in by_test.items() if p != profile.id for s in seeds]
        profiles.append(
            ProfileFigures(
                profile.id,
                line,
                score_line(scenario, line, by_test[profile.id]).score,
                score_line(scenario, line, others).score,
            )
        )
    say("measuring openings and proposals")
    return Analysis(
        scenario.id,
        best,
        trained,
        tested,
        flagged,
        tuple(profiles),
        opening_rates(scenario, test_seeds),
        proposal_figures(scenario, range(100_001, 100_001 + min(test, 400))),
        used,
    )


__all__ = [
    "AMEND",
    "Analysis",
    "FixedLine",
    "LineScore",
    "analyze",
    "play_line",
    "score_line",
    "search_line",
]
