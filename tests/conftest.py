"""Shared fixtures. The display and audio drivers are set before anything imports pygame."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path

import pytest

from game.engine import Scenario
from game.store.scenarios import load_scenario

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def hanoi() -> Scenario:
    """The Hanoi scenario, loaded once."""
    return load_scenario("hanoi")


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test's saves and settings out of the real user folders."""
    monkeypatch.setenv("HANOI_SUMMIT_HOME", str(tmp_path / "home"))
