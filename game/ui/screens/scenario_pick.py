"""Choose the summit: every scenario file installed, each with its title and schedule. A broken
file is listed with its first problem instead of crashing the menu."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.engine import Scenario, ScenarioError
from game.store.scenarios import load_scenario, scenario_paths
from game.ui.screen import Action, NewGameForm, Open, Pop
from game.ui.widgets.base import FocusGroup, does, shortcuts
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.drawing import (
    draw_badge,
    draw_header,
    draw_row_text,
    fit_lines,
)
from game.ui.widgets.page import PanelPage, PanelScreen, footer_back_rect
from game.ui.widgets.rows import ListRow

LIST_COLUMNS: Final = 7
DETAIL_FIRST_COLUMN: Final = 7
DETAIL_COLUMNS: Final = 5
LIST_TOP: Final = 20 * theme.UNIT
PAGE: Final = PanelPage(
    "Choose the summit",
    "Scenarios",
    "\u2191\u2193 choose \u00b7 Enter play \u00b7 Esc back",
    (DETAIL_FIRST_COLUMN, DETAIL_COLUMNS, LIST_TOP),
)


_POP: Final = Pop()


@attrs.frozen
class Entry:
    """One scenario file: the scenario, or the first problem that stops it loading."""

    path: Path
    scenario: Scenario | None
    problem: str = ""


def read_entries(paths: list[Path] | None = None) -> list[Entry]:
    """Every scenario file, loaded or with its first problem."""
    entries = []
    for path in scenario_paths() if paths is None else paths:
        try:
            entries.append(Entry(path, load_scenario(path)))
        except ScenarioError as error:
            first = error.problems[0] if error.problems else str(error)
            entries.append(Entry(path, None, first))
        except OSError as error:
            entries.append(Entry(path, None, f"{path}: cannot read: {error.strerror or error}"))
    return entries


@attrs.define(kw_only=True, eq=False)
class ScenarioRow(ListRow):
    """A scenario in the list: its title and subtitle, or why it cannot be played."""

    entry: Entry

    def draw_content(self, surface: pygame.Surface, ctx: UiContext, *, active: bool) -> None:
        rect = self.rect
        pad = 2 * theme.UNIT
        label = self.shortcut.label if self.shortcut else ""
        badge = draw_badge(
            surface,
            ctx,
            (rect.left + pad, rect.centery - 14),
            label,
            filled=active and self.enabled,
            enabled=self.enabled,
        )
        x = badge.right + 2 * theme.UNIT
        scenario = self.entry.scenario
        if scenario is None:
            lines = (self.entry.path.name, self.entry.problem)
        else:
            lines = (
                scenario.title,
                # The offers the schedule allows, not the cards to choose them from: a play-tester
                # read "15 offers" and counted 13 on the schedule.
                f"{len(scenario.rounds)} rounds \u00b7 "
                f"{sum(held.turns for held in scenario.rounds)} offers \u00b7 "
                f"{self.entry.path.name}",
            )
        room = rect.right - pad - x
        draw_row_text(surface, ctx, rect, lines, left=x, room=room, ok=scenario is not None)


class ScenarioScreen(PanelScreen):
    """The installed scenarios; choosing one opens New game for it."""

    def __init__(
        self,
        ctx: UiContext,
        *,
        entries: list[Entry] | None = None,
        back: Action = _POP,
    ) -> None:
        self.ctx = ctx
        self.escape = back
        self.entries = read_entries() if entries is None else entries
        keys = shortcuts(min(len(self.entries), 20))
        self.rows = [
            ScenarioRow(
                entry=entry,
                enabled=entry.scenario is not None,
                reason=entry.problem,
                shortcut=keys[i] if i < len(keys) else None,
                on_activate=does(Open(NewGameForm(scenario=str(entry.path)))),
            )
            for i, entry in enumerate(self.entries)
        ]
        self.back = Button(
            label="Back", kind=ButtonKind.SECONDARY, hint="Esc", on_activate=does(back)
        )
        self.focus = FocusGroup([*self.rows, self.back])
        first = next((row for row in self.rows if row.enabled), None)
        if first is not None:
            self.focus.focus(first)
        self.layout()

    def layout(self) -> None:
        ctx = self.ctx
        height = (
            ctx.line_height(TextRole.LABEL) + ctx.line_height(TextRole.CAPTION) + 4 * theme.UNIT
        )
        area = theme.grid_rect(0, LIST_COLUMNS, LIST_TOP, 0)
        for i, row in enumerate(self.rows):
            row.rect = pygame.Rect(
                area.left, LIST_TOP + i * (height + theme.UNIT), area.width, height
            )
        self.back.rect = footer_back_rect()

    def page(self) -> PanelPage:
        return PAGE

    def draw_panel(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        ctx = self.ctx
        palette = ctx.palette
        x, y, width = inner.left, inner.top, inner.width
        focused = self.focus.focused
        entry = focused.entry if isinstance(focused, ScenarioRow) else None
        if entry is None:
            text = ctx.text(
                TextRole.BODY_ITALIC,
                "Every summit installed with the game.",
                palette.ink_soft,
                wrap=width,
            )
            surface.blit(text, (x, y))
            return
        scenario = entry.scenario
        if scenario is None:
            head = ctx.text(TextRole.LABEL, "This scenario cannot be played", palette.alarm)
            surface.blit(head, (x, y))
            y += head.get_height() + theme.UNIT
            body = ctx.text(TextRole.CAPTION, entry.problem, palette.ink, wrap=width)
            surface.blit(body, (x, y))
            y += body.get_height() + 2 * theme.UNIT
            note = ctx.text(
                TextRole.CAPTION_ITALIC,
                "Check it with: python -m game check " + entry.path.name,
                palette.ink_soft,
                wrap=width,
            )
            surface.blit(note, (x, y))
            return
        y = draw_header(
            surface,
            ctx,
            scenario.title,
            scenario.subtitle,
            pygame.Rect(x, y, width, 0),
            title_role=TextRole.LABEL,
            title_gap=theme.UNIT,
        )
        y += 2 * theme.UNIT
        schedule = " \u00b7 ".join(held.label for held in scenario.rounds)
        lines = [scenario.briefing[0] if scenario.briefing else "", f"Schedule: {schedule}."]
        if scenario.carry is not None:
            lines.append(
                "It can also continue a finished game of "
                + ", ".join(scenario.carry.sources)
                + " (from that game's debrief)."
            )
        source = scenario.source
        lines.append(
            f"After {source.author}, \u201c{source.title}\u201d, {source.publication}, "
            f"{source.year}."
        )
        lines = [line for line in lines if line]
        role = TextRole.CAPTION
        needed = sum(
            ctx.text(role, line, palette.ink_soft, wrap=width).get_height() + theme.UNIT
            for line in lines
        )
        if needed > inner.bottom - y:
            role = TextRole.FINE_PRINT  # large text: smaller type before anything is cut
        for line in lines:
            room = inner.bottom - y
            fitted = fit_lines(ctx, role, line, width, room)
            if not fitted:
                break
            image = ctx.text(role, fitted, palette.ink_soft, wrap=width)
            surface.blit(image, (x, y))
            y += image.get_height() + theme.UNIT
