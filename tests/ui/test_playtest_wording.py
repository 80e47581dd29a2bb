"""Words a play-tester found wrong on the table, the outcome and the debrief: a refusal called
"turned down" after a deferral, moves invited after the end, capitals mid-sentence, a figure
orphaned on its own line, a count read as a score, a need without the offer it is for."""

from __future__ import annotations

import attrs
import pytest

from game.draw.context import UiContext
from game.draw.theme import TextRole, Tone
from game.engine import GameState, MeterRole, Move, ReactionKind, Scenario, apply, judge, new_game
from game.engine.describe import NO_BREAK, meters_line
from game.engine.foresight import expected_need_range, no_trust_wins
from game.engine.moves import available_moves
from game.engine.search import Found
from game.store.scenarios import load_scenario
from game.ui.hints import Focus, next_hint, stalled
from game.ui.record import before_the_break, log_entries
from game.ui.table import card_faces, round_detail


def _refused(hanoi: Scenario, kind: ReactionKind) -> GameState:
    """Seed 4's first offer, answered ``kind`` by the North's player in a hot-seat game."""
    move = Move.parse("mutual_restraint:written")
    state = new_game(hanoi, 4, hotseat=True)
    proposal = judge(state, move).proposals[0] if kind is ReactionKind.COUNTER else None
    return apply(state, move, kind, proposal).state


@pytest.mark.parametrize("kind", [ReactionKind.DEFER, ReactionKind.REJECT, ReactionKind.COUNTER])
def test_an_offer_not_taken_up_says_so_whatever_the_refusal(
    hanoi: Scenario, kind: ReactionKind
) -> None:
    # "Turned down once" read false after a deferral and a counter; the rules count all three
    # (docs/scenarios.md 6.9), and the card says what the repeat costs in this scenario.
    state = _refused(hanoi, kind)
    assert state.turns[-1].reaction.kind is kind
    hint = next_hint(state, Focus(), {"meter:trust", "proposal", "opening"})
    assert hint is not None and hint.key == "refused", hint
    assert "costs patience" in hint.text
    if state.pending is not None:  # the counter's proposal, answered before the cards open
        state = apply(state, Move("reject")).state
    caption = card_faces(state)["mutual_restraint"].caption
    assert caption == "Not taken up once: offering it again costs patience"


def test_nothing_invites_a_move_once_the_summit_is_over(games: dict[str, Found]) -> None:
    # The adviser's trust tip and the round's "A joint statement can now be put forward"
    # stayed under the summit's end.
    state = games["walked_away"].state
    assert state.is_over
    assert next_hint(state, Focus(), set()) is None
    title, body = round_detail(state)
    held = state.scenario.rounds[state.round]
    assert held.description not in body
    assert "over" in title and "Nothing more can be put forward" in body


def test_the_log_and_the_debrief_name_the_ending_mid_sentence(
    games: dict[str, Found], hanoi: Scenario
) -> None:
    from game.classroom.debrief import build_debrief

    state = games["walked_away"].state
    last = log_entries(state)[-1]
    assert last.text == "The summit is over: you walk away."
    debrief = build_debrief(state)
    assert debrief.history is not None and debrief.history.ends == "you walk away"
    # A name keeps its capital ("Hanoi, twice", its first word followed by a comma).
    later = load_scenario("next_summit")
    titles = {ending.title: ending.mid_title for ending in later.endings}
    assert titles["Hanoi, twice"] == "Hanoi, twice"
    assert titles["Yongbyon, verified"] == "Yongbyon, verified"
    assert titles["No deal again"] == "no deal again"
    assert {e.title: e.mid_title for e in hanoi.endings}["The Yongbyon deal"] == (
        "the Yongbyon deal"
    )


