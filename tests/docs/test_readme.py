"""README.md's project layout: every path it names exists, and every package of the game (down to
the window's widgets, scenes and screens) has a row."""

from __future__ import annotations

import re

from tests.docs.helpers import ROOT, doc_text

TEXT = doc_text(ROOT / "README.md")
LAYOUT = TEXT[TEXT.index("## Project layout") : TEXT.index("## Licence")]


def _rows() -> list[str]:
    return re.findall(r"^\| `([^`]+)` \|", LAYOUT, flags=re.MULTILINE)


def test_every_path_in_the_layout_exists() -> None:
    named = set(re.findall(r"`((?:game|tests|scenarios|docs|assets|benchmarks)/[\w/.]*)`", LAYOUT))
    assert named, "no paths found: the pattern is wrong"
    assert sorted(path for path in named if not (ROOT / path).exists()) == []


def test_every_package_of_the_game_has_a_row() -> None:
    packages = sorted(
        path.parent.relative_to(ROOT).as_posix() + "/"
        for path in (ROOT / "game").rglob("__init__.py")
        if path.parent != ROOT / "game"
    )
    assert packages
    assert sorted(set(packages) - set(_rows())) == []
