"""Controls and panels screens are built from: buttons, cards, settings rows, meters, text, log."""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Sequence
from typing import ClassVar, Final

import attrs
import pygame

from game.draw import theme
from game.draw.assets import Align, Cue
from game.draw.context import UiContext
from game.draw.theme import Colour, Palette, TextRole, Tone
from game.ui.screen import Action

ActionFn = Callable[[], Action | None]
PaletteColour = Callable[[Palette], Colour]

_ACTIVATE_KEYS: Final = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE})
BLOCKING_MODS: Final = pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META
"""Modifiers that make a key press a command for the system or the window, not for a control."""
LINE_SCROLL: Final = 32
WHEEL_SCROLL: Final = 56


def _ink(palette: Palette) -> Colour:
    return palette.ink


# --- Shortcuts and results ---------------------------------------------------------------------


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


_DIGIT_KEYS: Final = (
    (pygame.K_1, pygame.K_KP1, "1"),
    (pygame.K_2, pygame.K_KP2, "2"),
    (pygame.K_3, pygame.K_KP3, "3"),
    (pygame.K_4, pygame.K_KP4, "4"),
    (pygame.K_5, pygame.K_KP5, "5"),
    (pygame.K_6, pygame.K_KP6, "6"),
    (pygame.K_7, pygame.K_KP7, "7"),
    (pygame.K_8, pygame.K_KP8, "8"),
    (pygame.K_9, pygame.K_KP9, "9"),
    (pygame.K_0, pygame.K_KP0, "0"),
    (pygame.K_MINUS, pygame.K_KP_MINUS, "-"),
    (pygame.K_EQUALS, pygame.K_KP_PLUS, "="),
)
_LETTER_KEYS: Final = (
    (pygame.K_q, "Q"),
    (pygame.K_w, "W"),
    (pygame.K_e, "E"),
    (pygame.K_r, "R"),
    (pygame.K_t, "T"),
    (pygame.K_y, "Y"),
    (pygame.K_u, "U"),
    (pygame.K_i, "I"),
    (pygame.K_o, "O"),
    (pygame.K_p, "P"),
)


_OFFER_LETTERS: Final = "QWERTYIOPADFGJKZCVBNM"
"""Letters after the digits for offer cards, in keyboard order, without the summit table's own
keys (H help, L log, S save, U undo, X dismiss)."""


def offer_shortcuts(count: int) -> tuple[Shortcut, ...]:
    """Badges for offer cards: 1-9, 0, then letters (Q, W, E ...), as the keyboard runs."""
    keys = [Shortcut(key, label, alt) for key, alt, label in _DIGIT_KEYS if label.isdigit()]
    keys += [Shortcut(getattr(pygame, f"K_{c.lower()}"), c) for c in _OFFER_LETTERS]
    if count > len(keys):
        raise ValueError(f"at most {len(keys)} offer shortcuts, asked for {count}")
    return tuple(keys[:count])


def shortcuts(count: int) -> tuple[Shortcut, ...]:
    """Badges for ``count`` items in keyboard order: 1-9, 0, -, =, then Q, W, E ..."""
    keys = [Shortcut(key, label, alt) for key, alt, label in _DIGIT_KEYS]
    keys += [Shortcut(key, label) for key, label in _LETTER_KEYS]
    if count > len(keys):
        raise ValueError(f"at most {len(keys)} shortcuts, asked for {count}")
    return tuple(keys[:count])


@attrs.frozen
class Handled:
    """A widget used the event; ``action`` is what it asks the app to do, if anything."""

    action: Action | None = None


# --- Drawing helpers ---------------------------------------------------------------------------


def draw_focus_ring(surface: pygame.Surface, ctx: UiContext, rect: pygame.Rect) -> None:
    """The keyboard-focus outline, drawn just outside ``rect``."""
    ring = rect.inflate(2 * theme.FOCUS_RING_GAP, 2 * theme.FOCUS_RING_GAP)
    pygame.draw.rect(
        surface,
        ctx.palette.focus,
        ring,
        width=theme.FOCUS_RING_WIDTH,
        border_radius=theme.RADIUS + theme.FOCUS_RING_GAP,
    )


def draw_badge(
    surface: pygame.Surface,
    ctx: UiContext,
    topleft: tuple[int, int],
    label: str,
    *,
    filled: bool = False,
    enabled: bool = True,
) -> pygame.Rect:
    """A small key-cap showing a shortcut; returns the rectangle it took."""
    palette = ctx.palette
    colour = palette.on_navy if filled else (palette.ink if enabled else palette.ink_faint)
    text = ctx.text(TextRole.LABEL, label, colour)
    size = max(28, text.get_width() + 14)
    rect = pygame.Rect(topleft, (size, 28))
    if filled:
        pygame.draw.rect(surface, palette.navy, rect, border_radius=theme.RADIUS_SMALL)
    else:
        pygame.draw.rect(surface, palette.surface, rect, border_radius=theme.RADIUS_SMALL)
        border = palette.ink_soft if enabled else palette.rule
        pygame.draw.rect(surface, border, rect, width=1, border_radius=theme.RADIUS_SMALL)
    surface.blit(text, text.get_rect(center=rect.center))
    return rect


def draw_lock(
    surface: pygame.Surface, colour: Colour, center: tuple[int, int], size: int = 12
) -> None:
    """A padlock glyph drawn from shapes, so it looks the same in any font."""
    x, y = center
    body = pygame.Rect(0, 0, size, round(size * 0.75))
    body.midtop = (x, y - round(size * 0.1))
    pygame.draw.rect(surface, colour, body, border_radius=2)
    shackle = pygame.Rect(0, 0, round(size * 0.7), round(size * 0.8))
    shackle.midbottom = (x, body.top + 2)
    pygame.draw.rect(surface, colour, shackle, width=2, border_radius=round(size * 0.35))


def draw_rule(surface: pygame.Surface, colour: Colour, x1: int, x2: int, y: int) -> None:
    """A one-pixel horizontal hairline."""
    pygame.draw.line(surface, colour, (x1, y), (x2, y), theme.HAIRLINE)


def draw_triangle(
    surface: pygame.Surface, colour: Colour, center: tuple[int, int], *, up: bool
) -> None:
    """A small solid arrowhead (drawn, because arrow glyphs differ between fonts)."""
    x, y = center
    if up:
        points = [(x - 5, y + 3), (x + 5, y + 3), (x, y - 4)]
    else:
        points = [(x - 5, y - 3), (x + 5, y - 3), (x, y + 4)]
    pygame.draw.polygon(surface, colour, points)


