"""The two sides of the table are the scenario's: a scenario without ``[sides]`` is played in
neutral words and without flags, one with its own sides shows them, and Hanoi shows its own."""

from __future__ import annotations

import re

import pytest

from game.draw.context import UiContext
from game.engine import GameState, Move, Scenario, apply, judge, new_game, parse_scenario
from game.engine.scenario import Terminal
from game.engine.strategies import play
from game.store.settings import Settings
from game.ui.screen import Screen
from game.ui.screens.hotseat import AnswerScreen, HandOverScreen
from game.ui.screens.outcome import OutcomeScreen
from game.ui.screens.proposal import ProposalScreen
from game.ui.screens.summit import SummitScreen
from game.ui.session import Session
from game.ui.shots import render_screens
from game.ui.texts import how_to_play
from tests.docs.helpers import example_block

HANOI_WORDS = re.compile(r"DPRK|U\.S\.|Washington|Pyongyang|North Korea|American")
"""What only Hanoi's ``[sides]`` may put on the screen."""

EXAMPLE_SIDES = re.compile(
    r"\n# What the window and the terminal call.*?\ncapital = \"Corvena\"\n", re.S
)


def _example(*, sides: bool) -> Scenario:
    """The docs' example scenario, with or without its ``[sides]`` table."""
    text = example_block().body
    if not sides:
        text, found = EXAMPLE_SIDES.subn("\n", text)
        assert found == 1
    return parse_scenario(text, "strait_talks.toml")


def _with_proposal(scenario: Scenario) -> GameState:
    """A game of ``scenario`` in which a proposal of theirs waits for an answer."""
    for seed in range(40):
        state = new_game(scenario, seed)
        for turn in play(scenario, "essay", seed).turns:
            if state.pending is not None:
                return state
            state = apply(state, turn.move).state
    raise AssertionError("no seed of the first 40 tables a proposal")


def _walkout(scenario: Scenario) -> GameState:
    for seed in range(200):
        final = play(scenario, "random", seed)
        if final.terminal is Terminal.WALKOUT:
            return final
    raise AssertionError("nobody walked out")


def _shown(scenario: Scenario, rendered: list[str]) -> str:
    """Everything the table, their proposal, a hot-seat hand-over, an outcome and How to play
    put on the screen for a game of ``scenario``."""
    ctx = UiContext(Settings(sound=False))
    state = _with_proposal(scenario)
    opening = new_game(scenario, 3)
    move = Move.parse(scenario.offers[0].id)
    screens: list[Screen] = [
        SummitScreen(ctx, Session(opening)),
        SummitScreen(ctx, Session(state)),
        ProposalScreen(ctx, state, hints=False),
        HandOverScreen(ctx, opening, move, judge(opening, move)),
        AnswerScreen(ctx, opening, move, judge(opening, move)),
        OutcomeScreen(ctx, _walkout(scenario)),
    ]
    render_screens(screens)
    pages = how_to_play(scenario)
    return "\n".join([*rendered, *(line for page in pages for line in page.paragraphs)])


def test_a_scenario_without_sides_names_no_country(rendered: list[str]) -> None:
    shown = _shown(_example(sides=False), rendered)
    assert HANOI_WORDS.findall(shown) == []
    for neutral in ("YOUR DELEGATION", "THEIR DELEGATION", "How your government puts it"):
        assert neutral in shown, neutral
    assert "You are the negotiator." in shown and "Over to their delegation" in shown


def test_a_scenario_with_its_own_sides_shows_them(rendered: list[str]) -> None:
    shown = _shown(_example(sides=True), rendered)
    assert HANOI_WORDS.findall(shown) == []
    for named in (
        "ALDMARK DELEGATION",
        "CORVENA DELEGATION",
        "How Aldmark puts it",
        "I am the Corvena delegation",
        "Over to the Corvena delegation",
        "You are Aldmark's negotiator.",
        "Back to the Aldmark side",
    ):
        assert named in shown, named


@pytest.mark.parametrize("name", ["hanoi", "next_summit"])
def test_hanoi_still_names_both_delegations(name: str, rendered: list[str]) -> None:
    from game.store.scenarios import load_scenario

    shown = _shown(load_scenario(name), rendered)
    for named in (
        "DPRK DELEGATION",
        "U.S. DELEGATION",
        "How Washington puts it",
        "I am the DPRK delegation",
        "YOU ARE THE DPRK DELEGATION",
        "Over to the North Korean delegation",
        "THE U.S. SIDE OFFERS",
        "You are the U.S. negotiator.",
    ):
        assert named in shown, named
