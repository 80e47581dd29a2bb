"""Is the summit solvable by rote? A search for the best fixed line of play, and the balance
figures a scenario author needs.

A *fixed line* is what a student copies from a friend: a list of moves played in order without
reading a single reply (a move that cannot be played at that moment is skipped; once the list
is played through, the statement is put forward if it can be, else the list starts again) and
one fixed answer to each proposal of theirs. :func:`search_line` looks for the line that does
best on training seeds; :func:`analyze` scores it on other seeds and adds the rest of the
picture: the best line against each hidden profile and what it loses against the others, how
often each opening move is accepted, how often accepting their main proposal beats refusing it,
and how often they table a proposal of their own.

Pure and deterministic like the rest of the engine: the search draws from the engine's own
generator, seeded from the scenario, so the same arguments always give the same report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Final

import attrs

from game.engine.describe import StrategyName
from game.engine.moves import available_moves, is_legal
from game.engine.rng import draw, seed_state
from game.engine.rules import new_game, outcome
from game.engine.scenario import OfferKind, Scenario
from game.engine.state import ACCEPT, AMEND, ANSWERS, REJECT, GameState, Move, ReactionKind
from game.engine.strategies import STRATEGIES, play, play_from
from game.engine.turns import apply

MAX_DECISIONS: Final = 200
"""A guard: a fixed line always ends before this (the schedule ends every game sooner)."""

LINE_LENGTH: Final = 16
"""The longest line the search builds."""


@attrs.frozen
class FixedLine:
    """Moves in order and one answer per proposal of theirs: a line played without reading."""

    moves: tuple[Move, ...]
    answers: tuple[tuple[str, str], ...] = ()
    """(proposal id, ``accept`` / ``reject`` / ``amend``); a proposal not named is rejected."""

    def answer(self, proposal: str) -> str:
        """The fixed answer to a proposal of theirs."""
        for name, answer in self.answers:
            if name == proposal:
                return answer
        return REJECT

    def with_answer(self, proposal: str, answer: str) -> FixedLine:
        answers = tuple((p, a) for p, a in self.answers if p != proposal)
        if answer != REJECT:
            answers = tuple(sorted((*answers, (proposal, answer))))
        return FixedLine(self.moves, answers)

    def __str__(self) -> str:
        moves = " ".join(str(move) for move in self.moves)
        answers = ", ".join(f"{p}: {a}" for p, a in self.answers)
        return f"{moves} [{answers or 'reject every proposal'}]"


def play_line(scenario: Scenario, line: FixedLine, seed: int) -> GameState:
    """Play a fixed line on one seed to the end of the summit."""
    state = new_game(scenario, seed)
    statement = next((Move(o.id) for o in scenario.offers if o.kind is OfferKind.STATEMENT), None)
    position = 0
    for _ in range(MAX_DECISIONS):
        if state.is_over:
            return state
        if state.pending is not None:
            move = Move(line.answer(scenario.proposals[state.pending.proposal].id))
            if not is_legal(state, move):
                move = Move(REJECT)
        else:
            move, position = _next_move(state, line.moves, position, statement)
        state = apply(state, move).state
    raise RuntimeError(f"the fixed line did not finish a game in {MAX_DECISIONS} decisions")


def _next_move(
    state: GameState, moves: Sequence[Move], position: int, statement: Move | None
) -> tuple[Move, int]:
    """The line's next playable move and where the line then stands: down the list once,
    then the statement if it can be made, then round the list again."""
    count = len(moves)
    if position < count:
        for index in range(position, count):
            if is_legal(state, moves[index]):
                return moves[index], index + 1
        position = count
    if statement is not None and is_legal(state, statement):
        return statement, position
    for step in range(count):
        index = position + step
        if is_legal(state, moves[index % count]):
            return moves[index % count], index + 1
    available = available_moves(state)
    waiting = [m for m in available if state.scenario.offer(m.offer).kind is OfferKind.RECESS]
    return (waiting or list(available))[0], position


# --- scoring ----------------------------------------------------------------------------


def mean_score(state: GameState) -> float:
    """The mean of the scenario's scorecards at the end of a game."""
    result = outcome(state)
    assert result is not None
    return sum(score.value for score in result.scores) / max(len(result.scores), 1)


