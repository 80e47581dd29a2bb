"""Engine benchmark: turns and games per second on one core, scenario load time, NegMAS's
alternating-offers rounds per second on the same machine (when the ``bench`` extra is
installed), and the time a 100,000-game batch takes on two processes.

Run: ``python benchmarks/engine.py [--batch-games N]`` (``python -m game bench`` prints all but
the batches).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from game.cli.batch import run_batch
from game.cli.bench import measure, report
from game.engine.describe import StrategyName
from game.store.scenarios import resolve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--batch-games", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    print(report(measure()))
    path: Path = resolve("hanoi")
    for strategy in (StrategyName.RANDOM, StrategyName.ESSAY):
        start = time.perf_counter()
        run_batch(path, strategy, args.batch_games, 0, jobs=args.jobs)
        elapsed = time.perf_counter() - start
        print(
            f"  batch {strategy:<8} {args.batch_games:,} games, {args.jobs} processes: "
            f"{elapsed:6.1f} s   target <= 60 s  {'ok' if elapsed <= 60 else 'ABOVE TARGET'}"
        )


if __name__ == "__main__":
    main()
