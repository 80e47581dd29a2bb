"""The session and the flow: moves, undo (practice only), autosave and Continue, hot-seat, the
next summit."""

import os
from pathlib import Path

import pygame
import pytest

from game.draw.context import UiContext
from game.engine import (
    ChosenBy,
    GameState,
    Move,
    ReactionKind,
    apply,
    available_moves,
    is_legal,
    judge,
    new_game,
)
from game.engine.replay import replay
from game.store.mode import Mode
from game.store.scenarios import load_scenario
from game.store.transcripts import read_transcript
from game.store.who import UNNAMED, Who
from game.ui.app import App
from game.ui.flow import Flow
from game.ui.in_play import Briefing, GameSetup, NewGame, PlayMove, SaveSlot
from game.ui.screen import (
    Apply,
    Chain,
    ContinueGame,
    Dialog,
    NextSummit,
    Open,
    Push,
    ReplaySeed,
    Reset,
    Saves,
    TakeBack,
    TheirProposal,
    ToTitle,
)
from game.ui.screens.event import EventScreen
from game.ui.screens.hotseat import AnswerScreen, HandBackScreen, HandOverScreen
from game.ui.screens.proposal import ProposalScreen
from game.ui.screens.summit import SummitScreen
from game.ui.screens.text_pages import TextPagesScreen
from game.ui.session import UNDO_GRADED, Session, Step
from game.ui.shots import counter_pending, event_happened, sample_game, sample_session
from game.ui.testing import click, feed, game_app, key

SCENARIO = load_scenario("hanoi")


def _flow(ctx: UiContext, who: Who = UNNAMED, *, hotseat: bool = False) -> Flow:
    flow = Flow(ctx, seed=4)
    flow.handle(NewGame(GameSetup(SCENARIO, 4, who, hotseat)))
    return flow


def _turns(session: Session) -> int:
    return len(session.state.turns)


def test_play_reports_what_the_screens_show_next() -> None:
    state, _ = sample_game(SCENARIO, 7, lambda s: len(s.turns) == 0)
    session = Session(state)
    played = session.play(Move("mutual_restraint", "unwritten"))
    assert played.steps[0] is Step.REPLY
    assert played.turn.number == 1
    assert session.history == [state]
    counter_state, history = sample_game(SCENARIO, 7, counter_pending)
    before = Session(history[-1])
    replayed = before.play(counter_state.turns[-1].move)
    assert Step.PROPOSAL in replayed.steps
    event_state, history = sample_game(SCENARIO, 7, event_happened)
    replayed = Session(history[-1]).play(event_state.turns[-1].move)
    assert Step.EVENT in replayed.steps


def test_undo_steps_back_and_is_written_to_the_transcript(ctx: UiContext, home: Path) -> None:
    flow = _flow(ctx)
    session = flow.session
    assert session is not None
    start = session.state
    flow.handle(PlayMove(Move("mutual_restraint", "unwritten")))
    flow.handle(PlayMove(Move("security_assurances", "spoken")))
    assert _turns(session) == 2
    flow.handle(TakeBack())
    assert _turns(session) == 1
    assert session.notices[-1].text.startswith("Taken back: Security assurances")
    flow.handle(TakeBack())
    assert session.state is start
    assert session.undo_block == "There is no move to take back yet."
    transcript = read_transcript(home / "saves" / "autosave.toml")
    assert [u.move for u in transcript.undos] == [
        "security_assurances:spoken",
        "mutual_restraint:unwritten",
    ]
    assert [u.after_turn for u in transcript.undos] == [1, 0]


def test_taking_back_an_answer_names_the_proposal_it_answered(ctx: UiContext) -> None:
    # "Taken back: You amend their proposal." read oddly (a play-tester): the proposal is back
    # on the table, and the message names it.
    from game.ui.record import pending_proposal
    from game.ui.shots import tabled_pending

    flow = Flow(ctx, seed=4)
    flow.session = Session(sample_game(SCENARIO, 7, tabled_pending)[0])
    proposal = pending_proposal(flow.session.state)
    assert proposal is not None
    flow.handle(PlayMove(Move("reject")))
    flow.handle(TakeBack())
    said = flow.session.notices[-1].text
    assert said == f"Taken back: you reject their proposal: {proposal.label}."