def top_tier(scenario: Scenario) -> int:
    """The highest tier among the scenario's endings."""
    return max((ending.tier for ending in scenario.endings), default=0)


def is_top(state: GameState) -> bool:
    """True when the game ended in a top-tier ending."""
    result = outcome(state)
    assert result is not None
    return result.ending.tier == top_tier(state.scenario)


@attrs.frozen
class LineScore:
    """How a line did over a set of seeds."""

    top: float
    """Share of games with a top-tier ending."""
    score: float
    """Mean scorecard, averaged over the games."""
    games: int

    def key(self, by_score: bool) -> tuple[float, float]:
        return (self.score, self.top) if by_score else (self.top, self.score)


def score_line(scenario: Scenario, line: FixedLine, seeds: Sequence[int]) -> LineScore:
    """Play a line on every seed and sum it up."""
    tops = 0
    total = 0.0
    for seed in seeds:
        state = play_line(scenario, line, seed)
        tops += is_top(state)
        total += mean_score(state)
    count = max(len(seeds), 1)
    return LineScore(tops / count, total / count, len(seeds))


# --- the search -------------------------------------------------------------------------


def _candidates(scenario: Scenario) -> tuple[Move, ...]:
    """Every move a line may hold: each offer in each form (walking away included)."""
    moves: list[Move] = []
    for offer in scenario.offers:
        if offer.variants:
            moves.extend(Move(offer.id, v.id) for v in offer.variants)
        else:
            moves.append(Move(offer.id))
    return tuple(moves)


def _scenario_lines(scenario: Scenario) -> list[FixedLine]:
    """The scenario's own named lines, read as fixed lines (answers after the offer that drew a
    proposal are taken as the answer to that offer's counter-offer)."""
    lines = []
    for named in scenario.lines:
        moves: list[Move] = []
        answers: dict[str, str] = {}
        for text in named.moves:
            move = Move.parse(text)
            if move.is_answer:
                if moves:
                    counter = scenario.offer(moves[-1].offer).counter
                    if counter is not None:
                        answers[counter] = move.offer
                continue
            moves.append(move)
        lines.append(
            FixedLine(
                tuple(moves), tuple(sorted((p, a) for p, a in answers.items() if a != REJECT))
            )
        )
    return lines


