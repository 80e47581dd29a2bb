"""The debrief: the meters over the whole game, the scores, the record, and the comparison with
history and the essay; the verification code students write down; replay, export, next summit.

Four pages behind tabs (keys 1-4) keep every part legible at 1280x720 at any text size; a page
taller than the screen scrolls (wheel, Page Up/Down, Home/End). What is shown is worked out once,
from the finished game alone, by :func:`build_debrief`; the screen only lays it out.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, Final

import attrs
import pygame

from game.classroom.debrief import Debrief, build_debrief
from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import Face, Palette, TextRole
from game.engine import GameState
from game.engine.describe import history_and_source
from game.ui.debrief_pages import (
    compare_page,
    meter_chart,
    record_page,
    score_chart,
    scores_page,
    table_page,
)
from game.ui.screen import (
    Action,
    Apply,
    ExportTranscript,
    NextSummit,
    OpenExports,
    ReplaySeed,
    ToTitle,
)
from game.ui.widgets.base import BLOCKING_MODS, ActionFn, FocusGroup, Shortcut, does
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.column import Column
from game.ui.widgets.drawing import draw_rule, fade, fit_text
from game.ui.widgets.tabs import Tab

# --- Layout on the grid -----------------------------------------------------------------------

CODE_FIRST_COLUMN: Final = 9
CODE_COLUMNS: Final = 3
CODE_BOX: Final = theme.grid_rect(CODE_FIRST_COLUMN, CODE_COLUMNS, 40, 104)
TABS_TOP: Final = 160
TABS_HEIGHT: Final = 40
CONTENT_TOP: Final = TABS_TOP + TABS_HEIGHT + 2 * theme.UNIT
BUTTONS_TOP: Final = theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT
CONTENT_BOTTOM: Final = BUTTONS_TOP - 5 * theme.UNIT
"""Leaves room above the buttons for a disabled button's reason."""
VIEW: Final = pygame.Rect(
    theme.MARGIN_X, CONTENT_TOP, theme.CONTENT_WIDTH, CONTENT_BOTTOM - CONTENT_TOP
)
"""The pages' view at its tallest; a long exports folder takes a line or two off its foot."""
CODE_PX: Final = 32
CODE_NOTE: Final = "Write it down for your teacher"
"""The verification code is set large: it is copied by hand."""
REVEAL_SECONDS: Final = 1.2
"""The chart's lines draw in from the left over this long when the debrief opens."""
SCROLL_STEP: Final = 56
PAGES: Final = (
    "The meters",
    "Scores",
    "The record",
    "Across the table",
    "History and the essay",
)
"""The tabs, the last as a scenario built on an essay calls it (see :func:`history_and_source`)."""
COMPARE_PAGE: Final = 4


def _button(label: str, kind: ButtonKind, key: str, action: Action, *, hint: str = "") -> Button:
    """A button that does ``action``, with a letter ``key`` as its shortcut (shown as its hint
    unless ``hint`` says otherwise)."""
    shortcut = Shortcut(getattr(pygame, f"K_{key.lower()}"), key)
    return Button(
        label=label, kind=kind, hint=hint or key, shortcut=shortcut, on_activate=does(action)
    )


# --- The screen -----------------------------------------------------------------------------------


