"""Shared fixtures. The display and audio drivers are set before anything imports pygame."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections.abc import Iterable, Iterator
from pathlib import Path

import pygame
import pytest

from game.draw.context import UiContext
from game.engine import GameState, Move, Scenario
from game.engine.search import Found, finished_games, rich_game
from game.store.files import HOME_ENV
from game.store.scenarios import load_scenario
from game.store.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def hanoi() -> Scenario:
    """The Hanoi scenario, loaded once."""
    return load_scenario("hanoi")


@pytest.fixture(scope="session")
def games(hanoi: Scenario) -> dict[str, Found]:
    """A finished game of Hanoi for every ending (seed 7), found once."""
    return finished_games(hanoi, 7)


@pytest.fixture(scope="session")
def rich(hanoi: Scenario) -> GameState:
    """A finished game of Hanoi with plenty to debrief (seed 7)."""
    return rich_game(hanoi, 7)


@pytest.fixture(scope="session", autouse=True)
def _pygame_fonts() -> Iterator[None]:
    pygame.font.init()
    yield
    pygame.quit()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the game may write during this test: saves and settings never reach the real
    user folders."""
    directory = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(directory))
    return directory


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's own folder made the working directory, so that files are named as typed."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def ctx() -> UiContext:
    """A drawing context with default settings."""
    return UiContext(Settings())


def hotseat_out_of_turn(
    scenario: Scenario, seeds: Iterable[int] = range(30)
) -> Iterator[tuple[GameState, Move]]:
    """The opening of a hot-seat game on each seed, with each offer that serves only what they
    want later (refusing it costs the rules' early cost)."""
    from game.engine import available_moves, new_game
    from game.engine.foresight import out_of_turn

    for seed in seeds:
        state = new_game(scenario, seed, hotseat=True)
        for move in available_moves(state):
            if not move.is_answer and out_of_turn(state, move):
                yield state, move
