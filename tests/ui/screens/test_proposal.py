"""The proposal dialog: a proposal of theirs (tabled, or put forward instead of an offer), how
each side describes it, what each answer changes, and the three answers by key and by mouse."""

import itertools
from collections.abc import Callable

import pygame
import pytest

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.engine import GameState, Move, PendingKind, amendment, is_legal
from game.engine.describe import changes, rejection_hardens
from game.store.scenarios import load_scenario
from game.store.settings import Settings, TextSize
from game.ui.flow import Flow
from game.ui.in_play import PlayMove
from game.ui.record import THEY_TABLE
from game.ui.screen import Apply, Chain, Pop, TheirProposal
from game.ui.screens.proposal import THEIR_VIEW, ProposalScreen
from game.ui.session import Session
from game.ui.shots import counter_pending, render_screens, sample_game, tabled_pending
from game.ui.table import answer_detail, answer_faces
from game.ui.testing import click, key

SCENARIO = load_scenario("hanoi")
ANSWER_KEYS = {"accept": pygame.K_a, "reject": pygame.K_r, "amend": pygame.K_m}


def _state(stop: Callable[[GameState], bool]) -> GameState:
    return sample_game(SCENARIO, 7, stop)[0]


def _dialog(ctx: UiContext, state: GameState) -> ProposalScreen:
    flow = Flow(ctx)
    flow.session = Session(state)
    dialog = flow.open(TheirProposal())
    assert isinstance(dialog, ProposalScreen)
    dialog.layout()
    return dialog


def _amendable(state: GameState) -> bool:
    return tabled_pending(state) and is_legal(state, Move("amend"))


def _not_amendable(state: GameState) -> bool:
    return state.pending is not None and not state.is_over and not is_legal(state, Move("amend"))


def test_a_tabled_proposal_says_so_with_both_sides_views(ctx: UiContext) -> None:
    state = _state(tabled_pending)
    assert state.pending is not None and state.pending.kind is PendingKind.PROPOSAL
    dialog = _dialog(ctx, state)
    proposal = dialog.proposal
    assert dialog.kicker == THEY_TABLE
    assert dialog.title == proposal.label
    assert dialog.side == (
        ("", proposal.summary),
        (THEIR_VIEW, proposal.their_view),
        ("How Washington puts it", proposal.our_view),
    )


def test_a_counter_offer_names_the_offer_it_answers(ctx: UiContext) -> None:
    state = _state(counter_pending)
    assert state.pending is not None and state.pending.kind is PendingKind.COUNTER
    dialog = _dialog(ctx, state)
    assert dialog.kicker.startswith("Instead of ")
    assert SCENARIO.offer(state.turns[-1].move.offer).label in dialog.kicker


def test_accepting_shows_what_it_changes(ctx: UiContext) -> None:
    # With the rules' change for every accord: a play-tester read "trust +3" and got +4.
    dialog = _dialog(ctx, _state(tabled_pending))
    accept, reject = dialog.answers["accept"], dialog.answers["reject"]
    per_accept = SCENARIO.rules.per_accept
    expected = [c.text for c in changes(SCENARIO, dialog.proposal.on_accept, per_accept)]
    assert [part.text for part in accept.parts if not part.plain] == expected
    assert SCENARIO.accord_label(dialog.proposal.accord) in accept.body
    refused = [c.text for c in changes(SCENARIO, dialog.proposal.on_reject)]
    assert [part.text for part in reject.parts if not part.plain] == refused


def test_rejecting_says_how_much_more_their_own_offer_will_need(ctx: UiContext) -> None:
    # A play-tester rejected their Yongbyon deal and found his own Yongbyon offer needing 16
    # more: neither the dialog nor the table's answer card had said so.
    state = _state(
        lambda s: s.pending is not None and s.scenario.proposals[s.pending.proposal].hardens > 0
    )
    dialog = _dialog(ctx, state)
    proposal = dialog.proposal
    mine = SCENARIO.offer(proposal.accord).label
    expected = f"From then on your own \u201c{mine}\u201d needs {proposal.hardens} more."
    # In the row's detail, first: where the detail gives way to a short screen, the table's
    # answer card says it in its details line.
    assert dialog.answers["reject"].detail.startswith(expected)
    face = next(f for f in answer_faces(state) if f.answer == "reject")
    assert expected in answer_detail(state, face)[1] and face.caption.startswith(expected)
    accept = next(f for f in answer_faces(state) if f.answer == "accept")
    assert expected not in accept.caption
    unhardened = next(p for p in SCENARIO.proposals if not p.hardens)
    assert rejection_hardens(SCENARIO, unhardened) == ""


@pytest.mark.parametrize("answer", ["accept", "reject", "amend"])
def test_each_answer_by_its_key_and_by_a_click(ctx: UiContext, answer: str) -> None:
    state = _state(_amendable)
    expected = Chain((Pop(), Apply(PlayMove(Move(answer)))))
    dialog = _dialog(ctx, state)
    assert dialog.on_event(key(ANSWER_KEYS[answer])) == expected
    dialog = _dialog(ctx, state)
    row = dialog.answers[answer]
    actions = [dialog.on_event(event) for event in click(row.rect.center)]
    assert expected in actions