def test_the_scores_page_sets_no_colon_after_a_colon(
    ctx: UiContext, games: dict[str, Found], rendered: list[str]
) -> None:
    from game.classroom.debrief import build_debrief
    from game.ui.debrief_pages import scores_page

    scores_page(ctx, build_debrief(games["walked_away"].state))
    note = next(text for text in rendered if text.startswith("Both lines"))
    assert "History's line ends: you walk away." in note
    assert all(sentence.count(":") <= 1 for sentence in note.split(". ")), note


def test_before_the_break_continues_its_sentence(hanoi: Scenario) -> None:
    # "Before the break: You rejected their proposal" set a capital after a colon, and an
    # offer's "Mutual restraint (written): deferred" a second colon.
    state = _refused(hanoi, ReactionKind.DEFER)
    [(note, _)] = before_the_break(state, state.turns[-1])
    # The offer quoted, as a title (a play-tester read "you offered live with a limited
    # arsenal").
    assert note == "Before the break, you offered \u201cMutual restraint (written)\u201d: deferred."
    countered = _refused(hanoi, ReactionKind.COUNTER)
    answered = apply(countered, Move("reject")).state
    [(note, _)] = before_the_break(answered, answered.turns[-1])
    assert note.startswith("Before the break, you rejected their proposal: ")


def test_a_pause_before_the_break_is_no_offer_and_a_counter_reads_mid_sentence(
    hanoi: Scenario,
) -> None:
    # A play-test read "you offered step out to consult" and "proposing End the joint
    # exercises" (and a second "table end the joint exercises for good"): a title, quoted.
    from game.engine import is_legal
    from game.engine.strategies import play
    from game.ui.record import turn_text

    state = new_game(hanoi, 4)
    pause = Move("consult", "washington")
    for turn in play(hanoi, "essay", 4).turns:
        if is_legal(state, pause):
            break
        state = apply(state, turn.move).state
    state = apply(state, pause).state
    [(note, _)] = before_the_break(state, state.turns[-1])
    assert note == "Before the break, you chose to call Washington: noted."
    countered = _refused(hanoi, ReactionKind.COUNTER)
    text = turn_text(countered, countered.turns[-1])
    proposal = hanoi.proposal(countered.turns[-1].reaction.counter or "")
    assert text.endswith(f", proposing \u201c{proposal.label}\u201d")


def test_the_decision_number_stays_with_its_words(games: dict[str, Found]) -> None:
    from game.ui.screens.outcome import departure

    gone = departure(games["walked_away"].state)
    assert gone is not None
    assert gone.when.endswith(f"th{NO_BREAK}decision.")


def test_fitting_text_keeps_what_a_no_break_space_joins(ctx: UiContext) -> None:
    from game.ui.widgets.drawing import fit_lines, fit_text

    text = f"During the working lunch, at your decision{NO_BREAK}12, and more words after"
    width = ctx.text_width(TextRole.CAPTION, "During the working lunch, at your")
    for fitted in (
        fit_text(ctx, TextRole.CAPTION, text, width + 40),
        fit_lines(ctx, TextRole.CAPTION, text, width + 40, ctx.line_height(TextRole.CAPTION)),
    ):
        assert "decision 12" not in fitted, fitted


def test_the_meter_line_can_keep_each_meter_whole(hanoi: Scenario) -> None:
    state = new_game(hanoi, 4)
    line = meters_line(hanoi, state.meters, unbroken=True)
    assert f"risk{NO_BREAK}exposure{NO_BREAK}" in line
    assert " \u00b7 " in line
    assert line.replace(NO_BREAK, " ") == meters_line(hanoi, state.meters)


def test_the_trust_marker_keeps_the_offers_name_when_space_is_short(
    ctx: UiContext, rendered: list[str]
) -> None:
    # A play-tester read "They need about 25-29" with nothing to say which offer needs it.
    import pygame

    from game.ui.widgets.table import TrustGauge

    gauge = TrustGauge(label="Trust", value=16, marker=25)
    gauge.marker_label = "Security assurances: they need about 25\u201329"
    gauge.marker_short = "Security assurances: about 25\u201329"
    surface = pygame.Surface((1024, 600))
    for width in (300, 230):
        gauge.rect = pygame.Rect(0, 40, width, 80)
        rendered.clear()
        gauge.draw(surface, ctx)
        said = next(text for text in rendered if "25\u201329" in text)
        assert said.startswith("Sec") and ": " in said, (width, said)
        assert said.endswith("about 25\u201329" if width == 300 else ": 25\u201329"), said
        assert ctx.text_width(TextRole.CAPTION, said) <= width, (width, said)


