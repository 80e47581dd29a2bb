"""docs/architecture.md: every file and folder of the game it names exists, every package of the
game is described, and every command it shows is one the command line has."""

from __future__ import annotations

import re

from tests.docs.helpers import (
    ARCHITECTURE_DOC,
    command_line,
    doc_text,
    game_packages,
    missing_paths,
)

TEXT = doc_text(ARCHITECTURE_DOC)


def test_every_path_it_names_exists() -> None:
    assert missing_paths(TEXT) == []


def test_every_package_of_the_game_is_described() -> None:
    assert [package for package in game_packages() if f"`{package}`" not in TEXT] == []


def test_every_command_it_shows_exists() -> None:
    _, commands = command_line()
    shown = set(re.findall(r"python -m game ([a-z]+)", TEXT))
    assert shown, "no commands found: the pattern is wrong"
    assert sorted(shown - commands) == []
