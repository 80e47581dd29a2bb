"""Benchmarks of the engine: turns and games per second on one core, scenario load time, and
the same machine's rate for NegMAS's alternating-offers rounds as a yardstick.

Run with ``python -m game bench``. The figures are measured, not asserted: the tests check
behaviour, this command tracks speed. NegMAS is an optional extra
(``pip install -e ".[bench]"``); without it the engine's figures are reported alone.
"""

from __future__ import annotations

import importlib
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from game import __version__
from game.engine import apply, new_game
from game.engine.describe import StrategyName
from game.engine.state import GameState, Move
from game.engine.strategies import play
from game.engine.transcript import to_document
from game.store.scenarios import DEFAULT_SCENARIO, read_scenario, resolve

TARGET_TURNS_PER_SECOND = 30_000
TARGET_LOAD_MS = 25.0
TARGET_NEGMAS_RATIO = 10.0
"""The engine's turns per second over NegMAS's rounds per second, measured in the same run."""

NEGMAS_SETUP: Final = (
    "SAOMechanism, two AspirationNegotiators, 3 issues of 10 x 11 x 10 outcomes, random "
    "normalized linear additive utilities with reserved value 0.9, at most 200 steps; "
    "mechanism creation included"
)
NOT_INSTALLED: Final = (
    'bench: NegMAS is not installed (pip install -e ".[bench]"), so the engine\'s figures '
    "are reported alone"
)


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


def _negmas() -> tuple[Any, Any] | None:
    """NegMAS and its preferences module, or None when it is not installed."""
    try:
        return importlib.import_module("negmas"), importlib.import_module("negmas.preferences")
    except ImportError:
        return None


def _negmas_window(modules: tuple[Any, Any], seconds: float) -> tuple[int, int, float]:
    """Whole NegMAS negotiations (see :data:`NEGMAS_SETUP`) run back to back for ``seconds``:
    how many, their rounds (``state.step``) and the time they took."""
    negmas, preferences = modules
    issues = [
        negmas.make_issue(name="price", values=10),
        negmas.make_issue(name="quantity", values=(1, 11)),
        negmas.make_issue(name="delivery", values=10),
    ]
    utility = preferences.LinearAdditiveUtilityFunction
    negotiations = rounds = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        mechanism = negmas.SAOMechanism(issues=issues, n_steps=200)
        for side in ("buyer", "seller"):
            wants = utility.random(mechanism.outcome_space, reserved_value=0.9, normalized=True)
            mechanism.add(negmas.AspirationNegotiator(name=side), preferences=wants)
        rounds += int(mechanism.run().step)
        negotiations += 1
    return negotiations, rounds, time.perf_counter() - start


def _negmas_figures(version: str, windows: Sequence[tuple[int, int, float]]) -> dict[str, Any]:
    seconds = sum(elapsed for _, _, elapsed in windows)
    rounds = sum(count for _, count, _ in windows)
    return {
        "version": version,
        "setup": NEGMAS_SETUP,
        "negotiations": sum(count for count, _, _ in windows),
        "rounds": rounds,
        "seconds": round(seconds, 2),
        "rounds_per_second": round(rounds / seconds),
        "best_window_rounds_per_second": round(max(count / t for _, count, t in windows)),
    }


def measure(
    scenario_ref: str = DEFAULT_SCENARIO,
    games: int = 2000,
    repeats: int = 5,
    negmas_seconds: float | None = 5.0,
) -> dict[str, Any]:
    """Measure and return the figures as a dictionary (NegMAS's too, for ``negmas_seconds``,
    unless it is None or NegMAS is not installed)."""
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

    # NegMAS runs in windows between the engine's runs, so that both meet the machine as it
    # is at the same moments: a busy spell slows both, not one of them.
    modules = None if negmas_seconds is None else _negmas()
    runs, windows = [], []
    for _ in range(repeats):
        runs.append(replay_all())
        if modules is not None and negmas_seconds is not None:
            windows.append(_negmas_window(modules, negmas_seconds / repeats))
    elapsed = min(runs)

    def strategy_games() -> float:
        start = time.perf_counter()
        for seed in range(games // 2):
            to_document(play(scenario, StrategyName.ESSAY, seed), game_version=__version__)
        return time.perf_counter() - start

    strategy_elapsed = _best_of(max(1, repeats // 2), strategy_games)
    turns_per_second = round(turns / elapsed)
    negmas = None
    ratio = best_ratio = None
    if modules is not None:
        negmas = _negmas_figures(str(modules[0].__version__), windows)
        ratio = round(turns_per_second / negmas["rounds_per_second"], 1)
        best_ratio = round(turns_per_second / negmas["best_window_rounds_per_second"], 1)
    return {
        "scenario": scenario.id,
        "games": games,
        "turns": turns,
        "turns_per_second": turns_per_second,
        "games_per_second": round(games / elapsed),
        "strategy_games_per_second": round((games // 2) / strategy_elapsed),
        "scenario_load_ms_median": round(statistics.median(load_times), 2),
        "scenario_load_ms_max": round(max(load_times), 2),
        "negmas": negmas,
        "negmas_ratio": ratio,
        "negmas_ratio_best": best_ratio,
        "targets": {
            "turns_per_second": TARGET_TURNS_PER_SECOND,
            "scenario_load_ms": TARGET_LOAD_MS,
            "negmas_ratio": TARGET_NEGMAS_RATIO,
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
            *_negmas_lines(figures),
        ]
    )


def _negmas_lines(figures: dict[str, Any]) -> list[str]:
    negmas = figures.get("negmas")
    if not negmas:
        return []
    ratio = figures["negmas_ratio"]
    ratio_ok = ratio >= TARGET_NEGMAS_RATIO
    return [
        f"  NegMAS rounds/second    {negmas['rounds_per_second']:>10,}   (NegMAS "
        f"{negmas['version']}: {negmas['negotiations']} alternating-offers negotiations, "
        f"{negmas['rounds']:,} rounds in {negmas['seconds']:.1f} s)",
        f"  engine turns per NegMAS round {ratio:>4.1f}x   target >= {TARGET_NEGMAS_RATIO:.0f}x  "
        f"{'ok' if ratio_ok else 'BELOW TARGET'}",
        f"  best against best             {figures['negmas_ratio_best']:>4.1f}x   (NegMAS's best "
        f"window, {negmas['best_window_rounds_per_second']:,} rounds/second, against the "
        "engine's best run)",
    ]
