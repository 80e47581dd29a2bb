"""The title screen: the summit table drawn in code beside the main menu."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.store.saves import describe_time
from game.ui import art
from game.ui.screen import Action, Apply, Pop, Push, Quit
from game.ui.screens.common import draw_key_hints
from game.ui.screens.dialog import Choice, DialogScreen
from game.ui.session import ContinueGame
from game.ui.texts import CITATION, HOW_TO_PLAY
from game.ui.widgets import (
    ActionFn,
    ButtonKind,
    FocusGroup,
    MenuItem,
    draw_modal_frame,
    draw_rule,
    shortcuts,
)

if TYPE_CHECKING:
    from game.ui.session import Controller

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
MENU_DIALOG_COLUMNS: Final = 5
MENU_DIALOG_ROW: Final = 56


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
        return self.focus.action_for(event, self.ctx)

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


class MenuScreen:
    """A menu in a dialog over the screen below (the pause menu): Esc closes it."""

    is_overlay: ClassVar[bool] = True

    def __init__(
        self, ctx: UiContext, title: str, entries: Sequence[MenuEntry], *, kicker: str = ""
    ) -> None:
        self.ctx = ctx
        self.title = title
        self.kicker = kicker
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
        self.focus = FocusGroup(list(self.items))
        self.frame = pygame.Rect(0, 0, theme.span(MENU_DIALOG_COLUMNS), 0)
        self._layout()

    def _layout(self) -> None:
        ctx = self.ctx
        head = theme.UNIT + 3 * theme.UNIT + 4 * theme.UNIT + 1
        if self.kicker:
            head += ctx.line_height(TextRole.KICKER) + theme.UNIT
        head += ctx.text(TextRole.HEADING, self.title, ctx.palette.ink).get_height()
        row = MENU_DIALOG_ROW + (ctx.line_height(TextRole.BODY_STRONG) - 27)
        height = head + len(self.items) * row + 3 * theme.UNIT
        frame = pygame.Rect(0, 0, self.frame.width, height)
        frame.center = (theme.LOGICAL_WIDTH // 2, theme.LOGICAL_HEIGHT // 2)
        self.frame = frame
        for i, item in enumerate(self.items):
            item.rect = pygame.Rect(
                frame.left + 2 * theme.UNIT,
                frame.top + head + i * row,
                frame.width - 4 * theme.UNIT,
                row - 4,
            )

    def on_event(self, event: pygame.event.Event) -> Action | None:
        self._layout()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop()
        handled = self.focus.handle(event, self.ctx)
        if handled is not None:
            return handled.action
        if (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and not self.frame.collidepoint(event.pos)
        ):
            return Pop()
        return None

    def update(self, dt: float) -> bool:
        return self.focus.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self._layout()
        draw_modal_frame(surface, self.ctx, self.frame, self.title, self.kicker)
        self.focus.draw(surface, self.ctx)


def confirm_quit(ctx: UiContext) -> DialogScreen:
    """'Leave the summit?' with Stay and Quit."""
    return DialogScreen(
        ctx,
        "Leave the summit?",
        ("Your settings are saved. A game in progress is kept as its autosave.",),
        (Choice("Stay", Pop), Choice("Quit", Quit, ButtonKind.PRIMARY)),
        default=0,
    )


def _continue_entry(controller: Controller) -> MenuEntry:
    """Continue: the latest autosave, described; unavailable with the reason when none."""
    store = controller.store
    if not store.has_autosave():
        return MenuEntry("Continue", reason="No autosave yet")
    info = store.inspect(store.autosave_path)
    if not info.is_ok:
        info = store.inspect(store.backup_path)
    if info.is_ok:
        # Inspecting the save has just replayed it, so the engine is loaded already.
        from game.engine.describe import capitalise

        when = describe_time(info.saved_at, store.clock())
        where = f"finished: {info.ending}" if info.finished else info.round_label
        trust = f" \u00b7 trust {info.trust}" if info.trust is not None else ""
        detail = f"{capitalise(where)}{trust} \u00b7 {when}"
    else:
        detail = "The autosave is damaged: see what can be saved"
    return MenuEntry("Continue", lambda: Apply(ContinueGame()), detail=detail)


def default_title(ctx: UiContext, controller: Controller | None = None) -> TitleScreen:
    """The title screen, its entries wired to ``controller`` (a fresh one when not given)."""
    # The screens behind the menu are imported when chosen: the title must open fast.
    from game.store.scenarios import scenario_paths
    from game.ui.session import Controller

    game = controller if controller is not None else Controller(ctx)

    def new_game() -> Action:
        from game.ui.screens.new_game import NewGameScreen

        return Push(NewGameScreen(ctx, game, scenario=game.scenario))

    def hot_seat() -> Action:
        from game.ui.screens.new_game import NewGameScreen

        return Push(NewGameScreen(ctx, game, scenario=game.scenario, hotseat=True))

    def load() -> Action:
        from game.ui.screens.saves_screen import SavesScreen

        return Push(SavesScreen(ctx, game.store, saving=False, session=game.session))

    def pick_scenario() -> Action:
        from game.ui.screens.scenario_pick import ScenarioScreen

        return Push(ScenarioScreen(ctx, game))

    def settings() -> Action:
        from game.ui.screens.settings_screen import SettingsScreen

        return Push(SettingsScreen(ctx))

    def how_to_play() -> Action:
        from game.ui.screens.text_pages import TextPagesScreen

        return Push(TextPagesScreen(ctx, "How to play", HOW_TO_PLAY, kicker="Help"))

    def leave() -> Action:
        return Push(confirm_quit(ctx))

    saves = game.store.count()
    count = len(scenario_paths())
    return TitleScreen(
        ctx,
        (
            MenuEntry("New game", new_game, detail="Your name, the mode, then the briefing"),
            _continue_entry(game),
            MenuEntry(
                "Load",
                load if saves else None,
                detail=f"{saves} saved game{'s' if saves != 1 else ''}",
                reason="No saved games yet",
            ),
            MenuEntry(
                "Scenario",
                pick_scenario,
                detail=f"{count} summit{'s' if count != 1 else ''} to choose from",
            ),
            MenuEntry("Hot-seat", hot_seat, detail="Two players, one for each delegation"),
            MenuEntry("Settings", settings, detail="Text, colours, motion, sound, hints"),
            MenuEntry("How to play", how_to_play, detail="The rules in plain words"),
            MenuEntry("Quit", leave, detail="Close the game"),
        ),
    )
