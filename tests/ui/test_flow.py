"""The session and the flow: moves, undo (practice only), autosave and Continue, hot-seat, the
next summit."""

from pathlib import Path

import pygame
import pytest

from game.draw.context import UiContext
from game.engine import ChosenBy, Move, ReactionKind, judge, new_game
from game.engine.transcript import replay
from game.store.mode import Mode
from game.store.scenarios import load_scenario
from game.store.transcripts import read_transcript
from game.ui.app import App, ScriptedEvents
from game.ui.flow import Flow
from game.ui.screen import (
    Chain,
    ContinueGame,
    Dialog,
    GameSetup,
    NewGame,
    NextSummit,
    Open,
    PlayMove,
    Push,
    ReplaySeed,
    Reset,
    TakeBack,
    TheirProposal,
    ToTitle,
)
from game.ui.screens.event import EventScreen
from game.ui.screens.hotseat import AnswerScreen, HandOverScreen
from game.ui.screens.summit import SummitScreen
from game.ui.session import UNDO_GRADED, Session, Step
from game.ui.shots import counter_pending, event_happened, sample_game
from game.ui.testing import game_app, key

SCENARIO = load_scenario("hanoi")


def _controller(ctx: UiContext, **setup: object) -> Flow:
    controller = Flow(ctx, seed=4)
    controller.handle(NewGame(GameSetup(SCENARIO, 4, **setup)))  # type: ignore[arg-type]
    return controller


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
    assert Step.COUNTER in replayed.steps
    event_state, history = sample_game(SCENARIO, 7, event_happened)
    replayed = Session(history[-1]).play(event_state.turns[-1].move)
    assert Step.EVENT in replayed.steps


def test_undo_steps_back_and_is_written_to_the_transcript(ctx: UiContext, home: Path) -> None:
    controller = _controller(ctx)
    session = controller.session
    assert session is not None
    start = session.state
    controller.handle(PlayMove(Move("mutual_restraint", "unwritten")))
    controller.handle(PlayMove(Move("security_assurances", "spoken")))
    assert _turns(session) == 2
    controller.handle(TakeBack())
    assert _turns(session) == 1
    assert session.notices[-1].text.startswith("Taken back: Security assurances")
    controller.handle(TakeBack())
    assert session.state is start
    assert session.undo_block == "There is no move to take back yet."
    transcript = read_transcript(home / "saves" / "autosave.toml")
    assert [u.move for u in transcript.undos] == [
        "security_assurances:spoken",
        "mutual_restraint:unwritten",
    ]
    assert [u.after_turn for u in transcript.undos] == [1, 0]


def test_undo_is_refused_in_a_graded_game_and_says_why(ctx: UiContext) -> None:
    controller = _controller(ctx, mode=Mode.GRADED)
    session = controller.session
    assert session is not None
    controller.handle(PlayMove(Move("mutual_restraint", "unwritten")))
    assert controller.handle(TakeBack()) is None
    assert len(session.state.turns) == 1
    assert session.notices[-1].text == UNDO_GRADED
    # On the table the Undo button is disabled with that reason, and U shows it as a toast.
    table = controller.summit()
    assert isinstance(table, SummitScreen)
    assert not table.undo.enabled
    assert table.undo.reason == UNDO_GRADED
    app = game_app(ctx, controller, table, [key(pygame.K_u)])
    app.run(frames=3)
    assert len(session.state.turns) == 1
    assert table.toast.is_showing and table.toast.text == UNDO_GRADED


def test_undo_by_key_in_practice(ctx: UiContext) -> None:
    controller = _controller(ctx)
    session = controller.session
    assert session is not None
    table = controller.summit()
    app = game_app(ctx, controller, table, [key(pygame.K_1), key(pygame.K_1), key(pygame.K_u)])
    app.run()
    assert session.state.turns == ()
    assert session.undos[-1].move == "mutual_restraint:unwritten"


