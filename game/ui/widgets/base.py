"""What every control is built on: key shortcuts, the widget and control base classes, and
the focus group that routes a screen's input to its controls."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Final

import attrs
import pygame

from game.draw.assets import Cue
from game.draw.context import UiContext
from game.ui.screen import Action

ActionFn = Callable[[], Action | None]
_ACTIVATE_KEYS: Final = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE})
BLOCKING_MODS: Final = pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META
"""Modifiers that make a key press a command for the system or the window, not for a control."""


@attrs.frozen
class Shortcut:
    """A key that focuses and activates a control, and the label printed on its badge."""

    key: int
    label: str
    alt_key: int | None = None
    """A second key doing the same (the keypad twin of a digit)."""

    def matches(self, event: pygame.event.Event) -> bool:
        """True for a key press of this shortcut without Ctrl, Alt or Meta held."""
        if event.type != pygame.KEYDOWN or event.mod & BLOCKING_MODS:
            return False
        return bool(
            event.key == self.key or (self.alt_key is not None and event.key == self.alt_key)
        )


def _key(label: str) -> int:
    key: int = getattr(pygame, f"K_{label.lower()}")
    return key


def _letters(letters: str) -> list[Shortcut]:
    return [Shortcut(_key(c), c) for c in letters]


_DIGITS: Final = tuple(Shortcut(_key(d), d, getattr(pygame, f"K_KP{d}")) for d in "1234567890")
_SIGNS: Final = (
    Shortcut(pygame.K_MINUS, "-", pygame.K_KP_MINUS),
    Shortcut(pygame.K_EQUALS, "=", pygame.K_KP_PLUS),
)
_LIST_LETTERS: Final = "QWERTYUIOP"


_OFFER_LETTERS: Final = "QWERTYIOPADFGJKZCVBNM"
"""Letters after the digits for offer cards, in keyboard order, without the summit table's own
keys (H help, L log, S save, U undo, X dismiss)."""


def offer_shortcuts(count: int) -> tuple[Shortcut, ...]:
    """Badges for offer cards: 1-9, 0, then letters (Q, W, E ...), as the keyboard runs."""
    keys = [*_DIGITS, *_letters(_OFFER_LETTERS)]
    if count > len(keys):
        raise ValueError(f"at most {len(keys)} offer shortcuts, asked for {count}")
    return tuple(keys[:count])


def shortcuts(count: int) -> tuple[Shortcut, ...]:
    """Badges for ``count`` items in keyboard order: 1-9, 0, -, =, then Q, W, E ..."""
    keys = [*_DIGITS, *_SIGNS, *_letters(_LIST_LETTERS)]
    if count > len(keys):
        raise ValueError(f"at most {len(keys)} shortcuts, asked for {count}")
    return tuple(keys[:count])


def keyed(controls: Sequence[Control], event: pygame.event.Event) -> bool:
    """True when ``event`` is the shortcut of one of ``controls``."""
    return any(c.shortcut is not None and c.shortcut.matches(event) for c in controls)


def does(action: Action | None) -> ActionFn | None:
    """What a control runs when activated, to hand back ``action`` (None: nothing to run, so the
    control is unavailable)."""
    if action is None:
        return None
    return lambda: action


@attrs.frozen
class Handled:
    """A widget used the event; ``action`` is what it asks the app to do, if anything."""

    action: Action | None = None


@attrs.define(kw_only=True, eq=False)
class Widget:
    """Something with a place on screen that can draw itself."""

    rect: pygame.Rect = attrs.field(factory=lambda: pygame.Rect(0, 0, 0, 0))

    def update(self, dt: float) -> bool:
        """Advance animation by ``dt`` seconds; True while still moving."""
        del dt
        return False

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        """Paint the widget; reads state, never changes it."""
        raise NotImplementedError


@attrs.define(kw_only=True, eq=False)
class Control(Widget):
    """A widget that takes focus and can be activated by key, shortcut or click."""

    enabled: bool = True
    reason: str = ""
    """Why the control is disabled, in the player's words; shown beside it."""
    shortcut: Shortcut | None = None
    on_activate: ActionFn | None = None
    focused: bool = False
    hovered: bool = False

    FOCUS_WHEN_DISABLED: ClassVar[bool] = False
    """Whether the keyboard stops on the control while it is disabled: only for controls that
    say why they are disabled when in focus (a locked offer card and its details line)."""

    @property
    def is_focusable(self) -> bool:
        """True when Tab, the arrows and the first focus may land on the control."""
        return self.enabled or self.FOCUS_WHEN_DISABLED

    def activate(self) -> Action | None:
        """Run the control's action (nothing when disabled)."""
        if not self.enabled or self.on_activate is None:
            return None
        return self.on_activate()

    def on_key(self, event: pygame.event.Event) -> Handled | None:
        """Keys the control uses itself while focused (before focus traversal sees them)."""
        del event
        return None

    def on_click(self, pos: tuple[int, int]) -> Handled:
        """A left click inside the control."""
        del pos
        return Handled(self.activate())

    def on_wheel(self, dy: int) -> Handled | None:
        """A wheel turn while the pointer is over the control."""
        del dy
        return None

    def on_text(self, text: str) -> Handled | None:
        """Typed text (a TEXTINPUT event) while the control has focus."""
        del text
        return None


