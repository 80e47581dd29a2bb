"""The table and their hand: their opening words before the first move, the neighbours apart
from the talks meters, the asides under a reply, a proposal of theirs waiting with its three
answer cards (the "answer later" path), and what happened between rounds in the log."""

import itertools
import re
from typing import Any

import attrs
import pygame
import pytest

from game.draw.context import UiContext
from game.draw.theme import LOGICAL_SIZE, TextRole
from game.engine import (
    ChosenBy,
    GameState,
    MeterGroup,
    Move,
    ReactionKind,
    Scenario,
    apply,
    is_legal,
    new_game,
    no_trust_wins,
)
from game.engine.describe import answer_foreseen, group_of, sentence
from game.store.mode import Mode
from game.store.scenarios import load_scenario
from game.store.settings import Settings, TextSize
from game.store.who import Who
from game.ui.flow import Flow
from game.ui.in_play import PlayMove
from game.ui.record import HEAD, aside_words, log_entries, their_reply
from game.ui.screen import Action, Apply, Chain, Dialog, Open, Pop, TheirProposal
from game.ui.screens.proposal import UNSEEN, ProposalScreen
from game.ui.screens.summit import SummitScreen
from game.ui.screens.variant import variant_row
from game.ui.session import Session
from game.ui.shots import mid_game, render_screens, sample_game, tabled_pending
from game.ui.table import PENDING_FIRST, TableMode, serves_text, trust_need
from game.ui.table_layout import LOG_LINES, WHOLE, log_min_height
from game.ui.testing import click, feed, game_app, key
from game.ui.widgets.log import LEAST_FADE
from game.ui.widgets.table import OfferCard
from tests.engine.characters import SHOWN, played
from tests.engine.characters import UNSEEN as UNSEEN_GAME

SCENARIO = load_scenario("hanoi")


def _table(ctx: UiContext, state: GameState) -> tuple[Flow, SummitScreen]:
    flow = Flow(ctx)
    flow.session = Session(state)
    table = flow.summit()
    assert isinstance(table, SummitScreen)
    table.update(0.0)
    return flow, table


def _shown_text(table: SummitScreen) -> str:
    """Every word the table has to show: the bubble, the log, the details line."""
    bubble = table.bubble
    parts = [bubble.speaker, bubble.text, bubble.why, *(a for a, _ in bubble.asides)]
    parts += [entry.text for entry in table.log.entries]
    parts += list(table._detail_text())
    return " ".join(parts)


def test_a_hint_that_stood_through_a_move_does_not_come_back(ctx: UiContext) -> None:
    # A play-tester closed "Your adviser on accords" after every accepted offer: it came back
    # with each one. A hint left up while a move is made has been read.
    from game.engine.strategies import play

    moves = [turn.move for turn in play(SCENARIO, "essay", 4).turns]
    flow, table = _table(ctx, new_game(SCENARIO, 4))
    shown: list[str] = []
    for move in moves:
        hint = table.note.hint
        if hint is not None:
            assert hint.key not in shown, (hint.key, shown)
            shown.append(hint.key)
        flow.handle(PlayMove(move))
        table.update(0.0)
        if hint is not None:
            assert hint.key in flow.hints_seen
    assert "accord" in shown and len(shown) > 3


# --- Before the first move --------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 7])
def test_their_opening_words_come_first_and_nothing_else_of_their_profile(
    ctx: UiContext, seed: int
) -> None:
    state = new_game(SCENARIO, seed)
    profile = state.profile_info
    assert profile.opening
    _, table = _table(ctx, state)
    assert table.bubble.text == profile.opening
    assert HEAD in table.bubble.speaker
    assert profile.opening in table.log.entries[0].text
    shown = _shown_text(table).lower()
    assert profile.label.lower() not in shown
    assert profile.description.lower() not in shown


def test_the_opening_words_stay_in_the_log_after_the_first_move(ctx: UiContext) -> None:
    flow = Flow(ctx, seed=4)
    from game.ui.in_play import GameSetup, NewGame

    flow.handle(NewGame(GameSetup(SCENARIO, 4)))
    assert flow.session is not None
    opening = flow.session.state.profile_info.opening
    table = flow.summit()
    app = game_app(ctx, flow, table, [key(pygame.K_1), key(pygame.K_1)])
    app.run()
    assert flow.session.state.turns
    assert opening in table.log.entries[0].text
    assert table.bubble.text != opening


# --- The neighbours ---------------------------------------------------------------------------


def test_the_neighbours_are_a_strip_apart_from_the_talks_meters(ctx: UiContext) -> None:
    state = sample_game(SCENARIO, 7, mid_game)[0]
    _, table = _table(ctx, state)
    region = group_of(SCENARIO, MeterGroup.REGION)
    assert [i for i, m in enumerate(SCENARIO.meters) if m.group is MeterGroup.REGION] == list(
        region
    )
    assert [index for index, _ in table.neighbours.meters] == list(region)
    assert not {index for index, _ in table.meters} & set(region)
    for index, meter in table.neighbours.meters:
        spec = SCENARIO.meters[index]
        assert meter.value == state.meters[index]
        assert meter.band == spec.band(state.meters[index])
        assert table.neighbours.rect.contains(meter.rect)
    # Below the talks meters, and never over the table's band.
    lowest = max(meter.rect.bottom for _, meter in table.meters)
    assert table.neighbours.rect.top >= lowest
    assert table.neighbours.meters[-1][1].rect.bottom <= table.band_bottom


@pytest.mark.parametrize("size", list(TextSize))
def test_the_left_column_fits_at_every_text_size(size: TextSize) -> None:
    ctx = UiContext(Settings(text_size=size, sound=False))
    _, table = _table(ctx, sample_game(SCENARIO, 7, mid_game)[0])
    rows = [meter.rect for _, meter in table.neighbours.meters]
    assert all(a.bottom <= b.top for a, b in itertools.pairwise(rows))
    assert rows[-1].bottom <= table.band_bottom
    assert table.trust.rect.bottom <= table.band_bottom


