"""The window plays by itself: a built-in strategy's game, key by key, at a pace a class can
follow (``python -m game --autoplay essay``).

Nothing here reaches into the game: at each beat the autoplayer asks the screen on top which
key plays the strategy's next move there (see :class:`~game.ui.screen.Playable`) and presses
it, so the game goes through the same input, screens and flow as a player's. A screen that
names no key (the debrief, the menu a watcher opened) holds it until the screen goes away.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, Protocol

import pygame

from game.ui.screen import Playable, Screen

if TYPE_CHECKING:
    from game.engine import GameState, Move

DEFAULT_PACE: Final = 1.5
"""Seconds between two key presses: time to read a reply before the next offer."""


class Events(Protocol):
    """Where real input comes from (the app's event source)."""

    def get(self, timeout_ms: int | None) -> list[pygame.event.Event]: ...


class Autoplayer:
    """Chooses a built-in strategy's moves and the key that plays each on the screen on top."""

    def __init__(self, strategy: str, seed: int) -> None:
        from game.engine.strategies import STRATEGIES, strategy_rng

        self.strategy = strategy
        self._choose = STRATEGIES[strategy].choose
        self._rng = strategy_rng(strategy, seed)
        self._planned: tuple[str, Move] | None = None
        self.pressed: list[int] = []
        """Every key pressed so far, in order."""

    def next_move(self, state: GameState) -> Move | None:
        """The strategy's move in ``state`` (chosen once per state; None once it is over)."""
        if state.is_over:
            return None
        if self._planned is None or self._planned[0] != state.hash:
            move, self._rng = self._choose(state, self._rng)
            self._planned = (state.hash, move)
        return self._planned[1]

    def key(self, top: object, state: GameState | None) -> int | None:
        """The key to press now, or None (no game, or a screen that names none)."""
        if state is None or not isinstance(top, Playable):
            return None
        return top.key_for(self.next_move(state))


def key_events(key: int) -> list[pygame.event.Event]:
    """A key pressed and released, as SDL reports it (the text it would type is not needed:
    no text field is on the way)."""
    return [
        pygame.event.Event(pygame.KEYDOWN, key=key, mod=pygame.KMOD_NONE, unicode="", scancode=0),
        pygame.event.Event(pygame.KEYUP, key=key, mod=pygame.KMOD_NONE, unicode="", scancode=0),
    ]


class AutoplayEvents:
    """An event source that passes on the real input and adds the autoplayer's key press every
    ``pace`` seconds; while it waits for the next beat, the loop still sleeps."""

    def __init__(
        self,
        inner: Events,
        player: Autoplayer,
        look: Callable[[], tuple[Screen | None, GameState | None]],
        *,
        pace: float = DEFAULT_PACE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``look`` says what is on screen: the top screen and the game in play."""
        self.inner = inner
        self.player = player
        self.look = look
        self.pace = pace
        self.clock = clock
        self._due = clock() + pace

    def get(self, timeout_ms: int | None) -> list[pygame.event.Event]:
        wait_ms = max(0, math.ceil((self._due - self.clock()) * 1000))
        events = self.inner.get(None if timeout_ms is None else min(timeout_ms, wait_ms))
        if events or self.clock() < self._due:
            # Input of the player's own (or the window's) goes first; the beat waits for it.
            return events
        top, state = self.look()
        key = self.player.key(top, state)
        if key is None:
            self._due = self.clock() + min(self.pace, 0.1)
            return []
        self.player.pressed.append(key)
        self._due = self.clock() + self.pace
        return key_events(key)
