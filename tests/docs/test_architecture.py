"""docs/architecture.md: every file and folder of the game it names exists, every package of the
game is described, and every command it shows is one the command line has."""

from __future__ import annotations

import re

from tests.docs.helpers import ARCHITECTURE_DOC, ROOT, command_line, doc_text

TEXT = doc_text(ARCHITECTURE_DOC)


def test_every_path_it_names_exists() -> None:
    named = set(re.findall(r"`((?:game|tests|scenarios|docs)/[\w/.]*)`", TEXT))
    assert named, "no paths found: the pattern is wrong"
    assert sorted(path for path in named if not (ROOT / path).exists()) == []


def test_every_package_of_the_game_is_described() -> None:
    packages = sorted(
        path.parent.relative_to(ROOT).as_posix() for path in (ROOT / "game").glob("*/__init__.py")
    )
    assert packages
    assert [package for package in packages if f"`{package}/`" not in TEXT] == []


def test_every_command_it_shows_exists() -> None:
    _, commands = command_line()
    shown = set(re.findall(r"python -m game ([a-z]+)", TEXT))
    assert shown, "no commands found: the pattern is wrong"
    assert sorted(shown - commands) == []
