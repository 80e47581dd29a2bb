"""The screen protocol, and everything a screen hands back instead of acting itself.

Navigation is data. A screen returns an :data:`Action`: a change to the stack (``Pop``), a
place to open (``Open(Saves(saving=True))``), a command for the game in play
(``Apply(PlayMove(move))``), a change of settings, or several in turn (``Chain``). The flow
(:mod:`game.ui.flow`) is the one place that turns places into screens and carries out commands;
the app (:mod:`game.ui.app`) applies the actions. So no screen imports another screen, and none
changes the game.

Light on purpose: the title screen needs these classes on the first frame, and the engine's
types are named for the type checker only. What carries a game (its setup, a move to play, the
briefing) is in :mod:`game.ui.in_play`, loaded when a game is set up.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeAlias, runtime_checkable

import attrs
import pygame

from game.store.settings import Settings

if TYPE_CHECKING:
    from game.engine import GameState, Move
    from game.store.who import Who
    from game.ui.in_play import (
        Answer,
        Briefing,
        DeleteSave,
        LoadSave,
        NewGame,
        Notice,
        OfferForms,
        PlayMove,
        RoleCards,
        SaveSlot,
        Tabling,
    )


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


@runtime_checkable
class Playable(Protocol):
    """A screen a built-in strategy can play through by keyboard (``--autoplay``): it names the
    key that plays a move here, or that carries on towards playing it."""

    def key_for(self, move: Move | None) -> int | None:
        """The key to press for ``move`` (None: the summit is over); None when no key should be
        pressed now (the screen is still entering, or the move is not made here)."""
        ...


# --- Values that are only their kind ------------------------------------------------------------


class Signal:
    """A command, action or place that carries nothing but its kind (``Pop()``, ``Title()``):
    each equals every other of its class, and none can be changed.

    Written out, not made with attrs: the title screen imports these before its first frame,
    and a class with no fields needs none of the methods attrs compiles for each class (for
    these nineteen, a third of the time this module takes to import).
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return True

    def __hash__(self) -> int:
        return hash(self.__class__)

    if not TYPE_CHECKING:  # hidden from mypy, which then refuses any attribute set on one

        def __setattr__(self, name: str, value: object) -> None:
            raise AttributeError(f"{self.__class__.__name__} has no fields to set")

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}()"


# --- The game in play ---------------------------------------------------------------------------


class GameInPlay(Protocol):
    """What a screen may read of the game in play: the flow's session, which screens never
    change."""

    @property
    def state(self) -> GameState: ...

    @property
    def notices(self) -> Sequence[Notice]: ...

    @property
    def undo_block(self) -> str: ...

    @property
    def hotseat(self) -> bool: ...

    @property
    def who(self) -> Who: ...


# --- Commands: what happens to the game in play -------------------------------------------------


class TakeBack(Signal):
    """Undo the last move."""


class ContinueGame(Signal):
    """Load the latest autosave (or its backup)."""


class ShowOutcome(Signal):
    """The summit is over: show how it ended, then the debrief."""


class ReplaySeed(Signal):
    """Play the same scenario and seed again from the start."""


class ExportTranscript(Signal):
    """Write the transcript of the game in play to the exports folder."""


class OpenExports(Signal):
    """Open the folder exported transcripts go to, in the system's file manager."""


class NextSummit(Signal):
    """Start the summit that continues the finished game, carrying over where it left off."""


class ToTitle(Signal):
    """Leave the game (it is autosaved) for the title screen."""


Command: TypeAlias = (
    "NewGame | PlayMove | TakeBack | SaveSlot | LoadSave | ContinueGame | DeleteSave | ShowOutcome"
    " | ReplaySeed | ExportTranscript | OpenExports | NextSummit | ToTitle"
)
"""Every command a screen can hand to the flow (written as text: those with fields are in
:mod:`game.ui.in_play`, which the title screen does not load)."""


# --- Actions: what the app does with the stack --------------------------------------------------


@attrs.frozen
class Open:
    """Build the screen for ``place`` (the flow does) and put it on top, or in place of the top
    screen when ``replace``."""

    place: Place
    replace: bool = False