@pytest.mark.parametrize("delta", [0, 4, 10, -23])
def test_the_trust_markers_note_keeps_clear_of_the_last_change(
    rendered: list[str], delta: int
) -> None:
    # "TRUST ▲10 Embassies: they need about 65" ran together at large text (a play-tester).
    import pygame

    from game.draw import theme
    from game.store.settings import Settings, TextSize
    from game.ui.widgets.meter import DELTA_ARROW
    from game.ui.widgets.table import TrustGauge

    ctx = UiContext(Settings(text_size=TextSize.LARGE))
    gauge = TrustGauge(label="Trust", value=63, marker=65)
    gauge.last_delta = delta
    gauge.marker_label = "Embassies: they need about 65"
    gauge.marker_short = "Embassies: about 65"
    surface = pygame.Surface((1024, 600))
    kicker = ctx.text_width(TextRole.KICKER, "TRUST")
    change = DELTA_ARROW + ctx.text_width(TextRole.LABEL, str(abs(delta))) if delta else 0
    for width in range(300, 420, 10):
        gauge.rect = pygame.Rect(0, 40, width, 80)
        rendered.clear()
        gauge.draw(surface, ctx)
        said = next(text for text in rendered if "65" in text)
        note_left = width - ctx.text_width(TextRole.CAPTION, said)
        assert note_left - (kicker + theme.UNIT + change) >= 3 * theme.UNIT, (width, said)


def test_every_stance_is_named_under_the_trust_bar_at_every_text_size(hanoi: Scenario) -> None:
    # At large text the last stance's name was dropped: a play-tester never saw "cooperative"
    # under the bar. Smaller type where they do not all fit.
    import pygame

    from game.store.settings import Settings, TextSize
    from game.ui.table import stance_ticks
    from game.ui.widgets.table import TrustGauge

    trust = hanoi.role_index(MeterRole.TRUST)
    assert trust is not None
    ticks = stance_ticks(hanoi, trust)

    class Recording(pygame.Surface):
        drawn: list[pygame.Surface]

        def blit(self, source: pygame.Surface, *args: object, **kwargs: object) -> pygame.Rect:
            self.drawn.append(source)
            return pygame.Rect(0, 0, 0, 0)

    for size in TextSize:
        ctx = UiContext(Settings(sound=False, text_size=size))
        gauge = TrustGauge(label="Trust", value=41, ticks=ticks)
        gauge.rect = pygame.Rect(0, 0, 370, 80)  # as wide as the table gives it at 1280x720
        surface = Recording((400, 100))
        surface.drawn = []
        gauge.draw(surface, ctx)
        ink = ctx.palette.ink_soft
        for _, name in ticks:
            assert any(
                ctx.text(role, name, ink) in surface.drawn
                for role in (TextRole.CAPTION, TextRole.FINE_PRINT)
            ), (size, name)


def test_a_scenario_whose_repeat_costs_nothing_names_no_cost(hanoi: Scenario) -> None:
    # The repeat cost is the scenario's (rules.repeat): the card names no meter it leaves alone.
    repeat = attrs.evolve(hanoi.rules.repeat, meters=())
    free = attrs.evolve(hanoi, rules=attrs.evolve(hanoi.rules, repeat=repeat))
    state = attrs.evolve(_refused(hanoi, ReactionKind.DEFER), scenario=free)
    caption = card_faces(state)["mutual_restraint"].caption
    assert caption == "Not taken up once: offering it again gains less"


