"""The title screen: the summit table drawn in code beside the main menu (its entries come from
the flow)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.ui import art
from game.ui.screen import MenuEntry, Open, confirm_quit
from game.ui.widgets.base import FocusGroup
from game.ui.widgets.buttons import MENU_DETAIL_LINES, menu_items
from game.ui.widgets.drawing import draw_rule
from game.ui.widgets.page import FocusScreen, draw_key_hints

PANEL_COLUMNS: Final = 7
"""The navy art panel covers the first seven columns and bleeds off the left edge."""
ART_COLUMNS: Final = 6
MENU_LEFT: Final = theme.column_x(PANEL_COLUMNS) + theme.GUTTER
"""Where the menu's text starts, at every text size and whatever its entries say: beside the
navy panel, with room for an autosave's description on one line. (The menu moved here only
when an entry's detail did not fit on its column, so it jumped with the length of the Continue
line.)"""
MENU_ROW: Final = 60
HEADER_RULE_Y: Final = theme.MARGIN_Y + 36
FOOTER_RULE_Y: Final = theme.CONTENT_BOTTOM - 36
KICKER: Final = "Hanoi \u00b7 27\u201328 February 2019"
SUBTITLE: Final = "You lead the U.S. delegation. The table is set; the trust is not."


class TitleScreen(FocusScreen):
    """Title art on the left, the menu on the right; Esc asks before quitting."""

    def __init__(self, ctx: UiContext, citation: str, entries: Sequence[MenuEntry]) -> None:
        self.ctx = ctx
        self.citation = citation
        """The essay the game is built on, cited under the seating plan."""
        self.escape = Open(confirm_quit())
        self.items = menu_items(entries)
        first_enabled = next((i for i, item in enumerate(self.items) if item.enabled), 0)
        self.focus = FocusGroup(list(self.items), index=first_enabled)
        self.layout()

    def layout(self) -> None:
        for item in self.items:
            item.detail_lines = MENU_DETAIL_LINES
        left = MENU_LEFT - 2 * theme.UNIT
        width = theme.column_x(theme.COLUMNS) - MENU_LEFT + 2 * theme.UNIT
        pitch = self.row_pitch(width)
        top = self.menu_top(pitch)
        for i, item in enumerate(self.items):
            item.rect = pygame.Rect(left, top + i * pitch, width, pitch - theme.UNIT)

    def row_pitch(self, width: int) -> int:
        """Rows as tall as the tallest entry needs (a detail wrapped at a large text size),
        and never shorter than the usual pitch, nor so tall the menu leaves its rules: where
        two lines of detail do not fit, each detail is cut to one line, never clipped."""
        space = FOOTER_RULE_Y - HEADER_RULE_Y - theme.UNIT
        most = space // max(len(self.items), 1)
        needed = max((item.height_for(self.ctx, width) for item in self.items), default=0)
        if needed + theme.UNIT > most:
            for item in self.items:
                item.detail_lines = 1
            needed = max(item.height_for(self.ctx, width) for item in self.items)
        return max(MENU_ROW, min(needed + theme.UNIT, most))

    def menu_top(self, pitch: int = MENU_ROW) -> int:
        """First menu row, centred between the header rule and the footer rule."""
        space = FOOTER_RULE_Y - HEADER_RULE_Y - theme.UNIT
        return HEADER_RULE_Y + theme.UNIT + max(0, (space - len(self.items) * pitch) // 2)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        self.layout()
        surface.fill(palette.paper)
        self._draw_panel(surface)
        kicker = ctx.text(TextRole.KICKER, "MAIN MENU", palette.ink_soft)
        surface.blit(kicker, (MENU_LEFT, theme.MARGIN_Y + 8))
        right = theme.column_x(theme.COLUMNS)
        draw_rule(surface, palette.rule, MENU_LEFT, right, HEADER_RULE_Y)
        self.focus.draw(surface, ctx)
        draw_rule(surface, palette.rule, MENU_LEFT, right, FOOTER_RULE_Y)
        draw_key_hints(
            surface,
            ctx,
            "\u2191\u2193 move \u00b7 Enter choose \u00b7 Esc quit",
            (MENU_LEFT, theme.CONTENT_BOTTOM),
        )

    def _draw_panel(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        panel_right = theme.column_x(PANEL_COLUMNS) - theme.GUTTER
        pygame.draw.rect(surface, palette.navy, (0, 0, panel_right, theme.LOGICAL_HEIGHT))
        left = theme.MARGIN_X
        width = theme.span(ART_COLUMNS)
        y = theme.MARGIN_Y + 8
        kicker = ctx.text(TextRole.KICKER, KICKER.upper(), palette.on_navy_soft)
        surface.blit(kicker, (left, y))
        y += kicker.get_height() + 2 * theme.UNIT
        title = ctx.text(TextRole.DISPLAY, "Hanoi Summit", palette.on_navy)
        surface.blit(title, (left - 4, y))
        y += title.get_height() + theme.UNIT
        subtitle = ctx.text(TextRole.LEAD, SUBTITLE, palette.on_navy_soft, wrap=width)
        surface.blit(subtitle, (left, y))

        plan_height = 232
        plan_top = 328
        plan = art.seating_plan(width, plan_height, palette)
        surface.blit(plan, (left, plan_top))
        flag_h = 20
        for flag, name, y_flag in (
            (art.dprk_flag(flag_h), "DPRK DELEGATION", plan_top - flag_h - theme.UNIT),
            (art.us_flag(flag_h), "U.S. DELEGATION", plan_top + plan_height + theme.UNIT),
        ):
            rect = art.draw_flag(surface, flag, (left, y_flag), palette)
            label = ctx.text(TextRole.KICKER, name, palette.on_navy_soft)
            surface.blit(label, label.get_rect(midleft=(rect.right + 12, rect.centery)))

        citation = ctx.text(TextRole.CAPTION, self.citation, palette.on_navy_soft, wrap=width)
        surface.blit(citation, citation.get_rect(bottomleft=(left, theme.CONTENT_BOTTOM + 4)))