@attrs.define(eq=False)
class FocusGroup:
    """Focus, hover and activation for a screen's controls.

    Focus follows the pointer, so there is only ever one highlighted control. Focus passes
    disabled controls by (a greyed box or an unavailable menu entry says why without it), but
    for those that say why only when in focus (:attr:`Control.FOCUS_WHEN_DISABLED`).
    """

    controls: list[Control] = attrs.field(factory=list)
    index: int = 0
    pointer: tuple[int, int] | None = None

    def __attrs_post_init__(self) -> None:
        self._sync()

    @property
    def focused(self) -> Control | None:
        """The control with keyboard focus."""
        if not self.controls:
            return None
        return self.controls[self.index]

    def set_controls(self, controls: Sequence[Control], *, keep_focus: bool = True) -> None:
        """Replace the controls (after a relayout), keeping focus on the same position."""
        self.controls = list(controls)
        if not keep_focus:
            self.index = 0
        self._sync()

    def focus(self, control: Control) -> None:
        """Move focus to ``control``."""
        self.index = self.controls.index(control)
        self._sync()

    def control_at(self, pos: tuple[int, int]) -> int | None:
        """Index of the control under ``pos``."""
        for i, control in enumerate(self.controls):
            if control.rect.collidepoint(pos):
                return i
        return None

    def action_for(self, event: pygame.event.Event, ctx: UiContext) -> Action | None:
        """:meth:`handle` the event and return the action it produced, if any."""
        handled = self.handle(event, ctx)
        return None if handled is None else handled.action

    def handle(self, event: pygame.event.Event, ctx: UiContext) -> Handled | None:
        """Use ``event`` for focus, hover, shortcuts and activation; None if it was not ours."""
        if not self.controls:
            return None
        if event.type == pygame.KEYDOWN:
            return self._on_key(event, ctx)
        if event.type == pygame.TEXTINPUT:
            focused = self.focused
            return None if focused is None else focused.on_text(str(event.text))
        if event.type == pygame.MOUSEMOTION:
            self._hover(event.pos)
            return None
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._hover(event.pos)
            hit = self.control_at(event.pos)
            if hit is None:
                return None
            control = self.controls[hit]
            if not control.enabled:
                ctx.play(Cue.DENIED)
                return Handled()
            ctx.play(Cue.SELECT)
            return control.on_click(event.pos)
        if event.type == pygame.MOUSEWHEEL:
            hit = None if self.pointer is None else self.control_at(self.pointer)
            target = self.controls[hit] if hit is not None else self.focused
            return None if target is None else target.on_wheel(int(event.y))
        return None

    def update(self, dt: float) -> bool:
        """Advance every control's animation."""
        moving = False
        for control in self.controls:
            moving = control.update(dt) or moving
        return moving

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        """Draw every control."""
        for control in self.controls:
            control.draw(surface, ctx)

    def _on_key(self, event: pygame.event.Event, ctx: UiContext) -> Handled | None:
        focused = self.focused
        if focused is not None:
            used = focused.on_key(event)
            if used is not None:
                ctx.play(Cue.MOVE)
                return used
        key = event.key
        if key == pygame.K_TAB and not event.mod & BLOCKING_MODS:
            self._move_to(self._next_focusable(-1 if event.mod & pygame.KMOD_SHIFT else 1))
            ctx.play(Cue.MOVE)
            return Handled()
        step = {
            pygame.K_UP: (0, -1),
            pygame.K_DOWN: (0, 1),
            pygame.K_LEFT: (-1, 0),
            pygame.K_RIGHT: (1, 0),
        }.get(key)
        if step is not None:
            target = self._neighbour(*step)
            if target is None:
                return None
            self._move_to(target)
            ctx.play(Cue.MOVE)
            return Handled()
        if key in _ACTIVATE_KEYS and focused is not None and not event.mod & BLOCKING_MODS:
            return self._activate(focused, ctx)
        for control in self.controls:
            if control.shortcut is not None and control.shortcut.matches(event):
                if control.is_focusable:
                    self._move_to(self.controls.index(control))
                return self._activate(control, ctx)
        return None

    def _activate(self, control: Control, ctx: UiContext) -> Handled:
        if not control.enabled:
            ctx.play(Cue.DENIED)
            return Handled()
        ctx.play(Cue.SELECT)
        return Handled(control.activate())

    def _hover(self, pos: tuple[int, int]) -> None:
        self.pointer = pos
        hit = self.control_at(pos)
        for i, control in enumerate(self.controls):
            control.hovered = i == hit
        if hit is not None and self.controls[hit].is_focusable:
            self._move_to(hit)

    def _move_to(self, index: int) -> None:
        self.index = index
        self._sync()

    def _next_focusable(self, step: int) -> int:
        """The index ``step`` (1 or -1) away from focus, passing controls that take no focus."""
        count = len(self.controls)
        for move in range(1, count + 1):
            index = (self.index + step * move) % count
            if self.controls[index].is_focusable:
                return index
        return self.index

    def _sync(self) -> None:
        if self.controls:
            self.index = max(0, min(self.index, len(self.controls) - 1))
            if not self.controls[self.index].is_focusable:
                # Never rest on a control that takes no focus: the next one that does.
                self.index = self._next_focusable(1)
        else:
            self.index = 0
        for i, control in enumerate(self.controls):
            control.focused = i == self.index

    def _neighbour(self, dx: int, dy: int) -> int | None:
        """The nearest control in a direction; up/down fall back to list order at the ends."""
        if len(self.controls) < 2:
            return None
        here = pygame.Vector2(self.controls[self.index].rect.center)
        best: tuple[float, int] | None = None
        for i, control in enumerate(self.controls):
            if i == self.index or not control.is_focusable:
                continue
            offset = pygame.Vector2(control.rect.center) - here
            along = offset.x * dx + offset.y * dy
            if along <= 0:
                continue
            across = abs(offset.x * dy) + abs(offset.y * dx)
            if dx and across > along:
                # Left and right stay within 45 degrees of the row: from the last card of a row
                # a play-tester's Right went up to the Menu button.
                continue
            # Staying in the same row or column matters more than being close.
            score = along + 3 * across
            if best is None or score < best[0]:
                best = (score, i)
        if best is not None:
            return best[1]
        if dy:
            return self._next_focusable(dy)
        return None