def test_a_move_the_neighbours_notice_marks_them_and_their_asides(ctx: UiContext) -> None:
    def noticed(state: GameState) -> bool:
        return bool(state.turns and state.turns[-1].reaction.asides) and not state.is_over

    state, history = sample_game(SCENARIO, 7, noticed)
    flow = Flow(ctx)
    flow.session = Session(history[-1], history=history[:-1])
    table = flow.summit()
    assert isinstance(table, SummitScreen)
    flow.handle(PlayMove(state.turns[-1].move))
    table.update(1e6)
    reaction = flow.session.state.turns[-1].reaction
    assert reaction.asides
    assert [words for words, _ in table.bubble.asides] == [aside_words(a) for a in reaction.asides]
    moved = [meter for _, meter in table.neighbours.meters if meter.last_delta]
    assert moved, "the neighbours that moved are marked"
    entry = next(e for e in table.log.entries if e.text.startswith(f"{len(state.turns)}."))
    for aside in reaction.asides:
        assert sentence(aside) in entry.text


# --- Their reply, whole -------------------------------------------------------------------------


@pytest.mark.parametrize("size", list(TextSize))
def test_replies_show_whole_or_say_where_the_rest_is(size: TextSize) -> None:
    from game.engine import apply
    from game.engine.strategies import play

    ctx = UiContext(Settings(text_size=size, sound=False, hints=False))
    whole = 0
    replies = 0
    for seed in (1, 2, 3):
        for strategy in ("essay", "random"):
            final = play(SCENARIO, strategy, seed)
            session = Session(new_game(SCENARIO, seed))
            table = SummitScreen(ctx, session)
            for turn in final.turns:
                session.state = apply(session.state, turn.move).state
                table.update(0.0)
                reply = their_reply(session.state, "them")
                replies += 1
                assert table.bubble.text == reply.said, "their words always show whole"
                if table.bubble.why == reply.why:
                    whole += 1
                else:
                    assert table.bubble.why.endswith(WHOLE)
                assert table.bubble.rect.bottom < table.log.rect.top
    # The reason gives way before the log's newest lines do (play-test 3, finding 1), so a long
    # one is cut at normal text too, saying where it is whole.
    least = {TextSize.SMALL: 0.99, TextSize.NORMAL: 0.75, TextSize.LARGE: 0.6}[size]
    assert whole / replies > least


def _refused_by_others() -> list[tuple[GameState, str]]:
    """Games whose last move a neighbour or the Senate refused, with who did (found by name in
    the reason; one per kind of refusal and per name)."""
    from game.engine.strategies import play

    whos = {need.who for offer in SCENARIO.offers for need in offer.needs if need.who}
    found: dict[tuple[ReactionKind, str], GameState] = {}
    for seed in range(120):
        final = play(SCENARIO, "random", seed)
        state = new_game(SCENARIO, seed)
        for turn in final.turns:
            state = apply(state, turn.move).state
            reaction = turn.reaction
            if reaction.kind not in (ReactionKind.REJECT, ReactionKind.DEFER) or reaction.say:
                continue
            for who in whos:
                if f" {who} needs " in reaction.why or f" {who} can accept " in reaction.why:
                    found.setdefault((reaction.kind, who), state)
    return [(state, who) for (_, who), state in found.items()]


def test_a_refusal_that_was_not_theirs_is_headed_and_logged_with_who_refused(
    ctx: UiContext,
) -> None:
    # A play-tester saw the Senate's refusal headed "DPRK delegation · they reject", and the
    # log said only "Embassies: rejected".
    games = _refused_by_others()
    assert {who for _, who in games} >= {"the Senate", "Tokyo"}
    assert {state.turns[-1].reaction.kind for state, _ in games} == {
        ReactionKind.REJECT,
        ReactionKind.DEFER,
    }
    for state, who in games:
        _, table = _table(ctx, state)
        heading = table.bubble.speaker
        assert who in heading and "them" not in heading.lower() and "DPRK" not in heading
        assert heading.startswith(("Refused by ", "Held up by "))
        assert table.bubble.text and table.bubble.text != "\u2026"
        logged = [e.text for e in log_entries(state) if e.text.startswith(f"{len(state.turns)}.")]
        assert logged and f" by {who}." in logged[0], logged


def test_their_own_refusal_is_still_headed_as_theirs(ctx: UiContext) -> None:
    from game.engine.strategies import play

    final = play(SCENARIO, "historical", 1)
    state = new_game(SCENARIO, 1)
    for turn in final.turns:
        state = apply(state, turn.move).state
        if turn.reaction.kind is ReactionKind.REJECT and turn.reaction.say:
            break
    reply = their_reply(state, "them")
    assert reply.speaker == "them \u00b7 they reject"
    assert reply.said == state.turns[-1].reaction.say


@pytest.mark.parametrize("size", list(TextSize))
def test_the_advisers_note_covers_neither_the_reply_nor_the_log(size: TextSize) -> None:
    # Issue 9, bug 5: the note lay over the log, of which only the title showed, if that; then
    # it shared their column and was cut ("they remember how Libya and...", play-test 11).
    from game.engine import apply
    from game.engine.strategies import play

    ctx = UiContext(Settings(text_size=size, sound=False, hints=True))
    notes = 0
    for seed, strategy in ((1, "essay"), (7, "essay"), (12, "random")):
        final = play(SCENARIO, strategy, seed)
        session = Session(new_game(SCENARIO, seed))
        table = SummitScreen(ctx, session)
        for turn in final.turns:
            table.update(0.0)
            note = table.note
            if note.hint is not None:
                notes += 1
                assert not note.rect.colliderect(table.log.rect)
                assert not note.rect.colliderect(table.bubble.rect)
                assert not note.rect.colliderect(table.trust.rect)
                # The hint is whole, over the picture of the table.
                assert note.rect.height >= note.height_for(ctx, note.rect.width)
                # The log keeps its newest lines (a play-tester saw its title alone), or they
                # give way to the reply's reason.
                assert table.log.rect.height >= log_min_height(ctx) or table.bubble.why
                why = their_reply(session.state, "them").why
                # The reply is whole, or says where it is whole.
                assert table.bubble.why == why or table.bubble.why.endswith(WHOLE)
                for control in table.focus.controls:
                    if control is not note and control.rect.width:
                        assert not note.rect.colliderect(control.rect)
                # A message (saved, taken back) veils the note while it shows: over it, the
                # two garbled each other (a play-tester, "Taken back: Embassies.").
                table.toast.show("Taken back: Exemptions for joint projects.")
                surface = pygame.Surface(LOGICAL_SIZE)
                table.draw(surface)
                box = table.toast.box(ctx)
                assert table.toast.veil == note.rect and note.rect.contains(box)
                corner = (note.rect.left + 4, note.rect.bottom - 4)
                assert surface.get_at(corner)[:3] == ctx.palette.paper
                table.toast.left = 0.0
                table.draw(surface)
                assert surface.get_at(corner)[:3] != ctx.palette.paper
            session.state = apply(session.state, turn.move).state
    assert notes > 3


