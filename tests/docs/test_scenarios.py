"""docs/scenarios.md: its example scenario loads, shows every part of the format and plays with
every built-in strategy; the games, thresholds, batch table and balance figures printed beside it
are what the engine produces now; every key the loader accepts is documented; the checker's
lines and the explanations it quotes are what the game prints.
"""

from __future__ import annotations

import copy
import functools
import re
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from game.cli.batch import run_batch, table
from game.engine import (
    REJECT,
    GameState,
    MeterGroup,
    Move,
    OfferKind,
    Scenario,
    ScenarioError,
    Terminal,
    Turn,
    apply,
    available_moves,
    move_options,
    new_game,
    outcome,
    parse_scenario,
    scenario_from_dict,
)
from game.engine.analysis import Analysis, FixedLine, analyze, score_line
from game.engine.describe import REPLIED, StrategyName, meters_line, signed
from game.engine.rng import draw, seed_state
from game.engine.strategies import MAX_DECISIONS, STRATEGIES, play
from game.store.scenarios import load_scenario, scenario_paths
from tests.docs.helpers import (
    SCENARIOS_DOC,
    doc_text,
    example_block,
    fenced_blocks,
    marked,
    run,
    shown_run,
)

PROBE = "zz_undocumented_probe"

KNOWN_KEYS = re.compile(r"expected one of the known keys (.+), got unknown key")

WORKED_MARK = "<!-- worked-game -->"

FIRST_GAME = ("consult:capital", "consult:capital", "accept", "hotline:formal", "joint_patrols")
SECOND_GAME = ("hotline:informal", "consult:capital", "accept", "hotline:formal", "joint_patrols")
BREAKDOWN = (
    ("first game", 929, FIRST_GAME[:4]),
    ("second game", 929, SECOND_GAME[:1]),
    ("second game", 929, SECOND_GAME),
)
"""The thresholds section 6 takes apart: in which of its two games of seed 929, and the moves up to
the one judged."""

BUDGET, TRAIN, TEST = 200, 100, 400
"""The arguments of the ``analyze`` run section 9 shows."""

TIMES = "\u00d7"
"""The multiplication sign the threshold table writes."""

DRAFT = (
    ("weight = 2\nshift = -3", "weight = 3\nshift = -3"),
    ("weight = 3\nshift = 4", "weight = 2\nshift = 4"),
    (
        'accord = "hotline"\nvariant = "with their',
        'accord = "joint_patrols"\nvariant = "with their',
    ),
    ('amend = "hotline:formal"\n', ""),
    ("tabled_limit = 1\n", "tabled_limit = 0\n"),
    (
        'requires = { round_at_least = "working", reason = "the fisheries experts arrive for '
        'the working session" }\n',
        "",
    ),
)
"""The early draft of the example that section 9 describes, as edits of the example: the steady
officials drawn more often, the observers proposal creating joint patrols (with no amendment),
no limit on the proposals they table, catch limits on the menu from the first session."""


def _example_text() -> str:
    return example_block().body


def _edited(replacements: Sequence[tuple[str, str]]) -> Scenario:
    """The example with some text replaced (each replacement must find its text)."""
    text = _example_text()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return parse_scenario(text, "edited example")


# --- the example -------------------------------------------------------------------------


def test_the_example_scenario_loads(example: Scenario) -> None:
    assert example.id and example.offers and example.endings