def test_undo_is_refused_in_a_graded_game_and_says_why(ctx: UiContext) -> None:
    flow = _flow(ctx, Who(mode=Mode.GRADED))
    session = flow.session
    assert session is not None
    flow.handle(PlayMove(Move("mutual_restraint", "unwritten")))
    assert flow.handle(TakeBack()) is None
    assert len(session.state.turns) == 1
    assert session.notices[-1].text == UNDO_GRADED
    # On the table the Undo button is disabled with that reason, and U shows it as a toast.
    table = flow.summit()
    assert isinstance(table, SummitScreen)
    assert not table.undo.enabled
    assert table.undo.reason == UNDO_GRADED
    app = game_app(ctx, flow, table, [key(pygame.K_u)])
    app.run(frames=3)
    assert len(session.state.turns) == 1
    assert table.toast.is_showing and table.toast.text == UNDO_GRADED


def test_undo_by_key_in_practice(ctx: UiContext) -> None:
    flow = _flow(ctx)
    session = flow.session
    assert session is not None
    table = flow.summit()
    app = game_app(ctx, flow, table, [key(pygame.K_1), key(pygame.K_1), key(pygame.K_u)])
    app.run()
    assert session.state.turns == ()
    assert session.undos[-1].move == "mutual_restraint:unwritten"


def test_continue_restores_the_exact_game(ctx: UiContext) -> None:
    flow = _flow(ctx, Who("Ann", Mode.PRACTICE))
    session = flow.session
    assert session is not None
    for text in ("mutual_restraint:unwritten", "peace_declaration:declaration"):
        flow.handle(PlayMove(Move.parse(text)))
    flow.handle(TakeBack())
    flow.handle(PlayMove(Move.parse("liaison_offices")))
    # A new run of the game: a fresh flow, nothing in memory.
    again = Flow(UiContext(ctx.settings))
    action = again.handle(ContinueGame())
    assert isinstance(action, Chain)
    assert isinstance(action.actions[0], Reset)
    restored = again.session
    assert restored is not None
    assert restored.state.hash == session.state.hash
    assert [s.hash for s in restored.history] == [s.hash for s in session.history]
    assert restored.undos == session.undos
    assert restored.who == Who("Ann", "practice")
    # And it plays on exactly as the original would.
    move = available_moves(restored.state)[0]
    assert restored.play(move).after.hash == session.play(move).after.hash


def test_a_corrupt_autosave_falls_back_to_the_backup_with_a_message(
    ctx: UiContext, home: Path
) -> None:
    flow = _flow(ctx)
    session = flow.session
    assert session is not None
    flow.handle(PlayMove(Move.parse("mutual_restraint:unwritten")))
    one_move = session.state.hash
    flow.handle(PlayMove(Move.parse("peace_declaration:declaration")))
    autosave = home / "saves" / "autosave.toml"
    autosave.write_text("this is not a transcript = [", encoding="utf-8")
    again = Flow(UiContext(ctx.settings))
    action = again.handle(ContinueGame())
    assert isinstance(action, Chain)
    kinds = [type(a) for a in action.actions]
    assert kinds == [Reset, Open]
    dialog = action.actions[1]
    assert isinstance(dialog, Open) and isinstance(dialog.place, Dialog)
    message = " ".join(dialog.place.body)
    assert "autosave.toml:1:" in message
    assert "previous autosave" in message
    assert again.session is not None
    assert again.session.state.hash == one_move
    assert autosave.read_text(encoding="utf-8").startswith("this is not")


