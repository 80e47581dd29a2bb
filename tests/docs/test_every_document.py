"""Every document: each option, command and in-page link it shows exists, every verification or
class code it shows is one the game can write, and none pastes the essay the game is built on.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.classroom.classcode import ClassCodeError, decode
from game.store.scenarios import load_scenario, scenario_paths
from tests.docs.helpers import (
    ARCHITECTURE_DOC,
    MISREAD,
    MISTYPED,
    ROOT,
    SCENARIOS_DOC,
    SCRIPTING_DOC,
    TEACHING_DOC,
    command_line,
    doc_text,
    run,
)

DOCS = (SCENARIOS_DOC, SCRIPTING_DOC, TEACHING_DOC)
"""The guides for players, programmers and teachers: each shows commands, links and codes."""

ESSAY_TITLE = (
    "the hanoi summit \u2013 we asked ted carpenter what happens next in u.s.-north korea relations"
)
"""Cited by title in the teacher's guide: quoting a title is not pasting the essay."""


@pytest.mark.parametrize("doc", [*DOCS, ARCHITECTURE_DOC], ids=lambda p: p.name)
def test_the_docs_do_not_paste_the_essay(doc: Path) -> None:
    essay = ROOT.parent / "shared" / "brief" / "essay.txt"
    if not essay.exists():
        pytest.skip("the essay is reference material outside the repository")
    words = re.sub(r"\s+", " ", essay.read_text(encoding="utf-8").lower()).split(" ")
    ours = re.sub(r"\s+", " ", re.sub(r"^> ", "", doc_text(doc), flags=re.MULTILINE).lower())
    ours = ours.replace(ESSAY_TITLE, "")
    runs = (" ".join(words[i : i + 8]) for i in range(len(words) - 8))
    assert [run for run in runs if run in ours] == []


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_links_within_the_page_lead_to_a_heading(doc: Path) -> None:
    prose = re.sub(r"^```.*?^```", "", doc_text(doc), flags=re.DOTALL | re.MULTILINE)
    anchors = {_slug(found) for found in re.findall(r"^#+ (.+)$", prose, re.MULTILINE)}
    links = set(re.findall(r"\]\(#([^)]+)\)", prose))
    assert links, "no links found: the pattern is wrong"
    assert sorted(links - anchors) == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_the_commands_shown_exist(doc: Path) -> None:
    options, commands = command_line()
    text = doc_text(doc)
    shown = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", text))
    assert shown, "no options found: the pattern is wrong"
    assert sorted(shown - options) == []
    named = set(re.findall(r"python -m game ([a-z]+)", text))
    assert named and sorted(named - commands) == []


CROCKFORD_CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")

ANY_CODE = re.compile(r"(?<![\w-])[0-9A-Z]{4}-[0-9A-Z]{4}(?![\w-])")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_code_shown_can_be_written_by_the_game(doc: Path) -> None:
    """Verification codes are Crockford base32 (no I, L, O or U); a class code is a scenario's
    four letters and four Crockford characters that decode with a valid check character."""
    prefixes = {load_scenario(path).code for path in scenario_paths()} | {"STRT"}
    codes = ANY_CODE.findall(doc_text(doc))
    assert codes or doc == SCENARIOS_DOC
    for code in codes:
        if code == MISREAD:
            assert doc == TEACHING_DOC and not CROCKFORD_CODE.fullmatch(code)
        elif code[:4] not in prefixes:
            assert CROCKFORD_CODE.fullmatch(code), f"{code}: not a code the game can write"
        elif code == MISTYPED:
            with pytest.raises(ClassCodeError):
                decode(code)
        else:
            assert CROCKFORD_CODE.fullmatch(f"0000{code[4:]}"), code
            assert str(decode(code)) == code


def test_the_kit_s_sample_game_replays_to_the_code_its_memos_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/kit/sample-game.toml says which command replays it and which code it prints; the
    sample memos quote that command and that code."""
    script = ROOT / "docs" / "kit" / "sample-game.toml"
    header = script.read_text(encoding="utf-8")
    command = re.search(r"^#   python -m game (.+)$", header, re.MULTILINE)
    code = re.search(r"the verification code, (\S+)\.$", header, re.MULTILINE)
    assert command is not None and code is not None
    memos = (ROOT / "docs" / "kit" / "sample-memos.md").read_text(encoding="utf-8")
    assert f"python -m game {command[1]}" in memos and memos.count(code[1]) == 2
    argv = command[1].replace("docs/kit/sample-game.toml", str(script)).split()
    argv = [part.strip('"') for part in re.findall(r'"[^"]*"|\S+', " ".join(argv))]
    result = run(argv, tmp_path, monkeypatch)
    assert result.status == 0 and result.out[-1] == f"Verification code: {code[1]}"
