"""The documentation stays true to the code.

docs/scenarios.md: its example scenario loads, plays with every built-in strategy and still
gives the batch table printed beside it; every key the loader accepts is documented; the
checker's lines and the explanations it quotes are what the game prints.
docs/scripting.md: every JSON field the game writes is documented, every script example reads
and plays as the text says, the outputs shown (text, JSON, stdio, Python examples, batch,
replay) are what the commands print now, and terminal play exits as it says.
docs/teaching.md: a simulated class of thirty is run through code, verify and report, for Hanoi
and for the next summit (each student's codes computed for their name, mode and class code, as
their transcripts record them), and the runs, the reports, the codes-file errors, the checker's
and code's refusals of a copied header and every verify line the guide quotes are what the game
prints now (and every line the guide's table quotes is one verify still prints); the students
it says played the same game did, with different codes, and each one's own Hanoi game vouches
for their next summit.
All three: every option, command and in-page link they show exists, every verification or
class code they show is one the game can write, and none pastes the essay the game is built on.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import functools
import io
import json
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import pytest

from game.classroom.classcode import ClassCodeError, decode
from game.cli import main
from game.cli.batch import run_batch, table
from game.cli.parser import build_parser
from game.cli.terminal import (
    BadMoveError,
    game_json,
    play_moves,
    protocol_message,
    read_script,
    run_stdio,
)
from game.engine import (
    Carry,
    GameState,
    Move,
    OfferKind,
    Scenario,
    ScenarioError,
    Terminal,
    apply,
    available_moves,
    carry_from,
    new_game,
    outcome,
    parse_scenario,
    scenario_from_dict,
)
from game.engine.describe import StrategyName
from game.engine.rng import draw, seed_state
from game.engine.strategies import STRATEGIES, play
from game.engine.transcript import Transcript, Undo, replay, verification_code
from game.store.scenarios import load_scenario, scenario_paths
from game.store.transcripts import read_transcript, write_transcript

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS_DOC = ROOT / "docs" / "scenarios.md"
SCRIPTING_DOC = ROOT / "docs" / "scripting.md"
TEACHING_DOC = ROOT / "docs" / "teaching.md"
DOCS = (SCENARIOS_DOC, SCRIPTING_DOC, TEACHING_DOC)
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
    assert {line.id for line in example.lines} >= {"essay", "historical", "keep_talking"}
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
    produced = table(run_batch(path, StrategyName.ESSAY, 400, 0), scenario) + "\n"
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
    result = run_batch(ROOT / "scenarios" / "hanoi.toml", StrategyName.RANDOM, 3, 0).to_json()
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


ESSAY_TITLE = (
    "the hanoi summit \u2013 we asked ted carpenter what happens next in u.s.-north korea relations"
)
"""Cited by title in the teacher's guide: quoting a title is not pasting the essay."""


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
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


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_the_commands_shown_exist(doc: Path) -> None:
    options, commands = _options(build_parser())
    text = doc_text(doc)
    shown = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", text))
    assert shown, "no options found: the pattern is wrong"
    assert sorted(shown - options) == []
    named = set(re.findall(r"python -m game ([a-z]+)", text))
    assert named and sorted(named - commands) == []


# --- docs/scripting.md: the outputs shown ----------------------------------------------------


def _block_after(doc: Path, start: str) -> Block:
    """The first fenced block whose body starts with ``start``."""
    found = [b for b in fenced_blocks(doc_text(doc)) if b.body.startswith(start)]
    assert found, f"no block in {doc.name} starts with {start!r}"
    return found[0]


@pytest.fixture
def scripts(tmp_path: Path) -> Path:
    """The two example scripts of docs/scripting.md, saved under the names the page uses."""
    names = {
        "# What happened in Hanoi": "hanoi_history.toml",
        "# The essay's opening": "opening.toml",
    }
    for block in _script_blocks():
        for start, name in names.items():
            if block.body.startswith(start):
                (tmp_path / name).write_text(block.body, encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names.values())
    return tmp_path