def test_continue_restores_the_exact_game(ctx: UiContext) -> None:
    controller = _controller(ctx, player="Ann", mode=Mode.PRACTICE)
    session = controller.session
    assert session is not None
    for text in ("mutual_restraint:unwritten", "peace_declaration:declaration"):
        controller.handle(PlayMove(Move.parse(text)))
    controller.handle(TakeBack())
    controller.handle(PlayMove(Move.parse("liaison_offices")))
    # A new run of the game: a fresh controller, nothing in memory.
    again = Flow(UiContext(ctx.settings))
    action = again.handle(ContinueGame())
    assert isinstance(action, Chain)
    assert isinstance(action.actions[0], Reset)
    restored = again.session
    assert restored is not None
    assert restored.state.hash == session.state.hash
    assert [s.hash for s in restored.history] == [s.hash for s in session.history]
    assert restored.undos == session.undos
    assert (restored.player, restored.mode) == ("Ann", "practice")
    # And it plays on exactly as the original would.
    move = Move.parse("embassies")
    assert restored.play(move).after.hash == session.play(move).after.hash


def test_a_corrupt_autosave_falls_back_to_the_backup_with_a_message(
    ctx: UiContext, home: Path
) -> None:
    controller = _controller(ctx)
    session = controller.session
    assert session is not None
    controller.handle(PlayMove(Move.parse("mutual_restraint:unwritten")))
    one_move = session.state.hash
    controller.handle(PlayMove(Move.parse("peace_declaration:declaration")))
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


def test_nothing_to_continue_gives_a_message_not_a_crash(ctx: UiContext) -> None:
    action = Flow(ctx).handle(ContinueGame())
    assert isinstance(action, Open) and isinstance(action.place, Dialog)


def test_a_counter_offer_and_an_event_open_their_pop_ups(ctx: UiContext) -> None:
    controller = Flow(ctx)
    state, history = sample_game(SCENARIO, 7, counter_pending)
    controller.session = Session(history[-1])
    action = controller.handle(PlayMove(state.turns[-1].move))
    assert isinstance(action, Chain)
    assert action.actions[0] == Open(TheirProposal())
    state, history = sample_game(SCENARIO, 7, event_happened)
    controller.session = Session(history[-1])
    action = controller.handle(PlayMove(state.turns[-1].move))
    assert isinstance(action, Chain)
    push = action.actions[-1]
    assert isinstance(push, Push) and isinstance(push.screen, EventScreen)


def test_hot_seat_the_second_player_overrides_the_rules(ctx: UiContext, home: Path) -> None:
    controller = _controller(ctx, hotseat=True)
    session = controller.session
    assert session is not None
    move = Move("security_assurances", "spoken")
    verdict = judge(session.state, move)
    other = next(kind for kind in verdict.allowed if kind is not verdict.kind)
    table = controller.summit()
    # The U.S. player presses 2 (and picks the form), the DPRK player takes over and answers.
    app = game_app(ctx, controller, table, [key(pygame.K_2), key(pygame.K_1)])
    app.run()
    assert isinstance(app.top, HandOverScreen)
    app.events = ScriptedEvents([key(pygame.K_RETURN)])
    app.run()
    answer = app.top
    assert isinstance(answer, AnswerScreen)
    advised = next(row for row in answer.rows if row.tag)
    assert advised.title.lower().startswith(verdict.kind.value[:4])
    index = list(verdict.allowed).index(other)
    app.events = ScriptedEvents([key(pygame.K_1 + index)])
    app.run()
    assert app.stack[-1] is table
    turn = session.state.turns[-1]
    assert turn.reaction.kind is other
    assert turn.reaction.chosen_by is ChosenBy.PLAYER
    transcript = read_transcript(home / "saves" / "autosave.toml")
    assert replay(SCENARIO, transcript).ok


def test_hot_seat_answers_and_walking_away_are_not_handed_over(ctx: UiContext) -> None:
    controller = _controller(ctx, hotseat=True)
    session = controller.session
    assert session is not None
    assert session.judge(Move("walk_away")) is None
    assert session.judge(Move("consult_washington")) is None
    action = controller.handle(PlayMove(Move("consult_washington")))
    assert action is None or not isinstance(action, Push)
    assert session.state.turns[-1].move == Move("consult_washington")