def test_the_example_shows_every_part_of_the_format(example: Scenario) -> None:
    assert {offer.kind for offer in example.offers} == set(OfferKind)
    assert example.transitions and example.events and example.scorecards
    assert any(meter.role is not None for meter in example.meters)
    # What the delegation wants, and the neighbours.
    assert len(example.interests) >= 2
    region = [meter for meter in example.meters if meter.group is MeterGroup.REGION]
    assert any(meter.bands and meter.rise and meter.fall for meter in region)
    # Offers, variants and needs.
    offers = example.offers
    variants = [variant for offer in offers for variant in offer.variants]
    assert any(offer.serves for offer in offers) and any(variant.serves for variant in variants)
    assert any(offer.hold < 100 for offer in offers) or any(v.hold is not None for v in variants)
    assert any(variant.counterproductive for variant in variants)
    assert any(variant.tacit for variant in variants)
    assert any(need.fixed and not need.who for offer in offers for need in offer.needs)
    assert any(need.who for offer in offers for need in offer.needs)
    assert any(offer.counter for offer in offers)
    assert any(not offer.requires.is_empty for offer in offers)
    assert any(o.requires.round_at_most is not None for o in offers)
    # Their proposals: a main one, one with an amendment, one they table when a condition holds.
    proposals = example.proposals
    assert len(proposals) >= 2 and example.main_proposal is not None
    assert any(proposal.amend for proposal in proposals)
    listed = {index for profile in example.profiles for index in profile.proposals}
    assert any(
        i in listed and not p.tabled.is_empty and p.tabled.round_at_least is None
        for i, p in enumerate(proposals)
    )
    assert any(p.hardens for p in proposals) and any(p.their_view and p.our_view for p in proposals)
    assert any(p.say.tabled for p in proposals) and any(p.say.counter for p in proposals)
    # The hidden profiles and their hand.
    profiles = example.profiles
    assert len(profiles) >= 2 and len({p.weight for p in profiles}) >= 2
    assert all(profile.agenda and profile.proposals and profile.opening for profile in profiles)
    assert len({profile.agenda for profile in profiles}) == len(profiles)
    assert any(":" in line for profile in profiles for line in profile.red_lines)
    assert any(profile.red_line_walkout is not None for profile in profiles)
    assert any(profile.counter_first for profile in profiles) and any(
        p.say.accept for p in profiles
    )
    quirks = [quirk for profile in profiles for quirk in profile.quirks]
    assert any(quirk.variant for quirk in quirks)
    assert any(quirk.target in example.proposal_index for quirk in quirks)
    assert any(quirk.target in example.offer_index and not quirk.variant for quirk in quirks)
    assert any(q.shift for q in quirks) and any(q.serves for q in quirks)
    assert any(not q.on_accept.is_empty for q in quirks)
    assert any(not q.on_reject.is_empty for q in quirks) and any(q.say.accept for q in quirks)
    # Between rounds, memory and the rules that drive them.
    assert any(event.test is not None for event in example.events) and example.drifts
    rules = example.rules
    assert rules.focus_shift and rules.early_shift and rules.grudge_shift and rules.amend_shift
    assert not rules.focus_bonus.is_empty and rules.early_cost.grudge and rules.red_line.grudge
    assert rules.red_line_walkout is not None and not rules.red_line_walkout.is_empty
    assert rules.tabled_limit
    assert not rules.walkout_when.is_empty
    # The end, and the named lines.
    assert len({ending.tier for ending in example.endings}) >= 3 and example.examples
    assert {line.id for line in example.lines} >= {
        "essay",
        "historical",
        "hawk",
        "dove",
        "keep_talking",
    }
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


def test_the_example_s_known_games_end_where_they_say(example: Scenario) -> None:
    for known in example.examples:
        state = new_game(example, known.seed)
        for move in known.moves:
            state = apply(state, Move.parse(move)).state
        result = outcome(state)
        assert result is not None and result.ending.id == known.ending


# --- the outputs shown -------------------------------------------------------------------


def test_the_batch_table_printed_for_the_example_is_current(tmp_path: Path) -> None:
    text = doc_text(SCENARIOS_DOC)
    printed = next(
        (b.body for b in fenced_blocks(text) if b.body.startswith("Strategy essay: 400 games")),
        None,
    )
    assert printed is not None, "the essay batch table is missing from docs/scenarios.md"
    path = tmp_path / "example.toml"
    path.write_text(_example_text(), encoding="utf-8")
    scenario = load_scenario(path)
    produced = table(run_batch(path, StrategyName.ESSAY, 400, 0), scenario) + "\n"
    assert printed == produced, "docs/scenarios.md shows an outdated batch table; now:\n" + produced


def locked_cards(scenario: Scenario) -> list[str]:
    """The reasons section 5 shows on locked cards: joint patrols and catch limits at the start of
    seed 0, and blame for the collision once the closing session has come."""
    state = new_game(scenario, 0)
    early = {option.move.offer: option.reason for option in move_options(state)}
    while state.round < len(scenario.rounds) - 1:
        move = Move(REJECT) if state.pending is not None else Move("consult", "capital")
        state = apply(state, move).state
    assert not state.is_over
    late = {option.move.offer: option.reason for option in move_options(state)}
    return [early["joint_patrols"], early["catch_limits"], late["blame"]]


