"""The documentation stays true to the code.

docs/scenarios.md: its example scenario loads, plays with every built-in strategy and still
gives the batch table printed beside it; every key the loader accepts is documented.
docs/scripting.md: every JSON field the game writes is documented, and every script example
reads and plays as the text says. Both: every option, command and in-page link they show
exists, and neither pastes the essay the game is built on.
"""

from __future__ import annotations

import argparse
import copy
import functools
import io
import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from game.batch import run_batch, table
from game.cli import build_parser
from game.engine import (
    OfferKind,
    Scenario,
    ScenarioError,
    Terminal,
    apply,
    available_moves,
    new_game,
    outcome,
    parse_scenario,
    scenario_from_dict,
)
from game.engine.strategies import STRATEGIES, play
from game.headless import (
    BadMoveError,
    game_json,
    play_moves,
    protocol_message,
    read_script,
    run_stdio,
)
from game.scenarios import load_scenario, scenario_paths

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS_DOC = ROOT / "docs" / "scenarios.md"
SCRIPTING_DOC = ROOT / "docs" / "scripting.md"
EXAMPLE_MARK = "<!-- example-scenario -->"
BAD_SCRIPT_MARK = "<!-- bad-script -->"
PROBE = "zz_undocumented_probe"
KNOWN_KEYS = re.compile(r"expected one of the known keys (.+), got unknown key")


class Block(NamedTuple):
    """A fenced code block of a Markdown file."""

    lang: str
    body: str
    line: int
    """Line number of the opening fence."""
    mark: str
    """The HTML comment on the line just before the fence, or ``""``."""


def fenced_blocks(text: str) -> list[Block]:
    """Every top-level ```fenced``` block, in order."""
    lines = text.splitlines()
    blocks = []
    index = 0
    while index < len(lines):
        opening = re.fullmatch(r"```(\S*)\s*", lines[index])
        if opening is None:
            index += 1
            continue
        end = next((j for j in range(index + 1, len(lines)) if lines[j].strip() == "```"), None)
        assert end is not None, f"the fence opened at line {index + 1} is never closed"
        before = lines[index - 1].strip() if index else ""
        mark = before if before.startswith("<!--") else ""
        body = "\n".join(lines[index + 1 : end]) + "\n"
        blocks.append(Block(opening.group(1), body, index + 1, mark))
        index = end + 1
    return blocks


def doc_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def example_block() -> Block:
    marked = [b for b in fenced_blocks(doc_text(SCENARIOS_DOC)) if b.mark == EXAMPLE_MARK]
    assert len(marked) == 1, f"expected one block marked {EXAMPLE_MARK}, found {len(marked)}"
    assert marked[0].lang == "toml", "the example scenario must be a ```toml block"
    return marked[0]


@pytest.fixture(scope="module")
def example() -> Scenario:
    block = example_block()
    try:
        return parse_scenario(block.body, f"docs/scenarios.md (example at line {block.line})")
    except ScenarioError as error:
        pytest.fail("the example scenario does not load:\n" + "\n".join(error.problems))


# --- docs/scenarios.md: the example -------------------------------------------------------


def test_the_example_scenario_loads(example: Scenario) -> None:
    assert example.id and example.offers and example.endings


def test_the_example_shows_every_part_of_the_format(example: Scenario) -> None:
    assert {offer.kind for offer in example.offers} == set(OfferKind)
    assert example.transitions and example.counters and example.events and example.scorecards
    assert len(example.profiles) >= 2
    assert any(profile.red_lines for profile in example.profiles)
    assert any(profile.counter_first for profile in example.profiles)
    assert any(variant.tacit for offer in example.offers for variant in offer.variants)
    assert any(need.fixed for offer in example.offers for need in offer.needs)
    assert any(offer.counter for offer in example.offers)
    assert any(not offer.requires.is_empty for offer in example.offers)
    assert not example.rules.walkout_when.is_empty
    assert {line.id for line in example.lines} >= {"essay", "historical"}
    covered = {terminal for ending in example.endings for terminal in ending.terminals}
    assert covered == set(Terminal)


@pytest.mark.parametrize("strategy", sorted(STRATEGIES))
def test_the_example_plays_with_every_strategy(example: Scenario, strategy: str) -> None:
    endings = {ending.id for ending in example.endings}
    for seed in range(30):
        result = outcome(play(example, strategy, seed))
        assert result is not None, (strategy, seed)
        assert result.ending.id in endings


def _terminals(scenario: Scenario, strategy: str, games: int) -> set[Terminal]:
    results = (outcome(play(scenario, strategy, seed)) for seed in range(games))
    return {result.terminal for result in results if result is not None}


def test_choices_matter_in_the_example(example: Scenario) -> None:
    assert Terminal.STATEMENT in _terminals(example, "essay", 60)
    assert len(_terminals(example, "random", 60)) >= 3  # random play ends in several ways


