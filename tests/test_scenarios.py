"""Every scenario file loads and keeps its invariants; broken scenarios get every problem named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main
from game.engine import OfferKind, Scenario, ScenarioError, parse_scenario
from game.engine.scenario import Seat, Terminal
from game.engine.teams import Player, Team, TeamError, Teams, make_team, seat_label
from game.store.scenarios import load_scenario, scenario_paths

REQUIRED_OFFERS = (
    "demand_cvid",
    "yongbyon_for_relief",
    "mutual_restraint",
    "peace_declaration",
    "liaison_offices",
    "embassies",
    "accept_limited_arsenal",
    "security_assurances",
    "raise_human_rights",
    "regional_handoff",
    "next_summit",
    "joint_statement",
    "walk_away",
)
HANOI = Path(__file__).resolve().parents[1] / "scenarios" / "hanoi.toml"


@pytest.mark.parametrize("path", scenario_paths(), ids=lambda p: p.name)
def test_every_bundled_scenario_loads_and_keeps_its_invariants(path: Path) -> None:
    scenario = load_scenario(path)
    assert scenario.id == path.stem
    assert scenario.meters and scenario.stances and scenario.rounds and scenario.offers
    for meter in scenario.meters:
        assert meter.minimum <= meter.start <= meter.maximum
        assert meter.label and meter.description
    for offer in scenario.offers:
        assert offer.label and offer.summary and offer.essay, offer.id
        for variant in offer.variants:
            assert variant.label and variant.summary, (offer.id, variant.id)
    for ending in scenario.endings:
        assert ending.title and ending.text and ending.history, ending.id
    for terminal in Terminal:
        assert any(terminal in e.terminals and not e.accords for e in scenario.endings)
    assert scenario.source.author and scenario.source.title
    assert {o.kind for o in scenario.offers} >= {OfferKind.STATEMENT, OfferKind.WALK_AWAY}


def test_hanoi_has_the_offer_ids_scripts_rely_on(hanoi: Scenario) -> None:
    ids = [offer.id for offer in hanoi.offers]
    assert set(REQUIRED_OFFERS) <= set(ids)
    restraint = hanoi.offer("mutual_restraint")
    assert [v.id for v in restraint.variants] == ["unwritten", "written"]
    assert hanoi.offer("joint_statement").kind is OfferKind.STATEMENT
    assert hanoi.offer("walk_away").kind is OfferKind.WALK_AWAY
    assert hanoi.proposal("yongbyon_for_sanctions").accord == "yongbyon_for_relief"


def test_hanoi_text_does_not_paste_the_essay() -> None:
    essay = Path(__file__).resolve().parents[2] / "shared" / "brief" / "essay.txt"
    if not essay.exists():
        pytest.skip("the essay is reference material outside the repository")
    scenario = load_scenario(HANOI)
    text = HANOI.read_text(encoding="utf-8").replace(scenario.source.title, "")  # the citation
    ours = re.sub(r"\s+", " ", text.lower())
    words = re.sub(r"\s+", " ", essay.read_text(encoding="utf-8").lower()).split(" ")
    # No run of eight consecutive words of the essay appears in the scenario's text.
    copied = [
        " ".join(words[i : i + 8])
        for i in range(len(words) - 8)
        if " ".join(words[i : i + 8]) in ours
    ]
    assert copied == []


def _broken(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "broken.toml")
    return caught.value.problems


def test_a_syntax_error_names_file_line_and_column() -> None:
    text = HANOI.read_text(encoding="utf-8").replace("start = 15", "start = = 15", 1)
    (problem,) = _broken(text)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "start = = 15" in row)
    assert problem.startswith(f"broken.toml:{line}:")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("x = " + "9" * 5000, "broken.toml: an integer of thousands of digits"),
        ("x = " + "[" * 5000, "broken.toml: nested too deeply to read"),
    ],
)
def test_text_python_will_not_read_is_a_scenario_error_too(text: str, problem: str) -> None:
    assert _broken(text) == [problem]


def test_every_content_problem_is_reported_with_its_key_and_id() -> None:
    text = HANOI.read_text(encoding="utf-8")
    text = text.replace('label = "Embassies"', 'lable = "Embassies"', 1)
    text = text.replace(
        'min = 62, context = "before exchanging', 'min = "sixty", context = "before exchanging', 1
    )
    text = text.replace(
        'requires = { accords = ["peace_declaration"]', 'requires = { accords = ["peace_treaty"]', 1
    )
    text = text.replace("start = 76", "start = 176", 1)
    problems = _broken(text)
    assert len(problems) >= 4
    joined = "\n".join(problems)
    assert 'broken.toml: offers[6].lable (id "embassies"): expected one of the known keys' in joined
    assert 'did you mean "label"?' in joined
    assert (
        'offers[6].needs[0].min (id "embassies"): expected an integer, got a string "sixty"'
        in joined
    )
    assert '(id "regional_handoff"): expected one of' in joined and 'got "peace_treaty"' in joined
    assert 'meters[1].start (id "patience"): expected an integer from 0 to 100, got 176' in joined
    for problem in problems:
        assert problem.startswith("broken.toml: ")


@pytest.mark.parametrize("control", ["\\u001b[31m", "\\u0007", "\\t", "\\u009b"])
def test_text_with_a_control_character_is_refused(control: str) -> None:
    # A play-test put an escape sequence into a label: `check` passed it, the terminal and
    # report.md printed it raw, and no transcript of the scenario could ever verify.
    text = HANOI.read_text(encoding="utf-8")
    text = text.replace('label = "Embassies"', f'label = "{control}Embassies"', 1)
    (problem,) = _broken(text)
    shown = {"\\u001b[31m": "\\x1b", "\\u0007": "\\x07", "\\t": "\\t", "\\u009b": "\\x9b"}
    assert problem == (
        'broken.toml: offers[6].label (id "embassies"): expected text without control '
        f"characters, got {shown[control]} at 1"
    )


def test_an_ending_that_needs_an_earlier_summit_s_accords_needs_a_carry() -> None:
    """``prior`` names accords carried over from an earlier summit: in a scenario that carries
    none (Hanoi), such an ending could never be reached, and the checker says why."""
    text = HANOI.read_text(encoding="utf-8").replace(
        '[[endings]]\nid = "talks_continue"',
        '[[endings]]\nid = "kept"\ntitle = "Kept"\nterminals = ["statement"]\n'
        'prior = ["embassies"]\ntext = "Kept."\nhistory = "Kept."\n\n'
        '[[endings]]\nid = "talks_continue"',
        1,
    )
    problems = _broken(text)
    assert any('"kept"' in p and "[carry] table with accords = true" in p for p in problems), (
        problems
    )


def test_unreachable_endings_are_reported() -> None:
    text = HANOI.read_text(encoding="utf-8")
    # An ending placed after a catch-all can never be chosen.
    text += """