def test_the_locked_cards_shown_are_current(example: Scenario) -> None:
    shown = marked(SCENARIOS_DOC, "locked-cards").body
    assert shown == "".join(f"{line}\n" for line in locked_cards(example))


def _between(scenario: Scenario, turn: Turn) -> str:
    """What happened between two sessions after this turn, in the page's words."""
    parts = []
    for event in (e for e in scenario.events if e.id in turn.events):
        if event.test is not None and turn.tests:
            held = turn.tests[0][1]
            parts.append(f"{event.title}: {event.test.held if held else event.test.broken}")
        else:
            parts.append(event.title)
    parts += [drift.text for drift in scenario.drifts if drift.id in turn.drifts]
    if turn.tabled is not None:
        parts.append(f"they table {scenario.proposal(turn.tabled).label}")
    return "; ".join(parts)


def worked_game(scenario: Scenario, seed: int, moves: Sequence[str]) -> str:
    """A game as section 6 prints it: each move, its explanation, what they say, how the
    neighbours took it, what happened between sessions, the meters after it; then the ending."""
    state = new_game(scenario, seed)
    profile = state.profile_info
    lines = [
        f"seed {seed} · {profile.label} · profile shift {profile.shift}, "
        f"jitter {state.hardness - profile.shift:+d}",
        f'"{profile.opening}"',
    ]
    for text in moves:
        result = apply(state, Move.parse(text))
        state, reaction = result.state, result.reaction
        turn = state.turns[-1]
        lines += [f"{turn.number:>2}. {text}", f"    {reaction.why}"]
        if reaction.say:
            lines.append(f'    "{reaction.say}"')
        lines += [f"    {aside}" for aside in reaction.asides]
        between = _between(scenario, turn)
        if between:
            lines.append(f"    between sessions: {between}")
        lines.append("    " + meters_line(scenario, state.meters, state.stance))
    end = outcome(state)
    assert end is not None, "a worked game must be played to its end"
    scores = ", ".join(f"{score.label} {score.value}" for score in end.scores)
    return "\n".join([*lines, f"{end.ending.title}: {scores}"]) + "\n"


def _worked_blocks() -> list[str]:
    found = [b.body for b in fenced_blocks(doc_text(SCENARIOS_DOC)) if b.mark == WORKED_MARK]
    assert len(found) >= 2, f"expected the worked games marked {WORKED_MARK}"
    return found


def _worked_script(block: str) -> tuple[int, list[str]]:
    seed = re.match(r"seed (\d+) ", block)
    assert seed is not None, block.splitlines()[0]
    return int(seed.group(1)), re.findall(r"^ *\d+\. (\S+)$", block, re.MULTILINE)


def test_the_worked_games_shown_are_current(example: Scenario) -> None:
    for block in _worked_blocks():
        seed, moves = _worked_script(block)
        produced = worked_game(example, seed, moves)
        assert block == produced, (
            "a worked game in docs/scenarios.md is outdated; now:\n" + produced
        )


def _cell(value: int, note: str = "") -> str:
    if not value:
        return "0"
    return f"{signed(value)} ({note})" if note else signed(value)


