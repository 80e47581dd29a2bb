"""Settings rows: a switch (Toggle) and a row of options (OptionSelector)."""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.ui.screen import Action
from game.ui.widgets.base import Control, Handled
from game.ui.widgets.drawing import blit_clipped, draw_focus_ring


@attrs.define(kw_only=True, eq=False)
class _SettingRow(Control):
    """A settings row: label and description on the left, the control on the right."""

    label: str
    description: str = ""

    def control_width(self, ctx: UiContext) -> int:
        raise NotImplementedError

    def draw_row(self, surface: pygame.Surface, ctx: UiContext) -> pygame.Rect:
        """Draw the row's text and frame; return where the control itself goes."""
        palette = ctx.palette
        rect = self.rect
        if self.focused or self.hovered:
            pygame.draw.rect(surface, palette.surface_hover, rect, border_radius=theme.RADIUS)
        pad = 2 * theme.UNIT
        control = pygame.Rect(0, 0, self.control_width(ctx), 36)
        control.midright = (rect.right - pad, rect.centery)
        text_width = control.left - rect.left - pad - 3 * theme.UNIT
        # A row that cannot be changed says so in its label too, not only in its control.
        label = ctx.text(
            TextRole.LABEL, self.label, palette.ink if self.enabled else palette.ink_soft
        )
        desc = (
            ctx.text(TextRole.CAPTION, self.description, palette.ink_soft, wrap=text_width)
            if self.description
            else None
        )
        block = label.get_height() + (desc.get_height() + 2 if desc else 0)
        top = rect.centery - block // 2
        surface.blit(label, (rect.left + pad, top))
        if desc is not None:
            blit_clipped(surface, desc, (rect.left + pad, top + label.get_height() + 2), rect)
        if self.focused:
            draw_focus_ring(surface, ctx, rect)
        return control


@attrs.define(kw_only=True, eq=False)
class Toggle(_SettingRow):
    """An on/off setting drawn as a switch; Enter, Space or a click flips it, Left/Right set it."""

    get: Callable[[], bool]
    set: Callable[[bool], Action | None]

    def activate(self) -> Action | None:
        if not self.enabled:
            return None
        return self.set(not self.get())

    def on_key(self, event: pygame.event.Event) -> Handled | None:
        if event.type != pygame.KEYDOWN or not self.enabled:
            return None
        if event.key == pygame.K_LEFT and self.get():
            return Handled(self.set(False))
        if event.key == pygame.K_RIGHT and not self.get():
            return Handled(self.set(True))
        return None

    def control_width(self, ctx: UiContext) -> int:
        return 56 + theme.UNIT + ctx.text_width(TextRole.LABEL, "Off")

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        area = self.draw_row(surface, ctx)
        on = self.get()
        track = pygame.Rect(0, 0, 56, 30)
        track.midright = area.midright
        if on:
            pygame.draw.rect(surface, palette.navy, track, border_radius=15)
        else:
            pygame.draw.rect(surface, palette.sunk, track, border_radius=15)
            pygame.draw.rect(surface, palette.ink_soft, track, width=1, border_radius=15)
        knob_x = track.right - 15 if on else track.left + 15
        pygame.draw.circle(surface, palette.surface, (knob_x, track.centery), 11)
        if not on:
            pygame.draw.circle(surface, palette.ink_soft, (knob_x, track.centery), 11, width=1)
        word = ctx.text(
            TextRole.LABEL, "On" if on else "Off", palette.ink if on else palette.ink_soft
        )
        surface.blit(word, word.get_rect(midright=(track.left - theme.UNIT, track.centery)))


@attrs.define(kw_only=True, eq=False)
class OptionSelector(_SettingRow):
    """A choice among a few named options, drawn as a segmented control."""

    options: tuple[str, ...]
    get: Callable[[], int]
    set: Callable[[int], Action | None]
    _last_area: pygame.Rect = attrs.field(factory=lambda: pygame.Rect(0, 0, 0, 0), init=False)

    def activate(self) -> Action | None:
        if not self.enabled:
            return None
        return self.set((self.get() + 1) % len(self.options))

    def on_key(self, event: pygame.event.Event) -> Handled | None:
        if event.type != pygame.KEYDOWN or not self.enabled:
            return None
        current = self.get()
        if event.key == pygame.K_LEFT and current > 0:
            return Handled(self.set(current - 1))
        if event.key == pygame.K_RIGHT and current < len(self.options) - 1:
            return Handled(self.set(current + 1))
        return None

    def on_click(self, pos: tuple[int, int]) -> Handled:
        for i, segment in enumerate(self._segments(self._last_area)):
            if segment.collidepoint(pos):
                return Handled(self.set(i) if self.enabled else None)
        return Handled(self.activate())

    def segment_width(self, ctx: UiContext) -> int:
        """Every segment is as wide as the widest label, so the control does not jitter."""
        return (
            max(ctx.text_width(TextRole.LABEL, option) for option in self.options) + 4 * theme.UNIT
        )

    def control_width(self, ctx: UiContext) -> int:
        return self.segment_width(ctx) * len(self.options)

    def _segments(self, area: pygame.Rect) -> list[pygame.Rect]:
        if not self.options or area.width == 0:
            return []
        width = area.width // len(self.options)
        return [
            pygame.Rect(area.left + i * width, area.top, width, area.height)
            for i in range(len(self.options))
        ]

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        area = self.draw_row(surface, ctx)
        # Remembered only to map a later click to a segment; it is view geometry, not state.
        self._last_area = area
        current = self.get()
        pygame.draw.rect(surface, palette.surface, area, border_radius=theme.RADIUS)
        # A fixed choice (a hot-seat game is always practice) shows the others out of reach.
        other = palette.ink_soft if self.enabled else palette.ink_faint
        for i, segment in enumerate(self._segments(area)):
            chosen = i == current
            if chosen:
                fill = palette.navy if self.enabled else palette.slate
                pygame.draw.rect(surface, fill, segment, border_radius=theme.RADIUS)
            elif i > 0 and i != current + 1:
                pygame.draw.line(
                    surface,
                    palette.rule,
                    (segment.left, segment.top + 8),
                    (segment.left, segment.bottom - 9),
                )
            colour = palette.on_navy if chosen else other
            text = ctx.text(TextRole.LABEL, self.options[i], colour)
            surface.blit(text, text.get_rect(center=segment.center))
        pygame.draw.rect(surface, palette.ink_soft, area, width=1, border_radius=theme.RADIUS)