[[endings]]
id = "late_peace"
title = "Too late"
terminals = ["statement"]
accords = ["peace_declaration", "next_summit"]
text = "Never shown."
history = "Never shown."
"""
    text = text.replace('id = "talks_continue"', 'id = "talks_continue"', 1)
    problems = _broken(text)
    assert any("late_peace" in p and "unreachable ending" in p for p in problems)


def test_an_ending_needing_an_accord_nobody_creates_is_unreachable() -> None:
    text = HANOI.read_text(encoding="utf-8").replace(
        'accords = ["demand_cvid"]\ntext', 'accords = ["grand_treaty"]\ntext', 1
    )
    problems = _broken(text)
    assert any('(id "grand_bargain")' in p and "grand_treaty" in p for p in problems)


def test_a_picture_the_game_cannot_draw_is_reported() -> None:
    text = HANOI.read_text(encoding="utf-8").replace(
        'picture = "embassies"', 'picture = "embassy"', 1
    )
    (problem,) = _broken(text)
    assert 'endings[4].picture (id "embassies"): expected one of walkout,' in problem
    assert problem.endswith('grand_bargain or "", got "embassy"')


def test_a_missing_catch_all_ending_is_reported() -> None:
    text = HANOI.read_text(encoding="utf-8")
    start = text.index('[[endings]]\nid = "no_deal"')
    end = text.index("# --- The debrief's scorecards")
    problems = _broken(text[:start] + text[end:])
    assert any('ending for "no_statement"' in p for p in problems)


def test_check_command_prints_ok_or_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(HANOI)]) == 0
    assert capsys.readouterr().out.strip() == f"{HANOI}: ok"
    broken = tmp_path / "broken.toml"
    broken.write_text(HANOI.read_text(encoding="utf-8").replace("noise = 5", "noise = -5"))
    assert main(["check", str(HANOI), str(broken)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{HANOI}: ok"
    assert out[1] == f"{broken}: rules.noise: expected an integer from 0 to 50, got -5"


def test_check_reports_a_missing_file_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "nowhere/none.toml"]) == 2
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("nowhere/none.toml: no such scenario file")


def test_a_walkout_ending_is_required_even_without_a_walkout_rule() -> None:
    # A hot-seat player may walk out of a hostile stance, so every scenario needs the ending.
    text = HANOI.read_text(encoding="utf-8")
    text = text.replace("walkout_when = { meters = { patience = { max = 0 } } }\n", "")
    text = text.replace('red_lines = ["raise_human_rights"]\n', "")
    start = text.index('[[endings]]\nid = "walkout"')
    end = text.index('[[endings]]\nid = "walked_away"')
    problems = _broken(text[:start] + text[end:])
    assert any('ending for "walkout"' in p for p in problems)


SIDES_BLOCK = re.compile(r"\n# What the window and the terminal call.*?\nflag = \"dprk\"\n", re.S)
"""Hanoi's ``[sides]`` table, with the comment over it."""


