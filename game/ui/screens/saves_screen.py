"""Save and load: the named slots (and, for loading, the autosave and its backup) with their
date, round and trust; a damaged save is listed with what is wrong with it.

Saving, loading and deleting go to the flow as commands; this screen only reads the listing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar, Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.engine import GameState
from game.engine.describe import capitalise
from game.store.mode import Mode
from game.store.save_folder import SaveKind
from game.store.saves import SaveInfo, SaveStore, describe_time
from game.ui.in_play import DeleteSave, LoadSave, SaveSlot
from game.ui.screen import Action, Apply, Chain, Choice, Dialog, Open, Pop
from game.ui.widgets.base import ActionFn, Control, FocusGroup, does
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.drawing import draw_header, draw_row_text, fit_middle
from game.ui.widgets.page import FocusScreen, draw_key_hints, draw_page, footer_back_rect
from game.ui.widgets.rows import ListRow
from game.ui.widgets.text_field import TextField
from game.words import counted

LIST_COLUMNS: Final = 8
DETAIL_FIRST_COLUMN: Final = 8
DETAIL_COLUMNS: Final = 4
ROW_GAP: Final = theme.UNIT
DELETE_WIDTH: Final = 96
LIST_TOP: Final = 20 * theme.UNIT
NAME_LENGTH: Final = 40
"""The longest name typed, and so the longest a save made here is given (picking a save puts
its name in the field: one cut there would name another save)."""


_POP: Final = Pop()
_FILE: Final = "File: "


def kind_of_game(info: SaveInfo) -> str:
    """A save's mode in words, a hot-seat game's called so ("hot-seat practice": a
    play-tester's hot-seat saves read "practice" alone); ``""`` when the save does not say."""
    if info.mode is None:
        return ""
    return f"hot-seat {info.mode}" if info.hotseat else str(info.mode)


def describe_save(info: SaveInfo, now: datetime | None) -> str:
    """The line under a save's name: when, where in the summit, trust, moves and mode."""
    if not info.is_ok:
        return info.problem
    parts = [describe_time(info.saved_at, now)]
    parts.append(f"finished: {info.ending}" if info.finished else info.round_label)
    if info.trust is not None:
        parts.append(f"trust {info.trust}")
    parts.append(counted(info.turns, "move"))
    if info.mode:
        parts.append(kind_of_game(info))
    return " \u00b7 ".join(parts)


@attrs.define(kw_only=True, eq=False)
class SaveRow(ListRow):
    """One save: its name and what it holds (or what is wrong with it)."""

    info: SaveInfo
    line: str = ""

    FOCUS_WHEN_DISABLED: ClassVar[bool] = True
    """A save that cannot be loaded takes the focus itself, its reason in the details: passed
    by, the focus fell on its Delete button, where Enter (said to load) asked to delete it."""

    def draw_content(self, surface: pygame.Surface, ctx: UiContext, *, active: bool) -> None:
        del active
        rect = self.rect
        pad = 2 * theme.UNIT
        x = rect.left + pad
        room = rect.right - pad - DELETE_WIDTH - x
        draw_row_text(
            surface, ctx, rect, (self.info.name, self.line), left=x, room=room, ok=self.info.is_ok
        )


class SavesScreen(FocusScreen):
    """Save into a named slot (``saving``), or load any save; delete with confirmation."""

    def __init__(
        self,
        ctx: UiContext,
        store: SaveStore,
        *,
        saving: bool,
        state: GameState | None = None,
        back: Action = _POP,
    ) -> None:
        """``state`` is the game in play (saving needs one; its round names the suggestion)."""
        self.ctx = ctx
        self.store = store
        self.saving = saving and state is not None
        self.state = state
        self.back_action = back
        now = store.clock()
        infos = store.listing()
        if self.saving:
            infos = [info for info in infos if info.kind is SaveKind.SLOT]
        self.rows: list[SaveRow] = []
        self.deletes: list[Button] = []
        for info in infos:
            row = SaveRow(info=info, line=describe_save(info, now))
            row.on_activate = self._activator(info)
            row.enabled = info.is_ok or self.saving
            row.reason = info.problem
            self.rows.append(row)
            self.deletes.append(
                Button(label="Delete", kind=ButtonKind.QUIET, on_activate=self._deleter(info))
            )
        self.name = TextField(
            label="Name",
            placeholder=self._suggestion(),
            note="Saving under an existing name replaces that save.",
            max_length=NAME_LENGTH,
            on_activate=self._save,
        )
        self.save_button = Button(
            label="Save", kind=ButtonKind.PRIMARY, hint="Enter", on_activate=self._save
        )
        self.back = Button(
            label="Back", kind=ButtonKind.SECONDARY, hint="Esc", on_activate=does(back)
        )
        self.first = 0
        self.focus = FocusGroup([])
        self._visible = 0
        self._layout()
        if self.saving:
            self.focus.focus(self.name)
        elif self.rows:
            self.focus.focus(self.rows[0])

    # -- actions --

    def _suggestion(self) -> str:
        state = self.state
        if state is None:
            return "Saved game"
        held = capitalise(state.scenario.rounds[state.round].label)
        # Counted as the list counts moves, made (a play-tester read "move 14" over "13 moves").
        made = len(state.turns)
        return f"{held}, after move {made}" if made else f"{held}, before the first move"

    def _activator(self, info: SaveInfo) -> ActionFn:
        def activate() -> Action | None:
            if self.saving:
                self.name.set_text(info.name)
                self.focus.focus(self.save_button)
                return None
            return Apply(LoadSave(info.path))

        return activate

    def _deleter(self, info: SaveInfo) -> ActionFn:
        def delete() -> Action | None:
            return Open(
                Dialog(
                    f"Delete \u201c{info.name}\u201d?",
                    (f"The file {info.path.name} will be removed. This cannot be undone.",),
                    (
                        Choice("Keep it", Pop()),
                        Choice(
                            "Delete",
                            Chain((Pop(), Apply(DeleteSave(info.path, self.saving)))),
                            primary=True,
                        ),
                    ),
                    kicker="Delete a save",
                    default=0,
                )
            )

        return delete

    def _save(self) -> Action | None:
        name = self.name.text.strip() or self._suggestion()
        path = self.store.slot_path(name)
        if path.exists():
            # Names that differ only in accents or punctuation share a file: name the save that
            # is there (a play-tester was asked to replace a name they had not used).
            there = next((i.name for i in self.store.listing() if i.path == path), name)
            said = (
                "A save with this name exists. Saving replaces it."
                if there == name
                else f"The save \u201c{there}\u201d has the same file name. Saving replaces it."
            )
            beside = self.store.unused_slot_name(name, NAME_LENGTH)
            return Open(
                Dialog(
                    f"Replace \u201c{there}\u201d?",
                    (said, f"Keep both saves the game as \u201c{beside}\u201d beside it."),
                    (
                        Choice("Keep both", Chain((Pop(), Pop(), Apply(SaveSlot(beside))))),
                        Choice(
                            "Replace", Chain((Pop(), Pop(), Apply(SaveSlot(name)))), primary=True
                        ),
                    ),
                    kicker="Save",
                    default=0,
                )
            )
        return Chain((Pop(), Apply(SaveSlot(name))))

    # -- layout --

    def _list_area(self) -> pygame.Rect:
        top = LIST_TOP
        if self.saving:
            top += self.name.preferred_height(self.ctx) + 4 * theme.UNIT
        bottom = theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT - 3 * theme.UNIT
        return theme.grid_rect(0, LIST_COLUMNS, top, bottom - top)

    def _row_height(self) -> int:
        ctx = self.ctx
        return ctx.line_height(TextRole.LABEL) + ctx.line_height(TextRole.CAPTION) + 3 * theme.UNIT

    def _layout(self) -> None:
        ctx = self.ctx
        column = theme.grid_rect(0, LIST_COLUMNS, LIST_TOP, 0)
        if self.saving:
            field_w = column.width - theme.span(2) - theme.GUTTER
            self.name.rect = pygame.Rect(
                column.left, LIST_TOP, field_w, self.name.preferred_height(ctx)
            )
            box = self.name.box_rect(ctx)
            self.save_button.rect = pygame.Rect(
                column.right - theme.span(2), box.top, theme.span(2), box.height
            )
        area = self._list_area()
        pitch = self._row_height() + ROW_GAP
        self._visible = max(1, (area.height + ROW_GAP) // pitch)
        self.first = max(0, min(self.first, len(self.rows) - self._visible))
        for i, (row, delete) in enumerate(zip(self.rows, self.deletes, strict=True)):
            slot = i - self.first
            if 0 <= slot < self._visible:
                row.rect = pygame.Rect(
                    area.left, area.top + slot * pitch, area.width, pitch - ROW_GAP
                )
                delete.rect = pygame.Rect(
                    row.rect.right - DELETE_WIDTH - theme.UNIT,
                    row.rect.centery - 18,
                    DELETE_WIDTH,
                    36,
                )
            else:
                row.rect = pygame.Rect(0, 0, 0, 0)
                delete.rect = pygame.Rect(0, 0, 0, 0)
        self.back.rect = footer_back_rect()
        controls: list[Control] = []
        if self.saving:
            controls += [self.name, self.save_button]
        for i in range(self.first, min(len(self.rows), self.first + self._visible)):
            controls += [self.rows[i], self.deletes[i]]
        controls.append(self.back)
        previous = self.focus.focused
        self.focus.set_controls(controls)
        if previous is not None and previous in controls:
            self.focus.focus(previous)

    def _scroll_to(self, index: int) -> None:
        index = max(0, min(len(self.rows) - 1, index))
        if index < self.first:
            self.first = index
        elif index >= self.first + self._visible:
            self.first = index - self._visible + 1
        self._layout()
        self.focus.focus(self.rows[index])

    # -- screen protocol --

    def on_event(self, event: pygame.event.Event) -> Action | None:
        focused = self.focus.focused
        index = self._row_index(focused)
        if event.type == pygame.KEYDOWN and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            if event.key == pygame.K_ESCAPE:
                return self.back_action
            if index is not None:
                steps = {
                    pygame.K_UP: -1,
                    pygame.K_DOWN: 1,
                    pygame.K_PAGEUP: -self._visible,
                    pygame.K_PAGEDOWN: self._visible,
                }
                if event.key in steps:
                    target = index + steps[event.key]
                    if 0 <= target < len(self.rows) or event.key in (
                        pygame.K_PAGEUP,
                        pygame.K_PAGEDOWN,
                    ):
                        self._scroll_to(target)
                        return None
                if event.key in (pygame.K_DELETE, pygame.K_BACKSPACE):
                    return self.deletes[index].activate()
        if event.type == pygame.MOUSEWHEEL and self.rows:
            self.first = max(0, self.first - int(event.y))
            self._layout()
            return None
        return self.focus.action_for(event, self.ctx)

    def _row_index(self, control: Control | None) -> int | None:
        for i, (row, delete) in enumerate(zip(self.rows, self.deletes, strict=True)):
            if control is row or control is delete:
                return i
        return None

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        title = "Save the game" if self.saving else "Load a game"
        draw_page(surface, ctx, "Saved games", title)
        area = self._list_area()
        if self.saving:
            kick = ctx.text(TextRole.KICKER, "YOUR SAVES", palette.ink_soft)
            surface.blit(kick, (area.left, area.top - kick.get_height() - theme.UNIT))
        if not self.rows:
            empty = ctx.text(
                TextRole.BODY_ITALIC,
                "No saved games yet." if not self.saving else "No named saves yet.",
                palette.ink_soft,
            )
            surface.blit(empty, (area.left, area.top))
        self.focus.draw(surface, ctx)
        self._draw_scroll(surface, area)
        self._draw_detail(surface)
        hints = "\u2191\u2193 choose \u00b7 Enter " + ("use the name" if self.saving else "load")
        hints += " \u00b7 Del delete \u00b7 Esc back"
        draw_key_hints(surface, ctx, hints)

    def _draw_scroll(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        count = len(self.rows)
        if count <= self._visible:
            return
        palette = self.ctx.palette
        track = pygame.Rect(area.right + theme.UNIT, area.top, 4, area.height)
        pygame.draw.rect(surface, palette.sunk, track, border_radius=2)
        thumb_h = max(24, round(track.height * self._visible / count))
        thumb_y = track.top + round((track.height - thumb_h) * self.first / (count - self._visible))
        pygame.draw.rect(surface, palette.slate, (track.left, thumb_y, 4, thumb_h), border_radius=2)

    def _draw_detail(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        panel = theme.grid_rect(
            DETAIL_FIRST_COLUMN, DETAIL_COLUMNS, LIST_TOP, self._list_area().bottom - LIST_TOP
        )
        pygame.draw.rect(surface, palette.surface, panel, border_radius=theme.RADIUS)
        pygame.draw.rect(surface, palette.rule, panel, width=1, border_radius=theme.RADIUS)
        pad = 3 * theme.UNIT
        x, y = panel.left + pad, panel.top + pad
        width = panel.width - 2 * pad
        index = self._row_index(self.focus.focused)
        info = self.rows[index].info if index is not None else None
        if info is None:
            lines = self._help_lines()
            heading = "Saves" if not self.saving else "Saving"
        else:
            heading = info.name
            lines = self._info_lines(info)
        y = draw_header(
            surface,
            ctx,
            "DETAILS",
            heading,
            pygame.Rect(x, y, width, 0),
            title_role=TextRole.LABEL,
            title_gap=theme.UNIT,
        )
        y += 2 * theme.UNIT
        for line, alarm in lines:
            colour = palette.alarm if alarm else palette.ink_soft
            text = line
            if line.startswith(_FILE):
                # Cut in the middle, so that its start and end show: cut at its end, a long
                # one showed as "File:..." alone (a play-tester's finding).
                room = width - ctx.text_width(TextRole.CAPTION, _FILE)
                text = _FILE + fit_middle(ctx, TextRole.CAPTION, line.removeprefix(_FILE), room)
            image = ctx.text(TextRole.CAPTION, text, colour, wrap=width)
            if y + image.get_height() > panel.bottom - pad:
                break
            surface.blit(image, (x, y))
            y += image.get_height() + theme.UNIT // 2

    def _info_lines(self, info: SaveInfo) -> Sequence[tuple[str, bool]]:
        if not info.is_ok:
            return [
                ("This save cannot be loaded:", True),
                (info.problem, True),
                ("The file is left as it is. Other saves are not affected.", False),
            ]
        now = self.store.clock()
        lines = [
            (f"Saved {describe_time(info.saved_at, now)}", False),
            (info.scenario, False),
            (
                f"Finished: {info.ending}" if info.finished else f"Now: {info.round_label}",
                False,
            ),
        ]
        if info.trust is not None:
            lines.append((f"Trust {info.trust}", False))
        lines.append((f"{counted(info.turns, 'move')} made", False))
        mode = kind_of_game(info) or Mode.PRACTICE
        lines.append(
            (
                f"{capitalise(mode)} game" + (f", played by {info.player}" if info.player else ""),
                False,
            )
        )
        lines.append((f"{_FILE}{info.path.name}", False))
        return lines

    def _help_lines(self) -> Sequence[tuple[str, bool]]:
        if self.saving:
            return [
                ("Type a name and press Enter, or pick a save below to replace it.", False),
                ("The game is also saved automatically after every move.", False),
            ]
        return [
            ("Your named saves, the autosave after your last move, and the one before it.", False),
            ("A save that has been damaged or edited is shown with what is wrong.", False),
        ]
