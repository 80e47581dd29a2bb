"""The settings screen: every preference, applied the moment it changes, with a live preview."""

from __future__ import annotations

from typing import Any, ClassVar, Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole, Tone
from game.store.settings import AnimationSpeed, TextSize
from game.ui.screen import Action, ChangeSettings, Pop
from game.ui.widgets.base import Control, FocusGroup, does
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.drawing import draw_rule
from game.ui.widgets.meter import Meter
from game.ui.widgets.options import OptionSelector, Toggle
from game.ui.widgets.page import FocusScreen, draw_key_hints, draw_page

ROWS_TOP: Final = 21 * theme.UNIT
ROWS_COLUMNS: Final = 8
PREVIEW_FIRST_COLUMN: Final = 9
PREVIEW_COLUMNS: Final = 3
TEXT_SIZES: Final = (TextSize.SMALL, TextSize.NORMAL, TextSize.LARGE)
SPEEDS: Final = (
    AnimationSpeed.OFF,
    AnimationSpeed.SLOW,
    AnimationSpeed.NORMAL,
    AnimationSpeed.FAST,
)
PREVIEW_TEXT: Final = "They will not discuss Yongbyon while trust is below 45."


_POP: Final = Pop()


class SettingsScreen(FocusScreen):
    """Six preferences and a Back button; each change is returned as ChangeSettings at once."""

    is_overlay: ClassVar[bool] = False

    def __init__(self, ctx: UiContext, *, back: Action = _POP) -> None:
        self.ctx = ctx
        self.escape = back

        def change(**values: Any) -> Action:
            return ChangeSettings(attrs.evolve(ctx.settings, **values))

        def toggle(name: str, label: str, description: str) -> Toggle:
            """A switch for the setting called ``name``."""
            return Toggle(
                label=label,
                description=description,
                get=lambda: bool(getattr(ctx.settings, name)),
                set=lambda on: change(**{name: on}),
            )

        self.rows: list[Control] = [
            toggle("fullscreen", "Full screen", "Fill the display. F11 switches at any time."),
            OptionSelector(
                label="Text size",
                description="Scales every label and paragraph.",
                options=("Small", "Normal", "Large"),
                get=lambda: TEXT_SIZES.index(ctx.settings.text_size),
                set=lambda i: change(text_size=TEXT_SIZES[i]),
            ),
            toggle(
                "colour_blind",
                "Colour-blind-safe palette",
                "Blue for good news, violet for caution, orange for alarms.",
            ),
            OptionSelector(
                label="Animation",
                description="How fast meters and screens move.",
                options=("Off", "Slow", "Normal", "Fast"),
                get=lambda: SPEEDS.index(ctx.settings.animation_speed),
                set=lambda i: change(animation_speed=SPEEDS[i]),
            ),
            toggle("sound", "Sound", "Soft clicks and chimes."),
            toggle(
                "hints",
                "Adviser hints",
                "Short notes from your adviser on meters, locked offers and costs.",
            ),
        ]
        self.back = Button(
            label="Back", kind=ButtonKind.SECONDARY, hint="Esc", on_activate=does(back)
        )
        self.focus = FocusGroup([*self.rows, self.back])
        self.preview_meters = (
            Meter(label="Trust", value=34, alarm_at=20, marker=45, last_delta=6),
            Meter(label="Patience", value=18, alarm_at=25, last_delta=-7),
        )
        self._shown_speed = ctx.settings.animation_speed
        # Whether there is an audio device is only known once the mixer has been tried: try it
        # now, so the sound row can say so the first time it is seen.
        ctx.sounds.probe()
        self.layout()

    def layout(self) -> None:
        for i, row in enumerate(self.rows):
            row.rect = theme.grid_rect(
                0, ROWS_COLUMNS, ROWS_TOP + i * theme.ROW_PITCH, theme.ROW_PITCH - theme.UNIT
            )
            row.rect.inflate_ip(2 * theme.UNIT, 0)
        self.back.rect = pygame.Rect(
            theme.MARGIN_X,
            theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT,
            2 * theme.COLUMN,
            theme.CONTROL_HEIGHT,
        )

    def update(self, dt: float) -> bool:
        self._describe_sound()
        if self.ctx.settings.animation_speed is not self._shown_speed:
            # Replay the preview so the player sees the speed they just picked.
            self._shown_speed = self.ctx.settings.animation_speed
            for meter in self.preview_meters:
                meter.animate_from(meter.lo + (meter.value - meter.lo) // 3)
        moving = self.focus.update(dt)
        for meter in self.preview_meters:
            moving = meter.update(dt) or moving
        return moving

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        draw_page(surface, ctx, "Preferences", "Settings")
        self.focus.draw(surface, ctx)
        self._draw_preview(surface)
        draw_key_hints(
            surface,
            ctx,
            "\u2191\u2193 move \u00b7 \u2190\u2192 change \u00b7 Enter toggle \u00b7 Esc back",
        )
        saved = ctx.text(
            TextRole.CAPTION_ITALIC, "Changes apply at once and are saved.", palette.ink_soft
        )
        surface.blit(
            saved,
            saved.get_rect(bottomright=(theme.column_x(theme.COLUMNS), theme.CONTENT_BOTTOM - 14)),
        )

    def _describe_sound(self) -> None:
        row = self.rows[4]
        if isinstance(row, Toggle):
            row.description = (
                "Soft clicks and chimes."
                if self.ctx.sounds.is_available
                else "Soft clicks and chimes. No audio device was found, so the game is silent."
            )

    def _draw_preview(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        panel = theme.grid_rect(
            PREVIEW_FIRST_COLUMN, PREVIEW_COLUMNS, ROWS_TOP, 6 * theme.ROW_PITCH - theme.UNIT
        )
        pygame.draw.rect(surface, palette.surface, panel, border_radius=theme.RADIUS)
        pygame.draw.rect(surface, palette.rule, panel, width=1, border_radius=theme.RADIUS)
        pad = 3 * theme.UNIT
        x = panel.left + pad
        width = panel.width - 2 * pad
        y = panel.top + pad
        kicker = ctx.text(TextRole.KICKER, "PREVIEW", palette.ink_soft)
        surface.blit(kicker, (x, y))
        y += kicker.get_height() + theme.UNIT
        draw_rule(surface, palette.rule, x, x + width, y)
        y += 2 * theme.UNIT
        sample = ctx.text(TextRole.BODY, PREVIEW_TEXT, palette.ink, wrap=width)
        surface.blit(sample, (x, y))
        y += sample.get_height() + 3 * theme.UNIT
        for meter in self.preview_meters:
            meter.rect = pygame.Rect(x, y, width, 44)
            meter.draw(surface, ctx)
            y += 44 + 3 * theme.UNIT
        y += theme.UNIT
        for tone, name in (
            (Tone.POSITIVE, "Good news"),
            (Tone.CAUTION, "Caution"),
            (Tone.ALARM, "Alarm"),
        ):
            swatch = pygame.Rect(x, y, 16, 16)
            pygame.draw.rect(surface, palette.tone(tone), swatch, border_radius=3)
            label = ctx.text(TextRole.CAPTION, name, palette.ink)
            surface.blit(label, label.get_rect(midleft=(swatch.right + theme.UNIT, swatch.centery)))
            y += 16 + theme.UNIT + 4