def _without_sides() -> str:
    text, found = SIDES_BLOCK.subn("\n", HANOI.read_text(encoding="utf-8"))
    assert found == 1
    return text


def test_hanoi_names_its_sides_as_the_window_always_has(hanoi: Scenario) -> None:
    player, counterpart = hanoi.sides.player, hanoi.sides.counterpart
    assert (player.name, player.text, player.short) == (
        "U.S. delegation",
        "the U.S. delegation",
        "U.S.",
    )
    assert (player.capital, player.role, player.flag) == ("Washington", "the U.S. negotiator", "us")
    assert (counterpart.name, counterpart.text) == (
        "DPRK delegation",
        "the North Korean delegation",
    )
    assert (counterpart.capital, counterpart.flag) == ("Pyongyang", "dprk")
    assert load_scenario("next_summit").sides == hanoi.sides


def test_a_scenario_without_sides_speaks_neutrally() -> None:
    sides = parse_scenario(_without_sides(), "plain.toml").sides
    assert sides.player.text == "your delegation" and sides.counterpart.text == "their delegation"
    assert sides.player.capital == "your government" and sides.player.role == "the negotiator"
    assert sides.player.flag == sides.counterpart.flag == "" and not sides.player.short


def test_a_side_named_only_by_its_name_is_that_name_in_running_text() -> None:
    text = _without_sides() + '\n[sides.counterpart]\nname = "Island delegation"\n'
    counterpart = parse_scenario(text, "named.toml").sides.counterpart
    assert counterpart.text == "the Island delegation"
    assert counterpart.capital == "their government"


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        (
            '[sides.player]\nflag = "uk"\n',
            'broken.toml: sides.player.flag: expected one of us, dprk or "", got "uk"',
        ),
        (
            '[sides.counterpart]\nrole = "their negotiator"\n',
            "broken.toml: sides.counterpart.role: expected one of the known keys capital, flag, "
            "name, short, text, got unknown key",
        ),
        (
            '[sides.player]\nnmae = "Ours"\n',
            "broken.toml: sides.player.nmae: expected one of the known keys capital, flag, name, "
            'role, short, text, got unknown key (did you mean "name"?)',
        ),
        (
            '[sides.observer]\nname = "Brennland"\n',
            "broken.toml: sides.observer: expected one of the known keys counterpart, player, got "
            "unknown key",
        ),
        (
            '[sides]\nplayer = "us"\n',
            'broken.toml: sides.player: expected a table, got a string "us"',
        ),
    ],
)
def test_bad_sides_give_one_line_naming_the_key(table: str, problem: str) -> None:
    assert _broken(_without_sides() + "\n" + table) == [problem]


ROLES_BLOCK = re.compile(
    r"\n# Team play \(docs/roles/\).*?\nbrief = \"docs/roles/dprk-america-hand\.md\"\n", re.S
)
"""Hanoi's ``[[roles]]``, with the comment over them."""


def _without_roles(text: str) -> str:
    text, found = ROLES_BLOCK.subn("\n", text)
    assert found == 1
    return text


