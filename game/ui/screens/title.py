"""The title screen: the summit table drawn in code beside the main menu."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Final

import attrs
import pygame

from game.ui import art, theme
from game.ui.context import UiContext
from game.ui.screen import Action, Pop, Push, Quit
from game.ui.screens.common import draw_key_hints
from game.ui.screens.dialog import Choice, DialogScreen
from game.ui.texts import BRIEFING, CITATION, HOW_TO_PLAY
from game.ui.theme import TextRole
from game.ui.widgets import ActionFn, ButtonKind, FocusGroup, MenuItem, draw_rule, shortcuts

PANEL_COLUMNS: Final = 7
"""The navy art panel covers the first seven columns and bleeds off the left edge."""
ART_COLUMNS: Final = 6
MENU_FIRST_COLUMN: Final = 8
MENU_COLUMNS: Final = 4
MENU_ROW: Final = 60
HEADER_RULE_Y: Final = theme.MARGIN_Y + 36
FOOTER_RULE_Y: Final = theme.CONTENT_BOTTOM - 36
KICKER: Final = "Hanoi \u00b7 27\u201328 February 2019"
SUBTITLE: Final = "You lead the U.S. delegation. The table is set; the trust is not."


@attrs.frozen
class MenuEntry:
    """One line of the main menu; ``action`` None means unavailable, and ``reason`` says why."""

    label: str
    action: ActionFn | None = None
    detail: str = ""
    reason: str = ""


class TitleScreen:
    """Title art on the left, the menu on the right; Esc asks before quitting."""

    is_overlay: ClassVar[bool] = False

    def __init__(self, ctx: UiContext, entries: Sequence[MenuEntry]) -> None:
        self.ctx = ctx
        keys = shortcuts(len(entries))
        self.items = [
            MenuItem(
                label=entry.label,
                detail=entry.detail,
                reason=entry.reason,
                enabled=entry.action is not None,
                on_activate=entry.action,
                shortcut=key,
            )
            for entry, key in zip(entries, keys, strict=True)
        ]
        first_enabled = next((i for i, item in enumerate(self.items) if item.enabled), 0)
        self.focus = FocusGroup(list(self.items), index=first_enabled)
        self._layout()

    def _layout(self) -> None:
        left = theme.column_x(MENU_FIRST_COLUMN) - 2 * theme.UNIT
        width = theme.span(MENU_COLUMNS) + 2 * theme.UNIT
        top = self.menu_top()
        for i, item in enumerate(self.items):
            item.rect = pygame.Rect(left, top + i * MENU_ROW, width, MENU_ROW - theme.UNIT)

    def menu_top(self) -> int:
        """First menu row, centred between the header rule and the footer rule."""
        space = FOOTER_RULE_Y - HEADER_RULE_Y - theme.UNIT
        return HEADER_RULE_Y + theme.UNIT + max(0, (space - len(self.items) * MENU_ROW) // 2)

    def on_event(self, event: pygame.event.Event) -> Action | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Push(confirm_quit(self.ctx))
        handled = self.focus.handle(event, self.ctx)
        return None if handled is None else handled.action

    def update(self, dt: float) -> bool:
        return self.focus.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        surface.fill(palette.paper)
        self._draw_panel(surface)
        menu_left = theme.column_x(MENU_FIRST_COLUMN)
        kicker = ctx.text(TextRole.KICKER, "MAIN MENU", palette.ink_soft)
        surface.blit(kicker, (menu_left, theme.MARGIN_Y + 8))
        right = theme.column_x(theme.COLUMNS)
        draw_rule(surface, palette.rule, menu_left, right, HEADER_RULE_Y)
        self.focus.draw(surface, ctx)
        draw_rule(surface, palette.rule, menu_left, right, FOOTER_RULE_Y)
        draw_key_hints(
            surface,
            ctx,
            "\u2191\u2193 move \u00b7 Enter choose \u00b7 Esc quit",
            (menu_left, theme.CONTENT_BOTTOM),
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

        citation = ctx.text(TextRole.CAPTION, CITATION, palette.on_navy_soft, wrap=width)
        surface.blit(citation, citation.get_rect(bottomleft=(left, theme.CONTENT_BOTTOM + 4)))


def confirm_quit(ctx: UiContext) -> DialogScreen:
    """'Leave the summit?' with Stay and Quit."""
    return DialogScreen(
        ctx,
        "Leave the summit?",
        ("Your settings are saved. A game in progress is kept as its autosave.",),
        (Choice("Stay", Pop), Choice("Quit", Quit, ButtonKind.PRIMARY)),
        default=0,
    )


def default_title(ctx: UiContext) -> TitleScreen:
    """The title screen as it stands before the engine is wired in."""
    from game.ui.screens.settings_screen import SettingsScreen
    from game.ui.screens.text_pages import TextPagesScreen

    def briefing() -> Action:
        return Push(
            TextPagesScreen(ctx, "Briefing", BRIEFING, kicker="Before the talks", done_label="Done")
        )

    def settings() -> Action:
        return Push(SettingsScreen(ctx))

    def how_to_play() -> Action:
        return Push(TextPagesScreen(ctx, "How to play", HOW_TO_PLAY, kicker="Help"))

    def leave() -> Action:
        return Push(confirm_quit(ctx))

    return TitleScreen(
        ctx,
        (
            MenuEntry("New game", briefing, detail="Start with the briefing"),
            MenuEntry("Continue", reason="No autosave yet"),
            MenuEntry("Load", reason="No saved games yet"),
            MenuEntry("Scenario", reason="Only Hanoi is installed"),
            MenuEntry("Hot-seat", reason="Opens with the summit table"),
            MenuEntry("Settings", settings, detail="Text, colours, motion, sound"),
            MenuEntry("How to play", how_to_play, detail="The rules in plain words"),
            MenuEntry("Quit", leave, detail="Close the game"),
        ),
    )