def test_the_batch_table_printed_for_the_example_is_current(tmp_path: Path) -> None:
    text = doc_text(SCENARIOS_DOC)
    printed = next(
        (b.body for b in fenced_blocks(text) if b.body.startswith("Strategy essay: 400 games")),
        None,
    )
    assert printed is not None, "the essay batch table is missing from docs/scenarios.md"
    path = tmp_path / "example.toml"
    path.write_text(example_block().body, encoding="utf-8")
    scenario = load_scenario(path)
    produced = table(run_batch(path, "essay", 400, 0), scenario) + "\n"
    assert printed == produced, "docs/scenarios.md shows an outdated batch table; now:\n" + produced


# --- docs/scenarios.md: every key the loader accepts ---------------------------------------


def _documents() -> list[dict[str, Any]]:
    """Every bundled scenario as parsed TOML, plus a [carry] table where none has one."""
    documents = [tomllib.loads(path.read_text(encoding="utf-8")) for path in scenario_paths()]
    if not any("carry" in document for document in documents):
        documents[0]["carry"] = {"from": ["earlier"]}
    return documents


def _tables(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The path of every table in a parsed document."""
    if isinstance(value, dict):
        yield path
        for key, item in value.items():
            yield from _tables(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _tables(item, (*path, index))


def _shape(path: tuple[str | int, ...]) -> str:
    return ".".join("[]" if isinstance(step, int) else step for step in path)


def _known_keys(document: dict[str, Any], path: tuple[str | int, ...]) -> list[str] | None:
    """The keys the loader accepts in the table at ``path``, read from its own message about
    an unknown key put there; None for tables whose keys are ids (effects, score tables)."""
    probe = copy.deepcopy(document)
    target: Any = probe
    for step in path:
        target = target[step]
    target[PROBE] = 1
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(probe, "probe.toml", "")
    for problem in caught.value.problems:
        if PROBE in problem:
            found = KNOWN_KEYS.search(problem)
            return found.group(1).split(", ") if found else None
    raise AssertionError(f"the loader ignored an unknown key at {_shape(path)}")


@functools.cache
def _accepted_keys() -> dict[str, list[str]]:
    """Table shape (``offers.[].needs.[]``) -> the keys the loader accepts there."""
    accepted: dict[str, list[str]] = {}
    for document in _documents():
        for path in _tables(document):
            shape = _shape(path)
            if shape not in accepted:
                keys = _known_keys(document, path)
                if keys is not None:
                    accepted[shape] = keys
    return accepted


def test_the_key_probe_finds_the_tables_it_should() -> None:
    accepted = _accepted_keys()
    for shape in ("", "rules", "rules.say", "offers.[]", "offers.[].needs.[]", "carry"):
        assert shape in accepted, shape
    assert "carry" in accepted[""] and "walkout_when" in accepted["rules"]
    assert "fixed" in accepted["offers.[].needs.[]"]


def test_every_key_the_loader_accepts_is_documented() -> None:
    text = doc_text(SCENARIOS_DOC)
    missing = sorted(
        f"{shape or '(top level)'}: {key}"
        for shape, keys in _accepted_keys().items()
        for key in keys
        if f"`{key}`" not in text
    )
    assert missing == [], "keys the loader accepts but docs/scenarios.md never names"


def test_every_top_level_table_has_its_own_section() -> None:
    headings = [line for line in doc_text(SCENARIOS_DOC).splitlines() if line.startswith("#")]
    merged: dict[str, Any] = {}
    for parsed in _documents():
        merged.update(parsed)
    for key in _accepted_keys()[""]:
        value = merged.get(key)
        if isinstance(value, dict):
            wanted = f"`[{key}]`"
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            wanted = f"`[[{key}]]`"
        else:
            continue
        assert any(wanted in heading for heading in headings), f"no heading for {wanted}"


def test_every_offer_kind_and_terminal_is_documented() -> None:
    text = doc_text(SCENARIOS_DOC)
    for value in [kind.value for kind in OfferKind] + [t.value for t in Terminal]:
        assert f'`"{value}"`' in text or f"`{value}`" in text, value


# --- docs/scripting.md -----------------------------------------------------------------------


MAPS = frozenset({"meters", "scores"})
"""Fields whose value maps the scenario's own ids (meter ids, scorecard ids) to numbers."""


def _keys(value: Any) -> Iterator[str]:
    """Every field name inside a JSON-ready value (not the ids used as keys of a map)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            if key not in MAPS:
                yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def _protocol_messages(hanoi: Scenario) -> list[dict[str, Any]]:
    """State messages at the start, with a counter-offer pending, and at the end."""
    state = new_game(hanoi, 1)
    messages = [protocol_message(state)]
    countered = None
    for move in available_moves(state):
        after = apply(state, move).state
        if after.pending is not None:
            countered = after
            break
    assert countered is not None, "no opening offer draws a counter-offer to document"
    messages.append(protocol_message(countered))
    state = countered
    while not state.is_over:
        state = apply(state, available_moves(state)[-1]).state
    messages.append(protocol_message(state))
    return messages


def test_every_field_of_the_stdio_protocol_is_documented(hanoi: Scenario) -> None:
    messages = _protocol_messages(hanoi)
    assert messages[1]["pending"] is not None and messages[-1]["outcome"] is not None
    sink = io.StringIO()
    _, bad = run_stdio(new_game(hanoi, 1), io.StringIO("# a comment\n\nhug_it_out\n"), sink)
    assert bad is not None
    error = [line for line in sink.getvalue().splitlines() if '"error"' in line]
    assert len(error) == 1
    fields = set(_keys(messages)) | set(_keys(json.loads(error[0])))
    fields |= set(_keys(game_json(new_game(hanoi, 1))))
    text = doc_text(SCRIPTING_DOC)
    missing = sorted(field for field in fields if f"`{field}`" not in text)
    assert missing == [], "JSON fields the game writes but docs/scripting.md never names"


def test_every_batch_field_is_documented() -> None:
    result = run_batch(ROOT / "scenarios" / "hanoi.toml", "random", 3, 0).to_json()
    text = doc_text(SCRIPTING_DOC)
    assert [field for field in result if f"`{field}`" not in text] == []


def _script_blocks() -> list[Block]:
    return [
        block
        for block in fenced_blocks(doc_text(SCRIPTING_DOC))
        if block.lang == "toml" and re.search(r"^moves\s*=", block.body, re.MULTILINE)
    ]


def test_every_script_example_reads_and_plays_as_documented(tmp_path: Path) -> None:
    blocks = _script_blocks()
    assert len(blocks) >= 3
    assert sum(block.mark == BAD_SCRIPT_MARK for block in blocks) == 1
    text = doc_text(SCRIPTING_DOC)
    for block in blocks:
        path = tmp_path / f"script_line_{block.line}.toml"
        path.write_text(block.body, encoding="utf-8")
        script = read_script(path)  # raises ScriptError for a malformed script
        state = new_game(load_scenario(script.scenario or "hanoi"), script.seed or 0)
        if block.mark == BAD_SCRIPT_MARK:
            with pytest.raises(BadMoveError) as caught:
                play_moves(state, script.moves)
            assert f'move {caught.value.number} "{caught.value.move}": ' in text
        else:
            play_moves(state, script.moves)


# --- both: links and the command line they show ----------------------------------------------


@pytest.mark.parametrize("doc", [SCENARIOS_DOC, SCRIPTING_DOC], ids=lambda p: p.name)
def test_the_docs_do_not_paste_the_essay(doc: Path) -> None:
    essay = ROOT.parent / "shared" / "brief" / "essay.txt"
    if not essay.exists():
        pytest.skip("the essay is reference material outside the repository")
    words = re.sub(r"\s+", " ", essay.read_text(encoding="utf-8").lower()).split(" ")
    ours = re.sub(r"\s+", " ", doc_text(doc).lower())
    runs = (" ".join(words[i : i + 8]) for i in range(len(words) - 8))
    assert [run for run in runs if run in ours] == []


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("doc", [SCENARIOS_DOC, SCRIPTING_DOC], ids=lambda p: p.name)
def test_links_within_the_page_lead_to_a_heading(doc: Path) -> None:
    prose = re.sub(r"^```.*?^```", "", doc_text(doc), flags=re.DOTALL | re.MULTILINE)
    anchors = {_slug(found) for found in re.findall(r"^#+ (.+)$", prose, re.MULTILINE)}
    links = set(re.findall(r"\]\(#([^)]+)\)", prose))
    assert links, "no links found: the pattern is wrong"
    assert sorted(links - anchors) == []


def _options(parser: argparse.ArgumentParser) -> tuple[set[str], set[str]]:
    """Every option string and every subcommand name of the command line."""
    options: set[str] = set()
    commands: set[str] = set()
    for action in parser._actions:
        options.update(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                commands.add(name)
                options |= _options(sub)[0]
    return options, commands


@pytest.mark.parametrize("doc", [SCENARIOS_DOC, SCRIPTING_DOC], ids=lambda p: p.name)
def test_the_commands_shown_exist(doc: Path) -> None:
    options, commands = _options(build_parser())
    text = doc_text(doc)
    shown = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", text))
    assert shown, "no options found: the pattern is wrong"
    assert sorted(shown - options) == []
    named = set(re.findall(r"python -m game ([a-z]+)", text))
    assert named and sorted(named - commands) == []
