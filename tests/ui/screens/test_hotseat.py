"""The hot-seat answer screen keeps every answer on the screen and clear of the way back, however
long the proposal a counter would table (a play-test saw "Reject" drawn under the key hint at
1024x600, and run off the screen at Large text)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations, pairwise
from typing import Any

import pygame
import pytest

from game.draw import theme
from game.draw.context import UiContext
from game.engine import GameState, Move, ReactionKind, Scenario, apply, judge, new_game
from game.store.settings import Settings, TextSize
from game.ui.screens.hotseat import OFFER_COLUMNS, AnswerScreen
from game.ui.shots import render_screens
from tests.conftest import hotseat_out_of_turn


def _before_the_generous_offer(hanoi: Scenario) -> GameState:
    """The play-test's game (hot-seat, seed 31): written restraint countered with their own
    proposal, which the U.S. side accepts; next comes Yongbyon for generous relief, which they
    may accept, counter with their Yongbyon proposal (five lines of terms), defer or reject."""
    state = new_game(hanoi, 31, hotseat=True)
    first = Move.parse("mutual_restraint:written")
    table = judge(state, first).proposals[0]
    state = apply(state, first, ReactionKind.COUNTER, table).state
    return apply(state, Move.parse("accept")).state


@pytest.mark.parametrize("size", list(TextSize))
def test_every_answer_stands_clear_of_the_way_back(hanoi: Scenario, size: TextSize) -> None:
    state = _before_the_generous_offer(hanoi)
    move = Move.parse("yongbyon_for_relief:generous")
    judgement = judge(state, move)
    assert len(judgement.allowed) == 4 and ReactionKind.COUNTER in judgement.allowed
    screen = AnswerScreen(UiContext(Settings(sound=False, text_size=size)), state, move, judgement)
    render_screens([screen])
    rows = [row.rect for row in screen.rows]
    hint_top = theme.CONTENT_BOTTOM - 14 - 8  # the key hint's line, above the content's bottom
    assert all(rect.bottom <= min(screen.back.rect.top, hint_top) for rect in rows)
    assert all(upper.bottom <= lower.top for upper, lower in pairwise(rows))
    counter = screen.rows[judgement.allowed.index(ReactionKind.COUNTER)]
    if size is TextSize.NORMAL:
        # At the usual size the proposal is described, not dropped, in the words of the side
        # that tables it (the summary, written for the other side, said "your leverage").
        view = hanoi.proposal(judgement.proposals[0]).their_view
        assert counter.body.startswith(view[:40]) and "your leverage" not in counter.body


def _refusals_shown_as_they_happen(
    hanoi: Scenario, openings: Iterable[tuple[GameState, Move]]
) -> int:
    """Hold each refusal's chips on the North's answer screen to what it does to the meters;
    return how many were compared."""
    from game.engine.describe import changes
    from game.engine.effects import Effect
    from game.ui.screens.hotseat import reaction_row

    labels = tuple(meter.label for meter in hanoi.meters)
    compared = 0
    for state, move in openings:
        offer = hanoi.offer(move.offer)
        allowed = judge(state, move).allowed
        for kind in (k for k in (ReactionKind.DEFER, ReactionKind.REJECT) if k in allowed):
            after = apply(state, move, kind).state
            moved = tuple(
                (i, new - old)
                for i, (old, new) in enumerate(zip(state.meters, after.meters, strict=True))
                if new != old
            )
            happened = [c.text for c in changes(hanoi, Effect(meters=moved))]
            shown = [p.text for p in reaction_row(state, offer, move, kind).parts]
            assert [s for s in shown if s.startswith(labels)] == happened, (state.seed, move)
            compared += 1
    return compared


def test_a_refusal_s_chips_count_the_cost_of_an_offer_out_of_turn(hanoi: Scenario) -> None:
    """The North's answers show what each does to the meters, the early cost of refusing an
    offer pressed on them before its turn included (a play-tester read "Counter: patience -1"
    and saw -3, and "Reject: patience -3" and saw -5)."""
    compared = _refusals_shown_as_they_happen(hanoi, hotseat_out_of_turn(hanoi))
    assert compared > 10, compared


def test_a_refusal_s_chips_count_the_cost_of_crossing_a_red_line(hanoi: Scenario) -> None:
    """The player answering for them knows their red lines: rejecting an offer that crosses
    one costs the rules' red line, and the chips say so (they showed "patience -5" for a
    rejection that cost 30 patience and 12 trust)."""
    move = Move.parse("raise_human_rights:precondition")
    openings = [(new_game(hanoi, seed, hotseat=True), move) for seed in range(10)]
    assert _refusals_shown_as_they_happen(hanoi, openings) == 10


class _Blits(pygame.Surface):
    """A surface that remembers where each image was drawn on it."""

    def __init__(self) -> None:
        super().__init__(theme.LOGICAL_SIZE)
        self.drawn: list[pygame.Rect] = []

    def blit(
        self, source: pygame.Surface, dest: Any = (0, 0), area: Any = None, special_flags: int = 0
    ) -> pygame.Rect:
        drawn = super().blit(source, dest, area, special_flags)
        self.drawn.append(pygame.Rect(drawn))
        return drawn


def _after_restraint_deferred(hanoi: Scenario) -> GameState:
    """The play-test's game (hot-seat, seed 3): written restraint, deferred by the North; next,
    Yongbyon for partial relief draws the rules' reading of five reasons."""
    return apply(
        new_game(hanoi, 3, hotseat=True), Move.parse("mutual_restraint:written"), ReactionKind.DEFER
    ).state


