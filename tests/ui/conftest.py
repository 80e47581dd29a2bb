"""Headless pygame for every UI test, and a private settings directory per test."""

import os

# Both must be set before pygame initialises anything; the tests never open a real window or device.
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.draw.context import UiContext
from game.store.files import HOME_ENV
from game.store.settings import Settings


@pytest.fixture(scope="session", autouse=True)
def _pygame_fonts() -> Iterator[None]:
    pygame.font.init()
    yield
    pygame.quit()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the game may write during this test."""
    directory = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(directory))
    return directory


@pytest.fixture
def ctx() -> UiContext:
    """A drawing context with default settings."""
    return UiContext(Settings())