def test_the_north_s_answers_read_as_sentences(hanoi: Scenario) -> None:
    """The hot-seat answer rows: an accord named without "is made" after a plural label, and a
    counter's proposal named as a title, quoted (a capital mid-sentence misread, and so did a
    lower-case "table end the joint exercises for good")."""
    from game.ui.screens.hotseat import reaction_row

    move = Move.parse("security_assurances:written")
    state = new_game(hanoi, 4, hotseat=True)
    offer = hanoi.offer(move.offer)
    accept = reaction_row(state, offer, move, ReactionKind.ACCEPT)
    assert accept.body == f"Agree to it. The accord: {hanoi.accord_label(offer.id)}."
    proposal = next(p for p in hanoi.proposals if p.mid_label != p.label)
    counter = reaction_row(state, offer, move, ReactionKind.COUNTER, (proposal.id,))
    assert counter.title == f"Counter: table \u201c{proposal.label}\u201d"


def test_a_long_title_gives_way_to_the_tag_beside_it(ctx: UiContext, rendered: list[str]) -> None:
    # Hot-seat: "the rules' choice" ran off the row when a counter-offer's title was long.
    import pygame

    from game.ui.widgets.choices import ChoiceRow

    row = ChoiceRow(
        title="Counter: table a peace declaration, and treaty talks with Beijing and Seoul",
        body="",
        tag="the rules' choice",
    )
    row.rect = pygame.Rect(0, 0, 420, 60)
    rendered.clear()
    row.draw(pygame.Surface((600, 100)), ctx)
    title = next(text for text in rendered if text.startswith("Counter"))
    assert title.endswith("\u2026")
    inner = row.rect.right - row.PAD - row._text_left()
    tag = ctx.text_width(TextRole.KICKER, "THE RULES' CHOICE")
    assert ctx.text_width(TextRole.LABEL, title) + 2 * 8 + tag <= inner


def test_a_long_title_stays_whole_when_its_tag_fits_beside_the_costs(
    ctx: UiContext, rendered: list[str]
) -> None:
    # Hot-seat: "Counter: table “Yongbyon..." hid which proposal the rules would table; the
    # costs' last line had room for "the rules' choice".
    import pygame

    from game.draw.theme import Tone
    from game.ui.widgets.chips import Part
    from game.ui.widgets.choices import ChoiceRow

    title = "Counter: table a peace declaration, and treaty talks with Beijing and Seoul"
    chip = Part("patience -1", Tone.ALARM)
    row = ChoiceRow(title=title, body="", tag="the rules' choice", parts=[chip])
    width = 600
    row.rect = pygame.Rect(0, 0, width, row.height_for(ctx, width))
    rendered.clear()
    row.draw(pygame.Surface((width, row.rect.height)), ctx)
    assert "THE RULES' CHOICE" in rendered
    assert title in rendered or all(word in " ".join(rendered) for word in title.split())
    assert not any(text.endswith("\u2026") for text in rendered)


def test_amending_with_the_offer_they_countered_says_it_insists(hanoi: Scenario) -> None:
    # A play-tester took "Answer with mutual restraint (written)" for a new offer: it was the
    # one they had just countered, judged again more harshly.
    from game.engine import amendment
    from game.ui.record import amend_title
    from game.ui.screens.proposal import amend_row

    countered = _refused(hanoi, ReactionKind.COUNTER)
    amended = amendment(countered)
    assert amended == countered.turns[-1].move
    assert amend_title(countered, amended) == "Insist on Mutual restraint (written)"
    row = amend_row(countered)
    assert "holding out for more" in row.text
    # An amendment needs less at Hanoi (amend_shift -4): the row says so, where "as they would
    # your offer" hid it.
    assert hanoi.rules.amend_shift < 0 and "a little more readily" in row.text
    # Their proposal tabled on its own, or amended with another offer: a plain answer.
    state = new_game(hanoi, 4)
    assert amend_title(state, Move("liaison_offices")) == "Answer with Liaison offices"


