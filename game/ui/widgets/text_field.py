"""A one-line text field with a label, a placeholder, a note and an error."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.ui.screen import Action
from game.ui.widgets.base import BLOCKING_MODS, Control, Handled
from game.ui.widgets.drawing import blit_clipped, draw_focus_ring, fit_lines


def _clipboard() -> str:
    """The text on the system's clipboard, or ``""`` when there is none (or no clipboard)."""
    try:
        return pygame.scrap.get_text() or ""
    except (pygame.error, AttributeError):
        return ""


@attrs.define(kw_only=True, eq=False)
class TextField(Control):
    """A one-line text entry: label above, the box below, and a note (or an error) under it.

    Typing arrives as TEXTINPUT events; the keys that also type (letters, digits, space) are
    swallowed as KEYDOWNs so they never trigger a shortcut while the field has focus. Enter
    activates (``on_activate``), Tab and Up/Down leave the field. Ctrl+A selects the whole
    text, which typing, pasting (Ctrl+V) or deleting then replaces. The note (or the error)
    under the box wraps to a second line rather than being cut.
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
    selected: bool = False
    """The whole text is selected (Ctrl+A): what is typed next replaces it."""

    BOX_HEIGHT: ClassVar[int] = 44
    NOTE_LINES: ClassVar[int] = 2

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
            + self.NOTE_LINES * ctx.line_height(TextRole.CAPTION)
        )

    def set_text(self, text: str) -> None:
        """Replace the text and put the caret at its end."""
        self.text = text[: self.max_length]
        self.cursor = len(self.text)
        self.selected = False

    def on_text(self, text: str) -> Handled | None:
        if not self.enabled:
            return Handled()
        typed = "".join(
            c for c in text if c.isprintable() and (self.allowed is None or self.allowed(c))
        )
        if typed and self.selected:
            self.set_text("")
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
        command = event.mod & pygame.KMOD_CTRL or event.mod & pygame.KMOD_META
        if command and key == pygame.K_a:
            self.selected = bool(self.text)
            self.cursor = len(self.text)
            return Handled()
        if command and key == pygame.K_v:
            return self.on_text(_clipboard())
        if self.selected and key in (pygame.K_BACKSPACE, pygame.K_DELETE):
            self.set_text("")
            return Handled()
        if key not in (pygame.K_LSHIFT, pygame.K_RSHIFT, pygame.K_LCTRL, pygame.K_RCTRL):
            # Anything else (an arrow, Home, End) leaves the selection.
            self.selected = False
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
        self.selected = False
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
        if self.selected and self.text and self.focused:
            marked = pygame.Rect(inner.left - shift, y, image.get_width(), image.get_height())
            pygame.draw.rect(surface, palette.rule, marked.clip(inner), border_radius=2)
        blit_clipped(surface, image, (inner.left - shift, y), inner)
        if self.focused and self.enabled:
            # In an empty field the caret stands just before the placeholder, not on its first
            # letter.
            x = inner.left + caret_x - shift - (0 if self.text else 4)
            pygame.draw.line(surface, palette.ink, (x, box.top + 10), (x, box.bottom - 11), 2)
        note, colour = (self.error, palette.alarm) if self.error else (self.note, palette.ink_soft)
        if not self.error and self.focused and len(self.text) >= self.max_length:
            # Typing on would do nothing: say why (a play-tester's save name was cut unseen).
            note = f"Full: {self.max_length} characters at most."
        if note:
            role = TextRole.CAPTION
            room = self.NOTE_LINES * ctx.line_height(role)
            shown = fit_lines(ctx, role, note, self.rect.width, room)
            text = ctx.text(role, shown, colour, wrap=self.rect.width)
            surface.blit(text, (self.rect.left, box.bottom + theme.UNIT // 2))
        if self.focused:
            draw_focus_ring(surface, ctx, box)