def test_illegal_moves_become_a_notice(ctx: UiContext) -> None:
    controller = _controller(ctx)
    session = controller.session
    assert session is not None
    assert controller.handle(PlayMove(Move("embassies"))) is None
    assert session.notices[-1].text.startswith("Not possible:")
    assert session.state.turns == ()


def test_replay_and_title_commands(ctx: UiContext) -> None:
    controller = _controller(ctx, player="Ann", mode=Mode.GRADED)
    first = controller.session
    assert first is not None
    controller.handle(PlayMove(Move.parse("mutual_restraint:unwritten")))
    action = controller.handle(ReplaySeed())
    assert isinstance(action, Reset)
    second = controller.session
    assert second is not None and second is not first
    assert second.state.turns == ()
    assert (second.state.seed, second.player, second.mode) == (4, "Ann", "graded")
    assert second.state.hash == new_game(SCENARIO, 4).hash
    assert isinstance(controller.handle(ToTitle()), Reset)
    assert controller.session is None


@pytest.mark.parametrize("hotseat", [False, True])
def test_the_setup_round_trips(hotseat: bool) -> None:
    session = Session.start(GameSetup(SCENARIO, 9, Mode.GRADED, "Bo", "", hotseat))
    assert session.setup == GameSetup(SCENARIO, 9, Mode.GRADED, "Bo", "", hotseat)
    assert session.state.turns == ()
    assert session.undo_block == UNDO_GRADED
    assert isinstance(ReactionKind.ACCEPT, ReactionKind)


def test_the_app_routes_through_the_flow(ctx: UiContext) -> None:
    controller = _controller(ctx)
    app = game_app(ctx, controller, controller.summit(), [])
    assert isinstance(app, App)
    assert app.router is controller


def test_the_next_summit_carries_the_game_over(ctx: UiContext) -> None:
    from game.engine.strategies import play
    from game.store.scenarios import follow_up

    following = follow_up("hanoi")
    if following is None:
        pytest.skip("no scenario continues Hanoi")
    controller = _controller(ctx, player="Ann")
    finished = play(SCENARIO, "essay", 4)
    assert controller.session is not None
    controller.session.state = finished
    action = controller.handle(NextSummit())
    assert isinstance(action, Reset) and isinstance(action.screen, SummitScreen)
    session = controller.session
    assert session is not None
    setup = session.setup
    assert setup.scenario.id == following.id
    assert setup.carry is not None and setup.carry.source == "hanoi"
    assert setup.player == "Ann"
    assert session.state.carry == setup.carry
    assert session.state.turns == ()


def test_the_debrief_offers_the_next_summit_only_where_one_follows(ctx: UiContext) -> None:
    from game.engine.strategies import play
    from game.ui.screens.debrief import DebriefScreen

    controller = _controller(ctx, player="Ann")
    assert controller.session is not None
    controller.session.state = play(SCENARIO, "essay", 4)
    debrief = controller.debrief()
    assert isinstance(debrief, DebriefScreen) and debrief.next_button.enabled
    controller.session.state = play(load_scenario("next_summit"), "essay", 4)
    last = controller.debrief()
    assert isinstance(last, DebriefScreen) and not last.next_button.enabled


def test_the_next_round_of_a_class_gets_its_own_class_code(ctx: UiContext) -> None:
    from game.classroom.classcode import decode, encode
    from game.engine.strategies import play

    code = encode("HNOI", 4, Mode.GRADED)
    controller = _controller(ctx, player="Ann", mode=Mode.GRADED, code=code)
    finished = play(SCENARIO, "essay", 4)
    assert controller.session is not None
    controller.session.state = finished
    controller.handle(NextSummit())
    assert controller.session is not None
    following = decode(controller.session.code)
    assert (following.prefix, following.seed, following.mode) == ("NEXT", 4, "graded")