def _states_of(seed: int, *, hotseat: bool = False) -> list[GameState]:
    """Every state of the essay's game on ``seed`` before its end, answers as it chose them."""
    from game.engine.strategies import play_from

    final = play_from(new_game(SCENARIO, seed, hotseat=hotseat), "essay")
    states = [new_game(SCENARIO, seed, hotseat=hotseat)]
    for turn in final.turns:
        chosen = turn.reaction.chosen_by is ChosenBy.PLAYER
        kind = turn.reaction.kind if chosen else None
        played = apply(states[-1], turn.move, kind, turn.reaction.counter if chosen else None)
        states.append(played.state)
    return [state for state in states if not state.is_over]


def _newest_lines_in_clear_view(ctx: UiContext, table: SummitScreen) -> tuple[int, int]:
    """How many lines of the log's newest entry (its round's heading, if it has one, and its
    words) the table shows clear of the edges' fades, and how many it has."""
    log = table.log
    body = log.body_rect(ctx)
    heights = log._entry_heights
    top = body.top - min(log.offset, log.max_scroll()) + sum(heights[:-1])
    lines = []
    if log.entries[-1].label:
        lines.append((top, top + ctx.line_height(TextRole.KICKER)))
    caption = ctx.line_height(TextRole.CAPTION)
    start = lines[-1][1] if lines else top
    while start + caption <= top + heights[-1] - log._gap:
        lines.append((start, start + caption))
        start += caption
    fade_top, fade_bottom = log.fades(ctx)
    # The least fade at the bottom edge lies over the descenders of a whole line.
    clear = (body.top + fade_top, body.bottom - (fade_bottom if fade_bottom > LEAST_FADE else 0))
    shown = sum(1 for upper, lower in lines if upper >= clear[0] and lower <= clear[1])
    return shown, len(lines)


@pytest.mark.parametrize("hotseat", [False, True])
def test_the_log_shows_its_newest_entry_beside_the_advisers_hint(hotseat: bool) -> None:
    # At 1024x600 (the table drawn at 1280x720 and scaled) with the hint showing, the log was
    # its title over an empty strip, or one line faded at both edges (play-tester's shots).
    ctx = UiContext(Settings(text_size=TextSize.NORMAL, sound=False, hints=True))
    whole = hinted = 0
    for seed in range(4):
        for state in _states_of(seed, hotseat=hotseat):
            _, table = _table(ctx, state)
            if not table.log.entries:
                continue
            # However long their reason, the log keeps a line (a play-tester saw its title
            # over an empty box after a long amendment's reason).
            shown, count = _newest_lines_in_clear_view(ctx, table)
            assert shown >= 1, (seed, len(state.turns))
            if table.note.hint is None:
                continue
            hinted += 1
            if shown < min(count, LOG_LINES):
                # Only to keep the reason whole.
                assert table.bubble.why == their_reply(state, "them").why
            whole += shown == count
    assert hinted > 20 and whole > hinted // 2


@pytest.mark.parametrize("size", list(TextSize))
def test_the_log_always_shows_the_newest_entrys_first_two_lines(size: TextSize) -> None:
    # Play-test 3, finding 1: a long reply squeezed the log to its round's heading alone
    # ("ROUND 4 \u00b7 WORKING LUNCH" over nothing) or one line cut mid-sentence, on most turns
    # at large text. The bubble's reason gives way first; it says where it is whole.
    ctx = UiContext(Settings(text_size=size, sound=False, hints=True))
    cut = 0
    for seed in range(4):
        for hotseat in (False, True):
            for state in _states_of(seed, hotseat=hotseat):
                _, table = _table(ctx, state)
                if not table.log.entries:
                    continue
                shown, count = _newest_lines_in_clear_view(ctx, table)
                assert shown >= min(count, 2), (size, seed, hotseat, len(state.turns))
                why = their_reply(state, "them").why
                assert table.bubble.why == why or table.bubble.why.endswith(WHOLE)
                assert table.bubble.rect.bottom < table.log.rect.top
                cut += table.bubble.why != why
    assert size is not TextSize.LARGE or cut, "large text cuts some reasons"


def test_the_play_testers_hot_seat_table_shows_the_refusal_in_the_log() -> None:
    # Hot-seat, seed 3401: mutual restraint rejected, the hint on trust up; the log showed one
    # clipped line.
    ctx = UiContext(Settings(text_size=TextSize.NORMAL, sound=False, hints=True))
    state = new_game(SCENARIO, 3401, hotseat=True)
    state = apply(state, Move.parse("mutual_restraint:unwritten"), ReactionKind.REJECT).state
    _, table = _table(ctx, state)
    assert table.note.hint is not None
    assert table.log.entries[-1].text == "1. Mutual restraint (unwritten): rejected."
    assert _newest_lines_in_clear_view(ctx, table) == (1, 1)


def test_a_long_reason_leaves_the_log_a_line() -> None:
    # Hot-seat, seed 4: restraint in writing countered, the U.S. insisting, the North
    # accepting: the amendment's five-line reason left the log its title over an empty box.
    ctx = UiContext(Settings(text_size=TextSize.NORMAL, sound=False, hints=True))
    state = new_game(SCENARIO, 4, hotseat=True)
    restraint = Move.parse("mutual_restraint:written")
    state = apply(state, restraint, ReactionKind.COUNTER).state
    state = apply(state, Move.parse("amend"), ReactionKind.ACCEPT).state
    _, table = _table(ctx, state)
    assert _newest_lines_in_clear_view(ctx, table)[0] >= 1
    assert table.bubble.why.endswith(WHOLE)