@pytest.mark.parametrize("kind", [ReactionKind.ACCEPT, ReactionKind.DEFER, ReactionKind.REJECT])
def test_a_hot_seat_answer_shows_all_it_changes(hanoi: Scenario, kind: ReactionKind) -> None:
    # The North's player read "Reject: trust -2" and saw trust go up by one: what the offer
    # changes whatever the answer was left out.
    from game.engine.describe import signed
    from game.ui.screens.hotseat import reaction_row

    move = Move.parse("mutual_restraint:written")
    state = new_game(hanoi, 4, hotseat=True)
    row = reaction_row(state, hanoi.offer(move.offer), move, kind)
    after = apply(state, move, kind).state
    changed = [
        f"{meter.label} {signed(new - old)}"
        for meter, old, new in zip(hanoi.meters, state.meters, after.meters, strict=True)
        if new != old
    ]
    assert [part.text for part in row.parts if not part.plain] == changed


def test_the_round_the_summit_ended_in_shows_the_offers_made_in_it(hanoi: Scenario) -> None:
    from game.engine.strategies import play
    from game.ui.widgets.board import offers_made

    for seed in range(20):
        final = play(hanoi, "essay", seed)
        in_last = sum(1 for turn in final.turns if turn.round == final.round)
        made = offers_made(final, final.round)
        answers = sum(
            1 for turn in final.turns if turn.round == final.round and turn.move.is_answer
        )
        assert made == in_last - answers, seed  # answers to their proposals use up no offer
        assert all(
            offers_made(final, i) == held.turns
            for i, held in enumerate(hanoi.rounds[: final.round])
        )


def test_the_word_on_trust_gives_way_after_the_opening_moves(hanoi: Scenario) -> None:
    # A play-tester never dismissed the first note, and it stayed up for all eleven moves:
    # no other advice could show.
    from game.engine.strategies import play
    from game.ui.hints import OPENING_MOVES

    final = play(hanoi, "essay", 4)
    state = new_game(hanoi, 4)
    for turn in final.turns[:OPENING_MOVES]:
        hint = next_hint(state, Focus(), set())
        assert hint is not None and hint.key == "meter:trust"
        state = apply(state, turn.move).state
    hint = next_hint(state, Focus(), set())
    assert hint is None or hint.key != "meter:trust"


def test_the_word_on_trust_says_most_accords_need_more_only_when_they_do(hanoi: Scenario) -> None:
    # A next summit carried on at trust 90 was told "Most accords need more of it than you
    # start with" (a play-tester).
    state = new_game(hanoi, 4)
    hint = next_hint(state, Focus(), set())
    assert hint is not None and hint.text.endswith(
        "Most accords need more of it than you start with."
    )
    trusting = attrs.evolve(state, meters=(90, *state.meters[1:]))
    assert hanoi.meters[0].role is not None
    hint = next_hint(trusting, Focus(), set())
    assert hint is not None and hint.key == "meter:trust"
    assert hint.text == hanoi.meters[0].description


def test_amending_after_the_rounds_last_offer_says_the_round_then_closes(hanoi: Scenario) -> None:
    # A play-tester saw "0 offers left" beside an amendment that "uses one of this round's
    # offers", and amended: the round's close came after it, as the rules have it.
    from game.ui.screens.proposal import amend_row
    from game.ui.shots import sample_game, tabled_pending
    from game.ui.table import answer_detail, answer_faces

    state = new_game(hanoi, 3)
    for text in ("accept_limited_arsenal:public", "yongbyon_for_relief:generous"):
        state = apply(state, Move.parse(text)).state
    assert state.pending is not None
    assert state.turn_in_round == hanoi.rounds[state.round].turns
    closes = "none of this round's offers is left, so the round closes after it"
    amend = next(face for face in answer_faces(state) if face.answer == "amend")
    assert amend.caption.endswith(closes)
    assert closes in answer_detail(state, amend)[1]
    assert closes in amend_row(state).text
    assert "uses one of this round's offers" not in amend_row(state).text
    # Tabled as the round opens, with its offers all left: one of them it is.
    tabled = sample_game(hanoi, 7, tabled_pending)[0]
    assert tabled.turn_in_round < hanoi.rounds[tabled.round].turns
    assert "it uses one of this round's offers" in amend_row(tabled).text