def draw_shade(surface: pygame.Surface, ctx: UiContext) -> None:
    """Veil the whole surface, as behind a modal dialog."""
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill(ctx.palette.shade)
    surface.blit(veil, (0, 0))


def draw_modal_frame(
    surface: pygame.Surface, ctx: UiContext, rect: pygame.Rect, title: str, kicker: str = ""
) -> pygame.Rect:
    """Shade the screen, draw a dialog panel with its title, and return the content area."""
    palette = ctx.palette
    draw_shade(surface, ctx)
    pygame.draw.rect(surface, palette.paper, rect, border_radius=theme.RADIUS)
    band = pygame.Rect(rect.left, rect.top, rect.width, theme.UNIT)
    pygame.draw.rect(
        surface,
        palette.navy,
        band,
        border_top_left_radius=theme.RADIUS,
        border_top_right_radius=theme.RADIUS,
    )
    pad = 4 * theme.UNIT
    y = rect.top + theme.UNIT + 3 * theme.UNIT
    inner_width = rect.width - 2 * pad
    if kicker:
        kick = ctx.text(TextRole.KICKER, kicker.upper(), palette.ink_soft)
        surface.blit(kick, (rect.left + pad, y))
        y += kick.get_height() + theme.UNIT
    heading = ctx.text(TextRole.HEADING, title, palette.ink, wrap=inner_width)
    surface.blit(heading, (rect.left + pad, y))
    y += heading.get_height() + 2 * theme.UNIT
    draw_rule(surface, palette.rule, rect.left + pad, rect.right - pad, y)
    y += 2 * theme.UNIT
    return pygame.Rect(rect.left + pad, y, inner_width, rect.bottom - pad - y)


def fit_text(ctx: UiContext, role: TextRole, text: str, width: int) -> str:
    """``text`` shortened with an ellipsis so that it fits on one line of ``width`` pixels."""
    if ctx.text_width(role, text) <= width:
        return text
    words = text.split()
    while words and ctx.text_width(role, " ".join(words) + "\u2026") > width:
        words.pop()
    return (" ".join(words) + "\u2026") if words else "\u2026"


def fit_lines(ctx: UiContext, role: TextRole, text: str, width: int, height: int) -> str:
    """``text`` cut at a word, with an ellipsis, so that wrapped at ``width`` it fits ``height``."""

    def fits(candidate: str) -> bool:
        return ctx.text(role, candidate, (0, 0, 0), wrap=max(width, 1)).get_height() <= height

    if fits(text):
        return text
    words = text.split()
    low, high = 0, len(words)
    # Binary search on the word count: rendered heights are cached, so repeat draws cost lookups.
    while low < high:
        middle = (low + high + 1) // 2
        if fits(" ".join(words[:middle]) + "\u2026"):
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]).rstrip(",;:") + "\u2026" if low else ""


def blit_clipped(
    surface: pygame.Surface, image: pygame.Surface, pos: tuple[int, int], clip: pygame.Rect
) -> None:
    """Blit ``image`` at ``pos`` showing only the part inside ``clip``."""
    previous = surface.get_clip()
    surface.set_clip(clip.clip(previous))
    surface.blit(image, pos)
    surface.set_clip(previous)


def _fade_edge(surface: pygame.Surface, rect: pygame.Rect, colour: Colour) -> None:
    """Fade from solid ``colour`` at the top of ``rect`` to clear at its bottom."""
    veil = pygame.Surface(rect.size, pygame.SRCALPHA)
    for row in range(rect.height):
        alpha = round(255 * (1 - row / rect.height) ** 1.5)
        pygame.draw.line(veil, (*colour, alpha), (0, row), (rect.width, row))
    surface.blit(veil, rect)


# --- Base classes ------------------------------------------------------------------------------


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

    Focus follows the pointer, so there is only ever one highlighted control; disabled
    controls still take focus so a keyboard player can read why they are disabled.
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
            self._move_to(
                (self.index + (-1 if event.mod & pygame.KMOD_SHIFT else 1)) % len(self.controls)
            )
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
        if hit is not None:
            self._move_to(hit)

    def _move_to(self, index: int) -> None:
        self.index = index
        self._sync()

    def _sync(self) -> None:
        if self.controls:
            self.index = max(0, min(self.index, len(self.controls) - 1))
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
            if i == self.index:
                continue
            offset = pygame.Vector2(control.rect.center) - here
            along = offset.x * dx + offset.y * dy
            if along <= 0:
                continue
            across = abs(offset.x * dy) + abs(offset.y * dx)
            # Staying in the same row or column matters more than being close.
            score = along + 3 * across
            if best is None or score < best[0]:
                best = (score, i)
        if best is not None:
            return best[1]
        if dy:
            return (self.index + dy) % len(self.controls)
        return None


# --- Controls ----------------------------------------------------------------------------------


class ButtonKind(enum.Enum):
    """How loud a button is."""

    PRIMARY = "primary"
    SECONDARY = "secondary"
    QUIET = "quiet"


