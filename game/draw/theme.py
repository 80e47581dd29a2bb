"""The one place that decides layout, colour, type and timing for every screen."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs
import pygame

from game.store.settings import AnimationSpeed, TextSize

Colour = tuple[int, int, int]

# --- Window and loop -------------------------------------------------------------------------

LOGICAL_WIDTH: Final = 1280
LOGICAL_HEIGHT: Final = 720
LOGICAL_SIZE: Final = (LOGICAL_WIDTH, LOGICAL_HEIGHT)
WINDOW_TITLE: Final = "Hanoi Summit"
FPS: Final = 60
IDLE_TIMEOUT_MS: Final = 1000
"""How long the idle loop blocks waiting for input before it looks round again."""
MAX_FRAME_SECONDS: Final = 0.1
"""Longest step fed to animations, so a stall never makes a meter jump."""

# --- Grid --------------------------------------------------------------------------------------
# Twelve columns between fixed outer margins; every panel edge sits on a column edge and every
# vertical distance is a multiple of UNIT, which is what makes screens line up with each other.

UNIT: Final = 8
MARGIN_X: Final = 64
MARGIN_Y: Final = 48
GUTTER: Final = 24
COLUMNS: Final = 12
COLUMN: Final = (LOGICAL_WIDTH - 2 * MARGIN_X - (COLUMNS - 1) * GUTTER) // COLUMNS
CONTENT_WIDTH: Final = LOGICAL_WIDTH - 2 * MARGIN_X
CONTENT_BOTTOM: Final = LOGICAL_HEIGHT - MARGIN_Y


def column_x(index: int) -> int:
    """Left edge of grid column ``index`` (0-11); ``index == COLUMNS`` is the right margin."""
    if index >= COLUMNS:
        return LOGICAL_WIDTH - MARGIN_X
    return MARGIN_X + index * (COLUMN + GUTTER)


def span(columns: int) -> int:
    """Width of ``columns`` adjacent columns including the gutters between them."""
    return columns * COLUMN + max(columns - 1, 0) * GUTTER


def grid_rect(first: int, columns: int, top: int, height: int) -> pygame.Rect:
    """A rectangle spanning grid columns ``first`` .. ``first + columns - 1``."""
    return pygame.Rect(column_x(first), top, span(columns), height)


RADIUS: Final = 6
RADIUS_SMALL: Final = 4
HAIRLINE: Final = 1
FOCUS_RING_WIDTH: Final = 3
FOCUS_RING_GAP: Final = 3
CONTROL_HEIGHT: Final = 48
ROW_PITCH: Final = 72

# --- Colour ------------------------------------------------------------------------------------


class Tone(enum.Enum):
    """What a colour means, so screens say 'alarm' and the palette decides which colour that is."""

    NEUTRAL = "neutral"
    POSITIVE = "positive"
    CAUTION = "caution"
    ALARM = "alarm"


@attrs.frozen
class Palette:
    """Every colour a screen may use, by role."""

    paper: Colour
    """Page background."""
    surface: Colour
    """Cards and panels lying on the paper."""
    surface_hover: Colour
    """A card under the pointer."""
    sunk: Colour
    """Meter tracks, wells, disabled fills."""
    rule: Colour
    """Hairlines and card borders."""
    ink: Colour
    """Body text and headings."""
    ink_soft: Colour
    """Secondary text (captions, descriptions)."""
    ink_faint: Colour
    """Disabled labels."""
    navy: Colour
    """Panels, primary buttons, the U.S. side."""
    navy_deep: Colour
    """Navy pressed or behind navy."""
    on_navy: Colour
    """Text on navy."""
    on_navy_soft: Colour
    """Secondary text on navy."""
    slate: Colour
    """Figures, chairs, neutral shapes."""
    focus: Colour
    """Keyboard focus ring."""
    positive: Colour
    caution: Colour
    alarm: Colour
    """Brick red (or its colour-blind-safe stand-in) for danger."""
    table: Colour
    """The summit table top."""
    shade: tuple[int, int, int, int]
    """Veil laid over a screen behind a modal dialog (RGBA)."""

    def tone(self, tone: Tone) -> Colour:
        """The colour that carries ``tone`` in this palette."""
        match tone:
            case Tone.POSITIVE:
                return self.positive
            case Tone.CAUTION:
                return self.caution
            case Tone.ALARM:
                return self.alarm
            case Tone.NEUTRAL:
                return self.ink_soft


STANDARD_PALETTE: Final = Palette(
    paper=(244, 240, 232),
    surface=(251, 249, 245),
    surface_hover=(236, 231, 220),
    sunk=(228, 223, 212),
    rule=(208, 201, 188),
    ink=(22, 34, 58),
    ink_soft=(78, 90, 108),
    ink_faint=(136, 140, 148),
    navy=(25, 43, 77),
    navy_deep=(16, 29, 54),
    on_navy=(244, 240, 232),
    on_navy_soft=(172, 184, 204),
    slate=(98, 112, 131),
    focus=(186, 120, 16),
    positive=(44, 104, 76),
    caution=(168, 112, 12),
    alarm=(158, 48, 36),
    table=(226, 219, 203),
    shade=(16, 29, 54, 150),
)

COLOUR_BLIND_PALETTE: Final = attrs.evolve(
    STANDARD_PALETTE,
    # Okabe-Ito blue and vermillion, darkened to keep text contrast on the off-white paper:
    # they stay apart for deuteranopes and protanopes, unlike brick red against green. Caution
    # is violet: an ochre beside the vermillion looked the same orange-brown to them.
    positive=(0, 102, 160),
    caution=(130, 40, 200),
    alarm=(190, 78, 0),
)

# Flag colours are fixed by each flag's specification, not by the palette.
US_RED: Final[Colour] = (178, 34, 52)
US_BLUE: Final[Colour] = (60, 59, 110)
DPRK_RED: Final[Colour] = (237, 28, 39)
DPRK_BLUE: Final[Colour] = (2, 79, 162)
FLAG_WHITE: Final[Colour] = (255, 255, 255)
# Illustration colours that carry no meaning, so they stay the same in every palette.
FLOWER_LEAF: Final[Colour] = (74, 112, 86)
FLOWER_BLOOM: Final[Colour] = (236, 226, 196)

# --- Type --------------------------------------------------------------------------------------


class Face(enum.Enum):
    """A font file: Inter for text, Vollkorn for display, and Summit Hangul for any text that
    holds Hangul, which the others lack (a Korean student's name)."""

    TEXT = "fonts/Inter-Regular.otf"
    TEXT_STRONG = "fonts/Inter-SemiBold.otf"
    TEXT_ITALIC = "fonts/Inter-Italic.otf"
    DISPLAY = "fonts/Vollkorn-SemiBold.ttf"
    DISPLAY_ITALIC = "fonts/Vollkorn-Italic.ttf"
    HANGUL = "fonts/SummitHangul-Regular.ttf"

    # Members are single objects that equal only themselves, so hashing by identity is right,
    # and done in C: every label drawn, every frame, looks up its role and face (Enum's own
    # hash, by name in Python, took a tenth of the summit table's frame).
    __hash__ = object.__hash__


class TextRole(enum.Enum):
    """What a piece of text is; the type scale decides its face, size and leading."""

    KICKER = "kicker"
    CAPTION = "caption"
    CAPTION_ITALIC = "caption_italic"
    LABEL = "label"
    BODY = "body"
    BODY_STRONG = "body_strong"
    BODY_ITALIC = "body_italic"
    LEAD = "lead"
    HEADING = "heading"
    TITLE = "title"
    DISPLAY = "display"
    FIGURE = "figure"
    FIGURE_SMALL = "figure_small"
    FINE_PRINT = "fine_print"
    """Secondary text at its normal size whatever the text size, for a place that cannot grow
    (a dialog's side column that would otherwise not fit the screen at large text)."""

    __hash__ = object.__hash__  # as Face's


@attrs.frozen
class TypeSpec:
    """Face, size and line spacing of one text role at normal text size."""

    face: Face
    px: int
    leading: float = 1.3
    """Line pitch as a multiple of the size, used when text wraps."""
    tracking: int = 0
    """Extra pixels between letters (small capitals read better spaced out)."""


TYPE_SCALE: Final[Mapping[TextRole, TypeSpec]] = MappingProxyType(
    {
        TextRole.KICKER: TypeSpec(Face.TEXT_STRONG, 13, 1.3, tracking=2),
        TextRole.CAPTION: TypeSpec(Face.TEXT, 14, 1.4),
        TextRole.CAPTION_ITALIC: TypeSpec(Face.TEXT_ITALIC, 14, 1.4),
        TextRole.LABEL: TypeSpec(Face.TEXT_STRONG, 17, 1.3),
        TextRole.BODY: TypeSpec(Face.TEXT, 18, 1.5),
        TextRole.BODY_STRONG: TypeSpec(Face.TEXT_STRONG, 18, 1.5),
        TextRole.BODY_ITALIC: TypeSpec(Face.TEXT_ITALIC, 18, 1.5),
        TextRole.LEAD: TypeSpec(Face.DISPLAY_ITALIC, 24, 1.35),
        TextRole.HEADING: TypeSpec(Face.DISPLAY, 32, 1.2),
        TextRole.TITLE: TypeSpec(Face.DISPLAY, 44, 1.15),
        TextRole.DISPLAY: TypeSpec(Face.DISPLAY, 84, 1.05),
        TextRole.FIGURE: TypeSpec(Face.TEXT_STRONG, 56, 1.0),
        TextRole.FIGURE_SMALL: TypeSpec(Face.TEXT_STRONG, 22, 1.0),
        TextRole.FINE_PRINT: TypeSpec(Face.TEXT, 14, 1.35),
    }
)

TEXT_SCALE: Final[Mapping[TextSize, float]] = MappingProxyType(
    {TextSize.SMALL: 0.875, TextSize.NORMAL: 1.0, TextSize.LARGE: 1.2}
)
# Headings are already large; the text-size setting exists for reading text, and growing
# headings with it would only push layouts apart.
FIXED_SIZE_ROLES: Final = frozenset(
    {
        TextRole.FINE_PRINT,
        TextRole.LEAD,
        TextRole.HEADING,
        TextRole.TITLE,
        TextRole.DISPLAY,
        TextRole.FIGURE,
    }
)

# --- Motion ------------------------------------------------------------------------------------

METER_SECONDS: Final = 0.6
SCROLL_SECONDS: Final = 0.18
FADE_SECONDS: Final = 0.22
ANIMATION_SCALE: Final[Mapping[AnimationSpeed, float]] = MappingProxyType(
    {
        AnimationSpeed.OFF: 0.0,
        AnimationSpeed.SLOW: 1.6,
        AnimationSpeed.NORMAL: 1.0,
        AnimationSpeed.FAST: 0.5,
    }
)
"""Multiplier on every duration; 0 means animations end the moment they start."""
