"""What every screen and widget draws with: current settings, palette, fonts and sounds."""

from __future__ import annotations

import math

import attrs
import pygame

from game.draw.assets import Align, Cue, FontBook, SoundBank
from game.draw.theme import (
    ANIMATION_SCALE,
    COLOUR_BLIND_PALETTE,
    FIXED_SIZE_ROLES,
    STANDARD_PALETTE,
    TEXT_SCALE,
    TYPE_SCALE,
    Colour,
    Palette,
    TextRole,
)
from game.store.settings import Settings


@attrs.define(eq=False)
class UiContext:
    """Owned by the app; screens hold a reference and read it when they draw.

    The app is the only writer (through :meth:`apply_settings`), so a settings change reaches
    every screen on its next frame without screens listening for it.
    """

    settings: Settings = attrs.field(factory=Settings)
    fonts: FontBook = attrs.field(factory=FontBook)
    sounds: SoundBank = attrs.field(
        default=attrs.Factory(lambda self: SoundBank(enabled=self.settings.sound), takes_self=True)
    )

    def apply_settings(self, settings: Settings) -> None:
        """Make ``settings`` current for drawing and sound."""
        self.settings = settings
        self.sounds.enabled = settings.sound

    @property
    def palette(self) -> Palette:
        """The palette the settings ask for."""
        return COLOUR_BLIND_PALETTE if self.settings.colour_blind else STANDARD_PALETTE

    @property
    def animation_scale(self) -> float:
        """Multiplier on animation durations (0 = no animation)."""
        return ANIMATION_SCALE[self.settings.animation_speed]

    def px(self, role: TextRole) -> int:
        """Pixel size of ``role`` at the current text size."""
        spec = TYPE_SCALE[role]
        if role in FIXED_SIZE_ROLES:
            return spec.px
        return round(spec.px * TEXT_SCALE[self.settings.text_size])

    def line_height(self, role: TextRole) -> int:
        """Distance between wrapped lines of ``role``."""
        return math.ceil(self.px(role) * TYPE_SCALE[role].leading)

    def font(self, role: TextRole) -> pygame.font.Font:
        """The font object for ``role`` (for measuring)."""
        return self.fonts.font(TYPE_SCALE[role].face, self.px(role))

    def text(
        self,
        role: TextRole,
        text: str,
        colour: Colour,
        *,
        wrap: int = 0,
        align: Align = Align.LEFT,
    ) -> pygame.Surface:
        """``text`` in ``role``, wrapped at ``wrap`` pixels when given; cached."""
        spec = TYPE_SCALE[role]
        return self.fonts.render(
            spec.face,
            self.px(role),
            text,
            colour,
            wrap=wrap,
            line_px=self.line_height(role) if wrap else 0,
            align=align,
            tracking=spec.tracking,
        )

    def text_width(self, role: TextRole, text: str) -> int:
        """Width of ``text`` set on one line in ``role``."""
        spec = TYPE_SCALE[role]
        if spec.tracking:
            return self.text(role, text, (0, 0, 0)).get_width()
        return self.fonts.width(spec.face, self.px(role), text)

    def play(self, cue: Cue) -> None:
        """Play an interface sound if sound is on."""
        self.sounds.play(cue)