@attrs.define(kw_only=True, eq=False)
class Button(Control):
    """A labelled button; the shortcut (if any) is shown as a hint after the label."""

    label: str
    kind: ButtonKind = ButtonKind.SECONDARY
    hint: str = ""
    """Key hint drawn in the button, e.g. 'Esc'."""

    def preferred_width(self, ctx: UiContext) -> int:
        """Width that fits the label and hint with comfortable padding."""
        width = ctx.text_width(TextRole.LABEL, self.label) + 6 * theme.UNIT
        if self.hint:
            width += ctx.text_width(TextRole.CAPTION, self.hint) + 2 * theme.UNIT
        return width

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        active = self.focused or self.hovered
        fill: Colour | None
        border: Colour | None
        if not self.enabled:
            fill, border, ink, soft = palette.sunk, None, palette.ink_faint, palette.ink_faint
        elif self.kind is ButtonKind.PRIMARY:
            fill = palette.navy_deep if active else palette.navy
            border, ink, soft = None, palette.on_navy, palette.on_navy_soft
        elif self.kind is ButtonKind.SECONDARY:
            fill = palette.surface_hover if active else palette.surface
            border, ink, soft = palette.ink_soft, palette.ink, palette.ink_soft
        else:
            fill = palette.surface_hover if active else None
            border, ink, soft = None, palette.ink, palette.ink_soft
        if fill is not None:
            pygame.draw.rect(surface, fill, self.rect, border_radius=theme.RADIUS)
        if border is not None:
            pygame.draw.rect(surface, border, self.rect, width=1, border_radius=theme.RADIUS)
        label = ctx.text(TextRole.LABEL, self.label, ink)
        hint = ctx.text(TextRole.CAPTION, self.hint, soft) if self.hint else None
        total = label.get_width() + (hint.get_width() + 2 * theme.UNIT if hint else 0)
        x = self.rect.centerx - total // 2
        surface.blit(label, label.get_rect(midleft=(x, self.rect.centery)))
        if hint is not None:
            hint_x = x + label.get_width() + 2 * theme.UNIT
            surface.blit(hint, hint.get_rect(midleft=(hint_x, self.rect.centery + 1)))
        if self.focused:
            draw_focus_ring(surface, ctx, self.rect)
        if not self.enabled and self.reason and (self.focused or self.hovered):
            # A disabled button has no room for its reason, so it shows above it while in focus.
            note = ctx.text(TextRole.CAPTION_ITALIC, self.reason, palette.ink_soft)
            surface.blit(
                note, note.get_rect(midbottom=(self.rect.centerx, self.rect.top - 2 * theme.UNIT))
            )