@attrs.frozen
class Push:
    """Open ``screen`` on top of the current one (the flow's way to open a screen it built)."""

    screen: Screen


class Pop(Signal):
    """Close the top screen (closing the last one quits)."""


@attrs.frozen
class Replace:
    """Swap the top screen for ``screen``."""

    screen: Screen


@attrs.frozen
class Reset:
    """Drop the whole stack and start again from ``screen`` (e.g. back to the title)."""

    screen: Screen


class Quit(Signal):
    """Close the window and leave the game."""


@attrs.frozen
class ChangeSettings:
    """Make ``settings`` current, apply it (fullscreen, palette, sound) and save it."""

    settings: Settings


@attrs.frozen
class Apply:
    """Hand ``command`` to the flow, which changes the game and says what the screens do next."""

    command: Command


@attrs.frozen
class Chain:
    """Several actions applied in order (e.g. Pop the dialog, then Apply the chosen move)."""

    actions: tuple[Action, ...]


Action: TypeAlias = Open | Push | Pop | Replace | Reset | Quit | ChangeSettings | Apply | Chain


# --- Places: where a screen can send the player -------------------------------------------------


class Title(Signal):
    """The title screen and its main menu."""


@attrs.frozen
class NewGameForm:
    """The form before a new game: name, mode, class code and seed."""

    scenario: str = ""
    """A scenario name or file; ``""`` for the one the game was started with."""
    hotseat: bool = False
    back: Action = attrs.field(factory=Pop)
    """What Back does: close the form, or (when the window opened on it) go to the title."""


class Scenarios(Signal):
    """Every installed scenario, to choose one."""


@attrs.frozen
class Saves:
    """Save into a named slot (``saving``), or load any save."""

    saving: bool


class Preferences(Signal):
    """The settings screen."""


class HowToPlay(Signal):
    """The rules in plain words, and the controls."""


class Table(Signal):
    """The summit table for the game in play."""


class PauseMenu(Signal):
    """The menu over the table: resume, save, load, settings, help, the title, quit."""


class SummitLog(Signal):
    """The whole log of the game in play, with their words and reasons."""


class TheirProposal(Signal):
    """Their proposal on the table (tabled on their own or as a counter-offer), to accept,
    reject or amend."""


class Debrief(Signal):
    """The debrief of the finished game."""


@attrs.frozen
class Choice:
    """One button of a dialog: its label, what it does, and whether it is the primary one."""

    label: str
    action: Action
    primary: bool = False


@attrs.frozen
class Dialog:
    """A question or a message over the screen below, with a row of choices."""

    title: str
    body: tuple[str, ...]
    choices: tuple[Choice, ...]
    kicker: str = ""
    default: int | None = None
    """The choice in focus at first (the last one when None)."""
    cancel: Action = attrs.field(factory=Pop)
    """What Esc or a click outside the dialog does."""


Place: TypeAlias = (
    "Title | NewGameForm | Briefing | RoleCards | Scenarios | Saves | Preferences | HowToPlay"
    " | Table | PauseMenu | SummitLog | OfferForms | TheirProposal | Answer | Tabling | Debrief"
    " | Dialog"
)
"""Every place a screen can open (written as text, as :data:`Command` is)."""


@attrs.frozen
class MenuEntry:
    """One line of a menu; ``action`` None means unavailable, and ``reason`` says why."""

    label: str
    action: Action | None = None
    detail: str = ""
    reason: str = ""


def message(title: str, body: tuple[str, ...], *, kicker: str = "Notice") -> Dialog:
    """A dialog with one OK button."""
    return Dialog(title, body, (Choice("OK", Pop(), primary=True),), kicker=kicker)


def confirm_quit() -> Dialog:
    """'Leave the summit?' with Stay and Quit."""
    return Dialog(
        "Leave the summit?",
        ("Your settings are saved. A game in progress is kept as its autosave.",),
        (Choice("Stay", Pop()), Choice("Quit", Quit(), primary=True)),
        default=0,
    )