def threshold_rows(scenario: Scenario, state: GameState, move: Move) -> dict[str, str]:
    """Each term of the threshold of the need that decides ``move``, as the page's table shows
    it, worked out from what the page says the engine adds up."""
    rules = scenario.rules
    offer = scenario.offer(move.offer)
    variant = offer.variant(move.variant)
    profile = state.profile_info
    quirk = profile.quirk(offer.id, variant.id if variant else None)
    served = {
        i for i, points in (*offer.serves, *(variant.serves if variant else ())) if points > 0
    }
    focus = state.focus
    later = {
        i for i in profile.agenda if i != focus and state.points[i] < scenario.interests[i].met
    }
    agenda = ""
    if focus is not None and focus in served:
        agenda = "focus_shift"
    elif focus is not None and served & later:
        agenda = "early_shift"
    hardens = sum(
        p.hardens for p in scenario.proposals if p.id in state.rejected and p.accord == offer.id
    )
    grudges = len(state.grudges)
    noise, _ = draw(state.rng, -rules.noise, rules.noise)
    stance = scenario.stances[state.stance]
    terms = [
        state.hardness,
        stance.shift,
        variant.shift if variant else 0,
        quirk.shift if quirk else 0,
        rules.grudge_shift * grudges,
        hardens,
        getattr(rules, agenda) if agenda else 0,
        noise,
    ]
    worst: tuple[int, str, int, int] | None = None
    for need in offer.needs:
        meter = scenario.meters[need.meter]
        shift = 0 if need.fixed else sum(terms)
        value = state.meters[need.meter]
        if need.at_least is not None:
            limit = min(max(need.at_least + shift, meter.minimum), meter.maximum)
            reading = (limit - value, f"{meter.label} at least {need.at_least}", limit, value)
        else:
            limit = min(max((need.at_most or 0) - shift, meter.minimum), meter.maximum)
            reading = (value - limit, f"{meter.label} at most {need.at_most}", limit, value)
        if worst is None or reading[0] > worst[0]:
            worst = reading
    assert worst is not None
    return {
        "need": worst[1],
        "profile: shift and jitter": _cell(state.hardness),
        "stance": _cell(stance.shift, stance.label),
        "variant": _cell(terms[2], variant.label if variant else ""),
        "quirk": _cell(terms[3]),
        f"grudges {TIMES} `grudge_shift`": _cell(
            terms[4], f"{grudges} {TIMES} {rules.grudge_shift}"
        ),
        "refused proposals' `hardens`": _cell(hardens),
        "their agenda": _cell(terms[6], f"`{agenda}`"),
        "noise": _cell(noise),
        "threshold": str(worst[2]),
    }


def test_the_threshold_table_adds_up_as_the_engine_does(example: Scenario) -> None:
    columns: list[dict[str, str]] = []
    for _, seed, moves in BREAKDOWN:
        state = new_game(example, seed)
        for text in moves[:-1]:
            state = apply(state, Move.parse(text)).state
        move = Move.parse(moves[-1])
        rows = threshold_rows(example, state, move)
        reaction = apply(state, move).reaction
        # The sum the page explains is the threshold the explanation names.
        assert f"the {rows['threshold']} they need" in reaction.why, reaction.why
        rows["their answer"] = REPLIED[reaction.kind]
        columns.append(rows)
    text = doc_text(SCENARIOS_DOC)
    header = " | ".join(f"{game}, move {len(moves)}: `{moves[-1]}`" for game, _, moves in BREAKDOWN)
    assert f"| term | {header} |" in text
    for name in columns[0]:
        row = f"| {name} | " + " | ".join(column[name] for column in columns) + " |"
        assert row in text, f"docs/scenarios.md lacks the row\n{row}"


def _analyze(scenario: Scenario) -> Analysis:
    return analyze(scenario, budget=BUDGET, train=TRAIN, test=TEST)


def _percent(share: float) -> str:
    return f"{share:.1%}"


def analysis_rows(draft: Analysis, final: Analysis) -> list[str]:
    """The rows of the page's table of balance figures: the draft's, then the example's."""

    def both(figure: Any) -> str:
        return f"{figure(draft)} | {figure(final)}"

    def flagged(analysis: Analysis) -> str:
        return ", ".join(f"`{move}`" for move in analysis.counterproductive) or "none"

    return [
        f"| the best fixed line reaches a top-tier ending | at most 50% | "
        f"{both(lambda a: _percent(a.test.top))} |",
        f"| counterproductive moves in that line | none | {both(flagged)} |",
        f"| the best line against one profile loses against the others | at least 10 points | "
        f"{both(lambda a: f'{a.profile_loss:.1f}')} |",
        f"| the opening accepted most often | at most 90% | "
        f"{both(lambda a: _percent(max(r.accepted for r in a.openings)))} |",
        f"| they table a proposal of their own | at least 90% | "
        f"{both(lambda a: _percent(a.proposals.tabled))} |",
        f"| accepting their main proposal is the better answer | 25% to 75% | "
        f"{both(lambda a: _percent(a.proposals.accept_better))} |",
    ]