def test_every_screen_says_the_same_of_accepting_their_proposal(hanoi: Scenario) -> None:
    # A play-test read "trust +4, patience +3" in the dialog and "trust +3" on the answer card,
    # in the adviser's note, on the North's tabling screen and in the terminal.
    from game.cli.protocol import proposal_json
    from game.engine.describe import answer_foreseen, proposal_costs
    from game.store.settings import Settings
    from game.ui.record import pending_proposal
    from game.ui.screens.proposal import ProposalScreen
    from game.ui.shots import sample_game, tabled_pending
    from game.ui.table import answer_faces

    state = sample_game(hanoi, 7, tabled_pending)[0]
    proposal = pending_proposal(state)
    assert proposal is not None
    said = proposal_costs(hanoi, proposal)
    assert "patience +3" in said  # the rules' change for every accord
    # Their character may add to it until a reply has shown it: every screen heads it alike.
    _, unseen = answer_foreseen(state, proposal, "accept")
    accept = next(face for face in answer_faces(state) if face.answer == "accept")
    head = "As a rule, it changes " if unseen else "It changes "
    on_card = accept.caption.removeprefix(head).split(", ")
    assert accept.caption.startswith(head) and sorted(on_card) == sorted(said.split(", "))
    # On the card's one line the largest come first: "U.S. leverage -35" was cut off its end.
    sizes = [abs(int(part.rsplit(" ", 1)[1].replace("\u2212", "-"))) for part in on_card]
    assert sizes == sorted(sizes, reverse=True)
    dialog = ProposalScreen(UiContext(Settings()), state)
    chips = [part.text for part in dialog.rows[0].parts if not part.plain]
    assert ", ".join(chips) == said
    assert dialog.rows[0].parts[0].text == ("As a rule:" if unseen else "It changes:")
    pending = proposal_json(hanoi, proposal, "proposal")
    assert pending["accepting"] == said
    assert pending["on_accept"]["patience"] == 3


def test_the_break_credits_the_event_with_its_own_change_alone(hanoi: Scenario) -> None:
    # A teacher saw "What it changes: trust +2, patience +7, domestic +10" under a hearing at
    # home, which changes domestic pressure alone, as the terminal said: the rest was the new
    # round and a standing pressure, which follow as notes with figures of their own.
    from game.engine.describe import effect_text, event_effect
    from game.engine.strategies import play
    from game.store.settings import Settings
    from game.ui.screens.event import EventScreen, events_of

    state = play(hanoi, "essay", 0)
    turn = next(t for t in state.turns if t.events and t.drifts)
    upto = attrs.evolve(state, turns=state.turns[: turn.number])
    after = next(t for t in state.turns if t.number == turn.number + 1)
    shown = EventScreen(UiContext(Settings()), attrs.evolve(upto, round=after.round), turn)
    (event,) = events_of(state, turn)
    chips = [part.text for part in shown.parts if not part.plain]
    assert ", ".join(chips) == effect_text(hanoi, event_effect(event, turn))
    notes = [text for text, _ in shown.notes]
    # A pressure that helps is shown as good news, as the log shows it.
    assert ("Also: Seoul vouches for your good faith in Pyongyang (trust +2).", Tone.POSITIVE) in (
        shown.notes
    )
    assert f"Also: a new round begins ({effect_text(hanoi, hanoi.rules.per_round)})." in notes
    for drift in (d for d in hanoi.drifts if d.id in turn.drifts):
        said = drift.text[:1].upper() + drift.text[1:]
        assert f"Also: {said} ({effect_text(hanoi, drift.effect)})." in notes


