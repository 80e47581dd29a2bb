"""A meter: its label and value, a bar that glides to new values, limits and the last change."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Final, Self

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole, Tone
from game.ui.widgets.base import Widget
from game.ui.widgets.drawing import draw_triangle, fit_text

if TYPE_CHECKING:
    from game.engine import Meter as MeterSpec

DELTA_ARROW: Final = 14
"""Room the last change's arrow takes before its figure."""


def ease_out_cubic(t: float) -> float:
    """Fast start, gentle landing: how a needle settles."""
    t = max(0.0, min(1.0, t))
    return 1.0 - (1.0 - t) ** 3


@attrs.define(kw_only=True, eq=False)
class Meter(Widget):
    """A bounded value as a labelled bar that glides to each new value.

    ``hero`` draws it large (the trust meter); otherwise it is a compact row. ``marker`` puts a
    tick on the bar, e.g. the trust an offer needs.
    """

    label: str
    value: int
    lo: int = 0
    hi: int = 100
    higher_is_better: bool = True
    alarm_at: int | None = None
    """The value at and beyond which (on the bad side) the bar turns to the alarm colour."""
    marker: int | None = None
    marker_label: str = ""
    hero: bool = False
    shown: float = attrs.field(default=math.nan)
    last_delta: int = 0
    _start: float = attrs.field(default=0.0, init=False)
    _elapsed: float = attrs.field(default=0.0, init=False)

    @classmethod
    def from_spec(cls, spec: MeterSpec, value: int, /, **fields: Any) -> Self:
        """A meter at ``value`` for the scenario's meter ``spec``: its label, its range and which
        way is better; ``fields`` sets the rest."""
        # Here, not at the top: the settings screen's sample meters open without the engine.
        from game.engine import Direction
        from game.engine.describe import capitalise

        return cls(
            label=capitalise(spec.label),
            value=value,
            lo=spec.minimum,
            hi=spec.maximum,
            higher_is_better=spec.good is Direction.HIGH,
            **fields,
        )

    def __attrs_post_init__(self) -> None:
        self.value = self._clamp(self.value)
        if math.isnan(self.shown):
            self.shown = float(self.value)
        self._elapsed = theme.METER_SECONDS

    def _clamp(self, value: int) -> int:
        return max(self.lo, min(self.hi, value))

    def set_value(self, value: int) -> None:
        """Move to ``value`` (clamped), remembering the change to show it."""
        value = self._clamp(value)
        if value == self.value:
            return
        self.last_delta = value - self.value
        self.value = value
        self._start = self.shown
        self._elapsed = 0.0

    def animate_from(self, value: float) -> None:
        """Glide again to the current value from ``value`` (a replay; the value is unchanged)."""
        self.shown = float(value)
        self._start = self.shown
        self._elapsed = 0.0

    @property
    def is_alarming(self) -> bool:
        """True when the value is on the bad side of ``alarm_at``."""
        if self.alarm_at is None:
            return False
        return self.value <= self.alarm_at if self.higher_is_better else self.value >= self.alarm_at

    @property
    def is_moving(self) -> bool:
        """True while the bar is still gliding."""
        return self.shown != self.value

    def update(self, dt: float) -> bool:
        if not self.is_moving:
            return False
        self._elapsed += dt
        progress = self._elapsed / theme.METER_SECONDS
        if progress >= 1.0:
            self.shown = float(self.value)
            return False
        self.shown = self._start + (self.value - self._start) * ease_out_cubic(progress)
        return True

    def fraction(self, value: float) -> float:
        """Where ``value`` sits between the bounds, 0-1."""
        return (value - self.lo) / max(self.hi - self.lo, 1)

    def delta_tone(self) -> Tone:
        """Whether the last change was good or bad news."""
        if self.last_delta == 0:
            return Tone.NEUTRAL
        good = (self.last_delta > 0) == self.higher_is_better
        return Tone.POSITIVE if good else Tone.ALARM

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        if self.hero:
            self._draw_hero(surface, ctx)
        else:
            self._draw_compact(surface, ctx)

    def _bar(self, surface: pygame.Surface, ctx: UiContext, rect: pygame.Rect) -> None:
        palette = ctx.palette
        radius = rect.height // 2
        pygame.draw.rect(surface, palette.sunk, rect, border_radius=radius)
        fill_colour = (
            palette.alarm if self.is_alarming else (palette.navy if self.hero else palette.slate)
        )
        width = round(rect.width * self.fraction(self.shown))
        if width > 0:
            pygame.draw.rect(
                surface,
                fill_colour,
                (rect.left, rect.top, max(width, rect.height), rect.height),
                border_radius=radius,
            )
        if self.marker is not None:
            mx = rect.left + round(rect.width * self.fraction(self.marker))
            pygame.draw.line(surface, palette.ink, (mx, rect.top - 6), (mx, rect.bottom + 5), 2)

    def _delta(
        self, surface: pygame.Surface, ctx: UiContext, midleft: tuple[int, int], role: TextRole
    ) -> None:
        if self.last_delta == 0:
            return
        colour = ctx.palette.tone(self.delta_tone())
        x, y = midleft
        draw_triangle(surface, colour, (x + 5, y), up=self.last_delta > 0)
        text = ctx.text(role, str(abs(self.last_delta)), colour)
        surface.blit(text, text.get_rect(midleft=(x + DELTA_ARROW, y)))

    def _draw_hero(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        label = ctx.text(TextRole.KICKER, self.label.upper(), palette.ink_soft)
        surface.blit(label, rect.topleft)
        figure_colour = palette.alarm if self.is_alarming else palette.ink
        figure = ctx.text(TextRole.FIGURE, str(round(self.shown)), figure_colour)
        fy = rect.top + label.get_height() + theme.UNIT // 2
        surface.blit(figure, (rect.left - 2, fy))
        of = ctx.text(TextRole.CAPTION, f"of {self.hi}", palette.ink_soft)
        baseline = fy + ctx.font(TextRole.FIGURE).get_ascent()
        of_top = baseline - ctx.font(TextRole.CAPTION).get_ascent()
        surface.blit(of, (rect.left + figure.get_width() + theme.UNIT, of_top))
        self._delta(
            surface, ctx, (rect.left + figure.get_width() + theme.UNIT, fy + 22), TextRole.LABEL
        )
        bar = pygame.Rect(rect.left, rect.bottom - 14, rect.width, 14)
        self._bar(surface, ctx, bar)
        if self.marker is not None and self.marker_label:
            mx = bar.left + round(bar.width * self.fraction(self.marker))
            note = ctx.text(TextRole.CAPTION, self.marker_label, palette.ink)
            note_rect = note.get_rect(bottomleft=(mx + 6, bar.top - 6))
            if note_rect.right > rect.right:
                note_rect.bottomright = (mx - 6, bar.top - 6)
            surface.blit(note, note_rect)

    def _draw_compact(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        figure_colour = palette.alarm if self.is_alarming else palette.ink
        figure = ctx.text(TextRole.FIGURE_SMALL, str(round(self.shown)), figure_colour)
        figure_rect = figure.get_rect(topright=(rect.right, rect.top - 3))
        surface.blit(figure, figure_rect)
        label_room = figure_rect.left - theme.UNIT - rect.left
        if self.last_delta:
            delta_w = ctx.text_width(TextRole.CAPTION, str(abs(self.last_delta))) + DELTA_ARROW
            delta_x = figure_rect.left - delta_w - theme.UNIT
            self._delta(surface, ctx, (delta_x, figure_rect.centery + 1), TextRole.CAPTION)
            label_room = delta_x - theme.UNIT - rect.left
        text = fit_text(ctx, TextRole.LABEL, self.label, label_room)
        surface.blit(ctx.text(TextRole.LABEL, text, palette.ink), rect.topleft)
        bar = pygame.Rect(rect.left, rect.bottom - 8, rect.width, 8)
        self._bar(surface, ctx, bar)
