"""docs/scenarios.md: its example scenario loads, plays with every built-in strategy and still
gives the batch table printed beside it; every key the loader accepts is documented; the
checker's lines and the explanations it quotes are what the game prints.
"""

from __future__ import annotations

import copy
import functools
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.cli.batch import run_batch, table
from game.engine import (
    Move,
    OfferKind,
    Scenario,
    ScenarioError,
    Terminal,
    apply,
    available_moves,
    new_game,
    outcome,
    scenario_from_dict,
)
from game.engine.describe import StrategyName
from game.engine.rng import draw, seed_state
from game.engine.strategies import STRATEGIES, play
from game.store.scenarios import load_scenario, scenario_paths
from tests.docs.helpers import SCENARIOS_DOC, doc_text, example_block, fenced_blocks, run

PROBE = "zz_undocumented_probe"

KNOWN_KEYS = re.compile(r"expected one of the known keys (.+), got unknown key")


def test_the_example_scenario_loads(example: Scenario) -> None:
    assert example.id and example.offers and example.endings


def test_the_example_shows_every_part_of_the_format(example: Scenario) -> None:
    assert {offer.kind for offer in example.offers} == set(OfferKind)
    assert example.transitions and example.proposals and example.events and example.scorecards
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
        result = run(["check", name], tmp_path, monkeypatch)
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