@pytest.mark.parametrize("size", list(TextSize))
def test_the_offer_the_reading_and_the_meters_never_overlap(
    hanoi: Scenario, size: TextSize
) -> None:
    # At Large text the reading ran over the meters at the bottom of the navy half.
    state = _after_restraint_deferred(hanoi)
    move = Move.parse("yongbyon_for_relief:partial")
    judgement = judge(state, move)
    assert judgement.why.count(";") == 4
    screen = AnswerScreen(UiContext(Settings(sound=False, text_size=size)), state, move, judgement)
    surface = _Blits()
    screen.draw(surface)
    half = theme.column_x(OFFER_COLUMNS + 1) - theme.GUTTER
    left = [rect for rect in surface.drawn if rect.width and rect.right <= half]
    assert len(left) >= 7  # flag, seat, kicker, offer, summary, reading's kicker, reading, meters
    assert [(a, b) for a, b in combinations(left, 2) if a.colliderect(b)] == []
    assert all(rect.bottom <= theme.CONTENT_BOTTOM for rect in left)


def test_the_tabling_pane_speaks_to_the_side_that_tables(
    hanoi: Scenario, rendered: list[str]
) -> None:
    """A play-test: choosing which proposal to table, the North's player read the U.S. side's
    terms ("Accepting spends most of your leverage and will be called a giveaway at home") and
    their own view under "they". The pane now gives their view as theirs, the other side's as
    its capital puts it, and what accepting would cost the other side."""
    from game.ui.flow import Flow
    from game.ui.in_play import Tabling
    from game.ui.screens.hotseat import TablingScreen
    from game.ui.session import Session
    from game.ui.shots import sample_game, several_to_table, tabling_move

    state, history = sample_game(hanoi, 7, several_to_table, hotseat=True)
    move = tabling_move(state)
    assert move is not None
    flow = Flow(UiContext(Settings(sound=False)))
    flow.session = Session(state, history=history)
    screen = flow.open(Tabling(move, judge(state, move)))
    assert isinstance(screen, TablingScreen)
    capital = hanoi.sides.player.capital
    for row, proposal in zip(screen.rows, screen.proposals, strict=True):
        screen.focus.focus(row)
        rendered.clear()
        render_screens([screen])
        shown = " ".join(rendered)
        assert "HOW YOU PUT IT" in shown and f"HOW {capital.upper()} PUTS IT" in shown
        assert "your leverage" not in shown and "HOW THEY PUT IT" not in shown
        assert proposal.summary.split(". ")[0] not in shown
        assert f"Accepting would cost {capital}" in shown, shown
