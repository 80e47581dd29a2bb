"""A modal dialog drawn over the screen below it: a question and a row of choices, as the
:class:`~game.ui.screen.Dialog` it is opened with describes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.ui.screen import Dialog
from game.ui.widgets.base import FocusGroup, does, shortcuts
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.drawing import draw_modal_frame, draw_paragraph, paragraph_height
from game.ui.widgets.page import ModalScreen, place_buttons_right

if TYPE_CHECKING:
    from game.engine import Move

DIALOG_COLUMNS = 6


class DialogScreen(ModalScreen):
    """A question with buttons; Esc (or a click outside) cancels, number keys pick a choice."""

    def __init__(self, ctx: UiContext, dialog: Dialog) -> None:
        self.ctx = ctx
        self.dialog = dialog
        self.title = dialog.title
        self.body = dialog.body
        self.kicker = dialog.kicker
        self.escape = dialog.cancel
        keys = shortcuts(len(dialog.choices))
        self.buttons = [
            Button(
                label=choice.label,
                kind=ButtonKind.PRIMARY if choice.primary else ButtonKind.SECONDARY,
                on_activate=does(choice.action),
                shortcut=key,
                hint=key.label,
            )
            for choice, key in zip(dialog.choices, keys, strict=True)
        ]
        start = len(self.buttons) - 1 if dialog.default is None else dialog.default
        self.focus = FocusGroup(list(self.buttons), index=start)
        self.frame = pygame.Rect(0, 0, theme.span(DIALOG_COLUMNS), 0)

    def key_for(self, move: Move | None) -> int | None:
        """The primary choice's key: a confirmation goes ahead, a message is closed. Once the
        summit is over (no move to make) a dialog is the watcher's own, and left to them (the
        export's confirmation closed at once, and four presses wrote four files)."""
        if move is None:
            return None
        primary = [
            button
            for button, choice in zip(self.buttons, self.dialog.choices, strict=True)
            if choice.primary
        ]
        chosen = primary[0] if primary else self.buttons[-1]
        return None if chosen.shortcut is None else chosen.shortcut.key

    def layout(self) -> pygame.Rect:
        """Size the panel to its text and centre it; return the panel."""
        ctx = self.ctx
        pad = 4 * theme.UNIT
        width = self.frame.width - 2 * pad
        head = theme.UNIT + 3 * theme.UNIT
        if self.kicker:
            head += ctx.line_height(TextRole.KICKER) + theme.UNIT
        head += ctx.text(TextRole.HEADING, self.title, ctx.palette.ink, wrap=width).get_height()
        head += 4 * theme.UNIT + 1
        body = sum(paragraph_height(ctx, text, width) + 2 * theme.UNIT for text in self.body)
        height = head + body + theme.CONTROL_HEIGHT + 2 * theme.UNIT + pad
        frame = pygame.Rect(0, 0, self.frame.width, height)
        frame.center = (theme.LOGICAL_WIDTH // 2, theme.LOGICAL_HEIGHT // 2)
        place_buttons_right(self.buttons, ctx, frame.right - pad, frame.bottom - pad)
        self.frame = frame
        return frame

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        frame = self.layout()
        content = draw_modal_frame(surface, ctx, frame, self.title, self.kicker)
        y = content.top
        for text in self.body:
            y += (
                draw_paragraph(surface, ctx, text, (content.left, y), content.width)
                + 2 * theme.UNIT
            )
        self.focus.draw(surface, ctx)
