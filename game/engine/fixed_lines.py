"""Fixed lines of play and the search for the best one.

A *fixed line* is what a student copies from a friend: a list of moves played in order without
reading a single reply (a move that cannot be played at that moment is skipped; once the list
is played through, the statement is put forward if it can be, else the list starts again) and
one fixed answer to each proposal of theirs. :func:`search_line` looks for the line that does
best on a set of seeds, by hill climbing with restarts; :mod:`game.engine.analysis` adds the
rest of the balance picture.

Pure and deterministic like the rest of the engine: the search draws from the engine's own
generator, seeded from the scenario, so the same arguments always give the same line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Final

import attrs

from game.engine.moves import available_moves, is_legal
from game.engine.rng import draw, seed_state
from game.engine.rules import new_game, outcome
from game.engine.scenario import OfferKind, Scenario
from game.engine.state import ANSWERS, REJECT, GameState, Move
from game.engine.turns import apply

MAX_DECISIONS: Final = 200
"""A guard: a fixed line always ends before this (the schedule ends every game sooner)."""

LINE_LENGTH: Final = 16
"""The longest line the search builds."""

STUCK_AFTER: Final = 64
"""Lines the climb may make in a row that it has evaluated already before it asks whether any
new one is within reach (the wait doubles each time one is)."""


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
    """Hill climbing with restarts over fixed lines; every evaluation is counted, and a climb
    ends early when no line it can still make is new."""

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
        repeats, patience = 0, STUCK_AFTER
        while self.used < limit:
            trial = self.mutate(best)
            known = trial in self.cache
            result = self.evaluate(trial)
            if not self.better(best_score, result):
                best, best_score = trial, result
            repeats = repeats + 1 if known else 0
            if repeats >= patience:
                # Every line the climb can still reach may be one it has played already (a
                # scenario with few moves): stop then, for evaluations no longer count.
                if not self.can_reach_new(best, best_score):
                    break
                repeats, patience = 0, patience * 2
        return best, best_score

    def can_reach_new(self, start: FixedLine, floor: LineScore) -> bool:
        """True if a climb from ``start`` can still make a line not yet evaluated: one that
        :meth:`mutate` makes from ``start`` or from an evaluated line no worse than ``floor``
        that the climb can move to."""
        seen = {start}
        todo = [start]
        while todo:
            for near in self.neighbours(todo.pop()):
                found = self.cache.get(near)
                if found is None:
                    return True
                if near not in seen and not self.better(floor, found):
                    seen.add(near)
                    todo.append(near)
        return False

    def neighbours(self, line: FixedLine) -> Iterator[FixedLine]:
        """Every line :meth:`mutate` can make from ``line``, each case under the same
        conditions as there."""
        moves = line.moves
        count = len(moves)
        for proposal in self.proposals:
            for answer in ANSWERS:
                yield line.with_answer(proposal, answer)

        def made(changed: Sequence[Move]) -> FixedLine:
            return FixedLine(tuple(changed), line.answers)

        if count < LINE_LENGTH:
            for at in range(count + 1):
                for move in self.moves:
                    yield made((*moves[:at], move, *moves[at:]))
        if count > 1:
            for i in range(count):
                rest = (*moves[:i], *moves[i + 1 :])
                yield made(rest)
                for at in range(count):
                    yield made((*rest[:at], moves[i], *rest[at:]))
                for j in range(count):
                    swapped = list(moves)
                    swapped[i], swapped[j] = swapped[j], swapped[i]
                    yield made(swapped)
        for i in range(count):
            for move in self.moves:
                yield made((*moves[:i], move, *moves[i + 1 :]))
        if not count:
            for move in self.moves:
                yield made((move,))

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
    line, score, _ = counted_search(scenario, seeds, budget, by_score=by_score, salt=salt)
    return line, score


def counted_search(
    scenario: Scenario, seeds: Sequence[int], budget: int, *, by_score: bool, salt: str
) -> tuple[FixedLine, LineScore, int]:
    """:func:`search_line`, with the number of lines it evaluated."""
    searcher = _Searcher(scenario, seeds, budget, by_score=by_score, salt=salt)
    line, score = searcher.run(_scenario_lines(scenario))
    return line, score, searcher.used
