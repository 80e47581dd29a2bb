"""What the documentation tests share: the documents, their fenced blocks, and running a
command they show to compare its output with what they print.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shlex
from pathlib import Path
from typing import NamedTuple

import pytest

from game.cli import main
from game.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS_DOC = ROOT / "docs" / "scenarios.md"
SCRIPTING_DOC = ROOT / "docs" / "scripting.md"
TEACHING_DOC = ROOT / "docs" / "teaching.md"
ARCHITECTURE_DOC = ROOT / "docs" / "architecture.md"
EXAMPLE_MARK = "<!-- example-scenario -->"


class Block(NamedTuple):
    """A fenced code block of a Markdown file."""

    lang: str
    body: str
    line: int
    """Line number of the opening fence."""
    mark: str
    """The HTML comment on the line just before the fence, or ``""``."""


def fenced_blocks(text: str) -> list[Block]:
    """Every ```fenced``` block, in order; a block indented inside a list item is dedented."""
    lines = text.splitlines()
    blocks = []
    index = 0
    while index < len(lines):
        opening = re.fullmatch(r"( *)```(\S*)\s*", lines[index])
        if opening is None:
            index += 1
            continue
        end = next((j for j in range(index + 1, len(lines)) if lines[j].strip() == "```"), None)
        assert end is not None, f"the fence opened at line {index + 1} is never closed"
        before = lines[index - 1].strip() if index else ""
        mark = before if before.startswith("<!--") else ""
        indent = len(opening.group(1))
        body = "\n".join(line[indent:] for line in lines[index + 1 : end]) + "\n"
        blocks.append(Block(opening.group(2), body, index + 1, mark))
        index = end + 1
    return blocks


def doc_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def example_block() -> Block:
    marked = [b for b in fenced_blocks(doc_text(SCENARIOS_DOC)) if b.mark == EXAMPLE_MARK]
    assert len(marked) == 1, f"expected one block marked {EXAMPLE_MARK}, found {len(marked)}"
    assert marked[0].lang == "toml", "the example scenario must be a ```toml block"
    return marked[0]


class Run(NamedTuple):
    status: int
    out: list[str]
    err: list[str]


def run(argv: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run the command line in ``cwd``, expanding ``*.toml`` arguments as a shell would."""
    monkeypatch.chdir(cwd)
    args: list[str] = []
    for arg in argv:
        args += sorted(str(p) for p in Path().glob(arg)) if "*" in arg else [arg]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(args)
    return Run(status, out.getvalue().splitlines(), err.getvalue().splitlines())


def marked(doc: Path, mark: str) -> Block:
    found = [b for b in fenced_blocks(doc_text(doc)) if b.mark == f"<!-- {mark} -->"]
    assert len(found) == 1, f"expected one block marked <!-- {mark} --> in {doc.name}"
    return found[0]


def shown_run(doc: Path, mark: str) -> tuple[list[str], list[str]]:
    """The command (``$ python -m game ...``, split) and the output shown in a marked block."""
    first, *shown = marked(doc, mark).body.splitlines()
    assert first.startswith("$ python -m game "), first
    return shlex.split(first.removeprefix("$ python -m game ")), shown


def fits(shown: list[str], actual: list[str]) -> bool:
    """True when ``actual`` is ``shown`` with each ``...`` line standing for any lines."""
    if not shown:
        return not actual
    if shown[0] == "...":
        return any(fits(shown[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == shown[0] and fits(shown[1:], actual[1:])


MISTYPED = "HNOI-16JK"
"""The class code the teacher's guide shows being refused: it must stay invalid."""

MISREAD = "19XM-U3HT"
"""A verification code written down with U for V, which the teacher's guide shows refused."""


def _options(parser: argparse.ArgumentParser) -> tuple[set[str], set[str]]:
    """Every option string and every subcommand name of ``parser``."""
    options: set[str] = set()
    commands: set[str] = set()
    for action in parser._actions:
        options.update(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                commands.add(name)
                options |= _options(sub)[0]
    return options, commands


def command_line() -> tuple[set[str], set[str]]:
    """Every option string and every subcommand name of the game's command line."""
    return _options(build_parser())


def missing_paths(text: str) -> list[str]:
    """The paths of the repository a document names in backticks that do not exist."""
    top = "game|tests|scenarios|docs|assets|benchmarks"
    named = set(re.findall(rf"`((?:{top})/[\w/.]*)`", text))
    assert named, "no paths found: the pattern is wrong"
    return sorted(path for path in named if not (ROOT / path).exists())


def game_packages() -> list[str]:
    """Every package inside the game, as ``game/ui/widgets/``."""
    found = (path.parent for path in (ROOT / "game").rglob("__init__.py"))
    return sorted(
        path.relative_to(ROOT).as_posix() + "/" for path in found if path != ROOT / "game"
    )
