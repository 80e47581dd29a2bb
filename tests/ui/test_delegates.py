"""The delegation across the table reacts visibly to each answer (issue 9): a pose per
reaction, drawn in the table's own flat style, and the table shows the pose of the last."""

from __future__ import annotations

import itertools

import pygame
import pytest

from game.draw import theme
from game.draw.context import UiContext
from game.engine import ReactionKind, Scenario, apply, new_game
from game.engine.search import Found
from game.engine.strategies import play
from game.ui.art import Pose, seating_plan
from game.ui.screens.summit import SummitScreen
from game.ui.session import Session
from game.ui.table import delegation_pose
from game.ui.testing import golden_difference


@pytest.mark.parametrize("colour_blind", [False, True])
def test_every_pose_looks_different(colour_blind: bool) -> None:
    palette = theme.COLOUR_BLIND_PALETTE if colour_blind else theme.STANDARD_PALETTE
    pictures = {pose: seating_plan(370, 140, palette, pose) for pose in Pose}
    for a, b in itertools.combinations(Pose, 2):
        _, share = golden_difference(pictures[a], pictures[b], step=1)
        assert share > 0.004, f"{a.value} and {b.value} look the same ({share:.2%})"


def test_each_reaction_has_its_pose(hanoi: Scenario, games: dict[str, Found]) -> None:
    seen: dict[ReactionKind, Pose] = {}
    for strategy, seed in itertools.product(("essay", "hawk", "dove", "random"), range(4)):
        final = play(hanoi, strategy, seed)
        state = new_game(hanoi, seed)
        assert delegation_pose(state) is Pose.SEATED
        for turn in final.turns:
            state = apply(state, turn.move).state
            if state.pending is None and not state.is_over:
                seen[turn.reaction.kind] = delegation_pose(state)
    assert seen[ReactionKind.ACCEPT] is Pose.LEANING_IN
    assert seen[ReactionKind.DEFER] is Pose.CONFERRING
    assert seen[ReactionKind.REJECT] is Pose.LEANING_BACK
    assert delegation_pose(games["walkout"].state) is Pose.WALKED_OUT
    assert delegation_pose(games["walked_away"].state) is Pose.WALKED_AWAY


def test_a_proposal_on_the_table_is_a_paper_slid_across(hanoi: Scenario) -> None:
    from game.ui.shots import proposal_pending, sample_game

    state, _ = sample_game(hanoi, 7, proposal_pending)
    assert delegation_pose(state) is Pose.COUNTERING


def test_the_table_draws_the_pose_of_the_last_answer(
    ctx: UiContext, games: dict[str, Found], monkeypatch: pytest.MonkeyPatch
) -> None:
    state = games["walkout"].state
    pictures = []
    for pose in (None, Pose.SEATED):
        if pose is not None:
            monkeypatch.setattr("game.ui.widgets.board.delegation_pose", lambda _: Pose.SEATED)
        table = SummitScreen(ctx, Session(state))
        table.update(0.0)
        surface = pygame.Surface(theme.LOGICAL_SIZE)
        table.draw(surface)
        pictures.append(surface)
    _, share = golden_difference(pictures[0], pictures[1], step=1)
    assert share > 0.001, "the empty chairs of a walkout show at the table"