def test_hanoi_gives_each_team_the_four_roles_of_its_briefs(hanoi: Scenario) -> None:
    by_seat = {seat: [role.id for role in hanoi.roles_of(seat)] for seat in Seat}
    assert by_seat == {
        Seat.PLAYER: ["negotiator", "security_adviser", "treasury", "allies_liaison"],
        Seat.COUNTERPART: ["head_of_delegation", "military", "economic_official", "america_hand"],
    }
    root = HANOI.parent.parent
    for role in hanoi.roles:
        assert role.label and role.summary.endswith((".", "?")), role.id
        assert (root / role.brief).is_file(), role.brief
    assert load_scenario("next_summit").roles == hanoi.roles
    assert hanoi.team_role("treasury") is hanoi.roles[2] and hanoi.team_role("nobody") is None


def test_a_scenario_without_roles_has_teams_of_players_alone() -> None:
    plain = parse_scenario(_without_roles(_without_sides()), "plain.toml")
    assert plain.roles == ()
    assert seat_label(plain, Seat.PLAYER) == "the first team"
    assert seat_label(plain, Seat.COUNTERPART) == "the second team"
    team = make_team(plain, Seat.PLAYER, "Eagles")
    teams = Teams(team, Team("Cranes", (Player("Chloe"),)))
    assert teams.problem(plain) == ""
    assert teams.lines(plain) == ("the first team: Eagles", "the second team: Cranes (Chloe)")
    with pytest.raises(TeamError, match="none: the scenario gives this side no roles"):
        make_team(plain, Seat.PLAYER, "Eagles", ["negotiator:Sam"])
    held = Teams(team, Team("Cranes", (Player("Chloe", ("military",)),)))
    assert held.problem(plain) == ("teams.north.players[0].roles: expected no role, got 'military'")


@pytest.mark.parametrize(
    ("role", "problem"),
    [
        (
            'id = "observer"\nside = "press"\nlabel = "the observer"\nsummary = "Watches."\n',
            'broken.toml: roles[0].side (id "observer"): expected one of player, counterpart, '
            'got "press"',
        ),
        (
            'id = "observer"\nside = "player"\nsummary = "Watches."\n',
            'broken.toml: roles[0].label (id "observer"): expected a value, got nothing (the '
            "key is missing)",
        ),
        (
            'id = "observer"\nside = "player"\nlabel = "the observer"\nsummary = "Watches."\n'
            'breif = "docs/x.md"\n',
            'broken.toml: roles[0].breif (id "observer"): expected one of the known keys brief, '
            'id, label, side, summary, got unknown key (did you mean "brief"?)',
        ),
    ],
)
def test_bad_roles_give_one_line_naming_the_key(role: str, problem: str) -> None:
    text = _without_roles(HANOI.read_text(encoding="utf-8"))
    assert _broken(text + "\n[[roles]]\n" + role) == [problem]


def test_the_players_roles_come_before_the_other_sides() -> None:
    text = _without_roles(HANOI.read_text(encoding="utf-8"))
    roles = (
        '\n[[roles]]\nid = "minister"\nside = "counterpart"\nlabel = "the minister"\n'
        'summary = "Speaks."\n'
        '\n[[roles]]\nid = "envoy"\nside = "player"\nlabel = "the envoy"\nsummary = "Asks."\n'
    )
    assert _broken(text + roles) == [
        'broken.toml: roles[1].side (id "envoy"): expected the player\'s roles first, then the '
        "other side's"
    ]


@pytest.mark.parametrize(
    ("kind", "problem"),
    [
        ("Book", 'expected a word or two in lower case, such as "book", got "Book"'),
        ("", 'expected text that is not blank, got a string ""'),
        ("a very long name for a kind of text", "such as"),
    ],
)
def test_a_source_s_kind_is_a_word_or_two_in_lower_case(kind: str, problem: str) -> None:
    """What the game's sentences call the source ("History and the book"): Hanoi's, unsaid, is
    an essay; one that could not stand in such a sentence is refused."""
    text = HANOI.read_text(encoding="utf-8")
    assert parse_scenario(text, "hanoi.toml").source.kind == "essay"
    book = text.replace("year = 2019\n", 'year = 2019\nkind = "white paper"\n', 1)
    assert parse_scenario(book, "book.toml").source.kind == "white paper"
    (said,) = _broken(text.replace("year = 2019\n", f'year = 2019\nkind = "{kind}"\n', 1))
    assert said.startswith("broken.toml: source.kind: ") and problem in said
