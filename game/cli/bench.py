"""Benchmarks of the engine: turns and games per second on one core, and scenario load time.

Run with ``python -m game bench``. The figures are measured, not asserted: the tests check
behaviour, this command tracks speed.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game import __version__
from game.engine import apply, new_game
from game.engine.describe import StrategyName
from game.engine.state import GameState, Move
from game.engine.strategies import play
from game.engine.transcript import to_document
from game.store.scenarios import DEFAULT_SCENARIO, read_scenario, resolve

TARGET_TURNS_PER_SECOND = 30_000
TARGET_LOAD_MS = 25.0


def _best_of(repeats: int, run: Callable[[], float]) -> float:
    return min(run() for _ in range(repeats))


def _scripts(scenario_path: Path, games: int) -> list[tuple[int, list[Move]]]:
    """Move lists from real games: half random play, half the essay's line."""
    scenario = read_scenario(scenario_path)
    scripts = []
    for seed in range(games):
        strategy = StrategyName.RANDOM if seed % 2 else StrategyName.ESSAY
        state = play(scenario, strategy, seed)
        scripts.append((seed, [turn.move for turn in state.turns]))
    return scripts


def measure(
    scenario_ref: str = DEFAULT_SCENARIO, games: int = 2000, repeats: int = 5
) -> dict[str, Any]:
    """Measure and return the figures as a dictionary."""
    path = resolve(scenario_ref)
    load_times = []
    for _ in range(max(repeats * 4, 10)):
        start = time.perf_counter()
        scenario = read_scenario(path)
        load_times.append((time.perf_counter() - start) * 1000)

    scripts = _scripts(path, games)
    turns = sum(len(moves) for _, moves in scripts)

    def replay_all() -> float:
        start = time.perf_counter()
        for seed, moves in scripts:
            state: GameState = new_game(scenario, seed)
            for move in moves:
                state = apply(state, move).state
            to_document(state, game_version=__version__)
        return time.perf_counter() - start

    elapsed = _best_of(repeats, replay_all)

    def strategy_games() -> float:
        start = time.perf_counter()
        for seed in range(games // 2):
            to_document(play(scenario, StrategyName.ESSAY, seed), game_version=__version__)
        return time.perf_counter() - start

    strategy_elapsed = _best_of(max(1, repeats // 2), strategy_games)
    return {
        "scenario": scenario.id,
        "games": games,
        "turns": turns,
        "turns_per_second": round(turns / elapsed),
        "games_per_second": round(games / elapsed),
        "strategy_games_per_second": round((games // 2) / strategy_elapsed),
        "scenario_load_ms_median": round(statistics.median(load_times), 2),
        "scenario_load_ms_max": round(max(load_times), 2),
        "targets": {
            "turns_per_second": TARGET_TURNS_PER_SECOND,
            "scenario_load_ms": TARGET_LOAD_MS,
        },
    }


def report(figures: dict[str, Any]) -> str:
    """The figures as readable lines, each with what it measures and its target."""
    turns_ok = figures["turns_per_second"] >= TARGET_TURNS_PER_SECOND
    load_ok = figures["scenario_load_ms_median"] <= TARGET_LOAD_MS
    return "\n".join(
        [
            f"Engine benchmark on one core ({figures['scenario']}, {figures['games']} games, "
            f"{figures['turns']} turns; explanations, turn hashes and transcripts on)",
            f"  turns per second        {figures['turns_per_second']:>10,}   target >= "
            f"{TARGET_TURNS_PER_SECOND:,}  {'ok' if turns_ok else 'BELOW TARGET'}",
            f"  games per second        {figures['games_per_second']:>10,}   "
            "(replaying recorded games)",
            f"  strategy games/second   {figures['strategy_games_per_second']:>10,}   "
            "(the essay strategy choosing its own moves)",
            f"  scenario load + check   {figures['scenario_load_ms_median']:>10.2f} ms median, "
            f"{figures['scenario_load_ms_max']:.2f} ms worst   target <= {TARGET_LOAD_MS:.0f} ms  "
            f"{'ok' if load_ok else 'ABOVE TARGET'}",
        ]
    )