def test_the_titles_load_entry_says_what_the_load_screen_lists(ctx: UiContext, home: Path) -> None:
    """With only the autosave and its backup on disk the title said "2 saved games" while the
    save screen said "No named saves yet" (play-test B): it names the autosaves as Load does."""

    def load_detail() -> str:
        return next(item for item in Flow(ctx).title().items if item.label == "Load").detail

    flow = _flow(ctx)
    assert load_detail() == "The autosave"
    flow.handle(PlayMove(Move("mutual_restraint", "unwritten")))
    listed = [info.name for info in flow.store.listing()]
    assert listed == ["Autosave", "Previous autosave"]
    assert load_detail() == "The autosave and the previous one"
    flow.handle(SaveSlot("Before lunch"))
    assert len(flow.store.listing()) == 3
    assert load_detail() == "1 named save and 2 autosaves"


def test_continue_after_a_scenario_update_plays_the_moves_again_and_says_so(
    ctx: UiContext, home: Path
) -> None:
    """A game update that edits the scenario's file: Continue still continues, the menu and a
    dialog say the scenario was updated."""
    flow = _flow(ctx)
    session = flow.session
    assert session is not None
    flow.handle(PlayMove(Move.parse("mutual_restraint:unwritten")))
    autosave = home / "saves" / "autosave.toml"
    digest = read_transcript(autosave).scenario_sha256
    autosave.write_text(
        autosave.read_text(encoding="utf-8").replace(digest, "0" * 64), encoding="utf-8"
    )
    again = Flow(UiContext(ctx.settings))
    entry = next(item for item in again.title().items if item.label == "Continue")
    assert entry.detail.endswith("\u00b7 scenario updated")
    action = again.handle(ContinueGame())
    assert isinstance(action, Chain)
    dialog = action.actions[1]
    assert isinstance(dialog, Open) and isinstance(dialog.place, Dialog)
    assert dialog.place.title == "The scenario was updated"
    assert again.session is not None and again.session.state.hash == session.state.hash


def test_nothing_to_continue_gives_a_message_not_a_crash(ctx: UiContext) -> None:
    action = Flow(ctx).handle(ContinueGame())
    assert isinstance(action, Open) and isinstance(action.place, Dialog)


def test_a_counter_offer_and_an_event_open_their_pop_ups(ctx: UiContext) -> None:
    flow = Flow(ctx)
    state, history = sample_game(SCENARIO, 7, counter_pending)
    flow.session = Session(history[-1])
    action = flow.handle(PlayMove(state.turns[-1].move))
    assert isinstance(action, Chain)
    assert action.actions[0] == Open(TheirProposal())
    state, history = sample_game(SCENARIO, 7, event_happened)
    flow.session = Session(history[-1])
    action = flow.handle(PlayMove(state.turns[-1].move))
    assert isinstance(action, Chain)
    push = action.actions[-1]
    assert isinstance(push, Push) and isinstance(push.screen, EventScreen)
    # Its button says where it leads: their proposal waits under it when one was tabled (a
    # play-tester pressed "Back to the table" and met the proposal dialog).
    label = push.screen.buttons[0].label
    expected = Open(TheirProposal()) in action.actions
    assert label == ("On to their proposal" if expected else "Back to the table")


def test_an_event_before_their_proposal_says_it_leads_there(ctx: UiContext) -> None:
    from game.ui.shots import tabled_pending

    state, history = sample_game(
        SCENARIO, 7, lambda s: tabled_pending(s) and bool(s.turns[-1].events)
    )
    flow = Flow(ctx)
    flow.session = Session(history[-1])
    action = flow.handle(PlayMove(state.turns[-1].move))
    assert isinstance(action, Chain) and Open(TheirProposal()) in action.actions
    push = action.actions[-1]
    assert isinstance(push, Push) and isinstance(push.screen, EventScreen)
    assert push.screen.buttons[0].label == "On to their proposal"