# --- Their proposal, waiting ------------------------------------------------------------------


def _waiting(ctx: UiContext) -> tuple[Flow, SummitScreen]:
    def amendable(state: GameState) -> bool:
        return tabled_pending(state) and is_legal(state, Move("amend"))

    return _table(ctx, sample_game(SCENARIO, 7, amendable)[0])


def test_a_waiting_proposal_shows_three_answer_cards(ctx: UiContext) -> None:
    _, table = _waiting(ctx)
    assert table._mode() is TableMode.PENDING
    assert [c.shortcut.label for c in table.answers if c.shortcut] == ["A", "R", "M"]
    for card in table.answers:
        assert card in table.focus.controls
        assert card.rect.width > 0 and table._tray_area.contains(card.rect)
        assert not card.rect.colliderect(table._panel_rect())
    amend = table.answers[2]
    assert amend.title.startswith("Answer with ")
    assert table.focus.focused is table.panel_button
    title, body = table._detail_text()
    assert table.state.scenario.proposals[table.state.pending.proposal].label in title  # type: ignore[union-attr]
    assert "How they put it" in body and "How Washington puts it" in body


@pytest.mark.parametrize(("code", "answer"), [(pygame.K_a, "accept"), (pygame.K_r, "reject")])
def test_after_answer_later_a_and_r_answer_from_the_table(
    ctx: UiContext, code: int, answer: str
) -> None:
    flow, table = _waiting(ctx)
    app = game_app(ctx, flow, table, [key(pygame.K_RETURN)])
    app.run()
    assert isinstance(app.top, ProposalScreen)
    feed(app, key(pygame.K_ESCAPE), key(code))
    assert flow.session is not None
    assert flow.session.state.turns[-1].move == Move(answer)


def test_after_answer_later_m_amends_from_the_table(ctx: UiContext) -> None:
    _, table = _waiting(ctx)
    assert table.on_event(key(pygame.K_m)) == Apply(PlayMove(Move("amend")))


def test_an_offer_s_key_while_their_proposal_waits_says_to_answer_it_first(
    ctx: UiContext,
) -> None:
    # A play-tester pressed T to walk away while their proposal waited, and nothing happened.
    _, table = _waiting(ctx)
    walk = next(c for c in table.cards if c.offer_id == "walk_away")
    assert walk.shortcut is not None
    assert table.on_event(key(walk.shortcut.key)) is None
    assert table.toast.is_showing and table.toast.text == PENDING_FIRST
    assert table.state.turns == _waiting(ctx)[1].state.turns
    # R is an offer's key too (the fourteenth), but here it is the answer's: no refusal.
    table.toast.text = ""
    assert table.on_event(key(pygame.K_r)) == Apply(PlayMove(Move("reject")))
    assert table.toast.text == ""


def test_the_answer_cards_answer_by_mouse(ctx: UiContext) -> None:
    _, table = _waiting(ctx)
    card = table.answers[1]
    actions = [table.on_event(event) for event in click(card.rect.center)]
    assert Apply(PlayMove(Move("reject"))) in actions
    assert table.on_event(key(pygame.K_RETURN)) is not None
    actions = [table.on_event(event) for event in click(table.panel_button.rect.center)]
    assert Open(TheirProposal()) in actions


def test_a_closed_amendment_is_a_locked_card_that_says_why(ctx: UiContext) -> None:
    def closed(state: GameState) -> bool:
        return (
            state.pending is not None and not state.is_over and not is_legal(state, Move("amend"))
        )

    _, table = _table(ctx, sample_game(SCENARIO, 7, closed)[0])
    amend = table.answers[2]
    assert not amend.enabled and amend.reason
    assert amend.caption.lower().startswith(amend.reason[:12].lower())
    turns = len(table.state.turns)
    assert table.on_event(key(pygame.K_m)) is None
    assert len(table.state.turns) == turns
    table.focus.focus(amend)
    title, body = table._detail_text()
    assert title.endswith("closed") and body


@pytest.mark.parametrize("size", list(TextSize))
def test_the_waiting_proposal_renders_at_every_text_size(size: TextSize) -> None:
    ctx = UiContext(Settings(text_size=size, sound=False))
    _, table = _waiting(ctx)
    render_screens([table])
    panel = table._panel_rect()
    assert not panel.colliderect(table.panel_button.rect.inflate(-2, -2)) or panel.contains(
        table.panel_button.rect
    )
    for card in table.answers:
        assert not card.rect.colliderect(panel)


# --- Between rounds ---------------------------------------------------------------------------


def test_standing_pressures_and_tested_accords_are_in_the_log(ctx: UiContext) -> None:
    def drifted(state: GameState) -> bool:
        return any(turn.drifts for turn in state.turns)

    def tested(state: GameState) -> bool:
        return any(turn.tests for turn in state.turns)

    for stop in (drifted, tested):
        state = sample_game(SCENARIO, 7, stop)[0]
        entries = " ".join(entry.text for entry in log_entries(state))
        for turn in state.turns:
            for drift_id in turn.drifts:
                drift = next(d for d in SCENARIO.drifts if d.id == drift_id)
                assert sentence(drift.text) in entries
            for accord, held in turn.tests:
                event = next(
                    e for e in SCENARIO.events if e.test is not None and e.test.accord == accord
                )
                assert event.test is not None
                assert (event.test.held if held else event.test.broken) in entries


def test_a_tabled_proposal_opens_its_round_in_the_log(ctx: UiContext) -> None:
    state = sample_game(SCENARIO, 7, tabled_pending)[0]
    turn = state.turns[-1]
    assert turn.tabled is not None
    entries = log_entries(state)
    proposal = SCENARIO.proposal(turn.tabled)
    entry = next(e for e in entries if proposal.label in e.text and "table" in e.text)
    assert entry.label.startswith(f"Round {turn.round + 2}")


