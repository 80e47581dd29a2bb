"""Seeded batches of games played by built-in strategies, split across processes.

Game ``i`` of a batch with seed ``K`` is played with seed ``K + i``, and the counts of every
chunk are summed, so the result is the same whatever the number of processes.
"""

from __future__ import annotations

import collections
import multiprocessing
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final

import attrs

from game.cli.parser import MAX_GAMES
from game.engine import Scenario, Terminal, outcome
from game.engine.describe import StrategyName
from game.engine.strategies import STRATEGIES, play
from game.store.scenarios import load_scenario

CHUNK: Final = 2500
"""Games per task: small enough for steady progress, large enough to keep overhead low."""


@attrs.frozen
class Tally:
    """Counts from a set of games."""

    games: int
    turns: int
    endings: dict[str, int]
    accords: dict[str, int]
    terminals: dict[str, int]

    @classmethod
    def empty(cls) -> Tally:
        return cls(0, 0, {}, {}, {})

    def __add__(self, other: Tally) -> Tally:
        def merged(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
            total = collections.Counter(a)
            total.update(b)
            return dict(total)

        return Tally(
            self.games + other.games,
            self.turns + other.turns,
            merged(self.endings, other.endings),
            merged(self.accords, other.accords),
            merged(self.terminals, other.terminals),
        )


def play_chunk(scenario_path: str, strategy: StrategyName, first_seed: int, count: int) -> Tally:
    """Play ``count`` games with consecutive seeds and count what happened."""
    scenario = load_scenario(Path(scenario_path))
    endings: collections.Counter[str] = collections.Counter()
    accords: collections.Counter[str] = collections.Counter()
    terminals: collections.Counter[str] = collections.Counter()
    turns = 0
    for seed in range(first_seed, first_seed + count):
        result = outcome(play(scenario, strategy, seed))
        assert result is not None
        endings[result.ending.id] += 1
        terminals[result.terminal.value] += 1
        accords.update({accord.id for accord in result.accords})
        turns += result.turns
    return Tally(count, turns, dict(endings), dict(accords), dict(terminals))


Chunk = tuple[str, StrategyName, int, int]
"""What :func:`play_chunk` is called with: the scenario's path, the strategy, the first seed
and the number of games."""


def _play_chunk(chunk: Chunk) -> Tally:
    return play_chunk(*chunk)


def _ignore_ctrl_c() -> None:
    """A worker leaves Ctrl-C to the batch, which stops every worker at once: interrupted
    themselves, the workers of a process pool wait for more work, or die and are replaced.
    SIGTERM, which the batch sends to stop them, stops a worker at once (the command meets it
    as Ctrl-C, and a worker made by forking would too)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@attrs.frozen
class BatchResult:
    """What a batch produced, ready to print as a table or JSON."""

    strategy: StrategyName
    scenario: str
    games: int
    seed: int
    tally: Tally

    @property
    def mean_turns(self) -> float:
        return round(self.tally.turns / self.games, 3) if self.games else 0.0

    @property
    def walkout_share(self) -> float:
        """Share of games in which either side left the table."""
        left = sum(
            self.tally.terminals.get(t.value, 0) for t in (Terminal.WALKOUT, Terminal.WALKED_AWAY)
        )
        return round(left / self.games, 4) if self.games else 0.0

    def to_json(self) -> dict[str, Any]:
        def ordered(counts: dict[str, int]) -> dict[str, int]:
            return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

        return {
            "strategy": self.strategy,
            "scenario": self.scenario,
            "games": self.games,
            "seed": self.seed,
            "endings": ordered(self.tally.endings),
            "accords": ordered(self.tally.accords),
            "terminals": ordered(self.tally.terminals),
            "mean_turns": self.mean_turns,
            "walkout_share": self.walkout_share,
        }


def run_batch(
    scenario_path: Path,
    strategy: StrategyName,
    games: int,
    seed: int,
    *,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Play ``games`` games (1 to :data:`MAX_GAMES`) with ``strategy`` using ``jobs`` processes
    (at most one per block of :data:`CHUNK` games)."""
    if strategy not in STRATEGIES:
        raise KeyError(strategy)
    if not 1 <= games <= MAX_GAMES:
        raise ValueError(f"a batch plays 1 to {MAX_GAMES} games, got {games}")
    scenario = load_scenario(scenario_path)
    # Made one at a time: a list of every block of a huge batch would not fit in memory.
    chunks: Iterator[Chunk] = (
        (str(scenario_path), strategy, seed + start, min(CHUNK, games - start))
        for start in range(0, games, CHUNK)
    )
    blocks = -(-games // CHUNK)
    total = Tally.empty()
    done = 0
    if jobs <= 1 or blocks <= 1:
        for chunk in chunks:
            part = play_chunk(*chunk)
            total += part
            done += part.games
            if progress:
                progress(done, games)
    else:
        # Leaving the pool (Ctrl-C, a failed chunk) terminates its workers, so the batch stops
        # at once rather than after the games already handed out.
        with multiprocessing.Pool(min(jobs, blocks), initializer=_ignore_ctrl_c) as pool:
            for part in pool.imap(_play_chunk, chunks):
                total += part
                done += part.games
                if progress:
                    progress(done, games)
    return BatchResult(strategy, scenario.id, games, seed, total)


NAME_WIDTH: Final = 40
"""The first column of the batch's tables at the least."""
MOST_WIDTH: Final = 64
"""And at the most."""


def table(result: BatchResult, scenario: Scenario) -> str:
    """The batch as a readable table: its first column as wide as its longest name (between
    :data:`NAME_WIDTH` and :data:`MOST_WIDTH`; past that a name is cut, with an ellipsis)."""
    titles = {ending.id: ending.title for ending in scenario.endings}
    games = result.games
    last = result.seed + games - 1
    endings = sorted(result.tally.endings.items(), key=lambda i: (-i[1], i[0]))
    accords = sorted(result.tally.accords.items(), key=lambda i: (-i[1], i[0]))
    rows = [
        ("Ending", [(titles.get(ending, ending), count) for ending, count in endings]),
        ("Accord on the record", [(scenario.accord_label(a), count) for a, count in accords]),
    ]
    longest = max((len(name) for _, found in rows for name, _ in found), default=0)
    width = min(max(NAME_WIDTH, longest + 2), MOST_WIDTH)
    lines = [
        f"Strategy {result.strategy}: {games} games on {result.scenario}, "
        f"seeds {result.seed}..{last}",
    ]
    for heading, found in rows:
        lines += ["", f"{heading:<{width}}{'Games':>8}{'Share':>9}"]
        for name, count in found:
            # A name longer than the widest column (a scenario's own, of any length) is cut.
            shown = name[: width - 3] + "\u2026" if len(name) > width - 1 else name
            lines.append(f"{shown:<{width}}{count:>8}{count / games:>9.1%}")
    lines += [
        "",
        f"Either side left the table in {result.walkout_share:.1%} of games.",
        f"Mean decisions per game: {result.mean_turns:.2f}",
    ]
    return "\n".join(lines)