@pytest.mark.slow
def test_the_balance_figures_shown_are_current(example: Scenario) -> None:
    text = doc_text(SCENARIOS_DOC)
    assert "python -m game analyze strait_talks.toml --budget 200 --train 100 --test 400" in text
    final = _analyze(example)
    draft = _analyze(_edited(DRAFT))
    missing = [row for row in analysis_rows(draft, final) if row not in text]
    assert missing == [], "docs/scenarios.md shows outdated balance figures; now:\n" + "\n".join(
        missing
    )
    flat = " ".join(text.split())
    assert f"The draft's best line was `{draft.best}`" in flat
    drafted = _edited(DRAFT)
    assert f"reached joint patrols in {_tally(drafted, 'dove', 'patrols')} games of 400" in flat
    kept = tuple(
        m for m in draft.best.moves if not drafted.offer(m.offer).is_counterproductive(m.variant)
    )
    seeds = range(100_001, 100_001 + TEST)
    trimmed = score_line(drafted, FixedLine(kept, draft.best.answers), seeds).top
    assert f"reaching the top in {_percent(trimmed)} of the test seeds" in flat


def _tally(scenario: Scenario, strategy: str, ending: str) -> int:
    """Games of 400 (seeds 0..399) in which ``strategy`` ends in ``ending``."""
    games = (outcome(play(scenario, strategy, seed)) for seed in range(400))
    return sum(1 for result in games if result is not None and result.ending.id == ending)


def _left(scenario: Scenario, strategy: str) -> str:
    """The share of 400 games in which either side left the table, as the batch table says."""
    games = (outcome(play(scenario, strategy, seed)) for seed in range(400))
    gone = (Terminal.WALKOUT, Terminal.WALKED_AWAY)
    return _percent(sum(1 for r in games if r is not None and r.terminal in gone) / 400)


@pytest.mark.slow
def test_the_tuning_figures_quoted_are_current(example: Scenario) -> None:
    text = " ".join(doc_text(SCENARIOS_DOC).split())
    majority = _edited(DRAFT[:2])
    share = _analyze(majority).test.top
    assert f"reaches the top in {_percent(share)} of test seeds" in text
    need = 'min = 45, context = "before putting'
    lower = _edited(((need, need.replace("45", "40")),))
    before, after = _tally(example, "essay", "patrols"), _tally(lower, "essay", "patrols")
    assert f"joint patrols in {before} games of 400; with 40, in {after}" in text
    leave = '{ round_at_least = "working", reason = "walking'
    closing = _edited(((leave, leave.replace("working", "closing")),))
    assert f"leaves the table in {_left(example, 'random')} of games" in text
    assert f"brings that only to {_left(closing, 'random')}" in text


# --- every key, kind and terminal --------------------------------------------------------


def _documents() -> list[dict[str, Any]]:
    """Every bundled scenario and the page's example as parsed TOML, plus a [carry] table where
    none has one."""
    documents = [tomllib.loads(path.read_text(encoding="utf-8")) for path in scenario_paths()]
    documents.append(tomllib.loads(_example_text()))
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
    shapes = (
        "",
        "rules",
        "rules.say",
        "rules.red_line_walkout",
        "offers.[]",
        "offers.[].needs.[]",
        "offers.[].variants.[]",
        "meters.[].bands.[]",
        "interests.[]",
        "proposals.[]",
        "proposals.[].tabled",
        "events.[].test",
        "drifts.[]",
        "profiles.[].quirks.[]",
        "profiles.[].quirks.[].say",
        "examples.[]",
        "carry",
    )
    for shape in shapes:
        assert shape in accepted, shape
    assert "carry" in accepted[""] and "walkout_when" in accepted["rules"]
    assert "fixed" in accepted["offers.[].needs.[]"] and "who" in accepted["offers.[].needs.[]"]
    assert "round_at_most" in accepted["proposals.[].tabled"]


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


# --- the checker -------------------------------------------------------------------------