@attrs.define(kw_only=True, eq=False)
class MenuItem(Control):
    """A row of a menu: key badge, label, and a detail line (or why it is unavailable)."""

    label: str
    detail: str = ""

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        if self.focused or self.hovered:
            pygame.draw.rect(surface, palette.surface_hover, rect, border_radius=theme.RADIUS)
        pad = 2 * theme.UNIT
        label_colour = palette.ink if self.enabled else palette.ink_faint
        label = ctx.text(TextRole.BODY_STRONG, self.label, label_colour)
        line = self.detail if self.enabled else self.reason
        role = TextRole.CAPTION if self.enabled else TextRole.CAPTION_ITALIC
        room = (
            rect.right
            - pad
            - 24
            - (rect.left + pad + 28 + 2 * theme.UNIT)
            - (0 if self.enabled else 18)
        )
        detail = ctx.text(role, fit_text(ctx, role, line, room), palette.ink_soft) if line else None
        block = label.get_height() + (detail.get_height() if detail else 0)
        top = rect.centery - block // 2
        badge_x = rect.left + pad
        if self.shortcut is not None:
            badge = draw_badge(
                surface,
                ctx,
                (badge_x, rect.centery - 14),
                self.shortcut.label,
                filled=self.focused and self.enabled,
                enabled=self.enabled,
            )
            text_x = badge.right + 2 * theme.UNIT
        else:
            text_x = badge_x
        surface.blit(label, (text_x, top))
        if detail is not None:
            detail_x = text_x
            if not self.enabled:
                draw_lock(
                    surface,
                    palette.ink_soft,
                    (text_x + 6, top + label.get_height() + detail.get_height() // 2 - 1),
                    11,
                )
                detail_x += 18
            blit_clipped(surface, detail, (detail_x, top + label.get_height()), rect)
        if self.focused:
            chevron = ctx.text(
                TextRole.HEADING, "\u203a", palette.ink if self.enabled else palette.ink_faint
            )
            surface.blit(chevron, chevron.get_rect(midright=(rect.right - pad, rect.centery - 2)))
            draw_focus_ring(surface, ctx, rect)


@attrs.define(kw_only=True, eq=False)
class Card(Control):
    """An offer card: key badge, title, short body, and the reason when it cannot be played."""

    title: str
    body: str = ""
    selected: bool = False

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        active = (self.focused or self.hovered) and self.enabled
        fill = palette.surface_hover if active else palette.surface
        if not self.enabled:
            fill = palette.paper
        pygame.draw.rect(surface, fill, rect, border_radius=theme.RADIUS)
        border = palette.navy if self.selected else palette.rule
        pygame.draw.rect(
            surface, border, rect, width=2 if self.selected else 1, border_radius=theme.RADIUS
        )
        pad = 2 * theme.UNIT
        x, y = rect.left + pad, rect.top + pad
        if self.shortcut is not None:
            badge = draw_badge(
                surface, ctx, (x, y), self.shortcut.label, filled=active, enabled=self.enabled
            )
            title_x = badge.right + theme.UNIT + 4
        else:
            title_x = x
        title = ctx.text(
            TextRole.LABEL,
            self.title,
            palette.ink if self.enabled else palette.ink_faint,
            wrap=rect.right - pad - title_x,
        )
        surface.blit(title, (title_x, y + 3))
        y = max(y + 28, y + 3 + title.get_height()) + theme.UNIT
        text = self.body if self.enabled else self.reason
        if text:
            role = TextRole.CAPTION if self.enabled else TextRole.CAPTION_ITALIC
            body_x = x
            if not self.enabled:
                draw_lock(surface, palette.ink_soft, (x + 6, y + 9), 11)
                body_x += 18
            wrap = rect.right - pad - body_x
            text = fit_lines(ctx, role, text, wrap, rect.bottom - theme.UNIT - y)
            body = ctx.text(role, text, palette.ink_soft, wrap=wrap)
            blit_clipped(surface, body, (body_x, y), rect.inflate(-2, -pad))
        if self.focused:
            draw_focus_ring(surface, ctx, rect)


@attrs.define(kw_only=True, eq=False)
class _SettingRow(Control):
    """A settings row: label and description on the left, the control on the right."""

    label: str
    description: str = ""

    def control_width(self, ctx: UiContext) -> int:
        raise NotImplementedError

    def draw_row(self, surface: pygame.Surface, ctx: UiContext) -> pygame.Rect:
        """Draw the row's text and frame; return where the control itself goes."""
        palette = ctx.palette
        rect = self.rect
        if self.focused or self.hovered:
            pygame.draw.rect(surface, palette.surface_hover, rect, border_radius=theme.RADIUS)
        pad = 2 * theme.UNIT
        control = pygame.Rect(0, 0, self.control_width(ctx), 36)
        control.midright = (rect.right - pad, rect.centery)
        text_width = control.left - rect.left - pad - 3 * theme.UNIT
        label = ctx.text(TextRole.LABEL, self.label, palette.ink)
        desc = (
            ctx.text(TextRole.CAPTION, self.description, palette.ink_soft, wrap=text_width)
            if self.description
            else None
        )
        block = label.get_height() + (desc.get_height() + 2 if desc else 0)
        top = rect.centery - block // 2
        surface.blit(label, (rect.left + pad, top))
        if desc is not None:
            blit_clipped(surface, desc, (rect.left + pad, top + label.get_height() + 2), rect)
        if self.focused:
            draw_focus_ring(surface, ctx, rect)
        return control


@attrs.define(kw_only=True, eq=False)
class Toggle(_SettingRow):
    """An on/off setting drawn as a switch; Enter, Space or a click flips it, Left/Right set it."""

    get: Callable[[], bool]
    set: Callable[[bool], Action | None]

    def activate(self) -> Action | None:
        if not self.enabled:
            return None
        return self.set(not self.get())

    def on_key(self, event: pygame.event.Event) -> Handled | None:
        if event.type != pygame.KEYDOWN or not self.enabled:
            return None
        if event.key == pygame.K_LEFT and self.get():
            return Handled(self.set(False))
        if event.key == pygame.K_RIGHT and not self.get():
            return Handled(self.set(True))
        return None

    def control_width(self, ctx: UiContext) -> int:
        return 56 + theme.UNIT + ctx.text_width(TextRole.LABEL, "Off")

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        area = self.draw_row(surface, ctx)
        on = self.get()
        track = pygame.Rect(0, 0, 56, 30)
        track.midright = area.midright
        if on:
            pygame.draw.rect(surface, palette.navy, track, border_radius=15)
        else:
            pygame.draw.rect(surface, palette.sunk, track, border_radius=15)
            pygame.draw.rect(surface, palette.ink_soft, track, width=1, border_radius=15)
        knob_x = track.right - 15 if on else track.left + 15
        pygame.draw.circle(surface, palette.surface, (knob_x, track.centery), 11)
        if not on:
            pygame.draw.circle(surface, palette.ink_soft, (knob_x, track.centery), 11, width=1)
        word = ctx.text(
            TextRole.LABEL, "On" if on else "Off", palette.ink if on else palette.ink_soft
        )
        surface.blit(word, word.get_rect(midright=(track.left - theme.UNIT, track.centery)))


@attrs.define(kw_only=True, eq=False)
class OptionSelector(_SettingRow):
    """A choice among a few named options, drawn as a segmented control."""

    options: tuple[str, ...]
    get: Callable[[], int]
    set: Callable[[int], Action | None]
    _last_area: pygame.Rect = attrs.field(factory=lambda: pygame.Rect(0, 0, 0, 0), init=False)

    def activate(self) -> Action | None:
        if not self.enabled:
            return None
        return self.set((self.get() + 1) % len(self.options))

    def on_key(self, event: pygame.event.Event) -> Handled | None:
        if event.type != pygame.KEYDOWN or not self.enabled:
            return None
        current = self.get()
        if event.key == pygame.K_LEFT and current > 0:
            return Handled(self.set(current - 1))
        if event.key == pygame.K_RIGHT and current < len(self.options) - 1:
            return Handled(self.set(current + 1))
        return None

    def on_click(self, pos: tuple[int, int]) -> Handled:
        for i, segment in enumerate(self._segments(self._last_area)):
            if segment.collidepoint(pos):
                return Handled(self.set(i) if self.enabled else None)
        return Handled(self.activate())

    def segment_width(self, ctx: UiContext) -> int:
        """Every segment is as wide as the widest label, so the control does not jitter."""
        return (
            max(ctx.text_width(TextRole.LABEL, option) for option in self.options) + 4 * theme.UNIT
        )

    def control_width(self, ctx: UiContext) -> int:
        return self.segment_width(ctx) * len(self.options)

    def _segments(self, area: pygame.Rect) -> list[pygame.Rect]:
        if not self.options or area.width == 0:
            return []
        width = area.width // len(self.options)
        return [
            pygame.Rect(area.left + i * width, area.top, width, area.height)
            for i in range(len(self.options))
        ]

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        area = self.draw_row(surface, ctx)
        # Remembered only to map a later click to a segment; it is view geometry, not state.
        self._last_area = area
        current = self.get()
        pygame.draw.rect(surface, palette.surface, area, border_radius=theme.RADIUS)
        for i, segment in enumerate(self._segments(area)):
            chosen = i == current
            if chosen:
                pygame.draw.rect(surface, palette.navy, segment, border_radius=theme.RADIUS)
            elif i > 0 and i != current + 1:
                pygame.draw.line(
                    surface,
                    palette.rule,
                    (segment.left, segment.top + 8),
                    (segment.left, segment.bottom - 9),
                )
            colour = palette.on_navy if chosen else palette.ink_soft
            text = ctx.text(TextRole.LABEL, self.options[i], colour)
            surface.blit(text, text.get_rect(center=segment.center))
        pygame.draw.rect(surface, palette.ink_soft, area, width=1, border_radius=theme.RADIUS)


@attrs.define(kw_only=True, eq=False)
class TextField(Control):
    """A one-line text entry: label above, the box below, and a note (or an error) under it.

    Typing arrives as TEXTINPUT events; the keys that also type (letters, digits, space) are
    swallowed as KEYDOWNs so they never trigger a shortcut while the field has focus. Enter
    activates (``on_activate``), Tab and Up/Down leave the field.
    """

    label: str
    text: str = ""
    placeholder: str = ""
    note: str = ""
    error: str = ""
    """Shown instead of the note, in the alarm colour, when the text cannot be used."""
    max_length: int = 40
    allowed: Callable[[str], bool] | None = None
    """Which characters may be typed (all printable ones when None)."""
    cursor: int = -1
    """Caret position in characters; -1 puts it at the end."""

    BOX_HEIGHT: ClassVar[int] = 44

    def __attrs_post_init__(self) -> None:
        if self.cursor < 0 or self.cursor > len(self.text):
            self.cursor = len(self.text)

    def box_rect(self, ctx: UiContext) -> pygame.Rect:
        """The input box below the label."""
        top = self.rect.top + ctx.line_height(TextRole.LABEL) + theme.UNIT // 2
        return pygame.Rect(self.rect.left, top, self.rect.width, self.BOX_HEIGHT)

    def preferred_height(self, ctx: UiContext) -> int:
        """Label, box and one line of note."""
        return (
            ctx.line_height(TextRole.LABEL)
            + theme.UNIT // 2
            + self.BOX_HEIGHT
            + theme.UNIT // 2
            + ctx.line_height(TextRole.CAPTION)
        )

    def set_text(self, text: str) -> None:
        """Replace the text and put the caret at its end."""
        self.text = text[: self.max_length]
        self.cursor = len(self.text)

    def on_text(self, text: str) -> Handled | None:
        if not self.enabled:
            return Handled()
        typed = "".join(
            c for c in text if c.isprintable() and (self.allowed is None or self.allowed(c))
        )
        room = self.max_length - len(self.text)
        typed = typed[: max(room, 0)]
        if typed:
            self.text = self.text[: self.cursor] + typed + self.text[self.cursor :]
            self.cursor += len(typed)
        return Handled()

    def on_key(self, event: pygame.event.Event) -> Handled | None:
        if event.type != pygame.KEYDOWN or not self.enabled:
            return None
        key = event.key
        if key == pygame.K_BACKSPACE:
            if self.cursor > 0:
                self.text = self.text[: self.cursor - 1] + self.text[self.cursor :]
                self.cursor -= 1
            return Handled()
        if key == pygame.K_DELETE:
            self.text = self.text[: self.cursor] + self.text[self.cursor + 1 :]
            return Handled()
        moves = {
            pygame.K_LEFT: self.cursor - 1,
            pygame.K_RIGHT: self.cursor + 1,
            pygame.K_HOME: 0,
            pygame.K_END: len(self.text),
        }
        if key in moves:
            self.cursor = max(0, min(len(self.text), moves[key]))
            return Handled()
        typed = getattr(event, "unicode", "")
        if typed and typed.isprintable() and not event.mod & BLOCKING_MODS:
            return Handled()  # the matching TEXTINPUT event does the typing
        return None

    def on_click(self, pos: tuple[int, int]) -> Handled:
        del pos
        self.cursor = len(self.text)
        return Handled()

    def activate(self) -> Action | None:
        if not self.enabled or self.on_activate is None:
            return None
        return self.on_activate()

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        label = ctx.text(
            TextRole.LABEL, self.label, palette.ink if self.enabled else palette.ink_faint
        )
        surface.blit(label, self.rect.topleft)
        box = self.box_rect(ctx)
        fill = palette.surface if self.enabled else palette.sunk
        pygame.draw.rect(surface, fill, box, border_radius=theme.RADIUS)
        if self.error:
            border, width = palette.alarm, 2
        elif self.focused:
            border, width = palette.navy, 2
        else:
            border, width = (palette.ink_soft if self.hovered else palette.rule), 1
        pygame.draw.rect(surface, border, box, width=width, border_radius=theme.RADIUS)
        inner = box.inflate(-4 * theme.UNIT, -theme.UNIT)
        if self.text:
            image = ctx.text(TextRole.BODY, self.text, palette.ink)
            caret_x = ctx.text_width(TextRole.BODY, self.text[: self.cursor])
        else:
            image = ctx.text(TextRole.BODY_ITALIC, self.placeholder, palette.ink_faint)
            caret_x = 0
        # Keep the caret in view when the text is wider than the box.
        shift = max(0, caret_x - inner.width + 2)
        y = box.centery - image.get_height() // 2
        blit_clipped(surface, image, (inner.left - shift, y), inner)
        if self.focused and self.enabled:
            x = inner.left + caret_x - shift
            pygame.draw.line(surface, palette.ink, (x, box.top + 10), (x, box.bottom - 11), 2)
        note, colour = (self.error, palette.alarm) if self.error else (self.note, palette.ink_soft)
        if note:
            role = TextRole.CAPTION
            text = ctx.text(role, fit_text(ctx, role, note, self.rect.width), colour)
            surface.blit(text, (self.rect.left, box.bottom + theme.UNIT // 2))
        if self.focused:
            draw_focus_ring(surface, ctx, box)


# --- Text --------------------------------------------------------------------------------------


@attrs.define(kw_only=True, eq=False)
class TextBlock(Widget):
    """Word-wrapped text filling its rectangle's width (and clipped to its height)."""

    text: str
    role: TextRole = TextRole.BODY
    colour: PaletteColour = _ink
    align: Align = Align.LEFT

    def measure(self, ctx: UiContext, width: int | None = None) -> int:
        """Height the text needs at ``width`` (default: the block's own width)."""
        wrap = self.rect.width if width is None else width
        return self.render(ctx, wrap).get_height()

    def render(self, ctx: UiContext, width: int) -> pygame.Surface:
        """The wrapped text as a surface."""
        return ctx.text(
            self.role, self.text, self.colour(ctx.palette), wrap=max(width, 1), align=self.align
        )

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        image = self.render(ctx, self.rect.width)
        x = self.rect.left
        if self.align is Align.CENTER:
            x = self.rect.centerx - image.get_width() // 2
        elif self.align is Align.RIGHT:
            x = self.rect.right - image.get_width()
        blit_clipped(surface, image, (x, self.rect.top), self.rect)


def paragraph_height(ctx: UiContext, text: str, width: int, role: TextRole = TextRole.BODY) -> int:
    """Height :func:`draw_paragraph` will take for ``text`` at ``width``."""
    return _paragraph_surface(ctx, text, width, role, ctx.palette.ink).get_height()


def draw_paragraph(
    surface: pygame.Surface,
    ctx: UiContext,
    text: str,
    topleft: tuple[int, int],
    width: int,
    *,
    role: TextRole = TextRole.BODY,
    colour: Colour | None = None,
) -> int:
    """Draw one paragraph (a leading '- ' makes it a bullet); return its height."""
    image = _paragraph_surface(ctx, text, width, role, colour or ctx.palette.ink)
    x, y = topleft
    if text.startswith("- "):
        dot_y = y + ctx.line_height(role) // 2
        pygame.draw.aacircle(surface, ctx.palette.ink_soft, (x + 5, dot_y), 3)
        x += 3 * theme.UNIT
    surface.blit(image, (x, y))
    return image.get_height()


def _paragraph_surface(
    ctx: UiContext, text: str, width: int, role: TextRole, colour: Colour
) -> pygame.Surface:
    if text.startswith("- "):
        return ctx.text(role, text[2:], colour, wrap=max(width - 3 * theme.UNIT, 1))
    return ctx.text(role, text, colour, wrap=max(width, 1))


# --- Log ---------------------------------------------------------------------------------------


@attrs.frozen
class LogEntry:
    """One line of the summit log."""

    text: str
    label: str = ""
    """Small heading above the text, e.g. 'Round 2 · Dinner'."""
    tone: Tone = Tone.NEUTRAL


@attrs.define(kw_only=True, eq=False)
class LogPanel(Control):
    """A scrollable list of entries: wheel, arrows, PgUp/PgDn, Home/End; follows new entries."""

    title: str = "Log"
    entries: list[LogEntry] = attrs.field(factory=list)
    offset: float = 0.0
    target: float = 0.0
    follow: bool = True
    """Stay scrolled to the newest entry while the player has not scrolled up."""
    compact: bool = False
    """Tighter spacing, for a log that shares a column with other panels."""
    _cache_key: tuple[object, ...] | None = attrs.field(default=None, init=False)
    _entry_heights: list[int] = attrs.field(factory=list, init=False)
    _view_height: int = attrs.field(default=0, init=False)

    def append(self, entry: LogEntry) -> None:
        """Add an entry; the view follows it if it was at the bottom."""
        self.entries.append(entry)
        if self.follow:
            self.target = math.inf

    @property
    def _gap(self) -> int:
        """Space between entries, and around the panel's title."""
        return theme.UNIT if self.compact else 2 * theme.UNIT

    def body_rect(self, ctx: UiContext) -> pygame.Rect:
        """The scrolling area below the panel title."""
        head = ctx.line_height(TextRole.KICKER) + (
            2 * theme.UNIT if self.compact else 3 * theme.UNIT
        )
        return pygame.Rect(
            self.rect.left + 2 * theme.UNIT,
            self.rect.top + head,
            self.rect.width - 5 * theme.UNIT,
            self.rect.height - head - self._gap,
        )

    def measure(self, ctx: UiContext) -> None:
        """Measure the entries at the panel's current size, so scrolling can be worked out
        before the next draw (e.g. to open a log scrolled to its newest entry)."""
        body = self.body_rect(ctx)
        self._measure(ctx, body.width, body.height)

    def scroll_to_end(self, *, animate: bool = True) -> None:
        """Follow the newest entry; gliding there unless ``animate`` is False."""
        self.follow = True
        self.target = self.max_scroll()
        if not animate:
            self.offset = self.target

    def max_scroll(self) -> float:
        """How far the content can scroll, as last measured when drawn."""
        return float(max(0, sum(self._entry_heights) - self._view_height))

    def scroll_by(self, dy: float) -> None:
        """Scroll by ``dy`` pixels (positive: towards newer entries)."""
        top = self.max_scroll()
        start = min(self.target, top)
        self.target = max(0.0, min(top, start + dy))
        self.follow = self.target >= top

    def scroll_page(self, pages: int) -> None:
        """Scroll by whole views (PgUp/PgDn), keeping one line of overlap for context."""
        self.scroll_by(pages * max(self._view_height - LINE_SCROLL, LINE_SCROLL))

    def on_key(self, event: pygame.event.Event) -> Handled | None:
        if event.type != pygame.KEYDOWN:
            return None
        if event.key == pygame.K_UP:
            self.scroll_by(-LINE_SCROLL)
        elif event.key == pygame.K_DOWN:
            self.scroll_by(LINE_SCROLL)
        elif event.key == pygame.K_PAGEUP:
            self.scroll_page(-1)
        elif event.key == pygame.K_PAGEDOWN:
            self.scroll_page(1)
        elif event.key == pygame.K_HOME:
            self.scroll_by(-math.inf)
        elif event.key == pygame.K_END:
            self.scroll_by(math.inf)
        else:
            return None
        return Handled()

    def on_wheel(self, dy: int) -> Handled | None:
        self.scroll_by(-dy * WHEEL_SCROLL)
        return Handled()

    def on_click(self, pos: tuple[int, int]) -> Handled:
        del pos
        return Handled()

    def update(self, dt: float) -> bool:
        target = min(self.target, self.max_scroll())
        if math.isinf(self.target):
            self.target = target
        gap = target - self.offset
        if abs(gap) < 0.5:
            self.offset = target
            return False
        self.offset += gap * (1.0 - math.exp(-dt * 3.0 / theme.SCROLL_SECONDS))
        return True

    def _measure(self, ctx: UiContext, width: int, view: int) -> list[int]:
        # Measurements are cached so input between frames can clamp scrolling; they are derived
        # from the entries and the text size, never state of their own.
        key: tuple[object, ...] = (len(self.entries), width, ctx.settings.text_size)
        if self._cache_key != key:
            self._entry_heights = [self._entry_height(ctx, entry, width) for entry in self.entries]
            self._cache_key = key
        self._view_height = view
        return self._entry_heights

    def _entry_height(self, ctx: UiContext, entry: LogEntry, width: int) -> int:
        height = ctx.text(
            TextRole.CAPTION, entry.text, ctx.palette.ink, wrap=width - 12
        ).get_height()
        if entry.label:
            height += ctx.line_height(TextRole.KICKER)
        return height + self._gap

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        pygame.draw.rect(surface, palette.surface, self.rect, border_radius=theme.RADIUS)
        pygame.draw.rect(surface, palette.rule, self.rect, width=1, border_radius=theme.RADIUS)
        title = ctx.text(TextRole.KICKER, self.title.upper(), palette.ink_soft)
        surface.blit(title, (self.rect.left + 2 * theme.UNIT, self.rect.top + self._gap - 2))
        body = self.body_rect(ctx)
        draw_rule(
            surface,
            palette.rule,
            body.left,
            self.rect.right - 2 * theme.UNIT,
            body.top - (4 if self.compact else theme.UNIT),
        )
        heights = self._measure(ctx, body.width, body.height)
        scroll = min(self.offset, float(max(0, sum(heights) - body.height)))
        previous = surface.get_clip()
        surface.set_clip(body.clip(previous))
        y = body.top - round(scroll)
        if not self.entries:
            empty = ctx.text(TextRole.CAPTION_ITALIC, "Nothing yet.", palette.ink_soft)
            surface.blit(empty, (body.left, body.top))
        for entry, height in zip(self.entries, heights, strict=True):
            if y + height >= body.top and y <= body.bottom:
                self._draw_entry(surface, ctx, entry, pygame.Rect(body.left, y, body.width, height))
            y += height
        if scroll > 0:
            # Entries scrolled half out of view fade into the top edge instead of being cut.
            _fade_edge(
                surface, pygame.Rect(body.left - 4, body.top, body.width + 8, 18), palette.surface
            )
        surface.set_clip(previous)
        total = sum(heights)
        if total > body.height:
            track = pygame.Rect(self.rect.right - 2 * theme.UNIT + 2, body.top, 4, body.height)
            pygame.draw.rect(surface, palette.sunk, track, border_radius=2)
            thumb_h = max(24, round(body.height * body.height / total))
            thumb_y = body.top + round(
                (body.height - thumb_h) * scroll / max(total - body.height, 1)
            )
            pygame.draw.rect(
                surface, palette.slate, (track.left, thumb_y, 4, thumb_h), border_radius=2
            )
        if self.focused:
            draw_focus_ring(surface, ctx, self.rect)

    def _draw_entry(
        self,
        surface: pygame.Surface,
        ctx: UiContext,
        entry: LogEntry,
        area: pygame.Rect,
    ) -> None:
        palette = ctx.palette
        bar = palette.tone(entry.tone) if entry.tone is not Tone.NEUTRAL else palette.rule
        pygame.draw.rect(surface, bar, (area.left, area.top + 2, 3, area.height - self._gap - 2))
        y = area.top
        if entry.label:
            label = ctx.text(TextRole.KICKER, entry.label.upper(), palette.ink_soft)
            surface.blit(label, (area.left + 12, y))
            y += ctx.line_height(TextRole.KICKER)
        text = ctx.text(TextRole.CAPTION, entry.text, palette.ink, wrap=area.width - 12)
        surface.blit(text, (area.left + 12, y))


# --- Meter -------------------------------------------------------------------------------------


def ease_out_cubic(t: float) -> float:
    """Fast start, gentle landing: how a needle settles."""
    t = max(0.0, min(1.0, t))
    return 1.0 - (1.0 - t) ** 3


@attrs.define(kw_only=True, eq=False)
class Meter(Widget):
    """A bounded value as a labelled bar that glides to each new value.

    ``hero`` draws it large (the trust meter); otherwise it is a compact row. ``marker`` puts a
    tick on the bar, e.g. the trust an offer needs.
    """

    label: str
    value: int
    lo: int = 0
    hi: int = 100
    higher_is_better: bool = True
    alarm_at: int | None = None
    """The value at and beyond which (on the bad side) the bar turns to the alarm colour."""
    marker: int | None = None
    marker_label: str = ""
    hero: bool = False
    shown: float = attrs.field(default=math.nan)
    last_delta: int = 0
    _start: float = attrs.field(default=0.0, init=False)
    _elapsed: float = attrs.field(default=0.0, init=False)

    def __attrs_post_init__(self) -> None:
        self.value = self._clamp(self.value)
        if math.isnan(self.shown):
            self.shown = float(self.value)
        self._elapsed = theme.METER_SECONDS

    def _clamp(self, value: int) -> int:
        return max(self.lo, min(self.hi, value))

    def set_value(self, value: int) -> None:
        """Move to ``value`` (clamped), remembering the change to show it."""
        value = self._clamp(value)
        if value == self.value:
            return
        self.last_delta = value - self.value
        self.value = value
        self._start = self.shown
        self._elapsed = 0.0

    def animate_from(self, value: float) -> None:
        """Glide again to the current value from ``value`` (a replay; the value is unchanged)."""
        self.shown = float(value)
        self._start = self.shown
        self._elapsed = 0.0

    @property
    def is_alarming(self) -> bool:
        """True when the value is on the bad side of ``alarm_at``."""
        if self.alarm_at is None:
            return False
        return self.value <= self.alarm_at if self.higher_is_better else self.value >= self.alarm_at

    @property
    def is_moving(self) -> bool:
        """True while the bar is still gliding."""
        return self.shown != self.value

    def update(self, dt: float) -> bool:
        if not self.is_moving:
            return False
        self._elapsed += dt
        progress = self._elapsed / theme.METER_SECONDS
        if progress >= 1.0:
            self.shown = float(self.value)
            return False
        self.shown = self._start + (self.value - self._start) * ease_out_cubic(progress)
        return True

    def fraction(self, value: float) -> float:
        """Where ``value`` sits between the bounds, 0-1."""
        return (value - self.lo) / max(self.hi - self.lo, 1)

    def delta_tone(self) -> Tone:
        """Whether the last change was good or bad news."""
        if self.last_delta == 0:
            return Tone.NEUTRAL
        good = (self.last_delta > 0) == self.higher_is_better
        return Tone.POSITIVE if good else Tone.ALARM

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        if self.hero:
            self._draw_hero(surface, ctx)
        else:
            self._draw_compact(surface, ctx)

    def _bar(self, surface: pygame.Surface, ctx: UiContext, rect: pygame.Rect) -> None:
        palette = ctx.palette
        radius = rect.height // 2
        pygame.draw.rect(surface, palette.sunk, rect, border_radius=radius)
        fill_colour = (
            palette.alarm if self.is_alarming else (palette.navy if self.hero else palette.slate)
        )
        width = round(rect.width * self.fraction(self.shown))
        if width > 0:
            pygame.draw.rect(
                surface,
                fill_colour,
                (rect.left, rect.top, max(width, rect.height), rect.height),
                border_radius=radius,
            )
        if self.marker is not None:
            mx = rect.left + round(rect.width * self.fraction(self.marker))
            pygame.draw.line(surface, palette.ink, (mx, rect.top - 6), (mx, rect.bottom + 5), 2)

    def _delta(
        self, surface: pygame.Surface, ctx: UiContext, midleft: tuple[int, int], role: TextRole
    ) -> None:
        if self.last_delta == 0:
            return
        colour = ctx.palette.tone(self.delta_tone())
        x, y = midleft
        draw_triangle(surface, colour, (x + 5, y), up=self.last_delta > 0)
        text = ctx.text(role, str(abs(self.last_delta)), colour)
        surface.blit(text, text.get_rect(midleft=(x + 14, y)))

    def _draw_hero(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        label = ctx.text(TextRole.KICKER, self.label.upper(), palette.ink_soft)
        surface.blit(label, rect.topleft)
        figure_colour = palette.alarm if self.is_alarming else palette.ink
        figure = ctx.text(TextRole.FIGURE, str(round(self.shown)), figure_colour)
        fy = rect.top + label.get_height() + theme.UNIT // 2
        surface.blit(figure, (rect.left - 2, fy))
        of = ctx.text(TextRole.CAPTION, f"of {self.hi}", palette.ink_soft)
        baseline = fy + ctx.font(TextRole.FIGURE).get_ascent()
        of_top = baseline - ctx.font(TextRole.CAPTION).get_ascent()
        surface.blit(of, (rect.left + figure.get_width() + theme.UNIT, of_top))
        self._delta(
            surface, ctx, (rect.left + figure.get_width() + theme.UNIT, fy + 22), TextRole.LABEL
        )
        bar = pygame.Rect(rect.left, rect.bottom - 14, rect.width, 14)
        self._bar(surface, ctx, bar)
        if self.marker is not None and self.marker_label:
            mx = bar.left + round(bar.width * self.fraction(self.marker))
            note = ctx.text(TextRole.CAPTION, self.marker_label, palette.ink)
            note_rect = note.get_rect(bottomleft=(mx + 6, bar.top - 6))
            if note_rect.right > rect.right:
                note_rect.bottomright = (mx - 6, bar.top - 6)
            surface.blit(note, note_rect)

    def _draw_compact(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        figure_colour = palette.alarm if self.is_alarming else palette.ink
        figure = ctx.text(TextRole.FIGURE_SMALL, str(round(self.shown)), figure_colour)
        figure_rect = figure.get_rect(topright=(rect.right, rect.top - 3))
        surface.blit(figure, figure_rect)
        label_room = figure_rect.left - theme.UNIT - rect.left
        if self.last_delta:
            delta_w = ctx.text_width(TextRole.CAPTION, str(abs(self.last_delta))) + 14
            delta_x = figure_rect.left - delta_w - theme.UNIT
            self._delta(surface, ctx, (delta_x, figure_rect.centery + 1), TextRole.CAPTION)
            label_room = delta_x - theme.UNIT - rect.left
        text = fit_text(ctx, TextRole.LABEL, self.label, label_room)
        surface.blit(ctx.text(TextRole.LABEL, text, palette.ink), rect.topleft)
        bar = pygame.Rect(rect.left, rect.bottom - 8, rect.width, 8)
        self._bar(surface, ctx, bar)


# --- Speech ------------------------------------------------------------------------------------


class Tail(enum.Enum):
    """Which edge of a speech bubble the pointer leaves from."""

    LEFT = "left"
    RIGHT = "right"
    BOTTOM = "bottom"
    TOP = "top"


@attrs.define(kw_only=True, eq=False)
class SpeechBubble(Widget):
    """What the other side says, and underneath it why (the engine's explanation)."""

    speaker: str
    text: str
    why: str = ""
    tone: Tone = Tone.NEUTRAL
    tail: Tail = Tail.BOTTOM
    tail_at: float = 0.5
    """Position of the pointer along its edge, 0-1."""

    def measure(self, ctx: UiContext, width: int | None = None) -> int:
        """Height the bubble needs at ``width``."""
        inner = (self.rect.width if width is None else width) - 6 * theme.UNIT
        height = 2 * 2 * theme.UNIT + ctx.line_height(TextRole.KICKER) + theme.UNIT
        height += ctx.text(TextRole.BODY, self.text, (0, 0, 0), wrap=inner).get_height()
        if self.why:
            height += (
                theme.UNIT
                + ctx.text(TextRole.CAPTION_ITALIC, self.why, (0, 0, 0), wrap=inner).get_height()
            )
        return height

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        accent = palette.tone(self.tone) if self.tone is not Tone.NEUTRAL else palette.navy
        pygame.draw.rect(surface, palette.surface, rect, border_radius=theme.RADIUS * 2)
        pygame.draw.rect(surface, palette.rule, rect, width=1, border_radius=theme.RADIUS * 2)
        self._draw_tail(surface, palette, accent)
        pygame.draw.rect(
            surface,
            accent,
            (
                rect.left + 2 * theme.UNIT,
                rect.top + 2 * theme.UNIT,
                4,
                rect.height - 4 * theme.UNIT,
            ),
            border_radius=2,
        )
        x = rect.left + 2 * theme.UNIT + 4 + 2 * theme.UNIT
        inner = rect.right - 2 * theme.UNIT - x
        y = rect.top + 2 * theme.UNIT
        speaker = ctx.text(TextRole.KICKER, self.speaker.upper(), accent)
        surface.blit(speaker, (x, y))
        y += ctx.line_height(TextRole.KICKER) + theme.UNIT
        body = ctx.text(TextRole.BODY, self.text, palette.ink, wrap=inner)
        blit_clipped(surface, body, (x, y), rect)
        y += body.get_height()
        if self.why:
            why = ctx.text(TextRole.CAPTION_ITALIC, self.why, palette.ink_soft, wrap=inner)
            blit_clipped(surface, why, (x, y + theme.UNIT), rect)

    def _draw_tail(self, surface: pygame.Surface, palette: Palette, accent: Colour) -> None:
        del accent
        rect = self.rect
        size = 14
        if self.tail in (Tail.BOTTOM, Tail.TOP):
            x = rect.left + round(rect.width * self.tail_at)
            x = max(rect.left + 24, min(rect.right - 24, x))
            edge = rect.bottom - 1 if self.tail is Tail.BOTTOM else rect.top
            tip = edge + size if self.tail is Tail.BOTTOM else edge - size
            points = [(x - size, edge), (x + size, edge), (x, tip)]
            seam = ((x - size + 1, edge), (x + size - 1, edge))
        else:
            y = rect.top + round(rect.height * self.tail_at)
            y = max(rect.top + 24, min(rect.bottom - 24, y))
            edge = rect.left if self.tail is Tail.LEFT else rect.right - 1
            tip = edge - size if self.tail is Tail.LEFT else edge + size
            points = [(edge, y - size), (edge, y + size), (tip, y)]
            seam = ((edge, y - size + 1), (edge, y + size - 1))
        pygame.draw.polygon(surface, palette.surface, points)
        pygame.draw.line(surface, palette.rule, points[0], points[2])
        pygame.draw.line(surface, palette.rule, points[1], points[2])
        pygame.draw.line(surface, palette.surface, *seam, 2)
