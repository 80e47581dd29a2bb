"""README.md's project layout: every path it names exists, and every package of the game (down to
the window's widgets, scenes and screens) has a row."""

from __future__ import annotations

import re

from tests.docs.helpers import ROOT, doc_text, game_packages, missing_paths

TEXT = doc_text(ROOT / "README.md")
LAYOUT = TEXT[TEXT.index("## Project layout") : TEXT.index("## Licence")]


def test_every_path_in_the_layout_exists() -> None:
    assert missing_paths(LAYOUT) == []


def test_every_package_of_the_game_has_a_row() -> None:
    rows = set(re.findall(r"^\| `([^`]+)` \|", LAYOUT, flags=re.MULTILINE))
    assert [package for package in game_packages() if package not in rows] == []
