"""Changes as coloured chips: each a meter's change (``trust +8``) told as good or bad news for
the player, laid out in rows; what proposing a move, and its acceptance, change; and how hard a
form is to win. The choice rows and dialogs (:mod:`game.ui.widgets.choices`), the table's card
details and the hot-seat screens show them alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole, Tone
from game.engine import GameState, Move, Scenario
from game.engine.describe import changes
from game.engine.foresight import (
    foreseen,
    foreseen_refusal,
    foreseen_rejection,
    likely_rejected,
    no_trust_wins,
)
from game.engine.scenario import Effect, Variant
from game.ui.tones import change_tone

CHIP_HEIGHT: Final = 26
CHIP_GAP: Final = 6


@attrs.frozen
class Part:
    """One change, e.g. ``trust +8``, and whether it is good or bad news for the player."""

    text: str
    tone: Tone
    plain: bool = False
    """Drawn as a plain word heading the chips that follow (no outline)."""


def effect_parts(scenario: Scenario, *effects: Effect) -> list[Part]:
    """The changes the effects make together as parts: one per meter, in the scenario's order,
    then their stance."""
    return [Part(change.text, change_tone(change)) for change in changes(scenario, *effects)]


def cost_parts(state: GameState, move: Move) -> list[Part]:
    """What making an offer (in a form) changes, as a player can foresee it (see
    :func:`game.engine.foresight.foreseen`): "Proposing it:", "If accepted:" and, where they
    would now turn it down, "If rejected, as now likely:"; for a form every delegation refuses,
    "When they refuse:" (a play-tester lost 23 patience to a refusal); for a recess or walking
    away, not put to them, "It changes:" alone (a play-tester read "Proposing it:" on a call)."""
    proposing, accepted = foreseen(state, move)
    scenario = state.scenario
    if not scenario.offer(move.offer).kind.judged:
        return labelled("It changes:", effect_parts(scenario, *proposing))
    if no_trust_wins(state, move):
        then = labelled("When they refuse:", effect_parts(scenario, *foreseen_refusal(state, move)))
    else:
        then = labelled("If accepted:", effect_parts(scenario, *accepted))
        if likely_rejected(state, move):
            rejection = effect_parts(scenario, *foreseen_rejection(state, move))
            then += labelled("If rejected, as now likely:", rejection)
    return labelled("Proposing it:", effect_parts(scenario, *proposing)) + then


def difficulty(variant: Variant) -> str:
    """How a variant changes what they need before they accept, in a sentence ("" if not)."""
    if variant.shift > 0:
        return f"They need {variant.shift} more on the meter before they accept."
    if variant.shift < 0:
        return f"They need {-variant.shift} less on the meter before they accept."
    return ""


def labelled(label: str, parts: Sequence[Part]) -> list[Part]:
    """``parts`` headed by a plain word, e.g. "If accepted:" (nothing when there are none)."""
    return [Part(label, Tone.NEUTRAL, plain=True), *parts] if parts else []


def chips_height(ctx: UiContext, parts: Sequence[Part], width: int) -> int:
    """Height :func:`draw_chips` takes for ``parts`` at ``width``."""
    return flow_chips(ctx, parts, pygame.Rect(0, 0, width, 0))[1]


def draw_chips(
    surface: pygame.Surface,
    ctx: UiContext,
    parts: Sequence[Part],
    topleft: tuple[int, int],
    width: int,
    *,
    empty: str = "",
) -> int:
    """Draw each part as a small outlined chip, wrapping at ``width``; return the height used."""
    palette = ctx.palette
    if not parts:
        if not empty:
            return 0
        text = ctx.text(TextRole.CAPTION_ITALIC, empty, palette.ink_soft)
        surface.blit(text, topleft)
        return text.get_height()
    rects, height = flow_chips(ctx, parts, pygame.Rect(topleft, (width, 0)))
    for part, rect in zip(parts, rects, strict=True):
        if part.plain:
            text = ctx.text(TextRole.CAPTION, part.text, palette.ink_soft)
            surface.blit(text, text.get_rect(midleft=(rect.left, rect.centery)))
            continue
        colour = palette.tone(part.tone)
        pygame.draw.rect(surface, palette.surface, rect, border_radius=rect.height // 2)
        pygame.draw.rect(surface, colour, rect, width=1, border_radius=rect.height // 2)
        text = ctx.text(TextRole.CAPTION, part.text, colour)
        surface.blit(text, text.get_rect(center=rect.center))
    return height


def chip_height(ctx: UiContext) -> int:
    """The height of a chip at the text size."""
    return max(CHIP_HEIGHT, ctx.line_height(TextRole.CAPTION) + 6)


def flow_chips(
    ctx: UiContext, parts: Sequence[Part], area: pygame.Rect
) -> tuple[list[pygame.Rect], int]:
    """Where each chip goes in ``area``, in rows, and the height they take."""
    chip_h = chip_height(ctx)
    x, y = area.left, area.top
    rects = []
    for part in parts:
        w = ctx.text_width(TextRole.CAPTION, part.text) + (0 if part.plain else 2 * theme.UNIT + 4)
        if x > area.left and x + w > area.right:
            x = area.left
            y += chip_h + CHIP_GAP
        rects.append(pygame.Rect(x, y, w, chip_h))
        x += w + CHIP_GAP
    height = (y - area.top) + chip_h if parts else 0
    return rects, height
