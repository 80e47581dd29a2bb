"""``check``: scenario files validated as the game loads them, their known games replayed, and
compared with the installed scenarios."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.cli.parser import EXIT_BAD_INPUT, EXIT_OK
from game.engine import Scenario, ScenarioError
from game.engine.describe import printable
from game.engine.parse_checks import known_game_problems
from game.store.scenarios import load_scenario, resolve, scenario_names

if TYPE_CHECKING:
    import argparse


def shown_path(path: Path) -> Path:
    """A path as short as it can be said from here."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def clashes(path: Path, scenario: Scenario) -> list[str]:
    """Installed scenarios (other files) that already use this scenario's id or class code."""
    problems = []
    for other_path in (shown_path(resolve(name)) for name in scenario_names()):
        if other_path.resolve() == path.resolve():
            continue
        try:
            other = load_scenario(other_path)
        except ScenarioError:
            continue
        if other.id == scenario.id:
            problems.append(
                f'{path}: id: expected an id no installed scenario uses, got "{scenario.id}" '
                f"(also {other_path})"
            )
        if other.code == scenario.code:
            problems.append(
                f"{path}: code: expected a class code no installed scenario uses, got "
                f'"{scenario.code}" (also {other_path})'
            )
    return problems


def check(args: argparse.Namespace) -> int:
    """Every problem of each file named, one line each; ``FILE: ok`` for a file without any."""
    status = EXIT_OK
    for name in args.files:
        path = resolve(name)
        try:
            scenario = load_scenario(path)
        except ScenarioError as error:
            problems = error.problems
        else:
            problems = known_game_problems(scenario, str(path)) + clashes(path, scenario)
        for problem in problems:
            print(printable(problem))
        if problems:
            status = EXIT_BAD_INPUT
        else:
            print(printable(f"{path}: ok"))
    return status