def test_answers_in_the_log_name_the_proposal(ctx: UiContext) -> None:
    def answered(state: GameState) -> bool:
        return any(turn.move.is_answer for turn in state.turns)

    state = sample_game(SCENARIO, 7, answered)[0]
    entries = log_entries(state)
    for turn in state.turns:
        if turn.move.is_answer:
            before = state.turns[turn.number - 2]
            ident = before.reaction.counter or before.tabled
            assert ident is not None
            label = SCENARIO.proposal(ident).label
            assert any(e.text.startswith(f"{turn.number}.") and label in e.text for e in entries)


# --- Cards --------------------------------------------------------------------------------------


def test_card_details_say_which_interest_an_offer_serves(ctx: UiContext) -> None:
    state = sample_game(SCENARIO, 7, mid_game)[0]
    _, table = _table(ctx, state)
    served = [o for o in SCENARIO.offers if o.serves]
    assert served
    for offer in served:
        text = serves_text(SCENARIO, offer)
        assert all(SCENARIO.interests[i].label in text for i, points in offer.serves if points > 0)
        card = next(c for c in table.cards if c.offer_id == offer.id)
        if card.rect.width:
            table.focus.focus(card)
            assert text in table._detail_text()[0]


def test_the_engine_tables_nothing_in_a_hot_seat_game(ctx: UiContext) -> None:
    from game.ui.in_play import GameSetup

    session = Session.start(GameSetup(SCENARIO, 7, hotseat=True))
    assert session.state.hotseat
    state = sample_game(SCENARIO, 7, lambda s: len(s.turns) >= 8 or s.is_over, hotseat=True)[0]
    assert all(turn.tabled is None for turn in state.turns)
    assert all(
        turn.reaction.kind is not ReactionKind.COUNTER or turn.reaction.counter
        for turn in state.turns
    )


# --- What an offer needs ------------------------------------------------------------------------

_NEED = re.compile(
    r"trust \d+ (?:is below|is close to|meets|is above|is just above|is within) the (\d+)"
)


def card_forms(scenario: Scenario, offer: str) -> int:
    """How many forms an offer has."""
    return len(scenario.offer(offer).variants)


def _without_chance(scenario: Scenario) -> Scenario:
    """``scenario`` with nothing hidden moving their thresholds: no mood, no profile's shift, no
    agenda and no quirks; what is left is what a player can know."""
    rules = attrs.evolve(scenario.rules, noise=0, profile_jitter=0, focus_shift=0, early_shift=0)
    profiles = tuple(attrs.evolve(p, shift=0, quirks=()) for p in scenario.profiles)
    return attrs.evolve(scenario, rules=rules, profiles=profiles)


@pytest.mark.parametrize("seed", [1, 4, 7])
def test_needs_about_is_the_figure_the_reply_names(ctx: UiContext, seed: int) -> None:
    # Issue 9, bug 6: a card said "needs about 12" and the reply "the 13 they need", or 15 and
    # 25: the card gave the offer's nominal need, the reply what their stance, the offer's form
    # and their memory made of it. With chance and their hidden profile taken out, the two
    # must be the same figure.
    from game.engine import apply, move_options
    from game.engine.strategies import play

    scenario = _without_chance(SCENARIO)
    final = play(scenario, "hawk", seed)
    state = new_game(scenario, seed)
    compared = 0
    for turn in final.turns:
        if state.pending is None:
            _, table = _table(ctx, state)
            for option in move_options(state):
                move = option.move
                card = next((c for c in table.cards if c.offer_id == move.offer), None)
                if not option.available or card is None or card not in table.focus.controls:
                    continue
                table.focus.focus(card)
                table.update(0.0)
                said = _NEED.search(apply(state, move).reaction.why)
                if said is None or table.trust.marker is None:
                    continue
                label = table.trust.marker_label
                # "about 25", "about 25-29", "none to about 12" or "none".
                shown = [0] * ("none to" in label or label.endswith("none"))
                shown += [int(n) for n in re.findall(r"\d+", label)]
                assert shown[0] <= int(said.group(1)) <= shown[-1], label
                if not card_forms(scenario, move.offer):
                    assert shown == [int(said.group(1))]
                compared += 1
        state = apply(state, turn.move).state
    assert compared > 5


@pytest.mark.parametrize(("strategy", "seed"), [("essay", 7), ("historical", 4)])
def test_the_change_marks_show_what_the_last_move_changed(
    ctx: UiContext, strategy: str, seed: int
) -> None:
    # Issue 9, bug 12: a meter the last move left alone went on showing the change an earlier
    # move made to it, so the marks read a move behind.
    from game.engine import apply
    from game.engine.strategies import play

    final = play(SCENARIO, strategy, seed)
    session = Session(new_game(SCENARIO, seed))
    table = SummitScreen(ctx, session)
    table.update(0.0)
    for turn in final.turns:
        before = session.state.meters
        session.state = apply(session.state, turn.move).state
        table.update(0.0)
        for index, meter in table._all_meters():
            assert meter.last_delta == session.state.meters[index] - before[index], meter.label


@pytest.mark.parametrize("size", list(TextSize))
def test_the_players_name_is_shown_whole_at_the_table(size: TextSize, rendered: list[str]) -> None:
    # A play-tester's name came out as "U.S. DELEGATION \u00b7..." at the normal text size: where
    # the delegation and the name do not fit together, the name is shown alone.
    ctx = UiContext(Settings(text_size=size, sound=False))
    name = "Tessa O'Neil-Ram\u00edrez"
    session = Session(new_game(SCENARIO, 11), Who(name, Mode.PRACTICE))
    render_screens([SummitScreen(ctx, session)])
    assert any(name.upper() in text and "\u2026" not in text for text in rendered), rendered


@pytest.mark.parametrize("size", list(TextSize))
def test_a_waiting_proposal_keeps_its_panel_whatever_the_text_size(size: TextSize) -> None:
    # A play-tester at the large text size, with the adviser's note up, saw the proposal's
    # panel collapse to an empty strip and its button drawn under the log.
    state = new_game(SCENARIO, 23)
    for move in ("project_exemptions", "yongbyon_for_relief:partial"):
        state = apply(state, Move.parse(move)).state
    assert state.pending is not None
    ctx = UiContext(Settings(text_size=size, sound=False, hints=True))
    table = SummitScreen(ctx, Session(state))
    table.update(0.0)
    panel = table._panel_rect()
    button = table.panel_button.rect
    assert panel.contains(button) and button.height > 0
    assert not button.colliderect(table.log.rect)
    for answer in table.answers:
        assert not answer.rect.colliderect(panel) and answer.rect.height > 0


