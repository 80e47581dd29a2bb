"""Hot-seat: every change of who decides is announced. The keyboard passes to the other side
after the first side's offer, and comes back after the other side's answer, whatever the answer
(a counter-offer included, one that closes a round, and one that ends the game): never two
hand-overs in a row to the same side."""

from __future__ import annotations

import random
from collections.abc import Callable

import pygame

from game.draw.context import UiContext
from game.engine import (
    GameState,
    IllegalMoveError,
    Move,
    ReactionKind,
    apply,
    available_moves,
    judge,
    new_game,
)
from game.store.mode import Mode
from game.store.scenarios import load_scenario
from game.store.who import Who
from game.ui.flow import Flow
from game.ui.in_play import GameSetup, NewGame, PlayMove
from game.ui.screen import Action, Chain, Push
from game.ui.screens.event import EventScreen
from game.ui.screens.hotseat import AnswerScreen, HandBackScreen, HandOverScreen
from game.ui.screens.proposal import ProposalScreen
from game.ui.session import Session
from game.ui.testing import feed, game_app, key
from tests.ui.teams import TEAMS, team_flow

SCENARIO = load_scenario("hanoi")
RESTRAINT = Move("mutual_restraint", "written")


def _pushed(action: Action | None) -> list[object]:
    """The screens an action pushes, in the order they go on the stack (the last shows first)."""
    if isinstance(action, Push):
        return [action.screen]
    if isinstance(action, Chain):
        return [screen for each in action.actions for screen in _pushed(each)]
    return []


def test_after_a_counter_the_keyboard_comes_back_before_the_proposal(
    ctx: UiContext, rendered: list[str]
) -> None:
    # A play-test (seed 4, Eagles and Cranes): Cranes countered mutual restraint with "End the
    # joint exercises for good", and the U.S. decision dialog came at once, Cranes at the keys.
    from game.ui.shots import render_screens

    flow = team_flow(ctx)
    session = flow.session
    assert session is not None
    verdict = judge(session.state, RESTRAINT)
    assert ReactionKind.COUNTER in verdict.allowed
    table = flow.summit()
    app = game_app(ctx, flow, table, [])
    app.apply(flow.handle(PlayMove(RESTRAINT)))
    over = app.top
    assert isinstance(over, HandOverScreen)
    feed(app, key(pygame.K_RETURN))
    answer = app.top
    assert isinstance(answer, AnswerScreen)
    counter = list(verdict.allowed).index(ReactionKind.COUNTER)
    feed(app, key(pygame.K_1 + counter))
    if len(verdict.proposals) > 1:
        feed(app, key(pygame.K_1))
    back = app.top
    assert isinstance(back, HandBackScreen), app.stack
    assert back.go.label == "We are Eagles"
    # The proposal waits under the hand-back, for the U.S. side to answer.
    assert isinstance(app.stack[-2], ProposalScreen)
    rendered.clear()
    render_screens([back])
    shown = " ".join(rendered)
    assert "Over to Eagles" in shown and "Cranes: hand back" in shown, shown
    assert "End the joint exercises for good" in shown
    feed(app, key(pygame.K_RETURN))
    dialog = app.top
    assert isinstance(dialog, ProposalScreen)


def test_every_answer_of_the_other_side_hands_the_keyboard_back(ctx: UiContext) -> None:
    flow = team_flow(ctx)
    session = flow.session
    assert session is not None
    move = Move("security_assurances", "spoken")
    verdict = judge(session.state, move)
    kind = next(k for k in verdict.allowed if k is not ReactionKind.COUNTER)
    pushed = _pushed(flow.handle(PlayMove(move, kind)))
    assert isinstance(pushed[-1], HandBackScreen)
    assert sum(isinstance(s, HandBackScreen) for s in pushed) == 1


def _answer_where(wanted: Callable[[GameState], bool]) -> tuple[GameState, PlayMove]:
    """A hot-seat game just before the other side gives an answer after which ``wanted`` holds:
    the state, and the move with the answer (random games, the same every run)."""
    chooser = random.Random(1)
    for seed in range(40):
        state = new_game(SCENARIO, seed, hotseat=True)
        while not state.is_over:
            move = chooser.choice(available_moves(state))
            try:
                verdict = judge(state, move)
            except IllegalMoveError:
                state = apply(state, move).state
                continue
            for kind in verdict.allowed:
                table = verdict.proposals[0] if kind is ReactionKind.COUNTER else None
                if wanted(apply(state, move, kind, table).state):
                    return state, PlayMove(move, kind, table)
            state = apply(state, move).state
    raise AssertionError("no hot-seat answer in 40 games leads where the test asks")