class DebriefScreen:
    """The finished game, explained; buttons to replay, export, go on, or leave."""

    is_overlay: ClassVar[bool] = False

    def __init__(
        self,
        ctx: UiContext,
        state: GameState,
        *,
        verification: str,
        next_summit: bool,
        exports: Path | None = None,
    ) -> None:
        """``verification`` is the code students write down; ``next_summit`` says whether an
        installed scenario continues this one (else that button is disabled, saying why);
        ``exports`` is the folder transcripts are exported to, shown in full."""
        self.ctx = ctx
        self.exports = exports
        self.state = state
        self.debrief = build_debrief(state)
        self.verification = verification
        self.leave: Action = Apply(ToTitle())
        self.page = 0
        self.scroll = [0.0] * len(PAGES)
        self.elapsed = 0.0
        self.tabs = [
            Tab(
                label=name,
                shortcut=Shortcut(key, str(i + 1), alt),
                on_activate=self._goto(i),
            )
            for i, (name, (key, alt)) in enumerate(
                zip(
                    (*PAGES[:COMPARE_PAGE], history_and_source(state.scenario)),
                    (
                        (pygame.K_1, pygame.K_KP1),
                        (pygame.K_2, pygame.K_KP2),
                        (pygame.K_3, pygame.K_KP3),
                        (pygame.K_4, pygame.K_KP4),
                        (pygame.K_5, pygame.K_KP5),
                    ),
                    strict=True,
                )
            )
        ]
        self.title_button = _button("Back to title", ButtonKind.QUIET, "T", self.leave, hint="Esc")
        self.next_button = _button(
            "Go to the next summit", ButtonKind.SECONDARY, "N", Apply(NextSummit())
        )
        self.next_button.enabled = next_summit
        self.next_button.reason = "" if next_summit else "No later summit follows this one"
        # Export is the main button: what a class hands in, and where Enter starts.
        self.export_button = _button(
            "Export transcript", ButtonKind.PRIMARY, "E", Apply(ExportTranscript())
        )
        self.folder_button = _button("Open folder", ButtonKind.QUIET, "O", Apply(OpenExports()))
        self.replay_button = _button(
            "Replay same seed", ButtonKind.SECONDARY, "R", Apply(ReplaySeed())
        )
        self.buttons = [
            self.title_button,
            self.next_button,
            self.export_button,
            self.folder_button,
            self.replay_button,
        ]
        self.focus = FocusGroup([*self.tabs, *self.buttons])
        # Enter pressed in haste exports the transcript (harmless, and what a class hands in)
        # rather than replaying, which leaves the debrief.
        self.focus.focus(self.export_button)
        self._pages: dict[tuple[int, Palette, object], pygame.Surface] = {}
        self.view = VIEW.copy()
        self.export_rect = pygame.Rect(VIEW.left, CONTENT_BOTTOM, 0, 0)
        self._layout_key: object = None
        self._layout()
        self._sync_tabs()

    # -- layout ------------------------------------------------------------------------------

    def _layout(self) -> None:
        ctx = self.ctx
        key = ctx.settings.text_size
        if key == self._layout_key:
            return
        self._layout_key = key
        x = theme.MARGIN_X - 2 * theme.UNIT
        for tab in self.tabs:
            width = tab.preferred_width(ctx)
            tab.rect = pygame.Rect(x, TABS_TOP, width, TABS_HEIGHT)
            x += width + theme.UNIT
        self.title_button.rect = pygame.Rect(
            theme.MARGIN_X - 2 * theme.UNIT,
            BUTTONS_TOP,
            self.title_button.preferred_width(ctx),
            theme.CONTROL_HEIGHT,
        )
        right = theme.column_x(theme.COLUMNS)
        for button in (
            self.replay_button,
            self.folder_button,
            self.export_button,
            self.next_button,
        ):
            width = button.preferred_width(ctx)
            if button is not self.folder_button:
                width = max(width, theme.span(2))
            button.rect = pygame.Rect(right - width, BUTTONS_TOP, width, theme.CONTROL_HEIGHT)
            right = button.rect.left - 2 * theme.UNIT
        self._layout_exports()

    def _export_line(self) -> pygame.Surface | None:
        """Where exported transcripts go, in full: in captions when two lines of them fit over
        the buttons, else in fine print."""
        if self.exports is None:
            return None
        ctx = self.ctx
        text = f"Transcripts are exported to {self.exports}"
        room = BUTTONS_TOP - theme.UNIT - CONTENT_BOTTOM
        image = ctx.text(TextRole.CAPTION, text, ctx.palette.ink_soft, wrap=VIEW.width)
        if image.get_height() > room:
            image = ctx.text(TextRole.FINE_PRINT, text, ctx.palette.ink_soft, wrap=VIEW.width)
        return image

    def _layout_exports(self) -> None:
        """The exports line sits over the buttons; when it needs more room than the band there,
        the pages' view gives up its foot, on every page alike, so the line never covers them."""
        line = self._export_line()
        if line is None:
            self.view = VIEW.copy()
            return
        self.export_rect = line.get_rect(bottomleft=(VIEW.left, BUTTONS_TOP - theme.UNIT))
        bottom = min(CONTENT_BOTTOM, self.export_rect.top - theme.UNIT)
        self.view = pygame.Rect(VIEW.left, VIEW.top, VIEW.width, bottom - VIEW.top)

    def _goto(self, page: int) -> ActionFn:
        def show() -> Action | None:
            self.page = page
            self._sync_tabs()
            return None

        return show

    def _sync_tabs(self) -> None:
        for i, tab in enumerate(self.tabs):
            tab.is_current = i == self.page

    # -- input -------------------------------------------------------------------------------

    def on_event(self, event: pygame.event.Event) -> Action | None:
        self._layout()
        if event.type == pygame.KEYDOWN and not event.mod & BLOCKING_MODS:
            if event.key == pygame.K_ESCAPE:
                return self.leave
            if self._scroll_key(event.key):
                return None
        if event.type == pygame.MOUSEWHEEL and self.view.collidepoint(
            self.focus.pointer or (-1, -1)
        ):
            self._scroll_by(-event.y * SCROLL_STEP)
            return None
        return self.focus.action_for(event, self.ctx)

    def _scroll_key(self, key: int) -> bool:
        view = self.view.height
        steps = {
            pygame.K_PAGEDOWN: view - SCROLL_STEP,
            pygame.K_PAGEUP: -(view - SCROLL_STEP),
            pygame.K_HOME: -1e9,
            pygame.K_END: 1e9,
        }
        if key not in steps:
            return False
        self._scroll_by(steps[key])
        return True

    def _scroll_by(self, dy: float) -> None:
        top = self.max_scroll(self.page)
        self.scroll[self.page] = max(0.0, min(float(top), self.scroll[self.page] + dy))

    def max_scroll(self, page: int) -> int:
        """How far ``page`` scrolls at the current text size (0: it fits)."""
        if page == 0:
            return 0
        return max(0, self._page_surface(page).get_height() - self.view.height)

    def update(self, dt: float) -> bool:
        moving = self.focus.update(dt)
        if self.elapsed < REVEAL_SECONDS:
            self.elapsed = min(REVEAL_SECONDS, self.elapsed + dt)
            return True
        return moving

    # -- drawing -----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        self._layout()
        surface.fill(palette.paper)
        self._draw_header(surface)
        draw_rule(
            surface,
            palette.rule,
            theme.MARGIN_X,
            theme.column_x(theme.COLUMNS),
            TABS_TOP + TABS_HEIGHT,
        )
        if self.page == 0:
            self._draw_chart_page(surface)
        else:
            self._draw_scrolled(surface, self.page)
        self.focus.draw(surface, ctx)
        self._draw_exports(surface)

    def _draw_exports(self, surface: pygame.Surface) -> None:
        """Where exported transcripts go, in full, over the buttons that export and open them
        while one of them is in focus."""
        focused = self.focus.focused
        if self.exports is None or focused not in (self.export_button, self.folder_button):
            return
        image = self._export_line()
        if image is None:
            return
        # Covers a disabled button's reason, which shows in the same place.
        band = pygame.Rect(
            self.view.left, self.view.bottom, self.view.width, BUTTONS_TOP - self.view.bottom
        )
        surface.fill(self.ctx.palette.paper, band)
        surface.blit(image, self.export_rect)

    def _draw_header(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        debrief = self.debrief
        width = theme.column_x(CODE_FIRST_COLUMN) - theme.GUTTER - theme.MARGIN_X
        kicker = fit_text(ctx, TextRole.KICKER, debrief.kicker.upper(), width)
        y = theme.MARGIN_Y
        text = ctx.text(TextRole.KICKER, kicker, palette.ink_soft)
        surface.blit(text, (theme.MARGIN_X, y))
        y += text.get_height() + theme.UNIT
        title = ctx.text(
            TextRole.TITLE,
            fit_text(ctx, TextRole.TITLE, debrief.outcome.ending.title, width),
            palette.ink,
        )
        surface.blit(title, (theme.MARGIN_X - 2, y))
        self._draw_code(surface)

    def _draw_code(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        pad = 2 * theme.UNIT
        label = ctx.text(TextRole.KICKER, "VERIFICATION CODE", palette.on_navy_soft)
        code = ctx.fonts.render(
            Face.TEXT_STRONG, CODE_PX, self.verification, palette.on_navy, tracking=3
        )
        note = fit_text(ctx, TextRole.CAPTION, CODE_NOTE, CODE_BOX.width - 2 * pad)
        hint = ctx.text(TextRole.CAPTION, note, palette.on_navy_soft)
        # The box grows with the text size, downwards, staying clear of the tabs.
        height = pad + label.get_height() + code.get_height() + hint.get_height() + pad - 4
        box = pygame.Rect(CODE_BOX.left, CODE_BOX.top, CODE_BOX.width, max(CODE_BOX.height, height))
        box.height = min(box.height, TABS_TOP - theme.UNIT - box.top)
        pygame.draw.rect(surface, palette.navy, box, border_radius=theme.RADIUS)
        surface.blit(label, (box.left + pad, box.top + pad - 2))
        hint_rect = hint.get_rect(bottomleft=(box.left + pad, box.bottom - pad + 4))
        # The code sits midway between its label and the note under it.
        middle = (box.top + pad - 2 + label.get_height() + hint_rect.top) // 2
        surface.blit(code, code.get_rect(midleft=(box.left + pad - 1, middle)))
        surface.blit(hint, hint_rect)

    def _draw_chart_page(self, surface: pygame.Surface) -> None:
        full = self._chart_surface(bare=False)
        reveal = min(1.0, self.elapsed / REVEAL_SECONDS) if REVEAL_SECONDS else 1.0
        if reveal >= 1.0:
            surface.blit(full, self.view.topleft)
            return
        # Lines draw in from the left: the bare chart, then the finished one up to the reveal.
        surface.blit(self._chart_surface(bare=True), self.view.topleft)
        shown = pygame.Rect(0, 0, round(self.view.width * reveal), self.view.height)
        surface.blit(full, self.view.topleft, shown)

    def _chart_surface(self, *, bare: bool) -> pygame.Surface:
        ctx = self.ctx
        key = (-1 if bare else 0, ctx.palette, ctx.settings.text_size)
        cached = self._pages.get(key)
        if cached is not None:
            return cached
        chart = meter_chart(self.debrief, ctx.palette)
        if bare:
            chart = attrs.evolve(chart, lines=False)
        page = pygame.Surface(self.view.size)
        page.fill(ctx.palette.paper)
        chart.draw(page, page.get_rect(), ctx)
        self._pages[key] = page
        return page

    def _draw_scrolled(self, surface: pygame.Surface, page: int) -> None:
        image = self._page_surface(page)
        offset = round(min(self.scroll[page], float(self.max_scroll(page))))
        surface.blit(
            image, self.view.topleft, pygame.Rect(0, offset, self.view.width, self.view.height)
        )
        overflow = image.get_height() - self.view.height
        if overflow <= 0:
            return
        palette = self.ctx.palette
        track = pygame.Rect(
            theme.column_x(theme.COLUMNS) + 2 * theme.UNIT, self.view.top, 4, self.view.height
        )
        pygame.draw.rect(surface, palette.sunk, track, border_radius=2)
        thumb_h = max(24, round(self.view.height * self.view.height / image.get_height()))
        thumb_y = track.top + round((self.view.height - thumb_h) * offset / overflow)
        pygame.draw.rect(surface, palette.slate, (track.left, thumb_y, 4, thumb_h), border_radius=2)
        if offset < overflow:
            # Text running under the edge fades out, so a cut line reads as "more below".
            strip = fade(palette.paper, self.view.width, 3 * theme.UNIT)
            surface.blit(strip, (self.view.left, self.view.bottom - strip.get_height()))
            more = self.ctx.text(
                TextRole.CAPTION_ITALIC, "More below \u00b7 Page Down", palette.ink_soft
            )
            spot = more.get_rect(
                bottomright=(track.left - 2 * theme.UNIT, self.view.bottom + 3 * theme.UNIT)
            )
            surface.fill(palette.paper, spot.inflate(2 * theme.UNIT, 0))
            surface.blit(more, spot)

    def _page_surface(self, page: int) -> pygame.Surface:
        ctx = self.ctx
        key = (page, ctx.palette, ctx.settings.text_size)
        cached = self._pages.get(key)
        if cached is not None:
            return cached
        builders: dict[int, Callable[[UiContext, Debrief], list[Column]]] = {
            1: scores_page,
            2: record_page,
            3: table_page,
            4: compare_page,
        }
        columns = builders[page](ctx, self.debrief)
        lead = self._lead(page)
        height = max((column.ink_bottom for column in columns), default=0)
        lead_h = lead.get_height() if lead is not None else 0
        image = pygame.Surface((self.view.width, max(self.view.height, lead_h + height)))
        image.fill(ctx.palette.paper)
        if lead is not None:
            image.blit(lead, (0, 0))
        for column in columns:
            column.paint(image, lead_h)
        self._pages[key] = image
        return image

    def _lead(self, page: int) -> pygame.Surface | None:
        if page != COMPARE_PAGE:
            return None
        ctx = self.ctx
        text = ctx.text(
            TextRole.LEAD,
            self.debrief.outcome.ending.history,
            ctx.palette.ink,
            wrap=self.view.width,
        )
        lead = pygame.Surface(
            (self.view.width, text.get_height() + 3 * theme.UNIT), pygame.SRCALPHA
        )
        lead.blit(text, (0, 0))
        return lead


__all__ = ["DebriefScreen", "meter_chart", "score_chart"]
