"""What the checker refuses that a play-tester found it passing: a variant's hold out of range,
blank text, a line break in a one-line field, round or stance bounds that cross; what it
suggests for a misspelt move, and never an id that is itself wrong; and the known games it
replays."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import ScenarioError, parse_scenario
from game.engine.parse_checks import known_game_problems
from game.store.scenarios import load_scenario, scenario_names
from tests.engine.small import THREE_SESSIONS, small, small_text

HANOI = Path(__file__).resolve().parents[1] / "scenarios" / "hanoi.toml"


def _edited(*replacements: tuple[str, str]) -> str:
    text = HANOI.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def _problems(*replacements: tuple[str, str]) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(_edited(*replacements), "broken.toml")
    return caught.value.problems


@pytest.mark.parametrize("hold", [150, -5])
def test_a_variant_s_hold_is_a_percentage_as_an_offer_s_is(hold: int) -> None:
    assert _problems(("tacit = true\nhold = 55", f"tacit = true\nhold = {hold}")) == [
        'broken.toml: offers[0].variants[0].hold (id "mutual_restraint"): expected an integer '
        f"from 0 to 100, got {hold}"
    ]


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            'label = "Embassies"',
            'label = ""',
            'offers[6].label (id "embassies"): expected text that is not blank, got a string ""',
        ),
        (
            'label = "Embassies"',
            'label = "   "',
            'offers[6].label (id "embassies"): expected text that is not blank, got a string "   "',
        ),
        (
            'title = "Hanoi, February 2019"',
            'title = " "',
            'title: expected text that is not blank, got a string " "',
        ),
        (
            'title = "Embassies in both capitals"',
            'title = ""',
            'endings[4].title (id "embassies"): expected text that is not blank, got a string ""',
        ),
        (
            'subtitle = "The second summit',
            'subtitle = "  " # "',
            'subtitle: expected text that is not blank, got a string "  "',
        ),
        (
            'name = "U.S. delegation"',
            'name = ""',
            'sides.player.name: expected text that is not blank, got a string ""',
        ),
    ],
)
def test_blank_text_that_would_show_as_nothing_is_refused(old: str, new: str, problem: str) -> None:
    assert _problems((old, new)) == [f"broken.toml: {problem}"]


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            'label = "Embassies"',
            'label = "Embassies\\nin two lines"',
            'offers[6].label (id "embassies")',
        ),
        ('title = "Hanoi, February 2019"', 'title = "Hanoi,\\nFebruary 2019"', "title"),
        (
            'title = "Embassies in both capitals"',
            'title = """Embassies\nin both capitals"""',
            'endings[4].title (id "embassies")',
        ),
    ],
)
def test_a_line_break_in_one_line_text_is_refused(old: str, new: str, problem: str) -> None:
    (found,) = _problems((old, new))
    assert found.startswith(f"broken.toml: {problem}: expected one line of text, got a line break")


def test_the_briefing_s_paragraphs_may_hold_line_breaks() -> None:
    text = _edited(("goals = [\n", 'goals = [\n    "Two lines:\\nthe second.",\n'))
    assert parse_scenario(text, "fine.toml").goals[0] == "Two lines:\nthe second."
    with pytest.raises(ScenarioError, match="expected paragraphs that are not blank"):
        parse_scenario(_edited(("goals = [\n", 'goals = [\n    "  ",\n')), "blank.toml")


def test_a_misspelt_move_in_a_line_or_an_amendment_gets_a_suggestion() -> None:
    problems = _problems(
        ('"liaison_offices", "embassies", "accept_limited', '"liaison_office", "embassies", "x'),
        ('amend = "mutual_restraint:written"', 'amend = "mutual_restrant:written"'),
        ('"yongbyon_for_relief:partial", "reject"', '"yongbyon_for_relief:partal", "rejct"'),
    )
    joined = "\n".join(problems)
    assert 'got "liaison_office" (did you mean "liaison_offices"?)' in joined
    assert 'got "rejct" (did you mean "reject"?)' in joined
    assert 'got "mutual_restrant:written" (did you mean "mutual_restraint:written"?)' in joined
    assert 'one of partial, generous, got "partal" (did you mean "partial"?)' in joined


def test_an_id_the_file_spells_wrongly_is_never_suggested() -> None:
    """A play-tester's upper-case offer id: the follow-on lines suggested it back."""
    problems = _problems(('id = "embassies"\nlabel = "Embassies"', 'id = "Embassies"\nlabel = "E"'))
    assert problems[0] == (
        'broken.toml: offers[6].id (id "Embassies"): expected lower-case letters, digits and '
        'underscores, starting with a letter, got "Embassies"'
    )
    assert len(problems) > 1
    assert not any('"Embassies"?' in problem or ", Embassies," in problem for problem in problems)


def test_a_reserved_offer_id_is_not_offered_as_a_choice() -> None:
    problems = _problems(('id = "embassies"\nlabel = "Embassies"', 'id = "accept"\nlabel = "E"'))
    assert problems[0].endswith('expected an id other than the reserved "accept"')
    assert not any(", accept," in problem for problem in problems[1:])


@pytest.mark.parametrize("name", scenario_names())
def test_the_bundled_known_games_end_where_they_say(name: str) -> None:
    assert known_game_problems(load_scenario(name), name) == []


SHOOK = """
[[endings]]
id = "shook"
title = "They shook hands"
text = "A handshake."
terminals = ["no_statement", "walked_away"]
accords = ["handshake"]
"""
"""An ending ahead of the catch-all that needs the handshake on the record without a statement."""


def _shaking(offers: str = "") -> str:
    return small_text(offers=offers).replace("\n[[endings]]", SHOOK + "\n[[endings]]", 1)


def test_an_ending_needing_an_accord_no_game_without_a_statement_records_is_unreachable() -> None:
    """The play-tester's one_offer1.toml: its handshake, never tacit, can be on the record only
    with a statement, which the ending does not allow."""
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(_shaking(), "one_offer.toml")
    assert caught.value.problems == [
        'one_offer.toml: endings[0] (id "shook"): unreachable ending: without a statement only '
        "tacit accords are on the record, and no form of handshake is tacit"
    ]
    nod = 'variants = [{ id = "nod", label = "a nod", tacit = true }]'
    assert small(_shaking(nod)).endings[0].id == "shook"


def test_a_condition_whose_round_or_stance_bounds_cross_is_refused() -> None:
    """The play-tester's contra3.toml: an offer required the last round at least and the first
    at most, so it, an ending and an offer that needed its accord could never happen."""
    never = 'requires = { round_at_least = "third", round_at_most = "first", reason = "never" }'
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(small_text(rounds=THREE_SESSIONS, offers=never), "contra.toml")
    assert caught.value.problems == [
        'contra.toml: offers[0].requires.round_at_most (id "handshake"): expected '
        'round_at_least ("third") or a round after it, got "first"'
    ]
    warm = '[{ id = "cold", label = "cold" }, { id = "warm", label = "warm" }]'
    crossed = small_text(
        offers='requires = { any = [{ stance_at_least = "warm", stance_at_most = "cold" }] }'
    ).replace('[{ id = "cold", label = "cold" }]', warm)
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(crossed, "contra.toml")
    assert caught.value.problems == [
        'contra.toml: offers[0].requires.any[0].stance_at_most (id "handshake"): expected '
        'stance_at_least ("warm") or a stance after it, got "cold"'
    ]
    same = 'requires = { round_at_least = "first", round_at_most = "first" }'
    one_round = small(small_text(rounds=THREE_SESSIONS, offers=same)).offers[0].requires
    assert (one_round.round_at_least, one_round.round_at_most) == (0, 0)