def _broken_copies(example_text: str) -> dict[str, str]:
    """The example with the mistakes docs/scenarios.md describes, by file name."""
    broken = example_text.replace('role = "trust"\nstart = 20\n', 'role = "trust"\nstart = 120\n')
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
    for name, body in _broken_copies(_example_text()).items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        result = run(["check", name], tmp_path, monkeypatch)
        assert result.status == 2 and result.out
        missing = [line for line in result.out if line not in text]
        assert missing == [], f"check {name} now says other lines:\n" + "\n".join(result.out)
    # The page names the line the comma is missing from: the error is on the next one.
    named = re.search(r"a comma was missing at the end of line (\d+)", text)
    assert named is not None
    assert f"syntax.toml:{int(named.group(1)) + 1}:5: Unclosed array" in text


def _long_schedule(example_text: str, rounds: int) -> str:
    """The example with its schedule replaced by ``rounds`` sessions of 20 turns, the first,
    second and last keeping the ids its conditions name."""
    ids = ["opening", "working", *(f"session_{i}" for i in range(2, rounds - 1)), "closing"]
    sessions = "".join(
        f'    {{ id = "{ident}", label = "session {i + 1}", turns = 20 }},\n'
        for i, ident in enumerate(ids)
    )
    start = example_text.index("rounds = [\n")
    end = example_text.index("]\n", start)
    return example_text[:start] + "rounds = [\n" + sessions + example_text[end:]


def test_the_schedule_limit_shown_is_current(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = " ".join(doc_text(SCENARIOS_DOC).split())
    most = MAX_DECISIONS // (2 * 20 + 1)  # each session of 20 turns holds 41 decisions
    assert f"{most} sessions of 20 turns ({most * 41} decisions) are allowed" in text
    assert f"That must be at most {MAX_DECISIONS}," in text
    argv, shown = shown_run(SCENARIOS_DOC, "schedule-limit")
    assert argv == ["check", "long.toml"]
    (tmp_path / "long.toml").write_text(_long_schedule(_example_text(), most + 1), "utf-8")
    result = run(argv, tmp_path, monkeypatch)
    assert result.status == 2 and result.out == shown, "check now says:\n" + "\n".join(result.out)
    # Its known game is played on the example's schedule: with another, it goes elsewhere.
    fits = _long_schedule(_example_text(), most).replace(KNOWN_GAME, "")
    (tmp_path / "fits.toml").write_text(fits, "utf-8")
    assert run(["check", "fits.toml"], tmp_path, monkeypatch).out == ["fits.toml: ok"]


KNOWN_GAME = (
    '[[examples]]\nending = "statement_only"\nseed = 2\nmoves = ["blame:on_record", '
    '"consult:capital", "reject", "consult:capital", "consult:brennland", "consult:capital", '
    '"statement"]\n'
)
"""The example's known game, as its file writes it."""


def test_the_known_games_check_replays_are_shown_as_it_reports_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example's known game copied three times: answering their proposal with a recess,
    claiming the top ending, stopping after three moves."""
    text = _example_text()
    assert KNOWN_GAME in text
    recess = KNOWN_GAME.replace('"reject", ', "")
    claimed = KNOWN_GAME.replace('"statement_only"', '"patrols"')
    stopped = KNOWN_GAME.partition('"reject"')[0] + '"reject"]\n'
    broken = text.replace(KNOWN_GAME, "\n".join((recess, claimed, stopped)))
    argv, shown = shown_run(SCENARIOS_DOC, "known-games")
    (tmp_path / argv[-1]).write_text(broken, encoding="utf-8")
    result = run(argv, tmp_path, monkeypatch)
    assert result.status == 2 and result.out == shown, "check now says:\n" + "\n".join(result.out)


def test_the_explanations_shown_happen_in_the_example(example: Scenario) -> None:
    shown: set[str] = set()
    for block in fenced_blocks(doc_text(SCENARIOS_DOC)):
        if block.lang == "text" and block.mark != WORKED_MARK:
            pattern = r"(accepted|deferred|countered|rejected|noted|walked out|you answered)"
            if re.match(pattern, block.body):
                shown |= set(block.body.splitlines())
    assert len(shown) >= 10
    seen: set[str] = set()
    state = new_game(example, 0)
    for _ in range(2):  # the recess lines: calling the capital twice at the start
        state = apply(state, Move("consult", "capital")).state
        seen.add(state.turns[-1].reaction.why)
    for seed in range(30_000):  # random play meets every other line within ~5,000 games
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
