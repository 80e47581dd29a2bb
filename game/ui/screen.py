"""The screen protocol, and the actions screens hand to the app instead of acting themselves."""

from __future__ import annotations

from typing import Protocol, TypeAlias

import attrs
import pygame

from game.store.settings import Settings


class Screen(Protocol):
    """One layer of the screen stack.

    ``on_event`` turns input into an action; ``update`` advances animations and says whether
    any is still running; ``draw`` paints the current look and must never change game state.
    """

    @property
    def is_overlay(self) -> bool:
        """True if the screen below shows through (dialogs, pop-ups)."""
        ...

    def on_event(self, event: pygame.event.Event) -> Action | None:
        """React to one input event."""
        ...

    def update(self, dt: float) -> bool:
        """Advance animations by ``dt`` seconds; True while anything still moves."""
        ...

    def draw(self, surface: pygame.Surface) -> None:
        """Paint onto the 1280x720 logical surface."""
        ...


@attrs.frozen
class Push:
    """Open ``screen`` on top of the current one."""

    screen: Screen


@attrs.frozen
class Pop:
    """Close the top screen (closing the last one quits)."""


@attrs.frozen
class Replace:
    """Swap the top screen for ``screen``."""

    screen: Screen


@attrs.frozen
class Reset:
    """Drop the whole stack and start again from ``screen`` (e.g. back to the title)."""

    screen: Screen


@attrs.frozen
class Quit:
    """Close the window and leave the game."""


@attrs.frozen
class ChangeSettings:
    """Make ``settings`` current, apply it (fullscreen, palette, sound) and save it."""

    settings: Settings


@attrs.frozen
class Apply:
    """Ask the app to play ``move`` through the engine.

    The app owns game state; it hands ``move`` to its move handler, which returns the action
    that follows (e.g. Replace with the outcome scene). Typed ``object`` until the engine lands.
    """

    move: object


@attrs.frozen
class Chain:
    """Several actions applied in order (e.g. Pop the dialog, then Apply the chosen move)."""

    actions: tuple[Action, ...]


Action: TypeAlias = Push | Pop | Replace | Reset | Quit | ChangeSettings | Apply | Chain