def test_hot_seat_the_second_player_overrides_the_rules(ctx: UiContext, home: Path) -> None:
    flow = _flow(ctx, hotseat=True)
    session = flow.session
    assert session is not None
    move = Move("security_assurances", "spoken")
    verdict = judge(session.state, move)
    other = next(
        kind
        for kind in verdict.allowed
        if kind is not verdict.kind and kind is not ReactionKind.COUNTER
    )
    table = flow.summit()
    # The U.S. player presses 2 (and picks the form), the DPRK player takes over and answers.
    app = game_app(ctx, flow, table, [key(pygame.K_2), key(pygame.K_1)])
    app.run()
    assert isinstance(app.top, HandOverScreen)
    feed(app, key(pygame.K_RETURN))
    answer = app.top
    assert isinstance(answer, AnswerScreen)
    advised = next(row for row in answer.rows if row.tag)
    assert advised.title.lower().startswith(verdict.kind.value[:4])
    index = list(verdict.allowed).index(other)
    feed(app, key(pygame.K_1 + index))
    # The keyboard goes back to the U.S. player, and then the table is theirs.
    assert isinstance(app.top, HandBackScreen)
    feed(app, key(pygame.K_RETURN))
    assert app.stack[-1] is table
    turn = session.state.turns[-1]
    assert turn.reaction.kind is other
    assert turn.reaction.chosen_by is ChosenBy.PLAYER
    transcript = read_transcript(home / "saves" / "autosave.toml")
    assert replay(SCENARIO, transcript).ok


def test_hot_seat_answers_and_walking_away_are_not_handed_over(ctx: UiContext) -> None:
    recess = Move("consult", "washington")
    flow = Flow(ctx)
    flow.session = sample_session(SCENARIO, 4, lambda s: is_legal(s, recess), hotseat=True)
    session = flow.session
    assert session.state.hotseat
    assert session.judge(Move("walk_away")) is None
    assert session.judge(recess) is None
    action = flow.handle(PlayMove(recess))
    assert action is None or not isinstance(action, Push)
    assert session.state.turns[-1].move == recess


def test_illegal_moves_become_a_notice(ctx: UiContext) -> None:
    flow = _flow(ctx)
    session = flow.session
    assert session is not None
    assert flow.handle(PlayMove(Move("embassies"))) is None
    assert session.notices[-1].text.startswith("Not possible:")
    assert session.state.turns == ()


def test_replay_and_title_commands(ctx: UiContext) -> None:
    flow = _flow(ctx, Who("Ann", Mode.GRADED))
    first = flow.session
    assert first is not None
    flow.handle(PlayMove(Move.parse("mutual_restraint:unwritten")))
    action = flow.handle(ReplaySeed())
    assert isinstance(action, Reset)
    second = flow.session
    assert second is not None and second is not first
    assert second.state.turns == ()
    assert (second.state.seed, second.who) == (4, Who("Ann", "graded"))
    assert second.state.hash == new_game(SCENARIO, 4).hash
    assert isinstance(flow.handle(ToTitle()), Reset)
    assert flow.session is None


@pytest.mark.parametrize("hotseat", [False, True])
def test_the_setup_round_trips(hotseat: bool) -> None:
    setup = GameSetup(SCENARIO, 9, Who("Bo", Mode.GRADED), hotseat)
    session = Session.start(setup)
    assert session.setup == setup
    assert session.state.turns == ()
    assert session.undo_block == UNDO_GRADED
    assert isinstance(ReactionKind.ACCEPT, ReactionKind)


def test_the_app_routes_through_the_flow(ctx: UiContext) -> None:
    flow = _flow(ctx)
    app = game_app(ctx, flow, flow.summit(), [])
    assert isinstance(app, App)
    assert app.router is flow


