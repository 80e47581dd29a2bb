"""The log panel: entries grouped under headings, scrolled by wheel, keys and drag."""

from __future__ import annotations

import math
from typing import Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import Colour, TextRole, Tone
from game.ui.widgets.base import Control, Handled
from game.ui.widgets.drawing import draw_focus_ring, draw_rule

LINE_SCROLL: Final = 32
"""Pixels an arrow key scrolls."""
WHEEL_SCROLL: Final = 56
"""Pixels a notch of the wheel scrolls."""
FADE: Final = 18
"""The most an edge fades over a line it cuts."""
LEAST_FADE: Final = 3
"""How much the bottom edge fades where it cuts no line, when more runs past it."""


@attrs.frozen
class LogEntry:
    """One line of the summit log."""

    text: str
    label: str = ""
    """Small heading above the text, e.g. 'Round 2 · Dinner'."""
    tone: Tone = Tone.NEUTRAL


@attrs.define(kw_only=True, eq=False)
class LogPanel(Control):
    """A scrollable list of entries: wheel, arrows, PgUp/PgDn, Home/End; follows new entries."""

    title: str = "Log"
    entries: list[LogEntry] = attrs.field(factory=list)
    offset: float = 0.0
    target: float = 0.0
    follow: bool = True
    """Stay scrolled to the newest entry while the player has not scrolled up."""
    compact: bool = False
    """Tighter spacing, for a log that shares a column with other panels."""
    _cache_key: tuple[object, ...] | None = attrs.field(default=None, init=False)
    _entry_heights: list[int] = attrs.field(factory=list, init=False)
    _view_height: int = attrs.field(default=0, init=False)

    def append(self, entry: LogEntry) -> None:
        """Add an entry; the view follows it if it was at the bottom."""
        self.entries.append(entry)
        if self.follow:
            self.target = math.inf

    @property
    def _gap(self) -> int:
        """Space between entries, and around the panel's title."""
        return theme.UNIT if self.compact else 2 * theme.UNIT

    def body_rect(self, ctx: UiContext) -> pygame.Rect:
        """The scrolling area below the panel title."""
        head = ctx.line_height(TextRole.KICKER) + (
            2 * theme.UNIT if self.compact else 3 * theme.UNIT
        )
        return pygame.Rect(
            self.rect.left + 2 * theme.UNIT,
            self.rect.top + head,
            self.rect.width - 5 * theme.UNIT,
            self.rect.height - head - self._gap,
        )

    def measure(self, ctx: UiContext) -> None:
        """Measure the entries at the panel's current size, so scrolling can be worked out
        before the next draw (e.g. to open a log scrolled to its newest entry)."""
        body = self.body_rect(ctx)
        self._measure(ctx, body.width, body.height)

    def scroll_to_end(self, *, animate: bool = True) -> None:
        """Follow the newest entry; gliding there unless ``animate`` is False. An entry taller
        than the view shows from its first line, not its last."""
        self.follow = True
        newest = float(sum(self._entry_heights[:-1]))
        self.target = min(self.max_scroll(), newest)
        if not animate:
            self.offset = self.target

    def max_scroll(self) -> float:
        """How far the content can scroll, as last measured when drawn."""
        return float(max(0, sum(self._entry_heights) - self._view_height))

    def scroll_by(self, dy: float) -> None:
        """Scroll by ``dy`` pixels (positive: towards newer entries)."""
        top = self.max_scroll()
        start = min(self.target, top)
        self.target = max(0.0, min(top, start + dy))
        self.follow = self.target >= top

    def scroll_page(self, pages: int) -> None:
        """Scroll by whole views (PgUp/PgDn), keeping one line of overlap for context."""
        self.scroll_by(pages * max(self._view_height - LINE_SCROLL, LINE_SCROLL))

    def on_key(self, event: pygame.event.Event) -> Handled | None:
        if event.type != pygame.KEYDOWN:
            return None
        if event.key == pygame.K_UP:
            self.scroll_by(-LINE_SCROLL)
        elif event.key == pygame.K_DOWN:
            self.scroll_by(LINE_SCROLL)
        elif event.key == pygame.K_PAGEUP:
            self.scroll_page(-1)
        elif event.key == pygame.K_PAGEDOWN:
            self.scroll_page(1)
        elif event.key == pygame.K_HOME:
            self.scroll_by(-math.inf)
        elif event.key == pygame.K_END:
            self.scroll_by(math.inf)
        else:
            return None
        return Handled()

    def on_wheel(self, dy: int) -> Handled | None:
        self.scroll_by(-dy * WHEEL_SCROLL)
        return Handled()

    def on_click(self, pos: tuple[int, int]) -> Handled:
        del pos
        return Handled()

    def update(self, dt: float) -> bool:
        target = min(self.target, self.max_scroll())
        if math.isinf(self.target):
            self.target = target
        gap = target - self.offset
        if abs(gap) < 0.5:
            self.offset = target
            return False
        self.offset += gap * (1.0 - math.exp(-dt * 3.0 / theme.SCROLL_SECONDS))
        return True

    def _measure(self, ctx: UiContext, width: int, view: int) -> list[int]:
        # Measurements are cached so input between frames can clamp scrolling; they are derived
        # from the entries and the text size, never state of their own.
        key: tuple[object, ...] = (len(self.entries), width, ctx.settings.text_size)
        if self._cache_key != key:
            self._entry_heights = [self._entry_height(ctx, entry, width) for entry in self.entries]
            self._cache_key = key
        self._view_height = view
        return self._entry_heights

    def _entry_height(self, ctx: UiContext, entry: LogEntry, width: int) -> int:
        height = ctx.text(
            TextRole.CAPTION, entry.text, ctx.palette.ink, wrap=width - 12
        ).get_height()
        if entry.label:
            height += ctx.line_height(TextRole.KICKER)
        return height + self._gap

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        pygame.draw.rect(surface, palette.surface, self.rect, border_radius=theme.RADIUS)
        pygame.draw.rect(surface, palette.rule, self.rect, width=1, border_radius=theme.RADIUS)
        title = ctx.text(TextRole.KICKER, self.title.upper(), palette.ink_soft)
        surface.blit(title, (self.rect.left + 2 * theme.UNIT, self.rect.top + self._gap - 2))
        body = self.body_rect(ctx)
        draw_rule(
            surface,
            palette.rule,
            body.left,
            self.rect.right - 2 * theme.UNIT,
            body.top - (4 if self.compact else theme.UNIT),
        )
        if body.height < ctx.line_height(TextRole.CAPTION):
            # No room for one whole line (large text on a crowded table): the title, which
            # names the key to the whole log, is better than half a line.
            if self.focused:
                draw_focus_ring(surface, ctx, self.rect)
            return
        heights = self._measure(ctx, body.width, body.height)
        scroll = min(self.offset, float(max(0, sum(heights) - body.height)))
        previous = surface.get_clip()
        surface.set_clip(body.clip(previous))
        y = body.top - round(scroll)
        if not self.entries:
            empty = ctx.text(TextRole.CAPTION_ITALIC, "Nothing yet.", palette.ink_soft)
            surface.blit(empty, (body.left, body.top))
        for entry, height in zip(self.entries, heights, strict=True):
            if y + height >= body.top and y <= body.bottom:
                self._draw_entry(surface, ctx, entry, pygame.Rect(body.left, y, body.width, height))
            y += height
        top, bottom = self._fades(ctx, scroll, body.height)
        if top:
            # Entries scrolled half out of view fade into the top edge instead of being cut.
            _fade_edge(
                surface, pygame.Rect(body.left - 4, body.top, body.width + 8, top), palette.surface
            )
        total = sum(heights)
        if bottom:
            # And those that run on below the bottom edge fade into it (a play-tester saw
            # lines cut in half there).
            edge = pygame.Rect(body.left - 4, body.bottom - bottom, body.width + 8, bottom)
            _fade_edge(surface, edge, palette.surface, solid_at_top=False)
        surface.set_clip(previous)
        if total > body.height:
            track = pygame.Rect(self.rect.right - 2 * theme.UNIT + 2, body.top, 4, body.height)
            pygame.draw.rect(surface, palette.sunk, track, border_radius=2)
            thumb_h = max(24, round(body.height * body.height / total))
            thumb_y = body.top + round(
                (body.height - thumb_h) * scroll / max(total - body.height, 1)
            )
            pygame.draw.rect(
                surface, palette.slate, (track.left, thumb_y, 4, thumb_h), border_radius=2
            )
        if self.focused:
            draw_focus_ring(surface, ctx, self.rect)

    def fades(self, ctx: UiContext) -> tuple[int, int]:
        """How far the top and the bottom edges of the view fade, as last drawn: over the part
        of a line each cuts, no further (a fade of a fixed height hid the newest entry of a
        log two lines high); the bottom edge a little even where it cuts no line, when more
        runs past it."""
        return self._fades(ctx, self.offset, self._view_height)

    def _fades(self, ctx: UiContext, scroll: float, view: int) -> tuple[int, int]:
        total = sum(self._entry_heights)
        scroll = min(scroll, float(max(0, total - view)))
        top = bottom = 0
        cut = self._line_at(ctx, scroll) if scroll > 0 else None
        if cut is not None and cut[0] < scroll:
            top = round(min(FADE, cut[1] - scroll))
        end = scroll + view
        if total - end > 1:
            cut = self._line_at(ctx, end)
            bottom = round(min(FADE, max(LEAST_FADE, end - cut[0] if cut else 0)))
        return top, bottom

    def _line_at(self, ctx: UiContext, y: float) -> tuple[float, float] | None:
        """The line of text (top, bottom) that the content's height ``y`` falls within, or
        None between entries."""
        top = 0.0
        caption = ctx.line_height(TextRole.CAPTION)
        for entry, height in zip(self.entries, self._entry_heights, strict=True):
            if top <= y < top + height:
                line = top
                if entry.label:
                    line += ctx.line_height(TextRole.KICKER)
                    if y < line:
                        return top, line
                if y >= top + height - self._gap:
                    return None
                line += (y - line) // caption * caption
                return line, line + caption
            top += height
        return None

    def _draw_entry(
        self,
        surface: pygame.Surface,
        ctx: UiContext,
        entry: LogEntry,
        area: pygame.Rect,
    ) -> None:
        palette = ctx.palette
        bar = palette.tone(entry.tone) if entry.tone is not Tone.NEUTRAL else palette.rule
        pygame.draw.rect(surface, bar, (area.left, area.top + 2, 3, area.height - self._gap - 2))
        y = area.top
        if entry.label:
            label = ctx.text(TextRole.KICKER, entry.label.upper(), palette.ink_soft)
            surface.blit(label, (area.left + 12, y))
            y += ctx.line_height(TextRole.KICKER)
        text = ctx.text(TextRole.CAPTION, entry.text, palette.ink, wrap=area.width - 12)
        surface.blit(text, (area.left + 12, y))


def _fade_edge(
    surface: pygame.Surface, rect: pygame.Rect, colour: Colour, *, solid_at_top: bool = True
) -> None:
    """Fade from solid ``colour`` at the top of ``rect`` to clear at its bottom (or, not
    ``solid_at_top``, from clear at the top to solid at the bottom)."""
    veil = pygame.Surface(rect.size, pygame.SRCALPHA)
    for row in range(rect.height):
        away = row if solid_at_top else rect.height - 1 - row
        alpha = round(255 * (1 - away / rect.height) ** 1.5)
        pygame.draw.line(veil, (*colour, alpha), (0, row), (rect.width, row))
    surface.blit(veil, rect)
