"""Buttons and menu items."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import Colour, TextRole
from game.ui.screen import MenuEntry
from game.ui.widgets.base import Control, does, shortcuts
from game.ui.widgets.drawing import blit_clipped, draw_badge, draw_focus_ring, draw_lock, fit_lines


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

    def preferred_width(self, ctx: UiContext, label: str | None = None) -> int:
        """Width that fits the label (or ``label``, one it will take) and hint with comfortable
        padding."""
        width = ctx.text_width(TextRole.LABEL, self.label if label is None else label)
        width += 6 * theme.UNIT
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


MENU_DETAIL_LINES: Final = 2
"""A menu entry's detail wraps to this many lines before it is cut."""


@attrs.define(kw_only=True, eq=False)
class MenuItem(Control):
    """A row of a menu: key badge, label, and a detail (or why it is unavailable), wrapped to
    a second line when the text is large rather than cut."""

    label: str
    detail: str = ""
    detail_lines: int = MENU_DETAIL_LINES
    """How many lines the detail may wrap to before it is cut (one where the rows are short)."""

    def _detail_room(self, width: int) -> int:
        pad = 2 * theme.UNIT
        return width - 2 * pad - 24 - 28 - 2 * theme.UNIT - (0 if self.enabled else 18)

    def _detail(self, ctx: UiContext, width: int) -> tuple[str, TextRole]:
        line = self.detail if self.enabled else self.reason
        role = TextRole.CAPTION if self.enabled else TextRole.CAPTION_ITALIC
        room = self._detail_room(width)
        lines = self.detail_lines * ctx.line_height(role)
        return (fit_lines(ctx, role, line, room, lines) if line else ""), role

    def height_for(self, ctx: UiContext, width: int) -> int:
        """The height the row needs at ``width``: its label and its detail, wrapped."""
        text, role = self._detail(ctx, width)
        detail = ctx.text(role, text, (0, 0, 0), wrap=self._detail_room(width)) if text else None
        label = ctx.line_height(TextRole.BODY_STRONG)
        return label + (detail.get_height() if detail else 0) + theme.UNIT

    def text_tops(self, ctx: UiContext) -> tuple[int, int, int]:
        """Where the label's line and the detail's start and where the detail ends: the block
        centred in the row by line heights, not by the height of the words drawn (rows of a
        menu at large text sat unevenly, "Resume" higher than "Settings": a play-tester)."""
        text, role = self._detail(ctx, self.rect.width)
        room = self._detail_room(self.rect.width)
        detail = ctx.text(role, text, (0, 0, 0), wrap=room).get_height() if text else 0
        label = ctx.line_height(TextRole.BODY_STRONG)
        block = label + round(detail / ctx.line_height(role)) * ctx.line_height(role)
        top = self.rect.centery - block // 2
        return top, top + label, top + block

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        if self.focused or self.hovered:
            pygame.draw.rect(surface, palette.surface_hover, rect, border_radius=theme.RADIUS)
        pad = 2 * theme.UNIT
        label_colour = palette.ink if self.enabled else palette.ink_faint
        label = ctx.text(TextRole.BODY_STRONG, self.label, label_colour, wrap=rect.width)
        text, role = self._detail(ctx, rect.width)
        room = self._detail_room(rect.width)
        detail = ctx.text(role, text, palette.ink_soft, wrap=room) if text else None
        top, detail_top, _ = self.text_tops(ctx)
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
                    (text_x + 6, detail_top + ctx.line_height(role) // 2 - 1),
                    11,
                )
                detail_x += 18
            blit_clipped(surface, detail, (detail_x, detail_top), rect)
        if self.focused:
            chevron = ctx.text(
                TextRole.HEADING, "\u203a", palette.ink if self.enabled else palette.ink_faint
            )
            surface.blit(chevron, chevron.get_rect(midright=(rect.right - pad, rect.centery - 2)))
            draw_focus_ring(surface, ctx, rect)


def menu_items(entries: Sequence[MenuEntry]) -> list[MenuItem]:
    """A menu item for each entry, with the key badges 1, 2, 3 ...; an entry without an action
    is shown unavailable, with its reason."""
    return [
        MenuItem(
            label=entry.label,
            detail=entry.detail,
            reason=entry.reason,
            enabled=entry.action is not None,
            on_activate=does(entry.action),
            shortcut=key,
        )
        for entry, key in zip(entries, shortcuts(len(entries)), strict=True)
    ]
