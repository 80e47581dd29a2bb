"""Games a class test hands in: written transcripts of built-in strategies."""

from __future__ import annotations

from pathlib import Path

from game.classroom.classcode import decode
from game.engine import Scenario
from game.engine.strategies import play
from game.store.transcripts import write_transcript
from game.store.who import Who


def three_students(folder: Path, scenario: Scenario) -> list[str]:
    """Ada (the essay's line), Alan (the dove's) and Grace (the hawk's) on seed 1, written
    into ``folder``: their transcripts' paths, as a teacher gives them."""
    games = []
    for line, name in zip(["essay", "dove", "hawk"], ["Ada", "Alan", "Grace"], strict=True):
        path = folder / f"{name}.toml"
        write_transcript(path, play(scenario, line, 1), Who(name))
        games.append(str(path))
    return games


def graded_game(path: Path, scenario: Scenario, line: str, name: str, code: str) -> Path:
    """``name``'s graded game of ``scenario`` with the class code ``code``, played by the
    built-in strategy ``line`` on the code's seed, written at ``path``."""
    write_transcript(path, play(scenario, line, decode(code).seed), Who(name, "graded", code))
    return path


def adas_game(path: Path, scenario: Scenario) -> Path:
    """Ada's transcript of the essay's line on seed 1, written at ``path``."""
    write_transcript(path, play(scenario, "essay", 1), Who("Ada"))
    return path
