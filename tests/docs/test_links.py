"""Every link between the documents leads somewhere: each relative link in the README and in
``docs/`` names a file of the repository, and each ``#anchor`` (in the same page or another) a
heading of that page; and every game term the teaching kit, the role briefs and the student
pages set in italics is one the scenarios use.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tests.docs.helpers import ROOT

PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
KIT = sorted(
    path for folder in ("kit", "roles", "student") for path in (ROOT / "docs" / folder).glob("*.md")
)
_FENCED = re.compile(r"^\s*```.*?^\s*```", re.DOTALL | re.MULTILINE)
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_ITALIC = re.compile(r"(?<![*\w\\])\*(?![\s*])([^*\n]+?)(?<![\s*])\*(?![*\w])")


def _prose(path: Path) -> str:
    """A page without its code blocks (a link shown in an example is not a link)."""
    return _FENCED.sub("", path.read_text(encoding="utf-8"))


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = re.sub(r"[*_`]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    found: dict[str, int] = {}
    anchors = set()
    for heading in re.findall(r"^#{1,6} (.+?)#*$", _prose(path), re.MULTILINE):
        slug = _slug(heading)
        count = found.get(slug, 0)
        anchors.add(slug if not count else f"{slug}-{count}")
        found[slug] = count + 1
    return anchors


def test_there_are_pages_and_links() -> None:
    assert len(PAGES) > 20 and len(KIT) > 15
    assert sum(len(_LINK.findall(_prose(page))) for page in PAGES) > 100


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_link_leads_to_a_file_and_a_heading(page: Path) -> None:
    broken = []
    for target in _LINK.findall(_prose(page)):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: ... not checked offline
            continue
        name, _, anchor = target.partition("#")
        linked = (page.parent / name).resolve() if name else page
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
            broken.append(f"{target}: no heading #{anchor} in {linked.name}")
    assert broken == []


def _scenario_words() -> set[str]:
    """Every string of every bundled scenario, in any case: the game's own names."""
    words: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.add(value.casefold())
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in (ROOT / "scenarios").glob("*.toml"):
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return words


@pytest.mark.parametrize("page", KIT, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_game_term_in_italics_is_the_games_own(page: Path) -> None:
    words = _scenario_words()
    terms = _ITALIC.findall(_prose(page))
    assert sorted({term for term in terms if term.casefold() not in words}) == []