@pytest.mark.parametrize("size", list(TextSize))
@pytest.mark.parametrize("hints", [False, True])
@pytest.mark.parametrize(
    ("seed", "moves"),
    [(11, ("security_assurances:spoken", "yongbyon_for_relief:partial")), (23, ())],
)
def test_the_waiting_proposals_panel_keeps_its_text_off_its_button(
    size: TextSize, hints: bool, seed: int, moves: tuple[str, ...]
) -> None:
    # A play-tester saw the kicker "INSTEAD OF YONGBYON FOR RELIEF..., THEY PROPOSE" run under
    # the panel's button and out into the answers.
    from game.ui.table import tray_panel
    from game.ui.widgets.board import draw_tray_panel

    state = new_game(SCENARIO, seed)
    for move in moves or ("project_exemptions", "yongbyon_for_relief:partial"):
        state = apply(state, Move.parse(move)).state
    assert state.pending is not None
    ctx = UiContext(Settings(text_size=size, sound=False, hints=hints))
    table = SummitScreen(ctx, Session(state))
    table.update(0.0)
    panel, button = table._panel_rect(), table.panel_button.rect
    text = tray_panel(state, can_undo=True)
    for drawn in draw_tray_panel(pygame.Surface((1280, 720)), ctx, panel, text, button):
        assert not drawn.colliderect(button), (drawn, button)
        assert panel.contains(drawn) or not drawn.width, (drawn, panel)


def test_after_an_undo_the_marks_show_the_move_now_last_not_the_undo(ctx: UiContext) -> None:
    # A play-tester took back a move and read "Trust ▼10": the undo itself shown as a change.
    from game.engine.strategies import play

    final = play(SCENARIO, "essay", 7)
    session = Session(new_game(SCENARIO, 7))
    table = SummitScreen(ctx, session)
    table.update(0.0)
    for turn in final.turns[:3]:
        session.play(turn.move)
        table.update(0.0)
    assert session.undo().is_ok
    table.update(0.0)
    state = session.state
    before, after = state.turns[-2].meters, state.turns[-1].meters
    for index, meter in table._all_meters():
        assert meter.value == after[index]
        assert meter.last_delta == after[index] - before[index], meter.label


def test_focus_moves_off_a_card_its_move_has_agreed(ctx: UiContext) -> None:
    """Played and accepted, a card has nothing left to offer: focus goes to one still open. A
    card refused or deferred keeps focus, to be tried again."""
    from game.engine import available_moves, judge
    from game.ui.table import CardStatus
    from game.ui.widgets.table import OfferCard

    state = new_game(SCENARIO, 4)
    accepted = next(
        m for m in available_moves(state) if judge(state, m).kind is ReactionKind.ACCEPT
    )
    flow, table = _table(ctx, state)
    card = next(c for c in table.cards if c.offer_id == accepted.offer)
    table.focus.focus(card)
    flow.handle(PlayMove(accepted))
    table.update(0.0)
    assert card.status is CardStatus.AGREED
    focused = table.focus.focused
    assert isinstance(focused, OfferCard) and focused is not card
    assert focused.status is CardStatus.OPEN


def test_with_nothing_open_on_the_page_focus_goes_to_the_next_page(ctx: UiContext) -> None:
    # At Large text a play-tester agreed the last open card of a page: focus stayed on it, and
    # Enter did nothing at all. It goes to "More offers" now.
    large = UiContext(Settings(text_size=TextSize.LARGE, sound=False))
    _, table = _table(large, new_game(SCENARIO, 4))
    assert table._tray.pages > 1
    played = table.focus.focused
    for card in table._visible_cards():
        card.enabled = False
    table._update_focus(leave=played)
    assert table.focus.focused is table.pager


# --- Keys pressed in haste ----------------------------------------------------------------------


def _refused_card(ctx: UiContext) -> tuple[Flow, SummitScreen, OfferCard, Action]:
    """A table on seed 4 after a single-form offer was played with Enter and refused."""
    from game.engine import ReactionKind, apply

    state = new_game(SCENARIO, 4)
    flow, table = _table(ctx, state)
    card = next(
        c
        for c in table.cards
        if c in table.focus.controls
        and isinstance(c.activate(), Apply)
        and apply(state, Move(c.offer_id)).reaction.kind is not ReactionKind.ACCEPT
    )
    table.focus.focus(card)
    action = table.on_event(key(pygame.K_RETURN))
    assert isinstance(action, Apply) and action == Apply(PlayMove(Move(card.offer_id)))
    flow.handle(action.command)
    assert flow.session is not None and len(flow.session.state.turns) == 1
    table.update(0.0)
    assert table.focus.focused is card  # refused: the card keeps focus
    return flow, table, card, action


def test_enter_pressed_twice_in_haste_does_not_make_the_same_offer_again(ctx: UiContext) -> None:
    # A play-test pressed Return twice: the refused offer was made again, which cost patience
    # and left a grudge. Enter on the card just played says so instead; pressed again, it makes
    # the offer again.
    from game.ui.widgets.table import AGAIN

    _, table, _, action = _refused_card(ctx)
    assert table.on_event(key(pygame.K_RETURN)) is None
    assert table.toast.text == AGAIN
    assert table.on_event(key(pygame.K_RETURN)) == action


def test_a_card_of_several_forms_just_played_opens_its_forms_again(ctx: UiContext) -> None:
    # A play-tester who had called Washington pressed the consultation's key to brief Seoul and
    # Tokyo, and was told "press again to make it once more": its forms ask anyway.
    from game.ui.widgets.table import AGAIN

    flow, table = _table(ctx, new_game(SCENARIO, 4))
    written = Move("mutual_restraint", "written")
    flow.handle(PlayMove(written))
    assert flow.session is not None
    assert flow.session.state.turns[-1].reaction.kind is not ReactionKind.ACCEPT
    table.update(0.0)
    card = next(c for c in table.cards if c.offer_id == "mutual_restraint")
    assert table.focus.focused is card
    action = table.on_event(key(pygame.K_RETURN))
    assert action is not None and table.toast.text != AGAIN