def test_amend_names_the_offer_it_plays(ctx: UiContext) -> None:
    state = _state(_amendable)
    amended = amendment(state)
    assert amended is not None
    row = _dialog(ctx, state).answers["amend"]
    offer = SCENARIO.offer(amended.offer)
    assert row.title.startswith("Answer with ") and offer.mid_label in row.title
    variant = offer.variant(amended.variant)
    if variant is not None:
        assert variant.label in row.title
    assert row.enabled
    # Its costs as the form dialog foresees the same offer (a play-tester read "trust +5" on
    # the offer's own effect and got +10), summed into one "in all" when short of room.
    from game.engine.foresight import foreseen
    from game.ui.widgets.chips import cost_parts

    assert [p.text for p in row.parts] == [p.text for p in cost_parts(state, amended)]
    proposing, accepted = foreseen(state, amended)
    in_all = [change.text for change in changes(SCENARIO, *proposing, *accepted)]
    assert row.brief_parts is not None
    assert [p.text for p in row.brief_parts] == ["If accepted, in all:", *in_all]
    # And what it needs, an amendment's harshness counted, in the line every size shows (a
    # play-tester saw what insisting would bring, and not what it needed).
    from game.engine import MeterRole, expected_need_range
    from game.engine.describe import need_sentence

    trust = SCENARIO.role_index(MeterRole.TRUST)
    assert trust is not None
    need = expected_need_range(state, amended, trust, answering=True)
    assert need is not None and need != expected_need_range(state, amended, trust)
    assert row.body == need_sentence(SCENARIO.meters[trust], *need, state.meters[trust])


def test_amend_is_closed_with_its_reason_when_it_cannot_be_given(ctx: UiContext) -> None:
    state = _state(_not_amendable)
    dialog = _dialog(ctx, state)
    row = dialog.answers["amend"]
    assert not row.enabled
    assert row.body and row.body.endswith(".")
    assert dialog.on_event(key(pygame.K_m)) is None
    assert [dialog.on_event(e) for e in click(row.rect.center)] == [None, None, None]


def test_escape_answers_later(ctx: UiContext) -> None:
    dialog = _dialog(ctx, _state(tabled_pending))
    assert dialog.on_event(key(pygame.K_ESCAPE)) == Pop()
    later = dialog.buttons[0]
    assert Pop() in [dialog.on_event(e) for e in click(later.rect.center)]


@pytest.mark.parametrize("size", list(TextSize))
def test_it_fits_the_screen_at_every_text_size(size: TextSize) -> None:
    ctx = UiContext(Settings(text_size=size, sound=False))
    for stop in (tabled_pending, counter_pending, _not_amendable):
        dialog = _dialog(ctx, _state(stop))
        render_screens([dialog])
        frame = dialog.frame
        assert frame.top >= 0 and frame.bottom <= 720
        rows = list(dialog.answers.values())
        for row in rows:
            assert frame.contains(row.rect), f"{size}: a row spills out of the dialog"
        for upper, lower in itertools.pairwise(rows):
            assert upper.rect.bottom <= lower.rect.top
        for button in dialog.buttons:
            assert frame.contains(button.rect)
            assert not any(button.rect.colliderect(row.rect) for row in rows)
        # And everything under the rows, the notes too (a play-tester saw "Before the break,
        # ..." run under the dialog's edge at Large text): the blocks end inside the frame.
        content = sum(block.height for block in dialog._blocks(dialog._main_width(), None))
        assert rows[0].rect.top + content <= frame.bottom, size


def test_enter_pressed_first_answers_nothing(ctx: UiContext) -> None:
    """The dialog opens with "See the table first" in focus: Enter pressed in haste closes it,
    and an answer is only ever given on purpose."""
    dialog = _dialog(ctx, _state(tabled_pending))
    assert dialog.on_event(key(pygame.K_RETURN)) == Pop()


@pytest.mark.parametrize("proposal", [p.id for p in SCENARIO.proposals])
def test_at_large_text_their_case_stays_readable(proposal: str) -> None:
    """Their case (the side column) is never set in fine print at large text, smaller than the
    rest of the dialog (a play-tester saw "How they put it" so); it takes a column from the
    choices instead, and only when it is what does not fit."""
    ctx = UiContext(Settings(text_size=TextSize.LARGE, sound=False))
    index = SCENARIO.proposal_index[proposal]
    try:
        state = sample_game(
            SCENARIO,
            0,
            lambda s: s.pending is not None and not s.is_over and s.pending.proposal == index,
        )[0]
    except LookupError:
        pytest.skip(f"no sample game puts {proposal} on the table")
    dialog = _dialog(ctx, state)
    for i in range(len(dialog.side)):
        role = dialog._side_role(i)
        assert ctx.font(role).get_height() >= ctx.font(TextRole.CAPTION).get_height(), i
    if dialog.side_width > theme.span(4):
        rows = list(dialog.answers.values())
        choices = rows[-1].rect.bottom - rows[0].rect.top
        dialog.side_width -= theme.COLUMN + theme.GUTTER
        assert dialog._side_height() > choices
