"""The adviser's note on the table: a kicker, the hint, and a dismiss control (X)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.ui.hints import Hint
from game.ui.screen import Action
from game.ui.widgets.base import Control, Handled, Shortcut
from game.ui.widgets.drawing import draw_focus_ring, fit_lines, fit_text

ADVISER: Final = "Your adviser"
DISMISS_KEY: Final = Shortcut(pygame.K_x, "X")
NOTE_PAD: Final = 12


@attrs.define(kw_only=True, eq=False)
class AdviserNote(Control):
    """The note on screen: a kicker, the hint, and a dismiss control (X)."""

    hint: Hint | None = None
    on_dismiss: Callable[[str], None] | None = None
    pad_y: int = NOTE_PAD
    """Inner margin above and below the text (the table tightens it when short of room)."""

    def __attrs_post_init__(self) -> None:
        self.shortcut = DISMISS_KEY

    def activate(self) -> Action | None:
        if self.hint is not None and self.on_dismiss is not None:
            self.on_dismiss(self.hint.key)
        return None

    def on_click(self, pos: tuple[int, int]) -> Handled:
        del pos
        return Handled(self.activate())

    def height_for(self, ctx: UiContext, width: int, lines: int | None = None) -> int:
        """Height needed to show the hint at ``width``: whole, or cut to ``lines`` lines."""
        if self.hint is None:
            return 0
        inner = width - 2 * NOTE_PAD - 6
        body = ctx.text(TextRole.CAPTION, self.hint.text, ctx.palette.ink, wrap=inner).get_height()
        if lines is not None:
            body = min(body, lines * ctx.line_height(TextRole.CAPTION))
        return 2 * self.pad_y + ctx.line_height(TextRole.KICKER) + theme.UNIT // 2 + body

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        if self.hint is None:
            return
        palette = ctx.palette
        rect = self.rect
        pygame.draw.rect(surface, palette.navy, rect, border_radius=theme.RADIUS)
        pygame.draw.rect(
            surface,
            palette.focus,
            (rect.left, rect.top + theme.UNIT, 4, rect.height - 2 * theme.UNIT),
            border_radius=2,
        )
        x = rect.left + NOTE_PAD + 6
        y = rect.top + self.pad_y
        topic = self.hint.topic
        heading = (ADVISER + (f" on {topic}" if topic else "")).upper()
        # The heading and the close button share one line: where both do not fit (large
        # text), the button says only X, then the heading drops "your" and "your adviser on"
        # ("YOUR ADVISER ON DOMESTIC..." hid the topic, a play-tester), and is cut last of all.
        shorter = (f"adviser on {topic}", topic) if topic else ()
        tries = [(heading, "DISMISS  X"), (heading, "X"), *((h.upper(), "X") for h in shorter)]
        for heading, label in tries:
            close = ctx.text(TextRole.KICKER, label, palette.on_navy)
            close_rect = close.get_rect(topright=(rect.right - NOTE_PAD, y))
            room = close_rect.left - 2 * theme.UNIT - x
            if ctx.text_width(TextRole.KICKER, heading) <= room:
                break
        kicker = ctx.text(
            TextRole.KICKER, fit_text(ctx, TextRole.KICKER, heading, room), palette.on_navy_soft
        )
        surface.blit(kicker, (x, y))
        if self.hovered or self.focused:
            pygame.draw.rect(
                surface,
                palette.navy_deep,
                close_rect.inflate(12, 8),
                border_radius=theme.RADIUS_SMALL,
            )
        surface.blit(close, close_rect)
        y += ctx.line_height(TextRole.KICKER) + theme.UNIT // 2
        inner = rect.right - NOTE_PAD - x
        text = fit_lines(ctx, TextRole.CAPTION, self.hint.text, inner, rect.bottom - self.pad_y - y)
        body = ctx.text(TextRole.CAPTION, text, palette.on_navy, wrap=inner)
        surface.blit(body, (x, y))
        if self.focused:
            draw_focus_ring(surface, ctx, rect)