@pytest.mark.parametrize("size", list(TextSize))
def test_the_question_before_a_repeat_shows_whole(size: TextSize, rendered: list[str]) -> None:
    # In a real window at 1024x600, seed 4, the big deal offered twice: the first wording ran
    # past the toast, "...(it costs...".
    from game.ui.widgets.table import AGAIN

    flow, table = _table(UiContext(Settings(text_size=size, sound=False)), new_game(SCENARIO, 4))
    action = table.on_event(key(pygame.K_9))  # the big deal, by its key (on page 2 at Large)
    # As things stand it would be turned down: it asks first, then plays it.
    assert isinstance(action, Open) and isinstance(action.place, Dialog)
    assert action.place.choices[-1].action == Chain((Pop(), Apply(PlayMove(Move("demand_cvid")))))
    flow.handle(PlayMove(Move("demand_cvid")))
    table.update(0.0)
    assert table.on_event(key(pygame.K_RETURN)) is None
    rendered.clear()
    table.draw(pygame.Surface((1280, 720)))  # drawn as it shows, before the toast times out
    shown = [text for text in rendered if text.startswith(AGAIN[:12])]
    assert AGAIN in shown and not any(text.endswith("\u2026") for text in shown), shown


def test_a_second_click_on_the_card_just_played_asks_too(ctx: UiContext) -> None:
    _, table, card, action = _refused_card(ctx)
    assert all(table.on_event(event) is None for event in click(card.rect.center))
    assert [table.on_event(event) for event in click(card.rect.center)].count(action) == 1


def test_anything_done_in_between_lets_enter_make_the_offer_at_once(ctx: UiContext) -> None:
    _, table, card, action = _refused_card(ctx)
    table.on_event(key(pygame.K_TAB))
    table.on_event(key(pygame.K_TAB, pygame.KMOD_SHIFT))
    assert table.focus.focused is card
    assert table.on_event(key(pygame.K_SPACE)) == action


@pytest.mark.parametrize(("value", "alarming"), [(75, False), (76, True)])
def test_a_meter_turns_red_past_the_statements_limit_not_at_it(value: int, alarming: bool) -> None:
    # "Above 75: no statement": a play-tester read red at 75, where one can still be signed.
    from game.engine import MeterRole
    from game.ui.table import statement_limits
    from game.ui.widgets.table import table_meters

    ((index, limit),) = statement_limits(SCENARIO).items()
    assert limit == 75
    state = new_game(SCENARIO, 4)
    meters = list(state.meters)
    meters[index] = value
    trust = SCENARIO.role_index(MeterRole.TRUST)
    assert trust is not None
    _, shown = table_meters(attrs.evolve(state, meters=tuple(meters)), trust)
    meter = next(m for i, m in shown if i == index)
    assert meter.is_alarming is alarming


def test_focus_moving_on_passes_over_a_counterproductive_card() -> None:
    """When focus must move (the card in focus agreed, a page turned), it goes to the first open
    card that the essay does not call counterproductive: a play-tester found it on "Demand the
    big deal", one stray Enter from a grudge. With nothing else open, that card it is."""
    from game.ui.widgets.table import first_to_focus

    demand = OfferCard(offer_id="demand_cvid", title="Demand the big deal")
    embassies = OfferCard(offer_id="embassies", title="Embassies")
    locked = OfferCard(offer_id="liaison_offices", title="Liaison offices", enabled=False)
    assert SCENARIO.offer("demand_cvid").counterproductive
    assert first_to_focus(SCENARIO, [locked, demand, embassies]) is embassies
    assert first_to_focus(SCENARIO, [locked, demand]) is demand
    assert first_to_focus(SCENARIO, [locked]) is None


def test_the_whole_log_says_once_what_an_amendment_answered() -> None:
    # "You answered Yongbyon for the 2016-17 sanctions with Yongbyon for relief: rejected. ...
    # Why: you answered Yongbyon for the 2016-17 sanctions with an offer of your own, Yongbyon
    # for relief: rejected: ..." (a play-tester). The engine's reason stays whole.
    amend = Move("amend")
    before = sample_game(SCENARIO, 7, lambda s: is_legal(s, amend))[0]
    after = apply(before, amend).state
    why = after.turns[-1].reaction.why
    assert "with an offer of your own" in why
    line = log_entries(after, full=True)[-1].text
    assert line.startswith(f"{len(after.turns)}. You answered ")
    assert line.count("You answered") + line.count("you answered") == 1
    assert f" Why: {why.split(': ', 1)[1]}" in line


@pytest.mark.parametrize("size", list(TextSize))
def test_the_tables_layout_stays_put_from_move_to_move(size: TextSize) -> None:
    # A play-tester saw the cards flip between one row ("Page 2 of 4") and two ("Page 2 of 2")
    # and the picture of the table shrink and grow as replies and the adviser's notes came and
    # went: cards moved under the pointer and page numbers changed meaning.
    from game.engine.strategies import play

    ctx = UiContext(Settings(text_size=size, sound=False, hints=True))
    for seed, strategy in ((1, "essay"), (5, "essay"), (7, "random"), (12, "random")):
        final = play(SCENARIO, strategy, seed)
        session = Session(new_game(SCENARIO, seed))
        table = SummitScreen(ctx, session)
        seen: set[tuple[object, ...]] = set()
        notes = 0
        for turn in final.turns:
            table.update(0.0)
            notes += table.note.hint is not None
            if table._mode() is TableMode.OFFERS:
                shown = [(c.offer_id, tuple(c.rect)) for c in table.cards if c.rect.width]
                pager = table.pager.detail.split(" of ")[-1]
                seen.add((table._tray, table.band_bottom, tuple(table.trust.rect), pager, *shown))
                table.turn_page(1)
                table.turn_page(-1)
            session.state = apply(session.state, turn.move).state
        assert notes, "the adviser had something to say"
        assert len(seen) == 1, (seed, strategy, sorted(seen, key=str))