def test_the_next_summit_carries_the_game_over(ctx: UiContext) -> None:
    from game.engine.strategies import play
    from game.store.scenarios import follow_up

    following = follow_up("hanoi")
    if following is None:
        pytest.skip("no scenario continues Hanoi")
    flow = _flow(ctx, Who("Ann", Mode.PRACTICE))
    finished = play(SCENARIO, "essay", 4)
    assert flow.session is not None
    flow.session.state = finished
    # Its briefing comes first, and taking a seat starts it.
    action = flow.handle(NextSummit())
    assert isinstance(action, Open) and isinstance(action.place, Briefing)
    briefing = flow.open(action.place)
    assert isinstance(briefing, TextPagesScreen)
    assert briefing.done == Apply(NewGame(action.place.setup, keep=False))
    action = flow.handle(NewGame(action.place.setup, keep=False))
    assert isinstance(action, Reset) and isinstance(action.screen, SummitScreen)
    session = flow.session
    assert session is not None
    setup = session.setup
    assert setup.scenario.id == following.id
    assert setup.carry is not None and setup.carry.source == "hanoi"
    assert setup.who.player == "Ann"
    assert session.state.carry == setup.carry
    assert session.state.turns == ()


def test_the_debrief_offers_the_next_summit_only_where_one_follows(ctx: UiContext) -> None:
    from game.engine.strategies import play
    from game.ui.screens.debrief import DebriefScreen

    flow = _flow(ctx, Who("Ann", Mode.PRACTICE))
    assert flow.session is not None
    flow.session.state = play(SCENARIO, "essay", 4)
    debrief = flow.debrief()
    assert isinstance(debrief, DebriefScreen) and debrief.next_button.enabled
    flow.session.state = play(load_scenario("next_summit"), "essay", 4)
    last = flow.debrief()
    assert isinstance(last, DebriefScreen) and not last.next_button.enabled


def test_the_next_round_of_a_class_gets_its_own_class_code(ctx: UiContext) -> None:
    from game.classroom.classcode import decode, encode
    from game.engine.strategies import play

    code = encode("HNOI", 4, Mode.GRADED)
    flow = _flow(ctx, Who("Ann", Mode.GRADED, code))
    finished = play(SCENARIO, "essay", 4)
    assert flow.session is not None
    flow.session.state = finished
    action = flow.handle(NextSummit())
    assert isinstance(action, Open) and isinstance(action.place, Briefing)
    following = decode(action.place.setup.who.code)
    assert (following.prefix, following.seed, following.mode) == ("NEXT", 4, "graded")


def test_hot_seat_the_second_player_tables_a_proposal(ctx: UiContext, home: Path) -> None:
    from game.ui.screens.hotseat import TablingScreen
    from game.ui.shots import several_to_table, tabling_move

    flow = Flow(ctx)
    flow.session = sample_session(SCENARIO, 7, several_to_table, hotseat=True, store=flow.store)
    session = flow.session
    move = tabling_move(session.state)
    assert move is not None
    verdict = judge(session.state, move)
    assert len(verdict.proposals) > 1
    table = flow.summit()
    # The U.S. side makes the offer; the keyboard passes to the DPRK player.
    push = flow.handle(PlayMove(move))
    assert isinstance(push, Push) and isinstance(push.screen, HandOverScreen)
    app = game_app(ctx, flow, table, [])
    app.stack.append(push.screen)
    feed(app, key(pygame.K_RETURN))
    answer = app.top
    assert isinstance(answer, AnswerScreen)
    counter = list(verdict.allowed).index(ReactionKind.COUNTER)
    assert answer.rows[counter].title.startswith("Counter")
    feed(app, key(pygame.K_1 + counter))
    tabling = app.top
    assert isinstance(tabling, TablingScreen)
    assert [p.id for p in tabling.proposals] == list(verdict.proposals)
    # Esc goes back to the answers; the second proposal is tabled by a click.
    feed(app, key(pygame.K_ESCAPE))
    assert app.top is answer
    feed(app, key(pygame.K_1 + counter))
    tabling = app.top
    assert isinstance(tabling, TablingScreen)
    chosen = tabling.proposals[1]
    feed(app, [], click(tabling.rows[1].rect.center))
    # The keyboard goes back to the U.S. side, over the table where their proposal now waits
    # in its dialog.
    assert isinstance(app.stack[-1], HandBackScreen)
    assert isinstance(app.stack[-2], ProposalScreen)
    assert app.stack[-3] is table
    state = session.state
    turn = state.turns[-1]
    assert turn.reaction.kind is ReactionKind.COUNTER
    assert turn.reaction.counter == chosen.id
    assert turn.reaction.chosen_by is ChosenBy.PLAYER
    assert state.pending is not None
    assert state.scenario.proposals[state.pending.proposal].id == chosen.id
    transcript = read_transcript(home / "saves" / "autosave.toml")
    assert replay(SCENARIO, transcript).ok