def test_the_log_and_the_break_say_what_a_new_round_brings(hanoi: Scenario) -> None:
    # A play-tester answering for the North saw patience rise by 6 where the answer said -1:
    # the new round's +7, which nothing on screen mentioned.
    from game.engine.strategies import play
    from game.store.settings import Settings
    from game.ui.screens.event import EventScreen

    state = play(hanoi, "essay", 4)
    full = [entry.text for entry in log_entries(state, full=True)]
    assert full.count("A new round begins (patience +7).") == state.round
    compact = [entry.text for entry in log_entries(state)]
    assert compact.count("A new round begins.") == state.round
    turn = next(t for t in state.turns if t.events)
    upto = attrs.evolve(state, turns=state.turns[: turn.number])
    after = next(t for t in state.turns if t.number == turn.number + 1)
    shown = EventScreen(UiContext(Settings()), attrs.evolve(upto, round=after.round), turn)
    assert ("Also: a new round begins (patience +7).", Tone.NEUTRAL) in shown.notes


def _play(hanoi: Scenario, seed: int, *moves: str) -> GameState:
    state = new_game(hanoi, seed)
    for text in moves:
        state = apply(state, Move.parse(text)).state
    return state


def test_the_adviser_says_when_nothing_on_the_table_can_be_won(hanoi: Scenario) -> None:
    # A play-tester rejected their Yongbyon deal, pressed restraint out of turn and offered
    # generous relief: at trust 13 every offer was refused for three rounds while the cards
    # showed near misses ("about 16, now 12"), and nothing said there was no way forward.
    stuck = _play(
        hanoi,
        1234,
        "yongbyon_for_relief:partial",
        "reject",
        "project_exemptions",
        "accept",
        "mutual_restraint:unwritten",
        "yongbyon_for_relief:generous",
    )
    seen = {"meter:trust", "proposal", "opening", "refused", "event", "accord"}
    hint = next_hint(stuck, Focus(), seen)
    assert hint is not None and hint.key == "stalled", hint
    assert hint.text.startswith("Nothing on the table meets what they need now: trust 13;")
    assert "Human rights (on the record), needs about 16" in hint.text
    # Three short, within the day's mood: a good day may still carry it.
    assert hint.text.endswith("Only a good day carries an offer that falls short.")
    # Shown once: dismissed, it gives way to the other hints.
    assert next_hint(stuck, Focus(), {*seen, "stalled"}) != hint
    # Further out of reach, it names the way out.
    worse = attrs.evolve(stuck, meters=(5, *stuck.meters[1:]))
    said, far = stalled(worse)
    assert far and said.endswith(
        "Not even a good day carries one: events between rounds can still move trust; "
        "\u201cWalk away\u201d ends the summit at once."
    )
    # And it is said again then, though the first word was read.
    again = next_hint(worse, Focus(), {*seen, "stalled"})
    assert again is not None and again.key == "stalled:far"
    # Where something on the table meets what they need, as the table's figures show, it says
    # nothing.
    trust = hanoi.meter_index["trust"]
    for seed in range(20):
        state = _play(hanoi, seed, "security_assurances:spoken")
        if state.is_over or state.pending is not None:
            continue
        within = any(
            (needed := expected_need_range(state, move, trust)) is None
            or needed[0] <= state.meters[trust]
            for move in available_moves(state)
            if hanoi.offer(move.offer).kind.judged and not no_trust_wins(state, move)
        )
        assert bool(stalled(state)[0]) is not within, seed


def test_only_a_graded_game_is_told_a_move_cannot_be_taken_back(hanoi: Scenario) -> None:
    # A play-tester read "In a graded game it cannot be taken back" in a practice game's
    # confirmations, where Undo takes it back.
    from game.ui.screen import Dialog, Open
    from game.ui.table import offer_action

    state = new_game(hanoi, 3)
    for graded in (False, True):
        action = offer_action(state, "demand_cvid", graded=graded)
        assert isinstance(action, Open) and isinstance(action.place, Dialog)
        said = " ".join(action.place.body)
        assert "turned down" in said
        assert ("cannot be taken back" in said) is graded, said
