"""Games a class test hands in: written transcripts of built-in strategies."""

from __future__ import annotations

from pathlib import Path

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


def adas_game(path: Path, scenario: Scenario) -> Path:
    """Ada's transcript of the essay's line on seed 1, written at ``path``."""
    write_transcript(path, play(scenario, "essay", 1), Who("Ada"))
    return path