def test_hot_seat_an_amendment_of_their_proposal_is_handed_over_and_answered(
    ctx: UiContext, home: Path
) -> None:
    """The U.S. side answers their proposal with an offer of its own (M): the other side sees
    that offer, named, and answers it; the move played is the amendment."""
    from game.engine import amendment
    from game.ui.shots import render_screens

    amend = Move("amend")
    flow = Flow(ctx)
    flow.session = sample_session(
        SCENARIO, 7, lambda s: is_legal(s, amend), hotseat=True, store=flow.store
    )
    session = flow.session
    amended = amendment(session.state)
    assert amended is not None
    verdict = judge(session.state, amend)
    table = flow.summit()
    push = flow.handle(PlayMove(amend))
    assert isinstance(push, Push) and isinstance(push.screen, HandOverScreen)
    assert push.screen.offered == amended
    assert push.screen.offers.endswith("ANSWERS YOUR PROPOSAL WITH")
    render_screens([push.screen])
    app = game_app(ctx, flow, table, [])
    app.stack.append(push.screen)
    feed(app, key(pygame.K_RETURN))
    answer = app.top
    assert isinstance(answer, AnswerScreen) and answer.offer.id == amended.offer
    render_screens([answer])
    chosen = next(k for k in verdict.allowed if k is not ReactionKind.COUNTER)
    feed(app, key(pygame.K_1 + list(verdict.allowed).index(chosen)))
    turn = session.state.turns[-1]
    assert turn.move == amend and turn.reaction.kind is chosen
    assert turn.reaction.chosen_by is ChosenBy.PLAYER
    assert replay(SCENARIO, read_transcript(home / "saves" / "autosave.toml")).ok


def test_a_proposal_tabled_as_a_round_opens_comes_after_the_event(ctx: UiContext) -> None:
    from game.ui.shots import tabled_pending

    def tabled_after_event(state: GameState) -> bool:
        return tabled_pending(state) and bool(state.turns[-1].events)

    state, history = sample_game(SCENARIO, 7, tabled_after_event)
    flow = Flow(ctx)
    flow.session = Session(history[-1])
    action = flow.handle(PlayMove(state.turns[-1].move))
    assert isinstance(action, Chain)
    # Stacked so the event shows first, and the proposal under it.
    assert action.actions[0] == Open(TheirProposal())
    assert isinstance(action.actions[-1], Push)
    assert isinstance(action.actions[-1].screen, EventScreen)


def test_the_break_says_how_the_rounds_last_move_was_answered(ctx: UiContext) -> None:
    # The pop-up covers the reply on the table at once (a play-tester never saw it).
    from game.ui.record import turn_text

    state, _ = sample_game(SCENARIO, 7, event_happened)
    turn = state.turns[-1]
    screen = EventScreen(ctx, state, turn)
    said = screen.notes[0][0]
    # The sentence goes on after "Before the break": no capital, no second colon.
    assert said.startswith("Before the break, ") and said[len("Before the break, ")].islower()
    assert turn_text(state, turn, quoted=True).split(": ")[-1] in said


