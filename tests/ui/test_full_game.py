"""Whole games through the real main loop, from the title to the debrief: one with the keyboard
alone, one with the mouse alone.

A driver looks at the screen on top before each step and answers with the events a player would
produce there; the moves themselves come from a built-in strategy, so the game takes every turn
the engine offers (variants, their proposals, events, confirmations).
"""

from collections.abc import Iterator
from typing import Any

import pygame

from game.draw.context import UiContext
from game.engine import GameState, Move
from game.engine.strategies import STRATEGIES, strategy_rng
from game.store.mode import Mode
from game.store.settings import Settings
from game.store.transcripts import read_transcript
from game.ui.app import App, ScriptStep
from game.ui.flow import Flow
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.dialog import DialogScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.new_game import NewGameScreen
from game.ui.screens.outcome import OutcomeScreen
from game.ui.screens.proposal import ProposalScreen
from game.ui.screens.summit import SummitScreen
from game.ui.screens.text_pages import TextPagesScreen
from game.ui.screens.title import TitleScreen
from game.ui.screens.variant import VariantScreen
from game.ui.testing import click, game_app, key, text

MAX_STEPS = 600


class Player:
    """Plays a strategy's moves; what it sees on screen decides which events it sends."""

    def __init__(self, flow: Flow, strategy: str, seed: int) -> None:
        self.flow = flow
        self.choose = STRATEGIES[strategy].choose
        self.rng = strategy_rng(strategy, seed)
        self.planned: Move | None = None
        self.app: App | None = None
        self.seen: list[str] = []

    def state(self) -> GameState:
        assert self.flow.session is not None
        return self.flow.session.state

    def next_move(self) -> Move:
        move, self.rng = self.choose(self.state(), self.rng)
        self.planned = move
        return move

    def steps(self) -> Iterator[ScriptStep]:
        for _ in range(MAX_STEPS):
            assert self.app is not None
            top = self.app.top
            self.seen.append(type(top).__name__)
            if isinstance(top, DebriefScreen):
                return
            yield from self.act(top)
        raise AssertionError(f"no debrief after {MAX_STEPS} steps: {self.seen[-12:]}")

    def act(self, top: Any) -> Iterator[ScriptStep]:
        raise NotImplementedError


class KeyboardPlayer(Player):
    def act(self, top: Any) -> Iterator[ScriptStep]:
        if isinstance(top, TitleScreen):
            yield key(pygame.K_1)  # New game
        elif isinstance(top, NewGameScreen):
            yield [text("Kim"), text(" Lee")]
            yield key(pygame.K_TAB)  # the mode
            yield key(pygame.K_RIGHT)  # graded
            yield key(pygame.K_LEFT)  # practice again
            yield key(pygame.K_RETURN)
        elif isinstance(top, TextPagesScreen):
            yield key(pygame.K_END)
            yield key(pygame.K_RETURN)
        elif isinstance(top, SummitScreen):
            state = self.state()
            if state.is_over or state.pending is not None:
                yield key(pygame.K_RETURN)  # the panel's button has the focus
                return
            move = self.next_move()
            card = top.cards[state.scenario.offer_index[move.offer]]
            assert card.shortcut is not None
            yield key(card.shortcut.key)
        elif isinstance(top, VariantScreen):
            assert self.planned is not None
            ids = [v.id for v in top.offer.variants]
            yield key(pygame.K_1 + ids.index(self.planned.variant or ids[0]))
        elif isinstance(top, ProposalScreen):
            answer = self.next_move()
            yield key(
                {"accept": pygame.K_a, "reject": pygame.K_r, "amend": pygame.K_m}[answer.offer]
            )
        elif isinstance(top, EventScreen | OutcomeScreen):
            yield key(pygame.K_RETURN)
        elif isinstance(top, DialogScreen):
            yield key(pygame.K_2)  # the confirmation's second choice goes ahead
        else:
            raise AssertionError(f"the keyboard player does not know {type(top).__name__}")


class MousePlayer(Player):
    def act(self, top: Any) -> Iterator[ScriptStep]:
        if isinstance(top, TitleScreen):
            item = next(item for item in top.items if item.label == "New game")
            yield click(item.rect.center)
        elif isinstance(top, NewGameScreen):
            yield click(top.mode._segments(top.mode._last_area)[1].center)  # graded
            yield click(top.begin.rect.center)
        elif isinstance(top, TextPagesScreen):
            yield click(top.next.rect.center)
        elif isinstance(top, SummitScreen):
            state = self.state()
            if state.is_over or state.pending is not None:
                yield click(top.panel_button.rect.center)
                return
            move = self.planned if self.planned is not None else self.next_move()
            card = top.cards[state.scenario.offer_index[move.offer]]
            if card.rect.width == 0:  # on another page of cards
                yield click(top.pager.rect.center)
                return
            self.planned = None
            self._variant = move
            yield click(card.rect.center)
        elif isinstance(top, VariantScreen):
            ids = [v.id for v in top.offer.variants]
            yield click(top.rows[ids.index(self._variant.variant or ids[0])].rect.center)
        elif isinstance(top, ProposalScreen):
            answer = self.next_move()
            self.planned = None
            yield click(top.answers[answer.offer].rect.center)
        elif isinstance(top, EventScreen):
            yield click(top.buttons[0].rect.center)
        elif isinstance(top, OutcomeScreen):
            yield click(top.button.rect.center)
        elif isinstance(top, DialogScreen):
            yield click(top.buttons[1].rect.center)
        else:
            raise AssertionError(f"the mouse player does not know {type(top).__name__}")

    _variant = Move("none")


def _play(player: Player, ctx: UiContext) -> App:
    # The driver's generator first runs inside app.run(), by which time it knows the app.
    app = game_app(ctx, player.flow, script=player.steps())
    player.app = app
    app.run()
    return app


def test_a_whole_game_with_the_keyboard_alone(home: Any) -> None:
    ctx = UiContext(Settings(sound=False))
    flow = Flow(ctx, seed=2)
    player = KeyboardPlayer(flow, "essay", 2)
    app = _play(player, ctx)
    assert isinstance(app.top, DebriefScreen)
    state = player.state()
    assert state.is_over
    assert {"VariantScreen", "ProposalScreen", "EventScreen", "OutcomeScreen"} <= set(player.seen)
    assert player.flow.session is not None
    assert player.flow.session.who.player == "Kim Lee"
    # The autosave holds the finished game, ready to export.
    transcript = read_transcript(home / "saves" / "autosave.toml")
    assert len(transcript.turns) == len(state.turns)
    assert transcript.outcome is not None
    # The adviser's hints stay on after a first game (bug 10: they switched themselves off,
    # silently, for every later player of the same computer).
    assert ctx.settings.hints


def test_a_whole_game_with_the_mouse_alone(home: Any) -> None:
    ctx = UiContext(Settings(sound=False, hints=False))
    flow = Flow(ctx, seed=1)
    player = MousePlayer(flow, "historical", 1)
    app = _play(player, ctx)
    assert isinstance(app.top, DebriefScreen)
    state = player.state()
    assert state.terminal is not None and state.terminal.value == "walked_away"
    assert {"ProposalScreen", "DialogScreen", "OutcomeScreen"} <= set(player.seen)
    session = flow.session
    assert session is not None and session.who.mode is Mode.GRADED
    assert read_transcript(home / "saves" / "autosave.toml").mode == "graded"