def test_an_answer_that_ends_the_game_hands_the_keyboard_back(ctx: UiContext) -> None:
    state, answer = _answer_where(lambda after: after.is_over)
    flow = Flow(ctx)
    flow.session = Session(state)
    pushed = _pushed(flow.handle(answer))
    assert flow.session.state.is_over
    assert len(pushed) == 1 and isinstance(pushed[0], HandBackScreen)
    assert "summit is over" in pushed[0].next_step()


def test_an_answer_that_closes_a_round_hands_back_before_the_break(ctx: UiContext) -> None:
    # The keyboard goes back first; the break between the rounds is read after it.
    state, answer = _answer_where(lambda after: bool(after.turns[-1].events))
    flow = Flow(ctx)
    flow.session = Session(state)
    pushed = _pushed(flow.handle(answer))
    assert [type(s) for s in pushed] == [EventScreen, HandBackScreen]


def test_the_keyboard_never_passes_twice_to_the_same_side(ctx: UiContext) -> None:
    chooser = random.Random(4)
    for seed in (4, 7, 11):
        flow = Flow(ctx)
        flow.handle(NewGame(GameSetup(SCENARIO, seed, Who(mode=Mode.PRACTICE), hotseat=True)))
        session = flow.session
        assert session is not None
        passes: list[str] = []
        while not session.state.is_over:
            move = chooser.choice(
                [m for m in available_moves(session.state) if m.offer != "walk_away"]
            )
            action = flow.handle(PlayMove(move))
            if isinstance(action, Push) and isinstance(action.screen, HandOverScreen):
                passes.append("over")
                verdict = action.screen.judgement
                kind = chooser.choice(verdict.allowed)
                table = None
                if kind is ReactionKind.COUNTER:
                    table = chooser.choice(verdict.proposals)
                action = flow.handle(PlayMove(move, kind, table))
            pushed = _pushed(action)
            passes += ["back" for s in pushed if isinstance(s, HandBackScreen)]
            assert not any(isinstance(s, HandOverScreen) for s in pushed)
        assert passes, seed
        assert passes[::2] == ["over"] * len(passes[::2]), passes
        assert passes[1::2] == ["back"] * len(passes[1::2]), passes
        assert len(passes) % 2 == 0, passes


def test_the_hand_back_after_an_amendment_names_the_side_that_made_it(
    ctx: UiContext, rendered: list[str]
) -> None:
    # A play-tester read "CRANES ANSWERED / You answered end the joint exercises for good with
    # mutual restraint (written): accepted": Eagles had made the amendment, and the titles
    # were lower-cased mid-sentence.
    from game.ui.shots import render_screens

    state = new_game(SCENARIO, 4, hotseat=True)
    verdict = judge(state, RESTRAINT)
    state = apply(state, RESTRAINT, ReactionKind.COUNTER, verdict.proposals[0]).state
    assert state.pending is not None
    proposal = SCENARIO.proposals[state.pending.proposal]
    state = apply(state, Move("amend"), ReactionKind.ACCEPT).state
    rendered.clear()
    render_screens([HandBackScreen(ctx, state, TEAMS)])
    shown = " ".join(rendered)
    assert "Eagles answered \u201c" + proposal.label + "\u201d with \u201c" in shown, shown
    assert "You answered" not in shown


def test_once_the_other_side_reads_the_rules_the_offer_cannot_be_taken_back(
    ctx: UiContext,
) -> None:
    # A play-tester's U.S. side read the rules' verdict on the North's pane and pressed Esc:
    # the offer was withdrawn, free. The hand-over before it is where a mistake is undone.
    flow = team_flow(ctx)
    table = flow.summit()
    app = game_app(ctx, flow, table, [])
    app.apply(flow.handle(PlayMove(RESTRAINT)))
    assert isinstance(app.top, HandOverScreen) and app.top.back in app.top.focus.controls
    feed(app, key(pygame.K_RETURN))
    assert isinstance(app.top, AnswerScreen)
    feed(app, key(pygame.K_ESCAPE))
    assert isinstance(app.top, AnswerScreen), app.stack
    assert app.top.back not in app.top.focus.controls
    session = flow.session
    assert session is not None and not session.state.turns
