"""A round's time and description are optional in a scenario file: every front end that names
a round reads well without either ("Only session (), offer 2 of 2" in the terminal, "Opening
plenary, September 23, morning:  (2 offers)" in the briefing, a play-tester)."""

from __future__ import annotations

import itertools
import re

import attrs
import pytest

from game.draw.context import UiContext
from game.engine import Scenario, apply, new_game
from game.engine.search import Found
from game.engine.strategies import play
from game.store.settings import Settings

STRAY: re.Pattern[str] = re.compile(r"\(\)|  |:\s*\(|, \.|\s\.|,\s*$|\u00b7\s*$|:\s*$|,\s*,")
"""What a left-out field leaves behind: empty brackets, doubled spaces, a colon before nothing."""

CASES = list(itertools.product(("", "27 February, evening"), ("", "Dinner for the leaders.")))


def _without(hanoi: Scenario, time: str, description: str) -> Scenario:
    rounds = tuple(attrs.evolve(held, time=time, description=description) for held in hanoi.rounds)
    return attrs.evolve(hanoi, rounds=rounds)


def _clean(text: str) -> None:
    assert not STRAY.search(text), text


@pytest.mark.parametrize(("time", "description"), CASES)
def test_the_terminal_names_a_round_without_stray_punctuation(
    hanoi: Scenario, time: str, description: str
) -> None:
    from game.cli.text import log_lines, prompt_lines

    scenario = _without(hanoi, time, description)
    state = play(scenario, "essay", 3)
    prompt = prompt_lines(new_game(scenario, 3))[0]
    _clean(prompt)
    assert time in prompt if time else prompt.startswith("Dinner, offer")
    for line in log_lines(state):
        if line.startswith("Round "):
            _clean(line)


@pytest.mark.parametrize(("time", "description"), CASES)
def test_the_window_names_a_round_without_stray_punctuation(
    hanoi: Scenario, time: str, description: str
) -> None:
    from game.ui.briefing import briefing_pages
    from game.ui.record import their_reply
    from game.ui.screens.event import EventScreen
    from game.ui.table import round_detail

    scenario = _without(hanoi, time, description)
    (schedule,) = (page for page in briefing_pages(scenario) if page.heading == "The schedule")
    for line in schedule.paragraphs[1:]:
        _clean(line)
        assert line.endswith(("\u00a0offers)", "\u00a0offer)"))  # a line never breaks inside
    start = new_game(scenario, 3)
    reply = their_reply(start, "North Korea")
    _clean(reply.why)
    title, _ = round_detail(start)
    _clean(title)
    state = new_game(scenario, 0)
    for turn in play(scenario, "essay", 0).turns:
        state = apply(state, turn.move).state
        if state.turns[-1].events and not state.is_over:
            break
    shown = EventScreen(UiContext(Settings()), state, state.turns[-1])
    (following,) = [text for text, _ in shown.notes if text.startswith("Next: ")]
    _clean(following)
    assert following.endswith(" in this round.")


def test_the_outcome_says_when_they_left_without_a_time(
    hanoi: Scenario, games: dict[str, Found]
) -> None:
    from game.ui.screens.outcome import departure

    left = departure(attrs.evolve(games["walkout"].state, scenario=_without(hanoi, "", "")))
    assert left is not None
    assert left.when.startswith("During the ") and "(" not in left.when