def test_a_proposal_opening_a_round_says_how_the_round_ended(ctx: UiContext) -> None:
    # With no event between rounds, their proposal's dialog is the first thing over the table.
    from game.engine.strategies import play
    from game.ui.record import turn_text

    for seed in range(40):
        final = play(SCENARIO, "essay", seed)
        state = new_game(SCENARIO, seed)
        for turn in final.turns:
            state = apply(state, turn.move).state
            last = state.turns[-1]
            if state.pending is not None and last.tabled is not None and not last.events:
                screen = ProposalScreen(ctx, state, hints=False)
                said = screen.notes[0][0]
                assert said.startswith("Before the break, ")
                assert said[len("Before the break, ")].islower()
                assert turn_text(state, last, quoted=True).split(": ")[-1] in said
                return
    raise AssertionError("no proposal opened a round without an event in 40 games")


def test_the_title_opens_without_loading_the_engine(tmp_path: Path) -> None:
    # The engine waits for a game: the first frame is the title, which cites the essay from
    # the scenario file without it (launch time is measured against a bare window). So does
    # hashlib (OpenSSL's, a few milliseconds), needed only once a scenario is read. So do the
    # session, what carries a game (game.ui.in_play) and the store that reads saves, which the
    # title, counting the saves by name, needs only when there is an autosave to describe.
    import subprocess
    import sys

    # As the window opens it: the command line, then the settings read from their file (which
    # loaded the whole engine until a benchmark found it).
    code = (
        "import sys, game.cli; from game.draw.context import UiContext; "
        "from game.store.settings import load_settings; from game.ui.flow import Flow; "
        "title = Flow(UiContext(load_settings())).title(); "
        "print(title.citation); print([m for m in LATER if m in sys.modules])"
    )
    later = ("game.engine", "hashlib", "game.ui.session", "game.ui.in_play", "game.store.saves")
    code = f"LATER = {later!r}; {code}"
    env = {**os.environ, "HANOI_SUMMIT_HOME": str(tmp_path), "SDL_VIDEODRIVER": "dummy"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env=env,
    )
    citation, loaded = result.stdout.strip().splitlines()[-2:]
    source = SCENARIO.source
    assert citation == (
        f"After {source.author}, \u201c{source.title}\u201d, {source.publication}, {source.year}."
    )
    assert loaded == "[]"


def test_esc_on_load_from_the_pause_menu_comes_back_to_the_menu(
    ctx: UiContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As from Settings: a play-tester's Esc on Load went straight back to the table."""
    from game.store.files import HOME_ENV
    from game.ui.screens.menu import MenuScreen
    from game.ui.screens.saves_screen import SavesScreen

    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    flow = Flow(ctx)
    flow.session = sample_session(SCENARIO, 7, lambda state: len(state.turns) >= 2)
    table = flow.summit()
    app = game_app(ctx, flow, table, [key(pygame.K_ESCAPE)])
    app.run()
    menu = app.top
    assert isinstance(menu, MenuScreen)
    load = next(i for i, item in enumerate(menu.items) if item.label == "Load game")
    feed(app, key(pygame.K_1 + load))
    assert isinstance(app.top, SavesScreen)
    feed(app, key(pygame.K_ESCAPE))
    assert app.stack[-1] is menu


def test_the_save_dialog_suggests_a_name_that_counts_moves_as_the_list_does(
    ctx: UiContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The moves made, as the list of saves counts them: a play-tester read "Signing ceremony,
    move 14" beside "13 moves"."""
    from game.store.files import HOME_ENV
    from game.ui.screens.saves_screen import SavesScreen

    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    flow = Flow(ctx)
    flow.session = sample_session(SCENARIO, 7, lambda state: len(state.turns) >= 3)
    state = flow.session.state
    screen = flow.open(Saves(saving=True))
    assert isinstance(screen, SavesScreen)
    held = SCENARIO.rounds[state.round].label
    assert screen.name.placeholder == f"{held[:1].upper()}{held[1:]}, after move {len(state.turns)}"
    flow.session = Session(new_game(SCENARIO, 7))
    fresh = flow.open(Saves(saving=True))
    assert isinstance(fresh, SavesScreen)
    assert fresh.name.placeholder == "Dinner, before the first move"