class _Searcher:
    """Hill climbing with restarts over fixed lines; every evaluation is counted."""

    def __init__(
        self,
        scenario: Scenario,
        seeds: Sequence[int],
        budget: int,
        *,
        by_score: bool,
        salt: str,
    ) -> None:
        self.scenario = scenario
        self.seeds = tuple(seeds)
        self.budget = budget
        self.by_score = by_score
        self.rng = seed_state(f"analyze:{salt}", len(self.seeds))
        self.moves = _candidates(scenario)
        self.proposals = tuple(p.id for p in scenario.proposals)
        self.used = 0
        self.cache: dict[FixedLine, LineScore] = {}

    def evaluate(self, line: FixedLine) -> LineScore:
        found = self.cache.get(line)
        if found is None:
            self.used += 1
            found = score_line(self.scenario, line, self.seeds)
            self.cache[line] = found
        return found

    def better(self, a: LineScore, b: LineScore) -> bool:
        return a.key(self.by_score) > b.key(self.by_score)

    def pick(self, count: int) -> int:
        value, self.rng = draw(self.rng, 0, count - 1)
        return value

    def mutate(self, line: FixedLine) -> FixedLine:
        moves = list(line.moves)
        kind = self.pick(6)
        if kind == 0 and self.proposals:
            proposal = self.proposals[self.pick(len(self.proposals))]
            return line.with_answer(proposal, ANSWERS[self.pick(len(ANSWERS))])
        if kind == 1 and len(moves) < LINE_LENGTH:
            moves.insert(self.pick(len(moves) + 1), self.moves[self.pick(len(self.moves))])
        elif kind == 2 and len(moves) > 1:
            moves.pop(self.pick(len(moves)))
        elif kind == 3 and len(moves) > 1:
            i, j = self.pick(len(moves)), self.pick(len(moves))
            moves[i], moves[j] = moves[j], moves[i]
        elif kind == 4 and len(moves) > 1:
            move = moves.pop(self.pick(len(moves)))
            moves.insert(self.pick(len(moves) + 1), move)
        elif moves:
            moves[self.pick(len(moves))] = self.moves[self.pick(len(self.moves))]
        else:
            moves.append(self.moves[self.pick(len(self.moves))])
        return FixedLine(tuple(moves), line.answers)

    def construct(self, share: float) -> FixedLine:
        """Build a line move by move, each time appending the move that does best, within
        ``share`` of the budget."""
        line = FixedLine(())
        limit = self.used + int(self.budget * share)
        best_score: LineScore | None = None
        while len(line.moves) < LINE_LENGTH and self.used < limit:
            step_best: tuple[FixedLine, LineScore] | None = None
            for move in self.moves:
                if self.used >= limit:
                    break
                trial = FixedLine((*line.moves, move), line.answers)
                result = self.evaluate(trial)
                if step_best is None or self.better(result, step_best[1]):
                    step_best = (trial, result)
            if step_best is None or (
                best_score is not None and not self.better(step_best[1], best_score)
            ):
                break
            line, best_score = step_best
        return line

    def climb(self, start: FixedLine, limit: int) -> tuple[FixedLine, LineScore]:
        best = start
        best_score = self.evaluate(best)
        while self.used < limit:
            trial = self.mutate(best)
            result = self.evaluate(trial)
            if not self.better(best_score, result):
                best, best_score = trial, result
        return best, best_score

    def run(self, starts: Iterable[FixedLine]) -> tuple[FixedLine, LineScore]:
        pool = [(line, self.evaluate(line)) for line in starts]
        pool.append((self.construct(0.35), LineScore(0, 0, 0)))
        pool = [(line, self.evaluate(line)) for line, _ in pool]
        pool.sort(key=lambda item: item[1].key(self.by_score), reverse=True)
        best, best_score = pool[0]
        rounds = 3
        for index in range(rounds):
            if self.used >= self.budget:
                break
            start = pool[index % len(pool)][0] if index else best
            limit = self.used + (self.budget - self.used) // (rounds - index)
            line, result = self.climb(start, limit)
            if self.better(result, best_score):
                best, best_score = line, result
        return _trim(self, best), best_score


def _trim(searcher: _Searcher, line: FixedLine) -> FixedLine:
    """Drop moves the line never gets to play, and answers it never gives, when that changes
    nothing: what is reported is what was played."""
    score = searcher.evaluate(line)
    for index in reversed(range(len(line.moves))):
        shorter = FixedLine(line.moves[:index] + line.moves[index + 1 :], line.answers)
        if shorter.moves and searcher.evaluate(shorter) == score:
            line = shorter
    for proposal, _ in line.answers:
        plain = line.with_answer(proposal, REJECT)
        if searcher.evaluate(plain) == score:
            line = plain
    return line


def search_line(
    scenario: Scenario,
    seeds: Sequence[int],
    budget: int,
    *,
    by_score: bool = False,
    salt: str = "all",
) -> tuple[FixedLine, LineScore]:
    """The best fixed line found within ``budget`` evaluations on ``seeds``: most top-tier
    endings first (or the best mean scorecard with ``by_score``)."""
    line, score, _ = _search(scenario, seeds, budget, by_score=by_score, salt=salt)
    return line, score


def _search(
    scenario: Scenario, seeds: Sequence[int], budget: int, *, by_score: bool, salt: str
) -> tuple[FixedLine, LineScore, int]:
    """:func:`search_line`, with the number of lines it evaluated."""
    searcher = _Searcher(scenario, seeds, budget, by_score=by_score, salt=salt)
    line, score = searcher.run(_scenario_lines(scenario))
    return line, score, searcher.used


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
    best: FixedLine
    train: LineScore
    test: LineScore
    counterproductive: tuple[str, ...]
    """Moves of the best line that the scenario marks counterproductive (none, we hope)."""
    profiles: tuple[ProfileFigures, ...]
    openings: tuple[OpeningRate, ...]
    proposals: ProposalFigures
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
    best, trained, used = _search(scenario, train_seeds, budget, by_score=False, salt="all")
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
        line, _, spent = _search(
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