def test_at_large_text_a_wide_panel_s_words_are_not_set_in_fine_print() -> None:
    # A play-tester: at large text, "The summit is over" panel's words were set in fine print,
    # smaller than at normal text, beside a button with room to spare.
    from game.draw.theme import TextRole
    from game.store.settings import Settings, TextSize
    from game.ui.widgets.board import draw_tray_panel

    ctx = UiContext(Settings(text_size=TextSize.LARGE))
    body = (
        "The talks have ended. See how it ended, and then the debrief: what you achieved "
        "against the briefing's goals, and what happened in history. In a practice game you "
        "can still undo the last move (U)."
    )
    surface = pygame.Surface((1280, 720))
    panel, button = pygame.Rect(64, 432, 1152, 196), pygame.Rect(922, 556, 270, 48)
    drawn = draw_tray_panel(
        surface, ctx, panel, ("THE SUMMIT IS OVER", "Liaison offices", body), button
    )
    lines = drawn[2].height / ctx.line_height(TextRole.CAPTION)
    assert lines >= 2 and lines == int(lines), drawn[2]
    assert drawn[2].bottom <= panel.bottom and drawn[2].right <= button.left


def test_a_card_that_needs_no_trust_says_none_is_needed(ctx: UiContext) -> None:
    # A play-tester read "Security assurances: none" over the trust gauge as if the card had
    # nothing; the short form says "none needed", the long "they need none", as a reply does.
    from game.engine import apply
    from game.engine.strategies import play

    final = play(SCENARIO, "essay", 7)
    state = new_game(SCENARIO, 7)
    seen = 0
    for turn in final.turns:
        if state.pending is None:
            _, table = _table(ctx, state)
            for card in [c for c in table.cards if c in table.focus.controls]:
                table.focus.focus(card)
                table.update(0.0)
                if table.trust.marker_label.endswith("they need none"):
                    assert table.trust.marker_short == f"{card.title}: none needed"
                    seen += 1
        state = apply(state, turn.move).state
    assert seen


def test_an_offer_their_reply_called_a_red_line_needs_no_figure_after() -> None:
    """Seed 217: human rights on the record crosses this delegation's red line. Before, the
    table reckons what it needs (other delegations take it); after their reply said so, no
    trust wins it, and the table stops saying they need about so much (a play-tester read
    "they need about 8" beside "crosses a red line for them")."""
    moves = ("security_assurances:spoken", "accept_limited_arsenal:public", "accept")
    state = new_game(SCENARIO, 217)
    for text in moves:
        state = apply(state, Move.parse(text)).state
    rights = SCENARIO.offer("raise_human_rights")
    trust = SCENARIO.meter_index["trust"]
    on_record = Move.parse("raise_human_rights:on_the_record")
    assert not no_trust_wins(state, on_record)
    assert trust_need(state, rights, trust) is not None
    after = apply(state, on_record).state
    assert "crosses a red line for them" in after.turns[-1].reaction.why
    assert after.terminal is None and no_trust_wins(after, on_record)
    assert trust_need(after, rights, trust) is None
    form = rights.variant("on_the_record")
    assert form is not None
    row = variant_row(after, rights, form)
    assert "crosses a red line for them, as their reply said" in f"{row.body} {row.detail}"
    assert "crosses a red line" not in " ".join(
        (variant_row(state, rights, form).body, variant_row(state, rights, form).detail)
    )


def test_their_proposal_s_dialog_counts_their_character_once_a_reply_has_shown_it(
    ctx: UiContext,
) -> None:
    """Seed 11 plays opportunists, whose character takes a quick yes to their Yongbyon proposal
    as weakness: the dialog said "trust +4" and trust did not move (a student's play-test).
    Before any reply has shown that character the dialog says it may change what an answer
    does; once one has (seed 3, "they pocket concessions"), its figures are what happens."""
    unseen = played(SCENARIO, UNSEEN_GAME)
    dialog = ProposalScreen(ctx, unseen)
    assert all(UNSEEN in row.detail for row in dialog.rows[:2])
    assert [row.parts[0].text for row in dialog.rows[:2]] == ["As a rule:"] * 2
    shown = played(SCENARIO, SHOWN)
    assert shown.pending is not None
    proposal = SCENARIO.proposals[shown.pending.proposal]
    effects, hidden = answer_foreseen(shown, proposal, "reject")
    after = apply(shown, Move.parse("reject")).state
    foreseen_meters = [
        sum(d for effect in effects for i, d in effect.meters if i == index)
        for index in range(len(SCENARIO.meters))
    ]
    assert not hidden
    assert [b - a for a, b in zip(shown.meters, after.meters, strict=True)] == foreseen_meters
    rows = ProposalScreen(ctx, shown).rows[:2]
    assert all(UNSEEN not in row.detail for row in rows)
    assert [row.parts[0].text for row in rows] == ["It changes:"] * 2


@pytest.mark.parametrize("size", list(TextSize))
def test_their_stance_and_name_keep_one_size_and_form_whatever_the_stance(
    size: TextSize, rendered: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A play-tester saw "cooperative" drawn small and light where "engaged" had been bold, and
    # "guarded" small in a hot-seat game; play-test B, "cooperative" leave only "DPRK" of "DPRK
    # delegation". Both now hold for the whole game, at the widest stance.
    from game.ui.widgets import board

    drawn: list[tuple[bool, bool]] = []
    draw = board.draw_stance

    def watched(*args: Any, compact: bool = False) -> int:
        drawn.append((compact, args[4] > 0))
        return draw(*args, compact=compact)

    monkeypatch.setattr(board, "draw_stance", watched)
    ctx = UiContext(Settings(text_size=size, sound=False, hints=False))
    names = set()
    for stance in range(len(SCENARIO.stances)):
        _, table = _table(ctx, attrs.evolve(new_game(SCENARIO, 7), stance=stance))
        rendered.clear()
        table.draw(pygame.Surface(LOGICAL_SIZE))
        names.add(next(text for text in rendered if text.startswith("DPRK")))
    assert len(set(drawn)) == 1 and len(names) == 1, (drawn, names)
    # At the usual size, the name whole beside a stance at its full size.
    if size is TextSize.NORMAL:
        assert names == {"DPRK DELEGATION"} and drawn[0][0] is False