def test_the_text_output_shown_is_current(scripts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = doc_text(SCRIPTING_DOC)
    argv, shown = _shown_run(SCRIPTING_DOC, "opening-text")
    result = _run(argv, scripts, monkeypatch)
    assert result.status == 1 and result.out == shown
    assert f"```text\n{result.err[0]}\n```" in text
    history = _run(["play", "--headless", "--script", "hanoi_history.toml"], scripts, monkeypatch)
    ending = _block_after(SCRIPTING_DOC, "Outcome: ").body.splitlines()
    assert history.out[-len(ending) :] == ending


@pytest.mark.parametrize(
    ("typed", "status"),
    [("q\n", 1), ("consult_washington\n", 1), ("consult_washington\n" * 60, 0)],
    ids=["stopped", "input-ended", "finished"],
)
def test_terminal_play_exits_as_documented(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, status: int
) -> None:
    """Play in the terminal exits 0 at the end of the summit and 1 when stopped before it; the
    game so far is written either way."""
    text = re.sub(r"\s+", " ", doc_text(SCRIPTING_DOC))
    assert "with status 0 when the summit reached its end and 1 when it was stopped before" in text
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    argv = ["play", "--headless", "--seed", "4", "--name", "Ada", "--transcript", "game.toml"]
    result = _run(argv, tmp_path, monkeypatch)
    assert result.status == status
    transcript = read_transcript(tmp_path / "game.toml")
    assert (transcript.outcome is not None) == (status == 0)
    if status:
        moves = typed.count("consult_washington")
        assert len(transcript.turns) == moves
        assert result.err == [f"stopped after move {moves}, before the summit did"]
        assert "`stopped after move N, before the summit did`" in text
    else:
        assert result.err == []
        code = result.out[-1].removeprefix("Verification code: ")
        assert code == transcript.verification != ""


def test_the_json_output_shown_is_current(scripts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _run(
        ["play", "--headless", "--script", "hanoi_history.toml", "--format", "json"],
        scripts,
        monkeypatch,
    )
    game = json.loads("\n".join(result.out))
    game["turns"] = game["turns"][:1]  # the page shows the first turn only
    assert json.loads(_block_after(SCRIPTING_DOC, '{\n  "scenario"').body) == game


def test_the_stdio_session_shown_is_current(
    hanoi: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lines shown are what the command shown writes (its verification code covers the
    mode, practice by default), and what the transcript records."""
    session = _block_after(SCRIPTING_DOC, "# my opening").body
    command = "python -m game play --headless --stdio --seed 1 < session.txt"
    assert f"```sh\n{command}\n```" in doc_text(SCRIPTING_DOC)
    monkeypatch.setattr(sys, "stdin", io.StringIO(session))
    argv = [*shlex.split(command.partition(" < ")[0])[3:], "--transcript", "game.toml"]
    result = _run(argv, tmp_path, monkeypatch)
    assert result.status == 0 and result.err == []
    written = result.out
    verification = json.loads(written[-1])["outcome"]["verification"]
    assert verification == read_transcript(tmp_path / "game.toml").verification
    shown = [
        b.body.strip()
        for b in fenced_blocks(doc_text(SCRIPTING_DOC))
        if b.body.startswith('{"type": "state"')
    ]
    assert len(shown) >= 3
    for line in shown:  # each with its `legal` array cut short: [...] or [first, ...]
        found = re.search(r'"move_number": (\d+)', line)
        assert found is not None
        real = json.loads(written[int(found[1]) - 1])
        legal, real["legal"] = real["legal"], "LEGAL"
        whole = json.dumps(real, ensure_ascii=False)
        cuts = ["[...]"] + [
            json.dumps(legal[:n], ensure_ascii=False)[:-1] + ", ...]" for n in (1, 2)
        ]
        renders = {whole.replace('"LEGAL"', cut) for cut in cuts}
        assert line in renders, f"move {found[1]} now writes:\n{written[int(found[1]) - 1]}"
    error = _block_after(SCRIPTING_DOC, '{"type": "error"').body.strip()
    sink = io.StringIO()
    run_stdio(new_game(hanoi, 1), io.StringIO("embassies\n"), sink)
    assert sink.getvalue().splitlines()[-1] == error


def _python_example(contains: str) -> tuple[str, str]:
    """A Python example of docs/scripting.md and the output block that follows it."""
    blocks = fenced_blocks(doc_text(SCRIPTING_DOC))
    for index, block in enumerate(blocks):
        if block.lang == "python" and contains in block.body:
            output = blocks[index + 1].body
            return block.body, output.removeprefix("$ python client.py\n")
    raise AssertionError(f"no Python example with {contains!r}")


@pytest.mark.parametrize("contains", ["IllegalMoveError", "ReactionKind.DEFER", "A minimal client"])
def test_the_python_examples_print_what_is_shown(tmp_path: Path, contains: str) -> None:
    code, shown = _python_example(contains)
    (tmp_path / "example.py").write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "example.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == shown


def test_the_batch_shown_is_current() -> None:
    block = _block_after(SCRIPTING_DOC, "$ python -m game batch --strategy essay --games 400")
    shown = json.loads(block.body.split("\n", 1)[1])
    assert (
        run_batch(ROOT / "scenarios" / "hanoi.toml", StrategyName.ESSAY, 400, 0).to_json() == shown
    )


def test_the_replay_lines_shown_are_current(scripts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = doc_text(SCRIPTING_DOC)
    _run(
        ["play", "--headless", "--script", "hanoi_history.toml", "--transcript", "ada.toml"],
        scripts,
        monkeypatch,
    )
    transcript = (scripts / "ada.toml").read_text(encoding="utf-8")
    (scripts / "edited.toml").write_text(
        transcript.replace("patience = 58", "patience = 68", 1), encoding="utf-8"
    )
    head, *turns = transcript.split("[[turns]]\n")
    (scripts / "removed.toml").write_text(
        head + "".join("[[turns]]\n" + t for t in turns[:1] + turns[2:]), encoding="utf-8"
    )
    renamed = transcript.replace('\nplayer = ""\n', '\nplayer = "Ada Lovelace"\n', 1)
    assert renamed != transcript
    (scripts / "renamed.toml").write_text(renamed, encoding="utf-8")
    for name in ("ada", "edited", "removed", "renamed"):
        result = _run(["replay", f"{name}.toml", "--verify"], scripts, monkeypatch)
        assert result.out[0] in text, result.out[0]
    bad = _marked(SCRIPTING_DOC, "bad-script").body
    (scripts / "bad.toml").write_text(bad, encoding="utf-8")
    result = _run(["play", "--headless", "--script", "bad.toml"], scripts, monkeypatch)
    assert result.status == 2 and result.err[0] in text


# --- docs/scenarios.md: the checker's lines and the explanations shown -------------------------


def _broken_copies(example_text: str) -> dict[str, str]:
    """The example with the mistakes docs/scenarios.md describes, by file name."""
    broken = example_text.replace('label = "trust", start = 20,', 'label = "trust", start = 120,')
    broken = broken.replace('afternoon", turns = 3', 'afternoon", turns = "three"')
    head, mark, rest = broken.partition('id = "joint_patrols"')
    broken = head + mark + rest.replace("on_reject", "on_rejct", 1)
    broken = broken.replace('accords = ["joint_patrols"]\ntext', 'accords = ["joint_patrol"]\ntext')
    start = example_text.index("rounds = [\n")
    end = example_text.index("]\n", start) + 2
    order = example_text[:start] + example_text[end:].lstrip("\n")
    order = order.rstrip("\n") + "\n\n" + example_text[start:end]
    no_deal = example_text.index('[[endings]]\nid = "no_deal"')
    cards = example_text.index("[[scorecards]]")
    formal = (
        '[[endings]]\nid = "formal_hotline"\ntitle = "A formal hotline"\n'
        'terminals = ["statement"]\naccords = ["hotline"]\ntext = "Written down."\n\n'
    )
    reach = example_text[:no_deal] + formal + example_text[cards:]
    lines = example_text.splitlines(keepends=True)
    comma = next(i for i, line in enumerate(lines) if line.startswith("rounds = [")) + 1
    lines[comma] = lines[comma].rstrip("\n").removesuffix(",") + "\n"
    return {
        "broken.toml": broken,
        "order.toml": order,
        "reach.toml": reach,
        "syntax.toml": "".join(lines),
    }


def test_the_checker_lines_shown_are_current(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = doc_text(SCENARIOS_DOC)
    for name, body in _broken_copies(example_block().body).items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        result = _run(["check", name], tmp_path, monkeypatch)
        assert result.status == 2 and result.out
        missing = [line for line in result.out if line not in text]
        assert missing == [], f"check {name} now says other lines"
    assert "syntax.toml:35:5: Unclosed array" in text  # the line number the page names


def test_the_explanations_shown_happen_in_the_example(example: Scenario) -> None:
    shown: set[str] = set()
    for block in fenced_blocks(doc_text(SCENARIOS_DOC)):
        if block.lang == "text" and re.match(
            r"(accepted|deferred|countered|rejected|noted): ", block.body
        ):
            shown |= set(block.body.splitlines())
    assert len(shown) >= 8
    seen: set[str] = set()
    state = new_game(example, 0)
    for _ in range(2):  # the recess lines: Call the capital twice at the start
        state = apply(state, Move("call_home")).state
        seen.add(state.turns[-1].reaction.why)
    for seed in range(30_000):  # random play meets every other line within ~10,000 games
        if shown <= seen:
            break
        state = new_game(example, seed)
        rng = seed_state("docs", seed)
        while not state.is_over:
            moves = available_moves(state)
            pick, rng = draw(rng, 0, len(moves) - 1)
            state = apply(state, moves[pick]).state
            seen.add(state.turns[-1].reaction.why)
    assert sorted(shown - seen) == []


# --- docs/teaching.md: a simulated class, run through verify and report ------------------------


CROCKFORD_CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")
ANY_CODE = re.compile(r"(?<![\w-])[0-9A-Z]{4}-[0-9A-Z]{4}(?![\w-])")
CLASS_CODE = "HNOI-16JJ"
NEXT_CODE = "NEXT-16JZ"
PRACTICE_CODE = "HNOI-16JA"
"""The practice code of the class's seed."""
STUDENTS = (
    "Ada Lovelace",
    "Alan Turing",
    "Amara Okafor",
    "Ben Carter",
    "Chloe Martin",
    "Daniel Kim",
    "Elena Petrova",
    "Farah Haddad",
    "Gabriel Silva",
    "Hannah Weber",
    "Isaac Mensah",
    "Julia Rossi",
    "Kenji Sato",
    "Leila Nasser",
    "Lucas Dubois",
    "Maya Patel",
    "Noah Fischer",
    "Olivia Brown",
    "Pablo Garcia",
    "Priya Sharma",
    "Rafael Costa",
    "Sara Lindqvist",
    "Tomas Novak",
    "Uma Reddy",
    "Victor Lee",
    "Wen Zhang",
    "Yara Haddad",
    "Zoe Murphy",
    "Omar Aziz",
    "Ines Moreau",
)
STYLES = ("essay", "greedy", "dove", "hawk", "historical")
WANDER = (0, 10, 20, 35, 50, 80)
"""Percent of a simulated student's moves made at random (never walking away at random)."""
PRACTICE_STUDENT = "Gabriel Silva"
"""Played with the practice code of the class's seed."""
EDITING_STUDENT = "Lucas Dubois"
"""Raised the trust after turn 3 of the Hanoi transcript by hand."""
ELSEWHERE_STUDENT = "Yara Haddad"
"""Continued, at the next summit, a Hanoi game played again at home and never handed in."""
FORGING_STUDENT = "Zoe Murphy"
"""Started the next summit from trust 100 instead of where Hanoi ended."""


def _stem(name: str) -> str:
    return name.lower().replace(" ", "-")


def _student_game(
    scenario: Scenario, index: int, salt: str, carry: Carry | None = None
) -> GameState:
    """One simulated student's game: a built-in strategy with random moves mixed in."""
    style = STYLES[index % len(STYLES)]
    wander = WANDER[index // len(STYLES) % len(WANDER)]
    rng = seed_state(salt, index)
    state = new_game(scenario, decode(CLASS_CODE).seed, carry)
    while not state.is_over:
        move, rng = STRATEGIES[style].choose(state, rng)
        roll, rng = draw(rng, 1, 100)
        others = [m for m in available_moves(state) if m.offer != "walk_away"]
        if roll <= wander and others:
            pick, rng = draw(rng, 0, len(others) - 1)
            move = others[pick]
        state = apply(state, move).state
    return state


def _raise_trust_after_turn(path: Path, number: int, by: int) -> None:
    text = path.read_text(encoding="utf-8")
    head, mark, rest = text.partition(f"\nn = {number}\n")
    rest = re.sub(r"trust = (\d+)", lambda found: f"trust = {int(found[1]) + by}", rest, count=1)
    path.write_text(head + mark + rest, encoding="utf-8")


class Who(NamedTuple):
    """Who played a game, as its transcript records it: part of its verification code."""

    player: str
    mode: str
    code: str

    @classmethod
    def of(cls, transcript: Transcript) -> Who:
        return cls(transcript.player, transcript.mode, transcript.code)

    def verification(self, state: GameState) -> str:
        return verification_code(state, player=self.player, mode=self.mode, code=self.code)

    def write(self, path: Path, state: GameState) -> str:
        """Write the transcript and return the code the student writes down (the debrief's)."""
        write_transcript(path, state, player=self.player, mode=self.mode, code=self.code)
        written = read_transcript(path).verification
        assert written == self.verification(state), "the transcript records another code"
        return written


def _hanoi_who(name: str) -> Who:
    """How a student of the simulated class played Hanoi."""
    code = CLASS_CODE if name != PRACTICE_STUDENT else PRACTICE_CODE
    return Who(name, decode(code).mode, code)


def simulated_class(folder: Path) -> None:
    """The Hanoi transcripts and codes.txt of the class the teacher's guide shows."""
    hanoi = load_scenario("hanoi")
    lines = []
    for index, name in enumerate(STUDENTS):
        state = _student_game(hanoi, index, "student")
        code = _hanoi_who(name).write(folder / f"{_stem(name)}.toml", state)
        lines.append(f"{name}, {code}\n")
    (folder / "codes.txt").write_text("".join(lines), encoding="utf-8")
    _raise_trust_after_turn(folder / f"{_stem(EDITING_STUDENT)}.toml", 3, 20)


def _going_on(earlier: GameState, who: Who) -> Carry:
    """The next summit's start from a finished Hanoi game, as ``play --from`` and the debrief's
    Go to the next summit make it: with the Hanoi game's code as its transcript records it."""
    return carry_from(earlier, load_scenario("next_summit"), who.verification(earlier))


def simulated_next_round(hanoi_folder: Path, folder: Path) -> None:
    """The class's next summit: each student (but the one who edited Hanoi) continues Hanoi;
    ``codes.txt`` beside the folders holds the codes of both rounds."""
    hanoi = load_scenario("hanoi")
    following = load_scenario("next_summit")
    folder.mkdir()
    lines = []
    for index, name in enumerate(STUDENTS):
        if name == EDITING_STUDENT:
            continue
        if name == ELSEWHERE_STUDENT:
            # Played Hanoi again at home, with the class code, and went on from that game.
            carry = _going_on(play(hanoi, "random", decode(CLASS_CODE).seed), _hanoi_who(name))
        else:
            transcript = read_transcript(hanoi_folder / f"{_stem(name)}.toml")
            replayed = replay(hanoi, transcript).state
            assert replayed is not None
            carry = _going_on(replayed, Who.of(transcript))
        if name == FORGING_STUDENT:
            forged = tuple((m, 100 if m == "trust" else v) for m, v in carry.meters)
            carry = attrs.evolve(carry, meters=forged)
        state = _student_game(following, index, "student-next", carry)
        code = Who(name, "graded", NEXT_CODE).write(folder / f"{_stem(name)}.toml", state)
        lines.append(f"{name}, {code}\n")
    # The codes of both rounds, in one file beside the two folders.
    handed_in = (hanoi_folder / "codes.txt").read_text(encoding="utf-8")
    (folder.parent / "codes.txt").write_text(handed_in + "".join(lines), encoding="utf-8")


class Run(NamedTuple):
    status: int
    out: list[str]
    err: list[str]


def _run(argv: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run the command line in ``cwd``, expanding ``*.toml`` arguments as a shell would."""
    monkeypatch.chdir(cwd)
    args: list[str] = []
    for arg in argv:
        args += sorted(str(p) for p in Path().glob(arg)) if "*" in arg else [arg]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(args)
    return Run(status, out.getvalue().splitlines(), err.getvalue().splitlines())


def _fits(shown: list[str], actual: list[str]) -> bool:
    """True when ``actual`` is ``shown`` with each ``...`` line standing for any lines."""
    if not shown:
        return not actual
    if shown[0] == "...":
        return any(_fits(shown[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == shown[0] and _fits(shown[1:], actual[1:])


def _marked(doc: Path, mark: str) -> Block:
    found = [b for b in fenced_blocks(doc_text(doc)) if b.mark == f"<!-- {mark} -->"]
    assert len(found) == 1, f"expected one block marked <!-- {mark} --> in {doc.name}"
    return found[0]


def _shown_run(doc: Path, mark: str) -> tuple[list[str], list[str]]:
    """The command (``$ python -m game ...``, split) and the output shown in a marked block."""
    first, *shown = _marked(doc, mark).body.splitlines()
    assert first.startswith("$ python -m game "), first
    return shlex.split(first.removeprefix("$ python -m game ")), shown


@pytest.fixture(scope="module")
def classroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with ``class/`` (Hanoi), and ``hanoi/`` plus ``next/`` and the ``codes.txt`` of
    both rounds for the next summit."""
    root = tmp_path_factory.mktemp("classroom")
    (root / "class").mkdir()
    simulated_class(root / "class")
    shutil.copytree(root / "class", root / "hanoi")
    simulated_next_round(root / "hanoi", root / "next")
    return root


def test_the_class_code_shown_is_what_code_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    argv, shown = _shown_run(TEACHING_DOC, "class-code")
    result = _run(argv, ROOT, monkeypatch)
    assert result.status == 0
    assert shown == result.out + result.err
    argv, shown = _shown_run(TEACHING_DOC, "mistyped-code")
    assert argv[:2] == ["--code", MISTYPED]
    with pytest.raises(ClassCodeError):  # a valid code would open the window
        decode(MISTYPED)
    result = _run(argv, ROOT, monkeypatch)  # refused before any window opens
    assert result.status == 2
    assert shown == result.err


@pytest.mark.parametrize(
    ("mark", "folder", "status"),
    [
        ("class-verify", "class", 1),
        ("class-report", "class", 0),
        ("next-verify", "", 1),
        ("next-verify-hanoi-code", "", 1),
        ("next-report", "", 0),
    ],
)
def test_the_class_runs_shown_are_current(
    classroom: Path, monkeypatch: pytest.MonkeyPatch, mark: str, folder: str, status: int
) -> None:
    argv, shown = _shown_run(TEACHING_DOC, mark)
    result = _run(argv, classroom / folder, monkeypatch)
    assert result.status == status
    actual = result.out
    if "--out" in argv:  # the written paths, then what went to standard error
        actual = [*result.out, *result.err]
    assert _fits(shown, actual), f"{mark}: the run now prints:\n" + "\n".join(actual)


def test_the_class_report_shown_is_current(
    classroom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv, _ = _shown_run(TEACHING_DOC, "class-report")
    _run(argv, classroom / "class", monkeypatch)
    out = Path(argv[argv.index("--out") + 1])
    written = (classroom / "class" / out / "report.md").read_text(encoding="utf-8").splitlines()
    shown = _marked(TEACHING_DOC, "class-report-md").body.splitlines()
    assert _fits(shown, written), "report.md now reads:\n" + "\n".join(written)
    csv_shown = _marked(TEACHING_DOC, "class-report-csv").body.splitlines()
    csv_written = (classroom / "class" / out / "report.csv").read_text(encoding="utf-8")
    assert _fits(csv_shown, csv_written.splitlines())


def test_the_next_report_shown_is_current(classroom: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The report over both rounds covers the class code's summit and lists the other's games
    apart, by the paths given; without a class code it covers the later summit; with the Hanoi
    code, Hanoi, with the next summit's games listed apart too, none left out for the code."""
    argv, _ = _shown_run(TEACHING_DOC, "next-report")
    assert argv[:3] == ["report", "hanoi/*.toml", "next/*.toml"]  # the order does not matter
    _run(argv, classroom, monkeypatch)
    out = classroom / argv[argv.index("--out") + 1]
    written = (out / "report.md").read_text(encoding="utf-8").splitlines()
    shown = _marked(TEACHING_DOC, "next-report-md").body.splitlines()
    assert _fits(shown, written), "report.md now reads:\n" + "\n".join(written)
    reversed_argv = ["report", "next/*.toml", "hanoi/*.toml", *argv[3:]]
    reversed_argv[reversed_argv.index("--out") + 1] = "report-reversed"
    _run(reversed_argv, classroom, monkeypatch)
    again = (classroom / "report-reversed" / "report.md").read_text(encoding="utf-8")
    assert again.splitlines()[:3] == written[:3]
    code_at = argv.index("--code")
    plain = [*argv[:code_at], *argv[code_at + 2 :]]
    plain[plain.index("--out") + 1] = "report-plain"
    _run(plain, classroom, monkeypatch)
    title = (classroom / "report-plain" / "report.md").read_text(encoding="utf-8").splitlines()[0]
    assert title == written[0] == "# Class report: The next summit"
    first = [*argv[:code_at], "--code", CLASS_CODE, *argv[code_at + 2 :]]
    first[first.index("--out") + 1] = "report-hanoi"
    result = _run(first, classroom, monkeypatch)
    hanoi_md = (classroom / "report-hanoi" / "report.md").read_text(encoding="utf-8")
    assert hanoi_md.splitlines()[0] == "# Class report: Hanoi, February 2019"
    left_out = {line.split(": ")[1] for line in result.err if line.startswith("left out: ")}
    assert left_out == {
        f"hanoi/{_stem(PRACTICE_STUDENT)}.toml",  # the practice code, not the class's
        f"hanoi/{_stem(EDITING_STUDENT)}.toml",
        f"next/{_stem(ELSEWHERE_STUDENT)}.toml",
        f"next/{_stem(FORGING_STUDENT)}.toml",
    }
    assert f"- `next/{_stem(STUDENTS[0])}.toml`: a verified game of The next summit" in hanoi_md


def test_the_codes_handed_in_shown_are_the_class_codes(classroom: Path) -> None:
    handed_in = (classroom / "class" / "codes.txt").read_text(encoding="utf-8").splitlines()
    shown = _marked(TEACHING_DOC, "class-codes").body.splitlines()
    assert shown and all(line in handed_in for line in shown)
    both = (classroom / "codes.txt").read_text(encoding="utf-8").splitlines()
    assert _fits(_marked(TEACHING_DOC, "next-codes").body.splitlines(), both)


def test_the_codes_file_errors_shown_are_what_verify_says(
    classroom: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name without its code, and a code written with U for V, each stop the run (shown on
    the first line of the class's codes with a V in its code)."""
    lines = (classroom / "class" / "codes.txt").read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if "V" in line.rsplit(", ", 1)[1])
    name, code = lines[at].rsplit(", ", 1)
    assert code.replace("V", "U") == MISREAD
    shutil.copy(classroom / "class" / f"{_stem(STUDENTS[0])}.toml", tmp_path / "ada.toml")
    errors = []
    for wrong in (name, f"{name}, {MISREAD}"):
        written = [*lines[:at], wrong, *lines[at + 1 :]]
        (tmp_path / "codes.txt").write_text("\n".join(written) + "\n", encoding="utf-8")
        result = _run(["verify", "ada.toml", "--codes", "codes.txt"], tmp_path, monkeypatch)
        assert result.status == 2 and result.out == []
        errors += result.err
    assert errors == _marked(TEACHING_DOC, "codes-file-errors").body.splitlines()


def test_the_codes_line_written_leniently_counts(
    classroom: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The line the teacher's guide says counts as Ada's does: her transcript verifies with it."""
    text = re.sub(r"\s+", " ", doc_text(TEACHING_DOC))
    found = re.search(r"so `([^`]+)` counts as the first line above", text)
    assert found is not None
    first = (classroom / "class" / "codes.txt").read_text(encoding="utf-8").splitlines()[0]
    assert found[1] != first and found[1].casefold().startswith(STUDENTS[0].casefold())
    (tmp_path / "codes.txt").write_text(found[1] + "\n", encoding="utf-8")
    shutil.copy(classroom / "class" / f"{_stem(STUDENTS[0])}.toml", tmp_path / "ada.toml")
    result = _run(["verify", "ada.toml", "--codes", "codes.txt"], tmp_path, monkeypatch)
    assert result.out == ["ada.toml: ok"]


def test_a_game_handed_in_under_a_classmate_s_name_is_caught(
    classroom: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the teacher's guide says: renamed, a transcript fails its own code; with that code
    deleted too, it is refused as incomplete."""
    text = re.sub(r"\s+", " ", doc_text(TEACHING_DOC))
    assert "one with that code deleted from the file is refused as incomplete" in text
    ada = (classroom / "class" / f"{_stem(STUDENTS[0])}.toml").read_text(encoding="utf-8")
    claimed = ada.replace(f'player = "{STUDENTS[0]}"', f'player = "{STUDENTS[1]}"', 1)
    uncoded = re.sub(r'\nverification = ".*"\n', "\n", claimed, count=1)
    assert ada != claimed != uncoded
    (tmp_path / "claimed.toml").write_text(claimed, encoding="utf-8")
    (tmp_path / "uncoded.toml").write_text(uncoded, encoding="utf-8")
    checked = ["--code", CLASS_CODE, "--codes", str(classroom / "class" / "codes.txt")]
    result = _run(["verify", "claimed.toml", "uncoded.toml", *checked], tmp_path, monkeypatch)
    assert result.status == 1
    assert re.fullmatch(r"claimed\.toml: verification code \S+, replay gives \S+", result.out[0])
    assert result.out[1] == "uncoded.toml: the verification code is missing"


def test_every_student_s_own_earlier_game_vouches(
    classroom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the teacher's guide promises: a next-summit game is vouched for by the student's own
    Hanoi transcript, even when a classmate played exactly the same Hanoi game."""
    result = _run(["verify", "hanoi/*.toml", "next/*.toml"], classroom, monkeypatch)
    failing = {line.split(": ", 1)[0] for line in result.out if not line.endswith(": ok")}
    assert failing == {
        f"hanoi/{_stem(EDITING_STUDENT)}.toml",
        f"next/{_stem(ELSEWHERE_STUDENT)}.toml",
        f"next/{_stem(FORGING_STUDENT)}.toml",
    }


def test_either_round_s_class_code_covers_both_rounds(
    classroom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the teacher's guide says, verifying both rounds with the Hanoi code instead of the next
    summit's changes only the line that names the code: Gabriel's practice game."""
    checked = ["verify", "hanoi/*.toml", "next/*.toml", "--codes", "codes.txt", "--code"]
    with_next = _run([*checked, NEXT_CODE], classroom, monkeypatch).out
    with_hanoi = _run([*checked, CLASS_CODE], classroom, monkeypatch).out
    changed = [(a, b) for a, b in zip(with_next, with_hanoi, strict=True) if a != b]
    gabriel = f"hanoi/{_stem(PRACTICE_STUDENT)}.toml: played in practice mode, but class code"
    assert changed == [(f"{gabriel} {NEXT_CODE} is graded", f"{gabriel} {CLASS_CODE} is graded")]
    text = re.sub(r"\s+", " ", doc_text(TEACHING_DOC))
    assert "With the Hanoi code instead, only the line that names the code changes" in text


def _hanoi_games(classroom: Path) -> dict[str, tuple[GameState, str]]:
    """Each student's Hanoi game as replayed, with the code written down, by name."""
    hanoi = load_scenario("hanoi")
    games = {}
    for name in STUDENTS:
        transcript = read_transcript(classroom / "hanoi" / f"{_stem(name)}.toml")
        state = replay(hanoi, transcript).state
        if state is not None and name != EDITING_STUDENT:
            games[name] = (state, transcript.verification)
    return games


def test_the_students_said_to_play_the_same_game_did_and_have_two_codes(
    classroom: Path,
) -> None:
    """The teacher's guide names the students who made exactly the same Hanoi moves: their
    games are one game, and their codes still differ (the code covers who played)."""
    text = re.sub(r"\s+", " ", doc_text(TEACHING_DOC))
    games = _hanoi_games(classroom)
    same = {
        frozenset((one, other))
        for one in games
        for other in games
        if one < other and games[one][0].hash == games[other][0].hash
    }
    assert same, "no two simulated students played the same Hanoi game"
    for pair in same:
        one, other = sorted(pair)
        assert games[one][1] != games[other][1], pair
    said = re.search(r"(\w+ \w+) and (\w+ \w+) made exactly the same moves in Hanoi", text)
    assert said is not None and frozenset(said.groups()) in same
    for name in said.groups():
        assert games[name][1] in text, f"{name}'s code is not shown"


def test_a_variant_keeping_hanoi_s_id_and_code_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check`` names the installed file it clashes with from the game's folder; ``code``
    refuses to make class codes for the copy."""
    argv, shown = _shown_run(TEACHING_DOC, "variant-clash")
    assert argv == ["check", "scenarios/hanoi_election.toml"]
    _install_variant(tmp_path / "scenarios", monkeypatch)
    result = _run(argv, tmp_path, monkeypatch)
    assert result.status == 2
    assert result.out == shown
    text = doc_text(SCENARIOS_DOC)
    for line in shown:  # docs/scenarios.md quotes the same two messages
        message = line.split(": ", 2)[2].split(", got ")[0]
        assert message in text, message
    argv, shown = _shown_run(TEACHING_DOC, "code-clash")
    assert argv[:3] == ["code", "--scenario", "hanoi_election"]
    result = _run(argv, tmp_path, monkeypatch)
    assert result.status == 2 and result.out == []
    assert result.err == shown
    assert "also uses the class code HNOI; give one of them" in re.sub(r"\s+", " ", text)


def _tamper(text: str, case: str) -> str:
    """A student's transcript changed as the verify table of the teacher's guide says."""
    head, *turns = text.split("[[turns]]\n")
    turns[-1], mark, result = turns[-1].partition("[outcome]\n")
    outcome_part = mark + result

    def join(parts: list[str], tail: str = outcome_part, top: str = head) -> str:
        return top + "".join("[[turns]]\n" + part for part in parts) + tail

    if case == "meter":
        turns[2] = re.sub(
            r"trust = (\d+)", lambda f: f"trust = {int(f[1]) + 10}", turns[2], count=1
        )
        return join(turns)
    if case == "reaction":
        turns[3] = re.sub(r'reaction = "\w+"', 'reaction = "reject"', turns[3], count=1)
        return join(turns)
    if case == "removed":
        return join(turns[:2] + turns[3:])
    if case == "inserted":
        return join(turns[:3] + turns[2:])
    if case == "reordered":
        return join([*turns[:2], turns[3], turns[2], *turns[4:]])
    if case == "cut":
        return join(turns[:5], "", re.sub(r'verification = ".*"\n', "", head))
    if case == "cut_outcome":
        return join(turns[:5])
    if case == "cut_code":
        return join(turns[:5], "")
    if case == "rules":
        return text.replace("engine = 1\n", "engine = 0\n", 1)
    if case == "changed":
        return re.sub(r'scenario_sha256 = "\w+"', f'scenario_sha256 = "{"0" * 64}"', text, count=1)
    if case == "variant":
        return text.replace('scenario = "hanoi"', 'scenario = "hanoi_election"', 1)
    if case == "renamed":
        return text.replace(f'player = "{STUDENTS[0]}"', 'player = "Ada King"', 1)
    if case == "own_code":
        return text.replace(f'code = "{CLASS_CODE}"', f'code = "{PRACTICE_CODE}"', 1)
    assert case == "syntax", case
    return text.replace("\nn = 2\n", "\nn = 2\nround = \n", 1)


TAMPERED = (
    "meter",
    "reaction",
    "removed",
    "inserted",
    "reordered",
    "cut",
    "cut_outcome",
    "cut_code",
    "rules",
    "changed",
    "variant",
    "renamed",
    "own_code",
    "syntax",
)


def test_every_verify_line_in_the_table_is_what_verify_says(
    classroom: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table of verify lines quotes real lines, mostly for the first student's transcript
    changed by hand, and every line it quotes is one of them."""
    source = classroom / "class" / f"{_stem(STUDENTS[0])}.toml"
    text = source.read_text(encoding="utf-8")
    codes = (classroom / "class" / "codes.txt").read_text(encoding="utf-8").splitlines()
    other_code = codes[1].rsplit(", ", 1)[1]
    runs: list[list[str]] = []
    for case in TAMPERED:
        (tmp_path / f"{case}.toml").write_text(_tamper(text, case), encoding="utf-8")
        runs.append([f"{case}.toml", "--code", CLASS_CODE])
    shutil.copy(source, tmp_path / "ada.toml")
    hanoi = load_scenario("hanoi")
    for name, file_text in {
        "wrong.txt": f"{STUDENTS[0]}, {other_code}\n",
        "anonymous.txt": f"{other_code}\n",
        "nameless.txt": f"{STUDENTS[1]}, {other_code}\n",
    }.items():
        (tmp_path / name).write_text(file_text, encoding="utf-8")
        runs.append(["ada.toml", "--code", CLASS_CODE, "--codes", name])
    write_transcript(tmp_path / "seed.toml", play(hanoi, "essay", 5), player="A", mode="graded")
    undos = (Undo(2, "demand_cvid", "counter"), Undo(5, "embassies", "reject"))
    write_transcript(
        tmp_path / "undo.toml",
        play(hanoi, "essay", 1234),
        player="A",
        mode="graded",
        code=CLASS_CODE,
        undos=undos,
    )
    runs += [[f"{name}.toml", "--code", CLASS_CODE] for name in ("seed", "undo")]
    runs.append(
        [str(classroom / "class" / f"{_stem(PRACTICE_STUDENT)}.toml"), "--code", CLASS_CODE]
    )
    runs.append(["missing.toml"])
    hanoi_files = sorted(str(path) for path in (classroom / "hanoi").glob("*.toml"))
    for student in (ELSEWHERE_STUDENT, FORGING_STUDENT):
        runs.append([str(classroom / "next" / f"{_stem(student)}.toml"), *hanoi_files])
    # Ada's next summit checked with her Hanoi transcript edited (meter.toml, above).
    runs.append([str(classroom / "next" / f"{_stem(STUDENTS[0])}.toml"), "meter.toml"])
    # Ada going on from a classmate's Hanoi game.
    lent_path = classroom / "hanoi" / f"{_stem(STUDENTS[2])}.toml"
    lent = read_transcript(lent_path)
    earlier = replay(hanoi, lent).state
    assert earlier is not None
    following = load_scenario("next_summit")
    borrowed = _student_game(following, 0, "borrowed", _going_on(earlier, Who.of(lent)))
    Who(STUDENTS[0], "graded", NEXT_CODE).write(tmp_path / "borrowed.toml", borrowed)
    runs.append(["borrowed.toml", *hanoi_files])
    said = {_verify_message(argv, tmp_path, monkeypatch) for argv in runs}
    # Untouched, and a next-summit game of the class checked with the Hanoi code: both ok.
    checked = ["--code", CLASS_CODE, "--codes", str(classroom / "codes.txt")]
    alan = str(classroom / "next" / f"{_stem(STUDENTS[1])}.toml")
    for files in (["ada.toml"], [alan, *hanoi_files]):
        message = _verify_message([*files, *checked], tmp_path, monkeypatch)
        assert message == "ok", f"verify {files[0]} {' '.join(checked)} now says: {message}"
        said.add(message)
    # A game of another installed scenario, checked with the Hanoi code.
    variant = _install_variant(tmp_path / "installed", monkeypatch, code="ELEC")
    state = play(load_scenario(variant), "essay", 1234)
    Who("A", "graded", "").write(tmp_path / "elsewhere.toml", state)
    said.add(_verify_message(["elsewhere.toml", "--code", CLASS_CODE], tmp_path, monkeypatch))
    table = _verify_table()
    assert said - table == set(), "verify says lines the table does not quote"
    assert table - said == set(), "the table quotes lines verify no longer says"


def _verify_message(argv: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """What ``verify`` says about the one file it is given first."""
    result = _run(["verify", *argv], cwd, monkeypatch)
    return result.out[0].split(": ", 1)[1]


def _install_variant(folder: Path, monkeypatch: pytest.MonkeyPatch, *, code: str = "") -> Path:
    """Install the bundled scenarios and a copy of Hanoi named hanoi_election.toml in
    ``folder``, as the game's scenarios folder. The copy keeps Hanoi's id, code and title
    unless ``code`` is given, which also gives it an id and a title of its own."""
    folder.mkdir()
    for path in scenario_paths():
        shutil.copy(path, folder / path.name)
    text = (folder / "hanoi.toml").read_text(encoding="utf-8")
    if code:
        text = text.replace('\nid = "hanoi"\n', '\nid = "hanoi_election"\n', 1)
        text = text.replace('\ncode = "HNOI"\n', f'\ncode = "{code}"\n', 1)
        text = text.replace('\ntitle = "', '\ntitle = "Election year: ', 1)
        assert text.count("hanoi_election") == 1 and f'"{code}"' in text
    variant = folder / "hanoi_election.toml"
    variant.write_text(text, encoding="utf-8")
    monkeypatch.setattr("game.store.scenarios.scenario_dir", lambda: folder)
    return variant


def _verify_table() -> set[str]:
    """The verify lines quoted in the first column of the teacher's guide's table."""
    return set(re.findall(r"^\| `([^`]+)`", doc_text(TEACHING_DOC), re.MULTILINE))


# --- all three: verification and class codes -------------------------------------------------


MISTYPED = "HNOI-16JK"
"""The class code the teacher's guide shows being refused: it must stay invalid."""
MISREAD = "K2UC-QMS1"
"""A verification code written down with U for V, which the teacher's guide shows refused."""


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
